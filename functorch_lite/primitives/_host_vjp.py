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
import cmath
import math
import warnings
from typing import Any

import numpy as np

from ._safe_kernels import _finite, _mul_safe_exact, _tanh_grad_impl

# the finiteness probe's sum of squares may overflow (then the exact kernel runs):
# NumPy's warning about it is noise, as in _safe_kernels
warnings.filterwarnings("ignore", message="overflow encountered in dot",
                        category=RuntimeWarning, module=__name__.replace(".", r"\."))

_nd = np.ndarray
_gen = np.generic
_isfinite, _cisfinite = math.isfinite, cmath.isfinite
_mul, _sub = np.multiply, np.subtract


def _safe(c, d):
    """``_mul_safe_impl(np, c, d)``, mul_safe's host kernel (NumPy has no fused
    one): ``_finite``'s probe, its array cases inline, then the same product."""
    if type(d) is _nd:
        nd = d.ndim
        if nd == 1:
            n = d.size
            ok = _cisfinite(d.dot(d)) if n > 1 else n == 0 or _cisfinite(d.item())
        elif nd == 0:
            ok = _cisfinite(d.item())
        else:
            ok = _finite(d)
    else:
        ok = _finite(d)
    return c * d if ok else _mul_safe_exact(np, c, d)


def _same(v, ct):
    """``v`` is a host value the rule would combine with ``ct`` unpromoted."""
    return (type(v) is _nd or isinstance(v, _gen)) and v.dtype == ct.dtype


# ------------------------------------------------------------------- unary
# each: the rule's ``safe_mul(ct, deriv)`` on the kept input x (or output o)

def neg_vjp(ct, ins, out, needs):
    return (np.negative(ct),)


def sin_vjp(ct, ins, out, needs):
    x = ins[0]
    if type(x) is not _nd or x.dtype != ct.dtype:
        return None
    d = np.cos(x)
    if d.ndim == 1 and d.size > 1:      # _safe's common case, inline (the hottest rule)
        return (ct * d if _cisfinite(d.dot(d)) else _mul_safe_exact(np, ct, d),)
    return (_safe(ct, d),)


def cos_vjp(ct, ins, out, needs):           # deriv neg(sin(x))
    x = ins[0]
    if type(x) is not _nd or x.dtype != ct.dtype:
        return None
    return (_safe(ct, np.negative(np.sin(x))),)


def log_vjp(ct, ins, out, needs):           # reciprocal(x) = div(1.0, x), 1.0 promoted
    x = ins[0]
    if type(x) is not _nd or x.dtype != ct.dtype:
        return None
    return (_safe(ct, np.true_divide(x.dtype.type(1.0), x)),)


def exp_vjp(ct, ins, out, needs):
    if type(out) is not _nd or out.dtype != ct.dtype:
        return None
    return (_safe(ct, out),)


def sqrt_vjp(ct, ins, out, needs):          # div(0.5, o)
    if type(out) is not _nd or out.dtype != ct.dtype:
        return None
    return (_safe(ct, np.true_divide(out.dtype.type(0.5), out)),)


_ONE: dict[Any, Any] = {}        # dtype -> 1 of that dtype (what _tanh_grad_impl subtracts from)


def _one(dt):
    one = _ONE[dt] = dt.type(1)
    return one


def tanh_vjp(ct, ins, out, needs):
    """One tanh_grad kernel (the rule's eager form), ``_tanh_grad_impl(np, ct, o,
    True)``, with its common case (real vectors of one shape) inline."""
    o = out
    if type(o) is not _nd or o.dtype != ct.dtype:
        return None
    if o.ndim == 1 and ct.shape == o.shape and o.dtype.kind == "f":
        d = _mul(o, o)
        _sub(_ONE.get(o.dtype) or _one(o.dtype), d, d)
        n = o.size
        if not (_isfinite(d.dot(d)) if n > 1 else n == 0 or _isfinite(d.item())):
            return (_mul_safe_exact(np, ct, d),)
        return (_mul(ct, d, d),)
    return (_tanh_grad_impl(np, ct, o, True),)


# ------------------------------------------------------------------ binary

def add_vjp(ct, ins, out, needs):
    x, y = ins              # avals (or 0-d values): only shapes are read
    shape = ct.shape
    nx, ny = needs
    if (nx and getattr(x, "shape", ()) != shape) or (ny and getattr(y, "shape", ()) != shape):
        return None         # a broadcast input: the rule sums ct down
    return (ct if nx else None, ct if ny else None)


def sub_vjp(ct, ins, out, needs):
    x, y = ins
    shape = ct.shape
    nx, ny = needs
    if (nx and getattr(x, "shape", ()) != shape) or (ny and getattr(y, "shape", ()) != shape):
        return None
    return (ct if nx else None, np.negative(ct) if ny else None)


def mul_vjp(ct, ins, out, needs):
    x, y = ins
    nx, ny = needs
    if x is y and nx and ny:
        if not _same(x, ct):
            return None
        c = _safe(ct, x)
        return (c, c) if type(c) is _nd and c.shape == x.shape else None
    cx = cy = None
    if nx:
        if type(y) is _nd and not y.ndim and y.dtype == ct.dtype and type(x) is _nd:
            # x * constant (the facade's 0-d constants): _safe's 0-d case, inline
            cx = ct * y if _cisfinite(y.item()) else _mul_safe_exact(np, ct, y)
        elif not _same(y, ct) or type(x) is not _nd and not isinstance(x, _gen):
            return None
        else:
            cx = _safe(ct, y)
        if type(cx) is not _nd or cx.shape != x.shape:
            return None
    if ny:
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
