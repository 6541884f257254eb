"""Creation functions with PyTorch's defaults (float32 for float data and
random/constant tensors, int64 for integer data, from_numpy keeps the dtype)."""
from __future__ import annotations

from typing import Any

import numpy as np

from ..core.trace import _extra_array_types as _XT

from . import _randomness
from . import _types as T
from . import _random as _R
from ._oputil import _out
from ._tensor import Tensor, _dev_ns, _from_data, _from_host, _on_dev, _wrap, as_tensor

_DGEN = [None, None, None]     # device generator, its namespace, its seed


def manual_seed(seed: int) -> Generator:
    """Seeds the CPU generator (PyTorch's mt19937: the same numbers as PyTorch
    afterwards) and the device one; returns the CPU Generator."""
    g = _R.default_generator().manual_seed(seed)
    _seed_device(int(seed))
    return g


def seed():
    """Seeds the generators from the OS; returns the new seed."""
    s = _R.default_generator().seed()
    _seed_device(s)
    return s


def initial_seed() -> int:
    return _R.default_generator().initial_seed()


def get_rng_state():
    """The CPU generator's state (a uint8 Tensor in functorch_lite's layout)."""
    return _R.default_generator().get_state()


def set_rng_state(new_state):
    _R.default_generator().set_state(new_state)


Generator = _R.Generator
default_generator = _R.default_generator()


def set_default_device(device):
    """The device factory functions (zeros, randn, tensor, ...) use when given
    none; None or 'cpu' restores the CPU.  A 'cuda' default needs CuPy."""
    from ._tensor import _DEFAULT_DEVICE
    if device is None:
        _DEFAULT_DEVICE[0] = None
        return
    d = T.device(device) if not isinstance(device, T.device) else device
    if d.type != "cpu":
        _DEFAULT_DEVICE[0] = None
        _dev_ns(d)               # raises the clear error when CUDA is unavailable
    _DEFAULT_DEVICE[0] = None if d.type == "cpu" else d


def get_default_device():
    from ._tensor import _DEFAULT_DEVICE
    return _DEFAULT_DEVICE[0] or T.CPU


def _seed_device(s):
    _DGEN[0], _DGEN[1], _DGEN[2] = None, None, s


def _drng(xp):
    """The device generator: numbers are drawn on the device (they need not
    match the CPU stream, as in PyTorch)."""
    if _DGEN[0] is None or _DGEN[1] is not xp:
        _DGEN[0], _DGEN[1] = _DevGen(xp.default_rng(_DGEN[2]), xp), xp
    return _DGEN[0]


class _DevGen:
    """The device generator, spelled with the few draws every CuPy release
    has (random, standard_normal, integers); the others are built from them."""

    def __init__(self, g, xp):
        self._g, self._xp = g, xp

    def random(self, size):
        return self._g.random(size)

    def standard_normal(self, size):
        return self._g.standard_normal(size)

    def integers(self, low, high, size):
        return self._g.integers(low, high, size)

    def normal(self, mean, std, size):
        return self._g.standard_normal(size) * std + mean

    def uniform(self, a, b, size):
        return self._g.random(size) * (b - a) + a

    def permutation(self, n):
        return self._xp.argsort(self._g.random((int(n),)))


def _gen(xp):
    """The device generator for a device namespace (CPU draws go through _random)."""
    if xp is None:
        raise AssertionError("CPU draws go through tensor._random")
    return _drng(xp)


def _sizes(size):
    if len(size) == 1 and isinstance(size[0], (tuple, list, T.Size)):
        return tuple(int(s) for s in size[0])
    return tuple(int(s) for s in size)


def _dt(dtype, default=None):
    return T.as_dtype(dtype) if dtype is not None else (default or T.get_default_dtype())


def _done(v, requires_grad):
    t = _wrap(v)
    if requires_grad:
        t.requires_grad_(True)
    return t


def _finish(v, dtype, device, requires_grad, default=None, xp=None):
    """v: a host array (moved to ``device`` once, explicitly) or an array
    already made on the device's namespace ``xp``."""
    dt = _dt(dtype, default)
    if xp is None:
        xp = _dev_ns(device)
    if v.dtype != dt.np:
        v = v.astype(dt.np)
    if xp and type(v) is np.ndarray:
        v = _from_host(xp, v)
    return _done(v, requires_grad)


def _fill(kind, shape, dt, device, fill=None):
    xp = _dev_ns(device) or np
    if kind == "empty":
        return xp.empty(shape, dt)
    if kind == "zeros":
        return xp.zeros(shape, dt)
    if kind == "ones":
        return xp.ones(shape, dt)
    return xp.full(shape, fill, dt)


# PyTorch's memory-layout arguments, at the only values a NumPy-backed Tensor has
# (anything else raises: never an argument accepted and ignored)
_KW_DEFAULTS = {"layout": None, "memory_format": None, "pin_memory": False}


def _check_kw(fn, kw):
    fn = fn.__name__   # the public function (not a string: names are primitives' keys)
    for k, v in kw.items():
        if k not in _KW_DEFAULTS:
            raise TypeError(f"{fn}() got an unexpected keyword argument '{k}'")
        if k == "pin_memory" and v:
            raise RuntimeError("pin_memory=True requires a CUDA or other accelerator backend; "
                               "no pinned memory allocator is available on this system.")
        if v is not None and v is not False:
            raise NotImplementedError(f"{fn}(): {k}={v!r} is not supported; Tensors here are "
                                      f"dense and contiguous (leave {k} at its default)")


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False) -> Tensor:
    _check_kw(tensor, {"pin_memory": pin_memory})
    if isinstance(data, Tensor):
        v = data._v
        v = v.copy() if _on_dev(v) else np.array(v)
    else:
        # the requested dtype straight from the data (never through float32 first:
        # tensor([0.3], dtype=float64) keeps 0.3's double)
        v = _from_data(data, None if dtype is None else T.as_dtype(dtype).np)
        if isinstance(data, np.ndarray):
            v = v.copy()
    if _on_dev(v) and (device is None or T.device(device).type == "cuda"):
        return _finish(v, dtype, None, requires_grad, T.from_np(v.dtype), xp=False)
    if _on_dev(v):
        from ._convert import _to_cpu
        v = _to_cpu(v, "torch.tensor(cuda tensor, device='cpu')")
    return _finish(v, dtype, device, requires_grad, T.from_np(v.dtype))


def from_numpy(a) -> Tensor:
    if not isinstance(a, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(a).__name__})")
    if a.dtype.kind not in "biufc":
        raise TypeError(f"can't convert np.ndarray of type {a.dtype}. The only supported "
                        f"types are: float64, float32, float16, complex64, complex128, "
                        f"int64, int32, int16, int8, uint8, and bool.")
    # a functorch_lite Array is immutable: the Tensor gets its own (mutable) copy
    return _wrap(a if type(a) is np.ndarray else np.array(a))


def asarray(obj, dtype=None, device=None, copy=None, requires_grad=False) -> Tensor:
    t = as_tensor(obj, dtype, device)
    return t.requires_grad_(requires_grad) if requires_grad else t


def empty(*size, dtype=None, device=None, requires_grad=False, out=None, **kw) -> Tensor:
    _check_kw(empty, kw)
    dt = _dt(dtype if dtype is not None or out is None else out.dtype)   # out= keeps its dtype
    r = _done(_fill("empty", _sizes(size), dt.np, device), requires_grad)
    return r if out is None else _out(r, out)


def zeros(*size, dtype=None, device=None, requires_grad=False, out=None, **kw) -> Tensor:
    _check_kw(zeros, kw)
    dt = _dt(dtype if dtype is not None or out is None else out.dtype)   # out= keeps its dtype
    r = _done(_fill("zeros", _sizes(size), dt.np, device), requires_grad)
    return r if out is None else _out(r, out)


def ones(*size, dtype=None, device=None, requires_grad=False, out=None, **kw) -> Tensor:
    _check_kw(ones, kw)
    dt = _dt(dtype if dtype is not None or out is None else out.dtype)   # out= keeps its dtype
    r = _done(_fill("ones", _sizes(size), dt.np, device), requires_grad)
    return r if out is None else _out(r, out)


def full(size, fill_value, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(full, kw)
    if dtype is None:
        dtype = (T.bool if isinstance(fill_value, bool) else T.int64
                 if isinstance(fill_value, int) else T.get_default_dtype())
    return _done(_fill("full", _sizes((size,)), T.as_dtype(dtype).np, device, fill_value),
                 requires_grad)


def _rand(device, draw, dtype, requires_grad, default=None, cpu=None):
    """``cpu(npdt)`` draws on the CPU generator (PyTorch's numbers); ``draw(g)``
    on the device generator."""
    xp = _dev_ns(device)
    if _randomness.active():
        # inside torch.func.vmap: its randomness= decides ('error' raises here,
        # 'same' draws as usual, 'different' draws one sample per lane from a
        # generator seeded off this stream: reproducible after manual_seed, not
        # PyTorch's per-lane numbers)
        lanes = _randomness.per_lane(lambda: _drng(xp) if xp is not None else
                                     np.random.default_rng(int(_R.integers(0, 2 ** 62, (), None))))
        if lanes is not None:
            return _finish(draw(lanes), dtype, None, requires_grad, default, xp=False)
    if xp is None:
        dt = _dt(dtype, default)
        return _done(cpu(dt.np), requires_grad)
    return _finish(draw(_gen(xp)), dtype, None, requires_grad, default, xp=False)


def _check_float(name, dtype):
    dt = _dt(dtype)
    if dt.np.kind not in "fc":
        raise RuntimeError(f'"{name}" not implemented for \'{dt.name.capitalize()}\'')
    return dt


def rand(*size, dtype=None, device=None, requires_grad=False, generator=None, **kw) -> Tensor:
    """Uniform [0, 1): PyTorch's CPU numbers after manual_seed (float32 and float64)."""
    _check_kw(rand, kw)
    s = _sizes(size)
    _check_float("check_uniform_bounds", dtype)
    return _rand(device, lambda g: g.random(s), dtype, requires_grad,
                 cpu=lambda dt: _R.uniform(s, dt, generator=generator))


def randn(*size, dtype=None, device=None, requires_grad=False, generator=None, **kw) -> Tensor:
    """Standard normal: PyTorch's CPU numbers after manual_seed."""
    _check_kw(randn, kw)
    s = _sizes(size)
    _check_float("normal_kernel_cpu", dtype)
    return _rand(device, lambda g: g.standard_normal(s), dtype, requires_grad,
                 cpu=lambda dt: _R.normal(s, dt, generator=generator))


def randint(low=0, high=None, size=None, dtype=None, device=None, requires_grad=False,
            generator=None, **kw) -> Tensor:
    """Integers in [low, high) (int64 by default): PyTorch's CPU numbers."""
    _check_kw(randint, kw)
    if high is None:
        low, high = 0, low
    elif size is None and isinstance(high, (tuple, list, T.Size)):
        low, high, size = 0, low, high      # torch.randint(high, size)
    s = _sizes((size,))
    return _rand(device, lambda g: g.integers(low, high, s), dtype, requires_grad, T.int64,
                 cpu=lambda dt: _R.integers(low, high, s, generator).astype(dt))


def randperm(n, dtype=None, device=None, generator=None, **kw) -> Tensor:
    """A random permutation of 0..n-1 (int64): PyTorch's CPU order."""
    _check_kw(randperm, kw)
    return _rand(device, lambda g: g.permutation(n), dtype, False, T.int64,
                 cpu=lambda dt: _R.permutation(n, generator).astype(dt))


def normal(mean=0.0, std=1.0, size=None, device=None, dtype=None, generator=None,
           **kw) -> Tensor:
    """torch.normal(mean, std, size) with numbers; with a Tensor ``mean`` or
    ``std`` each element is drawn from its own normal (not PyTorch's stream)."""
    _check_kw(normal, kw)
    if isinstance(mean, Tensor) or isinstance(std, Tensor):
        m = mean if isinstance(mean, Tensor) else None
        sd = std if isinstance(std, Tensor) else None
        ref = mean if isinstance(mean, Tensor) else std   # one of them is a Tensor
        shape = np.broadcast_shapes(tuple(ref.shape), tuple(
            (sd if m is not None and sd is not None else ref).shape))
        z = _R.normal(shape, ref._v.dtype, generator=generator)
        mv = m._v if m is not None else mean
        sv = sd._v if sd is not None else std
        return _wrap((z * sv + mv).astype(ref._v.dtype, copy=False))
    s = _sizes((size,))
    return _rand(device, lambda g: g.normal(mean, std, s), dtype, False,
                 cpu=lambda dt: _R.normal(s, dt, mean, std, generator))


def bernoulli(input, p=None, *, generator=None, out=None) -> Tensor:  # noqa: A002
    """0/1 draws with probabilities ``input`` (or the number ``p``), in input's dtype."""
    pv = input._v if p is None else p
    if p is None and np.any((np.asarray(pv) < 0) | (np.asarray(pv) > 1)):
        raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.")
    r = _wrap(_R.bernoulli(tuple(input.shape), np.asarray(pv) if p is None else p,
                          input._v.dtype, generator))
    return r if out is None else _out(r, out)


def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False,
           **kw) -> Tensor:
    _check_kw(arange, kw)
    if end is None:
        start, end = 0, start
    ints = all(isinstance(v, (int, np.integer)) for v in (start, end, step))
    xp = _dev_ns(device)
    v = (xp or np).arange(start, end, step)
    return _finish(v, dtype, None, requires_grad, T.int64 if ints else None, xp=False)


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(linspace, kw)
    xp = _dev_ns(device)
    return _finish((xp or np).linspace(start, end, steps), dtype, None, requires_grad,
                   xp=False)


def eye(n, m=None, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(eye, kw)
    xp = _dev_ns(device)
    return _finish((xp or np).eye(n, m), dtype, None, requires_grad, xp=False)


def _like(x, fill, dtype, device, requires_grad):
    dt = T.as_dtype(dtype) if dtype is not None else x.dtype
    # the source tensor's device unless one is given
    xp = _dev_ns(device) if device is not None else (
        x._v.__class__ in _XT and _XT[x._v.__class__] or None)
    shape = tuple(x._v.shape)
    if fill in ("rand", "randn") and _randomness.active():   # vmap's randomness= decides
        return (rand if fill == "rand" else randn)(*shape, dtype=dt, device=device,
                                                   requires_grad=requires_grad)
    if fill == "rand":
        v = _R.uniform(shape, dt.np) if xp is None else _gen(xp).random(shape).astype(dt.np)
    elif fill == "randn":
        v = _R.normal(shape, dt.np) if xp is None else \
            _gen(xp).standard_normal(shape).astype(dt.np)
    elif fill == "empty":
        v = (xp or np).empty(shape, dt.np)
    else:
        v = (xp or np).full(shape, fill, dt.np)
    t = _wrap(v)
    return t.requires_grad_(True) if requires_grad else t


def zeros_like(x, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(zeros_like, kw)
    return _like(x, 0, dtype, device, requires_grad)


def ones_like(x, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(ones_like, kw)
    return _like(x, 1, dtype, device, requires_grad)


def empty_like(x, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(empty_like, kw)
    return _like(x, "empty", dtype, device, requires_grad)


def full_like(x, fill_value, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(full_like, kw)
    return _like(x, fill_value, dtype, device, requires_grad)


def rand_like(x, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(rand_like, kw)
    return _like(x, "rand", dtype, device, requires_grad)


def randn_like(x, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
    _check_kw(randn_like, kw)
    return _like(x, "randn", dtype, device, requires_grad)


def randint_like(x, low=0, high=None, dtype=None, device=None, requires_grad=False,
                 **kw) -> Tensor:
    _check_kw(randint_like, kw)
    if high is None:
        low, high = 0, low
    return randint(low, high, tuple(x.shape), dtype=dtype or x.dtype,
                   device=device if device is not None else x.device)


# ------------------------------------------------- new_* methods (keep dtype)

def _src_device(self, device):
    return device if device is not None else self.device


def _new_maker(fill):
    def method(self, *size, dtype=None, device=None, requires_grad=False):
        dt = T.as_dtype(dtype) if dtype is not None else self.dtype
        v = _fill("empty" if fill is None else "full", _sizes(size), dt.np,
                  _src_device(self, device), fill)
        return _done(v, requires_grad)
    return method


new_ones = _new_maker(1)
new_zeros = _new_maker(0)
new_empty = _new_maker(None)


def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False) -> Tensor:
    dt = T.as_dtype(dtype) if dtype is not None else self.dtype
    return _done(_fill("full", _sizes((size,)), dt.np, _src_device(self, device),
                       fill_value), requires_grad)


def new_tensor(self, data, dtype=None, device=None, requires_grad=False) -> Tensor:
    return tensor(data, dtype=dtype or self.dtype, device=_src_device(self, device),
                  requires_grad=requires_grad)


# -------------------------------------------------- legacy typed constructors

def _typed(dt):
    def ctor(*args: Any) -> Tensor:
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

# what ``from ._creation import *`` brings into the facade (not numpy)
__all__ = [
    "T", "Tensor", "as_tensor", "manual_seed", "seed", "initial_seed", "get_rng_state",
    "set_rng_state", "Generator", "default_generator", "set_default_device",
    "get_default_device", "tensor", "from_numpy", "asarray", "empty", "zeros", "ones", "full",
    "rand", "randn", "randint", "randperm", "normal", "bernoulli", "arange", "linspace", "eye",
    "zeros_like", "ones_like", "empty_like", "full_like", "rand_like", "randn_like",
    "randint_like", "new_ones", "new_zeros", "new_empty", "new_full", "new_tensor",
    "FloatTensor", "DoubleTensor", "HalfTensor", "LongTensor", "IntTensor", "ShortTensor",
    "ByteTensor", "CharTensor", "BoolTensor"
]
