"""functorch_lite.scipy.special: scipy.special's names over primitives (as
jax.scipy.special).

Integer and bool inputs are promoted to float64 first, as jax.scipy.special does
with 64-bit floats on (scipy.special agrees, except that its erfinv picks
float32 for int8 and bool).  Floats keep their dtype (float32 in, float32 out,
as in JAX).  Several inputs are promoted together (NumPy 2 rules: Python
scalars are weak).

Where scipy.special has a kernel that no stable composition matches (erfc,
ndtri, log_ndtr, gamma, i0e, i1e, zeta, and erf/erfinv/gammaln/digamma/
polygamma) the function binds a primitive of ``primitives/special.py``; the
rest are compositions, differentiable to any order:

- ``ndtr(x) = erfc(-x/sqrt 2)/2`` (accurate in both tails);
- ``betaln = gammaln(a) + gammaln(b) - gammaln(a + b)`` (JAX uses a series for
  large arguments; this composition loses relative accuracy when a + b is
  huge, ~1e-12 relative at a, b ~ 1e4);
- ``xlogy``/``xlog1py`` are 0 where x == 0 whatever y is, with JAX's custom
  derivative (d/dx = log(y), d/dy = x/y) made NaN-safe: d/dy is 0 where x == 0
  (JAX gives NaN at x = y = 0);
- ``logsumexp`` without ``b`` is functorch_lite.numpy's accurate one; with
  ``b`` (weights, negative allowed) the max-shift ignores entries whose weight
  is 0, and the result is NaN where the weighted sum is negative unless
  ``return_sign=True``;
- ``entr`` is -x log x for x > 0, 0 at 0 and -inf below (as scipy), with a
  zero gradient outside x > 0.
"""
import numpy as _np

from ..control.custom import custom_jvp
from ..core.trace import get_aval
from .. import numpy as fnp
from ..numpy import _nn
from .. import primitives as P
from ..primitives import special as S

__all__ = ["erf", "erfc", "erfinv", "ndtr", "ndtri", "log_ndtr", "gammaln", "digamma",
           "psi", "polygamma", "gamma", "betaln", "xlogy", "xlog1py", "expit", "logit",
           "log_expit", "logsumexp", "softmax", "log_softmax", "entr", "i0e", "i1e", "zeta",
           "gammainc", "gammaincc", "betainc"]

_SQRT_HALF = float(_np.sqrt(0.5))


def _dtype(x):
    dt = getattr(x, "dtype", None)
    return dt if dt is not None else get_aval(x).dtype


def _float(x, name="scipy.special"):
    if isinstance(x, (bool, int, float)):
        return float(x)                  # a Python scalar stays weak (float32 kept)
    if isinstance(x, (_np.bool_, _np.integer, list, tuple)):
        x = fnp.asarray(x)
    dt = _dtype(x)
    if dt.kind in "biu":
        return P.convert_element_type(x, _np.float64)
    if dt.kind != "f":
        raise TypeError(f"{name}: needs real (float, int or bool) inputs, got dtype {dt}")
    return x


def _floats(name, *xs):
    """Each input promoted to floating point, then all to one dtype (a Python
    scalar becomes a NumPy scalar of that dtype: a literal, on no backend)."""
    xs = [_float(x, name) for x in xs]
    if all(isinstance(x, float) for x in xs):
        xs[0] = fnp.asarray(xs[0])
    return P.promote(*xs)


def _floats_b(name_and_xs):
    """_floats, then broadcast together with scalars filled in on the arrays' backend."""
    return _broadcast(*_floats(*name_and_xs))


def _is_scalar_constant(x):
    return isinstance(x, (float, int, _np.generic))


def _broadcast(*xs):
    """xs broadcast to one shape; scalar constants are filled in on the backend
    of the first array among them (never built on the host)."""
    ref = next((x for x in xs if not _is_scalar_constant(x)), None)
    if ref is None:
        return [fnp.asarray(x) for x in xs]
    shape = _np.broadcast_shapes(*[_np.shape(x) if _is_scalar_constant(x) else _shape(x)
                                   for x in xs])
    base = P.broadcast_to(ref, shape)
    return [P.full_like(base, x) if _is_scalar_constant(x) else P.broadcast_to(x, shape)
            for x in xs]


# ------------------------------------------------------------- primitives

def erf(x):
    """The error function."""
    return S.erf(_float(x, "scipy.special.erf"))


def erfc(x):
    """The complementary error function 1 - erf(x), accurate for large x."""
    return S.erfc(_float(x, "scipy.special.erfc"))


def erfinv(x):
    """The inverse of erf on (-1, 1)."""
    return S.erf_inv(_float(x, "scipy.special.erfinv"))


def gammaln(x):
    """log|Gamma(x)|."""
    return S.lgamma(_float(x, "scipy.special.gammaln"))


def digamma(x):
    """The logarithmic derivative of Gamma."""
    return S.digamma(_float(x, "scipy.special.digamma"))


psi = digamma


def polygamma(n, x):
    """The n-th derivative of digamma; ``n`` is a static non-negative integer
    (JAX also accepts an array of orders)."""
    return S.polygamma(n, _float(x, "scipy.special.polygamma"))


def gamma(x):
    """The Gamma function (a primitive: scipy's kernel, derivative gamma * digamma)."""
    return S.gamma(_float(x, "scipy.special.gamma"))


def ndtri(p):
    """The inverse of the standard normal CDF."""
    return S.ndtri(_float(p, "scipy.special.ndtri"))


def log_ndtr(x):
    """log of the standard normal CDF, accurate far into both tails."""
    return S.log_ndtr(_float(x, "scipy.special.log_ndtr"))


def i0e(x):
    """The exponentially scaled modified Bessel function of order 0, ``exp(-|x|) I0(x)``."""
    return S.i0e(_float(x, "scipy.special.i0e"))


def i1e(x):
    """The exponentially scaled modified Bessel function of order 1, ``exp(-|x|) I1(x)``."""
    return S.i1e(_float(x, "scipy.special.i1e"))


def zeta(x, q=None):
    """The Hurwitz zeta function sum_n (n + q)^-x.  Differentiable in q only (as
    JAX); ``q=None`` is Riemann's zeta (q = 1), as scipy."""
    if q is None:
        q = 1.0
    x, q = _floats_b(("scipy.special.zeta", x, q))
    return S.zeta_p.bind(x, q)


def _shape(x):
    s = getattr(x, "shape", None)
    return s if s is not None else get_aval(x).shape


def gammainc(a, x):
    """The regularized lower incomplete gamma function P(a, x).  Differentiable in
    x only (JAX also differentiates in a)."""
    a, x = _floats_b(("scipy.special.gammainc", a, x))
    return S.gammainc_p.bind(a, x)


def gammaincc(a, x):
    """The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x)
    (accurate where P is near 1).  Differentiable in x only."""
    a, x = _floats_b(("scipy.special.gammaincc", a, x))
    return S.gammaincc_p.bind(a, x)


def betainc(a, b, x):
    """The regularized incomplete beta function I_x(a, b).  Differentiable in x
    only (as JAX)."""
    a, b, x = _floats_b(("scipy.special.betainc", a, b, x))
    return S.betainc_p.bind(a, b, x)


# ----------------------------------------------------------- compositions

def ndtr(x):
    """The standard normal CDF, erfc(-x / sqrt 2) / 2 (accurate in both tails)."""
    x = _float(x, "scipy.special.ndtr")
    return fnp.multiply(0.5, S.erfc(fnp.multiply(x, -_SQRT_HALF)))


def betaln(a, b):
    """log|B(a, b)| = gammaln(a) + gammaln(b) - gammaln(a + b)."""
    a, b = _floats_b(("scipy.special.betaln", a, b))
    return fnp.subtract(fnp.add(S.lgamma(a), S.lgamma(b)), S.lgamma(fnp.add(a, b)))


def _xlog_rule(logf, dlog):
    """x * logf(y), 0 where x == 0, with JAX's derivative made NaN-safe."""
    @custom_jvp
    def f(x, y):
        zero = fnp.equal(x, 0)
        return fnp.where(zero, fnp.zeros_like(x), fnp.multiply(x, logf(y)))

    @f.defjvp
    def _jvp(primals, tangents):
        x, y = primals
        tx, ty = tangents
        out = f(x, y)
        zero = fnp.equal(x, 0)
        # d/dy = x * dlog(y): exactly 0 where x == 0 (no 0 * inf)
        dy = fnp.where(zero, fnp.zeros_like(x), fnp.multiply(x, dlog(y)))
        return out, fnp.add(fnp.multiply(tx, logf(y)), fnp.multiply(ty, dy))
    return f


_xlogy = _xlog_rule(fnp.log, lambda y: fnp.reciprocal(y))
_xlog1py = _xlog_rule(fnp.log1p, lambda y: fnp.reciprocal(fnp.add(y, 1.0)))


def xlogy(x, y):
    """x * log(y), 0 where x == 0 (even for y == 0).  Derivatives: log(y) in x,
    x / y in y (0 where x == 0, where JAX's custom rule gives NaN at y == 0)."""
    x, y = _floats_b(("scipy.special.xlogy", x, y))
    return _xlogy(x, y)


def xlog1py(x, y):
    """x * log1p(y), 0 where x == 0 (even for y == -1); derivatives as xlogy's."""
    x, y = _floats_b(("scipy.special.xlog1py", x, y))
    return _xlog1py(x, y)


def expit(x):
    """The logistic sigmoid 1 / (1 + exp(-x)), exact for any x."""
    return fnp.sigmoid(_float(x, "scipy.special.expit"))


def log_expit(x):
    """log(expit(x)) = -softplus(-x), exact for any x."""
    return fnp.negative(fnp.softplus(fnp.negative(_float(x, "scipy.special.log_expit"))))


def logit(p):
    """log(p / (1 - p)), written log(p) - log1p(-p)."""
    p = _float(p, "scipy.special.logit")
    return fnp.subtract(fnp.log(p), fnp.log1p(fnp.negative(p)))


def softmax(x, axis=None):
    """exp(x) / sum(exp(x), axis); ``axis=None`` is every axis (scipy's default)."""
    return fnp.softmax(_float(x, "scipy.special.softmax"), axis=axis)


def log_softmax(x, axis=None):
    """x - logsumexp(x, axis, keepdims=True); ``axis=None`` is every axis."""
    return fnp.log_softmax(_float(x, "scipy.special.log_softmax"), axis=axis)


def entr(x):
    """-x log(x) for x > 0, 0 at 0, -inf for x < 0 (as scipy)."""
    x = _float(x, "scipy.special.entr")
    if isinstance(x, float):
        x = fnp.asarray(x)
    pos = fnp.greater(x, 0)
    safe = fnp.where(pos, x, fnp.ones_like(x))
    val = fnp.negative(fnp.multiply(safe, fnp.log(safe)))
    rest = fnp.where(fnp.equal(x, 0), fnp.zeros_like(x), fnp.full_like(x, -_np.inf))
    return fnp.where(pos, val, fnp.where(fnp.isnan(x), x, rest))


def logsumexp(a, axis=None, b=None, keepdims=False, return_sign=False):
    """log(sum(b * exp(a), axis)), stable for any magnitudes (as
    jax.scipy.special.logsumexp): ``b`` (broadcast against ``a``) weights the
    terms and may be negative; with ``return_sign=True`` the result is
    ``(log|s|, sign(s))``, else the log of a negative sum is NaN.  One
    implementation serves this name and ``functorch_lite.nn.logsumexp``."""
    return _nn.logsumexp(a, axis=axis, b=b, keepdims=keepdims, return_sign=return_sign)
