"""torch.func.jacrev / jacfwd / hessian: Jacobian blocks of shape
``output.shape + input.shape`` in PyTorch's pytree order (outputs outside,
``argnums`` inputs inside), built on the core jvp/vjp and its basis helpers."""
import functools
from typing import Any, Callable

import numpy as np

from .. import numpy as fnp
from ..core._typevars import P
from ..core.trace import get_aval
from ..facade import _randomness
from ..transforms import api as _api
from ..transforms import jacobians as _jac
from ._pytree import tree_flatten, tree_unflatten
from ._transforms import _argnums, _check_tensors, _pair, _sub_args, _t, _val


def _flat_fun(func, args, kwargs, nums, spec, has_aux, box, name):
    def flat(*vals):
        out = func(*_sub_args(args, nums, spec, vals), **kwargs)
        aux = None
        if has_aux:
            out, aux = _pair(out, name)
        ol, ospec = tree_flatten(out)
        al, aspec = tree_flatten(aux)
        if not box:
            box.append((ospec, aspec))
        return ([_val(o) for o in ol], [_val(a) for a in al]) if has_aux else \
            [_val(o) for o in ol]
    return flat


def _assemble(per_out, in_spec, single, ospec):
    res = []
    for blocks in per_out:
        t = tree_unflatten(in_spec, [_t(b) for b in blocks])
        res.append(t[0] if single else t)
    return tree_unflatten(ospec, res)


def _chunked(fn, basis, chunk_size):
    """vmap(fn) over axis 0 of ``basis``, ``chunk_size`` rows at a time."""
    n = get_aval(basis[0]).shape[0] if basis else 0
    if chunk_size is None or chunk_size >= n:
        return _api.vmap(fn)(*basis)
    parts = [_api.vmap(fn)(*[b[lo:lo + chunk_size] for b in basis])
             for lo in range(0, n, chunk_size)]
    return [fnp.concatenate(list(p), axis=0) for p in zip(*parts)]


def jacrev(func: Callable[P, Any], argnums: int | tuple[int, ...] = 0, *, has_aux: bool = False,
           chunk_size: int | None = None,
           _preallocate_and_copy: bool = False) -> Callable[P, Any]:
    """torch.func.jacrev: one vjp, its pullback vmapped over the output basis
    (``chunk_size`` rows at a time when given)."""
    if chunk_size is not None and (not isinstance(chunk_size, int) or chunk_size <= 0):
        raise ValueError("jacrev: `chunk_size` should be greater than 0.")

    @functools.wraps(func)
    def jacfun(*args, **kwargs):
        single, nums = _argnums(argnums, len(args), "jacrev")
        leaves, spec = tree_flatten(tuple(args[i] for i in nums))
        _check_tensors(leaves, "jacrev")
        box = []
        flat = _flat_fun(func, args, kwargs, nums, spec, has_aux, box, "jacrev")
        vals = [_val(x) for x in leaves]
        res = _api.vjp(flat, *vals, has_aux=has_aux)
        outs, pullback = res[0], res[1]
        basis, sizes = _jac._basis(outs)
        cts = _chunked(lambda *c: list(pullback(list(c))), basis, chunk_size)
        in_avals = [get_aval(v) for v in vals]
        per_out, off = [], 0
        for o, s in zip(outs, sizes):
            oa = get_aval(o)
            per_out.append([_jac._block(c, off, s, oa.shape, a.shape, True)
                            for c, a in zip(cts, in_avals)])
            off += s
        ospec, aspec = box[0]
        jac = _assemble(per_out, spec, single, ospec)
        if has_aux:
            return jac, tree_unflatten(aspec, [_t(a) for a in res[2]])
        return jac
    return jacfun


def jacfwd(func: Callable[P, Any], argnums: int | tuple[int, ...] = 0, has_aux: bool = False,
           *, randomness: str = "error") -> Callable[P, Any]:
    """torch.func.jacfwd: jvp vmapped over the input basis; ``randomness`` as
    vmap's (facade random functions inside see that mode)."""
    if randomness not in ("error", "different", "same"):
        raise RuntimeError(f"Only allowed values for randomness are 'error', 'different', "
                           f"or 'same'. Got {randomness!r}")

    @functools.wraps(func)
    def jacfun(*args, **kwargs):
        single, nums = _argnums(argnums, len(args), "jacfwd")
        leaves, spec = tree_flatten(tuple(args[i] for i in nums))
        _check_tensors(leaves, "jacfwd")
        box, obox = [], []
        flat = _flat_fun(func, args, kwargs, nums, spec, has_aux, box, "jacfwd")
        vals = [_val(x) for x in leaves]
        basis, sizes = _jac._basis(vals)
        n = sum(sizes)

        def push(lane, *tans):
            _randomness.push(randomness, n, lane)
            try:
                r = _api.jvp(flat, tuple(vals), tuple(tans), has_aux=has_aux)
            finally:
                _randomness.pop()
            if not obox:
                obox.append([get_aval(o) for o in r[0]])
            return list(r[1]), (list(r[2]) if has_aux else [])

        touts, aux = _api.vmap(push, out_axes=(0, None))(np.arange(n), *basis)
        per_out = []
        for t, oa in zip(touts, obox[0]):
            blocks, off = [], 0
            for v, s in zip(vals, sizes):
                blocks.append(_jac._block(t, off, s, get_aval(v).shape, oa.shape, False))
                off += s
            per_out.append(blocks)
        ospec, aspec = box[0]
        jac = _assemble(per_out, spec, single, ospec)
        if has_aux:
            return jac, tree_unflatten(aspec, [_t(a) for a in aux])
        return jac
    return jacfun


def hessian(func: Callable[P, Any], argnums: int | tuple[int, ...] = 0) -> Callable[P, Any]:
    """torch.func.hessian: jacfwd(jacrev(func, argnums), argnums)."""
    return jacfwd(jacrev(func, argnums), argnums)
