"""Reductions: sum, mean, var/std, max/min (with indices), amax, argmax/argmin,
norm, prod, cumsum.

Each op is one primitive (``_dispatch.apply``) or a
short composite of primitives whose last node is renamed to PyTorch's grad_fn
name and whose inner nodes are hidden from ``next_functions`` (``composite``).
"""
import builtins as _b
from typing import NamedTuple

import numpy as np

from ..primitives.reductions import reduce_max_p, reduce_sum_p
from ..primitives.shape import reshape_p
from . import _types as T
from ._dispatch import apply, view_of
from ._graph import _seq, mark_hidden, node_class
from .. import numpy as fnp
from ._bridge import bridge
from ._math import _select, abs, maximum, minimum, neg, pow, sqrt
from ._oputil import _dims, composite
from ._tensor import Tensor, _on_dev, _wrap, _xp


def _keepdim(x, r, axes):
    shape = tuple(1 if i in axes else d for i, d in enumerate(x.shape))
    return view_of(r, r._v.reshape(shape), reshape_p, {"new_sizes": shape},
                   "ViewBackward0") if shape != r.shape else r


def sum(self, dim=None, keepdim=False, *, dtype=None):  # noqa: A001
    x = self
    if dtype is not None:
        x = x.to(dtype)
    elif x._v.dtype.kind in "bi" or x._v.dtype.kind == "u":
        x = x.to(T.int64)
    axes = _dims(dim, x.ndim)
    if not axes and x.ndim:
        return x
    start = next(_seq)
    r = apply(reduce_sum_p, (x,), {"axes": axes},
              "SumBackward0" if dim is None else "SumBackward1")
    if keepdim:
        r = _keepdim(x, r, axes)
        if r.grad_fn is not None:
            r.grad_fn.__class__ = node_class("SumBackward1")
            mark_hidden(r.grad_fn, start)
    return r


def _count(x, axes):
    n = 1
    for a in axes:
        n *= x.shape[a]
    return n


def mean(self, dim=None, keepdim=False, *, dtype=None):
    x = self if dtype is None else self.to(dtype)
    if x._v.dtype.kind not in "fc":
        raise RuntimeError(f"mean(): could not infer output dtype. Input dtype must be "
                           f"either a floating point or complex dtype. Got: "
                           f"{x.dtype.name.capitalize()}")
    axes = _dims(dim, x.ndim)
    start = next(_seq)
    r = sum(x, dim, keepdim) / float(_count(x, axes))
    if r.grad_fn is not None:
        r.grad_fn.__class__ = node_class("MeanBackward0" if dim is None else "MeanBackward1")
        mark_hidden(r.grad_fn, start)
    return r


def var(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
    if isinstance(dim, bool):          # var(unbiased) positional form
        dim, unbiased = None, dim
    corr = correction if correction is not None else (0 if unbiased is False else 1)
    x = self if self._v.dtype.kind in "fc" else self.to(T.get_default_dtype())
    axes = _dims(dim, x.ndim)
    start = next(_seq)
    d = x - mean(x, dim=axes, keepdim=True)
    r = sum(d * d, dim=axes, keepdim=keepdim) / float(_b.max(_count(x, axes) - corr, 0))
    if r.grad_fn is not None:
        r.grad_fn.__class__ = node_class("VarBackward0")
        mark_hidden(r.grad_fn, start)
    return r


@composite("StdBackward0")
def std(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
    v = var(self, dim, unbiased, keepdim, correction=correction)
    # PyTorch's gradient is 0 where the std is 0 (identical values), not
    # 0 * inf: the square root only sees positive variances
    pos = v._v > 0
    return _select(pos, sqrt(_select(pos, v, 1.0, "WhereBackward0")), 0.0, "WhereBackward0")


class _MaxMin(NamedTuple):
    """What ``max(dim)``/``min(dim)`` return (``torch.return_types.max``)."""

    values: Tensor
    indices: Tensor


_MaxMin.__name__ = _MaxMin.__qualname__ = "max"   # printed as PyTorch prints it


def max(self, dim=None, keepdim=False):  # noqa: A001
    if isinstance(dim, Tensor):
        return maximum(self, dim)
    if dim is None:
        return apply(reduce_max_p, (self,), {"axes": tuple(range(self.ndim))}, "MaxBackward1")
    axes = _dims(dim, self.ndim)
    start = next(_seq)
    v = apply(reduce_max_p, (self,), {"axes": axes}, "MaxBackward0")
    if keepdim:
        v = _keepdim(self, v, axes)
        if v.grad_fn is not None:
            v.grad_fn.__class__ = node_class("MaxBackward0")
            mark_hidden(v.grad_fn, start)
    xp, sv = _host_ns(self._v)
    idx = xp.argmax(sv, axis=axes[0]) if self.ndim else xp.zeros((), np.int64)
    if keepdim:
        idx = xp.expand_dims(idx, axes[0])
    return _MaxMin(v, _wrap(xp.asarray(idx).astype(np.int64, copy=False)))


def min(self, dim=None, keepdim=False):  # noqa: A001
    if isinstance(dim, Tensor):
        return minimum(self, dim)
    start = next(_seq)
    r = max(neg(self), dim, keepdim)
    if dim is None:
        out = neg(r)
        if out.grad_fn is not None:
            out.grad_fn.__class__ = node_class("MinBackward1")
            mark_hidden(out.grad_fn, start)
        return out
    v = neg(r.values)
    if v.grad_fn is not None:
        v.grad_fn.__class__ = node_class("MinBackward0")
        mark_hidden(v.grad_fn, start)
    xp, sv = _host_ns(self._v)
    idx = xp.argmin(sv, axis=_dims(dim, self.ndim)[0])
    if keepdim:
        idx = xp.expand_dims(idx, _dims(dim, self.ndim)[0])
    return _MaxMin(v, _wrap(xp.asarray(idx).astype(np.int64, copy=False)))


def amax(self, dim=None, keepdim=False):
    axes = _dims(dim, self.ndim)
    start = next(_seq)
    r = apply(reduce_max_p, (self,), {"axes": axes}, "AmaxBackward0")
    if not keepdim:
        return r
    r = _keepdim(self, r, axes)
    if r.grad_fn is not None and r.grad_fn.seq > start:
        r.grad_fn.__class__ = node_class("AmaxBackward0")
        mark_hidden(r.grad_fn, start)
    return r


def _host_ns(v):
    """(namespace, array): device arrays stay on their device."""
    return (_xp(v), v) if _on_dev(v) else (np, np.asarray(v))


def _arg(fn, self, dim, keepdim):
    xp, v = _host_ns(self._v)
    f = getattr(xp, fn)
    if dim is None:
        return _wrap(xp.asarray(f(v)).astype(np.int64, copy=False))
    r = f(v, axis=dim)
    return _wrap(xp.asarray(xp.expand_dims(r, dim) if keepdim else r).astype(
        np.int64, copy=False))


def argmax(self, dim=None, keepdim=False):
    return _arg("argmax", self, dim, keepdim)


def argmin(self, dim=None, keepdim=False):
    return _arg("argmin", self, dim, keepdim)


@composite("LinalgVectorNormBackward0")
def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    x = self if self._v.dtype.kind in "fc" else self.to(T.get_default_dtype())
    if p in ("fro", 2, 2.0, None):
        return sqrt(sum(x * x, dim, keepdim))
    if p in (1, 1.0):
        return sum(abs(x), dim, keepdim)
    if p in (float("inf"), "inf"):
        return amax(abs(x), dim, keepdim)
    return pow(sum(pow(abs(x), p), dim, keepdim), 1.0 / p)


def _int_to_long(x, dtype):
    if dtype is not None:
        return x.to(dtype)
    return x.to(T.int64) if x._v.dtype.kind in "biu" else x


def prod(self, dim=None, keepdim=False, *, dtype=None):
    """Product over every element or along ``dim`` (integers and bools give
    int64); the gradient is right with zeros in the input, as PyTorch's."""
    x = _int_to_long(self, dtype)
    if dim is None:
        return bridge(lambda v: fnp.prod(v), "ProdBackward0", x)
    d = _dims(dim, x.ndim)[0] if x.ndim else None
    return bridge(lambda v: fnp.prod(v, axis=d, keepdims=keepdim), "ProdBackward1", x)


def cumsum(self, dim, *, dtype=None):
    """Running sum along ``dim`` (integers and bools give int64)."""
    x = _int_to_long(self, dtype)
    d = _dims(dim, x.ndim)[0] if x.ndim else None
    return bridge(lambda v: fnp.cumsum(v, axis=d) if v.ndim else v + 0, "CumsumBackward0", x)


def cumprod(self, dim, *, dtype=None):
    """Running product along ``dim`` (integers and bools give int64)."""
    x = _int_to_long(self, dtype)
    d = _dims(dim, x.ndim)[0] if x.ndim else None
    return bridge(lambda v: fnp.cumprod(v, axis=d) if v.ndim else v * 1, "CumprodBackward0",
                  x)
