"""More of NumPy's elementwise math: fmod divmod hypot logaddexp logaddexp2 copysign
nextafter signbit trunc rint fix sinc deg2rad rad2deg degrees radians arcsinh
arccosh arctanh cbrt heaviside float_power, the bitwise family, and the Array
API's spellings (acos, asinh, atan2, pow, bitwise_left_shift, ...).

Compositions of primitives where one is exact (hypot scales by the larger
magnitude so it never overflows; logaddexp is max + log1p(exp(-|x - y|)));
NumPy's kernels, as primitives in ``primitives/numeric.py``, where no
composition is (fmod, copysign, nextafter, the inverse hyperbolics, cbrt).
Piecewise-constant functions (trunc, rint, fix, signbit, heaviside in x1) have
zero derivatives; integer and boolean results carry none.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import get_aval
from ..primitives import _util as U
from ..primitives import numeric as N
from ..primitives.prng import bitwise_xor as _xor, rem as _rem
from ._base import _arr, _v
from ._elementwise import (_binary, _float, _unary_float, arccos, arcsin, arctan, arctan2,
                           floor_divide, power, remainder)


def _floats(x, y, name):
    x, y = U.promote(_v(x, name), _v(y, name))
    if get_aval(x).dtype.kind != "f":
        x, y = _float(x), _float(y)
    return x, y


def _fmod(x, y):
    x, y = U.promote(x, y)
    dt = get_aval(x).dtype
    if dt == _np.bool_:
        x, y = P.convert_element_type(x, _np.int8), P.convert_element_type(y, _np.int8)
        dt = _np.dtype(_np.int8)
    return _rem(x, y) if dt.kind in "iu" else N.fmod(x, y)


fmod = _binary("fmod", _fmod)
fmod.__doc__ = "C's remainder (the dividend's sign), exact; d/dx = 1, d/dy = -trunc(x/y)."


def divmod(x1, x2):  # noqa: A001
    """``(floor_divide(x1, x2), remainder(x1, x2))``, both exact (NumPy's divmod)."""
    return floor_divide(x1, x2), remainder(x1, x2)


def hypot(x1, x2):
    """``sqrt(x1**2 + x2**2)`` without overflow or underflow (the larger magnitude is
    factored out); an infinite side gives inf even with a NaN on the other."""
    x, y = _floats(x1, x2, "hypot")
    ax, ay = P.abs(x), P.abs(y)
    m, n = P.max(ax, ay), P.min(ax, ay)
    inf = P.max(P.eq(ax, _np.inf), P.eq(ay, _np.inf))
    zero = P.eq(m, 0)
    safe = P.select(P.max(zero, inf), P.full_like(m, 1.0), m)
    r = P.div(n, safe)
    out = P.mul(m, P.sqrt(P.add(P.mul(r, r), 1.0)))
    out = P.select(zero, P.full_like(out, 0.0), out)
    return P.select(inf, P.full_like(out, _np.inf), out)


def logaddexp(x1, x2):
    """``log(exp(x1) + exp(x2))`` without overflow: ``max + log1p(exp(-|x1 - x2|))``;
    two equal infinities give that infinity (NumPy's rule)."""
    x, y = _floats(x1, x2, "logaddexp")
    same_inf = P.min(P.eq(x, y), P.eq(P.abs(x), _np.inf))
    d = P.sub(x, y)
    d = P.select(same_inf, P.full_like(d, 0.0), d)
    out = P.add(P.max(x, y), P.log1p(P.exp(P.neg(P.abs(d)))))
    return P.select(same_inf, x, out)


def logaddexp2(x1, x2):
    """``log2(2**x1 + 2**x2)`` (logaddexp in base 2)."""
    x, y = _floats(x1, x2, "logaddexp2")
    ln2 = float(_np.log(2.0))
    return P.div(logaddexp(P.mul(x, ln2), P.mul(y, ln2)), ln2)


def copysign(x1, x2):
    """``|x1|`` with the sign of ``x2`` (floats; -0.0 and NaN signs count)."""
    return N.copysign(*_floats(x1, x2, "copysign"))


def nextafter(x1, x2):
    """The next float after x1 towards x2 (derivative 1 in x1, 0 in x2)."""
    return N.nextafter(*_floats(x1, x2, "nextafter"))


def signbit(x):
    """True where the sign bit is set (-0.0 and -nan included for floats)."""
    x = _arr(x, "signbit")
    k = get_aval(x).dtype.kind
    if k == "f":
        return P.lt(N.copysign(P.full_like(x, 1.0), x), 0)
    if k == "b":
        return P.ne(x, x)  # all False, shaped like x
    return P.lt(x, 0)


def trunc(x):
    """Round toward zero.  Integers stay integers (NumPy 2's and the Array API's)."""
    x = _arr(x, "trunc")
    if get_aval(x).dtype.kind != "f":
        return x
    return P.select(P.lt(x, 0), P.ceil(x), P.floor(x))


fix = trunc


def rint(x):
    """Round to the nearest integer, halves to even (NumPy's rint); integer inputs
    give NumPy's float dtype."""
    return P.round_(_float(x, "rint"), 0)


def sinc(x):
    """``sin(pi x) / (pi x)``, 1 at 0.  Its first derivative at 0 is exact (0); the
    second derivative there reads 0 (JAX's custom rule gives -pi**2/3)."""
    x = _float(x, "sinc")
    zero = P.eq(x, 0)
    safe = P.select(zero, P.full_like(x, 1.0), x)
    px = P.mul(safe, float(_np.pi))
    return P.select(zero, P.full_like(x, 1.0), P.div(P.sin(px), px))


def deg2rad(x): return P.mul(_float(x, "deg2rad"), float(_np.pi / 180.0))
def rad2deg(x): return P.mul(_float(x, "rad2deg"), float(180.0 / _np.pi))


radians, degrees = deg2rad, rad2deg
arcsinh = _unary_float("arcsinh", N.asinh)
arccosh = _unary_float("arccosh", N.acosh)
arctanh = _unary_float("arctanh", N.atanh)
cbrt = _unary_float("cbrt", N.cbrt)


def heaviside(x1, x2):
    """0 where x1 < 0, 1 where x1 > 0, x2 where x1 == 0 (NaN where x1 is NaN)."""
    x, h = _floats(x1, x2, "heaviside")
    shape = _np.broadcast_shapes(get_aval(x).shape, get_aval(h).shape)
    x, h = P.broadcast_to(x, shape), P.broadcast_to(h, shape)
    one, zero = P.full_like(x, 1.0), P.full_like(x, 0.0)
    out = P.select(P.gt(x, 0), one, P.select(P.lt(x, 0), zero, h))
    return P.select(P.ne(x, x), x, out)


def float_power(x1, x2):
    """``x1 ** x2`` computed in float64 at least (NumPy's float_power)."""
    x, y = U.promote(_v(x1, "float_power"), _v(x2, "float_power"))
    if get_aval(x).dtype != _np.float64:
        x, y = P.convert_element_type(x, _np.float64), P.convert_element_type(y, _np.float64)
    return P.pow(x, y)


# ------------------------------------------------------------------ bitwise

def _int_args(name, x, y):
    x, y = U.promote(_v(x, name), _v(y, name))
    if get_aval(x).dtype.kind not in "biu":
        raise TypeError(f"{name}: needs integer or boolean inputs, got {get_aval(x).dtype}")
    return x, y


def bitwise_and(x1, x2): return N.bitwise_and(*_int_args("bitwise_and", x1, x2))
def bitwise_or(x1, x2): return N.bitwise_or(*_int_args("bitwise_or", x1, x2))
def bitwise_xor(x1, x2): return _xor(*_int_args("bitwise_xor", x1, x2))


def _shift_args(name, x, y):
    x, y = _int_args(name, x, y)
    if get_aval(x).dtype == _np.bool_:
        raise TypeError(f"{name}: needs integer inputs, got bool")
    return x, y


def left_shift(x1, x2): return N.shift_left(*_shift_args("left_shift", x1, x2))
def right_shift(x1, x2): return N.shift_right(*_shift_args("right_shift", x1, x2))


def invert(x):
    """Bitwise NOT (logical NOT for bool)."""
    x = _arr(x, "invert")
    if get_aval(x).dtype.kind not in "biu":
        raise TypeError(f"invert: needs an integer or boolean input, got {get_aval(x).dtype}")
    return N.bitwise_invert(x)


# the Array API's spellings of the same functions
acos, asin, atan, atan2 = arccos, arcsin, arctan, arctan2
acosh, asinh, atanh = arccosh, arcsinh, arctanh
pow = power  # noqa: A001
bitwise_not = bitwise_invert = invert
bitwise_left_shift, bitwise_right_shift = left_shift, right_shift
