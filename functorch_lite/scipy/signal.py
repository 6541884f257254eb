"""functorch_lite.scipy.signal: convolve and correlate (N-D, modes full/same/valid).

Written as one contraction: the zero-padded first input is cut into its
sliding windows with reshapes and slices (no index arrays, so nothing is
built on the host) and contracted with the flipped second input, so both
inputs are differentiable to any order, vmap and jit go through, and any
backend works.  The windows take (output size) x (kernel size) memory: meant for the
short kernels of signal processing and ML, not for FFT-sized convolutions.

Differences from SciPy/JAX: ``method`` ('auto', 'direct', 'fft') is accepted
and ignored; complex inputs are not supported.
"""

from ..core.trace import get_aval
from .. import numpy as fnp
from .. import primitives as P
from .special import _floats

__all__ = ["convolve", "correlate"]

_MODES = ("full", "same", "valid")


def _windows_last(x, k):
    """(..., L) -> (..., L - k + 1, k): the length-k windows of the last axis,
    w[..., n, j] = x[..., n + j], by the skew trick (no index arrays): broadcast
    to n + 1 rows, flatten, keep n (L + 1) entries and re-read them with row
    length L + 1, so row n starts n places further along."""
    s = get_aval(x).shape
    lead, L = s[:-1], s[-1]
    n = L - k + 1
    nd = len(lead)
    rows = P.broadcast_in_dim(x, lead + (n + 1, L), tuple(range(nd)) + (nd + 1,))
    flat = P.reshape(rows, lead + ((n + 1) * L,))
    flat = P.slice_(flat, (0,) * (nd + 1), lead + (n * (L + 1),))
    skew = P.reshape(flat, lead + (n, L + 1))
    return P.slice_(skew, (0,) * (nd + 2), lead + (n, k))


def _full_conv(a, v):
    """Full N-D convolution of a and v (same ndim): out[n] = sum_k a[n - k] v[k],
    as the windows of the zero-padded a contracted with the flipped v."""
    sv = get_aval(v).shape
    nd = len(sv)
    x = fnp.pad(a, [(k - 1, k - 1) for k in sv])
    for d in range(nd):                  # axis d -> (out_d, k_d) at positions 2d, 2d + 1
        x = fnp.moveaxis(x, 2 * d, -1)
        x = _windows_last(x, sv[d])
        x = fnp.moveaxis(fnp.moveaxis(x, -2, 2 * d), -1, 2 * d + 1)
    return fnp.tensordot(x, fnp.flip(v), axes=(list(range(1, 2 * nd, 2)), list(range(nd))))


def _check(name, in1, in2, mode):
    if mode not in _MODES:
        raise ValueError(f"{name}: mode must be one of {_MODES}, got {mode!r}")
    a, v = _floats(name, in1, in2)
    a, v = fnp.asarray(a), fnp.asarray(v)
    sa, sv = get_aval(a).shape, get_aval(v).shape
    if len(sa) != len(sv):
        raise ValueError(f"{name}: in1 and in2 must have the same number of dimensions, "
                         f"got shapes {sa} and {sv}")
    if 0 in sa or 0 in sv:
        raise ValueError(f"{name}: in1 and in2 must not be empty, got shapes {sa} and {sv}")
    return a, v, sa, sv


def _crop(full, sa, sv, mode):
    fs = get_aval(full).shape
    if mode == "full":
        return full
    if mode == "same":
        starts = [(f - n) // 2 for f, n in zip(fs, sa)]
        sizes = sa
    else:
        sizes = [max(x, y) - min(x, y) + 1 for x, y in zip(sa, sv)]
        starts = [min(x, y) - 1 for x, y in zip(sa, sv)]
    return P.slice_(full, tuple(starts), tuple(s + n for s, n in zip(starts, sizes)))


def _valid_order(name, sa, sv):
    """valid mode: one input must be at least as large as the other in every
    axis (scipy); returns whether in2 is the larger one."""
    if all(x >= y for x, y in zip(sa, sv)):
        return False
    if all(y >= x for x, y in zip(sa, sv)):
        return True
    raise ValueError(f"{name}: in 'valid' mode one of in1 {sa} and in2 {sv} must be at "
                     f"least as large as the other in every dimension")


def convolve(in1, in2, mode="full", method="auto"):
    """N-dimensional convolution of in1 and in2 (same number of dimensions);
    ``mode`` 'full' (every overlap), 'same' (in1's shape, centred as scipy) or
    'valid' (full overlaps only)."""
    a, v, sa, sv = _check("scipy.signal.convolve", in1, in2, mode)
    if len(sa) == 0:
        return fnp.multiply(a, v)
    if mode == "valid" and _valid_order("scipy.signal.convolve", sa, sv):
        return _crop(_full_conv(v, a), sv, sa, mode)
    return _crop(_full_conv(a, v), sa, sv, mode)


def correlate(in1, in2, mode="full", method="auto"):
    """N-dimensional cross-correlation: z[k] = sum_l in1[l] in2[l - k + N - 1]
    (convolution with in2 flipped in every axis); modes as convolve."""
    a, v, sa, sv = _check("scipy.signal.correlate", in1, in2, mode)
    if len(sa) == 0:
        return fnp.multiply(a, v)
    if mode == "valid" and _valid_order("scipy.signal.correlate", sa, sv):
        # scipy: correlate(a, v) with v larger is correlate(v, a) reversed
        return fnp.flip(_crop(_full_conv(v, fnp.flip(a)), sv, sa, mode))
    return _crop(_full_conv(a, fnp.flip(v)), sa, sv, mode)
