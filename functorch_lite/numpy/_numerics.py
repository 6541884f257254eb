"""Differences, integrals, polynomials, signals and counting: diff ediff1d
gradient trapezoid cumulative_sum interp polyval polyfit convolve correlate
bincount histogram.

All are slices, gathers, sums and products of the input, so each is
differentiable where NumPy's function is (counts are integers and carry none).
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ..primitives import numeric as N
from ._base import _arr, _norm_axis, _v
from ._elementwise import _float
from ._sets import _host
from ._shape import concatenate, flip, ravel


def _sl(x, ax, lo, hi):
    s = get_aval(x).shape
    return P.slice_(x, tuple(lo if i == ax else 0 for i in range(len(s))),
                    tuple(hi if i == ax else d for i, d in enumerate(s)))


def diff(a, n=1, axis=-1, prepend=None, append=None):
    """The n-th discrete difference along axis (bool inputs: not_equal, as NumPy)."""
    x = _arr(a, "diff")
    nd = get_aval(x).ndim
    if nd == 0:
        raise ValueError("diff: requires input that is at least one dimensional")
    ax = _norm_axis(axis, nd, "diff")
    if n < 0:
        raise ValueError(f"diff: order must be non-negative but got {n}")
    def edge(e):
        e = _arr(e, "diff")
        if get_aval(e).ndim == 0:  # a scalar becomes one slice along axis
            shape = tuple(1 if i == ax else d for i, d in enumerate(get_aval(x).shape))
            e = P.broadcast_to(e, shape)
        return e
    parts = ([edge(prepend)] if prepend is not None else []) + [x] + \
        ([edge(append)] if append is not None else [])
    if len(parts) > 1:
        x = concatenate(list(P.promote(*parts)), ax)
    for _ in range(int(n)):
        m = get_aval(x).shape[ax]
        if m == 0:
            break
        hi, lo = _sl(x, ax, 1, m), _sl(x, ax, 0, m - 1)
        x = P.ne(hi, lo) if get_aval(x).dtype == _np.bool_ else P.sub(hi, lo)
    return x


def ediff1d(ary, to_end=None, to_begin=None):
    """Differences of the flattened array, with optional values before and after."""
    d = diff(ravel(_arr(ary, "ediff1d")))
    parts = [ravel(_arr(v, "ediff1d")) for v in (to_begin,) if v is not None] + [d] + \
        [ravel(_arr(v, "ediff1d")) for v in (to_end,) if v is not None]
    if len(parts) == 1:
        return d
    dt = get_aval(d).dtype  # NumPy casts to_begin/to_end to the array's dtype
    return concatenate([P.convert_element_type(p, dt) for p in parts], 0)


def gradient(f, *varargs, axis=None, edge_order=1):
    """NumPy's gradient: second-order central differences inside, one-sided
    differences of order ``edge_order`` (1 or 2) at the ends; spacing as scalars
    or coordinate arrays per axis.  One array for one axis, else a list."""
    x = _float(f, "gradient")
    nd = get_aval(x).ndim
    axes = list(range(nd)) if axis is None else \
        [_norm_axis(a, nd, "gradient") for a in ((axis,) if isinstance(axis, int) else axis)]
    if len(varargs) == 0:
        spacing = [1.0] * len(axes)
    elif len(varargs) == 1 and get_aval(_arr(varargs[0])).ndim == 0:
        spacing = [varargs[0]] * len(axes)
    elif len(varargs) == len(axes):
        spacing = list(varargs)
    else:
        raise TypeError(f"gradient: expected 0, 1 or {len(axes)} spacings, got {len(varargs)}")
    if edge_order not in (1, 2):
        raise ValueError(f"gradient: edge_order must be 1 or 2, got {edge_order}")
    # NumPy's result keeps f's float dtype whatever the spacing's
    out = [P.convert_element_type(_grad_axis(x, ax, h, edge_order), get_aval(x).dtype)
           for ax, h in zip(axes, spacing)]
    return out[0] if len(out) == 1 else out


def _grad_axis(x, ax, h, order):
    n = get_aval(x).shape[ax]
    if n < order + 1:
        raise ValueError(f"gradient: shape {get_aval(x).shape} along axis {ax} needs at "
                         f"least edge_order + 1 = {order + 1} points")
    h = _v(h, "gradient")
    if type(h) in (int, float):
        h = float(h)
    sl = lambda lo, hi: _sl(x, ax, lo, hi)  # noqa: E731
    bshape = lambda v: P.reshape(v, tuple(get_aval(v).shape[0] if i == ax else 1  # noqa: E731
                                          for i in range(get_aval(x).ndim)))
    if isinstance(h, float) or get_aval(h).ndim == 0:
        mid = P.div(P.sub(sl(2, n), sl(0, n - 2)), P.mul(h, 2.0))
        if order == 1:
            first = P.div(P.sub(sl(1, 2), sl(0, 1)), h)
            last = P.div(P.sub(sl(n - 1, n), sl(n - 2, n - 1)), h)
        else:
            first = P.div(P.add(P.add(P.mul(sl(0, 1), -1.5), P.mul(sl(1, 2), 2.0)),
                                P.mul(sl(2, 3), -0.5)), h)
            last = P.div(P.add(P.add(P.mul(sl(n - 3, n - 2), 0.5),
                                     P.mul(sl(n - 2, n - 1), -2.0)),
                               P.mul(sl(n - 1, n), 1.5)), h)
        return concatenate([first, mid, last], ax) if n > 2 else concatenate([first, last], ax)
    if get_aval(h).shape != (n,):
        raise ValueError(f"gradient: coordinates of shape {get_aval(h).shape} do not match "
                         f"axis {ax} of length {n}")
    h = _float(h)
    dx = P.sub(P.slice_(h, (1,), (n,)), P.slice_(h, (0,), (n - 1,)))
    d1, d2 = P.slice_(dx, (0,), (n - 2,)), P.slice_(dx, (1,), (n - 1,))
    a = bshape(P.div(P.neg(d2), P.mul(d1, P.add(d1, d2))))
    b = bshape(P.div(P.sub(d2, d1), P.mul(d1, d2)))
    c = bshape(P.div(d1, P.mul(d2, P.add(d1, d2))))
    mid = P.add(P.add(P.mul(a, sl(0, n - 2)), P.mul(b, sl(1, n - 1))), P.mul(c, sl(2, n)))
    if order != 1:
        raise ValueError("gradient: edge_order=2 with coordinate arrays is not supported "
                         "here; use edge_order=1 or uniform spacing")
    h0, hl = bshape(P.slice_(dx, (0,), (1,))), bshape(P.slice_(dx, (n - 2,), (n - 1,)))
    first = P.div(P.sub(sl(1, 2), sl(0, 1)), h0)
    last = P.div(P.sub(sl(n - 1, n), sl(n - 2, n - 1)), hl)
    return concatenate([first, mid, last], ax) if n > 2 else concatenate([first, last], ax)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    """The trapezoidal rule along axis (sample points x, or spacing dx)."""
    v = _float(y, "trapezoid")
    ax = _norm_axis(axis, get_aval(v).ndim, "trapezoid")
    n = get_aval(v).shape[ax]
    avg = P.mul(P.add(_sl(v, ax, 1, n), _sl(v, ax, 0, n - 1)), 0.5)
    if x is None:
        d = dx
    else:
        d = diff(_float(x, "trapezoid"), axis=-1 if get_aval(_arr(x)).ndim == 1 else ax)
        if get_aval(d).ndim == 1 and get_aval(v).ndim > 1:
            d = P.reshape(d, tuple(n - 1 if i == ax else 1 for i in range(get_aval(v).ndim)))
    return P.reduce_sum(P.mul(avg, d), (ax,))


trapz = trapezoid


def cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False):
    """The Array API's cumulative sum (axis required above 1-d; include_initial
    prepends a zero)."""
    from ._reductions import cumsum
    v = _arr(x, "cumulative_sum")
    nd = get_aval(v).ndim
    if axis is None:
        if nd > 1:
            raise ValueError("cumulative_sum: axis is required for arrays of more than one "
                             "dimension")
        axis = 0
    ax = _norm_axis(axis, max(nd, 1), "cumulative_sum")
    out = cumsum(v, ax, dtype)
    if include_initial:  # a zero slice in front
        cfg = tuple((1, 0, 0) if i == ax else (0, 0, 0) for i in range(get_aval(out).ndim))
        out = P.pad(out, _np.zeros((), get_aval(out).dtype)[()], cfg)
    return out


# ------------------------------------------------------------ interpolation

def interp(x, xp, fp, left=None, right=None, period=None):
    """Piecewise-linear interpolation of (xp, fp) at x (xp increasing); left/right:
    the values outside (default fp[0], fp[-1]).  Differentiable in x and fp."""
    if period is not None:
        raise ValueError("interp: period= is not supported; wrap x and xp yourself "
                         "(x % period) and append the wrapped points")
    xv, xs, fs = _float(x, "interp"), _float(xp, "interp"), _float(fp, "interp")
    n = get_aval(xs).shape[0] if get_aval(xs).ndim == 1 else -1
    if n < 1 or get_aval(fs).shape != (n,):
        raise ValueError(f"interp: xp and fp must be 1-d of one length, got "
                         f"{get_aval(xs).shape} and {get_aval(fs).shape}")
    xv, xs = P.promote(xv, xs)
    if n == 1:
        out = P.broadcast_to(fs, get_aval(xv).shape) if get_aval(xv).ndim else \
            P.reshape(fs, ())
    else:
        i = P.sub(N.searchsorted(P.stop_gradient(xs), P.stop_gradient(xv), "right"),
                  _np.int64(1))
        i = P.min(P.max(i, _np.int64(0)), _np.int64(n - 2))
        x0, x1 = P.gather(xs, i), P.gather(xs, P.add(i, _np.int64(1)))
        f0, f1 = P.gather(fs, i), P.gather(fs, P.add(i, _np.int64(1)))
        t = P.div(P.sub(xv, x0), P.sub(x1, x0))
        out = P.add(f0, P.mul(t, P.sub(f1, f0)))
        xn, fn = P.reshape(P.slice_(xs, (n - 1,), (n,)), ()), \
            P.reshape(P.slice_(fs, (n - 1,), (n,)), ())
        out = P.select(P.eq(xv, xn), P.broadcast_to(fn, get_aval(out).shape), out)
    lo = P.reshape(P.slice_(fs, (0,), (1,)), ()) if left is None else left
    hi = P.reshape(P.slice_(fs, (n - 1,), (n,)), ()) if right is None else right
    xlo = P.reshape(P.slice_(xs, (0,), (1,)), ())
    xhi = P.reshape(P.slice_(xs, (n - 1,), (n,)), ())
    shp = get_aval(out).shape
    out = P.select(P.lt(xv, xlo), P.broadcast_to(P.promote(out, lo)[1], shp), out)
    out = P.select(P.gt(xv, xhi), P.broadcast_to(P.promote(out, hi)[1], shp), out)
    return out


def polyval(p, x):
    """The polynomial with coefficients p (highest power first) at x (Horner)."""
    c = _arr(p, "polyval")
    xv = _arr(x, "polyval")
    n = get_aval(c).shape[0] if get_aval(c).ndim == 1 else -1
    if n < 0:
        raise ValueError(f"polyval: p must be 1-d, got shape {get_aval(c).shape}")
    out = P.mul(xv, 0) if n == 0 else None
    for k in range(n):
        ck = P.reshape(P.slice_(c, (k,), (k + 1,)), ())
        out = P.add(P.mul(xv, 0), ck) if out is None else P.add(P.mul(out, xv), ck)
    return out


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """Least-squares polynomial coefficients (highest power first) through a QR
    solve of the column-scaled Vandermonde matrix.  full=True and cov=True (the
    diagnostics) are not supported and raise."""
    if full or cov:
        raise ValueError("polyfit: full=True and cov=True are not supported; compute the "
                         "residuals from polyval instead")
    from . import linalg
    # NumPy fits in float64 (at least) whatever the inputs' dtype
    xv, yv = _float(x, "polyfit"), _float(y, "polyfit")
    dt = _np.result_type(get_aval(xv).dtype, get_aval(yv).dtype, _np.float64)
    xv, yv = P.convert_element_type(xv, dt), P.convert_element_type(yv, dt)
    deg = int(deg)
    if deg < 0:
        raise ValueError(f"polyfit: expected deg >= 0, got {deg}")
    m = get_aval(xv).shape[0]
    cols = [P.integer_pow(xv, deg - k) if deg - k > 0 else P.full_like(xv, 1.0)
            for k in range(deg + 1)]
    A = P.concatenate([P.reshape(c, (m, 1)) for c in cols], 1)
    rhs = yv
    if w is not None:
        ww = _float(w, "polyfit")
        A = P.mul(A, P.reshape(ww, (m, 1)))
        rhs = P.mul(rhs, ww if get_aval(rhs).ndim == 1 else P.reshape(ww, (m, 1)))
    scale = P.sqrt(P.reduce_sum(P.mul(A, A), (0,)))
    A = P.div(A, scale)
    q, r = linalg.qr(A)
    one = get_aval(rhs).ndim == 1
    qty = P.dot_general(q, P.reshape(rhs, (m, 1)) if one else rhs, (((0,), (0,)), ((), ())))
    c = linalg.solve(r, qty)
    c = P.div(c, P.reshape(scale, (deg + 1, 1)))
    return P.reshape(c, (deg + 1,)) if one else c


# ------------------------------------------------------------ signals

def _conv_full(a, v):
    """Full discrete convolution of two 1-d arrays as windows x flipped kernel."""
    n, m = get_aval(a).shape[0], get_aval(v).shape[0]
    ap = P.pad(a, _np.zeros((), get_aval(a).dtype)[()], ((m - 1, m - 1, 0),))
    idx = _np.arange(n + m - 1)[:, None] + _np.arange(m)[None, :]
    win = P.gather(ap, idx.astype(_np.int64))             # (n + m - 1, m)
    return P.dot_general(win, flip(v), (((1,), (0,)), ((), ())))


def _mode_slice(full, n, m, mode, name):
    L = n + m - 1
    if mode == "full":
        return full
    if mode == "same":
        k = max(n, m)
        lo = (L - k) // 2
        return P.slice_(full, (lo,), (lo + k,))
    if mode == "valid":
        k = max(n, m) - min(n, m) + 1
        lo = min(n, m) - 1
        return P.slice_(full, (lo,), (lo + k,))
    raise ValueError(f"{name}: mode must be 'full', 'same' or 'valid', got {mode!r}")


def convolve(a, v, mode="full"):
    """Discrete linear convolution of two 1-d arrays (NumPy's convolve)."""
    x, k = P.promote(_arr(a, "convolve"), _arr(v, "convolve"))
    for t in (x, k):
        if get_aval(t).ndim != 1 or get_aval(t).shape[0] == 0:
            raise ValueError(f"convolve: inputs must be non-empty 1-d arrays, got shape "
                             f"{get_aval(t).shape}")
    n, m = get_aval(x).shape[0], get_aval(k).shape[0]
    return _mode_slice(_conv_full(x, k), n, m, mode, "convolve")


def correlate(a, v, mode="valid"):
    """Cross-correlation of two 1-d arrays, ``c[k] = sum_n a[n + k] * v[n]``
    (NumPy's correlate)."""
    x, k = P.promote(_arr(a, "correlate"), _arr(v, "correlate"))
    for t in (x, k):
        if get_aval(t).ndim != 1 or get_aval(t).shape[0] == 0:
            raise ValueError(f"correlate: inputs must be non-empty 1-d arrays, got shape "
                             f"{get_aval(t).shape}")
    n, m = get_aval(x).shape[0], get_aval(k).shape[0]
    return _mode_slice(_conv_full(x, flip(k)), n, m, mode, "correlate")


# ------------------------------------------------------------ counting

def bincount(x, weights=None, minlength=0, *, length=None):
    """Counts (or summed weights) of each non-negative integer in x.  The length is
    ``max(x) + 1`` (at least minlength) read from concrete values; under jit pass
    ``length=`` (JAX's).  Differentiable in the weights."""
    v = _arr(x, "bincount")
    if get_aval(v).ndim != 1 or get_aval(v).dtype.kind not in "biu":
        raise TypeError(f"bincount: x must be a 1-d array of non-negative integers, got "
                        f"{get_aval(v).dtype}{list(get_aval(v).shape)}")
    if length is None:
        h = _host(v)
        if h is None:
            raise ValueError("bincount: the output length depends on the values, which are "
                             "not known here (inside jit, vmap or make_jaxpr); pass length= "
                             "as in jax.numpy, or call it outside the transform")
        if (h < 0).any():
            raise ValueError("bincount: x must be non-negative")
        length = max(int(h.max()) + 1 if h.size else 0, int(minlength))
    length = int(length)
    v = P.convert_element_type(v, _np.int64)
    if weights is None:
        w = P.convert_element_type(P.full_like(v, 1), _np.int64)
    else:
        # NumPy's bincount sums weights in float64 whatever their dtype
        w = P.convert_element_type(_arr(weights, "bincount"), _np.float64)
    # out-of-range entries (only possible with an explicit length) are dropped, as JAX
    ok = P.min(P.ge(v, 0), P.lt(v, length))
    idx = P.select(ok, v, _np.int64(0))
    w = P.select(ok, w, P.full_like(w, 0))
    return P.scatter_add(_np.zeros(length, get_aval(w).dtype), idx, w)


def histogram(a, bins=10, range=None, density=None, weights=None):  # noqa: A002
    """(counts, bin_edges) of a's flattened values: NumPy's half-open bins, the
    last one closed.  ``bins``: a count (edges from range, or the data's min and
    max) or the edges.  Differentiable in the weights (counts carry none)."""
    v = ravel(_float(a, "histogram"))
    if isinstance(bins, (int, _np.integer)):
        nb = int(bins)
        if nb < 1:
            raise ValueError(f"histogram: bins must be positive, got {nb}")
        if range is None:
            h = _host(v)
            if h is not None:  # NumPy's: the data's range, widened when it is one point
                lo, hi = (float(h.min()), float(h.max())) if h.size else (0.0, 1.0)
                if lo == hi:
                    lo, hi = lo - 0.5, hi + 0.5
            else:
                lo = P.stop_gradient(P.neg(P.reduce_max(P.neg(v), (0,))))
                hi = P.stop_gradient(P.reduce_max(v, (0,)))
        else:
            lo, hi = range
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
            edges = _np.linspace(lo, hi, nb + 1)
        else:
            edges = P.add(lo, P.mul(P.sub(hi, lo), _np.linspace(0.0, 1.0, nb + 1)))
    else:
        edges = bins if isinstance(bins, Tracer) else _np.asarray(bins, dtype=_np.float64)
        nb = get_aval(edges).shape[0] - 1
    e = edges if isinstance(edges, Tracer) else _np.asarray(edges, get_aval(v).dtype)
    i = P.sub(N.searchsorted(e, P.stop_gradient(v), "right"), _np.int64(1))
    last = P.reshape(P.slice_(e, (nb,), (nb + 1,)), ())
    i = P.select(P.eq(v, last), _np.int64(nb - 1), i)
    first = P.reshape(P.slice_(e, (0,), (1,)), ())
    ok = P.min(P.min(P.ge(i, 0), P.lt(i, nb)), P.min(P.ge(v, first), P.le(v, last)))
    idx = P.select(ok, i, _np.int64(0))
    if weights is None:
        w = P.select(ok, P.full_like(idx, 1), P.full_like(idx, 0))
    else:
        w = ravel(_arr(weights, "histogram"))
        w = P.select(ok, w, P.full_like(w, 0))
    counts = P.scatter_add(_np.zeros(nb, get_aval(w).dtype), idx, w)
    if density:
        widths = P.sub(P.slice_(e, (1,), (nb + 1,)), P.slice_(e, (0,), (nb,)))
        counts = P.div(P.div(counts, P.reduce_sum(counts, (0,))), widths)
    return counts, e
