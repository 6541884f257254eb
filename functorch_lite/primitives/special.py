"""Special functions: erf, erf_inv, lgamma, digamma, polygamma, erfc, ndtri,
log_ndtr, gamma, i0e, i1e and the Hurwitz zeta (zeta, binary).

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

These are real functions of real arguments (JAX's lax names): an integer or
bool input is a TypeError naming the op; ``functorch_lite.scipy.special``
promotes integers first, as ``jax.scipy.special`` does.
"""
import math

import numpy as np
from ..core.backend import backend_of

from ..core.ir import ShapedArray
from ..core.primitive import defprim
from ..core.trace import get_aval
from . import elementwise as E
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


# Hurwitz zeta(s, q): binary, numpy-broadcasting; differentiable in q only
def _zeta_abstract(s, q):
    out = E._binary_abstract("zeta")(s, q)
    if out.dtype.kind != "f":
        raise TypeError(f"zeta needs floating-point inputs, got {out.dtype}; cast first "
                        f"(functorch_lite.scipy.special.zeta promotes integers)")
    return out


def _zeta_impl(xp, s, q):
    out = _special(xp).zeta(s, q)
    dt = getattr(s, "dtype", None)
    return out if dt is None or out.dtype == dt else out.astype(dt)


def _no_s_derivative():
    return NotImplementedError(
        "zeta: the derivative in the first argument s is not implemented (as in JAX); "
        "differentiate in q only (wrap s in stop_gradient if it is traced)")


def _zeta_dq(s, q):
    return E.mul(E.neg(s), zeta_p.bind(E.add(s, 1.0), q))


def _zeta_jvp(primals, tangents):
    (s, q), (ts, tq) = primals, tangents
    if ts is not None:
        raise _no_s_derivative()
    out = zeta_p.bind(s, q)
    if tq is None:
        return out, None
    t = E.mul(tq, _zeta_dq(s, q))
    oshape = get_aval(out).shape
    if get_aval(t).shape != oshape:
        t = U.shp.broadcast_to(t, oshape)
    return out, t


def _zeta_vjp(ct, ins, out, needs):
    s, q = ins
    if needs[0]:
        raise _no_s_derivative()
    cq = U.unbroadcast(E.safe_mul(ct, _zeta_dq(s, q)), U.shape_of(q)) if needs[1] else None
    return None, cq


zeta_p = defprim("zeta", impl=_zeta_impl, abstract=_zeta_abstract, jvp=_zeta_jvp,
                 vjp=_zeta_vjp, batch=lambda vals, dims: U.broadcasting_batch(zeta_p, vals, dims),
                 saves="ins", torch_name="SpecialZetaBackward0")


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
    s, q = U.promote(_real(s, "zeta"), _real(q, "zeta"))
    return zeta_p.bind(s, q)


def polygamma(n, x):
    """The n-th derivative of digamma; ``n`` is a static non-negative integer."""
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)) or n < 0:
        raise TypeError(f"polygamma: the order n must be a non-negative Python int (it is "
                        f"static, as a parameter of the primitive), got {n!r}")
    return polygamma_p.bind(_real(x, "polygamma"), n=int(n))
