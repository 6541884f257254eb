"""ndarray's operators and methods on traced values (same signatures), and
the same on ``Array``, the immutable type of eager results (JAX's methods:
``.at``, ``device``, ``devices()``, ``__array_namespace__``)."""
import importlib

import numpy as _np

from ..primitives import cplx as C
from ..core.array import Array, wrap
from ..core.errors import TracerConversionError
from ..core.trace import Tracer
from . import _elementwise as E
from . import _math as X
from . import _sorting as Z
from . import _indexing as I
from . import _matrix as M
from . import _reductions as R
from . import _shape as S
from ._creation import astype


def _swap(f):
    return lambda self, other: f(other, self)


def _no_out(name, out):
    if out is not None:
        raise TypeError(f"{name}: out= is not supported on traced values (they are "
                        f"immutable); use the return value")


def _bitwise(f, swap=False):
    # & | ^ ~ << >>: logical on bools, bitwise on integers (NumPy's operators)
    def op(self, other):
        return f(other, self) if swap else f(self, other)
    return op


def _invert(self):
    return X.invert(self)


def _setitem(self, idx, value):
    raise TypeError("traced values are immutable: x[idx] = v is not supported; use "
                    "x = x.at[idx].set(v) (or .add/.multiply/.min/.max)")


def _reshape(self, *shape, order="C"):
    return S.reshape(self, shape[0] if len(shape) == 1 else shape, order)


def _transpose(self, *axes):
    if not axes or (len(axes) == 1 and axes[0] is None):
        return S.transpose(self)
    return S.transpose(self, axes[0] if len(axes) == 1 and not isinstance(axes[0], int)
                       else axes)


def _sum(self, axis=None, dtype=None, out=None, keepdims=False):
    _no_out("sum", out)
    return R.sum(self, axis, dtype, keepdims)


def _mean(self, axis=None, dtype=None, out=None, keepdims=False):
    _no_out("mean", out)
    return R.mean(self, axis, dtype, keepdims)


def _prod(self, axis=None, dtype=None, out=None, keepdims=False):
    _no_out("prod", out)
    return R.prod(self, axis, dtype, keepdims)


def _max(self, axis=None, out=None, keepdims=False):
    _no_out("max", out)
    return R.max(self, axis, keepdims)


def _min(self, axis=None, out=None, keepdims=False):
    _no_out("min", out)
    return R.min(self, axis, keepdims)


def _var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    _no_out("var", out)
    return R.var(self, axis, dtype, ddof, keepdims)


def _std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    _no_out("std", out)
    return R.std(self, axis, dtype, ddof, keepdims)


def _argmax(self, axis=None, out=None, keepdims=False):
    _no_out("argmax", out)
    return R.argmax(self, axis, keepdims)


def _argmin(self, axis=None, out=None, keepdims=False):
    _no_out("argmin", out)
    return R.argmin(self, axis, keepdims)


def _cumsum(self, axis=None, dtype=None, out=None):
    _no_out("cumsum", out)
    return R.cumsum(self, axis, dtype)


def _cumprod(self, axis=None, dtype=None, out=None):
    _no_out("cumprod", out)
    return R.cumprod(self, axis, dtype)


def _all(self, axis=None, out=None, keepdims=False):
    _no_out("all", out)
    return R.all(self, axis, keepdims)


def _any(self, axis=None, out=None, keepdims=False):
    _no_out("any", out)
    return R.any(self, axis, keepdims)


def _clip(self, min=None, max=None, out=None):  # noqa: A002
    _no_out("clip", out)
    return E.clip(self, min, max)


def _round(self, decimals=0, out=None):
    _no_out("round", out)
    return E.round(self, decimals)


def install():
    T = Tracer
    ops = {
        "__add__": E.add, "__radd__": _swap(E.add), "__sub__": E.subtract,
        "__rsub__": _swap(E.subtract), "__mul__": E.multiply, "__rmul__": _swap(E.multiply),
        "__truediv__": E.true_divide, "__rtruediv__": _swap(E.true_divide),
        "__floordiv__": E.floor_divide, "__rfloordiv__": _swap(E.floor_divide),
        "__mod__": E.mod, "__rmod__": _swap(E.mod),
        "__pow__": E.power, "__rpow__": _swap(E.power), "__matmul__": M.matmul,
        "__rmatmul__": _swap(M.matmul), "__lt__": E.less, "__le__": E.less_equal,
        "__gt__": E.greater, "__ge__": E.greater_equal, "__eq__": E.equal,
        "__ne__": E.not_equal, "__neg__": E.negative, "__pos__": lambda self: self,
        "__abs__": E.abs, "__invert__": _invert,
        "__and__": _bitwise(X.bitwise_and), "__rand__": _bitwise(X.bitwise_and, True),
        "__or__": _bitwise(X.bitwise_or), "__ror__": _bitwise(X.bitwise_or, True),
        "__xor__": _bitwise(X.bitwise_xor), "__rxor__": _bitwise(X.bitwise_xor, True),
        "__lshift__": _bitwise(X.left_shift), "__rlshift__": _bitwise(X.left_shift, True),
        "__rshift__": _bitwise(X.right_shift), "__rrshift__": _bitwise(X.right_shift, True),
        "__divmod__": X.divmod, "__rdivmod__": _bitwise(X.divmod, True),
        # JAX's functional forms of ndarray.sort/argsort (traced values are immutable)
        "sort": lambda self, axis=-1, kind=None, order=None: Z.sort(self, axis, kind, order),
        "argsort": lambda self, axis=-1, kind=None, order=None: Z.argsort(self, axis, kind,
                                                                         order),
        "__getitem__": I.getitem, "__setitem__": _setitem,
        "sum": _sum, "mean": _mean, "prod": _prod, "max": _max, "min": _min,
        "var": _var, "std": _std, "argmax": _argmax, "argmin": _argmin,
        "cumsum": _cumsum, "cumprod": _cumprod, "all": _all, "any": _any,
        "reshape": _reshape, "ravel": lambda self, order="C": S.ravel(self),
        "flatten": lambda self, order="C": S.ravel(self), "astype": astype,
        "dot": M.dot, "squeeze": lambda self, axis=None: S.squeeze(self, axis),
        "clip": _clip, "round": _round, "transpose": _transpose,
        "swapaxes": S.swapaxes, "repeat": lambda self, repeats, axis=None: S.repeat(
            self, repeats, axis),
        "take": lambda self, indices, axis=None, out=None, mode=None: I.take(
            self, indices, axis, mode),
        "conj": lambda self: C.conj(self), "conjugate": lambda self: C.conj(self),
        "copy": lambda self: self,
    }
    for name, f in ops.items():
        setattr(T, name, f)
    T.T = property(lambda self: S.transpose(self))
    T.mT = property(lambda self: S.swapaxes(self, -1, -2))
    T.real = property(lambda self: C.real(self))
    T.imag = property(lambda self: C.imag(self))
    T.at = property(lambda self: I._IndexUpdateHelper(self))
    _install_array(ops)


# ndarray's own methods that return views (subclass kept: an Array) or values:
# faster than the functions and the same on an immutable array
_NDARRAY_KEPT = ("__getitem__", "__setitem__", "copy", "reshape", "ravel", "flatten", "transpose",
                 "swapaxes", "squeeze")
_nd_getitem = _np.ndarray.__getitem__


def _array_getitem(self, idx):
    try:
        return _nd_getitem(self, idx)
    except TracerConversionError:
        # a traced index (``arr[i]`` inside jit/vmap/a loop body): index through
        # the gather primitive, as a tracer would be indexed
        return I.getitem(self.view(_np.ndarray), idx)


def _devices(self):
    from ..transforms.api import devices
    return set(devices()[:1])


def _fast_op(ufunc, slow, swap=False):
    """An Array operator: NumPy's ufunc straight on the plain arrays when both
    operands are inexact of one dtype (or one is a Python int/float), where
    functorch_lite.numpy's promotion gives NumPy's dtype and the primitive's
    kernel is this ufunc; otherwise (and for errors, worded by it) ``slow``,
    functorch_lite.numpy's operator."""
    nd = _np.ndarray

    def op(self, other):
        t = type(other)
        dt = self.dtype
        if dt.kind in "fc" and (t is float or t is int or (
                (t is Array or t is nd) and other.dtype is dt)):
            a = self.view(nd)
            b = other.view(nd) if t is Array else other
            try:
                r = ufunc(b, a) if swap else ufunc(a, b)
            except ValueError:
                return slow(self, other)
            return r.view(Array) if type(r) is nd else wrap(r)
        return slow(self, other)
    return op


_FAST = {"__add__": (_np.add, False), "__radd__": (_np.add, True),
         "__sub__": (_np.subtract, False), "__rsub__": (_np.subtract, True),
         "__mul__": (_np.multiply, False), "__rmul__": (_np.multiply, True),
         "__truediv__": (_np.true_divide, False), "__rtruediv__": (_np.true_divide, True),
         "__lt__": (_np.less, False), "__le__": (_np.less_equal, False),
         "__gt__": (_np.greater, False), "__ge__": (_np.greater_equal, False)}


_KNOWN = (bool, int, float, complex, list, tuple)
_BINARY = {"__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
           "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__",
           "__rmod__", "__pow__", "__rpow__", "__matmul__", "__rmatmul__", "__lt__",
           "__le__", "__gt__", "__ge__", "__eq__", "__ne__", "__and__", "__rand__",
           "__or__", "__ror__", "__xor__", "__rxor__", "__lshift__", "__rlshift__",
           "__rshift__", "__rrshift__", "__divmod__", "__rdivmod__"}


def _deferring(f):
    # an operand of another kind (a Tensor, pytest.approx, ...) gets its own
    # reflected operator, as ndarray's and jax.Array's operators allow
    def op(self, other):
        if type(other) not in _KNOWN and not isinstance(
                other, (_np.ndarray, _np.generic, Tracer)):
            return NotImplemented
        return f(self, other)
    return op


def _install_array(ops):
    A = Array
    for name, f in ops.items():
        if name in _FAST:
            setattr(A, name, _fast_op(_FAST[name][0], _deferring(f), _FAST[name][1]))
        elif name in _BINARY:
            setattr(A, name, _deferring(f))
        elif name not in _NDARRAY_KEPT:
            setattr(A, name, f)
    A.__getitem__ = _array_getitem
    A.at = property(lambda self: I._IndexUpdateHelper(self))
    A.devices = _devices
    A.device = property(lambda self: next(iter(_devices(self))))
    A.__array_namespace__ = lambda self, *, api_version=None: importlib.import_module(
        __package__)

