"""The PyTorch-style Tensor facade (``import functorch_lite as torch``)."""
import builtins as _b
import typing as _typing

import numpy as _np

from . import _convert  # noqa: F401 - installs Tensor.to/clone/float/cuda/...
from . import _ops as _O
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
# them: _O.FACADE); the rest are composites or need argument handling
_METHODS = {
    "add": _O.add, "sub": _O.sub, "subtract": _O.sub, "mul": _O.mul, "multiply": _O.mul,
    "div": _O.div, "divide": _O.div, "true_divide": _O.div, "pow": _O.pow,
    "rsqrt": _O.rsqrt, "reciprocal": _O.reciprocal, "square": _O.square,
    "clamp": _O.clamp, "clip": _O.clamp, "clamp_min": _O.clamp_min,
    "clamp_max": _O.clamp_max, "relu": _O.relu, "sigmoid": _O.sigmoid,
    "maximum": _O.maximum, "minimum": _O.minimum, "eq": _O.eq, "ne": _O.ne, "lt": _O.lt,
    "le": _O.le, "gt": _O.gt, "ge": _O.ge, "round": _O.round,
    "isnan": _O.isnan, "isfinite": _O.isfinite, "logical_not": _O.logical_not,
    "sum": _O.sum, "mean": _O.mean, "var": _O.var, "std": _O.std, "max": _O.max, "min": _O.min,
    "amax": _O.amax, "argmax": _O.argmax, "argmin": _O.argmin, "norm": _O.norm, "prod": _O.prod,
    "cumsum": _O.cumsum, "cumprod": _O.cumprod, "mm": _O.mm, "bmm": _O.bmm, "dot": _O.dot, "mv": _O.mv,
    "matmul": _O.matmul, "view": _O.view, "reshape": _O.reshape, "view_as": _O.view_as,
    "reshape_as": _O.reshape_as, "t": _O.t, "transpose": _O.transpose, "permute": _O.permute,
    "unsqueeze": _O.unsqueeze, "squeeze": _O.squeeze, "flatten": _O.flatten,
    "expand": _O.expand, "expand_as": _O.expand_as, "repeat": _O.repeat, "chunk": _O.chunk,
    "split": _O.split, "where": lambda self, c, y: _O.where(c, self, y),
    "new_ones": new_ones, "new_zeros": new_zeros, "new_empty": new_empty,
    "new_full": new_full, "new_tensor": new_tensor,
}
_METHODS.update(_O.FACADE)
_METHODS.update(_O.INPLACE)
for _n, _f in _METHODS.items():
    setattr(Tensor, _n, _f)


def _install(**attrs):
    """Set Tensor attributes (as the loops here do: _tensor_decls.py declares them)."""
    for name, value in attrs.items():
        setattr(Tensor, name, value)


def _swap(f):
    return lambda self, other: f(other, self)


_OPERATORS = {
    "__add__": _O.add, "__radd__": _O.add, "__sub__": _O.sub, "__rsub__": _O.rsub,
    "__mul__": _O.mul, "__rmul__": _O.mul, "__truediv__": _O.div, "__rtruediv__": _O.rdiv,
    "__pow__": _O.pow, "__rpow__": _O.rpow, "__matmul__": _O.matmul,
    "__rmatmul__": _O.rmatmul, "__neg__": _O.neg, "__pos__": lambda self: self,
    "__abs__": _O.abs, "__lt__": _O.lt, "__le__": _O.le, "__gt__": _O.gt, "__ge__": _O.ge,
    "__eq__": _O.eq, "__ne__": _O.ne, "__and__": _O.and_, "__or__": _O.or_,
    "__xor__": _O.xor, "__invert__": _O.invert, "__rand__": _O.and_, "__ror__": _O.or_,
    "__getitem__": getitem, "__setitem__": setitem,
    "__iadd__": _O.INPLACE["add_"], "__isub__": _O.INPLACE["sub_"],
    "__imul__": _O.INPLACE["mul_"], "__itruediv__": _O.INPLACE["div_"],
    "__floordiv__": lambda self, o: _O.div(self, o, rounding_mode="floor"),
}
for _n, _f in _OPERATORS.items():
    setattr(Tensor, _n, _f)
_install(T=property(lambda self: _O.permute(self, tuple(reversed(range(self.ndim))))),
         mT=property(lambda self: _O.transpose(self, -2, -1)))

# complex numbers: real/imag are attributes in PyTorch; conj of a real tensor is itself
def _cpart(p):
    return lambda self: _apply(p, (self,)) if self._v.dtype.kind == "c" else (
        self if p is _C.real_p else _O.mul(self, 0))


_install(real=property(_cpart(_C.real_p)), imag=property(_cpart(_C.imag_p)),
         conj=lambda self: _apply(_C.conj_p, (self,)) if self._v.dtype.kind == "c" else self)


def _function(name, method):
    if method is _O.FACADE.get(name):    # a one-input primitive: no *args/**kwargs to pass
        def one(input, *, out=None):  # noqa: A002
            r = method(input if isinstance(input, Tensor) else as_tensor(input))
            return _O._out(r, out) if out is not None else r
        f = one
    else:
        def general(input, *args, out=None, **kwargs):  # noqa: A002
            r = method(input if isinstance(input, Tensor) else as_tensor(input), *args,
                       **kwargs)
            return _O._out(r, out) if out is not None else r
        f = general
    f.__name__ = name
    return f


_FUNCS = [*_O.FACADE, "add", "sub", "subtract", "mul", "multiply", "div", "divide",
          "true_divide", "pow", "rsqrt", "reciprocal", "square", "clamp",
          "clip", "clamp_min", "clamp_max", "relu", "sigmoid", "maximum", "minimum", "eq",
          "ne", "lt", "le", "gt", "ge", "round", "isnan", "isfinite",
          "logical_not", "sum", "mean", "var", "std", "max", "min", "amax", "argmax",
          "argmin", "norm", "prod", "cumsum", "cumprod", "mm", "bmm", "dot", "mv", "matmul",
          "reshape", "t", "transpose", "permute", "unsqueeze", "squeeze", "flatten",
          "chunk", "split"]
_FUNCTION_OF = {}   # torch.<name> -> the method it applies (declared in _func_decls.py)
for _n in _FUNCS:
    _FUNCTION_OF[_n] = _METHODS[_n]
    globals()[_n] = _function(_n, _METHODS[_n])

cat, concatenate, stack, where = _O.cat, _O.cat, _O.stack, _O.where
real, imag = (lambda input: input.real), (lambda input: input.imag)  # noqa: A002
conj = Tensor.conj

# the issue-15 ops: selection/rearrangement (_ext_index) and math (_ext_math)
from . import _ext_index as _XI  # noqa: E402
from . import _ext_math as _XM  # noqa: E402
from . import _fft as _FFT  # noqa: E402
_EXT = {n: getattr(_XI, n) for n in (
    "index_select", "gather", "scatter", "scatter_add", "scatter_reduce", "index_add",
    "masked_fill", "masked_select", "take", "take_along_dim", "sort", "argsort", "topk",
    "nonzero", "argwhere", "unique", "bincount", "flip", "fliplr", "flipud", "roll", "rot90",
    "tril", "triu", "diagonal", "diag_embed", "diag", "trace", "movedim", "swapaxes",
    "narrow", "repeat_interleave", "diff", "unbind", "select", "tensor_split", "unflatten",
    "broadcast_to", "tile", "atleast_1d", "atleast_2d")}
_EXT.update(moveaxis=_XI.movedim, swapdims=_XI.swapaxes)
_EXT.update(_XM.UNARY)
_EXT.update({n: getattr(_XM, n) for n in (
    "erfc", "logit", "atan2", "hypot", "logaddexp", "xlogy", "lerp", "fmod", "remainder",
    "floor_divide", "softmax", "log_softmax", "logsumexp", "amin", "aminmax", "nansum",
    "nanmean", "any", "all", "count_nonzero", "isclose", "allclose", "isinf", "isposinf",
    "isneginf", "signbit", "nan_to_num", "logical_and", "logical_or", "logical_xor",
    "bitwise_and", "bitwise_or", "bitwise_xor", "heaviside", "float_power", "addmm",
    "addmv", "baddbmm", "addbmm", "kron", "cross", "inner", "det", "inverse", "logdet")})
_EXT["arctan2"] = _XM.atan2
for _n, _f in _EXT.items():
    setattr(Tensor, _n, _f)
    if _n not in ("allclose",):
        _FUNCTION_OF[_n] = _f
        globals()[_n] = _function(_n, _f)
_install(unfold=_XI.unfold, outer=lambda self, other: outer(self, other),
         var_mean=_XM.var_mean, std_mean=_XM.std_mean)
for _n in ("masked_fill", "scatter", "scatter_add", "index_add", "tril", "triu", "lerp"):
    setattr(Tensor, _n + "_", _O._ip(_n + "_", _EXT[_n]))
var_mean, std_mean, softmin = _XM.var_mean, _XM.std_mean, _XM.softmin
meshgrid, einsum, cdist, broadcast_tensors = _XI.meshgrid, _XM.einsum, _XM.cdist, \
    _XI.broadcast_tensors
hstack, vstack, dstack, column_stack = _XI.hstack, _XI.vstack, _XI.dstack, _XI.column_stack
linalg = _XM.linalg
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
    return (_xp(a._v), a._v, b._v) if da else (_np, _np.asarray(a._v), _np.asarray(b._v))


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
    return _O.mul(_O.unsqueeze(a, 1), _O.unsqueeze(b, 0))

if _typing.TYPE_CHECKING:   # what the loops above define, for type checkers
    from ._func_decls import *  # noqa: F401,F403
else:   # a checker reads no computed __all__: it exports every public name, as this does
    __all__ = [_n for _n in list(globals()) if not _n.startswith("_")]


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


_install(at=property(_at))


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402
from ..core.mirror_docs import document as _document  # noqa: E402
from . import _docs, _docs2  # noqa: E402

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

# the full docstrings of the entry points users meet first (facade/_docs.py);
# the mirror lines below skip names that have one
_document(globals(), _docs.DOCS)
_document(Tensor, _docs.TENSOR_DOCS)
_document(globals(), _docs2.DOCS)

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

from ._tensor_docs import DOCS as _TENSOR_DOCS  # noqa: E402

_document(Tensor, _TENSOR_DOCS)
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

from . import _docs3  # noqa: E402

_document(globals(), _docs3.DOCS)          # full docstrings with examples (facade/_docs3.py)
_document(Tensor, _docs3.TENSOR_DOCS)
