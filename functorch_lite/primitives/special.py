"""Special functions: erf, erf_inv, lgamma, digamma, polygamma.

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


def polygamma(n, x):
    """The n-th derivative of digamma; ``n`` is a static non-negative integer."""
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)) or n < 0:
        raise TypeError(f"polygamma: the order n must be a non-negative Python int (it is "
                        f"static, as a parameter of the primitive), got {n!r}")
    return polygamma_p.bind(_real(x, "polygamma"), n=int(n))
