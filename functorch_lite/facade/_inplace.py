"""In-place ops: the write-back machinery (``inplace``) and the ``_`` methods
(``add_``, ``clamp_``, ``fill_``, ``copy_``, ``uniform_``...) in ``INPLACE``.

Without autograd a ufunc writes straight into the buffer; with it the
out-of-place op runs on a copy that keeps the old graph, and its result and
grad_fn are written back into the tensor.
"""
import numpy as np

from ..core.trace import state as _tstate
from . import _random as _R
from . import _types as T
from ._graph import _grad
from ._math import (abs, add, clamp, clamp_max, clamp_min, cos, div, exp, log, mul, neg, pow,
                    relu, sigmoid, sin, sqrt, sub, tanh)
from ._oputil import _t
from ._shape import expand
from ._tensor import Tensor, _bump, _on_dev, _wrap, _xp, check_inplace
from ._viewwrite import graph_copy, rebase_view


# ------------------------------------------------------------ write-back

def inplace(t, opname, compute, args, ufunc=None):
    """Run ``compute(t, *args) -> Tensor`` and write the result into t's buffer."""
    check_inplace(t, opname)
    other = args[0] if args else None
    rec = _grad.on and (t.requires_grad or (isinstance(other, Tensor) and other.requires_grad))
    if not rec:
        if ufunc is not None and not _tstate.stack and type(t._v) is np.ndarray and not (
                isinstance(other, Tensor) and type(other._v) is not np.ndarray):
            ov = other._v if isinstance(other, Tensor) else other
            try:
                ufunc(t._v, ov, out=t._v, casting="same_kind")
            except (TypeError, np._core._exceptions._UFuncOutputCastingError) as e:  # noqa
                raise RuntimeError(f"{opname}: result type can't be cast to the desired "
                                   f"output type {T.from_np(t._v.dtype)} ({e})") from None
            _bump(t)
            return t
        r = compute(t, *args)
        _write(t, r._v, opname)
        _bump(t)
        return t
    r = compute(graph_copy(t), *args)
    if t._base is not None and type(t._v) is np.ndarray:
        # a view: the base's history is rebased (CopySlices), as PyTorch does
        v = r._v
        if np.shape(v) != t._v.shape:
            _write(_wrap(np.empty_like(t._v)), v, opname)   # PyTorch's shape error
        return rebase_view(t, r if r.shape == t.shape else expand(r, t.shape),
                           np.broadcast_to(v, t._v.shape).astype(t._v.dtype, copy=False))
    if t._base is not None:
        raise RuntimeError(f"{opname}: in-place modification of a view of a cuda tensor "
                           f"that requires grad is not supported by functorch_lite's "
                           f"autograd. Use an out-of-place op, or clone() the tensor first.")
    _write(t, r._v, opname)
    if r.requires_grad:
        t.requires_grad, t.grad_fn, t._oi = True, r.grad_fn, r._oi
    _bump(t)
    return t


def _write(t, v, opname):
    if not isinstance(t._v, np.ndarray):
        if _on_dev(t._v):
            _write_dev(t, v, opname)
        else:
            t._v = v
        return
    if np.shape(v) != t._v.shape:
        try:
            v = np.broadcast_to(v, t._v.shape)
        except ValueError:
            raise RuntimeError(f"{opname}: output with shape {list(t._v.shape)} doesn't "
                               f"match the broadcast shape {list(np.shape(v))}") from None
    try:
        np.copyto(t._v, v, casting="same_kind")
    except TypeError:
        raise RuntimeError(f"{opname}: result type {T.from_np(np.asarray(v).dtype)} can't "
                           f"be cast to the desired output type "
                           f"{T.from_np(t._v.dtype)}") from None


def _write_dev(t, v, opname):
    """In-place write into a device buffer (on the device, no copy to the host)."""
    tv = t._v
    if type(v) is not type(tv):
        if np.ndim(v):
            from ._tensor import _device_error
            raise _device_error()
        v = np.asarray(v)[()]        # a host scalar: a kernel argument, not a copy
    try:
        _xp(tv).copyto(tv, v, casting="same_kind")
    except ValueError:
        raise RuntimeError(f"{opname}: output with shape {list(tv.shape)} doesn't match "
                           f"the broadcast shape {list(np.shape(v))}") from None
    except TypeError:
        raise RuntimeError(f"{opname}: result type {T.from_np(np.dtype(v.dtype))} can't "
                           f"be cast to the desired output type {T.from_np(tv.dtype)}"
                           ) from None


# ------------------------------------------------------ the _ methods

def _ip(name, fn, ufunc=None):
    def method(self, *args, **kwargs):
        if kwargs:
            return inplace(self, name, lambda s, *a: fn(s, *a, **kwargs), args)
        return inplace(self, name, fn, args, ufunc)
    method.__name__ = name
    return method


def fill_(self, value):
    def compute(s, v):
        vv = v._v if isinstance(v, Tensor) else v
        r = s * 0.0 if s.requires_grad else _wrap(_xp(s._v).zeros_like(s._v) if _on_dev(
            s._v) else np.zeros_like(np.asarray(s._v)))
        r2 = r + (v if isinstance(v, Tensor) else float(vv) if s._v.dtype.kind in "fc"
                  else vv)
        return r2
    if not (self.requires_grad or isinstance(value, Tensor) and value.requires_grad):
        check_inplace(self, "fill_")
        if isinstance(value, Tensor):
            vv = value._v
            if type(vv) is not type(self._v):
                if vv.ndim:
                    raise RuntimeError(f"fill_ only supports 0-dimension value tensor but "
                                       f"got tensor with {vv.ndim} dimensions.")
                if _on_dev(vv):
                    from ._tensor import _to_host
                    vv = _to_host(vv, "fill_ of a cpu tensor with a cuda value")
                vv = vv[()]          # a host scalar (a 0-d cpu tensor is a scalar)
            self._v[...] = vv
        else:
            self._v.fill(value)
        _bump(self)
        return self
    return inplace(self, "fill_", compute, (value,))


def zero_(self):
    return fill_(self, 0)


def copy_(self, src, non_blocking=False):
    src = _t(src)
    if _on_dev(src._v) != _on_dev(self._v):
        src = src.to(self.device)     # copy_ across devices: an explicit transfer

    def compute(s, v):
        r = v.to(s.dtype)
        if r.shape != s.shape:
            r = expand(r, s.shape)
        return r + s * 0 if s.requires_grad else r
    if not (self.requires_grad or src.requires_grad):
        check_inplace(self, "copy_")
        if _on_dev(self._v):
            xp = _xp(self._v)
            xp.copyto(self._v, xp.broadcast_to(src._v, self._v.shape), casting="unsafe")
        else:
            np.copyto(self._v, np.broadcast_to(np.asarray(src._v), self._v.shape),
                      casting="unsafe")
        _bump(self)
        return self
    return inplace(self, "copy_", compute, (src,))


def t_(self):
    check_inplace(self, "t_")
    if self.requires_grad:
        raise RuntimeError("t_: in-place transpose of a tensor that requires grad is not "
                           "supported; use t()")
    self._v = self._v.T
    _bump(self)
    return self


def _rand_fill(name, cpu, dev):
    """An in-place random fill: ``cpu(shape, npdt, *args, generator=)`` draws
    PyTorch's CPU numbers; ``dev(g, shape, *args)`` the device generator's."""
    def method(self, *args, generator=None, **kwargs):
        check_inplace(self, name)
        v = self._v
        if _on_dev(v):
            from ._creation import _gen
            v[...] = dev(_gen(_xp(v)), v.shape, *args, **kwargs)
        else:
            if v.dtype.kind not in "fc" and name != "bernoulli_":
                raise RuntimeError(f"{name}: expected a floating point tensor, got "
                                   f"{T.from_np(v.dtype)}")
            v[...] = cpu(tuple(v.shape), v.dtype, *args, generator=generator, **kwargs)
        _bump(self)
        return self
    method.__name__ = name
    return method


def _bern_cpu(shape, npdt, p=0.5, generator=None):
    pv = np.asarray(p._v) if isinstance(p, Tensor) else p
    return _R.bernoulli(shape, pv, npdt, generator)


def _bern_dev(g, shape, p=0.5):
    return g.random(shape) < (p._v if isinstance(p, Tensor) else p)


uniform_ = _rand_fill("uniform_", lambda s, dt, a=0.0, b=1.0, generator=None:
                      _R.uniform(s, dt, a, b, generator),
                      lambda g, s, a=0.0, b=1.0: g.uniform(a, b, s))
normal_ = _rand_fill("normal_", lambda s, dt, mean=0.0, std=1.0, generator=None:
                     _R.normal(s, dt, mean, std, generator),
                     lambda g, s, mean=0.0, std=1.0: g.normal(mean, std, s))
bernoulli_ = _rand_fill("bernoulli_", _bern_cpu, _bern_dev)


def random_(self, low=None, high=None, *, generator=None):
    """Integers in [low, high) (one argument: [0, low); none: [0, 2^mantissa]
    for floats, the dtype's range for integers), PyTorch's CPU numbers."""
    check_inplace(self, "random_")
    v = self._v
    if low is None:
        lo, hi = 0, (1 << (np.finfo(v.dtype).nmant + 1)) + 1 if v.dtype.kind == "f" else \
            int(np.iinfo(v.dtype).max) + 1 if v.dtype.kind in "iu" else 2
        if v.dtype == np.int64:
            v[...] = np.array([_R.random64(generator) for _ in range(v.size)],
                              np.int64).reshape(v.shape)
            _bump(self)
            return self
    elif high is None:
        lo, hi = 0, low
    else:
        lo, hi = low, high
    v[...] = _R.integers(lo, hi, tuple(v.shape), generator).astype(v.dtype)
    _bump(self)
    return self


INPLACE = {
    "add_": _ip("add_", add, np.add), "sub_": _ip("sub_", sub, np.subtract),
    "mul_": _ip("mul_", mul, np.multiply), "div_": _ip("div_", div, np.true_divide),
    "pow_": _ip("pow_", pow), "clamp_": _ip("clamp_", clamp), "clip_": _ip("clip_", clamp),
    "clamp_min_": _ip("clamp_min_", clamp_min), "clamp_max_": _ip("clamp_max_", clamp_max),
    "exp_": _ip("exp_", exp), "log_": _ip("log_", log), "neg_": _ip("neg_", neg),
    "abs_": _ip("abs_", abs), "sqrt_": _ip("sqrt_", sqrt), "relu_": _ip("relu_", relu),
    "sigmoid_": _ip("sigmoid_", sigmoid), "tanh_": _ip("tanh_", tanh),
    "sin_": _ip("sin_", sin), "cos_": _ip("cos_", cos),
    "fill_": fill_, "zero_": zero_, "copy_": copy_, "t_": t_,
    "uniform_": uniform_, "normal_": normal_, "bernoulli_": bernoulli_, "random_": random_,
}
