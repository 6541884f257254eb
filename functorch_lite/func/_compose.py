"""Transforms composed with eager autograd (MAML: ``func.grad`` inside,
``.backward()`` outside).

When a func transform is called in grad mode with input Tensors that require
grad (and hold concrete values), its whole call is one differentiable function
of those inputs: it runs under the core ``vjp`` and each output Tensor gets a
graph node (an ``autograd.Function`` node) whose backward pulls the output's
cotangent back through that vjp.  So the result requires grad and
``.backward()`` reaches the inputs' ``.grad`` with PyTorch's numbers
(second-order terms included).  A tensor that requires grad reaching the
function only by closure is not tracked (PyTorch tracks it): pass it as an
argument.  Differentiating these nodes again (create_graph) is not supported.
"""
import functools

import numpy as np

from ..autograd._function import Function, FunctionCtx, function_p
from ..core.trace import Tracer, get_aval
from ..facade._dispatch import record
from ..facade._engine import _grad
from ..facade._tensor import Tensor, _wrap
from ..transforms import api as _api
from ._pytree import tree_flatten, tree_unflatten


class _TransformPullback(Function):
    """The node of one output of a transform called on Tensors requiring grad."""

    @staticmethod
    def backward(ctx, g):
        cts = [np.zeros(a.shape, a.dtype) for a in ctx.out_avals]
        cts[ctx.k] = g._v
        return tuple(_wrap(c) for c in ctx.pullback(cts))


def _live(x):
    return isinstance(x, Tensor) and x.requires_grad and not isinstance(x._v, Tracer)


def taped(transformed):
    """Wrap a transformed function so its results keep the autograd graph of
    its Tensor inputs that require grad (see the module docstring)."""
    @functools.wraps(transformed)
    def wrapper(*args, **kwargs):
        leaves, spec = tree_flatten((args, kwargs))
        req = [i for i, x in enumerate(leaves) if _live(x)]
        if not req or not _grad.on:
            return transformed(*args, **kwargs)
        box = []

        def whole(*vals):
            ls = list(leaves)
            for i, v in zip(req, vals):
                ls[i] = _wrap(v)
            a, k = tree_unflatten(spec, ls)
            out = transformed(*a, **k)
            ol, ospec = tree_flatten(out)
            box.append((ospec, [isinstance(o, Tensor) for o in ol]))
            return [o._v if isinstance(o, Tensor) else o for o in ol]

        outs, pullback = _api.vjp(whole, *[leaves[i]._v for i in req])
        ospec, is_t = box[0]
        avals = [get_aval(o) for o in outs]
        inputs = [leaves[i] for i in req]
        results = []
        for k, (o, t) in enumerate(zip(outs, is_t)):
            res = _wrap(o)
            if t and avals[k].dtype.kind in "fc":
                ctx = FunctionCtx()
                ctx.k, ctx.out_avals, ctx.pullback = k, avals, pullback
                ctx.needs_input_grad = (True,) * len(inputs)
                record(res, function_p, {"fn": _TransformPullback, "ctx": ctx,
                                         "n_in": len(inputs)},
                       tuple(inputs), tuple(x._v for x in inputs), res._v,
                       "TransformBackward")
            results.append(res if t else o)
        return tree_unflatten(ospec, results)
    return wrapper
