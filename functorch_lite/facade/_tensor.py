"""The Tensor: a mutable box around a backend array plus autograd bookkeeping.

Memory: ``_v`` is the array (a NumPy view where PyTorch has a view); ``_st``
is the storage record ``[version, last in-place site]`` shared by a tensor and
all its views, so ``a.numpy()``, ``from_numpy``, ``view``/slicing/``t()``/
``detach()``/``.data`` all see one buffer, and an in-place write anywhere
bumps the version every saved reference is checked against at backward().

The class here holds storage, queries, Python conversions and the autograd
flags.  The rest of the facade installs the other methods on it: dtype/device
conversions and clone (``_convert``), ``backward`` (``_engine``), math/shape/
reduction methods, operators and in-place forms (the package ``__init__``,
from ``_ops``).  Those need the op path (``_dispatch``), which needs this
class, so they live above it.
"""
from __future__ import annotations

import os
import sys
from typing import Any, Callable, Iterator, overload

import numpy as np

from .. import backends as _B
from ..core.trace import _extra_array_types as _XT
from . import _types as T
from ._graph import _grad
from ._tensor_decls import TensorMethods

_new = object.__new__
CUDA0 = T.device("cuda", 0)


# ------------------------------------------------------------------ devices
# A device tensor holds an array of a registered backend type (cupy's, or the
# test stand-in's): ``_XT`` maps those types to their namespaces.  NumPy
# arrays (and tracers) are host values.

def _xp(v):
    """The array namespace of a value (numpy for host arrays and scalars)."""
    return _XT.get(type(v), np)


def _on_dev(v):
    return type(v) is not np.ndarray and type(v) in _XT


def _from_host(xp, v):
    """Host data to the device: an explicit transfer the user asked for
    (device=... on creation), still refused inside transfer_guard('disallow')."""
    _B.check_transfer(f"creating a cuda tensor of shape {list(np.shape(v))} from host data")
    return xp.from_host(v)


_DEFAULT_DEVICE = [None]        # torch.set_default_device (None: the CPU)


def _dev_ns(device):
    """The backend namespace for a device spec (None for the CPU); no device
    means the default device (``torch.set_default_device``)."""
    if device is None:
        device = _DEFAULT_DEVICE[0]
        if device is None:
            return None
    d = device if isinstance(device, T.device) else T.device(device)
    if d.type == "cpu":
        return None
    from . import cuda
    if not cuda.is_available():
        raise RuntimeError(f"Cannot use device {d}: CUDA is not available "
                           f"(functorch_lite needs CuPy and an NVIDIA GPU). Check "
                           f"torch.cuda.is_available() first, or stay on the CPU.")
    if d.index not in (None, 0):
        raise RuntimeError(f"CUDA error: invalid device ordinal (device {d}; functorch_lite "
                           f"uses one GPU, cuda:0)")
    return _B.get("cupy")


def _to_host(v, what):
    """A device array copied to the host, after the transfer guard agrees."""
    if not _on_dev(v):
        return v
    _B.check_transfer(what)
    return _XT[type(v)].to_host(v)


def _device_error(a="cuda:0", b="cpu"):  # noqa: D401
    return RuntimeError(f"Expected all tensors to be on the same device, but found at "
                        f"least two devices, {a} and {b}!")


def _numpy_error():
    return TypeError("can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() "
                     "to copy the tensor to host memory first.")


def _wrap(v, st=None):
    t = _new(Tensor)
    t._v = v
    t._st = [0, None] if st is None else st
    return t


def _attached(v, parent):
    """A tensor holding ``v`` whose gradient flows to graph edge ``parent``."""
    t = _wrap(v)
    if parent is not None:
        t.requires_grad = True
        t.grad_fn, t._oi = parent
    return t


# ---------------------------------------------------------- storage versions

_PKG_CODE: dict[Any, Any] = {}    # code object -> is it functorch_lite's own code?
# ".../functorch_lite/facade/_": the facade's own modules are the facade/_*.py ones
_PKG_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_")


def _site():
    """(file, line) of the user's code that called the in-place op (cheap: a
    per-code-object cache instead of source_info's string work)."""
    f = sys._getframe(2)
    while f is not None:
        c = f.f_code
        mine = _PKG_CODE.get(c)
        if mine is None:
            mine = _PKG_CODE[c] = c.co_filename.startswith(_PKG_DIR)
        if not mine:
            return (c.co_filename, f.f_lineno)
        f = f.f_back
    return None


def _bump(t):
    st = t._st
    st[0] += 1
    st[1] = _site()


def check_inplace(t, opname):
    if _grad.on:
        if t.requires_grad and t.grad_fn is None:
            raise RuntimeError(f"a leaf Variable that requires grad is being used in an "
                               f"in-place operation ({opname}). Wrap the update in "
                               f"`with torch.no_grad():` or update `.data`.")
        b = t._base
        if b is not None and b.requires_grad and b.grad_fn is None:
            raise RuntimeError(f"a view of a leaf Variable that requires grad is being "
                               f"used in an in-place operation ({opname}).")


# -------------------------------------------------------------------- Tensor

class _HookHandle:
    _n = [0]

    def __init__(self, table):
        self._table = table
        self.id = self._n[0] = self._n[0] + 1

    def remove(self):
        self._table.pop(self.id, None)


def run_hooks(t, c, leaf):
    """Apply t's gradient hooks to ``c`` (an array); returns the array to use."""
    for hook in list(t._hooks.values()):
        r = hook(_wrap(c))
        if r is not None:
            if not leaf:
                raise RuntimeError("functorch_lite: a hook on a non-leaf tensor returned a "
                                   "new gradient; only leaf tensors' hooks may replace "
                                   "their gradient (non-leaf hooks observe it)")
            c = r._v if isinstance(r, Tensor) else np.asarray(r)
    return c


class _TensorMeta(type):
    pass


class Tensor(TensorMethods, metaclass=_TensorMeta):
    """torch.Tensor: ``Tensor(5, 3)`` (uninitialised float32), ``Tensor([[1, 2]])``
    (from data, float32), ``Tensor(ndarray)``."""
    requires_grad = False
    grad: Tensor | None = None   # set by backward() on leaves that require grad
    grad_fn: Any = None          # the graph node that made it (a class per op, _graph.py)
    _oi = 0
    _acc = None
    _base = None
    _st = None
    _hooks: dict[int, Any] | None = None   # {id: hook} from register_hook
    _retains = False     # retain_grad() was called
    __array_priority__ = 1000

    def __init__(self, *args, dtype=None, device=None, requires_grad=False):
        dt = T.as_dtype(dtype) if dtype is not None else T.float32
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            a = args[0]
            if isinstance(a, Tensor):
                self._v, self._st = a._v, a._st
                return
            if isinstance(a, T.Size):
                v = np.empty(tuple(a), dt.np)
            else:
                v = _from_data(a, dt.np)
        else:
            shape = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
            v = np.empty(tuple(int(s) for s in shape), dt.np)
        xp = _dev_ns(device)
        self._v = v if xp is None else _from_host(xp, v)
        self._st = [0, None]
        if requires_grad:
            self.requires_grad = True

    # ------------------------------------------------------------ basics
    def __fl_value__(self):
        return self._v

    @staticmethod
    def __fl_wrap__(v):   # transforms hand traced values to Tensor code as Tensors
        return _wrap(np.asarray(v) if isinstance(v, np.generic) else v)

    @property
    def shape(self) -> T.Size:
        return T.Size(self._v.shape)

    @overload
    def size(self, dim: None = None) -> T.Size: ...
    @overload
    def size(self, dim: int) -> int: ...

    def size(self, dim=None):
        s = self._v.shape
        if dim is None:
            return T.Size(s)
        return s[dim]

    @property
    def dtype(self) -> T.dtype:
        return T.from_np(self._v.dtype)

    @property
    def device(self) -> T.device:
        v = self._v
        if type(v) is np.ndarray or type(v) not in _XT:
            return T.CPU
        d = _B.backend_of(v).device      # 'cuda', or another backend's ('dask')
        return CUDA0 if d == "cuda" else T.device(d)

    @property
    def is_cuda(self) -> bool:
        return _on_dev(self._v) and self.device.type == "cuda"

    @property
    def ndim(self) -> int:
        return len(self._v.shape)

    def dim(self) -> int:
        return len(self._v.shape)

    ndimension = dim

    def numel(self) -> int:
        n = 1
        for d in self._v.shape:
            n *= d
        return n

    nelement = numel

    def element_size(self) -> int:
        return self._v.dtype.itemsize

    @property
    def is_leaf(self) -> bool:
        return self.grad_fn is None

    @property
    def creator(self):   # the old tutorials' name for grad_fn
        """The ``grad_fn`` of this tensor: PyTorch 0.1's name for it, which the old
        tutorials use (current PyTorch has only ``grad_fn``).
        """
        return self.grad_fn

    @property
    def data(self) -> Tensor:
        t = _wrap(self._v, self._st)
        t._base = self._base
        return t

    @data.setter
    def data(self, other: Tensor) -> None:
        other = other if isinstance(other, Tensor) else as_tensor(other)
        self._v, self._st = other._v, other._st

    def __len__(self) -> int:
        s = self._v.shape
        if not s:
            raise TypeError("len() of a 0-d tensor")
        return s[0]

    def __iter__(self) -> Iterator[Tensor]:
        if self.dim() == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(len(self)))

    def __hash__(self):
        return id(self)

    def item(self) -> Any:     # a Python number of the tensor's kind
        if self.numel() != 1:
            raise RuntimeError(f"a Tensor with {self.numel()} elements cannot be converted "
                               f"to Scalar")
        v = self._v
        if type(v) is np.ndarray:
            return v.item()
        return _to_host(v, "Tensor.item() of a cuda tensor").item()

    def tolist(self) -> Any:
        v = self._v
        if type(v) is np.ndarray:
            return v.tolist()
        return _to_host(v, "Tensor.tolist() of a cuda tensor").tolist()

    def numpy(self, force: bool = False) -> np.ndarray:
        if self.requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use "
                               "tensor.detach().numpy() instead.")
        if _on_dev(self._v):
            raise _numpy_error()
        return self._v

    def __dlpack__(self, *args, **kwargs):
        # DLPack export shares the storage (PyTorch's rule: not with a grad-requiring one)
        if self.requires_grad:
            raise RuntimeError("Can't export tensors that require gradient, use "
                               "tensor.detach()")
        return self._v.__dlpack__(*args, **kwargs)

    def __dlpack_device__(self):
        return self._v.__dlpack_device__()

    def __array__(self, dtype=None, copy=None):
        if _on_dev(self._v):       # never a silent device->host copy
            raise _numpy_error()
        v = np.asarray(self._v)
        return v if dtype is None else v.astype(dtype)

    def __bool__(self) -> bool:
        if self.numel() != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is "
                               "ambiguous")
        v = self._v
        if _on_dev(v):
            v = _to_host(v, "bool() of a cuda tensor")
        return bool(v)

    def __float__(self) -> float:
        return float(self.item())

    def __int__(self) -> int:
        return int(self.item())

    def __index__(self) -> int:
        if self._v.dtype.kind not in "iub" or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted "
                            "to an index")
        return int(self.item())

    def __repr__(self, *, tensor_contents=None):
        from ._print import tensor_repr
        return tensor_repr(self)

    __str__ = __repr__

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        return repr(self)

    def __reduce_ex__(self, proto):
        # pickle (a user's choice; functorch_lite.save/load never use it): the
        # values, the leaf's requires_grad and the device; like PyTorch, a
        # tensor in a graph is pickled as a leaf without its history
        v = self._v
        host = _to_host(v, "pickling a cuda tensor") if _on_dev(v) else np.array(v)
        return (_rebuild, (type(self), host, bool(self.requires_grad), _on_dev(v),
                           self.grad, _user_attrs(self)))

    def __deepcopy__(self, memo):
        """copy.deepcopy (of a tensor, or of a module holding it): a leaf with its
        own storage, the same class (Parameter stays Parameter) and requires_grad;
        a non-leaf refuses, as PyTorch does."""
        if self.grad_fn is not None:
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) "
                               "support the deepcopy protocol at the moment.  If you were "
                               "attempting to deepcopy a module, this may be because of a "
                               "torch.nn.utils.weight_norm usage, see "
                               "https://github.com/pytorch/pytorch/pull/103001")
        if id(self) in memo:
            return memo[id(self)]
        import copy
        v = self._v
        new = _rebuild(type(self), _xp(v).array(v, copy=True) if _on_dev(v) else v.copy(),
                       bool(self.requires_grad), False, None,
                       copy.deepcopy(_user_attrs(self), memo))
        memo[id(self)] = new
        if self.grad is not None:
            new.grad = copy.deepcopy(self.grad, memo)
        return new

    # ---------------------------------------------------------- autograd
    def detach(self) -> Tensor:
        t = _wrap(self._v, self._st)
        t._base = self._base if self._base is not None else self
        return t

    def detach_(self) -> Tensor:
        self.grad_fn = None
        self.requires_grad = False
        return self

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        if self.grad_fn is not None and not requires_grad:
            raise RuntimeError("you can only change requires_grad flags of leaf variables. "
                               "If you want to use a computed variable in a subgraph that "
                               "doesn't require differentiation use var_no_grad = var.detach().")
        if requires_grad and self._v.dtype.kind not in "fc":
            raise RuntimeError("only Tensors of floating point and complex dtype can "
                               "require gradients")
        self.requires_grad = bool(requires_grad)
        return self

    def retain_grad(self) -> None:
        if self.grad_fn is None:
            if not self.requires_grad:
                raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
            return
        self._retains = True
        self._watch()

    def _watch(self):
        """Have backward hand this non-leaf's gradient to it (retain_grad, hooks)."""
        fn = self.grad_fn
        if fn.retained is None:
            fn.retained = {}
        fn.retained[self._oi] = self

    @property
    def retains_grad(self):
        fn = self.grad_fn
        return fn is not None and self._retains and fn.retained is not None and \
            fn.retained.get(self._oi) is self

    def register_hook(self, hook: Callable[[Tensor], Any]) -> _HookHandle:
        """``hook(grad)`` runs when this tensor's gradient is computed.  On a leaf
        it may return a replacement (accumulated into .grad instead); on a
        non-leaf it observes the gradient (the sum over all uses), and
        returning a replacement is refused (functorch_lite cannot substitute a
        gradient inside the backward pass).  Returns a handle with remove()."""
        if not self.requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require "
                               "gradient")
        hooks = self.__dict__.get("_hooks")
        if hooks is None:
            hooks = self._hooks = {}
        h = _HookHandle(hooks)
        hooks[h.id] = hook
        if self.grad_fn is not None:
            self._watch()
        return h

    # ----------------------------------------------------------- queries
    def is_contiguous(self, memory_format: Any = None) -> bool:
        return bool(getattr(self._v, "flags", None) is None or self._v.flags.c_contiguous)

    def data_ptr(self) -> int:
        return self._v.__array_interface__["data"][0]

    def storage_offset(self) -> int:
        return 0

    def stride(self, dim=None):
        st = tuple(s // self._v.itemsize for s in self._v.strides)
        return st if dim is None else st[dim]

    def is_floating_point(self) -> bool:
        return self._v.dtype.kind == "f"

    def is_complex(self) -> bool:
        return self._v.dtype.kind == "c"

    @property
    def _version(self):
        return self._st[0]


_OWN = frozenset(("_v", "_st", "requires_grad", "grad", "grad_fn", "_oi", "_acc", "_base"))


def _user_attrs(t):
    """Attributes a user (or a subclass) set on a tensor: copied with it."""
    return {k: a for k, a in getattr(t, "__dict__", {}).items() if k not in _OWN}


def _rebuild(cls, v, requires_grad, cuda, grad, attrs):
    """A Tensor (or Parameter) from pickled or copied state."""
    t = _new(cls)
    if cuda:
        v = _dev_ns("cuda").from_host(v)
    t._v = v
    t._st = [0, None]
    t.requires_grad = requires_grad
    if grad is not None:
        t.grad = grad
    for k, a in attrs.items():
        setattr(t, k, a)
    return t


def _check_device(device):
    """Raises when ``device`` cannot be used here; the namespace (None: CPU)."""
    return _dev_ns(device)


def _from_data(a, npdt=None):
    """NumPy array from nested lists / scalars / arrays / Tensors (a device
    Tensor's array stays on its device)."""
    if _on_dev(a):   # an array of a device backend (CuPy's, Dask's) stays where it is
        return a if npdt is None or a.dtype == npdt else a.astype(npdt)
    if isinstance(a, Tensor):
        v = a._v
        if _on_dev(v):
            return v if npdt is None or v.dtype == npdt else v.astype(npdt)
        v = np.asarray(v)
        return v if npdt is None else v.astype(npdt)
    if isinstance(a, (list, tuple)) and any(isinstance(e, Tensor) for e in a):
        if any(isinstance(e, Tensor) and _on_dev(e._v) for e in a):
            raise TypeError("building a tensor from a list holding cuda tensors would copy "
                            "each to the host; use torch.stack instead")
        a = [e.tolist() if isinstance(e, Tensor) else e for e in a]
    v = np.array(a)
    if npdt is not None:
        return v.astype(npdt, copy=False)
    if v.dtype.kind == "f" and not isinstance(a, (np.ndarray, np.generic)):
        v = v.astype(T.get_default_dtype().np)
    elif v.dtype.kind in "iu" and not isinstance(a, (np.ndarray, np.generic)):
        v = v.astype(np.int64)
    elif v.dtype.kind == "c" and not isinstance(a, (np.ndarray, np.generic)):
        v = v.astype(np.complex64)
    elif v.dtype.kind not in "biufc":
        raise TypeError(f"can't build a tensor from {type(a).__name__} (dtype {v.dtype})")
    return v


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor):
        t = data if dtype is None else data.to(dtype)
        return t if device is None else t.to(device)
    xp = _dev_ns(device)
    npdt = None if dtype is None else T.as_dtype(dtype).np
    if isinstance(data, np.ndarray) and (npdt is None or data.dtype == npdt):
        if type(data) is not np.ndarray:  # an immutable Array: a Tensor owns mutable memory
            data = np.array(data)
        return _wrap(data if xp is None else _from_host(xp, data))
    v = _from_data(data, npdt)
    return _wrap(v if xp is None or _on_dev(v) else _from_host(xp, v))


# The op path moved to _dispatch / _promote / _inplace.  Old ``from ._tensor
# import binary`` lines (branches not yet merged) still resolve, at import time.
_MOVED = {
    "_dispatch": ("apply", "record", "call", "binary", "view_of", "_EMPTY", "_nd", "_PYNUM"),
    "_promote": ("_CAT", "_scalar_np_dtype", "result_np_dtype", "_SCALARS",
                 "_scalar_const"),
    "_inplace": ("inplace", "_write"),
}


def __getattr__(name):
    for mod, names in _MOVED.items():
        if name in names:
            import importlib
            return getattr(importlib.import_module(f".{mod}", __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
