"""x[...] on traced values, take, take_along_axis, nonzero and ``.at`` updates.

Basic indices (ints, slices with any step, None, Ellipsis) become rev + slice +
reshape.  Advanced indices (integer arrays, and boolean masks turned into
their concrete ``nonzero()``) follow NumPy: the indexed axes are moved to the
front and merged, the index arrays become one linear index, and a single
``gather`` reads it; the result axes go where NumPy puts them.  The gradient of
gather is scatter_add, so repeated indices accumulate.

``x.at[idx].op(v)`` computes the flat positions ``arange(x.size).reshape(
x.shape)[idx]`` and applies the update through scatter_add and select, so it is
differentiable in both x and v.  Repeated positions follow NumPy's
sequential semantics: for set the last write wins; add accumulates;
multiply/min/max combine all writes.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ._base import _arr, _v, _norm_axis, _prod, _on_backend_of, _namespace_of
from ._elementwise import clip as _clip, mod, reciprocal, where_select


def _is_traced(i):
    """Traced, a Tensor, or another backend's array: kept as a value, not np.asarray'd."""
    return (isinstance(i, Tracer) or getattr(i, "__fl_value__", None) is not None or
            (hasattr(i, "shape") and hasattr(i, "dtype") and not isinstance(i, _np.ndarray)))


def _concrete_mask(m):
    if isinstance(m, Tracer):
        m = m.concrete(
            f"boolean-mask indexing with a traced {m.aval.str_short()} mask (the result "
            f"shape depends on its values; use fnp.where(mask, x, 0) instead)")
    # another backend's mask stays there (its nonzero() gives that backend's indices)
    return m if hasattr(m, "nonzero") and hasattr(m, "shape") else _np.asarray(m)


def _convert_entries(idx):
    out = []
    for i in idx:
        if i is None or i is Ellipsis or isinstance(i, slice):
            out.append(i)
        elif isinstance(i, (bool, _np.bool_)):
            raise IndexError("indexing with a scalar bool (x[True]) is not supported")
        elif isinstance(i, (int, _np.integer)):
            out.append(int(i))
        else:
            if _is_traced(i):
                i = _v(i, "indexing")
                dt = get_aval(i).dtype
            else:
                i = _np.asarray(i)
                dt = i.dtype
                if dt == object or (i.size == 0 and dt.kind == "f"):
                    i, dt = i.astype(_np.int64), _np.dtype(_np.int64)
            if dt == _np.bool_:
                out.append(("mask", _concrete_mask(i)))
            elif dt.kind in "iu":
                out.append(int(i) if isinstance(i, _np.ndarray) and i.ndim == 0 else i)
            else:
                raise IndexError(f"only integers, slices (`:`), ellipsis (`...`), None and "
                                 f"integer or boolean arrays are valid indices; got an array "
                                 f"of dtype {dt}")
    return out


def _expand(shape, idx):
    """Entries -> list aligned with dims (None kept), masks -> nonzero arrays."""
    entries = _convert_entries(idx)
    consumed = sum(e[1].ndim if isinstance(e, tuple) else 1 for e in entries
                   if e is not None and e is not Ellipsis)
    if consumed > len(shape):
        raise IndexError(f"too many indices for array: array is {len(shape)}-dimensional, "
                         f"but {consumed} were indexed (shape {shape})")
    n_ell = sum(1 for e in entries if e is Ellipsis)
    if n_ell > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    fill = [slice(None)] * (len(shape) - consumed)
    if n_ell:
        k = next(j for j, e in enumerate(entries) if e is Ellipsis)
        # an empty ... still separates advanced indices in NumPy: keep a marker
        entries = entries[:k] + (fill or [_GAP]) + entries[k + 1:]
    else:
        entries = entries + fill
    out, dim = [], 0
    for e in entries:
        if isinstance(e, tuple):  # boolean mask over e[1].ndim axes
            m = e[1]
            want = shape[dim:dim + m.ndim]
            if m.shape != want:
                bad = next(k for k in range(m.ndim) if m.shape[k] != want[k])
                raise IndexError(f"boolean index did not match indexed array along axis "
                                 f"{dim + bad}; size of axis is {want[bad]} but size of "
                                 f"corresponding boolean axis is {m.shape[bad]}")
            # the backend's nonzero, not the method: Dask's method leaves the
            # sizes unknown; its namespace computes them (a counted read)
            out.extend(_namespace_of(m).nonzero(m))
            dim += m.ndim
        else:
            out.append(e)
            dim += e is not None and e is not _GAP
    return out


_GAP = object()  # where an empty Ellipsis stood


def _slice_params(s, d):
    start, stop, step = s.indices(d)
    n = len(range(start, stop, step))
    if step < 0:  # reverse the axis, then take a positive-step slice
        start, step = d - 1 - start, -step
        return True, start, (start + (n - 1) * step + 1) if n else start, step, n
    return False, start, (start + (n - 1) * step + 1) if n else start, step, n


def _basic(x, entries):
    """Entries of None/int/slice, aligned with x's dims."""
    shape = get_aval(x).shape
    revs, starts, limits, strides, out_shape = [], [], [], [], []
    dim = 0
    for e in entries:
        if e is None:
            out_shape.append(1)
            continue
        d = shape[dim]
        if isinstance(e, int):
            if not -d <= e < d:
                raise IndexError(f"index {e} is out of bounds for axis {dim} with size {d}")
            e %= d
            starts.append(e), limits.append(e + 1), strides.append(1)
        else:
            r, s, l, st, n = _slice_params(e, d)
            if r:
                revs.append(dim)
            starts.append(s), limits.append(l), strides.append(st)
            out_shape.append(n)
        dim += 1
    if revs:
        x = P.rev(x, revs)
    if tuple(starts) != (0,) * len(shape) or tuple(limits) != tuple(shape) or any(
            s != 1 for s in strides):
        x = P.slice_(x, starts, limits, strides)
    return P.reshape(x, tuple(out_shape))


def _norm_index(i, d, axis):
    if isinstance(i, int):
        i = _np.asarray(i)
    if isinstance(i, _np.ndarray):
        if i.size and (i.max() >= d or i.min() < -d):
            bad = i[(i >= d) | (i < -d)].flat[0]
            raise IndexError(f"index {bad} is out of bounds for axis {axis} with size {d}")
        return _np.where(i < 0, i + d, i).astype(_np.int64, copy=False)
    return P.select(P.lt(i, 0), P.add(i, d), i)  # traced: wrap negatives


def getitem(x, idx):
    x = _arr(x, "indexing")
    shape = get_aval(x).shape
    entries = _expand(shape, idx if isinstance(idx, tuple) else (idx,))
    adv = [j for j, e in enumerate(entries)
           if e is not None and e is not _GAP and not isinstance(e, (int, slice))]
    if not adv:
        return _basic(x, [e for e in entries if e is not _GAP])
    # NumPy keeps the result axes in place only if the advanced indices (ints
    # included) stand next to each other in the index; None or ... separates
    pos = [j for j, e in enumerate(entries)
           if e is not None and e is not _GAP and not isinstance(e, slice)]
    contiguous = pos == list(range(pos[0], pos[0] + len(pos)))
    entries = [e for e in entries if e is not _GAP]
    # None -> a size-1 axis, so every entry lines up with one axis
    if any(e is None for e in entries):
        new_shape, dim = [], 0
        for e in entries:
            new_shape.append(1 if e is None else shape[dim])
            dim += e is not None
        x = P.reshape(x, tuple(new_shape))
        entries = [slice(None) if e is None else e for e in entries]
        shape = tuple(new_shape)
    # ints join the advanced indices (NumPy's rule when arrays are present)
    A = [j for j, e in enumerate(entries) if not isinstance(e, slice)]
    x = _basic(x, [e if isinstance(e, slice) else slice(None) for e in entries])
    shape = get_aval(x).shape
    idxs = [_norm_index(entries[j], shape[j], j) for j in A]
    if not all(isinstance(i, _np.ndarray) for i in idxs):  # some live on x's backend
        idxs = [_on_backend_of(i, x) if isinstance(i, _np.ndarray) else i for i in idxs]
    try:
        B = _np.broadcast_shapes(*[get_aval(i).shape for i in idxs])
    except ValueError:
        raise IndexError(f"shape mismatch: indexing arrays could not be broadcast together "
                         f"with shapes {[get_aval(i).shape for i in idxs]}") from None
    rest = [j for j in range(len(shape)) if j not in A]
    if A != list(range(len(A))):
        x = P.transpose(x, tuple(A) + tuple(rest))
    if len(A) > 1:
        x = P.reshape(x, (_prod(shape[j] for j in A),) + tuple(shape[j] for j in rest))
        lin, stride = None, 1
        for j, i in zip(reversed(A), reversed(idxs)):
            term = i if stride == 1 else (i * stride if isinstance(i, _np.ndarray)
                                          else P.mul(i, stride))
            lin = term if lin is None else (lin + term if isinstance(lin, _np.ndarray) and
                                            isinstance(term, _np.ndarray) else P.add(lin, term))
            stride *= shape[j]
        lin = _np.broadcast_to(lin, B) if isinstance(lin, _np.ndarray) else P.broadcast_to(lin, B)
    else:
        lin = idxs[0]
    out = P.gather(x, _on_backend_of(lin, x) if isinstance(lin, _np.ndarray) else lin)
    if contiguous and A[0] > 0:
        nb, nout = len(B), get_aval(out).ndim
        perm = (tuple(range(nb, nb + A[0])) + tuple(range(nb)) +
                tuple(range(nb + A[0], nout)))
        out = P.transpose(out, perm)
    return out


def where(condition, x=None, y=None):
    """Select elementwise: ``where(c, x, y)``.  The gradient is NaN-safe: the
    branch not taken gets an exact zero cotangent, and every singular derivative
    rule multiplies with safe_mul, so e.g. where(x > 0, sqrt(x), 0.) has gradient
    0 at x = -1.  With the condition alone: ``nonzero(condition)``."""
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("where: either both or neither of x and y should be given")
    return where_select(condition, x, y)


def nonzero(a):
    m = _concrete_mask(_v(a, "nonzero") if _is_traced(a) else a)
    return _namespace_of(m).nonzero(m) if not isinstance(m, _np.ndarray) else _np.nonzero(m)


def take(a, indices, axis=None, mode=None):
    x = _arr(a, "take")
    if axis is None:
        x, ax = P.reshape(x, (get_aval(x).size,)), 0
    else:
        ax = _norm_axis(axis, get_aval(x).ndim, "take")
    n = get_aval(x).shape[ax]
    if not _is_traced(indices):
        idx = _np.asarray(indices)
        if idx.dtype.kind not in "iu":
            if idx.size == 0:
                idx = idx.astype(_np.int64)
            else:
                raise IndexError(f"take: indices must be integers, got {idx.dtype}")
        if mode == "wrap":
            idx = idx % n
        elif mode == "clip":
            idx = _np.clip(idx, 0, n - 1)
        elif idx.size and (idx.max() >= n or idx.min() < -n):
            bad = idx[(idx >= n) | (idx < -n)].flat[0]
            raise IndexError(f"take: index {bad} is out of bounds for axis {ax} with size "
                             f"{n} (array shape {get_aval(x).shape})")
        if idx.ndim == 0:
            idx = idx.reshape(1)
            return P.reshape(getitem(x, (slice(None),) * ax + (idx,)),
                             get_aval(x).shape[:ax] + get_aval(x).shape[ax + 1:])
        indices = idx
    else:
        indices = _v(indices, "take")
        if mode == "wrap":
            indices = _wrap(indices, n)
        elif mode == "clip":
            indices = P.min(P.max(indices, 0), n - 1)
    return getitem(x, (slice(None),) * ax + (indices,))


def _wrap(i, n):
    # i mod n for traced integers (Python's sign convention, as NumPy's 'wrap')
    return mod(i, n)


def take_along_axis(arr, indices, axis):
    x = _arr(arr, "take_along_axis")
    if axis is None:
        x, ax = P.reshape(x, (get_aval(x).size,)), 0
    else:
        ax = _norm_axis(axis, get_aval(x).ndim, "take_along_axis")
    idx = indices if _is_traced(indices) else _np.asarray(indices)
    shape = get_aval(x).shape
    if get_aval(idx).ndim != len(shape):
        raise ValueError(f"take_along_axis: `indices` (shape {get_aval(idx).shape}) and "
                         f"`arr` (shape {shape}) must have the same number of dimensions")
    if get_aval(idx).dtype.kind not in "iu":
        raise IndexError(f"take_along_axis: indices must be integers, got "
                         f"{get_aval(idx).dtype}")
    full = tuple(idx if j == ax else
                 _np.arange(d).reshape(tuple(-1 if k == j else 1 for k in range(len(shape))))
                 for j, d in enumerate(shape))
    return getitem(x, full)


# --------------------------------------------------------------- .at updates

def _positions(shape, idx, ref):
    size = _prod(shape)
    iota = _np.arange(size, dtype=_np.int64).reshape(shape)
    flat = idx if isinstance(idx, tuple) else (idx,)
    if any(_is_traced(i) for i in flat):
        return getitem(_on_backend_of(iota, ref), idx)
    try:
        return iota[idx]
    except IndexError as e:
        raise IndexError(f"at[...]: {e} (array shape {shape})") from None


def _groups(pf, traced):
    """Split host positions into groups without repeats, in write order
    (traced positions: one group, repeats are not detected)."""
    if pf is None:
        return [(traced, None)]
    if len(_np.unique(pf)) == len(pf):
        return [(pf, None)]
    order = _np.argsort(pf, kind="stable")
    s = pf[order]
    run_start = _np.maximum.accumulate(
        _np.where(_np.r_[True, s[1:] != s[:-1]], _np.arange(len(s)), 0))
    rank = _np.empty(len(s), _np.int64)
    rank[order] = _np.arange(len(s)) - run_start
    return [(pf[sel], sel) for sel in (_np.nonzero(rank == r)[0] for r in range(rank.max() + 1))]


def _update(x, idx, v, op):
    x = _arr(x, f"at[...].{op}")
    a = get_aval(x)
    pos = _positions(a.shape, idx, x)
    pshape = get_aval(pos).shape
    v = _v(v, f"at[...].{op}")
    if isinstance(v, (bool, int, float)):
        v = _on_backend_of(_np.asarray(v, a.dtype), x)
    elif get_aval(v).dtype != a.dtype:
        v = P.convert_element_type(v, a.dtype)
    try:
        _np.broadcast_shapes(get_aval(v).shape, pshape)
        if _np.broadcast_shapes(get_aval(v).shape, pshape) != pshape:
            raise ValueError
    except ValueError:
        raise ValueError(f"at[...].{op}: values of shape {get_aval(v).shape} cannot be "
                         f"broadcast to the indexed shape {pshape} (array shape "
                         f"{a.shape})") from None
    n = _prod(pshape)
    if n == 0:
        return x
    xf = P.reshape(x, (a.size,))
    host = isinstance(pos, _np.ndarray)
    pf = _np.ravel(pos) if host else P.reshape(pos, (n,))
    vf = P.reshape(P.broadcast_to(v, pshape), (n,))
    put = (lambda c: _on_backend_of(c, x))   # host constants follow x's backend
    if op == "add":
        out = P.scatter_add(xf, put(pf) if host else pf, vf)
    else:
        out = xf
        zeros = put(_np.zeros(a.size, a.dtype))
        for p, sel in _groups(pf if host else None, pf):
            vr = vf if sel is None else P.gather(vf, put(sel))
            if host:
                mask = _np.zeros(a.size, bool)
                mask[p] = True
                mask, p = put(mask), put(p)
            else:  # traced positions: the mask is computed too
                mask = P.gt(P.scatter_add(put(_np.zeros(a.size, _np.int64)), p,
                                          put(_np.ones(get_aval(p).shape, _np.int64))), 0)
            scat = P.scatter_add(zeros, p, vr)
            if op == "set":
                new = scat
            elif op == "multiply":
                new = P.mul(out, scat)
            elif op == "min":
                new = P.min(out, scat)
            elif op == "max":
                new = P.max(out, scat)
            else:
                raise ValueError(f"at[...]: unknown update {op!r}")
            out = P.select(mask, new, out)
    return P.reshape(out, a.shape)


_MODES = ("promise_in_bounds", "clip", "drop", "fill")


def _is_int_index(p):
    if isinstance(p, (bool, _np.bool_)):
        return False
    if isinstance(p, (int, _np.integer)):
        return True
    return hasattr(p, "dtype") and _np.dtype(get_aval(p).dtype).kind in "iu"


def _index_dims(p):
    """How many axes of the indexed array one index entry consumes."""
    if p is None or p is Ellipsis:
        return 0
    if hasattr(p, "dtype") and _np.dtype(get_aval(p).dtype).kind == "b":
        return get_aval(p).ndim
    return 1


def _mode_index(shape, idx, mode, what):
    """JAX's out-of-bounds ``mode`` for ``.at``: the index with its integer
    entries made in bounds, and the axes padded by one slot for 'fill'/'drop'
    (an out-of-bounds entry then points at the pad: read as the fill value,
    written and dropped)."""
    if mode not in _MODES:
        raise ValueError(f"{what}: mode={mode!r} is not one of {', '.join(_MODES)}")
    parts = [_np.asarray(p) if isinstance(p, list) else p
             for p in (idx if isinstance(idx, tuple) else (idx,))]
    consumed = sum(_index_dims(p) for p in parts)
    out, padded, dim = [], [], 0
    for p in parts:
        if p is Ellipsis:
            dim += len(shape) - consumed
        elif _is_int_index(p) and dim < len(shape):
            d = shape[dim]
            host = not _is_traced(p)
            q = _np.asarray(p, _np.int64) if host else p
            norm = _np.where(q < 0, q + d, q) if host else where_select(q < 0, q + d, q)
            if mode == "clip":
                p = _np.clip(norm, 0, d - 1) if host else _clip(norm, 0, d - 1)
            else:
                ok = (q >= -d) & (q < d)
                p = _np.where(ok, norm, d) if host else where_select(ok, norm, d)
                padded.append(dim)
            if host and _np.ndim(p) == 0:
                p = int(p)
        out.append(p)
        dim += _index_dims(p)
    return tuple(out), padded


def _padded(x, axes, value):
    a = get_aval(x)
    v = value if _is_traced(value) else _on_backend_of(_np.asarray(value, a.dtype), x)
    if _is_traced(value) and get_aval(value).dtype != a.dtype:
        v = P.convert_element_type(value, a.dtype)
    return P.pad(x, v, [(0, 1, 0) if k in axes else (0, 0, 0) for k in range(a.ndim)])


def _fill_default(dtype):
    dt = _np.dtype(dtype)
    if dt.kind in "fc":
        return _np.nan
    if dt.kind == "b":
        return True
    return _np.iinfo(dt).min if dt.kind == "i" else _np.iinfo(dt).max


class _IndexUpdateRef:
    """``x.at[idx]``: JAX's functional updates and gathers.  ``mode`` (JAX's):
    None or 'promise_in_bounds' index as NumPy does (an out-of-bounds index
    raises IndexError), 'clip' clamps each integer index into its axis,
    'drop'/'fill' drop out-of-bounds updates and read ``fill_value`` (NaN,
    the integer minimum (maximum if unsigned) or True by default) for
    out-of-bounds gathers."""
    __slots__ = ("x", "idx")

    def __init__(self, x, idx):
        self.x, self.idx = x, idx

    def get(self, *, mode=None, fill_value=None):
        """``x[idx]`` (with ``mode``/``fill_value``: see the class)."""
        if fill_value is not None and mode not in ("fill", "drop"):
            raise ValueError(f"at[...].get: fill_value={fill_value!r} needs mode='fill' "
                             f"(got mode={mode!r})")
        if mode is None or mode == "promise_in_bounds":
            return getitem(self.x, self.idx)
        x = _arr(self.x, "at[...].get")
        a = get_aval(x)
        idx, axes = _mode_index(a.shape, self.idx, mode, "at[...].get")
        if axes:
            x = _padded(x, axes, _fill_default(a.dtype) if fill_value is None else fill_value)
        return getitem(x, idx)

    def _apply(self, values, op, mode):
        if mode is None or mode == "promise_in_bounds":
            if mode is not None:
                _mode_index((), (), mode, f"at[...].{op}")
            return _update(self.x, self.idx, values, op)
        x = _arr(self.x, f"at[...].{op}")
        shape = get_aval(x).shape
        idx, axes = _mode_index(shape, self.idx, mode, f"at[...].{op}")
        if not axes:
            return _update(x, idx, values, op)
        out = _update(_padded(x, axes, 0), idx, values, op)
        return getitem(out, tuple(slice(0, d) for d in shape))

    def set(self, values, *, mode=None):
        """``x`` with ``x[idx] = values`` applied (a new array)."""
        return self._apply(values, "set", mode)

    def add(self, values, *, mode=None):
        """``x`` with ``values`` added at ``idx`` (repeated indices accumulate)."""
        return self._apply(values, "add", mode)

    def multiply(self, values, *, mode=None):
        """``x`` with ``x[idx]`` multiplied by ``values``."""
        return self._apply(values, "multiply", mode)

    mul = multiply

    def min(self, values, *, mode=None):  # noqa: A003
        """``x`` with ``x[idx]`` replaced by ``minimum(x[idx], values)``."""
        return self._apply(values, "min", mode)

    def max(self, values, *, mode=None):  # noqa: A003
        """``x`` with ``x[idx]`` replaced by ``maximum(x[idx], values)``."""
        return self._apply(values, "max", mode)

    def subtract(self, values, *, mode=None):
        """``x`` with ``values`` subtracted at ``idx``."""
        return self.add(P.neg(_arr(values, "at[...].subtract")), mode=mode)

    def divide(self, values, *, mode=None):
        """``x`` with ``x[idx]`` divided by ``values``."""
        return self.multiply(reciprocal(values), mode=mode)


class _IndexUpdateHelper:
    """``x.at[idx]`` -> an object with set/add/multiply/min/max/get (functional)."""
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x

    def __getitem__(self, idx):
        return _IndexUpdateRef(self.x, idx)


def at(x):
    """``fnp.at(x)[idx].set(v)``: functional update of any array (traced or not)."""
    return _IndexUpdateHelper(_arr(x, "at"))
