"""Reductions: sum mean prod max min argmax argmin var std cumsum cumprod all any.

Counts (mean, var, std) are Python numbers, i.e. weak, so float32 stays float32
in the value and in every derivative.  prod and cumprod are compositions
(a pairwise product tree, a Hillis-Steele scan) so their derivatives are exact
at zeros without a special rule.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import get_aval
from ._base import _arr, _axes, _keep, _norm_axis, _prod
from ..primitives import cplx as C
from ._creation import astype


def _sum_dtype(x, dtype):
    if dtype is not None:
        return astype(x, dtype)
    k = get_aval(x).dtype.kind
    if k in "bi":
        return astype(x, _np.int64)
    if k == "u":
        return astype(x, _np.uint64)
    return x


def sum(a, axis=None, dtype=None, keepdims=False):  # noqa: A001
    x = _sum_dtype(_arr(a, "sum"), dtype)
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "sum")
    return _keep(shape, P.reduce_sum(x, axes), axes, keepdims)


def _mean_input(a, dtype, name):
    x = _arr(a, name)
    if dtype is not None:
        return astype(x, dtype)
    if get_aval(x).dtype.kind in "biu":
        return astype(x, _np.float64)
    return x


def mean(a, axis=None, dtype=None, keepdims=False):
    x = _mean_input(a, dtype, "mean")
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "mean")
    n = _prod(shape[i] for i in axes)
    # n is a Python float (weak), so float32 stays float32
    return _keep(shape, P.div(P.reduce_sum(x, axes), float(n)), axes, keepdims)


def var(a, axis=None, dtype=None, ddof=0, keepdims=False, *, correction=None):
    if correction is not None:  # the Array API's name for ddof
        ddof = correction
    x = _mean_input(a, dtype, "var")
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "var")
    n = _prod(shape[i] for i in axes)
    m = _keep(shape, P.div(P.reduce_sum(x, axes), float(n)), axes, True)
    d = P.sub(x, m)
    if get_aval(d).dtype.kind == "c":  # |d|**2, real (as NumPy)
        d = P.add(P.mul(C.real(d), C.real(d)), P.mul(C.imag(d), C.imag(d)))
        ss = P.reduce_sum(d, axes)
    else:
        ss = P.reduce_sum(P.mul(d, d), axes)
    return _keep(shape, P.div(ss, float(max(n - ddof, 0))), axes, keepdims)


def std(a, axis=None, dtype=None, ddof=0, keepdims=False, *, correction=None):
    v = var(a, axis, dtype, ddof, keepdims, correction=correction)
    shape = get_aval(_mean_input(a, dtype, "std")).shape
    if _prod(shape[i] for i in _axes(axis, len(shape), "std")) <= 1:
        # one element: var is identically 0 (d = x - x), so std's derivative is 0 at
        # every order; sqrt'(0) = inf would make it 0 * inf = nan
        v = P.stop_gradient(v)
    return P.sqrt(v)


def _nonempty(name, shape, axes):
    for i in axes:
        if shape[i] == 0:
            raise ValueError(f"{name}: zero-size array to reduction operation (axis {i} of "
                             f"shape {shape}) which has no identity")


def max(a, axis=None, keepdims=False):  # noqa: A001
    x = _arr(a, "max")
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "max")
    _nonempty("max", shape, axes)
    return _keep(shape, P.reduce_max(x, axes), axes, keepdims)


def min(a, axis=None, keepdims=False):  # noqa: A001
    x = _arr(a, "min")
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "min")
    _nonempty("min", shape, axes)
    if get_aval(x).dtype.kind in "bu":  # -x does not order these
        return _keep(shape, P.convert_element_type(
            P.neg(P.reduce_max(P.neg(astype(x, _np.int64)), axes)), get_aval(x).dtype),
            axes, keepdims)
    return _keep(shape, P.neg(P.reduce_max(P.neg(x), axes)), axes, keepdims)


amax, amin = max, min


def _to_last_flat(x, axes):
    """Move ``axes`` to the end and merge them into one axis."""
    shape = get_aval(x).shape
    rest = [i for i in range(len(shape)) if i not in axes]
    x = P.transpose(x, tuple(rest) + tuple(axes))
    return P.reshape(x, tuple(shape[i] for i in rest) + (_prod(shape[i] for i in axes),))


def _slice_last(x, lo, hi):
    shape = get_aval(x).shape
    return P.slice_(x, (0,) * (len(shape) - 1) + (lo,), shape[:-1] + (hi,))


def prod(a, axis=None, dtype=None, keepdims=False):
    x = _sum_dtype(_arr(a, "prod"), dtype)
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "prod")
    y = _to_last_flat(x, axes)
    n = get_aval(y).shape[-1]
    if n == 0:
        out = P.full(get_aval(y).shape[:-1], 1, get_aval(y).dtype)
        return _keep(shape, out, axes, keepdims)
    one = _np.ones((), get_aval(y).dtype)[()]
    while n > 1:  # pairwise product tree: log2(n) multiplies, exact derivatives
        if n % 2:
            y = P.pad(y, one, ((0, 0, 0),) * (get_aval(y).ndim - 1) + ((0, 1, 0),))
            n += 1
        y = P.mul(_slice_last(y, 0, n // 2), _slice_last(y, n // 2, n))
        n //= 2
    return _keep(shape, P.reshape(y, get_aval(y).shape[:-1]), axes, keepdims)


def _cum_axis(a, axis, name):
    x = _arr(a, name)
    if axis is None:
        return P.reshape(x, (get_aval(x).size,)), 0
    if get_aval(x).ndim == 0:
        raise ValueError(f"{name}: axis {axis} is out of bounds for an array of dimension 0")
    return x, _norm_axis(axis, get_aval(x).ndim, name)


def cumsum(a, axis=None, dtype=None):
    x, ax = _cum_axis(a, axis, "cumsum")
    x = _sum_dtype(x, dtype)
    return P.cumsum(x, ax)


def cumprod(a, axis=None, dtype=None):
    x, ax = _cum_axis(a, axis, "cumprod")
    x = _sum_dtype(x, dtype)
    shape = get_aval(x).shape
    n = shape[ax]
    one = _np.ones((), get_aval(x).dtype)[()]
    k = 1
    while k < n:  # Hillis-Steele scan: x[i] *= x[i - k]
        lo = [0] * len(shape)
        hi = list(shape)
        hi[ax] = n - k
        cfg = [(0, 0, 0)] * len(shape)
        cfg[ax] = (k, 0, 0)
        x = P.mul(x, P.pad(P.slice_(x, lo, hi), one, cfg))
        k *= 2
    return x


def argmax(a, axis=None, keepdims=False):
    x = _arr(a, "argmax")
    if axis is None:
        shape = get_aval(x).shape
        out = P.argmax(P.reshape(x, (get_aval(x).size,)), 0)
        return P.reshape(out, (1,) * len(shape)) if keepdims else out
    if get_aval(x).ndim == 0:
        raise ValueError(f"argmax: axis {axis} is out of bounds for an array of dimension 0")
    ax = _norm_axis(axis, get_aval(x).ndim, "argmax")
    return _keep(get_aval(x).shape, P.argmax(x, ax), (ax,), keepdims)


def argmin(a, axis=None, keepdims=False):
    x = _arr(a, "argmin")
    if get_aval(x).dtype.kind in "bu":
        x = astype(x, _np.int64)
    try:
        return argmax(P.neg(x), axis, keepdims)
    except ValueError as e:
        raise ValueError(str(e).replace("argmax", "argmin")) from None


def _count_true(a, axis, keepdims, name):
    x = _arr(a, name)
    if get_aval(x).dtype != _np.bool_:
        x = P.ne(x, 0)
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), name)
    n = P.reduce_sum(P.convert_element_type(x, _np.int64), axes)
    return _keep(shape, n, axes, keepdims), _prod(shape[i] for i in axes)


def any(a, axis=None, keepdims=False):  # noqa: A001
    n, _ = _count_true(a, axis, keepdims, "any")
    return P.gt(n, 0)


def all(a, axis=None, keepdims=False):  # noqa: A001
    n, total = _count_true(a, axis, keepdims, "all")
    return P.eq(n, total)
