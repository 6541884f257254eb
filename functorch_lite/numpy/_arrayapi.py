"""The Array API standard's (2023.12) names that NumPy spells differently or lacks:
``__array_api_version__``, ``__array_namespace_info__``, ``finfo``/``iinfo``,
``isdtype``, ``can_cast``, ``from_dlpack``, ``vecdot``, the dtype objects.

functorch_lite.numpy's arrays are NumPy's (or another backend's) arrays, so
their methods and operators are NumPy 2's, which follow the standard.
"""
from collections import namedtuple

import numpy as _np

from .. import backends as _backends
from .. import primitives as P
from ..core.trace import Tracer, get_aval, public
from ._base import _arr, _norm_axis

__array_api_version__ = "2023.12"


def _dtype_of(x, name):
    if isinstance(x, (_np.dtype, type)) or isinstance(x, str):
        return _np.dtype(x)
    if isinstance(x, Tracer) or hasattr(x, "dtype"):
        return _np.dtype(get_aval(x).dtype if isinstance(x, Tracer) else x.dtype)
    raise TypeError(f"{name}: expected a dtype or an array, got {type(x).__name__}")


finfo_object = namedtuple("finfo_object", "bits eps max min smallest_normal dtype")
iinfo_object = namedtuple("iinfo_object", "bits max min dtype")


def finfo(type, /):  # noqa: A002
    """Machine limits of a float dtype (or of an array's dtype): bits, eps, max,
    min, smallest_normal as Python numbers (the Array API's; NumPy's finfo gives
    NumPy scalars), and the real dtype."""
    f = _np.finfo(_dtype_of(type, "finfo"))
    return finfo_object(int(f.bits), float(f.eps), float(f.max), float(f.min),
                        float(f.smallest_normal), _np.dtype(f.dtype))


def iinfo(type, /):  # noqa: A002
    """Limits of an integer dtype (or an array's): bits, max, min as Python ints."""
    i = _np.iinfo(_dtype_of(type, "iinfo"))
    return iinfo_object(int(i.bits), int(i.max), int(i.min), _np.dtype(i.dtype))


def isdtype(dtype, kind):
    """Whether ``dtype`` is of ``kind`` ('bool', 'signed integer', 'unsigned integer',
    'integral', 'real floating', 'complex floating', 'numeric', a dtype, or a tuple)."""
    return _np.isdtype(_np.dtype(dtype), kind)


def can_cast(from_, to, /, casting="safe"):
    """Whether a value of ``from_`` (a dtype or array) casts to ``to`` under ``casting``."""
    return _np.can_cast(_dtype_of(from_, "can_cast"), _np.dtype(to), casting=casting)


def from_dlpack(x, /, *, device=None, copy=None):
    """An array sharing (or, with copy=True, copying) the memory of any object with
    ``__dlpack__`` (a PyTorch tensor, a CuPy/NumPy array, a facade Tensor).  Host
    memory gives a NumPy array; CUDA memory gives the CUDA backend's array when
    that backend is available.  A tensor requiring grad is refused (use .detach())."""
    if getattr(x, "requires_grad", False):
        raise TypeError(f"from_dlpack: this {type(x).__name__} requires grad, and the array "
                        f"would drop its gradient; pass x.detach()")
    if not hasattr(x, "__dlpack__"):
        raise TypeError(f"from_dlpack: a {type(x).__name__} has no __dlpack__ method")
    dev_type = x.__dlpack_device__()[0] if hasattr(x, "__dlpack_device__") else 1
    if device is not None:
        xp = _backends.get(str(device).split(":")[0])
    elif int(dev_type) in (2, 3, 13):  # CUDA, CUDA host, CUDA managed (DLPack codes)
        xp = _backends.get("cuda")
    else:
        xp = _np
    kw = {} if copy is None else {"copy": copy}
    try:
        out = xp.from_dlpack(x, **kw)
    except TypeError:
        if copy is None:
            raise
        out = xp.from_dlpack(x)
        out = out.copy() if copy else out
    return public(out)   # NumPy's: an immutable Array (sharing the memory unless copy)


def vecdot(x1, x2, /, *, axis=-1):
    """``sum(x1 * x2, axis)`` after broadcasting (the Array API's vecdot; complex
    conjugation of x1 does not arise for real dtypes)."""
    a, b = P.promote(_arr(x1, "vecdot"), _arr(x2, "vecdot"))
    sa, sb = get_aval(a).shape, get_aval(b).shape
    try:
        shape = _np.broadcast_shapes(sa, sb)
    except ValueError:
        raise ValueError(f"vecdot: shapes {sa} and {sb} do not broadcast") from None
    if not shape:
        raise ValueError("vecdot: needs arrays of at least one dimension")
    ax = _norm_axis(axis, len(shape), "vecdot")
    if ax - len(shape) < -min(len(sa), len(sb)) or \
            sa[ax - len(shape)] != sb[ax - len(shape)]:
        raise ValueError(f"vecdot: axis {axis} has different sizes in shapes {sa} and {sb}")
    return P.reduce_sum(P.mul(P.broadcast_to(a, shape), P.broadcast_to(b, shape)), (ax,))


class _Info:
    """What ``__array_namespace_info__()`` returns: the devices and dtypes here."""

    def capabilities(self):
        return {"boolean indexing": True, "data-dependent shapes": True,
                "max dimensions": 64}

    def default_device(self):
        return "cpu"

    def devices(self):
        return ["cpu"] + (["cuda"] if "cupy" in _backends.available() else [])

    def default_dtypes(self, *, device=None):
        return {"real floating": _np.dtype(_np.float64), "complex floating":
                _np.dtype(_np.complex128), "integral": _np.dtype(_np.int64),
                "indexing": _np.dtype(_np.int64)}

    def dtypes(self, *, device=None, kind=None):
        names = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                 "uint64", "float32", "float64", "complex64", "complex128"]
        out = {n: _np.dtype(n) for n in names}
        if kind is None:
            return out
        return {n: d for n, d in out.items() if _np.isdtype(d, kind)}


def __array_namespace_info__():
    """The Array API's inspection object (devices, default and supported dtypes)."""
    return _Info()

