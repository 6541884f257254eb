"""lax.switch and lax.map (on cond and scan), and the dynamic slices: start
indices may be traced (inside jit and loops), sizes are static.

A dynamic slice is one ``gather`` on the flattened operand: the block's flat
indices are a constant offset table plus the (clamped, traced) start's flat
offset.  A dynamic update is ``select(mask, scatter_add(zeros, idx, update),
operand)``: exact (no ``x + (u - x)`` rounding) and differentiable in both."""
from typing import Any, Callable, Sequence

import numpy as np

from ..control._util import as_value
from ..core import tree_util as tu
from ..core._typevars import R
from ..core.trace import get_aval
from .. import primitives as P
from ..transforms.api import vmap
from ._control import cond, scan


def switch(index: Any, branches: Sequence[Callable[..., R]], *operands: Any) -> R:
    """``branches[index](*operands)`` with ``index`` clamped to the valid range
    (JAX's ``lax.switch``); a binary tree of ``cond`` calls, so it traces, batches
    and differentiates as cond does."""
    branches = list(branches)
    if not branches:
        raise ValueError("lax.switch: branches must be a non-empty sequence of functions")
    if not all(callable(b) for b in branches):
        raise TypeError("lax.switch: every branch must be callable")
    i = as_value(index)
    if get_aval(i).shape != () or get_aval(i).dtype.kind not in "iub":
        raise TypeError(f"lax.switch: index must be a scalar integer, got "
                        f"{get_aval(i).str_short()}")
    i = P.convert_element_type(i, np.int32)
    i = P.max(P.min(i, np.int32(len(branches) - 1)), np.int32(0))

    def run(lo, hi, ops):
        if hi - lo == 1:
            return branches[lo](*ops)
        mid = (lo + hi) // 2
        return cond(P.lt(i, np.int32(mid)), lambda *o: run(lo, mid, o),
                    lambda *o: run(mid, hi, o), *ops)
    return run(0, len(branches), operands)


def map(f: Callable[[Any], Any], xs: Any, *, batch_size: int | None = None) -> Any:  # noqa: A001
    """``stack([f(x) for x in xs])`` over the leading axis of every leaf of xs, as
    a scan (JAX's ``lax.map``); ``batch_size`` runs that many at once with vmap
    semantics: a scan over chunks of vmap(f), the remainder vmapped after it."""
    if batch_size is None:
        _, ys = scan(lambda c, x: (c, f(x)), (), xs)
        return ys
    bs = int(batch_size)
    leaves, tree = tu.tree_flatten(xs)
    leaves = [as_value(v) for v in leaves]
    n = get_aval(leaves[0]).shape[0]
    nb, rem = divmod(n, bs) if bs > 0 else (0, n)
    vf = vmap(f)
    parts = []
    if nb:
        main = [P.reshape(P.slice_(v, (0,) * get_aval(v).ndim,
                                   (nb * bs,) + get_aval(v).shape[1:]),
                          (nb, bs) + get_aval(v).shape[1:]) for v in leaves]
        _, ys = scan(lambda c, x: (c, vf(x)), (), tu.tree_unflatten(tree, main))
        parts.append(tu.tree_map(
            lambda y: P.reshape(y, (nb * bs,) + get_aval(y).shape[2:]), ys))
    if rem:
        tail = [P.slice_(v, (nb * bs,) + (0,) * (get_aval(v).ndim - 1), get_aval(v).shape)
                for v in leaves]
        parts.append(vf(tu.tree_unflatten(tree, tail)))
    if len(parts) == 1:
        return parts[0]
    return tu.tree_map(lambda a, b: P.concatenate([a, b], 0), parts[0], parts[1])


def _starts(name, x, start_indices, sizes):
    shape = get_aval(x).shape
    starts = list(start_indices)
    if len(starts) != len(shape) or len(sizes) != len(shape):
        raise TypeError(f"lax.{name}: operand of shape {shape} needs {len(shape)} start "
                        f"indices and sizes, got {len(starts)} and {len(sizes)}")
    for d, (k, n) in enumerate(zip(sizes, shape)):
        if not 0 <= k <= n:
            raise TypeError(f"lax.{name}: slice size {k} on axis {d} must be in [0, {n}] "
                            f"(operand shape {shape})")
    flat = None
    strides = np.cumprod((1,) + shape[::-1])[:-1][::-1] if shape else ()
    for s, k, n, st in zip(starts, sizes, shape, strides):
        s = as_value(s)
        if get_aval(s).dtype.kind not in "iu" or get_aval(s).shape != ():
            raise TypeError(f"lax.{name}: start indices must be scalar integers, got "
                            f"{get_aval(s).str_short()}")
        s = P.convert_element_type(s, np.int64)
        s = P.max(P.min(s, np.int64(n - k)), np.int64(0))   # clamped, as JAX's
        term = P.mul(s, np.int64(st))
        flat = term if flat is None else P.add(flat, term)
    grids = np.meshgrid(*[np.arange(k) for k in sizes], indexing="ij")
    base = sum((g * st for g, st in zip(grids, strides)), np.zeros(tuple(sizes), np.int64))
    base = np.asarray(base, np.int64).reshape(-1)
    idx = base if flat is None else P.add(base, flat)
    return idx


def dynamic_slice(operand, start_indices, slice_sizes):
    """``operand[s0:s0+k0, s1:s1+k1, ...]`` with traced starts allowed; starts are
    clamped so the slice stays in bounds (JAX's ``lax.dynamic_slice``)."""
    x = as_value(operand)
    sizes = tuple(int(k) for k in slice_sizes)
    if get_aval(x).ndim == 0:
        return x
    idx = _starts("dynamic_slice", x, start_indices, sizes)
    return P.reshape(P.gather(P.reshape(x, (get_aval(x).size,)), idx),
                     sizes)


def dynamic_update_slice(operand, update, start_indices):
    """``operand`` with the block at ``start_indices`` replaced by ``update``
    (starts clamped, traced allowed; JAX's ``lax.dynamic_update_slice``)."""
    x, u = as_value(operand), as_value(update)
    ax, au = get_aval(x), get_aval(u)
    if au.dtype != ax.dtype:
        u = P.convert_element_type(u, ax.dtype)
    if au.ndim != ax.ndim:
        raise TypeError(f"lax.dynamic_update_slice: update of shape {au.shape} must have "
                        f"the operand's rank {ax.ndim} (shape {ax.shape})")
    if ax.ndim == 0:
        return u
    idx = _starts("dynamic_update_slice", x, start_indices, au.shape)
    n = ax.size
    flat_u = P.reshape(u, (au.size,))
    placed = P.scatter_add(P.full((n,), 0, ax.dtype, like=x), idx, flat_u)
    mask = P.scatter_add(np.zeros((n,), np.int8), idx, np.ones((au.size,), np.int8))
    out = P.select(P.gt(mask, np.int8(0)), placed, P.reshape(x, (n,)))
    return P.reshape(out, ax.shape)


def dynamic_slice_in_dim(operand, start_index, slice_size, axis=0):
    """``dynamic_slice`` along one axis (the others whole)."""
    x = as_value(operand)
    shape = get_aval(x).shape
    axis = axis % len(shape)
    starts = [0] * len(shape)
    starts[axis] = start_index
    sizes = list(shape)
    sizes[axis] = int(slice_size)
    return dynamic_slice(x, starts, sizes)


def dynamic_index_in_dim(operand, index, axis=0, keepdims=True):
    """One index along ``axis`` (traced allowed); ``keepdims=False`` drops the axis."""
    out = dynamic_slice_in_dim(operand, index, 1, axis)
    if keepdims:
        return out
    shape = list(get_aval(out).shape)
    del shape[axis % len(shape)]
    return P.reshape(out, tuple(shape))


def dynamic_update_slice_in_dim(operand, update, start_index, axis):
    """``dynamic_update_slice`` along one axis."""
    x = as_value(operand)
    starts = [0] * get_aval(x).ndim
    starts[axis % len(starts)] = start_index
    return dynamic_update_slice(x, update, starts)


def dynamic_update_index_in_dim(operand, update, index, axis):
    """Replace one index along ``axis`` (update without or with that axis)."""
    x, u = as_value(operand), as_value(update)
    if get_aval(u).ndim == get_aval(x).ndim - 1:
        shape = list(get_aval(u).shape)
        shape.insert(axis % get_aval(x).ndim, 1)
        u = P.reshape(u, tuple(shape))
    return dynamic_update_slice_in_dim(x, u, index, axis)


__all__ = ["switch", "map", "dynamic_slice", "dynamic_update_slice", "dynamic_slice_in_dim",
           "dynamic_index_in_dim", "dynamic_update_slice_in_dim",
           "dynamic_update_index_in_dim"]
