"""More torch math: trigonometric/hyperbolic/log/rounding functions, erfc,
atan2, hypot, logaddexp, lerp, xlogy, fmod/remainder, softmax family as
torch.* names, amin/aminmax, var_mean/std_mean, addmm/baddbmm/addmv, einsum,
kron, cross, cdist, isclose, logical/any/all, nan reductions, and the
``torch.linalg`` face of ``functorch_lite.numpy.linalg``.

Each differentiable op applies a ``functorch_lite.numpy`` function through
the recording bridge (one node, PyTorch's grad_fn name).  Integer and bool
inputs of float-valued ops are first converted to the default dtype, as
PyTorch does; float32 stays float32.
"""
import builtins as _b
import types
from typing import NamedTuple

import numpy as np

from .. import numpy as fnp
from ..numpy import _stable as _S
from ..primitives.special import erfc_p
from . import _types as T
from ._bridge import bridge
from ._dispatch import apply
from ._oputil import _dims, _t
from ._reduce import _keepdim, mean, std, var
from ._tensor import Tensor, _wrap

class _aminmax_t(NamedTuple):
    """What ``aminmax`` returns (``torch.return_types.aminmax``)."""

    min: Tensor
    max: Tensor


_aminmax_t.__name__ = _aminmax_t.__qualname__ = "aminmax"   # printed as PyTorch prints it


def _fl(x):
    """Float-valued op input: ints and bools become the default float dtype."""
    x = _t(x)
    return x if x._v.dtype.kind in "fc" else x.to(T.get_default_dtype())


def _pair(a, b):
    """Two operands of a float op, promoted together (numbers stay weak)."""
    a = _fl(a)
    if isinstance(b, Tensor):
        b = _fl(b)
        if a.dtype != b.dtype:
            from ._promote import result_np_dtype
            dt = result_np_dtype(a, b)
            a, b = a.to(dt), b.to(dt)
        return a, b
    return a, np.asarray(b, a._v.dtype)


def _unary(fn, name):
    def op(self):
        return bridge(fn, name, _fl(self))
    op.__name__ = name
    return op


_UNARY = {
    "tan": (fnp.tan, "TanBackward0"), "asin": (fnp.arcsin, "AsinBackward0"),
    "acos": (fnp.arccos, "AcosBackward0"), "atan": (fnp.arctan, "AtanBackward0"),
    "sinh": (fnp.sinh, "SinhBackward0"), "cosh": (fnp.cosh, "CoshBackward0"),
    "asinh": (lambda v: fnp.log(v + fnp.sqrt(v * v + 1)), "AsinhBackward0"),
    "acosh": (lambda v: fnp.log(v + fnp.sqrt(v * v - 1)), "AcoshBackward0"),
    "atanh": (lambda v: 0.5 * fnp.log((1 + v) / (1 - v)), "AtanhBackward0"), "log2": (fnp.log2, "Log2Backward0"),
    "log10": (fnp.log10, "Log10Backward0"), "exp2": (fnp.exp2, "Exp2Backward0"),
    "trunc": (lambda v: fnp.where(v < 0, fnp.ceil(v), fnp.floor(v)), "TruncBackward0"),
    "frac": (lambda v: v - fnp.where(v < 0, fnp.ceil(v), fnp.floor(v)), "FracBackward0"),
    "sgn": (fnp.sign, "SgnBackward0"),
}
UNARY = {n: _unary(f, nm) for n, (f, nm) in _UNARY.items()}
UNARY.update({"arcsin": UNARY["asin"], "arccos": UNARY["acos"], "arctan": UNARY["atan"],
              "arcsinh": UNARY["asinh"], "arccosh": UNARY["acosh"],
              "arctanh": UNARY["atanh"], "fix": UNARY["trunc"]})


def erfc(self):
    return apply(erfc_p, (_fl(self),))


def logit(self, eps=None):
    x = _fl(self)
    if eps is None:
        return bridge(lambda v: fnp.log(v / (1 - v)), "LogitBackward0", x)
    return bridge(lambda v: fnp.log(fnp.clip(v, eps, 1 - eps) / (1 - fnp.clip(v, eps, 1 - eps))),
                  "LogitBackward0", x)


def atan2(self, other):
    a, b = _pair(self, other)
    return bridge(fnp.arctan2, "Atan2Backward0", a, b)


def hypot(self, other):
    a, b = _pair(self, other)
    return bridge(lambda x, y: fnp.sqrt(x * x + y * y), "HypotBackward0", a, b)


def _logaddexp(x, y):
    m = fnp.maximum(x, y)
    fin = fnp.isfinite(m)
    ms = fnp.where(fin, m, 0)
    return fnp.where(fin, ms + fnp.log(fnp.exp(x - ms) + fnp.exp(y - ms)), m)


def logaddexp(self, other):
    a, b = _pair(self, other)
    return bridge(_logaddexp, "LogaddexpBackward0", a, b)


def xlogy(self, other):
    a, b = _pair(self, other)
    return bridge(lambda x, y: fnp.where(x == 0, 0, x * fnp.log(fnp.where(x == 0, 1, y))),
                  "XlogyBackward0", a, b)


def lerp(self, end, weight):
    a, b = _pair(self, end)
    if isinstance(weight, Tensor):
        return bridge(lambda x, y, w: x + w * (y - x), "LerpBackward1", a, b, weight.to(a.dtype))
    return bridge(lambda x, y: x + weight * (y - x), "LerpBackward0", a, b)


def fmod(self, other):
    a, b = _pair(self, other) if _t(self)._v.dtype.kind in "fc" else (_t(self), other)
    if a._v.dtype.kind not in "fc":
        bv = other._v if isinstance(other, Tensor) else other
        return _wrap(np.fmod(a._v, bv))
    return bridge(lambda x, y: x - y * fnp.where(x / y < 0, fnp.ceil(x / y),
                                                  fnp.floor(x / y)), "FmodBackward0", a, b)


def remainder(self, other):
    x = _t(self)
    if x._v.dtype.kind not in "fc":
        bv = other._v if isinstance(other, Tensor) else other
        return _wrap(np.remainder(x._v, bv))
    a, b = _pair(x, other)
    return bridge(lambda u, v: u - v * fnp.floor(u / v), "RemainderBackward0", a, b)


def floor_divide(self, other):
    return _t(self).div(other, rounding_mode="floor")


def softmax(self, dim, dtype=None):
    x = self.to(dtype) if dtype is not None else _fl(self)
    return bridge(_S.softmax, "SoftmaxBackward0", x, axis=dim)


def log_softmax(self, dim, dtype=None):
    x = self.to(dtype) if dtype is not None else _fl(self)
    return bridge(_S.log_softmax, "LogSoftmaxBackward0", x, axis=dim)


def softmin(self, dim, dtype=None):
    """``softmax(-self, dim, dtype)``: as ``torch.nn.functional.softmin`` (here also
    ``torch.softmin`` and a Tensor method, which PyTorch does not have).
    """
    return softmax(-self, dim, dtype)


def logsumexp(self, dim, keepdim=False):
    x = _fl(self)
    d = _dims(dim, x.ndim)
    return bridge(_S.logsumexp, "LogsumexpBackward0", x, axis=d, keepdims=keepdim)


def amin(self, dim=None, keepdim=False):
    d = _dims(dim, self.ndim) if dim is not None and dim != () else None
    return bridge(lambda v: fnp.amin(v, axis=d, keepdims=keepdim), "AminBackward0", self)


def aminmax(self, *, dim=None, keepdim=False):
    from ._reduce import amax
    if dim is None:
        lo, hi = amin(self), amax(self)
    else:
        lo, hi = amin(self, dim, keepdim), amax(self, dim, keepdim)
    return _aminmax_t(_named(lo, "AminmaxBackward0"), _named(hi, "AminmaxBackward0"))


def var_mean(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return (_named(var(self, dim, unbiased, keepdim, correction=correction), "VarMeanBackward0"),
            _named(mean(self if self._v.dtype.kind in "fc" else _fl(self), dim, keepdim),
                   "VarMeanBackward0"))


def std_mean(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return (_named(std(self, dim, unbiased, keepdim, correction=correction), "StdMeanBackward0"),
            _named(mean(self if self._v.dtype.kind in "fc" else _fl(self), dim, keepdim),
                   "StdMeanBackward0"))


def _named(t, name):
    if t.grad_fn is not None:
        from ._graph import node_class
        t.grad_fn.__class__ = node_class(name)
    return t


def nansum(self, dim=None, keepdim=False, *, dtype=None):
    x = self.to(dtype) if dtype is not None else self
    d = _dims(dim, x.ndim) if dim is not None else None
    return bridge(lambda v: fnp.sum(fnp.where(v != v, 0, v), axis=d, keepdims=keepdim),
                  "NansumBackward0", x)


def nanmean(self, dim=None, keepdim=False, *, dtype=None):
    x = self.to(dtype) if dtype is not None else self
    d = _dims(dim, x.ndim) if dim is not None else None
    return bridge(lambda v: fnp.sum(fnp.where(v != v, 0, v), axis=d, keepdims=keepdim) /
                  fnp.sum(fnp.where(v != v, 0, 1), axis=d, keepdims=keepdim),
                  "DivBackward0", x)


def any(self, dim=None, keepdim=False):  # noqa: A001
    r = np.any(np.asarray(self._v), axis=dim, keepdims=keepdim)
    return _wrap(np.asarray(r))


def all(self, dim=None, keepdim=False):  # noqa: A001
    return _wrap(np.asarray(np.all(np.asarray(self._v), axis=dim, keepdims=keepdim)))


def count_nonzero(self, dim=None):
    return _wrap(np.asarray(np.count_nonzero(np.asarray(self._v), axis=dim), np.int64))


def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    a, b = np.asarray(self._v), np.asarray(_t(other)._v)
    return _wrap(np.isclose(a, b, rtol, atol, equal_nan))


def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return _b.bool(isclose(self, other, rtol, atol, equal_nan)._v.all())


def isinf(self):
    return _wrap(np.isinf(np.asarray(self._v)))


def isposinf(self):
    return _wrap(np.isposinf(np.asarray(self._v)))


def isneginf(self):
    return _wrap(np.isneginf(np.asarray(self._v)))


def signbit(self):
    return _wrap(np.signbit(np.asarray(self._v)))


def nan_to_num(self, nan=0.0, posinf=None, neginf=None):
    fi = np.finfo(self._v.dtype) if self._v.dtype.kind == "f" else None
    hi = posinf if posinf is not None else (fi.max if fi is not None else 0)
    lo = neginf if neginf is not None else (fi.min if fi is not None else 0)
    return bridge(lambda v: fnp.where(v != v, nan, fnp.where(v == np.inf, hi, fnp.where(
        v == -np.inf, lo, v))), "NanToNumBackward0", self)


def _logic(fn):
    def op(self, other):
        return _wrap(fn(np.asarray(self._v), np.asarray(_t(other)._v)))
    return op


logical_and, logical_or, logical_xor = (_logic(np.logical_and), _logic(np.logical_or),
                                        _logic(np.logical_xor))
bitwise_and, bitwise_or, bitwise_xor = (_logic(np.bitwise_and), _logic(np.bitwise_or),
                                        _logic(np.bitwise_xor))


def heaviside(self, values):
    return _wrap(np.heaviside(np.asarray(self._v), np.asarray(_t(values)._v)).astype(
        self._v.dtype))


def float_power(self, exponent):
    x = self.to(T.float64)
    e = exponent.to(T.float64) if isinstance(exponent, Tensor) else float(exponent)
    return x.pow(e)


def addmm(self, mat1, mat2, *, beta=1, alpha=1):
    """beta * self + alpha * (mat1 @ mat2)."""
    return bridge(lambda c, a, b: _lin(c, fnp.matmul(a, b), beta, alpha), "AddmmBackward0",
                  self, mat1, mat2)


def addmv(self, mat, vec, *, beta=1, alpha=1):
    return bridge(lambda c, a, b: _lin(c, fnp.matmul(a, b), beta, alpha), "AddmvBackward0",
                  self, mat, vec)


def baddbmm(self, batch1, batch2, *, beta=1, alpha=1):
    return bridge(lambda c, a, b: _lin(c, fnp.matmul(a, b), beta, alpha), "BaddbmmBackward0",
                  self, batch1, batch2)


def addbmm(self, batch1, batch2, *, beta=1, alpha=1):
    return bridge(lambda c, a, b: _lin(c, fnp.sum(fnp.matmul(a, b), axis=0), beta, alpha),
                  "AddbmmBackward0", self, batch1, batch2)


def _lin(c, p, beta, alpha):
    p = p * alpha if alpha != 1 else p
    if beta == 0:        # PyTorch ignores self (even NaN) when beta is 0
        return p
    return (c * beta if beta != 1 else c) + p


def einsum(equation, *operands):
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    return bridge(lambda *vs: fnp.einsum(equation, *vs), "ViewBackward0",
                  *[_t(o) for o in operands])


def kron(self, other):
    def f(a, b):
        nd = _b.max(a.ndim, b.ndim)
        a = fnp.reshape(a, (1,) * (nd - a.ndim) + tuple(a.shape))
        b = fnp.reshape(b, (1,) * (nd - b.ndim) + tuple(b.shape))
        sa = [s for d in a.shape for s in (d, 1)]
        sb = [s for d in b.shape for s in (1, d)]
        out = fnp.reshape(a, sa) * fnp.reshape(b, sb)
        return fnp.reshape(out, tuple(x * y for x, y in zip(a.shape, b.shape)))
    a, b = _pair(self, other) if _t(self)._v.dtype.kind in "fc" else (_t(self), _t(other))
    return bridge(f, "UnsafeViewBackward0", a, b)


def cross(self, other, dim=None):
    a, b = _t(self), _t(other)
    if dim is None:
        dim = next((i for i, s in enumerate(np.broadcast_shapes(tuple(a.shape),
                                                                 tuple(b.shape))) if s == 3),
                   -1)
    if a.shape[dim] != 3:
        raise RuntimeError(f"linalg.cross: inputs dimension {dim} must have length 3. Got "
                           f"{a.shape[dim]} and {b.shape[dim]}")

    def f(x, y):
        x, y = fnp.moveaxis(x, dim, -1), fnp.moveaxis(y, dim, -1)
        c = fnp.stack([x[..., 1] * y[..., 2] - x[..., 2] * y[..., 1],
                       x[..., 2] * y[..., 0] - x[..., 0] * y[..., 2],
                       x[..., 0] * y[..., 1] - x[..., 1] * y[..., 0]], axis=-1)
        return fnp.moveaxis(c, -1, dim)
    return bridge(f, "LinalgCrossBackward0", a, b)


def cdist(x1, x2, p=2.0, compute_mode=None):
    """Distances between the rows of x1 (..., P, M) and x2 (..., R, M)."""
    def f(a, b):
        d = a[..., :, None, :] - b[..., None, :, :]
        if p == 2:
            s = fnp.sum(d * d, axis=-1)
            pos = s > 0
            return fnp.where(pos, fnp.sqrt(fnp.where(pos, s, 1)), 0)
        if p == 1:
            return fnp.sum(fnp.abs(d), axis=-1)
        if p == float("inf"):
            return fnp.max(fnp.abs(d), axis=-1)
        return fnp.sum(fnp.abs(d) ** p, axis=-1) ** (1.0 / p)
    return bridge(f, "CdistBackward0", x1, x2)


def inner(self, other):
    return bridge(lambda a, b: fnp.sum(a * b, axis=-1) if a.ndim and b.ndim else a * b,
                  "SumBackward1", self, other) if self.ndim <= 1 and other.ndim <= 1 else \
        bridge(lambda a, b: fnp.tensordot(a, b, axes=([-1], [-1])), "ViewBackward0",
               self, other)


# ------------------------------------------------------------- torch.linalg

def _lin1(fn, name):
    def op(A, *a, **k):
        return bridge(lambda v: fn(v, *a, **k), name, _fl(A))
    return op


def _vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):  # noqa: A002
    x = _fl(x) if dtype is None else x.to(dtype)
    d = _dims(dim, x.ndim) if dim is not None else None

    def f(v):
        a = fnp.abs(v)
        if ord == float("inf"):
            return fnp.max(a, axis=d, keepdims=keepdim)
        if ord == -float("inf"):
            return fnp.min(a, axis=d, keepdims=keepdim)
        if ord == 0:
            return fnp.sum(fnp.where(v != 0, 1.0, 0.0), axis=d, keepdims=keepdim)
        if ord == 2:
            s = fnp.sum(a * a, axis=d, keepdims=keepdim)
            pos = s > 0
            return fnp.where(pos, fnp.sqrt(fnp.where(pos, s, 1)), 0)
        if ord == 1:
            return fnp.sum(a, axis=d, keepdims=keepdim)
        return fnp.sum(a ** ord, axis=d, keepdims=keepdim) ** (1.0 / ord)
    return bridge(f, "LinalgVectorNormBackward0", x)


def _multi(fn, names):
    """A linalg function with several outputs: one bridged node per output."""
    def op(A, *a, **k):
        x = _fl(A)
        outs = [bridge(lambda v, i=i: fn(v, *a, **k)[i], nm, x) for i, nm in
                enumerate(names)]
        return tuple(outs)
    return op


linalg = types.SimpleNamespace(
    inv=_lin1(fnp.linalg.inv, "LinalgInvExBackward0"),
    det=_lin1(fnp.linalg.det, "LinalgDetBackward0"),
    solve=lambda A, B: bridge(fnp.linalg.solve, "LinalgSolveExBackward0", _fl(A), _fl(B)),
    cholesky=_lin1(fnp.linalg.cholesky, "LinalgCholeskyExBackward0"),
    norm=lambda A, ord=None, dim=None, keepdim=False, **k: bridge(
        lambda v: fnp.linalg.norm(v, ord, dim, keepdim), "LinalgVectorNormBackward0", _fl(A)),
    vector_norm=_vector_norm,
    eigvalsh=_lin1(fnp.linalg.eigvalsh, "LinalgEighBackward0"),
    slogdet=_multi(fnp.linalg.slogdet, ("LinalgSlogdetBackward0",) * 2),
    eigh=_multi(fnp.linalg.eigh, ("LinalgEighBackward0",) * 2),
    qr=_multi(fnp.linalg.qr, ("LinalgQrBackward0",) * 2),
    svd=lambda A, full_matrices=True: _multi(
        lambda v: fnp.linalg.svd(v, full_matrices=full_matrices),
        ("LinalgSvdBackward0",) * 3)(A),
    matrix_power=lambda A, n: _matrix_power(A, n),
)
linalg.__doc__ = ("torch.linalg over functorch_lite.numpy.linalg: inv, det, slogdet, solve, "
                  "cholesky, qr, eigh, eigvalsh, svd (full_matrices=True by default, as "
                  "PyTorch), norm, vector_norm, matrix_power; each output with its gradient.")


def _matrix_power(A, n):
    if n < 0:
        return _matrix_power(linalg.inv(A), -n)
    r = None
    for _ in range(n):
        r = A if r is None else r.matmul(A)
    return r if r is not None else _wrap(np.broadcast_to(np.eye(A.shape[-1], dtype=A._v.dtype),
                                                         A._v.shape).copy())


def det(self):
    return linalg.det(self)


def inverse(self):
    return linalg.inv(self)


def logdet(self):
    s, l = linalg.slogdet(self)
    return l + (s < 0).to(l.dtype).log()
