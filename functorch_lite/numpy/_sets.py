"""Sets: unique (return_index/inverse/counts), the Array API's unique_all,
unique_counts, unique_inverse, unique_values (named tuples), isin, intersect1d,
union1d, setdiff1d, setxor1d.

Their output sizes depend on the data.  Outside ``jit`` (and under ``grad``,
where values are concrete) the sizes are read from the values, as NumPy does;
inside ``jit``/``vmap``/``make_jaxpr`` pass ``size=`` (and optionally
``fill_value=``), as in JAX: the result then has exactly ``size`` entries,
padded with ``fill_value`` (default: the smallest unique value), indices padded
with 0 and counts with 0.  Without ``size`` under tracing they raise, naming
the fix.  Unique values are a gather of the input, so they are differentiable.
"""
from collections import namedtuple

import numpy as _np

from .. import primitives as P
from ..core.backend import backend_of
from ..core.trace import concrete_value, get_aval
from ..primitives import numeric as N
from ..primitives.cumulative import cumsum
from ._base import _arr

UniqueAllResult = namedtuple("UniqueAllResult", "values indices inverse_indices counts")
UniqueCountsResult = namedtuple("UniqueCountsResult", "values counts")
UniqueInverseResult = namedtuple("UniqueInverseResult", "values inverse_indices")


def _host(x):
    """x's values on the host when they are concrete (not under jit/vmap), else None."""
    v = concrete_value(x)
    if v is None or not hasattr(v, "shape") or tuple(v.shape) != tuple(get_aval(x).shape):
        return None  # abstract, or a vmap lane whose batch axis would show
    return _np.asarray(backend_of(v).to_host(v))


def _need_size(name):
    return ValueError(
        f"{name}: the output size depends on the values, which are not known here "
        f"(inside jit, vmap or make_jaxpr); pass size=<the number of entries> (and "
        f"optionally fill_value=) as in jax.numpy, or call it outside the transform")


def _flat(x):
    return P.reshape(x, (get_aval(x).size,))


def _slice1(x, lo, hi):
    return P.slice_(x, (lo,), (hi,))


def _sorted_groups(flat, equal_nan):
    """Stable sort of flat, the first-of-group mask and each sorted entry's group id."""
    perm = N.argsort_along(flat, 0)
    s = P.gather(flat, perm)
    n = get_aval(s).shape[0]
    if n == 0:
        return perm, s, _np.zeros(0, bool), _np.zeros(0, _np.int64)
    a, b = _slice1(s, 1, n), _slice1(s, 0, n - 1)
    new = P.ne(a, b)
    if equal_nan and get_aval(s).dtype.kind == "f":
        new = P.min(new, P.eq(P.min(P.ne(a, a), P.ne(b, b)), False))
    first = P.concatenate([_np.ones(1, bool), new], 0)
    gid = P.sub(cumsum(P.convert_element_type(first, _np.int64), 0), _np.int64(1))
    return perm, s, first, gid


def _unique_traced(x, size, fill_value, equal_nan):
    """(values, first indices, inverse, counts), each of ``size`` entries but the
    inverse (x's size), computed with primitives only."""
    flat = _flat(x)
    n = get_aval(flat).shape[0]
    if n == 0:
        z = _np.zeros(size, _np.int64)
        fill = 0 if fill_value is None else fill_value
        vals = P.broadcast_to(P.promote(flat, fill)[1], (size,))
        return vals, z, _np.zeros(0, _np.int64), z
    perm, s, first, gid = _sorted_groups(flat, equal_nan)
    j = _np.arange(size, dtype=_np.int64)
    lo = N.searchsorted(gid, j, "left")
    hi = N.searchsorted(gid, j, "right")
    nu = P.add(_slice1(gid, n - 1, n), _np.int64(1))  # number of unique values, shape (1,)
    valid = P.lt(j, nu)
    lo_c = P.min(lo, _np.int64(n - 1))
    vals = P.gather(s, lo_c)
    fill = P.gather(s, _np.zeros(1, _np.int64)) if fill_value is None else fill_value
    vals = P.select(valid, vals, P.broadcast_to(P.promote(vals, fill)[1], (size,)))
    idx = P.select(valid, P.gather(perm, lo_c), _np.int64(0))
    counts = P.select(valid, P.sub(hi, lo), _np.int64(0))
    inv = P.gather(gid, N.argsort_along(perm, 0))
    return vals, idx, inv, counts


def _unique_flat(x, name, size, fill_value, equal_nan):
    h = _host(x)
    if h is None:
        if size is None:
            raise _need_size(name)
        return _unique_traced(x, int(size), fill_value, equal_nan)
    flat = _flat(x)
    _, idx, inv, counts = _np.unique(h.ravel(), return_index=True, return_inverse=True,
                                     return_counts=True, equal_nan=equal_nan)
    idx, inv, counts = idx.astype(_np.int64), inv.astype(_np.int64), counts.astype(_np.int64)
    vals = P.gather(flat, idx)  # a gather of x: differentiable
    if size is not None:
        size, k = int(size), len(idx)
        if size < k:
            vals, idx, counts = _slice1(vals, 0, size), idx[:size], counts[:size]
        elif size > k:
            fill = P.gather(flat, idx[:1]) if fill_value is None and k else \
                (0 if fill_value is None else fill_value)
            pad = P.broadcast_to(P.promote(vals, fill)[1], (size - k,))
            vals = P.concatenate([vals, pad], 0)
            idx = _np.concatenate([idx, _np.zeros(size - k, _np.int64)])
            counts = _np.concatenate([counts, _np.zeros(size - k, _np.int64)])
    return vals, idx, inv, counts


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None,
           *, equal_nan=True, size=None, fill_value=None):
    """NumPy's unique (sorted unique values; with the flags, a tuple adding the first
    indices, the inverse indices and the counts).  ``size``/``fill_value``: see the
    module docstring.  ``axis`` (unique sub-arrays) needs concrete values.  The
    inverse has ``ar``'s shape for axis=None (NumPy 2)."""
    x = _arr(ar, "unique")
    if axis is not None:
        vals, extras = _unique_axis(x, axis, return_index, return_inverse, return_counts)
    else:
        vals, idx, inv, counts = _unique_flat(x, "unique", size, fill_value, equal_nan)
        if return_inverse:
            inv = P.reshape(inv, get_aval(x).shape) if get_aval(x).ndim else inv
        extras = [e for e, want in ((idx, return_index), (inv, return_inverse),
                                    (counts, return_counts)) if want]
    return tuple([vals] + extras) if extras else vals


def _unique_axis(x, axis, ri, rv, rc):
    h = _host(x)
    if h is None:
        raise ValueError("unique: axis= (unique sub-arrays) needs concrete values; call it "
                         "outside jit/vmap")
    from ._indexing import take
    nd = get_aval(x).ndim
    if not -nd <= axis < nd:
        raise ValueError(f"unique: axis {axis} is out of bounds for an array of dimension "
                         f"{nd}")
    _, idx, inv, counts = _np.unique(h, return_index=True, return_inverse=True,
                                     return_counts=True, axis=axis)
    vals = take(x, idx.astype(_np.int64), axis=axis)
    return vals, [e.astype(_np.int64) for e, w in ((idx, ri), (inv.reshape(-1), rv),
                                                   (counts, rc)) if w]


def unique_values(x, *, size=None, fill_value=None):
    """Array API: the sorted unique values of x flattened; NaNs are all distinct."""
    return _unique_flat(_arr(x, "unique_values"), "unique_values", size, fill_value, False)[0]


def unique_counts(x, *, size=None, fill_value=None):
    """Array API: (values, counts) as a named tuple; NaNs are distinct."""
    v, _, _, c = _unique_flat(_arr(x, "unique_counts"), "unique_counts", size, fill_value,
                              False)
    return UniqueCountsResult(v, c)


def unique_inverse(x, *, size=None, fill_value=None):
    """Array API: (values, inverse_indices) with inverse_indices shaped like x."""
    x = _arr(x, "unique_inverse")
    v, _, inv, _ = _unique_flat(x, "unique_inverse", size, fill_value, False)
    return UniqueInverseResult(v, P.reshape(inv, get_aval(x).shape))


def unique_all(x, *, size=None, fill_value=None):
    """Array API: (values, indices, inverse_indices, counts) as a named tuple."""
    x = _arr(x, "unique_all")
    v, i, inv, c = _unique_flat(x, "unique_all", size, fill_value, False)
    return UniqueAllResult(v, i, P.reshape(inv, get_aval(x).shape), c)


# ------------------------------------------------------------ membership & sets

def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    """``element``'s entries found in ``test_elements`` (bool, element's shape).
    Sort-based (a binary search of each entry in the sorted test set), so it
    traces with static shapes; NaN is in no set (NumPy's rule)."""
    e = _arr(element, "isin")
    t = _flat(_arr(test_elements, "isin"))
    e, t = P.promote(e, t)
    n = get_aval(t).shape[0]
    if n == 0:
        found = P.full_like(P.convert_element_type(e, _np.bool_), False)
    else:
        s = P.gather(t, N.argsort_along(t, 0))
        i = P.min(N.searchsorted(s, e, "left"), _np.int64(n - 1))
        found = P.eq(P.gather(s, P.reshape(i, (get_aval(i).size,))), _flat(e))
        found = P.reshape(found, get_aval(e).shape)
    return P.eq(found, False) if invert else found


def in1d(ar1, ar2, assume_unique=False, invert=False):
    """``isin`` of ``ar1`` flattened (NumPy's deprecated in1d)."""
    return isin(_flat(_arr(ar1, "in1d")), ar2, assume_unique, invert)


def _compact(vals, mask, size, fill_value, name):
    """vals[mask] (in order); with size: padded with fill_value to exactly size."""
    h = _host(mask)
    if h is not None and size is None:
        return P.gather(vals, _np.nonzero(h)[0].astype(_np.int64))
    if size is None:
        raise _need_size(name)
    size = int(size)
    n = get_aval(vals).shape[0]
    order = N.argsort_along(P.convert_element_type(P.eq(mask, False), _np.int8), 0)
    count = P.reduce_sum(P.convert_element_type(mask, _np.int64), (0,))
    m = min(size, n)
    out = P.gather(vals, _slice1(order, 0, m))
    fill = 0 if fill_value is None else fill_value
    out = P.select(P.lt(_np.arange(m, dtype=_np.int64), count), out,
                   P.broadcast_to(P.promote(out, fill)[1], (m,)))
    if size > m:
        out = P.concatenate([out, P.broadcast_to(P.promote(out, fill)[1], (size - m,))], 0)
    return out


def _unique_with_mask(x, name):
    """Sorted unique values of x (all entries; padding marked invalid) and validity."""
    flat = _flat(x)
    if _host(flat) is not None:
        v = _unique_flat(flat, name, None, None, True)[0]
        return v, _np.ones(get_aval(v).shape[0], bool)
    n = get_aval(flat).shape[0]
    if n == 0:
        return flat, _np.zeros(0, bool)
    v, _, _, c = _unique_traced(flat, n, None, True)
    return v, P.gt(c, 0)


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False, *, size=None,
                fill_value=None):
    """Sorted unique values in both arrays (``size=`` under tracing, see module).
    ``return_indices`` (first indices into each flattened input) needs concrete values."""
    a, b = _arr(ar1, "intersect1d"), _arr(ar2, "intersect1d")
    a, b = P.promote(a, b)
    if return_indices:
        ha, hb = _host(a), _host(b)
        if ha is None or hb is None:
            raise ValueError("intersect1d: return_indices=True needs concrete values; call "
                             "it outside jit/vmap")
        _, i1, i2 = _np.intersect1d(ha, hb, assume_unique, return_indices=True)
        i1, i2 = i1.astype(_np.int64), i2.astype(_np.int64)
        return P.gather(_flat(a), i1), i1, i2
    u, valid = _unique_with_mask(a, "intersect1d")
    keep = P.min(valid, isin(u, b))
    return _compact(u, keep, size, fill_value, "intersect1d")


def union1d(ar1, ar2, *, size=None, fill_value=None):
    """Sorted unique values in either array."""
    a, b = P.promote(_arr(ar1, "union1d"), _arr(ar2, "union1d"))
    both = P.concatenate([_flat(a), _flat(b)], 0)
    return _unique_flat(both, "union1d", size, fill_value, True)[0]


def setdiff1d(ar1, ar2, assume_unique=False, *, size=None, fill_value=None):
    """Sorted unique values of ar1 that are not in ar2."""
    a, b = P.promote(_arr(ar1, "setdiff1d"), _arr(ar2, "setdiff1d"))
    u, valid = _unique_with_mask(a, "setdiff1d")
    keep = P.min(valid, isin(u, b, invert=True))
    return _compact(u, keep, size, fill_value, "setdiff1d")


def setxor1d(ar1, ar2, assume_unique=False, *, size=None, fill_value=None):
    """Sorted unique values in exactly one of the arrays."""
    a, b = P.promote(_arr(ar1, "setxor1d"), _arr(ar2, "setxor1d"))
    ua, va = _unique_with_mask(a, "setxor1d")
    ub, vb = _unique_with_mask(b, "setxor1d")
    both = P.concatenate([ua, ub], 0)
    keep = P.concatenate([P.min(va, isin(ua, b, invert=True)),
                          P.min(vb, isin(ub, a, invert=True))], 0)
    order = N.argsort_along(both, 0)
    return _compact(P.gather(both, order), P.gather(keep, order), size, fill_value,
                    "setxor1d")
