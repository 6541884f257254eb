"""More elementwise primitives: log1p, expm1, tan, asin, acos, atan, sinh, cosh,
atan2, and the zero-derivative floor, ceil, round.

They reuse elementwise's rule builders.  Every derivative that can be inf/nan
somewhere (log1p at -1, asin/acos at +-1, tan at pi/2, atan2 at the origin) is
applied with ``safe_mul``, so a zero cotangent from an untaken ``where``
branch stays exactly zero.
"""
from ..core.ir import ShapedArray
from . import elementwise as E
from ..core.primitive import defprim

add, sub, mul, div, neg = E.add, E.sub, E.mul, E.div, E.neg


def _rsqrt_1mx2(x):
    return div(1.0, E.sqrt(sub(1.0, mul(x, x))))


log1p_p = E._def_unary("log1p", "log1p", lambda x, o: div(1.0, add(x, 1.0)),
                      facade=("log1p",), c_expr="log1p({0})", fuse_dtypes="float")
expm1_p = E._def_unary("expm1", "expm1", lambda x, o: add(o, 1.0), saves="out",
                      facade=("expm1",), c_expr="expm1({0})", fuse_dtypes="float")
tan_p = E._def_unary("tan", "tan", lambda x, o: add(1.0, mul(o, o)), saves="out",
                    c_expr="tan({0})", fuse_dtypes="float")
asin_p = E._def_unary("asin", "arcsin", lambda x, o: _rsqrt_1mx2(x), c_expr="asin({0})",
                     fuse_dtypes="float")
acos_p = E._def_unary("acos", "arccos", lambda x, o: neg(_rsqrt_1mx2(x)),
                     c_expr="acos({0})", fuse_dtypes="float")
atan_p = E._def_unary("atan", "arctan", lambda x, o: div(1.0, add(1.0, mul(x, x))),
                     c_expr="atan({0})", fuse_dtypes="float")
sinh_p = E._def_unary("sinh", "sinh", lambda x, o: cosh(x), c_expr="sinh({0})",
                     fuse_dtypes="float")
cosh_p = E._def_unary("cosh", "cosh", lambda x, o: sinh(x), c_expr="cosh({0})",
                     fuse_dtypes="float")


def _step_bound(bounds, in_avals, out_avals):
    return bounds[0] + 1.0         # |floor(x)|, |ceil(x)| <= |x| + 1


# piecewise constant: derivative zero almost everywhere (NumPy-compatible
# dtypes: integers stay integers)
floor_p = E._def_unary("floor", "floor", None, float_only=False, saves="nothing",
                      facade=("floor",), c_expr="floor({0})", fuse_dtypes="float",
                      bound=_step_bound)
ceil_p = E._def_unary("ceil", "ceil", None, float_only=False, saves="nothing",
                     facade=("ceil",), c_expr="ceil({0})", fuse_dtypes="float",
                     bound=_step_bound)

# ------------------------------------------------------------------ round


def _round_abstract(x, decimals):
    if x.dtype.kind not in "biuf":
        raise TypeError(f"round: unsupported dtype {x.dtype} (shape {x.shape})")
    return ShapedArray(x.shape, x.dtype, x.weak_type)


def _round_bound(bounds, in_avals, out_avals, decimals):
    # rounding to 10**-decimals moves a value by at most half that
    return bounds[0] + 10.0 ** min(-decimals, 300)


round_p = defprim(
    "round", impl=lambda xp, x, decimals: xp.round(x, decimals), abstract=_round_abstract,
    jvp=lambda primals, tangents, decimals: (round_(primals[0], decimals), None),
    vjp=lambda ct, ins, out, needs, decimals: (None,),
    batch=lambda vals, dims, decimals: (round_(vals[0], decimals), dims[0]),
    saves="nothing", bound=_round_bound)


# ------------------------------------------------------------------ atan2

def _atan2_w(a, b):
    # d atan2(a, b) = (b da - a db) / (a^2 + b^2); singular at the origin
    return add(mul(a, a), mul(b, b))


atan2_p = E._def_binary(
    "atan2", "arctan2",
    lambda c, a, b, o: E.safe_mul(c, div(b, _atan2_w(a, b))),
    lambda c, a, b, o: E.safe_mul(c, neg(div(a, _atan2_w(a, b)))),
    lambda t, a, b, o: mul(t, div(b, _atan2_w(a, b))),
    lambda t, a, b, o: mul(t, neg(div(a, _atan2_w(a, b)))), float_only=True,
    c_expr="atan2({0}, {1})", fuse_dtypes="float")


# --------------------------------------------------------------- wrappers

def log1p(x): return log1p_p.bind(x)
def expm1(x): return expm1_p.bind(x)
def tan(x): return tan_p.bind(x)
def asin(x): return asin_p.bind(x)
def acos(x): return acos_p.bind(x)
def atan(x): return atan_p.bind(x)
def sinh(x): return sinh_p.bind(x)
def cosh(x): return cosh_p.bind(x)
def floor(x): return floor_p.bind(x)
def ceil(x): return ceil_p.bind(x)
def round_(x, decimals=0): return round_p.bind(x, decimals=int(decimals))
def atan2(y, x): return atan2_p.bind(*E.U.promote(y, x))
