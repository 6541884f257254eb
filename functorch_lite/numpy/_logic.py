"""Logic: array_equal array_equiv isneginf isposinf, plus count_nonzero.

Results are bool (0-d bool arrays for the whole-array tests, as jax.numpy, so
they can be used under tracing); they carry no derivative.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import get_aval
from ._base import _arr, _axes, _keep


def array_equal(a1, a2, equal_nan=False):
    """True when both have one shape and equal entries (NaN == NaN with equal_nan)."""
    x, y = _arr(a1, "array_equal"), _arr(a2, "array_equal")
    if get_aval(x).shape != get_aval(y).shape:
        return _np.bool_(False)
    return _all_equal(x, y, equal_nan)


def _all_equal(x, y, equal_nan):
    x, y = P.promote(x, y)
    eq = P.eq(x, y)
    if equal_nan and get_aval(x).dtype.kind == "f":
        eq = P.max(eq, P.min(P.ne(x, x), P.ne(y, y)))
    n = get_aval(eq).ndim
    if n == 0:
        return eq
    return P.eq(P.reduce_sum(P.convert_element_type(P.eq(eq, False), _np.int64),
                             tuple(range(n))), 0)


def array_equiv(a1, a2):
    """True when the two broadcast together and are equal everywhere."""
    x, y = _arr(a1, "array_equiv"), _arr(a2, "array_equiv")
    try:
        shape = _np.broadcast_shapes(get_aval(x).shape, get_aval(y).shape)
    except ValueError:
        return _np.bool_(False)
    return _all_equal(P.broadcast_to(x, shape), P.broadcast_to(y, shape), False)


def isposinf(x):
    """True where x is +inf."""
    x = _arr(x, "isposinf")
    if get_aval(x).dtype.kind != "f":
        return P.full_like(P.convert_element_type(x, _np.bool_), False)
    return P.eq(x, _np.inf)


def isneginf(x):
    """True where x is -inf."""
    x = _arr(x, "isneginf")
    if get_aval(x).dtype.kind != "f":
        return P.full_like(P.convert_element_type(x, _np.bool_), False)
    return P.eq(x, -_np.inf)


def count_nonzero(a, axis=None, *, keepdims=False):
    """The number of nonzero entries (int64) over ``axis`` (None: all)."""
    x = _arr(a, "count_nonzero")
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "count_nonzero")
    nz = P.convert_element_type(P.ne(x, 0), _np.int64)
    return _keep(shape, P.reduce_sum(nz, axes), axes, keepdims)
