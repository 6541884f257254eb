"""torch.autograd.functional: jacobian, hessian, vjp, jvp, hvp, vhp.

Built on the core transforms (``transforms.api``/``jacobians``), with
PyTorch's conventions: ``inputs`` is a Tensor or a tuple of Tensors and the
results mirror it (a Tensor for a Tensor, a tuple for a tuple); ``v`` may be
omitted for a one-element output; results are detached unless
``create_graph=True``, when they keep the graph of inputs that require grad
(first order: differentiating them again is not supported).  ``strict=True``
raises where an input does not influence the output (PyTorch's check);
``vectorize=False`` computes a Jacobian one row at a time (PyTorch's loop),
``True`` all rows in one vmapped pass; ``strategy`` picks reverse or forward
mode.
"""
import numpy as np

from .. import numpy as fnp

from ..core.trace import get_aval
from ..facade._dispatch import record
from ..facade._engine import _grad
from ..facade._tensor import Tensor, _wrap
from ..transforms import api as _api
from ..transforms.reverse import backward_pass, vjp_flat
from ..transforms import jacobians as _jac
from . import _function

_STRATEGIES = ("reverse-mode", "forward-mode")


def _as_tuple(x, name, what):
    single = isinstance(x, Tensor)
    xs = (x,) if single else x
    if not isinstance(xs, tuple) or not all(isinstance(t, Tensor) for t in xs):
        raise TypeError(f"The {what} given to {name} must be either a Tensor or a tuple of "
                        f"Tensors but the given {what} has type {type(x).__name__}.")
    return single, xs


def _outs(out, name):
    single = isinstance(out, Tensor)
    outs = (out,) if single else out
    if not isinstance(outs, tuple) or not all(isinstance(o, Tensor) for o in outs):
        raise TypeError(f"The outputs of the user-provided function given to {name} must be "
                        f"either a Tensor or a tuple of Tensors but the given outputs of "
                        f"the user-provided function has type {type(out).__name__}.")
    return single, outs


def _flat(func, n, box, name):
    def f(*vals):
        single, outs = _outs(func(*[_wrap(v) for v in vals]), name)
        box[:] = [single]
        return [o._v for o in outs]
    return f


def _strict_check(func, xs, name):
    """PyTorch's strict mode: an input the outputs do not depend on is an error."""
    box = []
    outs, refs, leaf_nodes, _ = vjp_flat(lambda *v: (_flat(func, len(xs), box, name)(*v),
                                                     []), [x._v for x in xs], name)
    cts = backward_pass(refs, [np.ones(get_aval(o).shape, get_aval(o).dtype) for o in outs],
                        leaf_nodes)
    for i, c in enumerate(cts):
        if c is None:
            raise RuntimeError(f"The output of the user-provided function is independent of "
                               f"input {i}. This is not allowed in strict mode.")


def _finish(results, xs, create_graph, compute):
    """Results detached, or (create_graph) recomputed under a graph of the inputs."""
    if create_graph and _grad.on and any(x.requires_grad for x in xs):
        return _taped(compute, xs)
    return results


def _taped(compute, xs):
    """compute(*input values) -> list of values, as one differentiable node per
    result over the inputs that require grad."""
    req = [i for i, x in enumerate(xs) if x.requires_grad]

    def whole(*vals):
        full = [x._v for x in xs]
        for i, v in zip(req, vals):
            full[i] = v
        return compute(*full)

    outs, pull = _api.vjp(whole, *[xs[i]._v for i in req])
    avals = [get_aval(o) for o in outs]
    res = []
    for k, o in enumerate(outs):
        t = _wrap(o)
        ctx = _function.FunctionCtx()
        ctx.k, ctx.out_avals, ctx.pullback = k, avals, pull
        ctx.needs_input_grad = (True,) * len(req)
        record(t, _function.function_p, {"fn": _Pull, "ctx": ctx,
                                                    "n_in": len(req)},
                         tuple(xs[i] for i in req), tuple(xs[i]._v for i in req), t._v,
                         "FunctionalBackward")
        res.append(t)
    return res


class _Pull(_function.Function):
    @staticmethod
    def backward(ctx, g):
        cts = [np.zeros(a.shape, a.dtype) for a in ctx.out_avals]
        cts[ctx.k] = g._v
        return tuple(_wrap(c) for c in ctx.pullback(cts))


def _v_tuple(v, outs_or_ins, name, what):
    if v is None:
        if len(outs_or_ins) != 1 or int(np.prod(outs_or_ins[0].shape)) != 1:
            raise RuntimeError(f"The vector v can only be None if the {what} to the "
                               f"user-provided function is a single Tensor with a single "
                               f"element.")
        return tuple(_wrap(np.ones(o.shape, o._v.dtype)) for o in outs_or_ins)
    _, vs = _as_tuple(v, name, "v")
    if len(vs) != len(outs_or_ins):
        raise RuntimeError(f"v is a tuple of invalid length: should be {len(outs_or_ins)} "
                           f"but got {len(vs)}.")
    for i, (a, b) in enumerate(zip(vs, outs_or_ins)):
        if tuple(a.shape) != tuple(b.shape):
            raise RuntimeError(f"Mismatch in shape: v[{i}] has a shape of {list(a.shape)} "
                               f"and the {what}[{i}] has a shape of {list(b.shape)}.")
    return vs


def _pack(single, ts):
    return ts[0] if single else tuple(ts)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func_output, vjp)``: v^T J at ``inputs`` (torch.autograd.functional.vjp)."""
    single_in, xs = _as_tuple(inputs, "vjp", "inputs")
    if strict:
        _strict_check(func, xs, "vjp")
    box = []
    f = _flat(func, len(xs), box, "vjp")
    outs, pull = _api.vjp(f, *[x._v for x in xs])
    single_out = box[0]
    vs = _v_tuple(v, [_wrap(o) for o in outs], "vjp", "output")

    def compute(*vals):
        o, p = _api.vjp(f, *vals)
        return list(p([t._v for t in vs]))
    res = [_wrap(c) for c in pull([t._v for t in vs])]
    res = _finish(res, xs, create_graph, compute)
    return _pack(single_out, [_wrap(o) for o in outs]), _pack(single_in, res)


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func_output, jvp)``: J v at ``inputs`` (torch.autograd.functional.jvp)."""
    single_in, xs = _as_tuple(inputs, "jvp", "inputs")
    if strict:
        _strict_check(func, xs, "jvp")
    vs = _v_tuple(v, xs, "jvp", "input")
    box = []
    f = _flat(func, len(xs), box, "jvp")

    def compute(*vals):
        return list(_api.jvp(f, tuple(vals), tuple(t._v for t in vs))[1])
    outs, touts = _api.jvp(f, tuple(x._v for x in xs), tuple(t._v for t in vs))
    res = _finish([_wrap(t) for t in touts], xs, create_graph, compute)
    return _pack(box[0], [_wrap(o) for o in outs]), _pack(box[0], res)


def _jac_values(f, vals, vectorize, strategy, name):
    if strategy not in _STRATEGIES:
        raise ValueError(f'Expected strategy to be either "forward-mode" or "reverse-mode". '
                         f'Hint: If your function has more outputs than inputs, '
                         f'"forward-mode" tends to be more performant. Otherwise, prefer to '
                         f'use "reverse-mode". (got {strategy!r})')
    if strategy == "forward-mode":
        if not vectorize:
            raise ValueError("torch.autograd.functional.jacobian: `strategy=\"forward-mode\"` "
                             "requires `vectorize=True`.")
        jac = _jac.jacfwd(f, argnums=tuple(range(len(vals))))(*vals)
    elif vectorize:
        jac = _jac.jacrev(f, argnums=tuple(range(len(vals))))(*vals)
    else:       # PyTorch's row-by-row loop: one pullback per output element
        outs, pull = _api.vjp(f, *vals)
        jac = []
        for k, o in enumerate(outs):
            a = get_aval(o)
            rows = []
            for j in range(int(np.prod(a.shape))):
                cts = [np.zeros(get_aval(p).shape, get_aval(p).dtype) for p in outs]
                e = np.zeros(a.size, a.dtype)
                e[j] = 1
                cts[k] = e.reshape(a.shape)
                rows.append(pull(cts))
            jac.append(tuple(
                fnp.reshape(fnp.stack([r[i] for r in rows]), a.shape + get_aval(
                    vals[i]).shape) if rows else np.zeros(a.shape + get_aval(vals[i]).shape,
                                                          a.dtype)
                for i in range(len(vals))))
    return [list(row) for row in jac]


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False,
             strategy="reverse-mode"):
    """torch.autograd.functional.jacobian: blocks of shape out.shape + in.shape;
    a Tensor for one input and one output, a tuple over the tuple side(s), a
    tuple (outputs) of tuples (inputs) when both are tuples."""
    single_in, xs = _as_tuple(inputs, "jacobian", "inputs")
    if strict:
        if vectorize:
            raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and "
                               "`vectorize=True` are not supported together. Please either "
                               "set `strict=False` or `vectorize=False`.")
        _strict_check(func, xs, "jacobian")
    box = []
    f = _flat(func, len(xs), box, "jacobian")
    vals = [x._v for x in xs]
    jac = _jac_values(f, vals, vectorize, strategy, "jacobian")
    n_out, n_in = len(jac), len(xs)

    def compute(*vs):
        return [b for row in _jac_values(f, list(vs), True if strategy == "forward-mode"
                                         else vectorize, strategy, "jacobian") for b in row]
    flat = _finish([_wrap(b) for row in jac for b in row], xs, create_graph, compute)
    rows = [flat[i * n_in:(i + 1) * n_in] for i in range(n_out)]
    single_out = box[0]
    if single_out and single_in:
        return rows[0][0]
    if single_out:
        return tuple(rows[0])
    if single_in:
        return tuple(r[0] for r in rows)
    return tuple(tuple(r) for r in rows)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False,
            outer_jacobian_strategy="reverse-mode"):
    """torch.autograd.functional.hessian of a function returning one element:
    a Tensor (one input) or a tuple of tuples (tuple of inputs)."""
    single_in, xs = _as_tuple(inputs, "hessian", "inputs")

    def scalar(*ts):
        out = func(*ts)
        _, outs = _outs(out, "hessian")
        if len(outs) != 1 or int(np.prod(outs[0].shape)) != 1:
            raise RuntimeError("The function given to hessian should return a single Tensor "
                               "with a single element")
        return outs[0].reshape(())

    def grads(*ts):
        g = jacobian(scalar, tuple(ts), create_graph=True, vectorize=vectorize)
        return tuple(g)
    res = jacobian(grads, xs, create_graph=create_graph, strict=strict,
                   vectorize=vectorize or outer_jacobian_strategy == "forward-mode",
                   strategy=outer_jacobian_strategy)
    return res[0][0] if single_in else res


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func_output, v^T H)`` for a function returning one element."""
    single_in, xs = _as_tuple(inputs, "vhp", "inputs")
    vs = _v_tuple(v, xs, "vhp", "input")
    out = func(*xs)

    def grad_fn(*ts):
        return vjp(func, ts if len(ts) > 1 else ts[0], create_graph=True)[1]
    _, r = vjp(grad_fn, xs if not single_in else xs[0], vs if not single_in else vs[0],
               create_graph=create_graph, strict=strict)
    return out.detach() if not create_graph else out, r


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func_output, H v)``; the Hessian is symmetric here (second derivatives
    commute), so H v = (v^T H)^T is computed as PyTorch's vhp is."""
    return vhp(func, inputs, v, create_graph, strict)


__all__ = ["vjp", "jvp", "jacobian", "hessian", "vhp", "hvp"]
