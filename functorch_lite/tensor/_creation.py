"""Creation functions with PyTorch's defaults (float32 for float data and
random/constant tensors, int64 for integer data, from_numpy keeps the dtype)."""
import numpy as np

from . import _types as T
from ._tensor import Tensor, _check_device, _from_data, _wrap, as_tensor

_GEN = [np.random.default_rng()]


def manual_seed(seed):
    _GEN[0] = np.random.default_rng(int(seed))
    return _GEN[0]


seed = manual_seed


def _rng():
    return _GEN[0]


def _sizes(size):
    if len(size) == 1 and isinstance(size[0], (tuple, list, T.Size)):
        return tuple(int(s) for s in size[0])
    return tuple(int(s) for s in size)


def _finish(v, dtype, device, requires_grad, default=None):
    dt = T.as_dtype(dtype) if dtype is not None else (default or T.get_default_dtype())
    _check_device(device)
    if v.dtype != dt.np:
        v = v.astype(dt.np)
    t = _wrap(v)
    if requires_grad:
        t.requires_grad_(True)
    return t


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    if isinstance(data, Tensor):
        v = np.array(data._v)
    else:
        v = _from_data(data)
        if isinstance(data, np.ndarray):
            v = v.copy()
    return _finish(v, dtype, device, requires_grad, T.from_np(v.dtype))


def from_numpy(a):
    if not isinstance(a, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(a).__name__})")
    if a.dtype.kind not in "biufc":
        raise TypeError(f"can't convert np.ndarray of type {a.dtype}. The only supported "
                        f"types are: float64, float32, float16, complex64, complex128, "
                        f"int64, int32, int16, int8, uint8, and bool.")
    return _wrap(a)


def asarray(obj, dtype=None, device=None, copy=None, requires_grad=False):
    t = as_tensor(obj, dtype, device)
    return t.requires_grad_(requires_grad) if requires_grad else t


def empty(*size, dtype=None, device=None, requires_grad=False, out=None, **kw):
    return _finish(np.empty(_sizes(size), (T.as_dtype(dtype) if dtype else
                                            T.get_default_dtype()).np), dtype, device,
                   requires_grad)


def zeros(*size, dtype=None, device=None, requires_grad=False, out=None, **kw):
    return _finish(np.zeros(_sizes(size), (T.as_dtype(dtype) if dtype else
                                            T.get_default_dtype()).np), dtype, device,
                   requires_grad)


def ones(*size, dtype=None, device=None, requires_grad=False, out=None, **kw):
    return _finish(np.ones(_sizes(size), (T.as_dtype(dtype) if dtype else
                                          T.get_default_dtype()).np), dtype, device,
                   requires_grad)


def full(size, fill_value, dtype=None, device=None, requires_grad=False, **kw):
    if dtype is None:
        dtype = (T.bool if isinstance(fill_value, bool) else T.int64
                 if isinstance(fill_value, int) else T.get_default_dtype())
    return _finish(np.full(_sizes((size,)), fill_value, T.as_dtype(dtype).np), dtype,
                   device, requires_grad)


def rand(*size, dtype=None, device=None, requires_grad=False, generator=None, **kw):
    return _finish(_rng().random(_sizes(size)), dtype, device, requires_grad)


def randn(*size, dtype=None, device=None, requires_grad=False, generator=None, **kw):
    return _finish(_rng().standard_normal(_sizes(size)), dtype, device, requires_grad)


def randint(low=0, high=None, size=None, dtype=None, device=None, requires_grad=False,
            **kw):
    if high is None:
        low, high = 0, low
    return _finish(_rng().integers(low, high, _sizes((size,))), dtype, device,
                   requires_grad, T.int64)


def randperm(n, dtype=None, device=None, **kw):
    return _finish(_rng().permutation(n), dtype, device, False, T.int64)


def normal(mean=0.0, std=1.0, size=None, **kw):
    return _finish(_rng().normal(mean, std, _sizes((size,))), None, None, False)


def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False, **kw):
    if end is None:
        start, end = 0, start
    ints = all(isinstance(v, (int, np.integer)) for v in (start, end, step))
    v = np.arange(start, end, step)
    return _finish(v, dtype, device, requires_grad, T.int64 if ints else None)


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False, **kw):
    return _finish(np.linspace(start, end, steps), dtype, device, requires_grad)


def eye(n, m=None, dtype=None, device=None, requires_grad=False, **kw):
    return _finish(np.eye(n, m), dtype, device, requires_grad)


def _like(x, fill, dtype, device, requires_grad):
    dt = T.as_dtype(dtype) if dtype is not None else x.dtype
    _check_device(device)
    if fill == "rand":
        v = _rng().random(x.shape).astype(dt.np)
    elif fill == "randn":
        v = _rng().standard_normal(x.shape).astype(dt.np)
    elif fill == "empty":
        v = np.empty(x.shape, dt.np)
    else:
        v = np.full(x.shape, fill, dt.np)
    t = _wrap(v)
    return t.requires_grad_(True) if requires_grad else t


def zeros_like(x, dtype=None, device=None, requires_grad=False, **kw):
    return _like(x, 0, dtype, device, requires_grad)


def ones_like(x, dtype=None, device=None, requires_grad=False, **kw):
    return _like(x, 1, dtype, device, requires_grad)


def empty_like(x, dtype=None, device=None, requires_grad=False, **kw):
    return _like(x, "empty", dtype, device, requires_grad)


def full_like(x, fill_value, dtype=None, device=None, requires_grad=False, **kw):
    return _like(x, fill_value, dtype, device, requires_grad)


def rand_like(x, dtype=None, device=None, requires_grad=False, **kw):
    return _like(x, "rand", dtype, device, requires_grad)


def randn_like(x, dtype=None, device=None, requires_grad=False, **kw):
    return _like(x, "randn", dtype, device, requires_grad)


# ------------------------------------------------- new_* methods (keep dtype)

def _new_maker(fill):
    def method(self, *size, dtype=None, device=None, requires_grad=False):
        dt = T.as_dtype(dtype) if dtype is not None else self.dtype
        shape = _sizes(size)
        v = np.empty(shape, dt.np) if fill is None else np.full(shape, fill, dt.np)
        _check_device(device)
        t = _wrap(v)
        return t.requires_grad_(True) if requires_grad else t
    return method


new_ones = _new_maker(1)
new_zeros = _new_maker(0)
new_empty = _new_maker(None)


def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
    dt = T.as_dtype(dtype) if dtype is not None else self.dtype
    t = _wrap(np.full(_sizes((size,)), fill_value, dt.np))
    return t.requires_grad_(True) if requires_grad else t


def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
    return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)


# -------------------------------------------------- legacy typed constructors

def _typed(dt):
    def ctor(*args):
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            a = args[0]
            if isinstance(a, T.Size):
                return _wrap(np.empty(tuple(a), dt.np))
            return _wrap(_from_data(a, dt.np))
        return _wrap(np.empty(_sizes(args), dt.np))
    ctor.__name__ = dt._tensor_type
    return ctor


FloatTensor = _typed(T.float32)
DoubleTensor = _typed(T.float64)
HalfTensor = _typed(T.float16)
LongTensor = _typed(T.int64)
IntTensor = _typed(T.int32)
ShortTensor = _typed(T.int16)
ByteTensor = _typed(T.uint8)
CharTensor = _typed(T.int8)
BoolTensor = _typed(T.bool)
