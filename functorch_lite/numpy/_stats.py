"""Statistics: ptp average median percentile quantile, the nan-ignoring
reductions (nansum nanprod nanmean nanvar nanstd nanmax nanmin nanargmax
nanargmin nancumsum nancumprod nanmedian nanpercentile nanquantile), cov,
corrcoef.

Quantiles sort (a gather of the input) and interpolate between two order
statistics, so they are differentiable in the data and in ``q``; the nan*
versions sort NaNs last and interpolate among each row's valid entries.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ..primitives import numeric as N
from ._base import _arr, _axes, _keep
from ._elementwise import _float
from ._reductions import argmax, argmin, cumprod, cumsum, max as _max, mean, min as _min, \
    prod, sum as _sum


def _checked(a, axis, name, float_=False):
    x = _float(a, name) if float_ else _arr(a, name)
    _axes(axis, get_aval(x).ndim, name)  # a bad axis names this function
    return x


def ptp(a, axis=None, keepdims=False):
    """Peak to peak: ``max - min`` over axis."""
    a = _checked(a, axis, "ptp")
    return P.sub(_max(a, axis, keepdims=keepdims), _min(a, axis, keepdims=keepdims))


def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    """The weighted mean ``sum(a * w) / sum(w)`` over axis (NumPy's average); with
    ``returned`` also the sum of the weights."""
    x = _checked(a, axis, "average", True)
    if weights is None:
        avg = mean(x, axis, keepdims=keepdims)
        if not returned:
            return avg
        shape = get_aval(x).shape
        n = float(_np.prod([shape[i] for i in _axes(axis, len(shape), "average")]))
        return avg, P.broadcast_to(P.full_like(avg, n), get_aval(avg).shape)
    w = _arr(weights, "average")
    xs, ws = get_aval(x).shape, get_aval(w).shape
    if ws != xs:
        if axis is None or len(ws) != 1:
            raise ValueError(f"average: weights of shape {ws} differ from a's shape {xs}; "
                             f"1-d weights need axis=")
        ax = _axes(axis, len(xs), "average")
        if len(ax) != 1 or ws[0] != xs[ax[0]]:
            raise ValueError(f"average: weights of length {ws[0]} do not match axis {axis} "
                             f"of shape {xs}")
        w = P.reshape(w, tuple(ws[0] if i == ax[0] else 1 for i in range(len(xs))))
        w = P.broadcast_to(w, xs)
    x, w = P.promote(x, w)
    sw = _sum(w, axis, keepdims=keepdims)
    avg = P.div(_sum(P.mul(x, w), axis, keepdims=keepdims), sw)
    return (avg, P.broadcast_to(sw, get_aval(avg).shape)) if returned else avg


# ------------------------------------------------------------------ quantiles

_METHODS = ("linear", "lower", "higher", "nearest", "midpoint", "inverted_cdf",
            "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
            "hazen", "weibull", "median_unbiased", "normal_unbiased")


def _to_last(x, axis, name):
    """x with the reduced axes merged into one last axis; (x, axes, original shape)."""
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), name)
    rest = [i for i in range(len(shape)) if i not in axes]
    y = P.transpose(x, tuple(rest) + axes)
    n = int(_np.prod([shape[i] for i in axes], dtype=_np.int64))
    return P.reshape(y, tuple(shape[i] for i in rest) + (n,)), axes, shape


def _quantile(a, q, axis, method, keepdims, name, ignore_nan):
    if method not in _METHODS[:5]:
        raise ValueError(f"{name}: method {method!r} is not supported; use one of "
                         f"{_METHODS[:5]}" if method in _METHODS else
                         f"{name}: unknown method {method!r}")
    x = _float(a, name)
    y, axes, shape = _to_last(x, axis, name)
    data_dt = get_aval(y).dtype  # order statistics (lower/higher/nearest) keep it
    n = get_aval(y).shape[-1]
    if n == 0:
        raise ValueError(f"{name}: cannot take a quantile of an empty axis (shape {shape})")
    if type(q) in (int, float):  # a Python q is weak: float32 data stays float32
        qv = _np.asarray(q, dtype=get_aval(y).dtype)
    else:  # an array q promotes with the data, as NumPy's
        qv = q if isinstance(q, Tracer) else _np.asarray(q)
        if get_aval(qv).dtype.kind != "f":
            qv = P.convert_element_type(qv, _np.float64)
        y, qv = P.promote(y, qv)
    if not isinstance(qv, Tracer) and ((qv < 0) | (qv > 1)).any():
        raise ValueError(f"{name}: quantiles must be in the range [0, 1] (percentiles in "
                         f"[0, 100]), got {q}")
    qshape = get_aval(qv).shape
    qf = P.reshape(qv, (int(_np.prod(qshape, dtype=_np.int64)),))
    s = N.take_along(y, N.argsort_along(y, get_aval(y).ndim - 1), get_aval(y).ndim - 1)
    isnan = P.ne(y, y)
    bshape = get_aval(y).shape[:-1]
    if ignore_nan:
        nvalid = P.reduce_sum(P.convert_element_type(P.eq(isnan, False), get_aval(y).dtype),
                              (len(bshape),))
    else:
        nvalid = P.full_like(P.reduce_sum(s, (len(bshape),)), float(n))
    top = P.reshape(P.sub(P.max(nvalid, 1.0), 1.0), bshape + (1,))
    pos = P.mul(top, P.reshape(qf, (1,) * len(bshape) + (get_aval(qf).shape[0],)))
    lo = P.stop_gradient(P.floor(pos))
    hi = P.min(P.stop_gradient(P.ceil(pos)), top)
    if method == "lower":
        pick = [(lo, None)]
    elif method == "higher":
        pick = [(hi, None)]
    elif method == "nearest":
        pick = [(P.stop_gradient(P.round_(pos, 0)), None)]
    else:
        pick = None
    s_b = P.broadcast_to(s, bshape + (n,))

    def at(i):
        idx = P.convert_element_type(i, _np.int64)
        idx = P.broadcast_to(idx, bshape + (get_aval(qf).shape[0],))
        return N.take_along(s_b, idx, len(bshape))

    if pick is not None:
        out = P.convert_element_type(at(pick[0][0]), data_dt)
    elif method == "midpoint":
        out = P.mul(P.add(at(lo), at(hi)), 0.5)
    else:
        xl, xh = at(lo), at(hi)
        out = P.add(xl, P.mul(P.sub(pos, lo), P.sub(xh, xl)))
    # NaN along the axis: NumPy's quantile is NaN; nanquantile only when all are NaN
    bad = P.gt(P.reduce_sum(P.convert_element_type(isnan, _np.int64), (len(bshape),)), 0) \
        if not ignore_nan else P.eq(nvalid, 0.0)
    bad = P.reshape(bad, bshape + (1,))
    out = P.select(P.broadcast_to(bad, get_aval(out).shape), P.full_like(out, _np.nan), out)
    # q's axes first, then the kept axes (NumPy's layout)
    nb = len(bshape)
    out = P.transpose(out, (nb,) + tuple(range(nb)))
    out = P.reshape(out, qshape + bshape)
    if keepdims:
        kshape = tuple(1 if i in axes else d for i, d in enumerate(shape))
        out = P.reshape(out, qshape + kshape)
    return out


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
             keepdims=False, *, interpolation=None):
    """The q-th quantiles (q in [0, 1], any shape: its axes come first) over axis;
    methods linear, lower, higher, nearest, midpoint.  Differentiable in a and q."""
    _no_out("quantile", out)
    return _quantile(a, q, axis, interpolation or method, keepdims, "quantile", False)


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
               keepdims=False, *, interpolation=None):
    """``quantile(a, q / 100, ...)``."""
    _no_out("percentile", out)
    return _quantile(a, _pct(q, "percentile"), axis, interpolation or method, keepdims,
                     "percentile", False)


def _pct(q, name):
    """q / 100, keeping a Python q a Python number (weak)."""
    if type(q) in (int, float):
        return q / 100.0
    if isinstance(q, Tracer):
        return P.div(q, 100.0)
    return _np.asarray(q, dtype=_np.result_type(_np.asarray(q).dtype, _np.float16)) / 100.0


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """The median over axis (the mean of the two middle values for even counts)."""
    _no_out("median", out)
    return _quantile(a, 0.5, axis, "linear", keepdims, "median", False)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=False, *, interpolation=None):
    """quantile ignoring NaNs (NaN only where a row is all NaN)."""
    _no_out("nanquantile", out)
    return _quantile(a, q, axis, interpolation or method, keepdims, "nanquantile", True)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=False, *, interpolation=None):
    """percentile ignoring NaNs."""
    _no_out("nanpercentile", out)
    return _quantile(a, _pct(q, "nanpercentile"), axis, interpolation or method, keepdims,
                     "nanpercentile", True)


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """median ignoring NaNs."""
    _no_out("nanmedian", out)
    return _quantile(a, 0.5, axis, "linear", keepdims, "nanmedian", True)


def _no_out(name, out):
    if out is not None:
        raise TypeError(f"{name}: out= is not supported (functorch_lite arrays are "
                        f"immutable values); use the return value")


# ------------------------------------------------------------------ nan*

def _nan_to(x, v):
    x = _arr(x)
    if get_aval(x).dtype.kind != "f":
        return x
    return P.select(P.ne(x, x), P.full_like(x, v), x)


def nansum(a, axis=None, dtype=None, keepdims=False):
    """sum treating NaN as 0."""
    return _sum(_nan_to(_checked(a, axis, "nansum"), 0.0), axis, dtype, keepdims)


def nanprod(a, axis=None, dtype=None, keepdims=False):
    """prod treating NaN as 1."""
    return prod(_nan_to(_checked(a, axis, "nanprod"), 1.0), axis, dtype, keepdims)


def _valid_count(x, axis, keepdims):
    return _sum(P.convert_element_type(P.eq(P.ne(x, x), False), get_aval(x).dtype), axis,
                keepdims=keepdims)


def nanmean(a, axis=None, dtype=None, keepdims=False):
    """mean over the non-NaN entries (NaN where there are none)."""
    x = _checked(a, axis, "nanmean", True)
    if dtype is not None:
        x = P.convert_element_type(x, _np.dtype(dtype))
    return P.div(nansum(x, axis, keepdims=keepdims), _valid_count(x, axis, keepdims))


def nanvar(a, axis=None, dtype=None, ddof=0, keepdims=False, *, correction=None):
    """var over the non-NaN entries."""
    ddof = ddof if correction is None else correction
    x = _checked(a, axis, "nanvar", True)
    if dtype is not None:
        x = P.convert_element_type(x, _np.dtype(dtype))
    m = nanmean(x, axis, keepdims=True)
    d = _nan_to(P.sub(x, m), 0.0)
    cnt = _valid_count(x, axis, keepdims)
    return P.div(_sum(P.mul(d, d), axis, keepdims=keepdims), P.max(P.sub(cnt, float(ddof)),
                                                                    0.0))


def nanstd(a, axis=None, dtype=None, ddof=0, keepdims=False, *, correction=None):
    """std over the non-NaN entries."""
    return P.sqrt(nanvar(a, axis, dtype, ddof, keepdims, correction=correction))


def _all_nan(x, axis, keepdims):
    return P.eq(_valid_count(x, axis, keepdims), 0.0)


def nanmax(a, axis=None, keepdims=False):
    """max ignoring NaNs (NaN where a slice is all NaN)."""
    x = _checked(a, axis, "nanmax")
    if get_aval(x).dtype.kind != "f":
        return _max(x, axis, keepdims=keepdims)
    out = _max(_nan_to(x, -_np.inf), axis, keepdims=keepdims)
    return P.select(_all_nan(x, axis, keepdims), P.full_like(out, _np.nan), out)


def nanmin(a, axis=None, keepdims=False):
    """min ignoring NaNs (NaN where a slice is all NaN)."""
    x = _checked(a, axis, "nanmin")
    if get_aval(x).dtype.kind != "f":
        return _min(x, axis, keepdims=keepdims)
    out = _min(_nan_to(x, _np.inf), axis, keepdims=keepdims)
    return P.select(_all_nan(x, axis, keepdims), P.full_like(out, _np.nan), out)


def nanargmax(a, axis=None, keepdims=False):
    """argmax ignoring NaNs (an all-NaN slice raises in NumPy; here it gives 0)."""
    return argmax(_nan_to(_checked(a, axis, "nanargmax"), -_np.inf), axis, keepdims)


def nanargmin(a, axis=None, keepdims=False):
    """argmin ignoring NaNs (an all-NaN slice gives 0)."""
    return argmin(_nan_to(_checked(a, axis, "nanargmin"), _np.inf), axis, keepdims)


def nancumsum(a, axis=None, dtype=None):
    """cumsum treating NaN as 0."""
    return cumsum(_nan_to(_checked(a, axis, "nancumsum"), 0.0), axis, dtype)


def nancumprod(a, axis=None, dtype=None):
    """cumprod treating NaN as 1."""
    return cumprod(_nan_to(_checked(a, axis, "nancumprod"), 1.0), axis, dtype)


# ------------------------------------------------------------------ cov, corrcoef

def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *,
        dtype=None):
    """The covariance matrix of the variables in m's rows (columns with
    rowvar=False), NumPy's formula with frequency and analytic weights."""
    x = _float(m, "cov")
    if get_aval(x).ndim > 2:
        raise ValueError(f"cov: m has more than 2 dimensions (shape {get_aval(x).shape})")
    if get_aval(x).ndim < 2:
        x = P.reshape(x, (1, get_aval(x).size))
    if not rowvar and get_aval(x).shape[0] != 1:
        x = P.transpose(x, (1, 0))
    if y is not None:
        yy = _float(y, "cov")
        if get_aval(yy).ndim < 2:
            yy = P.reshape(yy, (1, get_aval(yy).size))
        if not rowvar and get_aval(yy).shape[0] != 1:
            yy = P.transpose(yy, (1, 0))
        x, yy = P.promote(x, yy)
        x = P.concatenate([x, yy], 0)
    x = P.convert_element_type(x, _np.dtype(dtype) if dtype is not None else
                               _np.result_type(get_aval(x).dtype, _np.float64))
    if ddof is None:
        ddof = 0 if bias else 1
    nobs = get_aval(x).shape[1]
    w = None
    if fweights is not None:
        w = _arr(fweights, "cov")
    if aweights is not None:
        aw = _arr(aweights, "cov")
        w = aw if w is None else P.mul(w, aw)
    if w is None:
        avg = mean(x, 1, keepdims=True)
        fact = float(nobs - ddof)
        xc = P.sub(x, avg)
        c = P.dot_general(xc, xc, (((1,), (1,)), ((), ())))
    else:
        w = P.convert_element_type(w, get_aval(x).dtype)
        v1 = _sum(w)
        avg = P.div(_sum(P.mul(x, w), 1, keepdims=True), v1)
        if ddof == 0:
            fact = v1
        elif aweights is None:
            fact = P.sub(v1, float(ddof))
        else:
            fact = P.sub(v1, P.div(P.mul(float(ddof), _sum(P.mul(w, aw))), v1))
        xc = P.sub(x, avg)
        c = P.dot_general(P.mul(xc, w), xc, (((1,), (1,)), ((), ())))
    c = P.div(c, fact)
    return P.reshape(c, ()) if get_aval(c).shape == (1, 1) else c


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    """Pearson correlation coefficients: cov normalised by the standard deviations,
    clipped to [-1, 1] as NumPy does."""
    c = cov(x, y, rowvar, dtype=dtype)
    if get_aval(c).ndim == 0:
        return P.div(c, c)
    from ._einsum import diagonal
    d = P.sqrt(diagonal(c))
    n = get_aval(d).shape[0]
    c = P.div(P.div(c, P.reshape(d, (n, 1))), P.reshape(d, (1, n)))
    return P.max(P.min(c, 1.0), -1.0)
