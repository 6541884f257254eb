"""jax.nn's functions, written once over primitives (arrays and tracers in, arrays out).

The public spellings live above the facade: ``functorch_lite.nn.<name>`` (JAX's
signatures, taking arrays or Tensors) and ``functorch_lite.nn.functional.<name>``
(PyTorch's signatures where PyTorch has the name).  This module sits in the
``numpy`` layer so that ``fl.grad``/``vmap``/``jit`` and the facade differentiate
the very same compositions; it is not re-exported by ``functorch_lite.numpy``
(jax.numpy has no ``relu``).

Conventions, as the rest of the library: float32 stays float32; integer and bool
inputs of the floating functions are promoted to float64 (JAX with x64 on does
the same; JAX rejects ints in ``sigmoid``); kinks take the one-sided derivative
JAX's ``where`` formulation gives (relu'(0) = 0, leaky_relu'(0) = 1, ...), and
every branch is a ``select`` whose untaken side gets an exact zero cotangent, so
no gradient is NaN where the value is finite.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import concrete_value, get_aval
from ..primitives.special import erfc as _erfc
from ._base import _arr, _axes, _norm_axis, _v
from ._elementwise import _float
from . import _stable

__all__ = ["relu", "relu6", "gelu", "silu", "swish", "elu", "selu", "celu", "leaky_relu",
           "hard_tanh", "hard_sigmoid", "hard_swish", "hard_silu", "softplus", "soft_sign",
           "sigmoid", "log_sigmoid", "softmax", "log_softmax", "logsumexp", "one_hot",
           "standardize", "normalize", "glu", "mish", "identity"]

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def _real(x, name):
    x = _arr(x, name)
    if x.dtype.kind not in "biuf":
        raise TypeError(f"{name}: x must be a real array, got dtype {x.dtype}")
    return x


def _flt(x, name):
    return _float(_real(x, name), name)


def _c(x, value):
    """A constant of x's shape, dtype and backend."""
    return P.full_like(x, value)


def _scalar(v, name, arg):
    if isinstance(v, (bool, _np.bool_)):
        raise TypeError(f"{name}: {arg} must be a number, got {v!r}")
    if isinstance(v, (int, float, _np.integer, _np.floating)):
        return float(v)
    return _arr(v, name)        # an array parameter (JAX allows ArrayLike)


# ---------------------------------------------------------------- piecewise-linear

def relu(x):
    """max(x, 0).  The derivative at 0 is 0 (as JAX).  Integer dtypes are kept."""
    x = _real(x, "relu")
    return P.select(P.gt(x, 0), x, P.zeros_like(x))


def relu6(x):
    """min(max(x, 0), 6); the derivative is 0 at both kinks (as JAX).  Integer
    dtypes are kept."""
    x = _real(x, "relu6")
    return P.select(P.gt(x, 0), P.select(P.lt(x, 6), x, _c(x, 6)), P.zeros_like(x))


def hard_tanh(x):
    """x clipped to [-1, 1]; the derivative is 1 at +-1 (as JAX).  Integer dtypes
    are kept."""
    x = _real(x, "hard_tanh")
    return P.select(P.gt(x, 1), _c(x, 1), P.select(P.lt(x, -1), _c(x, -1), x))


def _hardtanh(x, lo, hi):
    """x clipped to [lo, hi] with PyTorch's derivative: 0 at the bounds."""
    x = _real(x, "hardtanh")
    return P.select(P.ge(x, hi), _c(x, hi), P.select(P.le(x, lo), _c(x, lo), x))


def leaky_relu(x, negative_slope=0.01):
    """x for x >= 0, negative_slope * x otherwise (derivative 1 at 0, as JAX)."""
    x = _flt(x, "leaky_relu")
    s = _scalar(negative_slope, "leaky_relu", "negative_slope")
    return P.select(P.ge(x, 0), x, P.mul(x, s))


def hard_sigmoid(x):
    """relu6(x + 3) / 6."""
    x = _flt(x, "hard_sigmoid")
    return P.div(relu6(P.add(x, 3.0)), 6.0)


def hard_swish(x):
    """x * hard_sigmoid(x) (also called hard_silu)."""
    x = _flt(x, "hard_swish")
    return P.mul(x, hard_sigmoid(x))


hard_silu = hard_swish


# ---------------------------------------------------------------- smooth activations

def sigmoid(x):
    """1 / (1 + exp(-x)), exact over the whole real line.  Unlike JAX, integer
    inputs are promoted to float64 rather than rejected."""
    return _stable.sigmoid(_flt(x, "sigmoid"))


def softplus(x):
    """log(1 + exp(x)), exact for any x (no overflow for large x, no underflow
    to 0 before exp(x) does for very negative x)."""
    return _stable.softplus(_flt(x, "softplus"))


def log_sigmoid(x):
    """log(sigmoid(x)) = -softplus(-x), exact for any x."""
    return P.neg(_stable.softplus(P.neg(_flt(x, "log_sigmoid"))))


def soft_sign(x):
    """``x / (|x| + 1)``, as ``jax.nn.soft_sign``."""
    x = _flt(x, "soft_sign")
    return P.div(x, P.add(P.abs(x), 1.0))


def silu(x):
    """x * sigmoid(x) (also called swish)."""
    x = _flt(x, "silu")
    return P.mul(x, _stable.sigmoid(x))


swish = silu


def mish(x):
    """x * tanh(softplus(x))."""
    x = _flt(x, "mish")
    return P.mul(x, P.tanh(_stable.softplus(x)))


def elu(x, alpha=1.0):
    """x for x > 0, alpha * (exp(x) - 1) otherwise.  The exponential only sees
    the non-positive part, so large x cannot overflow it (or its gradient)."""
    x = _flt(x, "elu")
    a = _scalar(alpha, "elu", "alpha")
    pos = P.gt(x, 0)
    neg = P.select(pos, P.zeros_like(x), x)
    return P.select(pos, x, P.mul(a, P.expm1(neg)))


def selu(x):
    """scale * elu(x, alpha) with the self-normalising constants
    (alpha ~ 1.6733, scale ~ 1.0507)."""
    return P.mul(elu(_flt(x, "selu"), _SELU_ALPHA), _SELU_SCALE)


def celu(x, alpha=1.0):
    """x for x > 0, alpha * (exp(x / alpha) - 1) otherwise.  At x = 0 the first
    derivative is 1 as in JAX; the second is 1/alpha (JAX's max/min spelling
    averages the two sides there)."""
    x = _flt(x, "celu")
    a = _scalar(alpha, "celu", "alpha")
    pos = P.gt(x, 0)
    neg = P.select(pos, P.zeros_like(x), x)
    return P.select(pos, x, P.mul(a, P.expm1(P.div(neg, a))))


_SQRT_2_OVER_PI = float(_np.sqrt(2.0 / _np.pi))
_SQRT_HALF = float(_np.sqrt(0.5))


def gelu(x, approximate=True):
    """Gaussian error linear unit, x * Phi(x).

    ``approximate=True`` (JAX's default; PyTorch's is exact) uses the tanh form
    x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))); ``approximate=False`` the
    exact x/2 erfc(-x / sqrt 2) (as JAX: accurate in the far negative tail,
    where 1 + erf would cancel)."""
    if not isinstance(approximate, (bool, _np.bool_)):
        raise TypeError(f"gelu: approximate must be a bool, got {approximate!r}")
    x = _flt(x, "gelu")
    if approximate:
        inner = P.mul(_SQRT_2_OVER_PI, P.add(x, P.mul(0.044715, P.integer_pow(x, 3))))
        return P.mul(x, P.mul(0.5, P.add(1.0, P.tanh(inner))))
    return P.mul(P.mul(0.5, x), _erfc(P.mul(x, -_SQRT_HALF)))


def identity(x):
    """x itself (as jax.nn.identity)."""
    return _arr(x, "identity")


# ---------------------------------------------------------------- reductions

def _mask(where, x, name):
    w = _arr(where, name)
    if w.dtype.kind != "b":
        raise TypeError(f"{name}: where must be a boolean array, got dtype {w.dtype}")
    shape = get_aval(x).shape
    wshape = get_aval(w).shape
    try:
        if _np.broadcast_shapes(wshape, shape) != shape:
            raise ValueError
    except ValueError:
        raise ValueError(f"{name}: where of shape {wshape} does not broadcast to x's "
                         f"shape {shape}") from None
    return P.broadcast_to(w, shape) if wshape != shape else w


def _check_axis(axis, nd, name):
    if axis is None:
        return
    for a in ((axis,) if isinstance(axis, (int, _np.integer)) else axis):
        if not isinstance(a, (int, _np.integer)) or isinstance(a, bool):
            raise TypeError(f"{name}: axis must be an int, a tuple of ints or None, "
                            f"got {axis!r}")
        if not -max(nd, 1) <= a < max(nd, 1):
            raise ValueError(f"{name}: axis {a} is out of bounds for an array of "
                             f"dimension {nd}")


def softmax(x, axis=-1, where=None):
    """exp(x) / sum(exp(x), axis), stable for any magnitudes.

    ``where`` masks entries out (they get 0, as in JAX).  A row whose entries
    are all -inf gives NaN as in JAX, but with a zero gradient (JAX's is NaN)."""
    x = _flt(x, "softmax")
    _check_axis(axis, get_aval(x).ndim, "softmax")
    if where is None:
        return _stable.softmax(x, axis)
    w = _mask(where, x, "softmax")
    out = _stable.softmax(P.select(w, x, _c(x, -_np.inf)), axis)
    return P.select(w, out, P.zeros_like(out))


def log_softmax(x, axis=-1, where=None):
    """x - logsumexp(x, axis, keepdims=True), stable and accurate near 0.

    ``where`` masks entries out (they get -inf, as in JAX).  All -inf rows:
    NaN with a zero gradient (JAX: NaN gradient)."""
    x = _flt(x, "log_softmax")
    _check_axis(axis, get_aval(x).ndim, "log_softmax")
    if where is None:
        return _stable.log_softmax(x, axis)
    w = _mask(where, x, "log_softmax")
    out = _stable.log_softmax(P.select(w, x, _c(x, -_np.inf)), axis)
    return P.select(w, out, _c(out, -_np.inf))


def logsumexp(a, axis=None, b=None, keepdims=False, return_sign=False, where=None):
    """log(sum(b * exp(a), axis)), as jax.nn.logsumexp / scipy.special.logsumexp.

    Stable for any magnitudes; an all -inf row (or all-zero ``b``) gives -inf
    with a zero gradient (JAX: NaN gradient).  With ``b`` the sum may be
    negative: then the result is NaN unless ``return_sign=True``, which returns
    ``(log|sum|, sign(sum))``.  Entries where ``b == 0`` are ignored, as in JAX."""
    x = _flt(a, "logsumexp")
    nd = get_aval(x).ndim
    _check_axis(axis, nd, "logsumexp")
    if where is not None:
        x = P.select(_mask(where, x, "logsumexp"), x, _c(x, -_np.inf))
    if b is None and not return_sign:
        return _stable.logsumexp(x, axis, keepdims)
    if b is None:
        out = _stable.logsumexp(x, axis, keepdims)
        return out, P.select(P.eq(out, -_np.inf), P.zeros_like(out), P.ones_like(out))
    bb = _v(b, "logsumexp")
    bb = _float(bb) if not isinstance(bb, (int, float)) else float(bb)
    x, bb = P.promote(x, bb)
    shape = _np.broadcast_shapes(get_aval(x).shape, get_aval(bb).shape)
    x, bb = P.broadcast_to(x, shape), P.broadcast_to(bb, shape)
    axes = () if len(shape) == 0 else _axes(axis, len(shape), "logsumexp")
    kshape = tuple(1 if i in axes else d for i, d in enumerate(shape))
    oshape = tuple(d for i, d in enumerate(shape) if i not in axes)
    x = P.select(P.ne(bb, 0), x, _c(x, -_np.inf))
    m_raw = P.stop_gradient(P.reshape(P.reduce_max(x, axes), kshape))
    m = P.select(P.lt(P.abs(m_raw), _np.inf), m_raw, P.zeros_like(m_raw))
    s = P.reshape(P.reduce_sum(P.mul(bb, P.exp(P.sub(x, m))), axes), kshape)
    zero = P.eq(s, 0)
    mag = P.abs(P.select(zero, P.ones_like(s), s))
    out = P.select(zero, _c(s, -_np.inf), P.add(P.log(mag), m))
    sign = P.sign(s)
    if not return_sign:
        out = P.select(P.lt(s, 0), _c(out, _np.nan), out)
    if not keepdims:
        out, sign = P.reshape(out, oshape), P.reshape(sign, oshape)
    return (out, sign) if return_sign else out


def _masked_mean(x, axes, w):
    if w is None:
        n = float(_np.prod([get_aval(x).shape[i] for i in axes]))
        return P.div(_keepsum(x, axes), n)
    num = _keepsum(P.select(w, x, P.zeros_like(x)), axes)
    cnt = _keepsum(P.convert_element_type(w, get_aval(x).dtype), axes)
    return P.div(num, cnt)


def _keepsum(x, axes):
    shape = get_aval(x).shape
    return P.reshape(P.reduce_sum(x, axes), tuple(1 if i in axes else d
                                                  for i, d in enumerate(shape)))


def standardize(x, axis=-1, mean=None, variance=None, epsilon=1e-5, where=None, *,
                algorithm="fast"):
    """(x - mean) / sqrt(variance + epsilon) over ``axis``.

    ``mean``/``variance`` default to the (``where``-masked) mean and variance of
    x.  ``algorithm="fast"`` (JAX's default) takes the variance as
    mean(x^2) - mean^2 clipped at 0; ``"stable"`` as mean((x - mean)^2)."""
    x = _flt(x, "standardize")
    nd = get_aval(x).ndim
    _check_axis(axis, nd, "standardize")
    if algorithm not in ("fast", "stable"):
        raise ValueError(f"standardize: algorithm must be 'fast' or 'stable', got "
                         f"{algorithm!r}")
    axes = () if nd == 0 else _axes(axis, nd, "standardize")
    w = None if where is None else _mask(where, x, "standardize")
    mu = _masked_mean(x, axes, w) if mean is None else _v(mean, "standardize")
    if variance is None:
        if algorithm == "stable":
            d = P.sub(x, mu)
            var = _masked_mean(P.mul(d, d), axes, w)
        else:
            var = P.sub(_masked_mean(P.mul(x, x), axes, w), P.mul(mu, mu))
            var = P.select(P.gt(var, 0), var, P.zeros_like(var))
    else:
        var = _v(variance, "standardize")
    if isinstance(var, (int, float)):       # a Python scalar stays weak (float32 kept)
        var = _c(x, var)
    return P.div(P.sub(x, mu), P.sqrt(P.add(var, epsilon)))


def normalize(x, axis=-1, mean=None, variance=None, epsilon=1e-5, where=None):
    """JAX's former name for ``standardize`` (removed from jax.nn in JAX 0.4.x
    deprecations; kept here for old code).  Not PyTorch's F.normalize, which
    ``functorch_lite.nn.functional.normalize`` is."""
    return standardize(x, axis, mean, variance, epsilon, where)


def glu(x, axis=-1):
    """Gated linear unit: with x split in halves a, b along ``axis``, a * sigmoid(b)."""
    x = _flt(x, "glu")
    shape = get_aval(x).shape
    if not isinstance(axis, (int, _np.integer)) or isinstance(axis, bool):
        raise TypeError(f"glu: axis must be an int, got {axis!r}")
    if len(shape) == 0:
        raise ValueError("glu: x must have at least one dimension")
    ax = _norm_axis(axis, len(shape), "glu")
    n = shape[ax]
    if n % 2:
        raise ValueError(f"glu: the size of axis {axis} must be even, got {n}")
    h = n // 2
    lo = [0] * len(shape)
    hi = list(shape)
    hi[ax] = h
    a = P.slice_(x, lo, hi)
    lo[ax], hi[ax] = h, n
    b = P.slice_(x, lo, hi)
    return P.mul(a, _stable.sigmoid(b))


# ---------------------------------------------------------------- one_hot

def _static_int(v, name, arg):
    try:
        c = concrete_value(v) if not isinstance(v, (int, _np.integer)) else v
        iv = int(c)
        if iv != c or isinstance(v, bool):
            raise TypeError
    except Exception:
        raise TypeError(f"{name}: {arg} must be a concrete (static) integer, got "
                        f"{v!r}") from None
    return iv


def one_hot(x, num_classes, *, dtype=None, axis=-1):
    """One-hot encoding: out[..., c] = (x == c) for c in range(num_classes).

    Values outside [0, num_classes) (and non-integral floats) give all-zero
    rows, as in JAX.  ``dtype`` defaults to float64 (JAX's default with x64 on);
    ``axis`` is where the class axis goes in the output.  Not differentiable
    (the result is a constant of x)."""
    x = _real(x, "one_hot")
    n = _static_int(num_classes, "one_hot", "num_classes")
    if n < 0:
        raise ValueError(f"one_hot: num_classes must be non-negative, got {n}")
    dt = _np.dtype(_np.float64 if dtype is None else dtype)
    shape = get_aval(x).shape
    nd = len(shape) + 1
    if not isinstance(axis, (int, _np.integer)) or isinstance(axis, bool):
        raise TypeError(f"one_hot: axis must be an int, got {axis!r}")
    ax = _norm_axis(axis, nd, "one_hot")
    cdt = x.dtype if x.dtype.kind == "f" else _np.dtype(_np.int64)
    # 0..n-1 made on x's backend (full + cumsum: no host array meets a device value)
    classes = P.sub(P.cumsum(P.full((n,), 1, cdt, like=x), 0), P.full((n,), 1, cdt, like=x))
    cshape = [1] * nd
    cshape[ax] = n
    classes = P.reshape(classes, tuple(cshape))
    xs = list(shape)
    xs.insert(ax, 1)
    xv = P.stop_gradient(x)
    if x.dtype.kind in "bu" or x.dtype.kind == "i" and x.dtype != _np.int64:
        xv = P.convert_element_type(xv, _np.int64)
    hit = P.eq(P.reshape(xv, tuple(xs)), classes)
    return P.convert_element_type(hit, dt)


def _lp_normalize(x, p=2.0, axis=1, eps=1e-12):
    """PyTorch's F.normalize: x / max(||x||_p over axis, eps).  A zero vector
    gives 0 with a zero gradient (no NaN from the norm's derivative at 0)."""
    x = _flt(x, "normalize")
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not p > 0:
        raise ValueError(f"normalize: p must be a positive number (or inf), got {p!r}")
    nd = get_aval(x).ndim
    _check_axis(axis, nd, "normalize")
    axes = () if nd == 0 else _axes(axis, nd, "normalize")
    ax = P.abs(x)
    if p == _np.inf:
        m = P.reduce_max(ax, axes)
        n = P.reshape(m, tuple(1 if i in axes else d for i, d in enumerate(get_aval(x).shape)))
    else:
        s = _keepsum(ax if p == 1 else (P.mul(ax, ax) if p == 2 else P.pow(ax, float(p))),
                     axes)
        zero = P.eq(s, 0)
        safe = P.select(zero, P.ones_like(s), s)
        root = P.sqrt(safe) if p == 2 else (safe if p == 1 else P.pow(safe, 1.0 / p))
        n = P.select(zero, P.zeros_like(s), root)
    den = P.select(P.gt(n, eps), n, _c(n, eps))
    return P.div(x, den)
