"""``bridge``: apply a functional (array -> array) function to Tensors with autograd.

``bridge(fn, name, *tensors)`` runs ``fn`` on the tensors' values: directly
when nothing needs a gradient, else under a recording trace (the one that
create_graph uses), so every primitive ``fn`` binds becomes a facade node; the
last one is named ``name`` and the others are hidden from next_functions.
It lives in the facade's base (not in ``nn``) because Tensor methods use it
(``.at[...]``, ``sigmoid``, ``repeat``, ``matmul``); ``nn`` uses it from here.
"""
import numpy as np

from ..core.trace import new_main
from ._engine import _grad, _RecTrace, _RecTracer, _seq, mark_hidden, node_class
from ._tensor import Tensor, _wrap


def bridge(fn, name, *tensors, **kwargs):
    if not (_grad.on and any(isinstance(t, Tensor) and t.requires_grad for t in tensors)):
        vals = [t._v if isinstance(t, Tensor) else t for t in tensors]
        out = fn(*vals, **kwargs)
        return _contiguous_result(_wrap(np.asarray(out) if isinstance(out, np.generic) else out))
    start = next(_seq)
    with new_main(_RecTrace, name) as main:
        trace = main.trace
        ins = [_RecTracer(trace, t) if isinstance(t, Tensor) else t for t in tensors]
        out = fn(*ins, **kwargs)
        out = trace.full_raise(out).t
    return _contiguous_result(named(out, start, name))


def named(out, start, name):
    """Present the nodes recorded since ``start`` as one node called ``name``
    (the last one, renamed; the others hidden from next_functions)."""
    if out.grad_fn is not None and out.grad_fn.seq > start:
        out.grad_fn.__class__ = node_class(name)
        mark_hidden(out.grad_fn, start)
    return out


def _contiguous_result(out):
    # PyTorch's non-view ops (conv2d, max_pool2d, ...) return contiguous tensors,
    # so user code may .view() them; ours can come out of an internal transpose.
    # The result owns fresh storage, so swapping in a C-ordered copy is safe.
    v = out._v
    if isinstance(v, np.ndarray) and not v.flags.c_contiguous:
        out._v = np.ascontiguousarray(v)
    return out
