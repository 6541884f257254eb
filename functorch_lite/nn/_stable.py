"""Numerically stable helpers over primitives, and the bridge that applies a
functional (array -> array) function to Tensors with autograd.

``logsumexp softmax log_softmax sigmoid softplus`` here take arrays/tracers,
exactly like their ``functorch_lite.numpy`` counterparts (being written in
``numpy/_stable.py``); once those land, these become one-line delegations.

``bridge(fn, name, *tensors)`` runs ``fn`` on the tensors' values: directly
when nothing needs a gradient, else under a recording trace (the one that
create_graph uses), so every primitive ``fn`` binds becomes a facade node; the
last one is named ``name`` and the others are hidden from next_functions.
"""
import numpy as np

from .. import primitives as P
from ..core.trace import get_aval, new_main


def _axis(x, axis):
    return axis % get_aval(x).ndim if get_aval(x).ndim else 0


def _max_keep(x, axis):
    m = P.reduce_max(x, (axis,))
    shape = list(get_aval(x).shape)
    shape[axis] = 1
    m = P.reshape(m, tuple(shape))
    # rows that are all -inf: shift by 0 instead of -inf (no inf - inf = nan)
    m = P.select(P.eq(m, -np.inf), P.zeros_like(m), m)
    return P.stop_gradient(m)


def logsumexp(x, axis=-1, keepdims=False):
    axis = _axis(x, axis)
    m = _max_keep(x, axis)
    s = P.reduce_sum(P.exp(P.sub(x, m)), (axis,))
    shape = list(get_aval(x).shape)
    shape[axis] = 1
    r = P.add(P.log(P.reshape(s, tuple(shape))), m)
    return r if keepdims else P.reshape(r, tuple(d for i, d in enumerate(shape) if i != axis))


def log_softmax(x, axis=-1):
    return P.sub(x, logsumexp(x, axis, keepdims=True))


def softmax(x, axis=-1):
    axis = _axis(x, axis)
    m = _max_keep(x, axis)
    e = P.exp(P.sub(x, m))
    s = P.reduce_sum(e, (axis,))
    shape = list(get_aval(x).shape)
    shape[axis] = 1
    return P.div(e, P.reshape(s, tuple(shape)))


def sigmoid(x):
    # 1/(1+exp(-|x|)) on the safe side, mirrored for negative x: no overflow
    e = P.exp(P.neg(P.abs(x)))
    pos = P.div(1.0, P.add(1.0, e))
    return P.select(P.ge(x, P.zeros_like(x)), pos, P.sub(1.0, pos))


def softplus(x):
    # log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|))
    return P.add(P.max(x, P.zeros_like(x)), P.log(P.add(1.0, P.exp(P.neg(P.abs(x))))))


# ------------------------------------------------------------------ bridge

def bridge(fn, name, *tensors, **kwargs):
    from ..tensor._engine import _GRAD, _RecTrace, _RecTracer, mark_hidden, node_class, _seq
    from ..tensor._tensor import Tensor, _wrap
    if not (_GRAD[0] and any(isinstance(t, Tensor) and t.requires_grad for t in tensors)):
        vals = [t._v if isinstance(t, Tensor) else t for t in tensors]
        out = fn(*vals, **kwargs)
        return _wrap(out)
    start = next(_seq)
    with new_main(_RecTrace, name) as main:
        trace = main.trace
        ins = [_RecTracer(trace, t) if isinstance(t, Tensor) else t for t in tensors]
        out = fn(*ins, **kwargs)
        out = trace.full_raise(out).t
    if out.grad_fn is not None and out.grad_fn.seq > start:
        out.grad_fn.__class__ = node_class(name)
        mark_hidden(out.grad_fn, start)
    return out
