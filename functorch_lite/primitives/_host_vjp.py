"""Host vjp rules (the ``host_vjp`` trait) of the hot elementwise primitives.

Each computes, on host NumPy arrays, exactly what the primitive's ``vjp``
computes through ``bind``: the same kernels on the same operands in the same
order, so the results agree bit for bit (``tests/test_host_vjp.py`` checks
edge values).  They skip ``bind``, promotion and the wrappers, which cost
more than the kernels on small arrays.  Where the rule would promote, sum a
broadcast back down, or meet a NumPy scalar cotangent, they answer None and
the primitive rule runs.  Only ``reverse.backward_pass`` calls them, with no
transform active (see ``core/primitive.py``).
"""
import math
import warnings

import numpy as np

from ._safe_kernels import _mul_safe_exact, _mul_safe_impl, _tanh_grad_impl

# the finiteness probe's sum of squares may overflow (then the exact kernel runs):
# NumPy's warning about it is noise, as in _safe_kernels
warnings.filterwarnings("ignore", message="overflow encountered in dot",
                        category=RuntimeWarning, module=__name__.replace(".", r"\."))

_nd = np.ndarray
_gen = np.generic
_isfinite = math.isfinite
_mul, _sub = np.multiply, np.subtract


def _safe(c, d):
    """``_mul_safe_impl(np, c, d)`` (mul_safe's host kernel) with its common case,
    a real vector d, inline: the same finiteness probe, then the same product."""
    if type(d) is _nd and d.ndim == 1 and d.size > 1 and d.dtype.kind == "f":
        if _isfinite(d.dot(d)):
            return c * d
        return _mul_safe_exact(np, c, d)
    return _mul_safe_impl(np, c, d)


def _same(v, ct):
    """``v`` is a host value the rule would combine with ``ct`` unpromoted."""
    return (type(v) is _nd or isinstance(v, _gen)) and v.dtype == ct.dtype


# ------------------------------------------------------------------- unary
# ``times(c, v)``: c * deriv, NaN-safe, from the input (saves "ins") or the output

def unary(times, reads_out):
    """The host vjp of a one-input primitive whose rule is ``safe_mul(ct, deriv)``."""
    if reads_out:
        def host_vjp(ct, ins, out, needs):
            if type(out) is not _nd or out.dtype != ct.dtype:
                return None
            return (times(ct, out),)
    else:
        def host_vjp(ct, ins, out, needs):
            x = ins[0]
            if type(x) is not _nd or x.dtype != ct.dtype:
                return None
            return (times(ct, x),)
    return host_vjp


def neg_vjp(ct, ins, out, needs):
    return (np.negative(ct),)


# the rules' derivatives, as their primitives' kernels compute them
def sin_times(c, x):
    return _safe(c, np.cos(x))


def cos_times(c, x):
    return _safe(c, np.negative(np.sin(x)))


def exp_times(c, o):
    return _safe(c, o)


def log_times(c, x):            # reciprocal(x) = div(1.0, x), 1.0 promoted to x's dtype
    return _safe(c, np.true_divide(x.dtype.type(1.0), x))


def sqrt_times(c, o):           # div(0.5, o)
    return _safe(c, np.true_divide(o.dtype.type(0.5), o))


def tanh_times(c, o):
    """One tanh_grad kernel (its eager form): ``_tanh_grad_impl(np, c, o, True)``
    with its common case, real vectors of one shape, inline."""
    if o.ndim == 1 and o.dtype.kind == "f" and c.shape == o.shape:
        d = _mul(o, o)
        _sub(d.dtype.type(1), d, d)
        n = o.size
        if not (_isfinite(d.dot(d)) if n > 1 else n == 0 or _isfinite(d.item())):
            return _mul_safe_exact(np, c, d)
        return _mul(c, d, d)
    return _tanh_grad_impl(np, c, o, True)


# ------------------------------------------------------------------ binary

def _shape(v):
    return getattr(v, "shape", ())


def add_vjp(ct, ins, out, needs):
    x, y = ins              # avals (or 0-d values): only shapes are read
    shape = ct.shape
    if (needs[0] and _shape(x) != shape) or (needs[1] and _shape(y) != shape):
        return None         # a broadcast input: the rule sums ct down
    return (ct if needs[0] else None, ct if needs[1] else None)


def sub_vjp(ct, ins, out, needs):
    x, y = ins
    shape = ct.shape
    if (needs[0] and _shape(x) != shape) or (needs[1] and _shape(y) != shape):
        return None
    return (ct if needs[0] else None, np.negative(ct) if needs[1] else None)


def mul_vjp(ct, ins, out, needs):
    x, y = ins
    if x is y and needs[0] and needs[1]:
        if not _same(x, ct):
            return None
        c = _safe(ct, x)
        return (c, c) if type(c) is _nd and c.shape == x.shape else None
    cx = cy = None
    if needs[0]:
        if not _same(y, ct) or type(x) is not _nd and not isinstance(x, _gen):
            return None
        cx = _safe(ct, y)
        if type(cx) is not _nd or cx.shape != x.shape:
            return None
    if needs[1]:
        if not _same(x, ct) or type(y) is not _nd and not isinstance(y, _gen):
            return None
        cy = _safe(ct, x)
        if type(cy) is not _nd or cy.shape != y.shape:
            return None
    return cx, cy


def div_vjp(ct, ins, out, needs):
    x, y = ins
    if not _same(y, ct):
        return None
    cx = cy = None
    if needs[0]:            # safe_div(c, y) = safe_mul(c, div(1.0, y))
        cx = _safe(ct, np.true_divide(y.dtype.type(1.0), y))
        if type(cx) is not _nd or type(x) is not _nd and not isinstance(x, _gen) or \
                cx.shape != x.shape:
            return None
    if needs[1]:            # neg(safe_mul(c, div(o, y)))
        if not _same(out, ct):
            return None
        cy = np.negative(_safe(ct, np.true_divide(out, y)))
        if type(cy) is not _nd or cy.shape != y.shape:
            return None
    return cx, cy
