"""``torch.fft``: the facade face of ``functorch_lite.numpy.fft``.

Each transform applies the ``fnp.fft`` function through the recording bridge,
so Tensors go in and out with autograd (complex gradients follow PyTorch's
convention, as every complex facade op does, through ``_engine._pt``).  The
signatures are PyTorch's (``n``/``s``, ``dim``, ``norm``); integer and bool
inputs become the default float dtype first, float32 stays float32 (so its
spectra are complex64).  grad_fn names are PyTorch's: FftR2CBackward0 for a
real-to-complex transform, FftC2CBackward0, FftC2RBackward0, and
ConjBackward0 where PyTorch ends with a conjugation (``ihfft``, ``ifft`` of a
real input).
"""
import types

from .. import numpy as fnp
from . import _types as T
from ._bridge import bridge
from ._oputil import _t
from ._tensor import _wrap


def _fl(x):
    x = _t(x)
    return x if x._v.dtype.kind in "fc" else x.to(T.get_default_dtype())


def _one_dim(fn, name_real, name_complex):
    """A 1-D transform ``f(input, n=None, dim=-1, norm=None)``."""
    def op(input, n=None, dim=-1, norm=None):  # noqa: A002
        x = _fl(input)
        name = name_complex if x._v.dtype.kind == "c" else name_real
        return bridge(lambda v: fn(v, n, dim, norm), name, x)
    op.__name__ = fn.__name__
    op.__doc__ = (f"torch.fft.{fn.__name__}(input, n=None, dim=-1, norm=None): "
                  f"functorch_lite.numpy.fft.{fn.__name__} on Tensors, with autograd.")
    return op


def _n_dim(fn, name_real, name_complex, default_dim):
    """An N-D transform ``f(input, s=None, dim=default_dim, norm=None)``."""
    def op(input, s=None, dim=default_dim, norm=None):  # noqa: A002
        x = _fl(input)
        name = name_complex if x._v.dtype.kind == "c" else name_real
        axes = (dim,) if isinstance(dim, int) else (None if dim is None else tuple(dim))
        return bridge(lambda v: fn(v, s, axes, norm), name, x)
    op.__name__ = fn.__name__
    op.__doc__ = (f"torch.fft.{fn.__name__}(input, s=None, dim={default_dim!r}, norm=None): "
                  f"functorch_lite.numpy.fft.{fn.__name__} on Tensors, with autograd.")
    return op


def _freq(fn):
    def op(n, d=1.0, *, dtype=None, device=None, requires_grad=False):
        # PyTorch's frequencies are of the default float dtype unless told.
        dt = T.get_default_dtype() if dtype is None else dtype
        out = _wrap(fnp.asarray(fn(n, d)))
        out = out.to(dtype=dt) if device is None else out.to(device=device, dtype=dt)
        return out.requires_grad_(requires_grad) if requires_grad else out
    op.__name__ = fn.__name__
    op.__doc__ = (f"torch.fft.{fn.__name__}(n, d=1.0, *, dtype=None, device=None, "
                  "requires_grad=False): the sample frequencies, of the default float "
                  "dtype unless ``dtype`` is given.")
    return op


def _shift(fn):
    def op(input, dim=None):  # noqa: A002
        x = _t(input)
        axes = dim if dim is None or isinstance(dim, int) else tuple(dim)
        return bridge(lambda v: fn(v, axes), "RollBackward0", x)
    op.__name__ = fn.__name__
    op.__doc__ = (f"torch.fft.{fn.__name__}(input, dim=None): functorch_lite.numpy.fft."
                  f"{fn.__name__} on Tensors, with autograd.")
    return op


_R2C, _C2C, _C2R, _CONJ = ("FftR2CBackward0", "FftC2CBackward0", "FftC2RBackward0",
                          "ConjBackward0")
F = fnp.fft
fft = types.SimpleNamespace(
    fft=_one_dim(F.fft, _R2C, _C2C),
    ifft=_one_dim(F.ifft, _CONJ, _C2C),
    rfft=_one_dim(F.rfft, _R2C, _R2C),
    irfft=_one_dim(F.irfft, _C2R, _C2R),
    hfft=_one_dim(F.hfft, _C2R, _C2R),
    ihfft=_one_dim(F.ihfft, _CONJ, _CONJ),
    fft2=_n_dim(F.fft2, _C2C, _C2C, (-2, -1)),
    ifft2=_n_dim(F.ifft2, _C2C, _C2C, (-2, -1)),
    rfft2=_n_dim(F.rfft2, _R2C, _R2C, (-2, -1)),
    irfft2=_n_dim(F.irfft2, _C2R, _C2R, (-2, -1)),
    fftn=_n_dim(F.fftn, _C2C, _C2C, None),
    ifftn=_n_dim(F.ifftn, _C2C, _C2C, None),
    rfftn=_n_dim(F.rfftn, _R2C, _R2C, None),
    irfftn=_n_dim(F.irfftn, _C2R, _C2R, None),
    fftfreq=_freq(F.fftfreq),
    rfftfreq=_freq(F.rfftfreq),
    fftshift=_shift(F.fftshift),
    ifftshift=_shift(F.ifftshift),
)
fft.__doc__ = ("torch.fft over functorch_lite.numpy.fft: fft ifft rfft irfft hfft ihfft fft2 "
               "ifft2 rfft2 irfft2 fftn ifftn rfftn irfftn fftfreq rfftfreq fftshift "
               "ifftshift, with PyTorch's signatures (n/s, dim, norm) and autograd.")
