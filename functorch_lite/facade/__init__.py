"""The PyTorch-style Tensor facade (``import functorch_lite as torch``)."""
import builtins as _b

import numpy as np

from . import _convert  # noqa: F401 - installs Tensor.to/clone/float/cuda/...
from . import _ops as O
from . import accelerator, cuda  # noqa: F401
from ._creation import *  # noqa: F401,F403
from ._creation import (new_empty, new_full, new_ones, new_tensor, new_zeros)
from ._engine import (enable_grad, inference_mode, is_grad_enabled, no_grad,  # noqa: F401
                      set_grad_enabled)
from ._index import getitem, setitem
from ._print import set_printoptions  # noqa: F401
from ._dispatch import apply as _apply
from ..primitives import cplx as _C
from ._tensor import Tensor, as_tensor  # noqa: F401
from ._types import (Size, bool, cdouble, complex64, complex128, device, double,  # noqa
                     dtype, float, float16, float32, float64, get_default_dtype, half,
                     int, int8, int16, int32, int64, long, set_default_dtype, short, uint8)

# one-input primitives come from the registry (their ``facade`` trait names
# them: O.FACADE); the rest are composites or need argument handling
_METHODS = {
    "add": O.add, "sub": O.sub, "subtract": O.sub, "mul": O.mul, "multiply": O.mul,
    "div": O.div, "divide": O.div, "true_divide": O.div, "pow": O.pow,
    "rsqrt": O.rsqrt, "reciprocal": O.reciprocal, "square": O.square,
    "clamp": O.clamp, "clip": O.clamp, "clamp_min": O.clamp_min,
    "clamp_max": O.clamp_max, "relu": O.relu, "sigmoid": O.sigmoid,
    "maximum": O.maximum, "minimum": O.minimum, "eq": O.eq, "ne": O.ne, "lt": O.lt,
    "le": O.le, "gt": O.gt, "ge": O.ge, "round": O.round,
    "isnan": O.isnan, "isfinite": O.isfinite, "logical_not": O.logical_not,
    "sum": O.sum, "mean": O.mean, "var": O.var, "std": O.std, "max": O.max, "min": O.min,
    "amax": O.amax, "argmax": O.argmax, "argmin": O.argmin, "norm": O.norm, "prod": O.prod,
    "cumsum": O.cumsum, "cumprod": O.cumprod, "mm": O.mm, "bmm": O.bmm, "dot": O.dot, "mv": O.mv,
    "matmul": O.matmul, "view": O.view, "reshape": O.reshape, "view_as": O.view_as,
    "reshape_as": O.reshape_as, "t": O.t, "transpose": O.transpose, "permute": O.permute,
    "unsqueeze": O.unsqueeze, "squeeze": O.squeeze, "flatten": O.flatten,
    "expand": O.expand, "expand_as": O.expand_as, "repeat": O.repeat, "chunk": O.chunk,
    "split": O.split, "where": lambda self, c, y: O.where(c, self, y),
    "new_ones": new_ones, "new_zeros": new_zeros, "new_empty": new_empty,
    "new_full": new_full, "new_tensor": new_tensor,
}
_METHODS.update(O.FACADE)
_METHODS.update(O.INPLACE)
for _n, _f in _METHODS.items():
    setattr(Tensor, _n, _f)


def _swap(f):
    return lambda self, other: f(other, self)


_OPERATORS = {
    "__add__": O.add, "__radd__": O.add, "__sub__": O.sub, "__rsub__": O.rsub,
    "__mul__": O.mul, "__rmul__": O.mul, "__truediv__": O.div, "__rtruediv__": O.rdiv,
    "__pow__": O.pow, "__rpow__": O.rpow, "__matmul__": O.matmul,
    "__rmatmul__": O.rmatmul, "__neg__": O.neg, "__pos__": lambda self: self,
    "__abs__": O.abs, "__lt__": O.lt, "__le__": O.le, "__gt__": O.gt, "__ge__": O.ge,
    "__eq__": O.eq, "__ne__": O.ne, "__and__": O.and_, "__or__": O.or_,
    "__xor__": O.xor, "__invert__": O.invert, "__rand__": O.and_, "__ror__": O.or_,
    "__getitem__": getitem, "__setitem__": setitem,
    "__iadd__": O.INPLACE["add_"], "__isub__": O.INPLACE["sub_"],
    "__imul__": O.INPLACE["mul_"], "__itruediv__": O.INPLACE["div_"],
    "__floordiv__": lambda self, o: O.div(self, o, rounding_mode="floor"),
}
for _n, _f in _OPERATORS.items():
    setattr(Tensor, _n, _f)
Tensor.__hash__ = lambda self: id(self)
Tensor.T = property(lambda self: O.permute(self, tuple(reversed(range(self.ndim)))))
Tensor.mT = property(lambda self: O.transpose(self, -2, -1))

# complex numbers: real/imag are attributes in PyTorch; conj of a real tensor is itself
def _cpart(p):
    return lambda self: _apply(p, (self,)) if self._v.dtype.kind == "c" else (
        self if p is _C.real_p else O.mul(self, 0))


Tensor.real, Tensor.imag = property(_cpart(_C.real_p)), property(_cpart(_C.imag_p))
Tensor.conj = lambda self: _apply(_C.conj_p, (self,)) if self._v.dtype.kind == "c" else self


def _function(name, method):
    if method is O.FACADE.get(name):    # a one-input primitive: no *args/**kwargs to pass
        def f(input, *, out=None):  # noqa: A002
            r = method(input if isinstance(input, Tensor) else as_tensor(input))
            return O._out(r, out) if out is not None else r
    else:
        def f(input, *args, out=None, **kwargs):  # noqa: A002
            r = method(input if isinstance(input, Tensor) else as_tensor(input), *args,
                       **kwargs)
            return O._out(r, out) if out is not None else r
    f.__name__ = name
    return f


_FUNCS = [*O.FACADE, "add", "sub", "subtract", "mul", "multiply", "div", "divide",
          "true_divide", "pow", "rsqrt", "reciprocal", "square", "clamp",
          "clip", "clamp_min", "clamp_max", "relu", "sigmoid", "maximum", "minimum", "eq",
          "ne", "lt", "le", "gt", "ge", "round", "isnan", "isfinite",
          "logical_not", "sum", "mean", "var", "std", "max", "min", "amax", "argmax",
          "argmin", "norm", "prod", "cumsum", "cumprod", "mm", "bmm", "dot", "mv", "matmul",
          "reshape", "t", "transpose", "permute", "unsqueeze", "squeeze", "flatten",
          "chunk", "split"]
for _n in _FUNCS:
    globals()[_n] = _function(_n, _METHODS[_n])

cat, concatenate, stack, where = O.cat, O.cat, O.stack, O.where
real, imag = (lambda input: input.real), (lambda input: input.imag)  # noqa: A002
conj = Tensor.conj

# the issue-15 ops: selection/rearrangement (_ext_index) and math (_ext_math)
from . import _ext_index as XI  # noqa: E402
from . import _ext_math as XM  # noqa: E402
from . import _fft as _FFT  # noqa: E402
_EXT = {n: getattr(XI, n) for n in (
    "index_select", "gather", "scatter", "scatter_add", "scatter_reduce", "index_add",
    "masked_fill", "masked_select", "take", "take_along_dim", "sort", "argsort", "topk",
    "nonzero", "argwhere", "unique", "bincount", "flip", "fliplr", "flipud", "roll", "rot90",
    "tril", "triu", "diagonal", "diag_embed", "diag", "trace", "movedim", "swapaxes",
    "narrow", "repeat_interleave", "diff", "unbind", "select", "tensor_split", "unflatten",
    "broadcast_to", "tile", "atleast_1d", "atleast_2d")}
_EXT.update(moveaxis=XI.movedim, swapdims=XI.swapaxes)
_EXT.update(XM.UNARY)
_EXT.update({n: getattr(XM, n) for n in (
    "erfc", "logit", "atan2", "hypot", "logaddexp", "xlogy", "lerp", "fmod", "remainder",
    "floor_divide", "softmax", "log_softmax", "logsumexp", "amin", "aminmax", "nansum",
    "nanmean", "any", "all", "count_nonzero", "isclose", "allclose", "isinf", "isposinf",
    "isneginf", "signbit", "nan_to_num", "logical_and", "logical_or", "logical_xor",
    "bitwise_and", "bitwise_or", "bitwise_xor", "heaviside", "float_power", "addmm",
    "addmv", "baddbmm", "addbmm", "kron", "cross", "inner", "det", "inverse", "logdet")})
_EXT["arctan2"] = XM.atan2
for _n, _f in _EXT.items():
    setattr(Tensor, _n, _f)
    if _n not in ("allclose",):
        globals()[_n] = _function(_n, _f)
Tensor.unfold = XI.unfold
Tensor.outer = lambda self, other: outer(self, other)
Tensor.var_mean = XM.var_mean
Tensor.std_mean = XM.std_mean
for _n in ("masked_fill", "scatter", "scatter_add", "index_add", "tril", "triu", "lerp"):
    setattr(Tensor, _n + "_", O._ip(_n + "_", _EXT[_n]))
var_mean, std_mean, softmin = XM.var_mean, XM.std_mean, XM.softmin
meshgrid, einsum, cdist, broadcast_tensors = XI.meshgrid, XM.einsum, XM.cdist, \
    XI.broadcast_tensors
hstack, vstack, dstack, column_stack = XI.hstack, XI.vstack, XI.dstack, XI.column_stack
linalg = XM.linalg
fft = _FFT.fft


def clone(input, memory_format=None):  # noqa: A002
    return input.clone()


def detach(input):  # noqa: A002
    return input.detach()


def numel(input):  # noqa: A002
    return input.numel()


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(input):  # noqa: A002
    return input.is_floating_point()


def _pair_ns(a, b):
    from ._tensor import _device_error, _on_dev, _xp
    da, db = _on_dev(a._v), _on_dev(b._v)
    if da != db:
        raise _device_error()
    return (_xp(a._v), a._v, b._v) if da else (np, np.asarray(a._v), np.asarray(b._v))


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    xp, av, bv = _pair_ns(a, b)
    return _b.bool(_host_scalar(xp.allclose(av, bv, rtol, atol, equal_nan), "allclose"))


def equal(a, b):
    if a.shape != b.shape:
        return False
    xp, av, bv = _pair_ns(a, b)
    return _b.bool(_host_scalar(xp.array_equal(av, bv), "equal"))


def _host_scalar(r, what):
    from ._tensor import _on_dev, _to_host
    return _to_host(r, f"torch.{what} of cuda tensors (reads its answer on the host)") \
        if _on_dev(r) else r


def outer(a, b):
    return O.mul(O.unsqueeze(a, 1), O.unsqueeze(b, 0))

__all__ = [_n for _n in list(globals()) if not _n.startswith("_") and
           _n not in ("np", "O", "XI", "XM")]


class _AtIndexer:
    """``t.at[idx].set(v)`` (and add / multiply / min / max): functional updates
    returning a new Tensor, differentiable in both t and v (functorch_lite.numpy's
    ``at`` applied through the recording bridge)."""

    def __init__(self, t, idx=None):
        self._t, self._idx = t, idx

    def __getitem__(self, idx):
        return _AtIndexer(self._t, idx)

    def _apply(self, op, value, name):
        from .. import numpy as fnp
        from ._bridge import bridge
        idx = self._idx

        def fn(x, v):
            return getattr(fnp.at(x)[idx], op)(v)
        return bridge(fn, name, self._t, value)

    def set(self, v):
        return self._apply("set", v, "IndexPutBackward0")

    def add(self, v):
        return self._apply("add", v, "IndexPutBackward0")

    def multiply(self, v):
        return self._apply("multiply", v, "IndexPutBackward0")

    def min(self, v):
        return self._apply("min", v, "IndexPutBackward0")

    def max(self, v):
        return self._apply("max", v, "IndexPutBackward0")


def _at(self):
    """JAX's functional indexed update on a Tensor (PyTorch has no ``.at``):
    ``t.at[idx].set(v)``, ``.add``, ``.multiply``, ``.min`` and ``.max`` return a
    new Tensor, ``t`` unchanged, differentiable in both ``t`` and ``v``."""
    return _AtIndexer(self)


Tensor.at = property(_at)
__all__ = [_n for _n in __all__ if _n != "_AtIndexer"]


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402

_DIFFERS = {   # as PyTorch's but for the differences named (docs/facade.md)
    "unique": "As ``torch.unique`` (same arguments), except that ``sorted=False`` still "
              "returns the values sorted.",
    "sort": "As ``torch.sort`` (same arguments and results), except that ties always keep "
            "their input order (a stable sort, whatever ``stable=`` says).",
    "topk": "As ``torch.topk`` (same arguments), except that ties are broken by position "
            "(the earlier element first).",
    "max": "As ``torch.max`` (same arguments and results), except that the backward of "
           "``max(dim)``/``max()`` shares the gradient equally among tied maxima "
           "(PyTorch's picks one index for ``max(dim)``).",
    "min": "As ``torch.min`` (same arguments and results), except that the backward of "
           "``min(dim)``/``min()`` shares the gradient equally among tied minima "
           "(PyTorch's picks one index for ``min(dim)``).",
}
for _n, _d in _DIFFERS.items():
    globals()[_n].__doc__ = _d
for _n in ("max", "min"):     # the methods of unique/sort/topk have their own docstrings
    getattr(Tensor, _n).__doc__ = _DIFFERS[_n].replace("``torch.", "``torch.Tensor.")
set_rng_state.__doc__ = ("As ``torch.set_rng_state``, but the state is this library's byte "
                         "layout (from ``get_rng_state``), not PyTorch's.")

_mirror(globals(), "torch", (
    "BoolTensor", "ByteTensor", "CharTensor", "DoubleTensor", "FloatTensor", "HalfTensor",
    "IntTensor", "LongTensor", "ShortTensor", "abs", "absolute", "acos", "acosh", "add",
    "addbmm", "addmm", "addmv", "all", "allclose", "amax", "amin", "aminmax", "any",
    "arange", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctan2", "arctanh",
    "argmax", "argmin", "argsort", "argwhere", "as_tensor", "asarray", "asin", "asinh",
    "atan", "atan2", "atanh", "atleast_1d", "atleast_2d", "baddbmm", "bincount",
    "bitwise_and", "bitwise_or", "bitwise_xor", "bmm", "broadcast_tensors", "broadcast_to",
    "cat", "ceil", "chunk", "clamp", "clamp_max", "clamp_min", "clip", "clone",
    "column_stack", "concatenate", "conj", "cos", "cosh", "count_nonzero", "cross",
    "cumprod", "cumsum", "det", "detach", "diag", "diag_embed", "diagonal", "diff",
    "digamma", "div", "divide", "dot", "dstack", "einsum", "empty", "empty_like",
    "enable_grad", "eq", "equal", "erf", "erfc", "erfinv", "exp", "exp2", "expm1", "eye",
    "fix", "flatten", "flip", "fliplr", "flipud", "float_power", "floor", "floor_divide",
    "fmod", "frac", "from_numpy", "full", "full_like", "gather", "ge", "get_default_device",
    "get_default_dtype", "gt", "heaviside", "hstack", "hypot", "imag", "index_add",
    "index_select", "inference_mode", "initial_seed", "inner", "inverse",
    "is_floating_point", "is_grad_enabled", "is_tensor", "isclose", "isfinite", "isinf",
    "isnan", "isneginf", "isposinf", "kron", "le", "lerp", "lgamma", "linspace", "log",
    "log10", "log1p", "log2", "log_softmax", "logaddexp", "logdet", "logical_and",
    "logical_not", "logical_or", "logical_xor", "logit", "logsumexp", "lt", "masked_fill",
    "masked_select", "matmul", "maximum", "mean", "minimum", "mm", "moveaxis",
    "movedim", "mul", "multiply", "mv", "nan_to_num", "nanmean", "nansum", "narrow", "ne",
    "neg", "negative", "no_grad", "nonzero", "norm", "numel", "ones", "ones_like", "outer",
    "permute", "pow", "prod", "rand_like", "randint_like", "randn_like", "real",
    "reciprocal", "relu", "remainder", "repeat_interleave", "reshape", "roll", "rot90",
    "round", "rsqrt", "scatter", "scatter_add", "scatter_reduce", "select",
    "set_default_dtype", "set_printoptions", "sgn", "sigmoid", "sign",
    "signbit", "sin", "sinh", "softmax", "split", "sqrt", "square", "squeeze",
    "stack", "std", "std_mean", "sub", "subtract", "sum", "swapaxes", "swapdims", "t",
    "take", "take_along_dim", "tan", "tanh", "tensor", "tensor_split", "tile", 
    "trace", "transpose", "tril", "triu", "true_divide", "trunc", "unbind", "unflatten",
    "unsqueeze", "var", "var_mean", "vstack", "where", "xlogy", "zeros",
    "zeros_like"
))

Tensor.view.__doc__ = ("As ``torch.Tensor.view(*shape)`` (same results, a view sharing the "
                       "storage); ``view(dtype)`` raises NotImplementedError.")
Tensor.storage_offset.__doc__ = ("Always 0: unlike ``torch.Tensor.storage_offset``, a view here "
                                 "owns its start (its array begins at its first element).")

_mirror(Tensor, "torch.Tensor", (
    "T", "abs", "abs_", "absolute", "acos", "acosh", "add", "add_", "addbmm", "addmv",
    "all", "allclose", "amax", "amin", "aminmax", "any", "arccos", "arccosh", "arcsin",
    "arcsinh", "arctan", "arctan2", "arctanh", "argmax", "argmin", "argsort", "argwhere",
    "asin", "asinh", "atan", "atan2", "atanh", "backward", "baddbmm", "bernoulli_",
    "bitwise_and", "bitwise_or", "bitwise_xor", "bmm", "bool", "broadcast_to", "ceil",
    "chunk", "clamp", "clamp_", "clamp_max", "clamp_max_", "clamp_min", "clamp_min_",
    "clip", "clip_", "clone", "conj", "contiguous", "copy_", "cos", "cos_", "cosh",
    "count_nonzero", "cpu", "cross", "cuda", "data", "data_ptr", "det", "detach", "detach_",
    "device", "diagonal", "diff", "digamma", "dim", "div", "div_", "divide", "dot",
    "double", "dtype", "element_size", "eq", "erf", "erfc", "erfinv", "exp", "exp2", "exp_",
    "expand", "expand_as", "expm1", "fill_", "fix", "flatten", "flip", "fliplr", "flipud",
    "float", "float_power", "floor", "floor_divide", "fmod", "frac", "ge", "gt", "half",
    "heaviside", "hypot", "imag", "index_add_", "inner", "int", "inverse", "is_complex",
    "is_contiguous", "is_cuda", "is_floating_point", "is_leaf", "isclose", "isfinite",
    "isinf", "isnan", "isneginf", "isposinf", "item", "kron", "le", "lerp", "lerp_",
    "lgamma", "log", "log10", "log1p", "log2", "log_", "log_softmax", "logaddexp", "logdet",
    "logical_and", "logical_not", "logical_or", "logical_xor", "logit", "logsumexp", "long",
    "lt", "mT", "masked_fill_", "matmul", "maximum", "mean", "minimum", "mm",
    "moveaxis", "movedim", "mul", "mul_", "multiply", "mv", "nan_to_num", "nanmean",
    "nansum", "narrow", "ndim", "ndimension", "ne", "neg", "neg_", "negative", "nelement",
    "new_empty", "new_full", "new_ones", "new_tensor", "new_zeros", "norm", "normal_",
    "numel", "numpy", "outer", "permute", "pow", "pow_", "real", "reciprocal", "relu",
    "relu_", "remainder", "repeat", "requires_grad_", "reshape", "reshape_as",
    "retain_grad", "retains_grad", "roll", "rot90", "round", "rsqrt", "scatter_",
    "scatter_add_", "select", "sgn", "shape", "sigmoid", "sigmoid_", "sign", "signbit",
    "sin", "sin_", "sinh", "size", "softmax", "split", "sqrt", "sqrt_", "square", "squeeze",
    "std", "stride", "sub", "sub_", "subtract", "sum", "swapaxes",
    "swapdims", "t", "t_", "take_along_dim", "tan", "tanh", "tanh_", "tensor_split", "tile",
    "to", "tolist", "trace", "transpose", "tril", "tril_", "triu", "triu_", "true_divide",
    "trunc", "type", "type_as", "unbind", "unflatten", "uniform_", "unsqueeze", "var",
    "view_as", "where", "xlogy", "zero_"
))
