"""functorch_lite.numpy.fft: NumPy's ``numpy.fft`` names, traced.

fft ifft rfft irfft hfft ihfft fft2 ifft2 rfft2 irfft2 fftn ifftn rfftn irfftn
fftfreq rfftfreq fftshift ifftshift, with ``n``/``s``, ``axis``/``axes`` and
``norm`` ("backward" (None), "ortho", "forward") as NumPy 2 has them.  Every
transform is one ``fft`` primitive (primitives/fft.py) between a resize (slice
or zero-pad to ``n``) and a move of the axes to the end, so all of them are
differentiable in both modes (JAX's complex convention), vmappable, jit-able
and run on the value's own backend (``numpy.fft`` or ``cupy.fft``).

Differences from NumPy: float32 (complex64) input stays single precision (as
NumPy 2 and JAX); ``rfft``-family input must be real (NumPy discards an
imaginary part with a warning: here it is a TypeError); ``fftn`` with a
repeated axis is an error (NumPy transforms that axis twice).
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import get_aval
from ..primitives import cplx as C
from ..primitives import fft as F
from ._base import _arr, _norm_axis
from ._creation import _to_device
from ._shape import roll

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2",
           "irfft2", "fftn", "ifftn", "rfftn", "irfftn", "fftfreq", "rfftfreq", "fftshift",
           "ifftshift"]

_NORMS = (None, "backward", "ortho", "forward")


def _check_norm(norm, name):
    if norm not in _NORMS:
        raise ValueError(f"{name}: norm must be 'backward', 'ortho' or 'forward' (or None), "
                         f"got {norm!r}")


def _as_complex(x, name):
    dt = get_aval(x).dtype
    if dt.kind == "c":
        return x
    if dt.kind not in "biuf":
        raise TypeError(f"{name}: unsupported dtype {dt}")
    return C.to_complex(x if dt.kind == "f" else P.convert_element_type(x, _np.float64))


def _as_real(x, name):
    dt = get_aval(x).dtype
    if dt.kind == "c":
        raise TypeError(f"{name}: needs real input, got {dt}; take fft of the complex "
                        f"array, or pass x.real explicitly")
    if dt.kind != "f":
        x = P.convert_element_type(x, _np.float64)
    return x


def _resize(x, axis, n, name):
    """x cut or zero-padded along ``axis`` to length n."""
    shape = get_aval(x).shape
    if n < 1:
        raise ValueError(f"{name}: invalid number of data points ({n}) specified; n must "
                         f"be at least 1")
    m = shape[axis]
    if n == m:
        return x
    if n < m:
        return P.slice_(x, (0,) * len(shape), shape[:axis] + (n,) + shape[axis + 1:])
    cfg = [(0, 0, 0)] * len(shape)
    cfg[axis] = (0, n - m, 0)
    return P.pad(x, _np.zeros((), get_aval(x).dtype)[()], cfg)


def _axes_and_sizes(x, s, axes, name, default_last=None):
    """NumPy's (s, axes) rules: axes default to the last len(s) (or all) axes;
    s defaults to the input's sizes there (``default_last`` for the last one)."""
    nd = get_aval(x).ndim
    if axes is None:
        axes = tuple(range(nd - len(s), nd)) if s is not None else tuple(range(nd))
    axes = tuple(_norm_axis(a, nd, name) for a in axes)
    if len(set(axes)) != len(axes):
        raise ValueError(f"{name}: repeated axes {axes} (NumPy transforms such an axis "
                         f"twice; functorch_lite does not support it)")
    if not axes:
        raise ValueError(f"{name}: no axes to transform (input shape {get_aval(x).shape})")
    if s is None:
        shape = get_aval(x).shape
        s = [shape[a] for a in axes]
        if default_last is not None:
            s[-1] = default_last(shape[axes[-1]])
    s = tuple(int(v) for v in s)
    if len(s) != len(axes):
        raise ValueError(f"{name}: s {s} and axes {axes} must have the same length")
    return axes, s


def _to_end(x, axes):
    nd = get_aval(x).ndim
    rest = [i for i in range(nd) if i not in axes]
    perm = tuple(rest) + tuple(axes)
    return P.transpose(x, perm) if perm != tuple(range(nd)) else x, perm


def _from_end(y, perm):
    if perm == tuple(range(len(perm))):
        return y
    inv = tuple(int(i) for i in _np.argsort(perm))
    return P.transpose(y, inv)


def _scaled(y, norm, n_total, inverse):
    """numpy's norm: the kernel is unscaled forward and 1/N inverse ("backward")."""
    if norm in (None, "backward"):
        return y
    if norm == "ortho":
        f = _np.sqrt(n_total) if inverse else 1.0 / _np.sqrt(n_total)
    else:  # "forward"
        f = float(n_total) if inverse else 1.0 / n_total
    return P.mul(y, float(f))


def _cfftn(a, s, axes, norm, kind, name):
    _check_norm(norm, name)
    x = _as_complex(_arr(a, name), name)
    axes, s = _axes_and_sizes(x, s, axes, name)
    for ax, n in zip(axes, s):
        x = _resize(x, ax, n, name)
    xt, perm = _to_end(x, axes)
    y = _from_end(F.fft(xt, kind, s), perm)
    return _scaled(y, norm, int(_np.prod(s)), kind == "ifft")


def _rfftn(a, s, axes, norm, name):
    _check_norm(norm, name)
    x = _as_real(_arr(a, name), name)
    axes, s = _axes_and_sizes(x, s, axes, name)
    for ax, n in zip(axes, s):
        x = _resize(x, ax, n, name)
    xt, perm = _to_end(x, axes)
    y = _from_end(F.fft(xt, "rfft", s), perm)
    return _scaled(y, norm, int(_np.prod(s)), False)


def _irfftn(a, s, axes, norm, name):
    _check_norm(norm, name)
    x = _as_complex(_arr(a, name), name)
    axes, s = _axes_and_sizes(x, s, axes, name, default_last=lambda m: 2 * (m - 1))
    for ax, n in zip(axes[:-1], s[:-1]):
        x = _resize(x, ax, n, name)
    x = _resize(x, axes[-1], s[-1] // 2 + 1, name)
    xt, perm = _to_end(x, axes)
    y = _from_end(F.fft(xt, "irfft", s), perm)
    return _scaled(y, norm, int(_np.prod(s)), True)


def _one(n, axis):
    return (None if n is None else (n,)), (axis,)


def fft(a, n=None, axis=-1, norm=None):
    """One-dimensional DFT along ``axis`` (numpy.fft.fft), input cut/zero-padded to ``n``."""
    return _cfftn(a, *_one(n, axis), norm, "fft", "fft")


def ifft(a, n=None, axis=-1, norm=None):
    """One-dimensional inverse DFT (numpy.fft.ifft)."""
    return _cfftn(a, *_one(n, axis), norm, "ifft", "ifft")


def fftn(a, s=None, axes=None, norm=None):
    """N-dimensional DFT over ``axes`` (default: the last len(s), or all) (numpy.fft.fftn)."""
    return _cfftn(a, s, axes, norm, "fft", "fftn")


def ifftn(a, s=None, axes=None, norm=None):
    """N-dimensional inverse DFT (numpy.fft.ifftn)."""
    return _cfftn(a, s, axes, norm, "ifft", "ifftn")


def fft2(a, s=None, axes=(-2, -1), norm=None):
    """Two-dimensional DFT over ``axes`` (numpy.fft.fft2)."""
    return _cfftn(a, s, axes, norm, "fft", "fft2")


def ifft2(a, s=None, axes=(-2, -1), norm=None):
    """Two-dimensional inverse DFT (numpy.fft.ifft2)."""
    return _cfftn(a, s, axes, norm, "ifft", "ifft2")


def rfft(a, n=None, axis=-1, norm=None):
    """DFT of real input, the n//2 + 1 non-negative frequencies (numpy.fft.rfft)."""
    return _rfftn(a, *_one(n, axis), norm, "rfft")


def irfft(a, n=None, axis=-1, norm=None):
    """Inverse of rfft: real output of length n (default 2 * (m - 1)) (numpy.fft.irfft)."""
    return _irfftn(a, *_one(n, axis), norm, "irfft")


def rfftn(a, s=None, axes=None, norm=None):
    """N-dimensional DFT of real input (numpy.fft.rfftn); the last axis is halved."""
    return _rfftn(a, s, axes, norm, "rfftn")


def irfftn(a, s=None, axes=None, norm=None):
    """Inverse of rfftn (numpy.fft.irfftn)."""
    return _irfftn(a, s, axes, norm, "irfftn")


def rfft2(a, s=None, axes=(-2, -1), norm=None):
    """Two-dimensional rfftn (numpy.fft.rfft2)."""
    return _rfftn(a, s, axes, norm, "rfft2")


def irfft2(a, s=None, axes=(-2, -1), norm=None):
    """Two-dimensional irfftn (numpy.fft.irfft2)."""
    return _irfftn(a, s, axes, norm, "irfft2")


_SWAP = {None: "forward", "backward": "forward", "ortho": "ortho", "forward": "backward"}


def hfft(a, n=None, axis=-1, norm=None):
    """DFT of a Hermitian-symmetric signal given by its first half: real output of
    length n (default 2 * (m - 1)) (numpy.fft.hfft: irfft(conj(a)) with the norm swapped)."""
    _check_norm(norm, "hfft")
    x = _as_complex(_arr(a, "hfft"), "hfft")
    return _irfftn(C.conj(x), *_one(n, axis), _SWAP[norm], "hfft")


def ihfft(a, n=None, axis=-1, norm=None):
    """Inverse of hfft: real input, n//2 + 1 complex outputs (numpy.fft.ihfft:
    conj(rfft(a)) with the norm swapped)."""
    _check_norm(norm, "ihfft")
    return C.conj(_rfftn(a, *_one(n, axis), _SWAP[norm], "ihfft"))


def _freq_n(n, name):
    if isinstance(n, bool) or not isinstance(n, (int, _np.integer)) or n < 1:
        raise ValueError(f"{name}: n must be a positive integer, got {n!r}")
    return int(n)


def fftfreq(n, d=1.0, *, dtype=None, device=None):
    """The sample frequencies of an n-point DFT with spacing d (numpy.fft.fftfreq):
    [0, 1, ..., n//2 - 1 (or (n-1)//2), -(n//2), ..., -1] / (n d).  ``d`` may be traced;
    ``dtype`` (JAX's argument) sets the float dtype (default float64, or d's);
    ``device`` (the Array API's) places the result."""
    n = _freq_n(n, "fftfreq")
    k = _np.concatenate([_np.arange(0, (n - 1) // 2 + 1), _np.arange(-(n // 2), 0)])
    return _placed(_freq(k, n, d, dtype), device, "fftfreq")


def rfftfreq(n, d=1.0, *, dtype=None, device=None):
    """The sample frequencies of rfft's n//2 + 1 outputs (numpy.fft.rfftfreq)."""
    n = _freq_n(n, "rfftfreq")
    return _placed(_freq(_np.arange(0, n // 2 + 1), n, d, dtype), device, "rfftfreq")


def _placed(x, device, name):
    return x if device is None else _to_device(x, device, name)


def _freq(k, n, d, dtype):
    if isinstance(d, (int, float)) and not isinstance(d, bool):
        dt = _np.dtype(dtype or _np.float64)
        return (k / (n * d)).astype(dt)
    d = _arr(d, "fftfreq")
    dt = _np.dtype(dtype) if dtype is not None else (
        get_aval(d).dtype if get_aval(d).dtype.kind == "f" else _np.dtype(_np.float64))
    d = P.convert_element_type(d, dt)
    return P.div(k.astype(dt), P.mul(d, float(n)))


def _shift(x, axes, sign, name):
    x = _arr(x, name)
    shape = get_aval(x).shape
    if axes is None:
        axes = tuple(range(len(shape)))
    elif isinstance(axes, (int, _np.integer)):
        axes = (axes,)
    axes = tuple(_norm_axis(a, len(shape), name) for a in axes)
    if not axes:
        return x
    return roll(x, tuple(sign * (shape[a] // 2) for a in axes), axes)


def fftshift(x, axes=None):
    """Move the zero frequency to the centre: roll by n//2 on each axis (numpy.fft.fftshift)."""
    return _shift(x, axes, 1, "fftshift")


def ifftshift(x, axes=None):
    """The inverse of fftshift: roll by -(n//2) (numpy.fft.ifftshift)."""
    return _shift(x, axes, -1, "ifftshift")
