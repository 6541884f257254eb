"""Tensor's dtype/device conversions and copies: ``to``, ``float()``...,
``type``, ``cuda``/``cpu``, ``clone``, ``contiguous``.

They are methods of Tensor; they live here, installed on the class below,
because ``to`` and ``clone`` go through the op path, which imports the class.
"""
import numpy as np

from ..primitives.elementwise import convert_element_type_p
from . import _types as T
from ._dispatch import apply, call, record
from ._graph import _grad
from ._tensor import Tensor, _dev_ns, _on_dev, _to_host, _wrap


def _to_cpu(v, what):
    """Explicit device->host copy (checked against the transfer guard)."""
    return _to_host(v, what)


def _moved(self, v, to):
    """A copy of ``self`` holding ``v`` on another device; the gradient flows
    back unchanged (recorded as a same-dtype convert: an identity rule), the
    device move of the cotangent is the backward's job (see _engine)."""
    t = _wrap(v)
    if self.requires_grad and _grad.on:
        record(t, _device_copy_p(), {"to": to}, (self,), (None,), None)
    return t


def _device_copy_p():
    from ._engine import device_copy_p
    return device_copy_p


class _Conversions:
    """Namespace for Tensor methods, copied onto the class below (a class body,
    so ``float``/``int``/``bool``/``type`` can be method names without hiding
    the builtins from the module's code)."""

    def to(self, *args, dtype=None, device=None, copy=False, non_blocking=False):
        for a in args:
            if isinstance(a, Tensor):
                dtype = dtype or a.dtype
                device = device or a.device
            elif isinstance(a, (T.dtype, np.dtype, type)):
                dtype = a
            elif a is not None:
                device = a
        t = self
        if device is not None:
            t = t._to_device(T.device(device))
        if dtype is not None:
            npdt = T.as_dtype(dtype).np
            if t._v.dtype != npdt:
                t = apply(convert_element_type_p, (t,), {"new_dtype": npdt}, "ToCopyBackward0")
        if copy and t is self:
            t = self.clone()
        return t

    def _to_device(self, dev):
        v = self._v
        if dev.type == "cpu":
            if not _on_dev(v):
                return self
            return _moved(self, _to_cpu(v, f"Tensor.cpu() / .to('cpu') of a cuda tensor "
                                           f"of shape {list(v.shape)}"), "cpu")
        xp = _dev_ns(dev)
        if _on_dev(v):
            return self
        if type(v) is not np.ndarray:
            v = np.asarray(v)
        from .. import backends
        backends.check_transfer(f"Tensor.to('{dev}') / .cuda() of a cpu tensor of shape "
                                f"{list(v.shape)}")
        return _moved(self, xp.from_host(v), "cuda")

    def cuda(self, device=None, non_blocking=False):
        return self._to_device(T.device("cuda" if device is None else (
            f"cuda:{device}" if isinstance(device, int) else device)))

    def cpu(self, memory_format=None):
        return self._to_device(T.CPU)

    def float(self):
        return self.to(T.float32)

    def double(self):
        return self.to(T.float64)

    def half(self):
        return self.to(T.float16)

    def long(self):
        return self.to(T.int64)

    def int(self):
        return self.to(T.int32)

    def bool(self):
        return self.to(T.bool)

    def type(self, dtype=None):
        if dtype is None:
            return "torch." + self.dtype._tensor_type
        if isinstance(dtype, str):
            name = dtype.split(".")[-1]
            for d in T._ALL:
                if d._tensor_type == name:
                    return self.to(d)
            raise TypeError(f"invalid type: {dtype!r}")
        return self.to(dtype)

    def type_as(self, other):
        return self.to(other.dtype)

    def clone(self, memory_format=None):
        v = self._v
        out = v.copy() if isinstance(v, np.ndarray) or _on_dev(v) else call(
            convert_element_type_p, (v,), {"new_dtype": v.dtype})
        t = _wrap(out)
        if self.requires_grad and _grad.on:
            # recorded as a same-dtype convert_element_type: its rule is the identity
            record(t, convert_element_type_p, {"new_dtype": v.dtype}, (self,), (v,), out,
                   "CloneBackward0")
        return t

    def contiguous(self, memory_format=None):
        if isinstance(self._v, np.ndarray) and not self._v.flags.c_contiguous:
            t = self.clone()
            return t
        return self


for _n, _f in list(vars(_Conversions).items()):
    if not _n.startswith("__"):
        _f.__qualname__ = f"Tensor.{_n}"
        setattr(Tensor, _n, _f)
