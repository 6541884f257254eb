"""Row gather / scatter-add: ``index_take(x, idx)`` is ``x[idx]`` along axis 0
(out shape ``idx.shape + x.shape[1:]``); ``index_add(x, idx, upd)`` adds the
rows of ``upd`` at ``idx`` (repeated indices accumulate).  Each is the other's
derivative.  The Tensor facade builds advanced indexing and Embedding on them.
"""
import numpy as np

from ..core.ir import ShapedArray
from ..core.trace import get_aval
from . import _util as U
from ._registry import _prim

index_take_p = _prim("index_take")
index_add_p = _prim("index_add")


def _check_idx(name, x, idx):
    if idx.dtype.kind not in "iu":
        raise TypeError(f"{name}: indices must be integers, got {idx.dtype}")
    if x.ndim == 0:
        raise ValueError(f"{name}: cannot index a 0-d array (shape {x.shape})")


def _take_impl(xp, x, idx):
    n = x.shape[0]
    if idx.size and (int(idx.min()) < -n or int(idx.max()) >= n):
        raise IndexError(f"index_take: index out of range for axis 0 of size {n} "
                         f"(shape {x.shape})")
    return xp.take(x, idx, axis=0)


def _take_abstract(x, idx):
    _check_idx("index_take", x, idx)
    return ShapedArray(tuple(idx.shape) + tuple(x.shape[1:]), x.dtype, x.weak_type)


def _add_impl(xp, x, idx, upd):
    out = xp.array(x, copy=True)
    xp.add.at(out, idx, upd)
    return out


def _add_abstract(x, idx, upd):
    _check_idx("index_add", x, idx)
    want = tuple(idx.shape) + tuple(x.shape[1:])
    if tuple(upd.shape) != want or upd.dtype != x.dtype:
        raise ValueError(f"index_add: updates of shape {upd.shape} ({upd.dtype}) do not "
                         f"match {want} ({x.dtype})")
    return ShapedArray(x.shape, x.dtype, x.weak_type)


def index_take(x, idx):
    return index_take_p.bind(x, idx)


def index_add(x, idx, upd):
    return index_add_p.bind(x, idx, upd)


def _take_jvp(primals, tangents):
    x, idx = primals
    tx = tangents[0]
    return index_take(x, idx), (None if tx is None else index_take(tx, idx))


def _take_vjp(ct, ins, out, needs):
    x, idx = ins
    if not needs[0]:
        return None, None
    return index_add(U.zeros_like(x), idx, ct), None


def _add_jvp(primals, tangents):
    x, idx, upd = primals
    tx, _, tu = tangents
    out = index_add(x, idx, upd)
    if tx is None and tu is None:
        return out, None
    tx = U.zeros_like(x) if tx is None else tx
    return out, (tx if tu is None else index_add(tx, idx, tu))


def _add_vjp(ct, ins, out, needs):
    x, idx, upd = ins
    return (ct if needs[0] else None), None, (index_take(ct, idx) if needs[2] else None)


def _flat_rows(x, idx, size):
    """Batch axis at 0 in both: gather rows of x.reshape(B*n, ...) at idx + b*n."""
    n = get_aval(x).shape[1]
    xs = get_aval(x).shape
    flat = U.shp.reshape(x, (xs[0] * n,) + tuple(xs[2:]))
    ishape = get_aval(idx).shape
    offs = U.shp.broadcast_in_dim(np.arange(size, dtype=get_aval(idx).dtype) * n,
                                  ishape, (0,))
    idx = U.ew.add(U.ew.select(U.ew.lt(idx, 0), U.ew.add(idx, n), idx), offs)
    return flat, idx


def _take_batch(vals, dims):
    (x, idx), (dx, di) = vals, dims
    if di is None:
        x = U.moveaxis(x, dx, 0)
        # gather along axis 1 of x = transpose to axis 0, gather, move back
        xt = U.moveaxis(x, 1, 0)
        r = index_take(xt, idx)
        ni = get_aval(idx).ndim
        return U.moveaxis(r, ni, 0), 0
    size = U.batch_size(vals, dims)
    x = U.bdim_to_front(x, dx, size)
    idx = U.bdim_to_front(idx, di, size)
    flat, fidx = _flat_rows(x, idx, size)
    return index_take(flat, fidx), 0


def _add_batch(vals, dims):
    size = U.batch_size(vals, dims)
    x, idx, upd = (U.bdim_to_front(v, d, size) for v, d in zip(vals, dims))
    xs = get_aval(x).shape
    flat, fidx = _flat_rows(x, idx, size)
    r = index_add(flat, fidx, upd)
    return U.shp.reshape(r, xs), 0


index_take_p.impl, index_take_p.abstract = _take_impl, _take_abstract
index_take_p.jvp, index_take_p.vjp, index_take_p.batch = _take_jvp, _take_vjp, _take_batch
index_add_p.impl, index_add_p.abstract = _add_impl, _add_abstract
index_add_p.jvp, index_add_p.vjp, index_add_p.batch = _add_jvp, _add_vjp, _add_batch
