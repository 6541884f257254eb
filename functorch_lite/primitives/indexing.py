"""Indexing primitives: rev (flip axes), gather (take along axis 0) and
scatter_add (its transpose: out = operand; out[idx] += updates, repeated
indices accumulate).

Every integer-array index, take, take_along_axis and ``.at[]`` update in
functorch_lite.numpy is reduced to a gather or scatter_add on an array whose
indexed axes were flattened into axis 0, so these two rules are all the
indexing derivatives there are.
"""
from typing import Any

import numpy as np

from ..core.backend import backend_of
from ..core.ir import ShapedArray
from ..core.trace import get_aval
from . import _util as U
from ..core.primitive import defprim

# ------------------------------------------------------------------ rev


def _rev_abstract(x, dimensions):
    for d in dimensions:
        if not 0 <= d < x.ndim:
            raise ValueError(f"rev: axis {d} is out of range for shape {x.shape}")
    return ShapedArray(x.shape, x.dtype, x.weak_type)


def _rev_batch(vals, dims, dimensions):
    (x,), (d,) = vals, dims
    return rev(x, tuple(a + (a >= d) for a in dimensions)), d


rev_p = defprim(
    "rev", impl=lambda xp, x, dimensions: xp.flip(x, axis=dimensions), abstract=_rev_abstract,
    jvp=lambda primals, tangents, dimensions: (
        rev(primals[0], dimensions), None if tangents[0] is None else rev(tangents[0], dimensions)),
    vjp=lambda ct, ins, out, needs, dimensions: (rev(ct, dimensions),),
    batch=_rev_batch, saves="nothing", layout_only=True)

# ---------------------------------------------------------------- gather


def _check_idx(name, x, idx):
    if idx.dtype.kind not in "iu":
        raise IndexError(f"{name}: indices must be integers, got {idx.dtype} "
                         f"(index shape {idx.shape})")
    if x.ndim == 0:
        raise IndexError(f"{name}: cannot index a 0-d array")


def _gather_abstract(x, idx):
    _check_idx("gather", x, idx)
    return ShapedArray(tuple(idx.shape) + tuple(x.shape[1:]), x.dtype, x.weak_type)


def _gather_jvp(primals, tangents):
    (x, idx), (t, _) = primals, tangents
    return gather(x, idx), (None if t is None else gather(t, idx))


def _gather_vjp(ct, ins, out, needs):
    x, idx = ins
    if not needs[0]:
        return None, None
    return scatter_add(U.zeros_like(x), idx, ct), None


def _iota_like(ref, size):
    """0, 1, ..., size-1 in ref's dtype, on ref's backend (built from ref with
    full_like + cumsum, so a host array never meets a device value)."""
    from .cumulative import cumsum
    a = get_aval(ref)
    if a.size == 0:
        return np.arange(size, dtype=a.dtype)
    one = U.shp.slice_(U.shp.reshape(ref, (a.size,)), (0,), (1,))
    ones = U.shp.broadcast_in_dim(U.ew.full_like(one, 1), (size,), (0,))
    return U.ew.sub(cumsum(ones, 0), 1)


def _flat_batch_index(idx, n, size):
    """Batch-front indices into a (size*n, ...) flattened operand."""
    ishape = get_aval(idx).shape
    offs = U.shp.reshape(U.ew.mul(_iota_like(idx, size), n), (size,) + (1,) * (len(ishape) - 1))
    return U.ew.add(idx, offs)


def _gather_batch(vals, dims):
    (x, idx), (dx, di) = vals, dims
    if di is None:  # one index array for every lane: move the batch axis to 1
        x = U.moveaxis(x, dx, 1)
        return gather(x, idx), get_aval(idx).ndim
    size = U.batch_size(vals, dims)
    x = U.bdim_to_front(x, dx, size)
    idx = U.bdim_to_front(idx, di, size)
    xs = get_aval(x).shape
    xf = U.shp.reshape(x, (size * xs[1],) + xs[2:])
    return gather(xf, _flat_batch_index(idx, xs[1], size)), 0


# (the vjp reads the indices, and the operand to make zeros on its backend)
gather_p = defprim("gather", impl=lambda xp, x, idx: xp.take(x, idx, axis=0),
                   abstract=_gather_abstract, jvp=_gather_jvp, vjp=_gather_vjp,
                   batch=_gather_batch, saves="ins", layout_only=True,
                   torch_name="IndexBackward0")

# ----------------------------------------------------------- scatter_add

_add_at: dict[Any, Any] = {}   # namespace -> its in-place "out[idx] += updates" (repeats summed)


def _scatter_impl(xp, operand, idx, updates):
    out = xp.array(operand, copy=True)
    add_at = _add_at.get(xp)
    if add_at is None:
        # the backend spells NumPy's unbuffered add.at its own way where it must
        b = backend_of(xp, None)
        add_at = _add_at[xp] = b.scatter_add if b is not None else xp.add.at
    add_at(out, idx, updates)
    return out


def _scatter_abstract(operand, idx, updates):
    _check_idx("scatter_add", operand, idx)
    want = tuple(idx.shape) + tuple(operand.shape[1:])
    if tuple(updates.shape) != want:
        raise ValueError(f"scatter_add: updates of shape {updates.shape} do not match "
                         f"index shape {idx.shape} + operand shape {operand.shape}[1:]")
    if updates.dtype != operand.dtype:
        raise TypeError(f"scatter_add: updates dtype {updates.dtype} differs from operand "
                        f"dtype {operand.dtype}")
    return ShapedArray(operand.shape, operand.dtype, operand.weak_type)


def _scatter_jvp(primals, tangents):
    (op, idx, up), (t_op, _, t_up) = primals, tangents
    out = scatter_add(op, idx, up)
    if t_op is None and t_up is None:
        return out, None
    if t_up is None:
        return out, t_op
    return out, scatter_add(U.zeros_like(op) if t_op is None else t_op, idx, t_up)


def _scatter_vjp(ct, ins, out, needs):
    op, idx, up = ins
    return (ct if needs[0] else None, None, gather(ct, idx) if needs[2] else None)


def _scatter_batch(vals, dims):
    size = U.batch_size(vals, dims)
    op, idx, up = (U.bdim_to_front(v, d, size) for v, d in zip(vals, dims))
    os_ = get_aval(op).shape
    opf = U.shp.reshape(op, (size * os_[1],) + os_[2:])
    idxf = _flat_batch_index(idx, os_[1], size)
    return U.shp.reshape(scatter_add(opf, idxf, up), os_), 0


scatter_add_p = defprim("scatter_add", impl=_scatter_impl, abstract=_scatter_abstract,
                        jvp=_scatter_jvp, vjp=_scatter_vjp, batch=_scatter_batch,
                        saves="ins", torch_name="IndexAddBackward0")


# --------------------------------------------------------------- wrappers

def rev(x, dimensions):
    dimensions = tuple(sorted(int(d) for d in dimensions))
    return x if not dimensions else rev_p.bind(x, dimensions=dimensions)


def gather(x, idx):
    return gather_p.bind(x, idx)


def scatter_add(operand, idx, updates):
    operand, updates = U.promote(operand, updates)
    return scatter_add_p.bind(operand, idx, updates)
