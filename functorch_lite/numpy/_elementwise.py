"""Elementwise functions: NumPy broadcasting and NEP 50 promotion (Python
scalars are weak, so ``x_f32 * 2.0`` stays float32); float math on integer
inputs gives NumPy's float dtype (int64 -> float64, int8 -> float16)."""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ..primitives import _util as U
from ..primitives import elementwise as _E
from ..primitives import numeric as N
from ..primitives.prng import rem
from ._base import _arr, _v, _float_dtype
from ..primitives import cplx as C


def _float(x, name=None):
    x = _arr(x, name)
    dt = x.dtype  # arrays and tracers both have it (no aval object on the hot path)
    if dt.kind not in "fc":
        return P.convert_element_type(x, _float_dtype(dt))
    return x


def _bcast_error(name, x, y, err):
    try:
        _np.broadcast_shapes(get_aval(x).shape, get_aval(y).shape)
    except ValueError:
        return ValueError(f"{name}: operands could not be broadcast together with shapes "
                          f"{get_aval(x).shape} and {get_aval(y).shape}")
    return err


# what _v passes through unchanged, tested inline on the hot paths (one call fewer)
_AS_IS = frozenset((bool, int, float, complex))


def _binary(name, prim_fn, prim=None):
    """NumPy's ``name`` over ``prim_fn``; with ``prim`` (prim_fn is ``prim.bind``
    after promotion), a traced float value with a Python int/float binds at once
    with the number as a NumPy scalar of its dtype (what promotion gives)."""
    def f(x1, x2):
        if prim is not None:
            t1, t2 = type(x1), type(x2)
            if (t2 is float or t2 is int) and isinstance(x1, Tracer):
                dt = x1.dtype
                if dt.kind in "fc":
                    return prim.bind(x1, dt.type(x2))
            elif (t1 is float or t1 is int) and isinstance(x2, Tracer):
                dt = x2.dtype
                if dt.kind in "fc":
                    return prim.bind(dt.type(x1), x2)
        x = x1 if isinstance(x1, Tracer) or type(x1) in _AS_IS else _v(x1, name)
        y = x2 if isinstance(x2, Tracer) or type(x2) in _AS_IS else _v(x2, name)
        try:
            return prim_fn(x, y)
        except ValueError as e:
            raise _bcast_error(name, x, y, e) from None
    f.__name__ = f.__qualname__ = name
    f.__doc__ = f"NumPy's {name}, traced (broadcasting, NEP 50 promotion)."
    return f


def _unary_float(name, prim_fn, prim=None):
    """NumPy's ``name`` over ``prim_fn``; with ``prim`` (prim_fn is ``prim.bind``),
    a traced float value binds it at once."""
    def f(x):
        if isinstance(x, Tracer) and x.dtype.kind in "fc":   # _float's answer, inline
            return prim.bind(x) if prim is not None else prim_fn(x)
        return prim_fn(_float(x, name))
    f.__name__ = f.__qualname__ = name
    f.__doc__ = f"NumPy's {name}, traced; integer inputs give NumPy's float dtype."
    return f


def _unary(name, prim_fn):
    def f(x):
        return prim_fn(_arr(x, name))
    f.__name__ = f.__qualname__ = name
    return f


add = _binary("add", P.add, _E.add_p)
subtract = _binary("subtract", P.sub, _E.sub_p)
multiply = _binary("multiply", P.mul, _E.mul_p)
maximum = _binary("maximum", P.max)
minimum = _binary("minimum", P.min)
equal = _binary("equal", P.eq)
not_equal = _binary("not_equal", P.ne)
less = _binary("less", P.lt)
less_equal = _binary("less_equal", P.le)
greater = _binary("greater", P.gt)
greater_equal = _binary("greater_equal", P.ge)

negative = _unary("negative", P.neg)
abs = _unary("abs", P.abs)  # noqa: A001  (grad at 0 is sign(0) = 0)
absolute = abs
sign = _unary("sign", P.sign)
exp = _unary_float("exp", P.exp, _E.exp_p)
log = _unary_float("log", P.log, _E.log_p)
log1p = _unary_float("log1p", P.log1p)
expm1 = _unary_float("expm1", P.expm1)
sin = _unary_float("sin", P.sin, _E.sin_p)
cos = _unary_float("cos", P.cos, _E.cos_p)
tan = _unary_float("tan", P.tan)
arcsin = _unary_float("arcsin", P.asin)
arccos = _unary_float("arccos", P.acos)
arctan = _unary_float("arctan", P.atan)
sinh = _unary_float("sinh", P.sinh)
cosh = _unary_float("cosh", P.cosh)
tanh = _unary_float("tanh", P.tanh, _E.tanh_p)
sqrt = _unary_float("sqrt", P.sqrt, _E.sqrt_p)
floor = _unary("floor", P.floor)
ceil = _unary("ceil", P.ceil)


def log2(x): return P.div(log(x), float(_np.log(2.0)))
def log10(x): return P.div(log(x), float(_np.log(10.0)))
def exp2(x): return exp(P.mul(_float(x, "exp2"), float(_np.log(2.0))))
def square(x):
    x = _arr(x, "square")
    if get_aval(x).dtype == _np.bool_:  # NumPy's square of bool is int8 (so here, everywhere)
        x = P.convert_element_type(x, _np.int8)
    return P.integer_pow(x, 2)
def positive(x): return _arr(x, "positive")


def reciprocal(x):
    """1/x.  Integer inputs give floats (NumPy would do integer division)."""
    return P.div(1.0, _float(x, "reciprocal"))


def round(a, decimals=0):  # noqa: A001
    return P.round_(_arr(a, "round"), decimals)


around = round


def _arctan2(y, x):
    y, x = U.promote(y, x)
    if get_aval(y).dtype.kind != "f":
        y, x = _float(y), _float(x)
    return P.atan2(y, x)


arctan2 = _binary("arctan2", _arctan2)


def _true_divide(x, y):
    x, y = U.promote(x, y)
    if get_aval(x).dtype.kind != "f":
        x, y = _float(x), _float(y)
    return P.div(x, y)


true_divide = divide = _binary("true_divide", _true_divide)


def _power(x, y):
    if type(y) is int:
        x = _arr(x)
        if get_aval(x).dtype == _np.bool_:  # bool ** int is int64 (NEP 50), not bool
            x = P.convert_element_type(x, _np.int64)
        if get_aval(x).dtype.kind == "f" or y >= 0:
            return P.integer_pow(x, y)
    x, y = U.promote(x, y)
    dt = get_aval(x).dtype
    if dt.kind != "f":
        if dt.kind in "iu" and isinstance(y, (_np.ndarray, _np.generic)) and (y < 0).any():
            raise ValueError("power: integers to negative integer powers are not allowed")
        if dt.kind in "iu":  # integer ** integer array stays integer
            f = _np.float64
            return P.convert_element_type(
                P.pow(P.convert_element_type(x, f), P.convert_element_type(y, f)), dt)
        x, y = _float(x), _float(y)
    return P.pow(x, y)


power = _binary("power", _power)


def _int_operands(x, y, name):
    x, y = U.promote(x, y)
    if get_aval(x).dtype == _np.bool_:  # NumPy computes bool % bool in int8
        x, y = P.convert_element_type(x, _np.int8), P.convert_element_type(y, _np.int8)
    return x, y


def _fix_sign(r, y):
    # C's remainder has the dividend's sign; NumPy's has the divisor's
    fix = P.min(P.ne(r, 0), P.ne(P.lt(r, 0), P.lt(y, 0)))
    return fix, P.select(fix, P.add(r, y), r)


def _floor_divide(x, y):
    x, y = _int_operands(x, y, "floor_divide")
    dt = get_aval(x).dtype
    if dt.kind in "iu" and dt.itemsize <= 4:
        # exact through float64 (|x| < 2**53), and fusable under jit
        q = P.floor(P.div(P.convert_element_type(x, _np.float64),
                          P.convert_element_type(y, _np.float64)))
        q = P.select(P.eq(y, 0), 0.0, q)  # NumPy: x // 0 is 0 for integers
        return P.convert_element_type(q, dt)
    if dt.kind in "iu":
        return N.idiv(x, y)  # 64-bit: exact at any magnitude (a float path rounds)
    # NumPy's float algorithm (npy_divmod): exact remainder first, then the
    # quotient (x - mod) / y rounded to the nearest integer
    m = N.fmod(x, y)
    fix, _ = _fix_sign(m, y)
    d = P.div(P.sub(x, m), y)
    d = P.select(fix, P.sub(d, 1.0), d)
    q = P.floor(d)
    q = P.select(P.gt(P.sub(d, q), 0.5), P.add(q, 1.0), q)
    q = P.select(P.eq(d, 0), N.copysign(P.full_like(d, 0.0), P.div(x, y)), q)
    q = P.select(P.eq(y, 0), P.div(x, y), q)
    return P.stop_gradient(q)  # piecewise constant: no derivative


floor_divide = _binary("floor_divide", _floor_divide)


def _mod(x, y):
    x, y = _int_operands(x, y, "remainder")
    if get_aval(x).dtype.kind in "iu":
        return _fix_sign(rem(x, y), y)[1]
    # exact: fmod is exact, and so is adding y to a remainder of the other sign
    _, r = _fix_sign(N.fmod(x, y), y)
    # a zero remainder takes the divisor's sign (NumPy's rule)
    return P.select(P.eq(r, 0), N.copysign(P.stop_gradient(r), y), r)


mod = remainder = _binary("remainder", _mod)


# ----------------------------------------------------------- logic & tests

def _bool(x, name):
    x = _arr(x, name)
    return x if get_aval(x).dtype == _np.bool_ else P.ne(x, 0)


_land = _binary("logical_and", P.min)
_lor = _binary("logical_or", P.max)
_lxor = _binary("logical_xor", P.ne)


def logical_and(x1, x2): return _land(_bool(x1, "logical_and"), _bool(x2, "logical_and"))
def logical_or(x1, x2): return _lor(_bool(x1, "logical_or"), _bool(x2, "logical_or"))
def logical_xor(x1, x2): return _lxor(_bool(x1, "logical_xor"), _bool(x2, "logical_xor"))
def logical_not(x): return P.eq(_bool(x, "logical_not"), False)


def isfinite(x):
    x = _arr(x, "isfinite")
    if get_aval(x).dtype.kind == "c":  # both parts finite
        return P.lt(P.max(P.abs(C.real(x)), P.abs(C.imag(x))), _np.inf)
    if get_aval(x).dtype.kind != "f":
        return P.eq(P.convert_element_type(x, _np.bool_), P.convert_element_type(x, _np.bool_))
    return P.lt(P.abs(x), _np.inf)  # false for inf and nan


def isnan(x):
    x = _arr(x, "isnan")
    return P.ne(x, x)


def isinf(x):
    x = _arr(x, "isinf")
    if get_aval(x).dtype.kind == "c":  # either part infinite
        return P.max(P.eq(P.abs(C.real(x)), _np.inf), P.eq(P.abs(C.imag(x)), _np.inf))
    if get_aval(x).dtype.kind != "f":
        return P.ne(P.convert_element_type(x, _np.bool_), P.convert_element_type(x, _np.bool_))
    return P.eq(P.abs(x), _np.inf)


# ------------------------------------------------------------ where & clip

def where_select(condition, x, y):
    """``where(condition, x, y)``: select elementwise (the public ``where``, which
    also takes the condition alone, is in ``_indexing``)."""
    c = _bool(condition, "where")
    a, b = _v(x, "where"), _v(y, "where")
    try:
        return P.select(c, a, b)
    except ValueError as e:
        shapes = [get_aval(v).shape for v in (c, a, b)]
        try:
            _np.broadcast_shapes(*shapes)
        except ValueError:
            raise ValueError(f"where: shapes {shapes[0]}, {shapes[1]} and {shapes[2]} do "
                             f"not broadcast together") from None
        raise e


def clip(a, min=None, max=None, *, a_min=None, a_max=None):  # noqa: A002
    """``a`` limited to [min, max] (the Array API's names; NumPy's a_min/a_max too)."""
    lo = a_min if a_min is not None else min
    hi = a_max if a_max is not None else max
    x = _arr(a, "clip")
    if lo is not None:
        x = maximum(x, lo)
    if hi is not None:
        x = minimum(x, hi)
    return x
