"""torch ops that select, scatter, sort or rearrange: index_select, gather,
scatter(_add), index_add, masked_fill/select, take(_along_dim), sort, argsort,
topk, nonzero, unique, bincount, flip, roll, rot90, tril/triu, diag(_embed),
diagonal, trace, movedim, narrow, unfold, repeat_interleave, diff, meshgrid,
unbind, tensor_split, stacks.

Differentiable ones apply a ``functorch_lite.numpy`` function through the
facade's recording bridge (``_bridge.bridge``): its primitives become the
graph, presented as one node with PyTorch's grad_fn name.  Index arguments
are read on the host (they carry no gradient).
"""
import builtins as _b
from typing import NamedTuple

import numpy as np

from .. import numpy as fnp
from ._bridge import bridge
from ._oputil import _dims, _t
from ._shape import _permute, cat, stack
from ._tensor import Tensor, _wrap

class _sort_t(NamedTuple):
    """What ``sort`` returns (``torch.return_types.sort``)."""

    values: Tensor
    indices: Tensor


_sort_t.__name__ = _sort_t.__qualname__ = "sort"   # printed as PyTorch prints it
class _topk_t(NamedTuple):
    """What ``topk`` returns (``torch.return_types.topk``)."""

    values: Tensor
    indices: Tensor


_topk_t.__name__ = _topk_t.__qualname__ = "topk"   # printed as PyTorch prints it


def _idx(index, what="index"):
    v = np.asarray(index._v if isinstance(index, Tensor) else index)
    if v.dtype.kind not in "iu":
        raise RuntimeError(f"{what}(): Expected dtype int64 for index")
    return v.astype(np.int64, copy=False)


def _dim(dim, nd):
    return _dims(dim, nd)[0] if nd else 0


def index_select(self, dim, index):
    """Rows of ``self`` along ``dim`` at the 1-D ``index``."""
    d, i = _dim(dim, self.ndim), _idx(index, "index_select")
    if i.ndim > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    if i.size and (i.min() < -self.shape[d] or i.max() >= self.shape[d]):
        raise IndexError(f"index out of range in self")
    return bridge(lambda v: fnp.take(v, i, axis=d), "IndexSelectBackward0", self)


def _along(self, dim, index, what):
    """(dim, index array, full index tuple) for gather/scatter: position
    index[p] along dim, p elsewhere."""
    d, i = _dim(dim, self.ndim), _idx(index, what)
    if i.ndim != self.ndim:
        raise RuntimeError(f"Index tensor must have the same number of dimensions as "
                           f"input tensor")
    grid = list(np.indices(i.shape, sparse=True))
    grid[d] = i
    return d, i, tuple(grid)


def gather(self, dim, index, *, sparse_grad=False):
    """out[p] = self[p with p[dim] replaced by index[p]]."""
    d, i, full = _along(self, dim, index, "gather")
    if i.size and (i.min() < -self.shape[d] or i.max() >= self.shape[d]):
        raise RuntimeError(f"index {int(i.max())} is out of bounds for dimension {d} with "
                           f"size {self.shape[d]}")
    return bridge(lambda v: v[full], "GatherBackward0", self)


def _src_part(src, shape):
    sl = tuple(slice(0, s) for s in shape)
    return src[sl]


def scatter(self, dim, index, src=None, *, value=None, reduce=None):
    """A copy of self with self[p with p[dim] = index[p]] = src[p] (or value)."""
    if reduce is not None:
        return scatter_reduce(self, dim, index, src, "sum" if reduce == "add" else "prod")
    d, i, full = _along(self, dim, index, "scatter")
    if src is None:
        src = value
    if isinstance(src, Tensor):
        return bridge(lambda v, s: fnp.at(v)[full].set(_src_part(s, i.shape)),
                      "ScatterBackward0", self, src.to(self.dtype))
    return bridge(lambda v: fnp.at(v)[full].set(np.asarray(src, self._v.dtype)),
                  "ScatterBackward1", self)


def scatter_add(self, dim, index, src):
    """A copy of self with src[p] added at self[p with p[dim] = index[p]]."""
    d, i, full = _along(self, dim, index, "scatter_add")
    return bridge(lambda v, s: fnp.at(v)[full].add(_src_part(s, i.shape)),
                  "ScatterAddBackward0", self, src.to(self.dtype))


def scatter_reduce(self, dim, index, src, reduce, *, include_self=True):
    """scatter with ``reduce`` 'sum', 'prod', 'amax', 'amin' (include_self=True)."""
    if not include_self:
        raise NotImplementedError("scatter_reduce: include_self=False is not supported")
    d, i, full = _along(self, dim, index, "scatter_reduce")
    op = {"sum": "add", "prod": "multiply", "amax": "max", "amin": "min"}.get(reduce)
    if op is None:
        raise RuntimeError(f"reduce argument must be either sum, prod, mean, amax or amin, "
                           f"got {reduce}")
    return bridge(lambda v, s: getattr(fnp.at(v)[full], op)(_src_part(s, i.shape)),
                  "ScatterReduceBackward0", self, src.to(self.dtype))


def index_add(self, dim, index, source, *, alpha=1):
    """A copy of self with source's slices (times alpha) added at ``index``
    along ``dim`` (repeated indices accumulate)."""
    d, i = _dim(dim, self.ndim), _idx(index, "index_add")
    key = (slice(None),) * d + (i,)
    src = source.to(self.dtype)
    return bridge(lambda v, s: fnp.at(v)[key].add(s * alpha if alpha != 1 else s),
                  "IndexAddBackward0", self, src)


def masked_fill(self, mask, value):
    """self where mask is False, ``value`` (a number or 0-d tensor) where True."""
    m = np.asarray(mask._v if isinstance(mask, Tensor) else mask)
    if m.dtype != np.bool_:
        raise RuntimeError(f"masked_fill_ only supports boolean masks, but got mask with "
                           f"dtype {np.dtype(m.dtype)}")
    if isinstance(value, Tensor):
        if value.ndim:
            raise RuntimeError(f"masked_fill_ only supports a 0-dimensional value tensor, "
                               f"but got tensor with {value.ndim} dimension(s).")
        return bridge(lambda v, c: fnp.where(m, c, v), "MaskedFillBackward0", self,
                      value.to(self.dtype))
    c = np.asarray(value, self._v.dtype)
    return bridge(lambda v: fnp.where(m, c, v), "MaskedFillBackward0", self)


def masked_select(self, mask):
    """The elements of self (broadcast with mask) where mask is True, as 1-D."""
    m = np.asarray(mask._v if isinstance(mask, Tensor) else mask)
    shape = np.broadcast_shapes(tuple(self.shape), m.shape)
    pos = np.nonzero(np.broadcast_to(m, shape).ravel())[0]
    return bridge(lambda v: fnp.take(fnp.ravel(fnp.broadcast_to(v, shape)), pos),
                  "MaskedSelectBackward0", self)


def take(self, index):
    """Elements of the flattened self at ``index`` (shaped like index)."""
    i = _idx(index, "take")
    return bridge(lambda v: fnp.take(fnp.ravel(v), i), "TakeBackward0", self)


def take_along_dim(self, indices, dim=None):
    i = _idx(indices, "take_along_dim")
    if dim is None:
        return take(self, _wrap(i.ravel()))
    d = _dim(dim, self.ndim)
    return bridge(lambda v: fnp.take_along_axis(v, i, axis=d), "TakeAlongDimBackward0", self)


def _sorted_idx(v, d, descending):
    """Stable sort order along d (descending: NaN first, then the largest)."""
    a = np.asarray(v)
    return np.argsort(_neg(a) if descending else a, axis=d, kind="stable")


def _neg(a):
    """A key whose ascending order is a's descending one (NaN first, as PyTorch)."""
    if a.dtype.kind in "iub":
        return -a.astype(np.int64) if a.dtype.kind != "u" else -a.astype(np.float64)
    return np.where(np.isnan(a), -np.inf, -a.astype(np.float64))


def sort(self, dim=-1, descending=False, stable=False):
    """(values, indices) along ``dim``; ties keep their order (NaN sorts last
    ascending, first descending, as PyTorch)."""
    d = _dim(dim, self.ndim)
    if self.ndim == 0:
        return _sort_t(self.clone(), _wrap(np.zeros((), np.int64)))
    idx = _sorted_idx(self._v, d, descending)
    vals = bridge(lambda v: fnp.take_along_axis(v, idx, axis=d), "SortBackward0", self)
    return _sort_t(vals, _wrap(idx.astype(np.int64)))


def argsort(self, dim=-1, descending=False, stable=False):
    return sort(self, dim, descending, stable).indices


def topk(self, k, dim=-1, largest=True, sorted=True):  # noqa: A002
    """The k largest (or smallest) values along ``dim`` and their indices."""
    d = _dim(dim, self.ndim)
    n = self.shape[d] if self.ndim else 1
    if not 0 <= k <= n:
        raise RuntimeError("selected index k out of range")
    idx = _sorted_idx(self._v, d, largest) if self.ndim else np.zeros((), np.int64)
    idx = np.take(idx, np.arange(k), axis=d) if self.ndim else idx
    vals = bridge(lambda v: fnp.take_along_axis(v, idx, axis=d) if v.ndim else v + 0,
                  "TopkBackward0", self)
    return _topk_t(vals, _wrap(idx.astype(np.int64)))


def nonzero(self, *, as_tuple=False):
    """Indices of the nonzero elements: (n, ndim) int64, or a tuple of 1-D."""
    nz = np.nonzero(np.asarray(self._v))
    if as_tuple:
        return tuple(_wrap(a.astype(np.int64)) for a in nz) if self.ndim else (
            _wrap(np.zeros(int(bool(self._v)), np.int64)),)
    return _wrap(np.stack(nz, 1).astype(np.int64) if self.ndim else
                 np.zeros((int(bool(self._v)), 0), np.int64))


def argwhere(self):
    return nonzero(self)


def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa
    """The distinct values (sorted), optionally the inverse indices and counts."""
    v = np.asarray(self._v)
    r = np.unique(v, return_inverse=True, return_counts=True, axis=dim)
    out = [_wrap(r[0])]
    if return_inverse:
        out.append(_wrap(r[1].reshape(v.shape if dim is None else -1).astype(np.int64)))
    if return_counts:
        out.append(_wrap(r[2].astype(np.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def bincount(self, weights=None, minlength=0):
    """Counts of each value of a 1-D non-negative int tensor (weighted sums)."""
    v = np.asarray(self._v)
    if v.ndim != 1 or v.dtype.kind not in "iu":
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if v.size and v.min() < 0:
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    w = None if weights is None else np.asarray(weights._v)
    r = np.bincount(v, w, minlength)
    return _wrap(r.astype(np.int64) if w is None else r.astype(
        w.dtype if w.dtype.kind == "f" else np.float64))


def flip(self, *dims):
    if len(dims) == 1 and isinstance(dims[0], (list, tuple)):
        dims = tuple(dims[0])
    ds = _dims(dims, self.ndim)
    return bridge(lambda v: fnp.flip(v, ds) if ds else v + 0, "FlipBackward0", self)


def fliplr(self):
    return flip(self, 1)


def flipud(self):
    return flip(self, 0)


def roll(self, shifts, dims=None):
    if dims is None:
        return bridge(lambda v: fnp.reshape(fnp.roll(fnp.ravel(v), shifts), v.shape),
                      "RollBackward0", self)
    return bridge(lambda v: fnp.roll(v, shifts, dims), "RollBackward0", self)


def rot90(self, k=1, dims=(0, 1)):
    return bridge(lambda v: _rot90(v, k, dims), "FlipBackward0", self)


def _rot90(v, k, dims):
    a, b = dims
    k %= 4
    if k == 0:
        return v + 0
    if k == 2:
        return fnp.flip(fnp.flip(v, a), b)
    perm = list(range(v.ndim))
    perm[a], perm[b] = perm[b], perm[a]
    return fnp.transpose(fnp.flip(v, b), perm) if k == 1 else fnp.flip(
        fnp.transpose(v, perm), b)


def tril(self, diagonal=0):
    if self.ndim < 2:
        raise RuntimeError("tril: input tensor must have at least 2 dimensions")
    return bridge(lambda v: fnp.tril(v, diagonal), "TrilBackward0", self)


def triu(self, diagonal=0):
    if self.ndim < 2:
        raise RuntimeError("triu: input tensor must have at least 2 dimensions")
    return bridge(lambda v: fnp.triu(v, diagonal), "TriuBackward0", self)


def diagonal(self, offset=0, dim1=0, dim2=1):
    return bridge(lambda v: fnp.diagonal(v, offset, dim1, dim2), "DiagonalBackward0", self)


def diag_embed(self, offset=0, dim1=-2, dim2=-1):
    """Matrices whose ``offset`` diagonal (in dims dim1, dim2) holds the last dim."""
    n = self.shape[-1] + _b.abs(offset)
    nd = self.ndim + 1
    d1, d2 = dim1 % nd, dim2 % nd
    r = np.arange(self.shape[-1])
    rows, cols = (r, r + offset) if offset >= 0 else (r - offset, r)

    def f(v):
        out = fnp.zeros(tuple(v.shape[:-1]) + (n, n), v.dtype)
        out = fnp.at(out)[..., rows, cols].set(v)
        return fnp.moveaxis(out, (-2, -1), (d1, d2))
    return bridge(f, "DiagEmbedBackward0", self)


def diag(self, diagonal=0):
    """1-D: the square matrix with it on a diagonal; 2-D: that diagonal."""
    if self.ndim == 1:
        return diag_embed(self, diagonal, 0, 1)
    if self.ndim == 2:
        return diagonal_of(self, diagonal)
    raise RuntimeError("diag(): Supports 1D or 2D tensors. Got " + f"{self.ndim}D")


def diagonal_of(self, offset):
    return bridge(lambda v: fnp.diagonal(v, offset), "DiagonalBackward0_copy", self)


def trace(self):
    if self.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {self.ndim}")
    return bridge(lambda v: fnp.trace(v), "TraceBackward0", self)


def movedim(self, source, destination):
    src = (source,) if isinstance(source, int) else tuple(source)
    dst = (destination,) if isinstance(destination, int) else tuple(destination)
    nd = self.ndim
    src, dst = [s % nd for s in src], [d % nd for d in dst]
    order = [i for i in range(nd) if i not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return _permute(self, order, "PermuteBackward0")


def swapaxes(self, axis0, axis1):
    from ._shape import transpose
    return transpose(self, axis0, axis1)


def narrow(self, dim, start, length):
    d = _dim(dim, self.ndim)
    n = self.shape[d]
    s = int(start) % n if int(start) < 0 else int(start)
    if s + length > n or length < 0:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size "
                           f"({n}).")
    return self[(slice(None),) * d + (slice(s, s + length),)]


def unfold(self, dimension, size, step):
    """Windows of ``size`` every ``step`` along ``dimension``: that dim becomes
    the window count, a new last dim the window."""
    d = _dim(dimension, self.ndim)
    n = self.shape[d] if self.ndim else 1
    if size > n:
        raise RuntimeError(f"maximum size for tensor at dimension {d} is {n} but size is "
                           f"{size}")
    nw = (n - size) // step + 1
    idx = np.arange(nw)[:, None] * step + np.arange(size)[None, :]
    return bridge(lambda v: fnp.moveaxis(fnp.take(v, idx, axis=d), d + 1, -1),
                  "UnfoldBackward0", self)


def repeat_interleave(self, repeats=None, dim=None, *, output_size=None):
    """Each element (or slice along dim) repeated ``repeats`` times."""
    if repeats is None:           # torch.repeat_interleave(repeats): indices
        r = np.asarray(self._v)
        return _wrap(np.repeat(np.arange(r.size), r).astype(np.int64))
    x = self.reshape(-1) if dim is None else self
    d = 0 if dim is None else _dim(dim, x.ndim)
    r = np.asarray(repeats._v if isinstance(repeats, Tensor) else repeats)
    i = np.repeat(np.arange(x.shape[d]), r)
    return bridge(lambda v: fnp.take(v, i, axis=d), "ViewBackward0", x)


def diff(self, n=1, dim=-1, prepend=None, append=None):
    d = _dim(dim, self.ndim)
    x = self
    if prepend is not None or append is not None:
        parts = [p for p in (prepend, self, append) if p is not None]
        x = cat([_t(p) for p in parts], d)
    for _ in range(n):
        k = x.shape[d]
        x = x.narrow(d, 1, k - 1) - x.narrow(d, 0, k - 1)
    return x


def meshgrid(*tensors, indexing=None):
    """Coordinate grids (PyTorch's default indexing 'ij')."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    ix = "ij" if indexing is None else indexing
    ts = list(tensors)
    if ix == "xy" and len(ts) >= 2:
        ts[0], ts[1] = ts[1], ts[0]
    shape = tuple(t.numel() for t in ts)
    out = []
    for k, t in enumerate(ts):
        s = [1] * len(ts)
        s[k] = -1
        out.append(t.reshape(s).expand(shape))
    if ix == "xy" and len(out) >= 2:
        out[0], out[1] = out[1], out[0]
        out = [o.transpose(0, 1) for o in out]
    return tuple(out)


def unbind(self, dim=0):
    d = _dim(dim, self.ndim)
    return tuple(self.select(d, i) for i in range(self.shape[d]))


def select(self, dim, index):
    d = _dim(dim, self.ndim)
    return self[(slice(None),) * d + (index,)]


def tensor_split(self, indices_or_sections, dim=0):
    d = _dim(dim, self.ndim)
    n = self.shape[d]
    if isinstance(indices_or_sections, int):
        k = indices_or_sections
        sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
        bounds = np.cumsum([0] + sizes)
    else:
        bounds = [0] + [int(i) for i in indices_or_sections] + [n]
    return tuple(self.narrow(d, _b.min(a, n), _b.max(_b.min(b, n) - _b.min(a, n), 0))
                 for a, b in zip(bounds[:-1], bounds[1:]))


def hstack(tensors):
    ts = [_t(t) for t in tensors]
    return cat(ts, 0 if ts[0].ndim == 1 else 1)


def vstack(tensors):
    return cat([t.reshape(1, -1) if t.ndim < 2 else t for t in map(_t, tensors)], 0)


def dstack(tensors):
    ts = [t.reshape(1, -1, 1) if t.ndim == 1 else t.unsqueeze(-1) if t.ndim == 2 else t
          for t in map(_t, tensors)]
    return cat(ts, 2)


def column_stack(tensors):
    return cat([t.reshape(-1, 1) if t.ndim <= 1 else t for t in map(_t, tensors)], 1)


def unflatten(self, dim, sizes):
    d = _dim(dim, self.ndim)
    sizes = list(sizes)
    if -1 in sizes:
        known = int(np.prod([s for s in sizes if s != -1]))
        sizes[sizes.index(-1)] = self.shape[d] // known
    return self.reshape(tuple(self.shape[:d]) + tuple(sizes) + tuple(self.shape[d + 1:]))


def broadcast_to(self, size):
    return self.expand(size)


def broadcast_tensors(*tensors):
    shape = np.broadcast_shapes(*[tuple(t.shape) for t in tensors])
    return tuple(t.expand(shape) for t in tensors)


def atleast_1d(self):
    """The tensor itself if it has at least one dimension, else reshaped to shape (1,) (as ``torch.atleast_1d``, as a method)."""
    return self.reshape(1) if self.ndim == 0 else self


def atleast_2d(self):
    """The tensor itself if it has at least two dimensions, else reshaped to (1, n) (as ``torch.atleast_2d``, as a method)."""
    return self.reshape(1, -1) if self.ndim < 2 else self


def tile(self, dims):
    dims = tuple(dims)
    if len(dims) < self.ndim:
        dims = (1,) * (self.ndim - len(dims)) + dims
    return self.repeat(*dims)


def stack_(tensors, dim=0):
    return stack(tensors, dim)
