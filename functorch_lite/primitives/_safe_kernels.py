"""Kernels of the NaN-safe cotangent products (``mul_safe``, ``tanh_grad``):
``ct * d``, but exactly 0 wherever ct == 0 even if d is inf or nan.

Only array code lives here (the kernels, the plan's ``specialize`` hooks and
the finiteness probe); the primitives and their rules are in elementwise.py.
On the host the cheap way is a finiteness probe (one BLAS dot) and then the
plain product; a backend with its own one-kernel ``mul_safe`` (CuPy) uses that.
"""
import cmath
import math
import warnings
from typing import Any

import numpy as np

# The probe's sum of squares may overflow (a large but finite d): that only
# sends us the exact way, so NumPy's "overflow encountered in dot" warning
# about it is noise.  A filter scoped to this module's probe costs nothing
# per call (np.errstate around every probe would add ~1.5 us).
warnings.filterwarnings("ignore", message="overflow encountered in dot",
                        category=RuntimeWarning, module=__name__.replace(".", r"\."))


def _finite(d):
    """True when d has no inf/nan, by one cheap BLAS pass: a finite sum of squares
    means none (an overflowing sum only answers False, sending us the exact way)."""
    if getattr(d, "ndim", 0) == 0:          # Python / NumPy scalars, 0-d arrays
        return cmath.isfinite(d)            # cmath: complex values too (holomorphic grad)
    n = d.size
    if n > 1:
        f = d if d.ndim == 1 else d.ravel()
        return cmath.isfinite(f.dot(f))
    return n == 0 or cmath.isfinite(d.item())


def _mul_safe_exact(xp, ct, d):
    finite = xp.isfinite(d)
    with np.errstate(invalid="ignore"):
        out = xp.multiply(ct, d)
    return xp.where(xp.logical_and(~finite, ct == 0), xp.zeros((), dtype=out.dtype), out)


_own_mul_safe: dict[Any, Any] = {}   # namespace -> its own one-kernel mul_safe, or None


def _backend_mul_safe(xp):
    """A backend's own one-kernel mul_safe, or None; looked up once per namespace
    (a missing attribute on the numpy module costs a microsecond per lookup)."""
    try:
        return _own_mul_safe[xp]
    except KeyError:
        f = _own_mul_safe[xp] = getattr(xp, "mul_safe", None)
        return f


def _mul_safe_impl(xp, ct, d):
    # ct * d, but exactly 0 wherever ct == 0 (even if d is inf or nan): a branch
    # that a where() did not select must not poison the gradient with 0*inf.
    fused = _backend_mul_safe(xp)
    if fused is None:
        # no such kernel: the host way, a finiteness probe and then the plain
        # product (reading a device array's probe back would cost a sync)
        if _finite(d):
            return ct * d
    elif getattr(ct, "ndim", 0) and getattr(d, "ndim", 0):
        out = fused(ct, d)                    # None for dtypes it does not cover
        if out is not None:
            return out
    return _mul_safe_exact(xp, ct, d)


def _mul_safe_specialize(xp, in_avals, out_avals):
    """For a backend without its own mul_safe kernel (the host): probe d's
    finiteness with one dot of its static shape, then a plain multiply,
    optionally into a recycled buffer; otherwise the exact kernel."""
    da = in_avals[1]
    if _backend_mul_safe(xp) is not None or da.size <= 1 or \
            np.dtype(da.dtype).kind != "f":
        return None
    isfinite, mul, flat = math.isfinite, xp.multiply, da.ndim == 1

    def kern(ct, d):
        f = d if flat else d.ravel()
        if isfinite(f.dot(f)):
            return mul(ct, d)
        return _mul_safe_exact(xp, ct, d)

    def out_kern(ct, d, o):
        f = d if flat else d.ravel()
        if isfinite(f.dot(f)):
            return mul(ct, d, o)
        return _mul_safe_exact(xp, ct, d)
    return kern, out_kern


def _tanh_grad_impl(xp, ct, o, safe):
    d = xp.multiply(o, o)
    if getattr(d, "ndim", 0) == 0 or (safe and _backend_mul_safe(xp) is not None):
        return _mul_safe_impl(xp, ct, 1 - d) if safe else ct * (1 - d)
    xp.subtract(d.dtype.type(1), d, out=d)
    if safe and not _finite(d):
        return _mul_safe_exact(xp, ct, d)
    if getattr(ct, "shape", ()) == d.shape or getattr(ct, "ndim", 0) == 0:
        return xp.multiply(ct, d, out=d)
    return xp.multiply(ct, d)


def _tanh_grad_specialize(xp, in_avals, out_avals, safe):
    """The host plan's kernel: the same steps with the lookups done once (and no
    finiteness probe once the finiteness pass has proven o finite: safe=False).
    Its out= form writes only the last product into the buffer, which may be
    ct's or o's own (the plan reuses a dying input's buffer)."""
    ca, oa = in_avals
    if (safe and _backend_mul_safe(xp) is not None) or oa.ndim == 0 or ca.shape != oa.shape:
        return None
    mul, sub, isfinite = xp.multiply, xp.subtract, math.isfinite
    one, flat = np.dtype(oa.dtype).type(1), oa.ndim == 1

    def kern(ct, o):
        d = mul(o, o)
        sub(one, d, d)
        if safe and not isfinite((d if flat else d.ravel()).dot(d if flat else d.ravel())):
            return _mul_safe_exact(xp, ct, d)
        return mul(ct, d, d)

    def out_kern(ct, o, out):
        d = out if out is not ct else mul(o, o)   # o's buffer is fine: read first
        if d is out:
            mul(o, o, d)
        sub(one, d, d)
        if safe and not isfinite((d if flat else d.ravel()).dot(d if flat else d.ravel())):
            return _mul_safe_exact(xp, ct, d.copy() if d is out else d)
        return mul(ct, d, out)
    return kern, out_kern
