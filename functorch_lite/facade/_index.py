"""Tensor indexing: reading (views for basic indices) and writing (in place).

Without autograd, NumPy does the indexing (basic indices give views sharing
storage).  Under autograd, basic indices are recorded as slice + reshape and
advanced ones as a gather (primitives.indexing) over the flattened tensor; writes are
recorded as "clear the positions, scatter-add the values" (CopySlices).
"""
import numpy as np

from ..core.trace import Tracer
from .. import numpy as _fnp
from ..numpy import _indexing as _fidx
from ..primitives.shape import reshape_p, slice_p
from ..primitives.indexing import gather_p
from ._graph import _grad, mark_hidden, _seq
from ._dispatch import apply, view_of
from ._tensor import (Tensor, _bump, _device_error, _from_host, _on_dev, _wrap, _xp,
                      check_inplace)
from ._viewwrite import adopt, graph_copy, written


def _np_index(idx, xp=np):
    """Index arrays on the indexed tensor's backend ``xp``: a cuda index tensor
    cannot index a cpu tensor; a cpu index tensor indexing a cuda tensor is
    copied to the device (as PyTorch does)."""
    if isinstance(idx, Tensor):
        v = idx._v
        if isinstance(v, Tracer):       # under a transform: indexed by the traced value
            return v
        if xp is np:
            if _on_dev(v):
                raise _device_error("cpu", "cuda:0")
            return np.asarray(v)
        return v if _on_dev(v) else _from_host(xp, np.asarray(v))
    if isinstance(idx, tuple):
        return tuple(_np_index(i, xp) for i in idx)
    if isinstance(idx, list) and any(isinstance(i, (Tensor, list, slice)) for i in idx):
        if xp is not np and any(isinstance(i, Tensor) and _on_dev(i._v) for i in idx):
            return xp.stack([_np_index(i, xp) if isinstance(i, Tensor) else
                             xp.asarray(i) for i in idx])
        return np.asarray([_np_index(i) if isinstance(i, Tensor) else i for i in idx])
    return idx


def _is_basic(idx):
    items = idx if isinstance(idx, tuple) else (idx,)
    for i in items:
        if i is None or i is Ellipsis:
            continue
        if isinstance(i, slice):
            if i.step is not None and i.step < 0:
                return False
            continue
        if isinstance(i, (int, np.integer)) and not isinstance(i, (bool, np.bool_)):
            continue
        return False
    return True


def _basic_parts(shape, idx):
    """(starts, limits, strides, out_shape) for a basic index, or IndexError."""
    items = idx if isinstance(idx, tuple) else (idx,)
    n_real = sum(1 for i in items if i is not None and i is not Ellipsis)
    if n_real > len(shape):
        raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
    if Ellipsis in [i for i in items if not isinstance(i, np.ndarray)]:
        k = [j for j, i in enumerate(items) if i is Ellipsis][0]
        items = items[:k] + (slice(None),) * (len(shape) - n_real) + items[k + 1:]
    else:
        items = items + (slice(None),) * (len(shape) - n_real)
    starts, limits, strides, out = [], [], [], []
    dim = 0
    for i in items:
        if i is None:
            out.append(1)
            continue
        d = shape[dim]
        if isinstance(i, slice):
            s, l, st = i.indices(d)
            l = max(l, s)
            starts.append(s), limits.append(l), strides.append(st)
            out.append(max(0, -(-(l - s) // st)))
        else:
            if not -d <= i < d:
                raise IndexError(f"index {i} is out of bounds for dimension {dim} with "
                                 f"size {d}")
            i = int(i) % d
            starts.append(i), limits.append(i + 1), strides.append(1)
        dim += 1
    return tuple(starts), tuple(limits), tuple(strides), tuple(out)


def _view_name(shape, idx):
    """PyTorch's grad_fn for a basic index: its last non-trivial step (select,
    slice, unsqueeze) names the node; full slices are skipped, and an index
    that changes nothing is an alias."""
    items = idx if isinstance(idx, tuple) else (idx,)
    n_real = sum(1 for i in items if i is not None and i is not Ellipsis)
    name, dim = "AliasBackward0", 0
    for i in items:
        if i is Ellipsis:
            dim += len(shape) - n_real
        elif i is None:
            name = "UnsqueezeBackward0"
        elif isinstance(i, slice):
            s, l, st = i.indices(shape[dim])
            if not (s == 0 and l >= shape[dim] and st == 1):
                name = "SliceBackward0"
            dim += 1
        else:
            name = "SelectBackward0"
            dim += 1
    return name


def _traced(v, idx):
    return isinstance(v, Tracer) or any(isinstance(i, Tracer) for i in (
        idx if isinstance(idx, tuple) else (idx,)))


def getitem(x, idx):
    """``x[idx]`` for a Tensor: PyTorch's indexing (basic, advanced, boolean and
    ``None``/``...``) as a function.

    Args:
        x: the Tensor.
        idx: an int, slice, ``None``, ``...``, an index Tensor/array/list, or a
            tuple of these, as PyTorch's ``Tensor.__getitem__`` takes.

    Returns:
        A view for basic indexing (writes through, as PyTorch's), a copy for
        advanced indexing; recorded on the autograd graph.  No ``torch.getitem``
        exists: this is the function ``Tensor.__getitem__`` calls.
    """
    v = x._v
    xp = _xp(v)
    idx = _np_index(idx, xp)
    if _traced(v, idx):     # inside a transform: the traced indexing of functorch_lite.numpy
        return _wrap(_fidx.getitem(v, idx))
    basic = _is_basic(idx)
    if not (x.requires_grad and _grad.on):
        if basic:
            key = (idx if isinstance(idx, tuple) else (idx,))
            if Ellipsis not in [k for k in key if not isinstance(k, np.ndarray)]:
                key = key + (Ellipsis,)   # keeps 0-d results arrays (views), not scalars
            t = _wrap(v[key], x._st)
            t._base = x._base if x._base is not None else x
            return t
        return _wrap(xp.asarray(v[idx]))
    shape = tuple(x.shape)
    if basic:
        starts, limits, strides, out_shape = _basic_parts(shape, idx)
        start = next(_seq)
        s = view_of(x, v[tuple(slice(a, b, c) for a, b, c in zip(starts, limits, strides))],
                    slice_p, {"start_indices": starts, "limit_indices": limits,
                              "strides": strides}, "SliceBackward0")
        r = view_of(s, s._v.reshape(out_shape), reshape_p, {"new_sizes": out_shape},
                    _view_name(shape, idx))
        r._base = x._base if x._base is not None else x
        mark_hidden(r.grad_fn, start)
        return r
    n = int(np.prod(shape, dtype=np.int64))
    pos = xp.arange(n, dtype=np.int64).reshape(shape)[idx]
    start = next(_seq)
    flat = apply(reshape_p, [x], {"new_sizes": (n,)}, "ViewBackward0")
    r = apply(gather_p, [flat, _wrap(pos)], {}, "IndexBackward0")
    mark_hidden(r.grad_fn, start)
    return r


def setitem(x, idx, value):
    """``x[idx] = value`` for a Tensor: PyTorch's in-place indexed write as a
    function (what ``Tensor.__setitem__`` calls; no ``torch.setitem`` exists).

    Args:
        x: the Tensor written to in place (its version counter increases, so a
            saved use of it in autograd raises as in PyTorch).
        idx: an index as ``getitem`` takes.
        value: a Tensor, array or scalar broadcast to the indexed shape.

    Returns:
        None.
    """
    check_inplace(x, "setitem (x[...] = value)")
    xp = _xp(x._v)
    idx = _np_index(idx, xp)
    val = value._v if isinstance(value, Tensor) else value
    if _traced(x._v, idx) or isinstance(val, Tracer):
        # inside a transform a traced value cannot be written in place: the Tensor
        # takes the functionally updated value (views of it do not see the write)
        x._v = _fidx.at(x._v)[idx].set(_fnp.astype(_fnp.asarray(val), x._v.dtype))
        _bump(x)
        return
    vt = value if isinstance(value, Tensor) else None
    if vt is not None and _on_dev(vt._v) != (xp is not np):
        if vt._v.ndim:
            raise _device_error()
        if xp is not np:                # a 0-d cpu tensor is a scalar
            vt, value = None, vt._v[()]
    rec = _grad.on and (x.requires_grad or (vt is not None and vt.requires_grad))
    if not rec:
        x._v[idx] = (vt._v if xp is not np else np.asarray(vt._v)) if vt is not None \
            else value
        _bump(x)
        return
    if xp is not np:
        raise RuntimeError("setitem on a cuda tensor that requires grad is not supported "
                           "by functorch_lite yet; write under torch.no_grad() or build "
                           "the value out of place (torch.where)")
    from ._ops import expand, reshape
    shape = tuple(x.shape)
    n = int(np.prod(shape, dtype=np.int64))
    sel = np.arange(n, dtype=np.int64).reshape(shape)[idx]
    if vt is None:
        vt = _wrap(np.asarray(value, x._v.dtype))
    vt = vt.to(x.dtype)
    vals = expand(vt, sel.shape) if tuple(vt.shape) != sel.shape else vt
    exact = x._v.copy()
    exact[idx] = vt._v             # NumPy's assignment: the last repeated position wins
    r = written(graph_copy(x), sel.ravel(), reshape(vals, (-1,)),
                "torch::autograd::CopySlices" if _is_basic(idx) or _has_view_step(idx)
                else "IndexPutBackward0")
    adopt(x, r, exact)


def _has_view_step(idx):
    """An advanced index that PyTorch applies after a view step (an integer or
    a partial slice), which makes its node CopySlices rather than IndexPut."""
    items = idx if isinstance(idx, tuple) else (idx,)
    return any(isinstance(i, (int, np.integer)) and not isinstance(i, (bool, np.bool_)) or
               isinstance(i, slice) and i != slice(None) for i in items)
