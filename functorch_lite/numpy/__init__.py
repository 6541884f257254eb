"""functorch_lite.numpy: NumPy's names and semantics, traced.

Every function here is a composition of primitives, so it works on arrays,
on Python scalars and lists, and on tracers under any transform.  Broadcasting
and dtype promotion follow NumPy 2 (Python scalars are weak: ``x_f32 * 2.0``
stays float32).  Concrete results are plain ``numpy.ndarray`` objects.

The names live in submodules by family (_creation, _elementwise, _reductions,
_shape, _indexing, _matrix) and are re-exported here; _methods installs
ndarray's operators and methods on tracers.
"""
import numpy as _np

from ..core import dtypes as _dtypes

from .. import primitives as P
from ._base import _v, _arr, _axes, _keep, _flat, _norm_axis  # noqa: F401  (shared helpers)
from ._creation import (array, asarray, astype, zeros, ones, empty, full, zeros_like,  # noqa: F401
                        ones_like, empty_like, full_like, arange, linspace, eye, identity)
from ._elementwise import (  # noqa: F401
    _float, add, subtract, multiply, divide, true_divide, floor_divide, mod, remainder,
    negative, positive, power, square, sqrt, exp, exp2, log, log2, log10, log1p, expm1,
    sin, cos, tan, arcsin, arccos, arctan, arctan2, sinh, cosh, tanh, abs, absolute, sign,
    maximum, minimum, clip, reciprocal, floor, ceil, round, around, equal,
    not_equal, less, less_equal, greater, greater_equal, logical_and, logical_or,
    logical_xor, logical_not, isfinite, isnan, isinf)
from ._reductions import (sum, mean, prod, max, min, amax, amin, argmax, argmin,  # noqa: F401
                          var, std, cumsum, cumprod, all, any)
from ._shape import (reshape, ravel, transpose, swapaxes, moveaxis, expand_dims,  # noqa: F401
                     squeeze, broadcast_to, broadcast_arrays, concatenate, stack, vstack,
                     hstack, split, tile, repeat, flip, fliplr, flipud, roll, pad)
from ._indexing import take, take_along_axis, nonzero, where, at  # noqa: F401
from ._indexing import getitem as _getitem  # noqa: F401  (x[...] for other layers)
from ._matrix import dot, matmul, diag, tril, triu  # noqa: F401
from . import _methods

ndarray = _np.ndarray
float16, float32, float64 = _np.float16, _np.float32, _np.float64
int8, int16, int32, int64, uint8 = _np.int8, _np.int16, _np.int32, _np.int64, _np.uint8
bool_ = _np.bool_
from numpy import e, inf, nan, pi  # noqa: E402  (NumPy's constants)
newaxis = None
dtype, issubdtype, broadcast_shapes = _np.dtype, _np.issubdtype, _np.broadcast_shapes
integer, floating, inexact, number = _np.integer, _np.floating, _np.inexact, _np.number
signedinteger, unsignedinteger, complexfloating = (_np.signedinteger, _np.unsignedinteger,
                                                   _np.complexfloating)


def result_type(*arrays_and_dtypes):
    """The dtype NumPy's promotion gives (``numpy.result_type``); in 32-bit mode
    narrowed as JAX's (``result_type(float, float32)`` is float32 there, not float64).

    Args:
        *arrays_and_dtypes: arrays, dtypes, or Python scalar types.

    Returns:
        A ``numpy.dtype``.

    Example:
        >>> import functorch_lite.numpy as fnp
        >>> fnp.result_type(fnp.float32, fnp.int64)
        dtype('float64')
    """
    return _dtypes.canonicalize_dtype(_np.result_type(*arrays_and_dtypes))


def stop_gradient(x):
    """The identity with a zero derivative, as ``jax.lax.stop_gradient`` (NumPy
    has no such function); kept here for code written against JAX's older
    ``jax.numpy`` namespace.  Example: ``grad(lambda x: x * stop_gradient(x))(3.0)``
    is 3.0.
    """
    return P.stop_gradient(_arr(x, "stop_gradient"))


def shape(a):
    return _arr(a, "shape").shape


def ndim(a):
    return len(_arr(a, "ndim").shape)


def size(a):
    return int(_np.prod(_arr(a, "size").shape, dtype=_np.int64))


_methods.install()

# linalg, einsum/tensordot/..., and the stable helpers (logsumexp, softmax, ...)
# are added by their own modules below.
from . import linalg  # noqa: E402,F401
from ._einsum import einsum, tensordot, inner, outer, vdot, trace, diagonal  # noqa: E402,F401
from ._stable import logsumexp, softmax, log_softmax, sigmoid, softplus  # noqa: E402,F401


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Elementwise ``|a - b| <= atol + rtol * |b|`` (NumPy's isclose), traced.
    Infinities are close only to the same infinity; NaNs only with equal_nan."""
    a, b = asarray(a), asarray(b)
    fin = isfinite(b)
    bf = where(fin, b, 0.0)  # infinite b: decided by equal(a, b) below (no inf - inf)
    close = less_equal(abs(subtract(where(fin, a, 0.0), bf)), add(atol, multiply(rtol, abs(bf))))
    close = logical_or(logical_and(close, fin), equal(a, b))
    if equal_nan:
        close = logical_or(close, logical_and(isnan(a), isnan(b)))
    return close


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """True (a 0-d bool array) when ``isclose(a, b, ...)`` holds everywhere (NumPy's
    allclose; like jax.numpy.allclose it returns an array, usable under tracing)."""
    return all(isclose(a, b, rtol, atol, equal_nan))

# issue 13: sorting, sets and more elementwise math (each module's docstring says how)
from ._sorting import (sort, argsort, msort, lexsort, partition, argpartition,  # noqa: E402,F401
                       searchsorted)
from ._sets import (unique, unique_all, unique_counts, unique_inverse,  # noqa: E402,F401
                    unique_values, isin, in1d, intersect1d, union1d, setdiff1d, setxor1d)
from ._math import (fmod, divmod, hypot, logaddexp, logaddexp2, copysign,  # noqa: E402,F401
                    nextafter, signbit, trunc, fix, rint, sinc, deg2rad, rad2deg, degrees,
                    radians, arcsinh, arccosh, arctanh, cbrt, heaviside, float_power,
                    bitwise_and, bitwise_or, bitwise_xor, bitwise_not, bitwise_invert, invert,
                    left_shift, right_shift, bitwise_left_shift, bitwise_right_shift, acos,
                    asin, atan, atan2, acosh, asinh, atanh, pow)
from ._grids import (logspace, geomspace, meshgrid, indices, tri, tril_indices,  # noqa: E402,F401
                     triu_indices, diag_indices, tril_indices_from, triu_indices_from,
                     diag_indices_from, atleast_1d, atleast_2d, atleast_3d, r_, c_)
from ._shape2 import (append, delete, insert, array_split, hsplit, vsplit,  # noqa: E402,F401
                      dsplit, dstack, column_stack, row_stack, rot90, resize, concat,
                      permute_dims, matrix_transpose, unstack)
from ._logic import array_equal, array_equiv, isposinf, isneginf, count_nonzero  # noqa: E402,F401
from ._stats import (ptp, average, quantile, percentile, median, nanquantile,  # noqa: E402,F401
                     nanpercentile, nanmedian, nansum, nanprod, nanmean, nanvar, nanstd,
                     nanmax, nanmin, nanargmax, nanargmin, nancumsum, nancumprod, cov, corrcoef)
from ._numerics import (diff, ediff1d, gradient, trapezoid, trapz, cumulative_sum,  # noqa: E402,F401
                        interp, polyval, polyfit, convolve, correlate, bincount, histogram)
from ._arrayapi import (__array_api_version__, __array_namespace_info__, finfo,  # noqa: E402,F401
                        iinfo, isdtype, can_cast, from_dlpack, vecdot)
# the Array API's dtype names (bool is the standard's spelling of bool_)
uint16, uint32, uint64 = _np.uint16, _np.uint32, _np.uint64
bool = _np.bool_  # noqa: A001
# complex numbers (issue 13)
from ._complex import (real, imag, conj, conjugate, angle,  # noqa: E402,F401
                       iscomplexobj, isrealobj, iscomplex, isreal)
complex64, complex128 = _np.complex64, _np.complex128
from . import fft  # noqa: E402,F401  (numpy.fft)
from ._linalg_ext import kron, vecdot, cross_np as cross  # (vecdot: the complex-aware one)  # noqa: E402,F401


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402

from ._docs import DOCS as _DOCS  # noqa: E402
from ..core.mirror_docs import document as _document  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (numpy/_docs.py)
from ._docs2 import FROM_DLPACK as _FROM_DLPACK  # noqa: E402

_document(globals(), {"from_dlpack": _FROM_DLPACK})
from ._docs import UFUNC_MIRRORS as _UFUNCS, UFUNC_LACKS as _UF_LACKS  # noqa: E402
from ..core.mirror_docs import mirror_line as _mirror_line  # noqa: E402

for _q in _UFUNCS:
    _n = _q.rpartition(".")[2]
    globals()[_n].__doc__ = _mirror_line("numpy", _n, lacks=_UF_LACKS)
_mirror(globals(), "numpy", (
    "abs", "absolute", "all", "amax", "amin", "any", "arange", "argmax", "argmin", "around",
    "array", "bitwise_and", "bitwise_left_shift", "bitwise_or", "bitwise_right_shift",
    "bitwise_xor", "broadcast_arrays", "broadcast_to", "ceil", "concatenate", "cumprod",
    "cumsum", "deg2rad", "degrees", "diag", "diag_indices_from", "diagonal", "dot", "empty",
    "empty_like", "exp2", "expand_dims", "eye", "flip", "fliplr", "flipud", "floor", "full",
    "full_like", "hstack", "identity", "inner", "isfinite", "isinf", "isnan", "left_shift",
    "linspace", "log10", "log2", "logical_and", "logical_not", "logical_or", "logical_xor",
    "matmul", "max", "mean", "min", "moveaxis", "ndim", "negative", "nonzero", "ones",
    "ones_like", "outer", "pad", "positive", "prod", "rad2deg", "radians", "ravel",
    "repeat", "right_shift", "roll", "round", "shape", "sign", "size", "split", "square",
    "squeeze", "stack", "std", "sum", "swapaxes", "take", "take_along_axis", "tensordot",
    "tile", "trace", "transpose", "tril", "tril_indices_from", "triu", "triu_indices_from",
    "var", "vdot", "vstack", "zeros", "zeros_like"
), lacks={
    "abs": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "absolute": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "all": ('out', 'where'),
    "amax": ('out', 'initial', 'where'),
    "amin": ('out', 'initial', 'where'),
    "any": ('out', 'where'),
    "arange": ('like',),
    "argmax": ('out',),
    "argmin": ('out',),
    "around": ('out',),
    "array": ('order', 'subok', 'ndmin', 'ndmax', 'like'),
    "bitwise_and": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "bitwise_left_shift": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "bitwise_or": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "bitwise_right_shift": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "bitwise_xor": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "broadcast_arrays": ('subok',),
    "broadcast_to": ('subok',),
    "ceil": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "concatenate": ('out', 'dtype', 'casting'),
    "cumprod": ('out',),
    "cumsum": ('out',),
    "deg2rad": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "degrees": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "dot": ('out',),
    "empty": ('order', 'like'),
    "empty_like": ('order', 'subok'),
    "exp2": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "eye": ('order', 'like'),
    "floor": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "full": ('order', 'like'),
    "full_like": ('order', 'subok'),
    "hstack": ('dtype', 'casting'),
    "identity": ('like',),
    "isfinite": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "isinf": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "isnan": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "left_shift": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "log10": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "log2": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "logical_and": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "logical_not": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "logical_or": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "logical_xor": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "matmul": ('out', 'axes', 'axis', 'keepdims', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "max": ('out', 'initial', 'where'),
    "mean": ('out', 'where'),
    "min": ('out', 'initial', 'where'),
    "negative": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "ones": ('order', 'like'),
    "ones_like": ('order', 'subok'),
    "outer": ('out',),
    "positive": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "prod": ('out', 'initial', 'where'),
    "rad2deg": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "radians": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "right_shift": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "round": ('out',),
    "sign": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "size": ('axis',),
    "square": ('out', 'where', 'casting', 'order', 'dtype', 'subok', 'signature'),
    "stack": ('out', 'dtype', 'casting'),
    "std": ('out', 'where', 'mean'),
    "sum": ('out', 'initial', 'where'),
    "take": ('out',),
    "trace": ('out',),
    "var": ('out', 'where', 'mean'),
    "vstack": ('dtype', 'casting'),
    "zeros": ('order', 'like'),
    "zeros_like": ('order', 'subok'),
})


def _assign_generated_docs():
    """The generated full docstrings (numpy/_gen_docs*.py), keyed by qualified name."""
    from . import (_gen_docs0, _gen_docs1, _gen_docs2, _gen_docs3, _gen_docs4, _gen_docs_sub0,
                   _gen_docs_sub1)
    owners = {"numpy": globals(), "numpy.linalg": vars(linalg), "numpy.fft": vars(fft)}
    for m in (_gen_docs0, _gen_docs1, _gen_docs2, _gen_docs3, _gen_docs4, _gen_docs_sub0,
              _gen_docs_sub1):
        for key, doc in m.DOCS.items():
            _document(owners[key.rpartition(".")[0]], {key: doc})


_assign_generated_docs()
