"""torch.func's transforms over the core ones: grad, grad_and_value, vjp, jvp,
linearize, jacrev, jacfwd, hessian, vmap.

Each flattens its arguments in PyTorch's pytree order (``_pytree``: dicts in
insertion order), runs the core transform on a function of the flat array
values, shows the user's function Tensors, and rebuilds PyTorch's structures
from the results (Tensors).  Keyword arguments pass through undifferentiated
and unbatched, as torch.func does.
"""
import functools
from typing import Any, Callable

import numpy as np

from .. import numpy as fnp
from ..core._typevars import P, R
from ..core.trace import Tracer, get_aval
from ..facade._tensor import Tensor, _wrap
from ..facade import _randomness
from ..transforms import api as _api
from ..transforms import jacobians as _jac
from ..transforms.batching import vmap_flat
from ._pytree import broadcast_dims, tree_flatten, tree_unflatten


def _val(x):
    return x._v if isinstance(x, Tensor) else x


def _t(v):
    return v if isinstance(v, Tensor) else _wrap(np.asarray(v) if isinstance(
        v, (np.generic, int, float, bool)) else v)


def _argnums(argnums, nargs, name):
    if isinstance(argnums, int) and not isinstance(argnums, bool):
        nums, single = (argnums,), True
    elif isinstance(argnums, tuple) and argnums and all(
            isinstance(a, int) and not isinstance(a, bool) for a in argnums):
        nums, single = argnums, False
    else:
        raise RuntimeError(f"{name}: argnums must be an int or a non-empty tuple of ints, "
                           f"got {argnums!r}")
    for a in nums:
        if not -nargs <= a < nargs:
            raise RuntimeError(f"{name}: Got argnums={argnums}, but only {nargs} "
                               f"positional inputs")
    return single, tuple(a % nargs for a in nums)


def _check_tensors(leaves, name, what="inputs"):
    for x in leaves:
        if not isinstance(x, (Tensor, Tracer, np.ndarray)):
            raise RuntimeError(f"{name}: Expected all {what} to be Tensors, got "
                               f"{type(x).__name__}; pass tensors (torch.tensor(...)), or "
                               f"move the value out of argnums")


def _pair(out, name):
    if not (isinstance(out, tuple) and len(out) == 2):
        raise RuntimeError(f"{name}(f, ...)(*args): output of function f should be a tuple: "
                           f"(output, aux) if has_aux is True")
    return out


def _sub_args(args, nums, spec, vals):
    new = list(args)
    for i, sub in zip(nums, tree_unflatten(spec, [_t(v) for v in vals])):
        new[i] = sub
    return new


# ---------------------------------------------------------------- grad family

def grad_and_value(func: Callable[P, Any], argnums: int | tuple[int, ...] = 0,
                   has_aux: bool = False) -> Callable[P, tuple[Any, Any]]:
    """torch.func.grad_and_value: ``(grad, value)``, or ``(grad, (value, aux))``
    with ``has_aux``; gradients keep the structure of the ``argnums`` inputs
    (dicts in insertion order).  Differs from ``functorch_lite.value_and_grad``
    (JAX's): the order of the pair, and Tensors/insertion order throughout."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        single, nums = _argnums(argnums, len(args), "grad_and_value")
        leaves, spec = tree_flatten(tuple(args[i] for i in nums))
        _check_tensors(leaves, "grad_and_value")
        box = []

        def flat(*vals):
            out = func(*_sub_args(args, nums, spec, vals), **kwargs)
            if has_aux:
                out, aux = _pair(out, "grad_and_value")
                al, aspec = tree_flatten(aux)
                box.append(aspec)
                return _val(out), [_val(a) for a in al]
            return _val(out)

        n = len(leaves)
        res, g = _api.value_and_grad(flat, argnums=tuple(range(n)), has_aux=has_aux)(
            *[_val(x) for x in leaves])
        gs = tree_unflatten(spec, [_t(x) for x in g])
        gs = gs[0] if single else gs
        if has_aux:
            value, aux = res
            return gs, (_t(value), tree_unflatten(box[0], [_t(a) for a in aux]))
        return gs, _t(res)
    return wrapper


def grad(func: Callable[P, Any], argnums: int | tuple[int, ...] = 0,
         has_aux: bool = False) -> Callable[P, Any]:
    """torch.func.grad: the gradient of a scalar-output ``func`` with respect to
    the ``argnums`` inputs (``(grad, aux)`` with ``has_aux``)."""
    gv = grad_and_value(func, argnums, has_aux)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        g, v = gv(*args, **kwargs)
        return (g, v[1]) if has_aux else g
    return wrapper


def vjp(func: Callable[..., Any], *primals: Any, has_aux: bool = False) -> tuple[Any, ...]:
    """torch.func.vjp: ``(output, vjp_fn)`` (and ``aux``); ``vjp_fn(cotangents)``
    returns a tuple with one entry per primal."""
    leaves, spec = tree_flatten(primals)
    _check_tensors(leaves, "vjp", "primals")
    box = []

    def flat(*vals):
        out = func(*tree_unflatten(spec, [_t(v) for v in vals]))
        aux = None
        if has_aux:
            out, aux = _pair(out, "vjp")
        ol, ospec = tree_flatten(out)
        _check_tensors(ol, "vjp", "outputs")
        al, aspec = tree_flatten(aux)
        box.append((ospec, aspec))
        return ([_val(o) for o in ol], [_val(a) for a in al]) if has_aux else \
            [_val(o) for o in ol]

    res = _api.vjp(flat, *[_val(x) for x in leaves], has_aux=has_aux)
    outs, core_fn = res[0], res[1]
    ospec, aspec = box[0]

    def vjp_fn(cotangents, *, retain_graph=True, create_graph=None):
        cl, cspec = tree_flatten(cotangents)
        if cspec != ospec:
            raise RuntimeError(f"vjp_fn: Expected pytree structure of cotangents to be the "
                               f"same as pytree structure of outputs to the function; got "
                               f"{cspec}, expected {ospec}")
        cts = core_fn([_val(c) for c in cl])
        return tuple(tree_unflatten(spec, [_t(c) for c in cts]))

    out = tree_unflatten(ospec, [_t(o) for o in outs])
    if has_aux:
        return out, vjp_fn, tree_unflatten(aspec, [_t(a) for a in res[2]])
    return out, vjp_fn


def jvp(func: Callable[..., Any], primals: Any, tangents: Any, *, strict: bool = False,
        has_aux: bool = False) -> tuple[Any, ...]:
    """torch.func.jvp: ``(output, jvp_out)`` (and ``aux``, returned as plain
    values, never as tracers)."""
    if not isinstance(primals, tuple) or not isinstance(tangents, tuple):
        raise RuntimeError("jvp(f, primals, tangents): Expected primals and tangents to be "
                           "tuples (e.g. jvp(f, (x,), (t,)))")
    if strict:
        raise RuntimeError("jvp: strict=True is not supported by torch.func.jvp either")
    pl, pspec = tree_flatten(primals)
    tl, tspec = tree_flatten(tangents)
    if pspec != tspec:
        raise RuntimeError(f"jvp: Expected primals and tangents to have the same python "
                           f"structure; got {pspec} and {tspec}")
    _check_tensors(pl, "jvp", "primals")
    box = []

    def flat(*vals):
        out = func(*tree_unflatten(pspec, [_t(v) for v in vals]))
        aux = None
        if has_aux:
            out, aux = _pair(out, "jvp")
        ol, ospec = tree_flatten(out)
        al, aspec = tree_flatten(aux)
        box.append((ospec, aspec))
        return ([_val(o) for o in ol], [_val(a) for a in al]) if has_aux else \
            [_val(o) for o in ol]

    res = _api.jvp(flat, tuple(_val(x) for x in pl), tuple(_val(x) for x in tl),
                   has_aux=has_aux)
    ospec, aspec = box[0]
    out = tree_unflatten(ospec, [_t(o) for o in res[0]])
    tout = tree_unflatten(ospec, [_t(o) for o in res[1]])
    if has_aux:
        return out, tout, tree_unflatten(aspec, [_t(a) for a in res[2]])
    return out, tout


def linearize(func: Callable[..., R], *primals: Any) -> tuple[R, Callable[..., R]]:
    """torch.func.linearize: ``(output, jvp_fn)``; the linear part is traced
    once and ``jvp_fn(*tangents)`` replays only it."""
    leaves, spec = tree_flatten(primals)
    _check_tensors(leaves, "linearize", "primals")
    box = []

    def flat(*vals):
        ol, ospec = tree_flatten(func(*tree_unflatten(spec, [_t(v) for v in vals])))
        box.append(ospec)
        return [_val(o) for o in ol]

    outs, core_fn = _jac.linearize(flat, *[_val(x) for x in leaves])

    def jvp_fn(*tangents):
        tl, tspec = tree_flatten(tangents)
        if tspec != spec:
            raise RuntimeError(f"linearize jvp_fn: expected tangents with the structure of "
                               f"the primals {spec}, got {tspec}")
        return tree_unflatten(box[0], [_t(o) for o in core_fn(*[_val(t) for t in tl])])

    return tree_unflatten(box[0], [_t(o) for o in outs]), jvp_fn
