"""Elementwise primitives: unary math, binary arithmetic, comparisons, select,
convert_element_type, stop_gradient, the NaN-safe products.  Binary ones
broadcast like NumPy and need one dtype (the wrappers at the bottom promote);
their vjp sums the cotangent back to each input's shape.  Rules use the
wrappers, i.e. primitives, so they nest."""
import math

import numpy as np

from ..core import dtypes as _dtypes
from ..core.dtypes import canonicalize_dtype
from ..core.ir import ShapedArray
from ..core.trace import concrete_value, get_aval
from . import _host_vjp as H
from . import _util as U
from ._safe_kernels import (_mul_safe_impl, _mul_safe_specialize, _tanh_grad_impl,
                            _tanh_grad_specialize)
from ..core.primitive import Primitive, defprim


def _no_tangent(dtype):
    return np.dtype(dtype).kind not in "fc"


# ------------------------------------------------------------------ unary

def _unary_abstract(name, float_only, real_out=False):  # real_out: |z| of complex z is real
    def abstract(x):
        if x.dtype.kind not in "biufc":
            raise TypeError(f"{name}: unsupported dtype {x.dtype} (shape {x.shape})")
        if float_only and x.dtype.kind not in "fc":
            raise TypeError(f"{name} needs a floating-point input, got {x.dtype} "
                            f"(shape {x.shape}); cast it first with .astype(float)")
        return ShapedArray(x.shape, U.real_dtype(x.dtype) if real_out else x.dtype, x.weak_type)
    return abstract


def _def_unary(name, kernel, deriv, float_only=True, linear=False, saves="ins",
               times_deriv=None, real_out=False, **traits):
    """deriv(x, out) -> d out / d x, written with primitives (None: zero).

    The vjp always multiplies with safe_mul: in an untaken where() branch the
    primal itself may be nan (sin(sqrt(-1))), so even cos(x) can be nan there,
    and a zero cotangent must stay exactly zero.  ``saves`` says what deriv reads.
    ``times_deriv(c, x, out)``, when given, computes c * deriv in one go (tanh:
    one tanh_grad kernel) for both the jvp and the vjp."""
    if times_deriv is None:
        def times_deriv(c, x, out, safe):
            return safe_mul(c, deriv(x, out)) if safe else mul(c, deriv(x, out))
    else:
        user_times = times_deriv

        def times_deriv(c, x, out, safe):
            return user_times(c, x, out)
    def impl(xp, x):
        return getattr(xp, kernel)(x)

    def jvp(primals, tangents):
        (x,), (t,) = primals, tangents
        out = p.bind(x)
        if t is None or deriv is None:
            return out, None
        return out, (neg(t) if linear == "neg" else times_deriv(t, x, out, False))

    def vjp(ct, ins, out, needs):
        if deriv is None:
            return (None,)
        if linear == "neg":
            return (neg(ct),)
        return (times_deriv(ct, ins[0], out, True),)

    p = defprim(name, impl=impl, abstract=_unary_abstract(name, float_only, real_out),
                jvp=jvp, vjp=vjp,
                batch=lambda vals, dims: (p.bind(vals[0]), dims[0]), saves=saves,
                ufunc=kernel, **traits)
    return p


# finiteness bounds (see core.primitive): given bounds on the inputs, one on the output

def same_bound(bounds, in_avals, out_avals):
    return bounds[0]


def unit_bound(bounds, in_avals, out_avals):
    return 1.0                     # |sin|, |cos|, |tanh|, |sign| <= 1 for finite input


def _exp_bound(bounds, in_avals, out_avals):
    return math.exp(bounds[0]) if bounds[0] < 700 else None


neg_p = _def_unary("neg", "negative", lambda x, o: None, float_only=False, linear="neg",
                   saves="nothing", torch_name="NegBackward0", host_vjp=H.neg_vjp,
                   facade=("neg", "negative"),
                   c_expr="(({t})(-{0}))", fuse_dtypes="int", bound=same_bound)
exp_p = _def_unary("exp", "exp", lambda x, o: o, saves="out", torch_name="ExpBackward0",
                   host_vjp=H.exp_vjp,
                   facade=("exp",), c_expr="exp({0})", fuse_dtypes="float", bound=_exp_bound)
log_p = _def_unary("log", "log", lambda x, o: reciprocal(x), torch_name="LogBackward0",
                   host_vjp=H.log_vjp,
                   facade=("log",), c_expr="log({0})", fuse_dtypes="float")
sin_p = _def_unary("sin", "sin", lambda x, o: cos(x), torch_name="SinBackward0",
                   host_vjp=H.sin_vjp,
                   facade=("sin",), c_expr="sin({0})", fuse_dtypes="float", bound=unit_bound)
cos_p = _def_unary("cos", "cos", lambda x, o: neg(sin(x)), torch_name="CosBackward0",
                   host_vjp=H.cos_vjp,
                   facade=("cos",), c_expr="cos({0})", fuse_dtypes="float", bound=unit_bound)
tanh_p = _def_unary("tanh", "tanh", lambda x, o: sub(1.0, mul(o, o)), saves="out",
                    times_deriv=lambda c, x, o: _times_tanh_deriv(c, o),
                    host_vjp=H.tanh_vjp,
                    torch_name="TanhBackward0", facade=("tanh",), c_expr="tanh({0})",
                    fuse_dtypes="float", bound=unit_bound)
sqrt_p = _def_unary("sqrt", "sqrt", lambda x, o: div(0.5, o), saves="out",
                    host_vjp=H.sqrt_vjp,
                    torch_name="SqrtBackward0", facade=("sqrt",), c_expr="sqrt({0})",
                    fuse_dtypes="float")
def _abs_times(c, x, o):  # complex z, JAX's convention: jvp re(conj(z) t)/|z|, vjp ct conj(z)/|z|
    if x.dtype.kind != "c":
        return safe_mul(c, sign(x))
    m, rdt = abs(x), U.real_dtype(x.dtype)   # conj(z) = 2 re(z) - z; 0 at z = 0
    u = div(sub(mul(convert_element_type(convert_element_type(x, rdt), x.dtype), 2.0), x),
            select(eq(m, 0.0), U.ones_like(m), m))
    return convert_element_type(mul(c, u), rdt) if c.dtype.kind == "c" else mul(c, u)
abs_p = _def_unary("abs", "absolute", lambda x, o: sign(x), float_only=False, real_out=True,
                   times_deriv=_abs_times, torch_name="AbsBackward0", facade=("abs", "absolute"),
                   c_expr="fabs({0})", fuse_dtypes="float", bound=same_bound)
# numpy's sign: +1, -1, 0 for +-0, and nan stays nan
sign_p = _def_unary("sign", "sign", None, float_only=False, saves="nothing",
                    facade=("sign",), fuse_dtypes="float", bound=unit_bound,
                    # |x| > 0 excludes +-0 and nan; x + 0 maps -0 to +0 and keeps nan
                    # (one compare and one select: the vectoriser keeps it cheap)
                    c_expr="(fabs({0}) > 0 ? copysign((({t})1), {0}) : {0} + (({t})0))")


# ----------------------------------------------------------------- binary

def _binary_abstract(name):
    def abstract(x, y):
        if x.dtype != y.dtype:
            raise TypeError(f"{name}: operands have different dtypes {x.dtype} and "
                            f"{y.dtype}; promote first (functorch_lite.numpy does)")
        try:
            shape = np.broadcast_shapes(x.shape, y.shape)
        except ValueError:
            raise ValueError(f"{name}: shapes {x.shape} and {y.shape} do not broadcast "
                             f"together; reshape one of them (e.g. add a None axis)") from None
        return ShapedArray(shape, x.dtype, x.weak_type and y.weak_type)
    return abstract


def _binary_vjp(dx, dy):
    """dx(ct, x, y, out) / dy(...) give each input's (unreduced) cotangent."""
    def vjp(ct, ins, out, needs):
        x, y = ins
        cx = U.unbroadcast(dx(ct, x, y, out), U.shape_of(x)) if needs[0] else None
        cy = U.unbroadcast(dy(ct, x, y, out), U.shape_of(y)) if needs[1] else None
        return cx, cy
    return vjp


def _binary_jvp(jx, jy):
    """jx(t, x, y, out): tangent contribution of x (likewise jy); the primitive
    is bound through ``prim_of()`` (it does not exist yet when the rule is made)."""
    def jvp(primals, tangents, prim):
        x, y = primals
        tx, ty = tangents
        out = prim.bind(x, y)
        terms = []
        if tx is not None:
            terms.append(jx(tx, x, y, out))
        if ty is not None:
            terms.append(jy(ty, x, y, out))
        if not terms:
            return out, None
        t = terms[0] if len(terms) == 1 else add(terms[0], terms[1])
        oshape = get_aval(out).shape
        if get_aval(t).shape != oshape:
            t = U.shp.broadcast_to(t, oshape)
        return out, t
    return jvp


def _def_binary(name, kernel, dx, dy, jx, jy, float_only=False, saves="ins", vjp=None,
                **traits):
    """A NumPy-broadcasting binary primitive computed by ``xp.<kernel>``."""
    base = _binary_abstract(name)

    def abstract(x, y):
        out = base(x, y)
        if float_only and out.dtype.kind not in "fc":
            raise TypeError(f"{name} needs floating-point inputs, got {out.dtype}")
        return out

    rule = _binary_jvp(jx, jy)
    p = defprim(name, impl=lambda xp, x, y: getattr(xp, kernel)(x, y), abstract=abstract,
                jvp=lambda primals, tangents: rule(primals, tangents, p),
                vjp=vjp or _binary_vjp(dx, dy),
                batch=lambda vals, dims: U.broadcasting_batch(p, vals, dims),
                saves=saves, ufunc=kernel, **traits)
    return p


def _sum_bound(bounds, in_avals, out_avals):
    a, b = bounds
    return a + b if a < math.inf and b < math.inf else None


def _product_bound(bounds, in_avals, out_avals):
    a, b = bounds
    return a * b if a < math.inf and b < math.inf else None


# add and sub read only their inputs' shapes (to sum the cotangent back down)
add_p = _def_binary("add", "add", lambda c, x, y, o: c, lambda c, x, y, o: c,
                    lambda t, x, y, o: t, lambda t, x, y, o: t, saves="shapes",
                    host_vjp=H.add_vjp,
                    commutative=True, unit=0, torch_name="AddBackward0",
                    c_expr="(({t})({0} + {1}))", fuse_dtypes="int", bound=_sum_bound)
sub_p = _def_binary("sub", "subtract", lambda c, x, y, o: c, lambda c, x, y, o: neg(c),
                    lambda t, x, y, o: t, lambda t, x, y, o: neg(t), saves="shapes",
                    host_vjp=H.sub_vjp,
                    unit=(None, 0), torch_name="SubBackward0",
                    c_expr="(({t})({0} - {1}))", fuse_dtypes="int", bound=_sum_bound)
_mul_vjp_generic = _binary_vjp(lambda c, x, y, o: safe_mul(c, y),
                               lambda c, x, y, o: safe_mul(c, x))


def _mul_vjp(ct, ins, out, needs):
    x, y = ins
    if x is y and needs[0] and needs[1]:  # x * x: one product serves both inputs
        c = U.unbroadcast(safe_mul(ct, x), get_aval(x).shape)
        return c, c
    return _mul_vjp_generic(ct, ins, out, needs)


mul_p = _def_binary("mul", "multiply", None, None, lambda t, x, y, o: mul(t, y),
                    lambda t, x, y, o: mul(x, t), vjp=_mul_vjp, host_vjp=H.mul_vjp,
                    commutative=True, unit=1,
                    torch_name="MulBackward0", c_expr="(({t})({0} * {1}))",
                    fuse_dtypes="int", bound=_product_bound)
div_p = _def_binary("div", "true_divide", lambda c, x, y, o: safe_div(c, y),
                    lambda c, x, y, o: neg(safe_mul(c, div(o, y))),
                    lambda t, x, y, o: div(t, y), lambda t, x, y, o: neg(mul(t, div(o, y))),
                    float_only=True, saves="ins+out", unit=(None, 1), host_vjp=H.div_vjp,
                    torch_name="DivBackward0", c_expr="(({t})({0} / {1}))",
                    fuse_dtypes="float")


def _pow_dx(c, x, y, o):  # y = 0: 0 * x**-1 is 0 (x**0 is constant), not 0 * inf
    return safe_mul(c, safe_mul(y, pow(x, sub(y, 1.0))))


def _pow_dy(c, x, y, o):
    logx = log(select(eq(x, 0.0), U.ones_like(x), x))
    return safe_mul(c, mul(o, logx))


pow_p = _def_binary("pow", "power", _pow_dx, _pow_dy, _pow_dx, _pow_dy, float_only=True,
                    saves="ins+out", torch_name="PowBackward1", c_expr="pow({0}, {1})",
                    fuse_dtypes="float")


def _tie_weights(x, y):
    # d max(x, y)/dx: 1 where x wins, 1/2 on ties (as JAX and PyTorch do), else 0
    gt_ = convert_element_type(gt(x, y), get_aval(x).dtype)
    eq_ = convert_element_type(eq(x, y), get_aval(x).dtype)
    return add(gt_, mul(eq_, 0.5))


def _extremum_c(op):
    """NaN-propagating max/min (numpy.maximum / minimum: NaN from either side)."""
    def c_expr(e):
        a, b = e.args
        if np.dtype(e.out_dtype).kind == "f":
            return f"(({a} {op} {b} || isnan({a})) ? {a} : {b})"
        return f"({a} {op} {b} ? {a} : {b})"
    return c_expr


max_p = _def_binary("max", "maximum", lambda c, x, y, o: mul(c, _tie_weights(x, y)),
                    lambda c, x, y, o: mul(c, _tie_weights(y, x)),
                    lambda t, x, y, o: mul(t, _tie_weights(x, y)),
                    lambda t, x, y, o: mul(t, _tie_weights(y, x)),
                    commutative=True, layout_only=True, torch_name="MaximumBackward0",
                    c_expr=_extremum_c(">"), fuse_dtypes="int")
min_p = _def_binary("min", "minimum", lambda c, x, y, o: mul(c, _tie_weights(y, x)),
                    lambda c, x, y, o: mul(c, _tie_weights(x, y)),
                    lambda t, x, y, o: mul(t, _tie_weights(y, x)),
                    lambda t, x, y, o: mul(t, _tie_weights(x, y)),
                    commutative=True, layout_only=True, torch_name="MinimumBackward0",
                    c_expr=_extremum_c("<"), fuse_dtypes="int")


# ------------------------------------------------------------ comparisons

def _def_compare(name, kernel, c_op, **traits):
    base = _binary_abstract(name)
    p = defprim(name, impl=lambda xp, x, y: getattr(xp, kernel)(x, y),
                abstract=lambda x, y: base(x, y).update(dtype=np.bool_, weak_type=False),
                jvp=lambda primals, tangents: (p.bind(*primals), None),
                vjp=lambda ct, ins, out, needs: (None, None),
                batch=lambda vals, dims: U.broadcasting_batch(p, vals, dims),
                saves="nothing", ufunc=kernel, c_expr=f"({{0}} {c_op} {{1}})",
                fuse_dtypes="any", **traits)
    return p


eq_p = _def_compare("eq", "equal", "==", commutative=True)
ne_p = _def_compare("ne", "not_equal", "!=", commutative=True)
lt_p = _def_compare("lt", "less", "<")
le_p = _def_compare("le", "less_equal", "<=")
gt_p = _def_compare("gt", "greater", ">")
ge_p = _def_compare("ge", "greater_equal", ">=")


# ----------------------------------------------------------------- select

def _select_abstract(c, a, b):
    if c.dtype != np.bool_:
        raise TypeError(f"select: the condition must be bool, got {c.dtype}")
    if a.dtype != b.dtype:
        raise TypeError(f"select: branches have different dtypes {a.dtype} and {b.dtype}")
    try:
        shape = np.broadcast_shapes(c.shape, a.shape, b.shape)
    except ValueError:
        raise ValueError(f"select: shapes {c.shape}, {a.shape}, {b.shape} do not "
                         f"broadcast together") from None
    return ShapedArray(shape, a.dtype, a.weak_type and b.weak_type)


def _select_jvp(primals, tangents):
    c, a, b = primals
    _, ta, tb = tangents
    out = select(c, a, b)
    if ta is None and tb is None:
        return out, None
    # a missing tangent's zeros are made like the other tangent: a constant
    # branch may be a host scalar, and its zeros must not pin us to the host
    ta = U.zeros_like(tb) if ta is None else ta
    tb = U.zeros_like(ta) if tb is None else tb
    t = select(c, ta, tb)
    oshape = get_aval(out).shape
    return out, (t if get_aval(t).shape == oshape else U.shp.broadcast_to(t, oshape))


def _select_vjp(ct, ins, out, needs):
    # The branch not taken gets an exact zero cotangent; the elementwise rules
    # below it multiply with safe_mul, so 0 * inf stays 0 (NaN-safe where).
    # (Reads the condition's values, the branches' shapes only.)
    c, a, b = ins
    z = ct.dtype.type(0)  # a scalar zero: no zeros array, and it suits any backend
    ca = U.unbroadcast(select(c, ct, z), U.shape_of(a)) if needs[1] else None
    cb = U.unbroadcast(select(c, z, ct), U.shape_of(b)) if needs[2] else None
    return None, ca, cb


select_p: Primitive = defprim("select", impl=lambda xp, c, a, b: xp.where(c, a, b),
                   abstract=_select_abstract, jvp=_select_jvp, vjp=_select_vjp,
                   batch=lambda vals, dims: U.broadcasting_batch(select_p, vals, dims),
                   saves="ins", layout_only=True, torch_name="WhereBackward0",
                   c_expr="({0} ? {1} : {2})", fuse_dtypes="any")


# --------------------------------------------------------- dtype conversion

def _convert_jvp(primals, tangents, new_dtype, weak_type=False):
    (x,), (t,) = primals, tangents
    out = convert_element_type(x, new_dtype, weak_type)
    if t is None or _no_tangent(new_dtype):
        return out, None
    return out, convert_element_type(t, new_dtype)


def _convert_vjp(ct, ins, out, needs, new_dtype, weak_type=False):
    xdt = get_aval(ins[0]).dtype
    if _no_tangent(xdt):
        return (None,)
    return (convert_element_type(ct, xdt),)


def _convert_c(e):
    if np.dtype(e.out_dtype) == np.bool_:
        return f"({e.args[0]} != 0)"
    return f"(({e.t}){e.args[0]})"      # float -> int truncates toward zero, like astype


def _convert_bound(bounds, in_avals, out_avals, new_dtype, weak_type=False):
    b, out = bounds[0], np.dtype(out_avals[0].dtype)
    # a finite but unbounded float may overflow a narrower float
    return b if out.kind != "f" or b < float(np.finfo(out).max) else None


convert_element_type_p = defprim(
    "convert_element_type",
    impl=lambda xp, x, new_dtype, weak_type=False: U.convert_impl(xp, x, new_dtype),
    # weak_type (JAX's): an integer value promoted by a Python float stays weak
    abstract=lambda x, new_dtype, weak_type=False: ShapedArray(x.shape, new_dtype, weak_type),
    jvp=_convert_jvp, vjp=_convert_vjp,
    batch=lambda vals, dims, new_dtype, weak_type=False: (
        convert_element_type(vals[0], new_dtype, weak_type), dims[0]),
    saves="shapes", torch_name="ToCopyBackward0", c_expr=_convert_c, fuse_dtypes="any",
    bound=_convert_bound)

# ------------------------------------------------------------ stop_gradient

stop_gradient_p = defprim(
    "stop_gradient", impl=lambda xp, x: x, abstract=lambda x: x,
    jvp=lambda primals, tangents: (stop_gradient(primals[0]), None),
    vjp=lambda ct, ins, out, needs: (None,),
    batch=lambda vals, dims: (stop_gradient(vals[0]), dims[0]),
    saves="nothing", layout_only=True, c_expr="{0}", fuse_dtypes="any")

# ---------------------------------------------------------------- full_like
# Zeros/ones shaped like a value, made by that value's own backend:
# rules create zero tangents this way so they never pin a computation to the host.

def _fill_value(fill_value, dtype):
    """The fill value as a scalar of ``dtype`` (what the kernel writes), or None."""
    try:
        return np.array(fill_value).astype(dtype)[()]
    except (TypeError, ValueError):
        return None


def _full_like_c(e):
    v = _fill_value(e.params["fill_value"], e.out_dtype)
    return None if v is None else e.literal(v)


def _full_like_bound(bounds, in_avals, out_avals, fill_value):
    v = _fill_value(fill_value, out_avals[0].dtype)
    if v is None or v.dtype.kind not in "biuf":
        return None
    m = float(np.abs(v))
    return m if math.isfinite(m) else None


full_like_p = defprim(
    "full_like", impl=lambda xp, x, fill_value: xp.full_like(x, fill_value),
    abstract=lambda x, fill_value: ShapedArray(x.shape, x.dtype, x.weak_type),
    jvp=lambda primals, tangents, fill_value: (full_like(primals[0], fill_value), None),
    vjp=lambda ct, ins, out, needs, fill_value: (None,),
    batch=lambda vals, dims, fill_value: (full_like(vals[0], fill_value), dims[0]),
    saves="nothing", c_expr=_full_like_c, fuse_dtypes="any", bound=_full_like_bound)

# ------------------------------------------- NaN-safe cotangent multiplication

mul_safe_p: Primitive = defprim(
    "mul_safe", impl=_mul_safe_impl, abstract=_binary_abstract("mul_safe"),
    jvp=lambda primals, tangents: mul_p.jvp(primals, tangents),
    vjp=lambda ct, ins, out, needs: mul_p.vjp(ct, ins, out, needs),
    batch=lambda vals, dims: U.broadcasting_batch(mul_safe_p, vals, dims),
    saves="ins", unit=1, torch_name="MulBackward0", specialize=_mul_safe_specialize,
    finite_form=lambda params: (mul_p, {}),
    bound=_product_bound, fuse_dtypes="float",
    c_expr="(({0} == 0 && !isfinite({1})) ? (({t})0) : (({t})({0} * {1})))")


# ------------------------------------------------------ tanh's cotangent rule
# ct * (1 - o^2) as one NaN-safe primitive (PyTorch's tanh_backward): eagerly it
# holds one temporary, not three, so a tanh net's gradient stays at hand-written
# backprop's memory (bench: tanhnet).  Kernels: _safe_kernels.py.

def _tanh_grad_jvp(primals, tangents, safe):
    (ct, o), (tct, to) = primals, tangents
    out = tanh_grad(ct, o)
    parts = [] if tct is None else [tanh_grad(tct, o)]
    if to is not None:              # d/do ct (1 - o^2) = -2 ct o
        parts.append(safe_mul(ct, mul(mul(-2.0, o), to)))
    if not parts:
        return out, None
    return out, parts[0] if len(parts) == 1 else add(parts[0], parts[1])


def _tanh_grad_vjp(ct2, ins, out, needs, safe):
    ct, o = ins
    cct = U.unbroadcast(tanh_grad(ct2, o), U.shape_of(ct)) if needs[0] else None
    co = U.unbroadcast(safe_mul(mul(ct2, ct), mul(-2.0, o)), U.shape_of(o)) if needs[1] \
        else None
    return cct, co


def _times_tanh_deriv(c, out):
    """c * (1 - out^2), NaN-safe.  Run eagerly (concrete values) it is one
    tanh_grad kernel, holding one temporary; staged into a jaxpr (jit) it is
    the plain primitives, which the plan runs in recycled buffers and the
    finiteness pass turns into plain multiplies."""
    if concrete_value(out) is None:
        return safe_mul(c, sub(1.0, mul(out, out)))
    return tanh_grad(c, out)


_tanh_grad_abstract = _binary_abstract("tanh_grad")


def _tanh_grad_c(e):
    """ct (1 - o^2); safe: exactly 0 where ct == 0 and o is inf or nan."""
    ct, o = e.args
    prod = f"(({e.t})({ct} * ((({e.t})1) - {o} * {o})))"
    return f"(({ct} == 0 && !isfinite({o})) ? (({e.t})0) : {prod})" if e.params["safe"] \
        else prod


tanh_grad_p: Primitive = defprim(
    "tanh_grad", impl=_tanh_grad_impl,
    abstract=lambda ct, o, safe: _tanh_grad_abstract(ct, o),
    jvp=_tanh_grad_jvp, vjp=_tanh_grad_vjp,
    batch=lambda vals, dims, safe: U.broadcasting_batch(tanh_grad_p, vals, dims, safe=safe),
    saves="ins", torch_name="TanhBackwardBackward0", fuse_dtypes="float",
    specialize=_tanh_grad_specialize, finite_form=lambda params: (tanh_grad_p, {"safe": False}),
    c_expr=_tanh_grad_c)


# ------------------------------------------------------------- wrappers
# These promote (Python scalars are weak) and bind; rules and fnp use them.

def neg(x): return neg_p.bind(x)
def exp(x): return exp_p.bind(x)
def log(x): return log_p.bind(x)
def sin(x): return sin_p.bind(x)
def cos(x): return cos_p.bind(x)
def tanh(x): return tanh_p.bind(x)
def sqrt(x): return sqrt_p.bind(x)
def abs(x): return abs_p.bind(x)  # noqa: A001
def sign(x): return sign_p.bind(x)
def add(x, y): return add_p.bind(*U.promote(x, y))
def sub(x, y): return sub_p.bind(*U.promote(x, y))
def mul(x, y): return mul_p.bind(*U.promote(x, y))
def div(x, y): return div_p.bind(*U.promote(x, y))
def pow(x, y): return pow_p.bind(*U.promote(x, y))  # noqa: A001
def max(x, y): return max_p.bind(*U.promote(x, y))  # noqa: A001
def min(x, y): return min_p.bind(*U.promote(x, y))  # noqa: A001
def eq(x, y): return eq_p.bind(*U.promote(x, y))
def ne(x, y): return ne_p.bind(*U.promote(x, y))
def lt(x, y): return lt_p.bind(*U.promote(x, y))
def le(x, y): return le_p.bind(*U.promote(x, y))
def gt(x, y): return gt_p.bind(*U.promote(x, y))
def ge(x, y): return ge_p.bind(*U.promote(x, y))
def reciprocal(x): return div(1.0, x)
def stop_gradient(x): return stop_gradient_p.bind(x)
def full_like(x, fill_value): return full_like_p.bind(x, fill_value=fill_value)
def safe_mul(ct, d): return mul_safe_p.bind(*U.promote(ct, d))
def tanh_grad(ct, o): return tanh_grad_p.bind(*U.promote(ct, o), safe=True)
def safe_div(ct, y): return safe_mul(ct, reciprocal(y))


def select(c, a, b):
    a, b = U.promote(a, b)
    return select_p.bind(c, a, b)


def convert_element_type(x, new_dtype, weak_type=False):
    # JAX's 32-bit mode: f64 requests give f32 (a bool test when it is off)
    new_dtype = np.dtype(new_dtype) if _dtypes.X64 else canonicalize_dtype(new_dtype)
    if not isinstance(x, U.PY_SCALARS) and get_aval(x).dtype == new_dtype and \
            get_aval(x).weak_type == weak_type:
        return x
    if weak_type:
        return convert_element_type_p.bind(x, new_dtype=new_dtype, weak_type=True)
    return convert_element_type_p.bind(x, new_dtype=new_dtype)
