"""Special functions: erf, erf_inv, lgamma, digamma, polygamma, erfc, ndtri,
log_ndtr, gamma, i0e, i1e, the Hurwitz zeta (zeta, binary), the incomplete gamma
functions gammainc/gammaincc (binary) and the incomplete beta function betainc
(ternary).

The kernels come from the special-function module of the kernel's backend
(``Backend.special``: scipy.special for NumPy, cupyx.scipy.special for CuPy,
imported on first use).  scipy.special returns float64 for
some float32 inputs (polygamma), so every kernel casts back: the dtype is kept.

The derivatives are written with primitives, so they differentiate again:

    erf'(x)        = 2/sqrt(pi) exp(-x^2)
    erf_inv'(x)    = sqrt(pi)/2 exp(erf_inv(x)^2)      (reads the output)
    lgamma'(x)     = digamma(x)
    digamma'(x)    = polygamma(1, x)
    polygamma(n)'  = polygamma(n + 1)
    erfc'(x)       = -2/sqrt(pi) exp(-x^2)
    ndtri'(p)      = sqrt(2 pi) exp(ndtri(p)^2 / 2)        (reads the output)
    log_ndtr'(x)   = exp(-x^2/2 - log_ndtr(x)) / sqrt(2 pi) (reads in and out; no
                     0/0 far in the left tail, where ndtr underflows)
    gamma'(x)      = gamma(x) digamma(x)                    (reads in and out)
    i0e'(x)        = i1e(x) - sign(x) i0e(x)
    i1e'(x)        = i0e(x) - i1e(x) (sign(x) + 1/x), 1/2 at x = 0
    zeta(s, q)     d/dq = -s zeta(s + 1, q); d/ds has no kernel (as in JAX, an
                     error naming zeta)
    gammainc(a, x) d/dx = exp((a-1) log x - x - lgamma(a)); gammaincc: minus that
    betainc(a, b, x) d/dx = exp((a-1) log x + (b-1) log1p(-x) - log B(a, b))
                   (d/da, d/db: no kernel, an error naming the argument; JAX
                   differentiates gammainc in a)

These are real functions of real arguments (JAX's lax names): an integer or
bool input is a TypeError naming the op; ``functorch_lite.scipy.special``
promotes integers first, as ``jax.scipy.special`` does.
"""
import math

import numpy as np
from ..core.backend import backend_of

from ..core.ir import ShapedArray
from ..core.primitive import defprim, Primitive
from ..core.trace import get_aval
from . import elementwise as E
from . import math_more as M
from . import _util as U


def _special(xp):
    """The special-function module of the backend whose namespace is ``xp``
    (scipy.special for NumPy, cupyx.scipy.special for CuPy)."""
    return backend_of(xp).special


def _abstract(name):
    def abstract(x, **params):
        if x.dtype.kind != "f":
            raise TypeError(f"{name} needs a floating-point input, got {x.dtype} (shape "
                            f"{x.shape}); cast it first with .astype(float) (the "
                            f"functorch_lite.scipy.special functions promote integers)")
        return ShapedArray(x.shape, x.dtype, x.weak_type)
    return abstract


def _kernel(fn_name):
    def impl(xp, x, **params):
        # polygamma's order n is its one param, and scipy takes it first
        out = getattr(_special(xp), fn_name)(*params.values(), x)
        dt = getattr(x, "dtype", None)      # None: a Python float (weak), kept as given
        return out if dt is None or out.dtype == dt else out.astype(dt)
    return impl


def _defspecial(name, kernel, deriv, saves, **traits):
    """An elementwise special function; ``deriv(x, out, **params)`` is d out / d x
    written with primitives.  The vjp multiplies with safe_mul: the derivative is
    infinite at poles (lgamma at 0) and at erf_inv(+-1), and a zero cotangent
    from an untaken where() branch must stay exactly zero there."""
    def jvp(primals, tangents, **params):
        (x,), (t,) = primals, tangents
        out = p.bind(x, **params)
        return out, (None if t is None else E.mul(t, deriv(x, out, **params)))

    def vjp(ct, ins, out, needs, **params):
        x = ins[0] if ins is not None else None
        return (E.safe_mul(ct, deriv(x, out, **params)),)

    p = defprim(name, impl=_kernel(kernel), abstract=_abstract(name), jvp=jvp, vjp=vjp,
                batch=lambda vals, dims, **params: (p.bind(vals[0], **params), dims[0]),
                saves=saves, **traits)
    return p


_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)
_SQRT_PI_OVER_TWO = math.sqrt(math.pi) / 2.0

erf_p = _defspecial(
    "erf", "erf", lambda x, o: E.mul(_TWO_OVER_SQRT_PI, E.exp(E.neg(E.mul(x, x)))),
    saves="ins", torch_name="ErfBackward0", facade=("erf",),
    bound=lambda bounds, in_avals, out_avals: 1.0)     # |erf| <= 1 for finite inputs
erf_inv_p = _defspecial(
    "erf_inv", "erfinv", lambda x, o: E.mul(_SQRT_PI_OVER_TWO, E.exp(E.mul(o, o))),
    saves="out", torch_name="ErfinvBackward0", facade=("erfinv",))
lgamma_p = _defspecial(
    "lgamma", "gammaln", lambda x, o: digamma(x),
    saves="ins", torch_name="LgammaBackward0", facade=("lgamma",))
digamma_p = _defspecial(
    "digamma", "psi", lambda x, o: polygamma(1, x),
    saves="ins", torch_name="DigammaBackward0", facade=("digamma",))
polygamma_p = _defspecial(
    "polygamma", "polygamma", lambda x, o, n: polygamma(n + 1, x),
    saves="ins", torch_name="PolygammaBackward0")


_SQRT_2PI = math.sqrt(2.0 * math.pi)
_INV_SQRT_2PI = 1.0 / _SQRT_2PI

erfc_p = _defspecial(
    "erfc", "erfc", lambda x, o: E.mul(-_TWO_OVER_SQRT_PI, E.exp(E.neg(E.mul(x, x)))),
    saves="ins", torch_name="ErfcBackward0")
ndtri_p = _defspecial(
    "ndtri", "ndtri", lambda x, o: E.mul(_SQRT_2PI, E.exp(E.mul(0.5, E.mul(o, o)))),
    saves="out", torch_name="NdtriBackward0")
log_ndtr_p = _defspecial(
    "log_ndtr", "log_ndtr",
    lambda x, o: E.mul(_INV_SQRT_2PI, E.exp(E.sub(E.mul(-0.5, E.mul(x, x)), o))),
    saves="ins+out", torch_name="LogNdtrBackward0")
gamma_p = _defspecial(
    "gamma", "gamma", lambda x, o: E.mul(o, digamma(x)),
    saves="ins+out", torch_name="GammaBackward0")


def _i0e_deriv(x, o):
    return E.sub(i1e(x), E.mul(E.sign(x), o))


def _i1e_deriv(x, o):
    zero = E.eq(x, 0.0)
    safe = E.select(zero, E.full_like(x, 1.0), x)
    d = E.sub(i0e(x), E.mul(o, E.add(E.sign(x), E.div(1.0, safe))))
    return E.select(zero, E.full_like(x, 0.5), d)


i0e_p = _defspecial("i0e", "i0e", _i0e_deriv, saves="ins+out",
                    torch_name="SpecialI0EBackward0")
i1e_p = _defspecial("i1e", "i1e", _i1e_deriv, saves="ins+out",
                    torch_name="SpecialI1EBackward0")


# Functions of several arguments, numpy-broadcasting, differentiable in one of
# them only (the others are shapes/orders with no scipy kernel for their
# derivative): zeta(s, q) in q, gammainc/gammaincc(a, x) and betainc(a, b, x) in x.

def _nary_abstract(name):
    def abstract(*avals):
        dts = {a.dtype for a in avals}
        if len(dts) != 1:
            raise TypeError(f"{name}: operands have different dtypes {sorted(map(str, dts))}; "
                            f"promote first (functorch_lite.scipy.special does)")
        dt = avals[0].dtype
        if dt.kind != "f":
            raise TypeError(f"{name} needs floating-point inputs, got {dt}; cast first "
                            f"(functorch_lite.scipy.special.{name} promotes integers)")
        try:
            shape = np.broadcast_shapes(*[a.shape for a in avals])
        except ValueError:
            raise ValueError(f"{name}: shapes {[a.shape for a in avals]} do not broadcast "
                             f"together") from None
        return ShapedArray(shape, dt, all(a.weak_type for a in avals))
    return abstract


def _nary_impl(kernel):
    def impl(xp, *args):
        out = getattr(_special(xp), kernel)(*args)
        dt = getattr(args[0], "dtype", None)
        return out if dt is None or out.dtype == dt else out.astype(dt)
    return impl


def _defnary(name, kernel, wrt, deriv, argnames, **traits):
    """A scipy.special function of len(argnames) arguments, differentiable in
    argument ``wrt`` only: ``deriv(*args)`` is d out / d args[wrt], with primitives;
    a tangent or cotangent asked of another argument is an error naming it."""
    def refuse(i):
        return NotImplementedError(
            f"{name}: the derivative in {argnames[i]} is not implemented (no kernel for "
            f"it); differentiate in {argnames[wrt]} only (wrap {argnames[i]} in "
            f"stop_gradient if it is traced)")

    def jvp(primals, tangents):
        for i, t in enumerate(tangents):
            if i != wrt and t is not None:
                raise refuse(i)
        out = p.bind(*primals)
        t = tangents[wrt]
        if t is None:
            return out, None
        t = E.mul(t, deriv(*primals))
        oshape = get_aval(out).shape
        if get_aval(t).shape != oshape:
            t = U.shp.broadcast_to(t, oshape)
        return out, t

    def vjp(ct, ins, out, needs):
        for i, n in enumerate(needs):
            if i != wrt and n:
                raise refuse(i)
        res = [None] * len(ins)
        if needs[wrt]:
            res[wrt] = U.unbroadcast(E.safe_mul(ct, deriv(*ins)), U.shape_of(ins[wrt]))
        return tuple(res)

    p = defprim(name, impl=_nary_impl(kernel), abstract=_nary_abstract(name), jvp=jvp,
                vjp=vjp, batch=lambda vals, dims: U.broadcasting_batch(p, vals, dims),
                saves="ins", **traits)
    return p


def _xlog(a, x):
    """(a - 1) log x - x - lgamma(a): the log of gammainc's derivative in x."""
    return E.sub(E.sub(E.mul(E.sub(a, 1.0), E.log(x)), x), lgamma(a))


zeta_p: Primitive = _defnary("zeta", "zeta", 1,
                  lambda s, q: E.mul(E.neg(s), zeta_p.bind(E.add(s, 1.0), q)), ("s", "q"),
                  torch_name="SpecialZetaBackward0")
gammainc_p = _defnary("gammainc", "gammainc", 1, lambda a, x: E.exp(_xlog(a, x)), ("a", "x"),
                      torch_name="IgammaBackward0")
gammaincc_p = _defnary("gammaincc", "gammaincc", 1, lambda a, x: E.neg(E.exp(_xlog(a, x))),
                       ("a", "x"), torch_name="IgammacBackward0")


def _betainc_dx(a, b, x):
    logb = E.sub(E.add(lgamma(a), lgamma(b)), lgamma(E.add(a, b)))
    return E.exp(E.sub(E.add(E.mul(E.sub(a, 1.0), E.log(x)),
                             E.mul(E.sub(b, 1.0), M.log1p(E.neg(x)))), logb))


betainc_p = _defnary("betainc", "betainc", 2, _betainc_dx, ("a", "b", "x"),
                     torch_name="BetaincBackward0")


# --------------------------------------------------------------- wrappers

def _real(x, name):
    """x itself, after checking it is floating point: the eager fast path runs the
    kernel without the shape rule, and scipy would quietly accept integers."""
    dt = getattr(x, "dtype", None)
    if dt is None and not isinstance(x, float):
        dt = get_aval(x).dtype
    if dt is not None and dt.kind != "f":
        _abstract(name)(ShapedArray(np.shape(x), dt))   # raises, naming the op
    return x


def erf(x): return erf_p.bind(_real(x, "erf"))
def erf_inv(x): return erf_inv_p.bind(_real(x, "erf_inv"))
def lgamma(x): return lgamma_p.bind(_real(x, "lgamma"))
def digamma(x): return digamma_p.bind(_real(x, "digamma"))
def erfc(x): return erfc_p.bind(_real(x, "erfc"))
def ndtri(x): return ndtri_p.bind(_real(x, "ndtri"))
def log_ndtr(x): return log_ndtr_p.bind(_real(x, "log_ndtr"))
def gamma(x): return gamma_p.bind(_real(x, "gamma"))
def i0e(x): return i0e_p.bind(_real(x, "i0e"))
def i1e(x): return i1e_p.bind(_real(x, "i1e"))


def zeta(s, q):
    """Hurwitz zeta(s, q) = sum_n (n + q)^-s; both floating point of one dtype."""
    return zeta_p.bind(*U.promote(_real(s, "zeta"), _real(q, "zeta")))


def gammainc(a, x):
    """The regularized lower incomplete gamma function P(a, x)."""
    return gammainc_p.bind(*U.promote(_real(a, "gammainc"), _real(x, "gammainc")))


def gammaincc(a, x):
    """The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x)."""
    return gammaincc_p.bind(*U.promote(_real(a, "gammaincc"), _real(x, "gammaincc")))


def betainc(a, b, x):
    """The regularized incomplete beta function I_x(a, b)."""
    a, b, x = U.promote(_real(a, "betainc"), _real(b, "betainc"), _real(x, "betainc"))
    return betainc_p.bind(a, b, x)


def polygamma(n, x):
    """The n-th derivative of digamma; ``n`` is a static non-negative integer."""
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)) or n < 0:
        raise TypeError(f"polygamma: the order n must be a non-negative Python int (it is "
                        f"static, as a parameter of the primitive), got {n!r}")
    return polygamma_p.bind(_real(x, "polygamma"), n=int(n))
