"""Tensor math: operators, methods, their in-place ``_`` forms and module functions.

Each op is one primitive (fast path in ``_tensor.unary``/``binary``) or a short
composite of primitives whose last node is renamed to PyTorch's grad_fn name
and whose inner nodes are hidden from ``next_functions``.
"""
import builtins as _b
import collections
import functools

import numpy as np

from .. import primitives as P
from ..core.trace import _stack
from ..primitives import elementwise as E
from ..primitives.contractions import dot_general_p
from ..primitives.reductions import reduce_max_p, reduce_sum_p
from ..primitives.shape import broadcast_in_dim_p, reshape_p, transpose_p
from . import _types as T
from ._engine import _GRAD, _seq, mark_hidden, node_class
from ._tensor import (Tensor, _bump, _record, _run, _scalar_const, _SCALARS, _wrap,
                      apply_prim, as_tensor, binary, check_inplace, inplace, unary,
                      unary_float, view_of)


_EMPTY = {}
_new = object.__new__


def _const(v, dt):
    """Cached 0-d array of dtype dt for a Python number."""
    key = (type(v), v, dt) if v else (type(v), repr(v), dt)
    c = _SCALARS.get(key)
    return c if c is not None else _scalar_const(key)


def composite(name):
    """Decorator: the op's last node is called ``name``; earlier ones are hidden."""
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            start = next(_seq)
            r = fn(*a, **k)
            node = r.grad_fn if isinstance(r, Tensor) else None
            if node is not None and node.seq > start:
                node.__class__ = node_class(name)
                mark_hidden(node, start)
            return r
        return wrapper
    return deco


def _t(x):
    return x if isinstance(x, Tensor) else as_tensor(x)


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
        v = np.floor(r._v) if rounding_mode == "floor" else np.trunc(r._v)
        return _wrap(v.astype(np.result_type(self._v.dtype, np.asarray(
            other._v if isinstance(other, Tensor) else other).dtype)) if
            self._v.dtype.kind in "iu" else v)
    return binary(E.div_p, self, other, "DivBackward0", float_op=True)


def rsub(self, other):
    return binary(E.sub_p, self, other, "RsubBackward1", rev=True)


def rdiv(self, other):
    return binary(E.div_p, self, other, "MulBackward0", rev=True, float_op=True)


def pow(self, exponent):  # noqa: A001
    if isinstance(exponent, (int, np.integer)) and not isinstance(exponent, bool):
        if exponent >= 0 or self._v.dtype.kind in "fc":
            return unary(E.integer_pow_p, self, "PowBackward0", y=int(exponent))
    if isinstance(exponent, Tensor):
        return binary(E.pow_p, self, exponent, "PowBackward1", float_op=True)
    return binary(E.pow_p, self, exponent, "PowBackward0", float_op=True)


def rpow(self, base):
    return binary(E.pow_p, self, base, "PowBackward2", rev=True, float_op=True)


def neg(self):
    return unary(E.neg_p, self, "NegBackward0")


def _float_unary(prim, name):
    impl = prim.impl

    def f(self):
        v = self._v
        if _stack or v.dtype.kind not in "fc":
            return unary_float(prim, self, name)
        out = impl(np, v)          # the hot path of x.sin(), x.exp(), ...
        if type(out) is not np.ndarray:
            out = np.asarray(out)
        t = _new(Tensor)
        t._v = out
        t._st = [0, None]
        if self.requires_grad and _GRAD[0]:
            _record(t, prim, _EMPTY, (self,), (v,), out, name)
        return t
    f.__name__ = prim.name
    return f


exp = _float_unary(E.exp_p, "ExpBackward0")
log = _float_unary(E.log_p, "LogBackward0")
sin = _float_unary(E.sin_p, "SinBackward0")
cos = _float_unary(E.cos_p, "CosBackward0")
tanh = _float_unary(E.tanh_p, "TanhBackward0")
sqrt = _float_unary(E.sqrt_p, "SqrtBackward0")


def abs(self):  # noqa: A001
    return unary(E.abs_p, self, "AbsBackward0")


def sign(self):
    return unary(E.sign_p, self, "SignBackward0")


@composite("RsqrtBackward0")
def rsqrt(self):
    return 1.0 / sqrt(self)


@composite("ReciprocalBackward0")
def reciprocal(self):
    return rdiv(self, 1.0)


def square(self):
    return pow(self, 2)


@composite("Log1PBackward0")
def log1p(self):
    return log(self + 1.0)


@composite("ExpM1Backward0")
def expm1(self):
    return exp(self) - 1.0


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
    vals = (c, av, bv)
    if fast is not None and not _stack and ts[2] is None:
        out = fast(av, bv)
    else:
        out = _run(E.select_p, *vals)
    t = _wrap(out)
    if _GRAD[0] and any(x is not None and x.requires_grad for x in ts):
        _record(t, E.select_p, _EMPTY, ts, vals, out, name)
    return t


def _cmpv(prim, a, b):
    return _run(prim, a._v, b._v if isinstance(b, Tensor) else np.array(b, a._v.dtype)
                if isinstance(b, (int, float)) and a._v.dtype.kind in "fc" else
                np.asarray(b._v if isinstance(b, Tensor) else b))


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
        return _select(_run(E.ge_p, x._v, m), x, m, "ClampBackward1", np.maximum)
    if min is None:
        m = _const(max, dt)
        return _select(_run(E.le_p, x._v, m), x, m, "ClampBackward1")
    start = next(_seq)
    inner = _select(_run(E.le_p, x._v, np.array(max, x._v.dtype)), x, max, "ClampBackward1")
    r = _select(_run(E.ge_p, inner._v, np.array(min, x._v.dtype)), inner, min,
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
    return _select(_run(E.gt_p, self._v, z), self, z, "ReluBackward0", np.maximum)


def sigmoid(self):
    from ..nn import _stable
    return _stable.bridge(_stable.sigmoid, "SigmoidBackward0", self)


def maximum(self, other):
    return binary(E.max_p, self, other, "MaximumBackward0")


def minimum(self, other):
    return binary(E.min_p, self, other, "MinimumBackward0")


def where(condition, input, other):  # noqa: A002
    c = condition._v if isinstance(condition, Tensor) else np.asarray(condition)
    if c.dtype != np.bool_:
        c = c != 0
    return _select(c, input, other, "WhereBackward0")


def _cmp(prim):
    def f(self, other):
        if isinstance(other, Tensor) and other._v.dtype != self._v.dtype:
            from ._tensor import result_np_dtype
            dt = result_np_dtype(self, other)
            return _wrap(_run(prim, self._v.astype(dt), other._v.astype(dt)))
        if not isinstance(other, Tensor):
            dt = np.result_type(self._v.dtype, other) if not isinstance(other, float) \
                or self._v.dtype.kind in "fc" else T.get_default_dtype().np
            return _wrap(_run(prim, self._v.astype(dt, copy=False), np.array(other, dt)))
        return _wrap(_run(prim, self._v, other._v))
    return f


eq, ne, lt, le, gt, ge = (_cmp(p) for p in (E.eq_p, E.ne_p, E.lt_p, E.le_p, E.gt_p, E.ge_p))


def _logical(fn):
    def f(self, other=None):
        if other is None:
            return _wrap(fn(np.asarray(self._v)))
        ov = other._v if isinstance(other, Tensor) else other
        return _wrap(fn(np.asarray(self._v), ov))
    return f


and_ = _logical(np.bitwise_and)
or_ = _logical(np.bitwise_or)
xor = _logical(np.bitwise_xor)
invert = _logical(np.invert)
logical_not = _logical(np.logical_not)


def floor(self):
    return _wrap(np.floor(self._v))


def ceil(self):
    return _wrap(np.ceil(self._v))


def round(self, decimals=0):  # noqa: A001
    return _wrap(np.round(self._v, decimals))


def isnan(self):
    return _wrap(np.isnan(self._v))


def isfinite(self):
    return _wrap(np.isfinite(self._v))


# ------------------------------------------------------------- reductions

def _dims(dim, nd):
    if dim is None:
        return tuple(range(nd))
    dims = (dim,) if isinstance(dim, (int, np.integer)) else tuple(dim)
    out = []
    for d in dims:
        m = _b.max(nd, 1)
        if not -m <= d < m:
            raise IndexError(f"Dimension out of range (expected to be in range of "
                             f"[{-m}, {m - 1}], but got {d})")
        out.append(int(d) % m)
    return tuple(sorted(set(out))) if nd else ()


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
    r = unary(reduce_sum_p, x, "SumBackward0" if dim is None else "SumBackward1",
              axes=axes)
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
    return sqrt(var(self, dim, unbiased, keepdim, correction=correction))


_MaxMin = collections.namedtuple("max", ["values", "indices"])


def max(self, dim=None, keepdim=False):  # noqa: A001
    if isinstance(dim, Tensor):
        return maximum(self, dim)
    if dim is None:
        return unary(reduce_max_p, self, "MaxBackward1", axes=tuple(range(self.ndim)))
    axes = _dims(dim, self.ndim)
    start = next(_seq)
    v = unary(reduce_max_p, self, "MaxBackward0", axes=axes)
    if keepdim:
        v = _keepdim(self, v, axes)
        if v.grad_fn is not None:
            v.grad_fn.__class__ = node_class("MaxBackward0")
            mark_hidden(v.grad_fn, start)
    idx = np.argmax(np.asarray(self._v), axis=axes[0]) if self.ndim else np.array(0)
    if keepdim:
        idx = np.expand_dims(idx, axes[0])
    return _MaxMin(v, _wrap(np.asarray(idx, np.int64)))


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
    idx = np.argmin(np.asarray(self._v), axis=_dims(dim, self.ndim)[0])
    if keepdim:
        idx = np.expand_dims(idx, _dims(dim, self.ndim)[0])
    return _MaxMin(v, _wrap(np.asarray(idx, np.int64)))


def amax(self, dim=None, keepdim=False):
    axes = _dims(dim, self.ndim)
    r = unary(reduce_max_p, self, "AmaxBackward0", axes=axes)
    return _keepdim(self, r, axes) if keepdim else r


def argmax(self, dim=None, keepdim=False):
    v = np.asarray(self._v)
    if dim is None:
        return _wrap(np.asarray(np.argmax(v), np.int64))
    r = np.argmax(v, axis=dim)
    return _wrap(np.asarray(np.expand_dims(r, dim) if keepdim else r, np.int64))


def argmin(self, dim=None, keepdim=False):
    v = np.asarray(self._v)
    if dim is None:
        return _wrap(np.asarray(np.argmin(v), np.int64))
    r = np.argmin(v, axis=dim)
    return _wrap(np.asarray(np.expand_dims(r, dim) if keepdim else r, np.int64))


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


def prod(self, dim=None, keepdim=False):
    if self.requires_grad:
        raise NotImplementedError("prod under autograd is not supported yet; use "
                                  "exp(log(x).sum()) for positive x")
    v = np.asarray(self._v)
    return _wrap(np.asarray(np.prod(v, axis=dim, keepdims=keepdim)))


def cumsum(self, dim):
    if self.requires_grad:
        raise NotImplementedError("cumsum under autograd is not supported yet")
    return _wrap(np.cumsum(np.asarray(self._v), axis=dim))


# ------------------------------------------------------------ contractions

def _check_mm(name, a, b):
    if not isinstance(b, Tensor):
        raise TypeError(f"{name}(): argument 'mat2' must be Tensor, not {type(b).__name__}")
    if a._v.dtype != b._v.dtype:
        raise RuntimeError(f"{name}: expected m1 and m2 to have the same dtype, but got: "
                           f"{a.dtype} != {b.dtype}")


def _dot(a, b, dn, name):
    av, bv = a._v, b._v
    out = _run(dot_general_p, av, bv, dimension_numbers=dn)
    t = _wrap(out)
    if _GRAD[0] and (a.requires_grad or b.requires_grad):
        _record(t, dot_general_p, {"dimension_numbers": dn}, (a, b), (av, bv), out, name)
    return t


_MM = (((1,), (0,)), ((), ()))


def mm(self, mat2):
    _check_mm("mm", self, mat2)
    sa, sb = self._v.shape, mat2._v.shape
    if len(sa) != 2 or len(sb) != 2:
        raise RuntimeError(f"mm: expected 2-D tensors, got {len(sa)}-D and {len(sb)}-D")
    if sa[1] != sb[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} "
                           f"and {sb[0]}x{sb[1]})")
    return _dot(self, mat2, _MM, "MmBackward0")


def bmm(self, mat2):
    _check_mm("bmm", self, mat2)
    if self.ndim != 3 or mat2.ndim != 3 or self.shape[0] != mat2.shape[0] or \
            self.shape[2] != mat2.shape[1]:
        raise RuntimeError(f"bmm: shapes {list(self.shape)} and {list(mat2.shape)} do not "
                           f"match (expected [b, n, m] and [b, m, p])")
    return _dot(self, mat2, (((2,), (1,)), ((0,), (0,))), "BmmBackward0")


def dot(self, other):
    _check_mm("dot", self, other)
    if self.ndim != 1 or other.ndim != 1 or self.shape != other.shape:
        raise RuntimeError(f"dot: expected two 1-D tensors of the same size, got "
                           f"{list(self.shape)} and {list(other.shape)}")
    return _dot(self, other, (((0,), (0,)), ((), ())), "DotBackward0")


def mv(self, vec):
    _check_mm("mv", self, vec)
    return _dot(self, vec, _MM, "MvBackward0")


def matmul(self, other):
    other = _t(other)
    _check_mm("matmul", self, other)
    a, b = self.ndim, other.ndim
    if a == 2 and b == 2:
        return mm(self, other)
    if a == 1 and b == 1:
        return dot(self, other)
    if a == 2 and b == 1:
        return mv(self, other)
    if a == 3 and b == 3 and self.shape[0] == other.shape[0]:
        return bmm(self, other)
    from ..nn import _stable
    from .. import numpy as fnp
    return _stable.bridge(fnp.matmul, "UnsafeViewBackward0", self, other)


def rmatmul(self, other):
    return matmul(_t(other), self)


# ------------------------------------------------------------- shape ops

def _shape_args(args):
    if len(args) == 1 and isinstance(args[0], (tuple, list, T.Size)):
        return tuple(args[0])
    return tuple(args)


def _infer(shape, n, name):
    shape = tuple(int(s) for s in shape)
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    if -1 in shape:
        known = 1
        for s in shape:
            if s != -1:
                known *= s
        if known == 0 or n % known:
            raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {n}")
        shape = tuple(n // known if s == -1 else s for s in shape)
    if int(np.prod(shape, dtype=np.int64)) != n:
        raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {n}")
    return shape


def view(self, *shape):
    if len(shape) == 1 and isinstance(shape[0], (T.dtype, np.dtype)):
        raise NotImplementedError("view(dtype) is not supported")
    shape = _infer(_shape_args(shape), self.numel(), "view")
    v = self._v
    if isinstance(v, np.ndarray):
        arr = v.view()
        try:
            arr.shape = shape
        except AttributeError:
            raise RuntimeError("view size is not compatible with input tensor's size and "
                               "stride (at least one dimension spans across two contiguous "
                               "subspaces). Use .reshape(...) instead.") from None
    else:
        arr = _run(reshape_p, v, new_sizes=shape)
    return view_of(self, arr, reshape_p, {"new_sizes": shape}, "ViewBackward0")


def reshape(self, *shape):
    shape = _infer(_shape_args(shape), self.numel(), "reshape")
    v = self._v
    arr = v.reshape(shape) if isinstance(v, np.ndarray) else _run(reshape_p, v, new_sizes=shape)
    if isinstance(v, np.ndarray) and not np.shares_memory(arr, v) and v.size:
        t = _wrap(arr)  # a copy (non-contiguous input), as torch.reshape makes
        if self.requires_grad and _GRAD[0]:
            _record(t, reshape_p, {"new_sizes": shape}, (self,), (v,), arr,
                    "UnsafeViewBackward0")
        return t
    return view_of(self, arr, reshape_p, {"new_sizes": shape}, "ViewBackward0")


def view_as(self, other):
    return view(self, other.shape)


def reshape_as(self, other):
    return reshape(self, other.shape)


def _permute(self, perm, name):
    perm = tuple(int(p) for p in perm)
    v = self._v
    arr = v.transpose(perm) if isinstance(v, np.ndarray) else _run(transpose_p, v,
                                                                   permutation=perm)
    return view_of(self, arr, transpose_p, {"permutation": perm}, name)


def t(self):
    if self.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is "
                           f"{self.ndim}D")
    return _permute(self, tuple(reversed(range(self.ndim))), "TBackward0")


def transpose(self, dim0, dim1):
    nd = self.ndim
    perm = list(range(nd))
    d0, d1 = _dims(dim0, nd)[0] if nd else 0, _dims(dim1, nd)[0] if nd else 0
    perm[d0], perm[d1] = perm[d1], perm[d0]
    return _permute(self, perm, "TransposeBackward0")


def permute(self, *dims):
    dims = _shape_args(dims)
    return _permute(self, [d % self.ndim for d in dims], "PermuteBackward0")


def unsqueeze(self, dim):
    nd = self.ndim + 1
    if not -nd <= dim < nd:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-nd}, "
                         f"{nd - 1}], but got {dim})")
    shape = list(self.shape)
    shape.insert(dim % nd, 1)
    t_ = view(self, shape)
    if t_.grad_fn is not None:
        t_.grad_fn.__class__ = node_class("UnsqueezeBackward0")
    return t_


def squeeze(self, dim=None):
    shape = list(self.shape)
    if dim is None:
        new = [s for s in shape if s != 1]
        name = "SqueezeBackward0"
    else:
        d = _dims(dim, self.ndim)
        new = [s for i, s in enumerate(shape) if not (i in d and s == 1)]
        name = "SqueezeBackward1"
    t_ = view(self, new)
    if t_.grad_fn is not None:
        t_.grad_fn.__class__ = node_class(name)
    return t_


def flatten(self, start_dim=0, end_dim=-1):
    nd = self.ndim
    if nd == 0:
        return reshape(self, (1,))
    s, e = start_dim % nd, end_dim % nd
    shape = list(self.shape)
    n = 1
    for d in shape[s:e + 1]:
        n *= d
    return reshape(self, shape[:s] + [n] + shape[e + 1:])


def expand(self, *sizes):
    sizes = _shape_args(sizes)
    shape = self.shape
    lead = len(sizes) - len(shape)
    if lead < 0:
        raise RuntimeError(f"expand: the number of sizes provided ({len(sizes)}) must be "
                           f"greater or equal to the number of dimensions in the tensor "
                           f"({len(shape)})")
    new = tuple(shape[i - lead] if s == -1 else s for i, s in enumerate(sizes))
    for i, d in enumerate(shape):
        if d != 1 and d != new[lead + i]:
            raise RuntimeError(f"The expanded size of the tensor ({new[lead + i]}) must "
                               f"match the existing size ({d}) at non-singleton dimension "
                               f"{lead + i}.  Target sizes: {list(sizes)}.  Tensor sizes: "
                               f"{list(shape)}")
    bd = tuple(range(lead, len(new)))
    v = self._v
    arr = np.broadcast_to(v, new) if isinstance(v, np.ndarray) else _run(
        broadcast_in_dim_p, v, shape=new, broadcast_dimensions=bd)
    return view_of(self, arr, broadcast_in_dim_p, {"shape": new, "broadcast_dimensions": bd},
                   "ExpandBackward0")


def expand_as(self, other):
    return expand(self, other.shape)


def repeat(self, *sizes):
    sizes = _shape_args(sizes)
    x = self
    if len(sizes) > x.ndim:
        x = reshape(x, (1,) * (len(sizes) - x.ndim) + tuple(x.shape))
    from ..nn import _stable
    return _stable.bridge(lambda v: _tile(v, sizes), "RepeatBackward0", x)


def _tile(v, reps):
    for ax, r in enumerate(reps):
        if r != 1:
            v = P.concatenate([v] * r, ax)
    return v


def cat(tensors, dim=0, *, out=None):
    ts = [_t(x) for x in tensors]
    if not ts:
        raise RuntimeError("torch.cat(): expected a non-empty list of Tensors")
    nd = ts[0].ndim
    dt = ts[0]._v.dtype
    for x in ts[1:]:
        dt = np.promote_types(dt, x._v.dtype)
    ts = [x.to(dt) for x in ts]
    r = apply_prim(_concat_p(), ts, {"dimension": int(dim) % nd},
                   "CatBackward0") if len(ts) > 1 else ts[0]
    return _out(r, out)


def _concat_p():
    from ..primitives.shape import concatenate_p
    return concatenate_p


concatenate = cat


@composite("StackBackward0")
def stack(tensors, dim=0, *, out=None):
    ts = [_t(x) for x in tensors]
    nd = ts[0].ndim + 1
    return _out(cat([unsqueeze(x, dim % nd) for x in ts], dim % nd), out)


def chunk(self, chunks, dim=0):
    n = self.shape[dim]
    size = -(-n // chunks)
    return split(self, size, dim)


def split(self, split_size, dim=0):
    from ._index import getitem
    n = self.shape[dim]
    sizes = [split_size] * (n // split_size) + ([n % split_size] if n % split_size else []) \
        if isinstance(split_size, int) else list(split_size)
    out, start = [], 0
    for s in sizes:
        idx = (slice(None),) * (dim % self.ndim) + (slice(start, start + s),)
        out.append(getitem(self, idx))
        start += s
    return tuple(out)


def _out(r, out):
    if out is None:
        return r
    if not isinstance(out, Tensor):
        raise TypeError("out= must be a Tensor")
    if out.shape != r.shape:
        out._v = np.array(r._v, dtype=out._v.dtype)  # resized, as torch does
        out._st = [0, None]
    else:
        np.copyto(out._v, r._v, casting="same_kind")
        out._st[0] += 1
    return out


# ---------------------------------------------------------------- in-place

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
        r = s * 0.0 if s.requires_grad else _wrap(np.zeros_like(np.asarray(s._v)))
        r2 = r + (v if isinstance(v, Tensor) else float(vv) if s._v.dtype.kind in "fc"
                  else vv)
        return r2
    if not (self.requires_grad or isinstance(value, Tensor) and value.requires_grad):
        check_inplace(self, "fill_")
        if isinstance(value, Tensor):
            self._v[...] = value._v
        else:
            self._v.fill(value)
        _bump(self)
        return self
    return inplace(self, "fill_", compute, (value,))


def zero_(self):
    return fill_(self, 0)


def copy_(self, src, non_blocking=False):
    src = _t(src)

    def compute(s, v):
        r = v.to(s.dtype)
        if r.shape != s.shape:
            r = expand(r, s.shape)
        return r + s * 0 if s.requires_grad else r
    if not (self.requires_grad or src.requires_grad):
        check_inplace(self, "copy_")
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


def _rand_fill(name, sampler):
    def method(self, *args, **kwargs):
        from ._creation import _rng
        check_inplace(self, name)
        self._v[...] = sampler(_rng(), self._v.shape, *args, **kwargs)
        _bump(self)
        return self
    method.__name__ = name
    return method


uniform_ = _rand_fill("uniform_", lambda g, s, a=0.0, b=1.0: g.uniform(a, b, s))
normal_ = _rand_fill("normal_", lambda g, s, mean=0.0, std=1.0: g.normal(mean, std, s))


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
    "uniform_": uniform_, "normal_": normal_,
}
