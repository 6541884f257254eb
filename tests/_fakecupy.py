"""A strict stand-in for CuPy, so the device code paths run on a CPU-only machine.

Arrays are their own type (not an ndarray subclass) holding a NumPy array "on
the device".  Like CuPy, they refuse implicit conversion to NumPy
(``np.asarray(x)`` raises TypeError), refuse to mix with NumPy arrays in
operations, and dispatch NumPy functions called on them (``__array_function__``,
``__array_ufunc__``).  Stricter than CuPy, which would quietly copy a NumPy
array passed to one of its functions to the device, this stand-in raises:
inside the library such a copy is a hidden host->device transfer.  Every
explicit transfer (``asarray`` of host data, ``asnumpy``, ``.get()``) and
every device->host synchronisation (``float()``, ``bool()``, ``.item()``) is
counted in ``STATS``; with ``STATS.strict`` set they raise, so a test can
prove a training step makes none.

What this cannot check: CUDA kernels themselves, streams, memory, speed.  The
generated fusion kernels run through ``_cpu_kernels`` (compiled with g++).
"""
import types

import numpy as np

class HiddenTransfer(TypeError):
    pass


class _Stats:
    def __init__(self):
        self.reset()

    def reset(self):
        self.h2d = self.d2h = self.syncs = 0
        self.strict = False

    def count(self, kind, what):
        setattr(self, kind, getattr(self, kind) + 1)
        if self.strict:
            raise HiddenTransfer(f"fakecupy (strict): {what} ({kind})")


STATS = _Stats()


def _host(x, where):
    """Unwrap device arrays inside x; NumPy arrays are a hidden transfer."""
    if isinstance(x, ndarray):
        return x._a
    if isinstance(x, np.ndarray):
        raise HiddenTransfer(f"a NumPy array of shape {x.shape} was passed to {where}: "
                             f"on a GPU that is a hidden host->device copy")
    if type(x) in (list, tuple):
        return type(x)(_host(v, where) for v in x)
    if isinstance(x, dict):
        return {k: _host(v, where) for k, v in x.items()}
    return x


def _has_mask(k):
    ks = k if isinstance(k, tuple) else (k,)
    return any(isinstance(v, np.ndarray) and v.dtype == np.bool_ for v in ks)


# functions whose result's shape depends on the data: CuPy syncs to size it
_DATA_SHAPED = {"nonzero", "flatnonzero", "argwhere", "unique", "compress", "extract"}


def _dev(r):
    if isinstance(r, np.ndarray):
        return ndarray(r)
    if isinstance(r, np.generic):          # CuPy reductions give 0-d arrays, never scalars
        return ndarray(np.asarray(r))
    if isinstance(r, tuple):                # incl. NumPy's namedtuple results
        return tuple(_dev(v) for v in r)
    if isinstance(r, list):
        return [_dev(v) for v in r]
    return r


def _call(fn, where, args, kwargs):
    out = kwargs.get("out")
    r = fn(*_host(args, where), **_host(kwargs, where))
    if isinstance(out, ndarray) and r is out._a:
        return out
    return _dev(r)


class Device:
    id = 0

    def __repr__(self):
        return "<CUDA Device 0>"

    def synchronize(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def _defer(other):
    # like CuPy: leave the operation to an operand that opts out of ufuncs or
    # has a higher __array_priority__ (tracers do)
    return not isinstance(other, ndarray) and (
        getattr(type(other), "__array_ufunc__", 0) is None
        or getattr(other, "__array_priority__", 0) > ndarray.__array_priority__)


def _binop(uf):
    def op(self, other):
        if _defer(other):
            return NotImplemented
        return _call(uf, uf.__name__, (self, other), {})

    def rop(self, other):
        return _call(uf, uf.__name__, (other, self), {})

    def iop(self, other):
        uf(self._a, _host(other, uf.__name__), out=self._a)
        return self
    return op, rop, iop


class ndarray:
    __slots__ = ("_a", "__weakref__")
    __array_priority__ = 100

    def __init__(self, a):
        self._a = a

    shape = property(lambda s: s._a.shape)
    dtype = property(lambda s: s._a.dtype)
    ndim = property(lambda s: s._a.ndim)
    size = property(lambda s: s._a.size)
    nbytes = property(lambda s: s._a.nbytes)
    itemsize = property(lambda s: s._a.itemsize)
    strides = property(lambda s: s._a.strides)
    flags = property(lambda s: s._a.flags)
    T = property(lambda s: ndarray(s._a.T))
    device = property(lambda s: Device())
    base = property(lambda s: None)

    # -- the boundary ------------------------------------------------------
    def __array__(self, dtype=None, copy=None):
        raise TypeError("Implicit conversion to a NumPy array is not allowed. "
                        "Please use `.get()` to construct a NumPy array explicitly.")

    def get(self, stream=None):
        STATS.count("d2h", f"get() of a device array of shape {self.shape}")
        return self._a.copy()

    def item(self):
        STATS.count("syncs", "item() of a device array")
        return self._a.item()

    def tolist(self):
        STATS.count("syncs", "tolist() of a device array")
        return self._a.tolist()

    def __float__(self):
        STATS.count("syncs", "float() of a device array")
        return float(self._a)

    def __int__(self):
        STATS.count("syncs", "int() of a device array")
        return int(self._a)

    def __bool__(self):
        STATS.count("syncs", "bool() of a device array")
        return bool(self._a)

    def __index__(self):
        STATS.count("syncs", "index() of a device array")
        return self._a.__index__()

    def __repr__(self):
        return "fake" + repr(self._a)   # printing is the caller's explicit choice

    __str__ = __repr__

    def __len__(self):
        return len(self._a)

    def __iter__(self):
        return (ndarray(np.asarray(v)) for v in self._a)

    def __hash__(self):
        raise TypeError("unhashable type: 'ndarray'")

    # -- NumPy protocols -----------------------------------------------------
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        fn = ufunc if method == "__call__" else getattr(ufunc, method)
        if "out" in kwargs:
            outs = kwargs["out"]
            kwargs["out"] = tuple(_host(o, ufunc.__name__) for o in outs)
            r = fn(*_host(inputs, ufunc.__name__), **kwargs)
            return outs[0] if len(outs) == 1 else outs
        return _dev(fn(*_host(inputs, ufunc.__name__), **kwargs))

    def __array_function__(self, func, types_, args, kwargs):
        if func.__name__ in _DATA_SHAPED:
            STATS.count("syncs", f"{func.__name__}() sizes its result on the host")
        return _call(func, func.__name__, args, kwargs)

    # -- indexing -------------------------------------------------------------
    def __getitem__(self, key):
        k = _host(key, "indexing")
        if _has_mask(k):   # the result's size depends on the data: CuPy reads it back
            STATS.count("syncs", "indexing with a boolean mask")
        return _dev(self._a[k])

    def __setitem__(self, key, value):
        self._a[_host(key, "indexing")] = _host(value, "item assignment")

    def fill(self, value):
        self._a.fill(_host(value, "fill"))

    def __getattr__(self, name):
        if name.startswith("__"):   # __array_interface__ / __array_struct__ would let
            raise AttributeError(name)   # np.asarray read the "device" buffer silently
        v = getattr(self._a, name)
        if not callable(v):
            return _dev(v)
        if name in _DATA_SHAPED:
            STATS.count("syncs", f".{name}() sizes its result on the host")
        return lambda *a, **kw: _call(v, name, a, kw)

    def __matmul__(self, o):
        if _defer(o):
            return NotImplemented
        return _call(np.matmul, "matmul", (self, o), {})

    def __rmatmul__(self, o):
        return _call(np.matmul, "matmul", (o, self), {})

    def __neg__(self):
        return ndarray(-self._a)

    def __pos__(self):
        return self

    def __abs__(self):
        return ndarray(abs(self._a))

    def __invert__(self):
        return ndarray(~self._a)


for _n, _uf in [("add", np.add), ("sub", np.subtract), ("mul", np.multiply),
                ("truediv", np.true_divide), ("floordiv", np.floor_divide),
                ("mod", np.remainder), ("pow", np.power), ("and", np.bitwise_and),
                ("or", np.bitwise_or), ("xor", np.bitwise_xor)]:
    _o, _r, _i = _binop(_uf)
    setattr(ndarray, f"__{_n}__", _o)
    setattr(ndarray, f"__r{_n}__", _r)
    setattr(ndarray, f"__i{_n}__", _i)
for _n, _uf in [("lt", np.less), ("le", np.less_equal), ("gt", np.greater),
                ("ge", np.greater_equal), ("eq", np.equal), ("ne", np.not_equal)]:
    setattr(ndarray, f"__{_n}__", _binop(_uf)[0])


# ------------------------------------------------------------------ creation

def _to_device(a, dtype=None, copy=True):
    if isinstance(a, ndarray):
        if dtype is not None and a.dtype != np.dtype(dtype):
            return ndarray(a._a.astype(dtype))
        return ndarray(a._a.copy()) if copy else a
    if isinstance(a, (list, tuple)) and any(isinstance(v, ndarray) for v in a):
        raise TypeError("fakecupy.array: a list holding device arrays (CuPy refuses it "
                        "too); use stack or concatenate")
    if isinstance(a, (np.ndarray, list, tuple)):
        STATS.count("h2d", f"host data of shape {np.shape(a)} copied to the device")
    return ndarray(np.array(a, dtype=dtype))


def asarray(a, dtype=None, order=None, blocking=False):
    return _to_device(a, dtype, copy=False)


def array(a, dtype=None, copy=True, order="K", subok=False, ndmin=0):
    return _to_device(a, dtype, copy=copy)


def asnumpy(a, stream=None, order="C", out=None, blocking=True):
    if isinstance(a, ndarray):
        return a.get()
    return np.asarray(a)


def __getattr__(name):
    v = getattr(np, name)
    if name in _DATA_SHAPED:
        def counted(*a, **kw):
            STATS.count("syncs", f"{name}() sizes its result on the host")
            return _call(v, name, a, kw)
        return counted
    if isinstance(v, (type, np.ufunc.__class__)) or not callable(v):
        return v
    if isinstance(v, np.ufunc):
        return _Ufunc(v)
    return lambda *a, **kw: _call(v, name, a, kw)


class _Ufunc:
    """A NumPy ufunc applied on device arrays (``out=`` writes on the device)."""

    def __init__(self, uf):
        self._uf = uf
        self.__name__ = uf.__name__

    def __call__(self, *args, **kwargs):
        if len(args) > self._uf.nin:       # positional out
            kwargs["out"] = args[self._uf.nin]
            args = args[:self._uf.nin]
        out = kwargs.get("out")
        if isinstance(out, tuple):
            out = kwargs["out"] = out[0]
        r = self._uf(*_host(args, self.__name__), **_host(kwargs, self.__name__))
        return out if isinstance(out, ndarray) else _dev(r)

    def __getattr__(self, name):
        return getattr(self._uf, name)


# ------------------------------------------------------------ sub-namespaces

def _wrapped_module(mod, name):
    m = types.SimpleNamespace(__name__=name)
    for k in dir(mod):
        v = getattr(mod, k)
        if callable(v) and not isinstance(v, type) and not k.startswith("_"):
            setattr(m, k, (lambda f, n: lambda *a, **kw: _call(f, n, a, kw))(v, f"{name}.{k}"))
    m.LinAlgError = np.linalg.LinAlgError
    return m


linalg = _wrapped_module(np.linalg, "linalg")
fft = _wrapped_module(np.fft, "fft")


class _Generator:
    """Random numbers drawn "on the device": results are device arrays."""

    def __init__(self, seed=None):
        self._g = np.random.default_rng(seed)

    def __getattr__(self, name):
        f = getattr(self._g, name)
        return lambda *a, **kw: _dev(np.asarray(f(*_host(a, name), **_host(kw, name))))


random = types.SimpleNamespace(__name__="random", default_rng=_Generator)


class _Stream:
    def synchronize(self):
        pass


cuda = types.SimpleNamespace(
    runtime=types.SimpleNamespace(getDeviceCount=lambda: 1),
    Device=lambda i=0: Device(),
    get_current_stream=lambda: _Stream(),
    Stream=_Stream,
)


def _kernel_classes():
    try:
        import _cpu_kernels
    except ImportError:
        return None
    return _cpu_kernels


class ElementwiseKernel:
    """CuPy's ElementwiseKernel, compiled for the CPU by ``_cpu_kernels``."""

    def __init__(self, *args, **kwargs):
        self._k = _kernel_classes().ElementwiseKernel(*args, **kwargs)

    def __call__(self, *args, **kwargs):
        return _call(self._k, "ElementwiseKernel", args, kwargs)


class ReductionKernel:
    def __init__(self, *args, **kwargs):
        self._k = _kernel_classes().ReductionKernel(*args, **kwargs)

    def __call__(self, *args, **kwargs):
        return _call(self._k, "ReductionKernel", args, kwargs)


# ------------------------------------------------------------------ cupyx

def _scatter_add(a, slices, value):
    np.add.at(a._a, _host(slices, "scatter_add"), _host(value, "scatter_add"))


class _LazySpecial:
    """cupyx.scipy.special: scipy.special's functions on device arrays (scipy is
    imported on first use only)."""
    __name__ = "special"

    def __getattr__(self, k):
        import scipy.special
        f = getattr(scipy.special, k)
        if not callable(f) or isinstance(f, type) or k.startswith("_"):
            raise AttributeError(k)
        w = (lambda *a, **kw: _call(f, f"special.{k}", a, kw))
        setattr(self, k, w)
        return w


cupyx = types.SimpleNamespace(__name__="fakecupyx", scatter_add=_scatter_add,
                              scipy=types.SimpleNamespace(special=_LazySpecial()))
