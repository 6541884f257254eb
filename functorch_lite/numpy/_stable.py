"""Numerically stable helpers: logsumexp, softmax, log_softmax, sigmoid, softplus.

All are compositions of primitives (so every derivative order works) built
to be exact in float64 (measured within 1e-14 relative) over the whole real line and
to keep gradients finite:

- the max-shift uses stop_gradient(max(x)); the result does not depend on the
  shift, so derivatives are exact and ties in the max do not matter.  A shift
  of -inf (a row that is entirely -inf) is replaced by 0.  log(sum) is taken
  as log1p(sum - 1) with the "- 1" exact (see _lse_parts), so logsumexp and
  log_softmax keep full relative precision near 0.
- rows that are entirely -inf: logsumexp is -inf and softmax / log_softmax
  are NaN, the values JAX and PyTorch give; unlike them the gradient there is
  0, not NaN (the log / division is taken of a stand-in 1 and selected away).
- sigmoid and softplus pick the branch whose exp cannot overflow with a
  "double where" (the unused branch sees a harmless 0), and softplus uses an
  accurate log1p (Goldberg's trick, see _log1p_nonneg).
"""
import numpy as _np

from ..core.trace import get_aval
from .. import primitives as P
from ._base import _axes
from ._elementwise import _float


def _full(x, value):
    return P.full_like(x, value)      # on x's backend


def _keepdims_shape(shape, axes):
    return tuple(1 if i in axes else d for i, d in enumerate(shape))


def _prepare(x, axis, name):
    x = _float(x)
    nd = get_aval(x).ndim
    return x, (() if nd == 0 else _axes(axis, nd, name))


def _lse_parts(x, axes):
    """(shifted, m, log_s, empty), everything with keepdims shapes:

    shifted = x - m, m = stop_gradient(max) (0 where the max is not finite),
    log_s = log(sum(exp(shifted))) computed as log1p(r) with r = sum - 1 formed
    without rounding (the max entries contribute exp(0) - 1 = 0 exactly, which
    still has the derivative of exp), so results near 0 keep full relative
    precision; empty marks rows that are entirely -inf (log_s = -inf there,
    with a zero gradient)."""
    shape = get_aval(x).shape
    kshape = _keepdims_shape(shape, axes)
    m_raw = P.stop_gradient(P.reshape(P.reduce_max(x, axes), kshape))
    m = P.select(P.lt(P.abs(m_raw), _np.inf), m_raw, P.zeros_like(m_raw))
    empty = P.eq(m_raw, -_np.inf)
    shifted = P.sub(x, m)
    e = P.exp(shifted)
    top = P.eq(shifted, 0.0)
    w = P.select(top, P.sub(e, 1.0), e)
    c = P.reduce_sum(P.convert_element_type(top, get_aval(x).dtype), axes)
    r = P.add(P.reshape(P.reduce_sum(w, axes), kshape), P.reshape(P.sub(c, 1.0), kshape))
    log_s = P.select(empty, _full(r, -_np.inf),
                     _log1p_nonneg(P.select(empty, P.zeros_like(r), r)))
    return shifted, m, log_s, empty, e


def logsumexp(x, axis=None, keepdims=False):
    """log(sum(exp(x), axis)), stable and accurate for any magnitudes."""
    x, axes = _prepare(x, axis, "logsumexp")
    if not axes:
        return x
    _, m, log_s, _, _ = _lse_parts(x, axes)
    out = P.add(log_s, m)
    if not keepdims:
        out = P.reshape(out, tuple(d for i, d in enumerate(get_aval(x).shape) if i not in axes))
    return out


def softmax(x, axis=-1):
    """Softmax along ``axis`` (an int or tuple of ints), as ``jax.nn.softmax``.

    Computed with the maximum subtracted, so large inputs do not overflow; a
    slice that is all ``-inf`` gives NaN (as JAX and PyTorch) with a zero
    gradient.  NumPy has no softmax; ``torch.softmax`` names the axis ``dim``.
    ``axis=()`` gives ones.
    """
    x, axes = _prepare(x, axis, "softmax")
    if not axes:
        return P.ones_like(x)
    _, _, _, empty, e = _lse_parts(x, axes)
    s = P.reshape(P.reduce_sum(e, axes), get_aval(empty).shape)
    out = P.div(e, P.select(empty, P.ones_like(s), s))
    # an all -inf row gives NaN as in JAX/PyTorch, with a 0 gradient
    return P.select(empty, _full(s, _np.nan), out)


def log_softmax(x, axis=-1):
    """``x - logsumexp(x, axis, keepdims=True)``, as ``jax.nn.log_softmax``.

    Stable for large inputs (the maximum is subtracted first).  NumPy has no
    log_softmax; ``torch.log_softmax`` names the axis ``dim``.  ``axis=()``
    gives zeros.
    """
    x, axes = _prepare(x, axis, "log_softmax")
    if not axes:
        return P.zeros_like(x)
    shifted, _, log_s, empty, _ = _lse_parts(x, axes)
    out = P.sub(shifted, P.select(empty, P.zeros_like(log_s), log_s))
    # an all -inf row gives NaN as in JAX/PyTorch, with a 0 gradient
    return P.select(empty, _full(log_s, _np.nan), P.select(empty, P.zeros_like(out), out))


def sigmoid(x):
    """1 / (1 + exp(-x)), exact for any x (no overflow, no cancellation)."""
    x = _float(x)
    pos = P.ge(x, 0.0)
    zero = P.zeros_like(x)
    xp = P.select(pos, x, zero)        # each branch only sees the inputs it handles
    xn = P.select(pos, zero, x)
    en = P.exp(xn)
    return P.select(pos, P.div(1.0, P.add(1.0, P.exp(P.neg(xp)))), P.div(en, P.add(1.0, en)))


def _log1p_nonneg(e):
    """log(1 + e) for e >= 0, accurate to a few ulps.

    Value: Goldberg's log(u) * e / (u - 1) with u = 1 + e.  Its factor
    e / (u - 1) is 1 in exact arithmetic, so it is folded in as a
    stop_gradient correction: the derivative is that of log(u), i.e. 1 / (1 + e),
    rather than a cancellation-prone derivative of the ratio."""
    u = P.add(1.0, e)
    d = P.sub(u, 1.0)
    tiny = P.eq(d, 0.0)                # 1 + e rounded to 1: log1p(e) = e to full precision
    lu = P.log(u)
    # tiny: the value e enters as a stop_gradient correction too, so that every
    # derivative stays log(u)'s (returning e itself made the second derivative 0,
    # not -1/(1+e)**2: the +1 in logsumexp's hessian at a dominant entry)
    corr = P.stop_gradient(P.select(
        tiny, P.sub(e, lu), P.sub(P.div(P.mul(lu, e), P.select(tiny, P.ones_like(d), d)), lu)))
    return P.select(P.eq(u, _np.inf), lu, P.add(lu, corr))    # log1p(inf) = inf, not NaN


def softplus(x):
    """log(1 + exp(x)), exact for any x."""
    x = _float(x)
    pos = P.gt(x, 0.0)
    zero = P.zeros_like(x)
    xp = P.select(pos, x, zero)
    xn = P.select(pos, zero, x)
    # x > 0: x + log1p(exp(-x));  x <= 0: log1p(exp(x))
    return P.select(pos, P.add(xp, _log1p_nonneg(P.exp(P.neg(xp)))),
                    _log1p_nonneg(P.exp(xn)))
