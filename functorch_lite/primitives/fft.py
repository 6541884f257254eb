"""The discrete Fourier transform primitive (JAX's ``lax.fft``): one primitive,
``fft``, over the trailing ``len(fft_lengths)`` axes, of four kinds:

    "fft"    complex -> complex   (unnormalised, as numpy.fft.fftn)
    "ifft"   complex -> complex   (divided by the product of the lengths)
    "rfft"   real -> complex      (last axis n -> n//2 + 1)
    "irfft"  complex -> real      (last axis n//2 + 1 -> n = fft_lengths[-1])

The kernel is the value's own namespace's ``fft`` module (NumPy's or CuPy's).
Every kind is linear, so the jvp applies the same transform to the tangent;
vjps are transposes for JAX's pairing Re(sum(a * b)) (see cplx.py): the DFT
matrix is symmetric, so fft's transpose is fft and ifft's is ifft; rfft's is
the real part of a full fft of the zero-padded cotangent; irfft's is
conj(rfft(ct)) times 1/N and 2 on the bins that stand for two (JAX's rule).
Sizes and axes are prepared by ``functorch_lite.numpy.fft``.
"""
import numpy as np

from ..core.ir import ShapedArray
from ..core.primitive import defprim
from . import _util as U
from . import cplx as C
from . import elementwise as ew
from . import shape as shp

KINDS = ("fft", "ifft", "rfft", "irfft")


def _cdtype(dt):
    return np.dtype(np.complex64 if np.dtype(dt) in (np.float32, np.complex64)
                    else np.complex128)


def _impl(xp, x, fft_type, fft_lengths):
    k = len(fft_lengths)
    axes = tuple(range(-k, 0))
    if fft_type == "fft":
        out = xp.fft.fftn(x, axes=axes)
    elif fft_type == "ifft":
        out = xp.fft.ifftn(x, axes=axes)
    elif fft_type == "rfft":
        out = xp.fft.rfftn(x, axes=axes)
    else:
        out = xp.fft.irfftn(x, s=fft_lengths, axes=axes)
    want = U.real_dtype(x.dtype) if fft_type == "irfft" else _cdtype(x.dtype)
    return out if out.dtype == want else out.astype(want)


def _abstract(x, fft_type, fft_lengths):
    k = len(fft_lengths)
    if fft_type not in KINDS:
        raise ValueError(f"fft: fft_type must be one of {KINDS}, got {fft_type!r}")
    if x.ndim < k or k == 0:
        raise ValueError(f"fft: {k} transform axes need an input of at least that rank, got "
                         f"shape {x.shape}")
    lead, tail = x.shape[:x.ndim - k], tuple(x.shape[x.ndim - k:])
    lengths = tuple(int(n) for n in fft_lengths)
    if fft_type in ("fft", "ifft"):
        if x.dtype.kind != "c":
            raise TypeError(f"fft ({fft_type}): needs a complex input, got {x.dtype}")
        if tail != lengths:
            raise ValueError(f"fft ({fft_type}): trailing shape {tail} != fft_lengths {lengths}")
        return ShapedArray(x.shape, x.dtype, False)
    if fft_type == "rfft":
        if x.dtype.kind != "f":
            raise TypeError(f"fft (rfft): needs a real floating input, got {x.dtype}")
        if tail != lengths:
            raise ValueError(f"fft (rfft): trailing shape {tail} != fft_lengths {lengths}")
        return ShapedArray(lead + lengths[:-1] + (lengths[-1] // 2 + 1,), _cdtype(x.dtype),
                           False)
    if x.dtype.kind != "c":
        raise TypeError(f"fft (irfft): needs a complex input, got {x.dtype}")
    want = lengths[:-1] + (lengths[-1] // 2 + 1,)
    if tail != want:
        raise ValueError(f"fft (irfft): trailing shape {tail} != {want} for fft_lengths "
                         f"{lengths}")
    return ShapedArray(lead + lengths, U.real_dtype(x.dtype), False)


def _jvp(primals, tangents, fft_type, fft_lengths):
    (x,), (t,) = primals, tangents
    out = fft(x, fft_type, fft_lengths)
    return out, (None if t is None else fft(t, fft_type, fft_lengths))


def _vjp(ct, ins, out, needs, fft_type, fft_lengths):
    if fft_type in ("fft", "ifft"):
        return (fft(ct, fft_type, fft_lengths),)
    if fft_type == "rfft":
        n, m = fft_lengths[-1], U.shape_of(ct)[-1]
        nd = len(U.shape_of(ct))
        cfg = [(0, 0, 0)] * (nd - 1) + [(0, n - m, 0)]
        full = shp.pad(ct, np.zeros((), ct.dtype)[()], tuple(cfg))
        return (C.real(fft(full, "fft", fft_lengths)),)
    # irfft: <ct, irfft(X)> = Re(sum(conj(mask * rfft(ct)) / N * X))
    x = fft(ct, "rfft", fft_lengths)
    n, m = fft_lengths[-1], U.shape_of(x)[-1]
    rdt, inv = U.real_dtype(x.dtype), 1.0 / float(np.prod(fft_lengths))
    # [1, 2, ..., 2, 1 if n is even] / N, made on x's backend
    parts = [(1, inv), (m - 1 - (n % 2 == 0), 2 * inv), (int(n % 2 == 0 and m > 1), inv)]
    scale = shp.concatenate([U.full((k,), v, rdt, like=x) for k, v in parts if k > 0], 0)
    return (C.conj(ew.mul(x, scale)),)


def _batch(vals, dims, fft_type, fft_lengths):
    x, d = vals[0], dims[0]
    return fft(U.moveaxis(x, d, 0), fft_type, fft_lengths), 0


fft_p = defprim("fft", impl=_impl, abstract=_abstract, jvp=_jvp, vjp=_vjp, batch=_batch,
                saves="nothing", torch_name="FftBackward0")


def fft(x, fft_type, fft_lengths):
    """The transform of kind ``fft_type`` over the trailing ``len(fft_lengths)`` axes."""
    return fft_p.bind(x, fft_type=fft_type, fft_lengths=tuple(int(n) for n in fft_lengths))
