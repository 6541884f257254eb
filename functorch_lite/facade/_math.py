"""Elementwise Tensor math: arithmetic, unary functions, clamp/relu/where,
comparisons, logical and rounding ops.

Each op is one primitive (``_dispatch.apply``, or ``binary`` for two operands) or a
short composite of primitives whose last node is renamed to PyTorch's grad_fn
name and whose inner nodes are hidden from ``next_functions`` (``composite``).
One-input primitives are not listed here: ``FACADE`` exposes every registered
primitive under the names its ``facade`` trait declares (exp, tanh, abs, ...).
"""
import numpy as np

from .. import primitives  # noqa: F401 - every family registered before FACADE reads them
from ..core.ir import ShapedArray
from ..core.primitive import REGISTRY
from ..core.trace import state as _tstate
from ..primitives import elementwise as E
from ..primitives.ipow import integer_pow_p
from . import _types as T
from ._dispatch import _EMPTY, apply, binary, call, record
from ._graph import _grad, _seq, mark_hidden
from ._oputil import _const, composite
from ._promote import result_np_dtype
from ._tensor import Tensor, _wrap, _xp

_new = object.__new__


# ------------------------------------------------------------- arithmetic

def add(self, other, *, alpha=1):
    if alpha != 1:
        other = other * alpha
    return binary(E.add_p, self, other, "AddBackward0")


def sub(self, other, *, alpha=1):
    if alpha != 1:
        other = other * alpha
    return binary(E.sub_p, self, other, "SubBackward0")


def mul(self, other):
    return binary(E.mul_p, self, other, "MulBackward0")


def div(self, other, *, rounding_mode=None):
    if rounding_mode is not None:
        r = div(self, other)
        xp = _xp(r._v)
        v = xp.floor(r._v) if rounding_mode == "floor" else xp.trunc(r._v)
        return _wrap(v.astype(np.result_type(self._v.dtype, (other._v.dtype if isinstance(
            other, Tensor) else np.asarray(other).dtype))) if
            self._v.dtype.kind in "iu" else v)
    return binary(E.div_p, self, other, "DivBackward0", float_op=True)


def rsub(self, other):
    return binary(E.sub_p, self, other, "RsubBackward1", rev=True)


def rdiv(self, other):
    return binary(E.div_p, self, other, "MulBackward0", rev=True, float_op=True)


def pow(self, exponent):  # noqa: A001
    if isinstance(exponent, (int, np.integer)) and not isinstance(exponent, bool):
        if exponent >= 0 or self._v.dtype.kind in "fc":
            return apply(integer_pow_p, (self,), {"y": int(exponent)})
    if isinstance(exponent, Tensor):
        return binary(E.pow_p, self, exponent, "PowBackward1", float_op=True)
    return binary(E.pow_p, self, exponent, "PowBackward0", float_op=True)


def rpow(self, base):
    return binary(E.pow_p, self, base, "PowBackward2", rev=True, float_op=True)


def _accepts_ints(prim):
    """Whether the primitive's shape rule takes an integer input (abs, neg keep
    int64; exp, sin need a float: the facade promotes to the default dtype)."""
    try:
        prim.abstract(ShapedArray((), np.dtype(np.int64)))
    except TypeError:
        return False
    return True


def _one_input(prim):
    """The Tensor method of a one-input primitive, as its ``facade`` trait exposes it."""
    if _accepts_ints(prim):
        def f(self):
            return apply(prim, (self,))
    else:
        def f(self):
            if self._v.dtype.kind not in "fc":
                self = self.to(T.get_default_dtype())
            return apply(prim, (self,))
    f.__name__ = f.__qualname__ = prim.facade[0]
    return f


# torch.<name> / Tensor.<name> for every primitive declaring ``facade`` names
_METHOD_OF = {p: _one_input(p) for p in list(REGISTRY.values()) if p.facade}
FACADE = {n: f for p, f in _METHOD_OF.items() for n in p.facade}
exp, log, sin, cos, tanh, sqrt, abs, neg, sign = (  # noqa: A001 - used by the ops below
    _METHOD_OF[p] for p in (E.exp_p, E.log_p, E.sin_p, E.cos_p, E.tanh_p, E.sqrt_p, E.abs_p,
                            E.neg_p, E.sign_p))


@composite("RsqrtBackward0")
def rsqrt(self):
    return 1.0 / sqrt(self)


@composite("ReciprocalBackward0")
def reciprocal(self):
    return rdiv(self, 1.0)


def square(self):
    return pow(self, 2)


def _select(c, a, b, name, fast=None):
    """where(c, a, b) with a/b Tensors, numbers or 0-d arrays (c a raw bool array).
    ``fast(a, b)``, if given, computes the same values in one pass (np.maximum
    for clamp(min)/relu; it also propagates NaN as torch does); the node is
    still select's, whose rule needs only c."""
    if isinstance(a, Tensor) and not isinstance(b, Tensor):
        # the common case (clamp, relu): tensor branch and a constant
        av = a._v
        bv = b if type(b) is np.ndarray and b.dtype == av.dtype else _const(b, av.dtype)
        ts = (None, a, None)
    else:
        ts = [None, a if isinstance(a, Tensor) else None, b if isinstance(b, Tensor) else None]
        dt = (a if isinstance(a, Tensor) else b)._v.dtype
        av = a._v if isinstance(a, Tensor) else np.array(a, dt)
        bv = b._v if isinstance(b, Tensor) else np.array(b, dt)
        if av.dtype != bv.dtype:
            dt = np.promote_types(av.dtype, bv.dtype)
            if isinstance(a, Tensor) and av.dtype != dt:
                a = a.to(dt)
                ts[1], av = a, a._v
            elif not isinstance(a, Tensor):
                av = av.astype(dt)
            if isinstance(b, Tensor) and bv.dtype != dt:
                b = b.to(dt)
                ts[2], bv = b, b._v
            elif not isinstance(b, Tensor):
                bv = bv.astype(dt)
    vals = [c, av, bv]
    if fast is not None and not _tstate.stack and ts[2] is None and type(av) is np.ndarray:
        t = _wrap(fast(av, bv))     # same values, one pass; the node is still select's
        if _grad.on and ts[1] is not None and ts[1].requires_grad:
            record(t, E.select_p, _EMPTY, ts, vals, t._v, name)
        return t
    return apply(E.select_p, ts, _EMPTY, name, vals)


def _cmpv(prim, a, b):
    return call(prim, (a._v, b._v if isinstance(b, Tensor) else np.array(b, a._v.dtype)
                       if isinstance(b, (int, float)) and a._v.dtype.kind in "fc" else
                       np.asarray(b._v if isinstance(b, Tensor) else b)))


def clamp(self, min=None, max=None):  # noqa: A002
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        r = self
        if min is not None:
            r = maximum(r, min)
        if max is not None:
            r = minimum(r, max)
        return r
    x = self
    if x._v.dtype.kind not in "fc" and any(isinstance(v, float) for v in (min, max)):
        x = x.to(T.get_default_dtype())
    dt = x._v.dtype
    if max is None:
        m = _const(min, dt)
        return _select(call(E.ge_p, (x._v, m)), x, m, "ClampBackward1", np.maximum)
    if min is None:
        m = _const(max, dt)
        return _select(call(E.le_p, (x._v, m)), x, m, "ClampBackward1")
    start = next(_seq)
    inner = _select(call(E.le_p, (x._v, np.array(max, x._v.dtype))), x, max, "ClampBackward1")
    r = _select(call(E.ge_p, (inner._v, np.array(min, x._v.dtype))), inner, min,
                "ClampBackward1")
    if r.grad_fn is not None:
        mark_hidden(r.grad_fn, start)
    return r


clip = clamp


def clamp_min(self, min):  # noqa: A002
    return clamp(self, min=min)


def clamp_max(self, max):  # noqa: A002
    return clamp(self, max=max)


def relu(self):
    z = _const(0, self._v.dtype)
    return _select(call(E.gt_p, (self._v, z)), self, z, "ReluBackward0", np.maximum)


def sigmoid(self):
    from ..numpy._stable import sigmoid
    from ._bridge import bridge
    return bridge(sigmoid, "SigmoidBackward0", self)


def maximum(self, other):
    return binary(E.max_p, self, other, "MaximumBackward0")


def minimum(self, other):
    return binary(E.min_p, self, other, "MinimumBackward0")


def where(condition, input, other):  # noqa: A002
    c = condition._v if isinstance(condition, Tensor) else np.asarray(condition)
    # (a host condition with a device input is PyTorch's "same device" error)
    if c.dtype != np.bool_:
        c = c != 0
    return _select(c, input, other, "WhereBackward0")


def _cmp(prim):
    def f(self, other):
        if isinstance(other, Tensor) and other._v.dtype != self._v.dtype:
            dt = result_np_dtype(self, other)
            return _wrap(call(prim, (self._v.astype(dt), other._v.astype(dt))))
        if not isinstance(other, Tensor):
            dt = np.result_type(self._v.dtype, other) if not isinstance(other, float) \
                or self._v.dtype.kind in "fc" else T.get_default_dtype().np
            v = self._v        # (a traced value's astype takes no copy=: cast only if needed)
            return _wrap(call(prim, (v if v.dtype == dt else v.astype(dt),
                                     np.array(other, dt))))
        return _wrap(call(prim, (self._v, other._v)))
    return f


eq, ne, lt, le, gt, ge = (_cmp(p) for p in (E.eq_p, E.ne_p, E.lt_p, E.le_p, E.gt_p, E.ge_p))


def _logical(fn):
    def f(self, other=None):
        v = self._v
        xp = _xp(v)
        f = getattr(xp, fn)
        if other is None:
            return _wrap(f(v if xp is not np else np.asarray(v)))
        ov = other._v if isinstance(other, Tensor) else other
        if (type(ov) is np.ndarray) != (xp is np) and np.ndim(ov):
            from ._tensor import _device_error
            raise _device_error()
        return _wrap(f(v if xp is not np else np.asarray(v), ov))
    return f


and_ = _logical("bitwise_and")
or_ = _logical("bitwise_or")
xor = _logical("bitwise_xor")
invert = _logical("invert")
logical_not = _logical("logical_not")


def round(self, decimals=0):  # noqa: A001
    return _wrap(_xp(self._v).round(self._v, decimals))


def isnan(self):
    return _wrap(_xp(self._v).isnan(self._v))


def isfinite(self):
    return _wrap(_xp(self._v).isfinite(self._v))
