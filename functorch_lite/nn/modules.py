"""torch.nn modules on the facade: Module, Parameter, containers, layers, losses."""
from __future__ import annotations

import collections
import math
from typing import (TYPE_CHECKING, Any, Callable, Iterator, Protocol, TypeVar)

import numpy as np

from ..facade import _types as T
from ..facade._engine import no_grad
from ..facade._tensor import Tensor, _wrap
from . import functional as F
from . import init
from ._hooks import HookMixin
from ..core._typevars import P, R

_M = TypeVar("_M", bound="Module")
_Out = TypeVar("_Out", covariant=True)


class _Forward(Protocol[P, _Out]):
    """A module seen through its ``forward`` (what calling it runs)."""

    def forward(self, *args: P.args, **kwargs: P.kwargs) -> _Out: ...


class Parameter(Tensor):
    """A Tensor that a Module registers as a parameter (requires_grad by default)."""

    def __new__(cls, data=None, requires_grad=True):
        p = object.__new__(cls)
        if data is None:
            data = _wrap(np.zeros((0,), np.float32))
        p._v, p._st = data._v, data._st
        p.requires_grad = bool(requires_grad)
        return p

    def __init__(self, data=None, requires_grad=True):
        pass

    def __repr__(self):
        return "Parameter containing:\n" + Tensor.__repr__(self)


class Module(HookMixin):
    training = True

    if TYPE_CHECKING:   # module(x) runs forward (and the hooks): forward's parameters and result
        def __call__(self: _Forward[P, _Out], *args: P.args, **kwargs: P.kwargs) -> _Out: ...

    def __init__(self):
        object.__setattr__(self, "_parameters", collections.OrderedDict())
        object.__setattr__(self, "_modules", collections.OrderedDict())
        object.__setattr__(self, "_buffers", collections.OrderedDict())
        object.__setattr__(self, "training", True)

    def __setattr__(self, name, value):
        if "_parameters" not in self.__dict__:
            raise AttributeError("cannot assign attributes before Module.__init__() call "
                                 "(call super().__init__() first)")
        for d in (self._parameters, self._modules, self._buffers):
            d.pop(name, None)
        if isinstance(value, Parameter):
            self._parameters[name] = value
        elif isinstance(value, Module):
            self._modules[name] = value
        else:
            object.__setattr__(self, name, value)
            return
        self.__dict__.pop(name, None)

    def __getattr__(self, name):
        d = self.__dict__
        for key in ("_parameters", "_modules", "_buffers"):
            if key in d and name in d[key]:
                return d[key][name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        for d in (self._parameters, self._modules, self._buffers):
            if name in d:
                del d[name]
                return
        object.__delattr__(self, name)

    def register_buffer(self, name, tensor, persistent=True):
        self._buffers[name] = tensor

    def register_parameter(self, name, param):
        if param is None:
            self._parameters[name] = None
        else:
            self.__setattr__(name, param)

    def add_module(self, name, module):
        self._modules[name] = module

    register_module = add_module

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"Module [{type(self).__name__}] is missing the required "
                                  f"\"forward\" function")

    # ---------------------------------------------------------- traversal
    def named_modules(self, memo: Any = None, prefix: str = "") -> Iterator[tuple[str, Module]]:
        memo = set() if memo is None else memo
        if id(self) in memo:
            return
        memo.add(id(self))
        yield prefix, self
        for name, m in self._modules.items():
            if m is not None:
                yield from m.named_modules(memo, prefix + ("." if prefix else "") + name)

    def modules(self) -> Iterator[Module]:
        for _, m in self.named_modules():
            yield m

    def named_children(self) -> Iterator[tuple[str, Module]]:
        for name, m in self._modules.items():
            if m is not None:
                yield name, m

    def children(self) -> Iterator[Module]:
        for _, m in self.named_children():
            yield m

    def named_parameters(self, prefix: str = "", recurse: bool = True
                         ) -> Iterator[tuple[str, Parameter]]:
        seen = set()
        mods = self.named_modules(prefix=prefix) if recurse else [(prefix, self)]
        for mp, m in mods:
            for name, p in m._parameters.items():
                if p is None or id(p) in seen:
                    continue
                seen.add(id(p))
                yield mp + ("." if mp else "") + name, p

    def parameters(self, recurse: bool = True) -> Iterator[Parameter]:
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_buffers(self, prefix: str = "") -> Iterator[tuple[str, Tensor]]:
        for mp, m in self.named_modules(prefix=prefix):
            for name, b in m._buffers.items():
                if b is not None:
                    yield mp + ("." if mp else "") + name, b

    def buffers(self) -> Iterator[Tensor]:
        for _, b in self.named_buffers():
            yield b

    # -------------------------------------------------------------- state
    def state_dict(self, destination: Any = None, prefix: str = "",
                   keep_vars: bool = False) -> dict[str, Any]:
        out = collections.OrderedDict() if destination is None else destination
        for mp, m in self.named_modules(prefix=prefix.rstrip(".")):
            for name, p in list(m._parameters.items()) + list(m._buffers.items()):
                if p is not None:
                    out[mp + ("." if mp else "") + name] = p if keep_vars else p.detach()
        return out

    def load_state_dict(self, state_dict, strict=True):
        own = self.state_dict(keep_vars=True)
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        if strict and (missing or unexpected):
            raise RuntimeError(f"Error(s) in loading state_dict for {type(self).__name__}: "
                               f"missing keys {missing}, unexpected keys {unexpected}")
        with no_grad():
            for k, p in own.items():
                if k in state_dict:
                    src = state_dict[k]
                    src = src if isinstance(src, Tensor) else _wrap(np.asarray(src))
                    if src.shape != p.shape:
                        raise RuntimeError(f"size mismatch for {k}: copying a param with "
                                           f"shape {src.shape} from checkpoint, the shape "
                                           f"in current model is {p.shape}.")
                    p.copy_(src)
        return collections.namedtuple("IncompatibleKeys", "missing_keys unexpected_keys")(
            missing, unexpected)

    def train(self: _M, mode: bool = True) -> _M:
        for m in self.modules():
            object.__setattr__(m, "training", bool(mode))
        return self

    def eval(self: _M) -> _M:
        return self.train(False)

    def requires_grad_(self: _M, requires_grad: bool = True) -> _M:
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none: bool = True) -> None:
        for p in self.parameters():
            if p.grad is not None:
                if set_to_none:
                    p.grad = None
                else:
                    p.grad.detach_()
                    p.grad.zero_()

    def apply(self: _M, fn: Callable[[Module], Any]) -> _M:
        for m in self.children():
            m.apply(fn)
        fn(self)
        return self

    def to(self: _M, *args: Any, **kwargs: Any) -> _M:
        """Moves/casts parameters in place (the same Parameter objects, so an
        optimiser built before ``.to`` keeps working), their ``.grad`` arrays and the
        buffers.  Host<->device copies here are explicit transfers."""
        with no_grad():
            for m in self.modules():
                for p in m._parameters.values():
                    if p is None:
                        continue
                    q = p.to(*args, **kwargs)
                    if q is not p:
                        p._v, p._st = q._v, q._st
                    if p.grad is not None:
                        gq = p.grad.to(*args, **kwargs)
                        if gq is not p.grad:
                            p.grad = gq
                for k, b in list(m._buffers.items()):
                    if b is not None:
                        kw = dict(kwargs)
                        a = args
                        if not b.is_floating_point():   # dtype casts leave int buffers
                            a = tuple(x for x in args if isinstance(x, (str, T.device)))
                            kw.pop("dtype", None)
                        q = b.to(*a, **kw)
                        if q is not b:
                            m._buffers[k] = q
        return self

    def cuda(self: _M, device: Any = None) -> _M:
        return self.to("cuda" if device is None else device)

    def cpu(self: _M) -> _M:
        return self.to("cpu")

    def float(self: _M) -> _M:
        return self.to(T.float32)

    def double(self: _M) -> _M:
        return self.to(T.float64)

    def extra_repr(self):
        return ""

    def __repr__(self):
        lines = []
        for name, m in self._modules.items():
            sub = repr(m).replace("\n", "\n  ")
            lines.append(f"({name}): {sub}")
        main = type(self).__name__ + "(" + self.extra_repr()
        if lines:
            main += "\n  " + "\n  ".join(lines) + "\n"
        return main + ")"


class Sequential(Module):
    def __init__(self, *mods):
        super().__init__()
        if len(mods) == 1 and isinstance(mods[0], collections.OrderedDict):
            for k, m in mods[0].items():
                self.add_module(k, m)
        else:
            for i, m in enumerate(mods):
                self.add_module(str(i), m)

    def forward(self, x):
        for m in self._modules.values():
            x = m(x)
        return x

    def __getitem__(self, i):
        mods = list(self._modules.values())
        if isinstance(i, slice):
            return Sequential(*mods[i])
        return mods[i]

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, m):
        self.add_module(str(len(self)), m)
        return self


class ModuleList(Module):
    def __init__(self, mods=None):
        super().__init__()
        for m in mods or []:
            self.append(m)

    def append(self, m):
        self.add_module(str(len(self._modules)), m)
        return self

    def __getitem__(self, i):
        return list(self._modules.values())[i]

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())


class Identity(Module):
    def forward(self, x: Tensor) -> Tensor:
        return x


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        dt = T.as_dtype(dtype or T.get_default_dtype())
        self.weight = Parameter(_wrap(np.empty((out_features, in_features), dt.np)))
        self.bias = Parameter(_wrap(np.empty((out_features,), dt.np))) if bias else None
        if not bias:
            self._parameters["bias"] = None
        self.reset_parameters()
        if device is not None:      # initialised on the host, then moved once
            self.to(device)

    def reset_parameters(self):
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            bound = 1 / math.sqrt(self.in_features) if self.in_features > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, x: Tensor) -> Tensor:
        return F.linear(x, self.weight, self.bias)

    def extra_repr(self):
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"bias={self.bias is not None}")


class Conv2d(Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0,
                 dilation=1, groups=1, bias=True, padding_mode="zeros", device=None,
                 dtype=None):
        super().__init__()
        if padding_mode != "zeros" or isinstance(padding, str):
            raise NotImplementedError(
                f"Conv2d: padding={padding!r}, padding_mode={padding_mode!r}: only int or "
                "(ph, pw) padding with padding_mode='zeros' is supported")
        from ._conv import _pair
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride = _pair(kernel_size), _pair(stride)
        self.padding, self.dilation, self.groups = _pair(padding), _pair(dilation), groups
        dt = T.as_dtype(dtype or T.get_default_dtype()).np
        self.weight = Parameter(_wrap(np.empty(
            (out_channels, in_channels // groups) + self.kernel_size, dt)))
        self.bias = Parameter(_wrap(np.empty((out_channels,), dt))) if bias else None
        if not bias:
            self._parameters["bias"] = None
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in = (in_channels // groups) * self.kernel_size[0] * self.kernel_size[1]
            init.uniform_(self.bias, -1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))
        if device is not None:
            self.to(device)

    def forward(self, x: Tensor) -> Tensor:
        return F.conv2d(x, self.weight, self.bias, self.stride, self.padding, self.dilation,
                        self.groups)

    def extra_repr(self):
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}")


class MaxPool2d(Module):
    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                 return_indices=False):
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding
        self.dilation = dilation

    def forward(self, x: Tensor) -> Tensor:
        return F.max_pool2d(x, self.kernel_size, self.stride, self.padding, self.dilation)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride or self.kernel_size}"


def _act(name: str, fn: Callable[[Any], Any]) -> type[Module]:
    def forward(self, x: Tensor) -> Tensor:
        return fn(x)
    return type(name, (Module,), {"forward": forward})


Tanh = _act("Tanh", lambda x: x.tanh())
Sigmoid = _act("Sigmoid", lambda x: F.sigmoid(x))


class Softplus(Module):
    def __init__(self, beta=1.0, threshold=20.0):
        super().__init__()
        self.beta, self.threshold = beta, threshold

    def forward(self, x: Tensor) -> Tensor:
        return F.softplus(x, self.beta, self.threshold)

    def extra_repr(self):
        return f"beta={self.beta}, threshold={self.threshold}"


class ReLU(Module):  # accepts inplace= like torch
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, x: Tensor) -> Tensor:
        return F.relu(x, self.inplace)


class LeakyReLU(Module):
    def __init__(self, negative_slope=0.01, inplace=False):
        super().__init__()
        self.negative_slope, self.inplace = negative_slope, inplace

    def forward(self, x: Tensor) -> Tensor:
        return F.leaky_relu(x, self.negative_slope, self.inplace)


class Softmax(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, x: Tensor) -> Tensor:
        return F.softmax(x, dim=-1 if self.dim is None else self.dim)


class LogSoftmax(Softmax):
    def forward(self, x: Tensor) -> Tensor:
        return F.log_softmax(x, dim=-1 if self.dim is None else self.dim)


class Dropout(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if not 0 <= p <= 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p, self.inplace = p, inplace

    def forward(self, x: Tensor) -> Tensor:
        return F.dropout(x, self.p, self.training)


class Flatten(Module):
    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim, self.end_dim = start_dim, end_dim

    def forward(self, x: Tensor) -> Tensor:
        return x.flatten(self.start_dim, self.end_dim)

    def extra_repr(self):
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Embedding(Module):
    def __init__(self, num_embeddings, embedding_dim, padding_idx=None, dtype=None,
                 device=None):
        super().__init__()
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        dt = T.as_dtype(dtype or T.get_default_dtype()).np
        self.weight = Parameter(_wrap(np.empty((num_embeddings, embedding_dim), dt)))
        init.normal_(self.weight)
        self.padding_idx = padding_idx
        if padding_idx is not None:
            with no_grad():
                self.weight[padding_idx] = 0.0
        if device is not None:
            self.to(device)

    def forward(self, idx: Tensor) -> Tensor:
        return F.embedding(idx, self.weight, self.padding_idx)


class LayerNorm(Module):
    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, dtype=None,
                 device=None):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = (normalized_shape,)
        self.normalized_shape, self.eps = tuple(normalized_shape), eps
        dt = T.as_dtype(dtype or T.get_default_dtype()).np
        if elementwise_affine:
            self.weight = Parameter(_wrap(np.ones(self.normalized_shape, dt)))
            self.bias = Parameter(_wrap(np.zeros(self.normalized_shape, dt)))
        else:
            self.weight = self.bias = None
        if device is not None:
            self.to(device)

    def forward(self, x: Tensor) -> Tensor:
        return F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)


class _Loss(Module):
    def __init__(self, reduction="mean", **kw):
        super().__init__()
        if kw and type(self).__init__ is _Loss.__init__:   # no subclass options: the user's
            raise TypeError(f"{type(self).__name__}: unexpected argument(s) {', '.join(kw)} "
                            "(PyTorch's deprecated size_average/reduce: use reduction="
                            "'mean', 'sum' or 'none')")
        self.reduction = reduction
        for k, v in kw.items():
            object.__setattr__(self, k, v)


class MSELoss(_Loss):
    def forward(self, input, target):  # noqa: A002
        return F.mse_loss(input, target, self.reduction)


class L1Loss(_Loss):
    def forward(self, input, target):  # noqa: A002
        return F.l1_loss(input, target, self.reduction)


class NLLLoss(_Loss):
    def __init__(self, weight=None, ignore_index=-100, reduction="mean"):
        super().__init__(reduction, weight=weight, ignore_index=ignore_index)

    def forward(self, input, target):  # noqa: A002
        return F.nll_loss(input, target, self.weight, self.ignore_index, self.reduction)


class CrossEntropyLoss(_Loss):
    def __init__(self, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
        super().__init__(reduction, weight=weight, ignore_index=ignore_index,
                         label_smoothing=label_smoothing)

    def forward(self, input, target):  # noqa: A002
        return F.cross_entropy(input, target, self.weight, self.ignore_index, self.reduction,
                               self.label_smoothing)


class BCELoss(_Loss):
    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction, weight=weight)

    def forward(self, input, target):  # noqa: A002
        return F.binary_cross_entropy(input, target, self.weight, self.reduction)


class BCEWithLogitsLoss(_Loss):
    def __init__(self, weight=None, reduction="mean", pos_weight=None):
        super().__init__(reduction, weight=weight, pos_weight=pos_weight)

    def forward(self, input, target):  # noqa: A002
        return F.binary_cross_entropy_with_logits(input, target, self.weight, self.reduction,
                                                  self.pos_weight)


# PyTorch's reprs (extra_repr) for the layers above
def _reprs():
    def conv(s):
        r = (f"{s.in_channels}, {s.out_channels}, kernel_size={s.kernel_size}, "
             f"stride={s.stride}")
        if s.padding != (0,) * len(s.padding):
            r += f", padding={s.padding}"
        if s.dilation != (1,) * len(s.dilation):
            r += f", dilation={s.dilation}"
        if s.groups != 1:
            r += f", groups={s.groups}"
        return r + ("" if s.bias is not None else ", bias=False")
    Conv2d.extra_repr = conv
    Dropout.extra_repr = lambda s: f"p={s.p}, inplace={getattr(s, 'inplace', False)}"
    LayerNorm.extra_repr = lambda s: (f"{s.normalized_shape}, eps={s.eps}, elementwise_affine="
                                      f"{s.weight is not None}, bias={s.bias is not None}")
    Embedding.extra_repr = lambda s: f"{s.num_embeddings}, {s.embedding_dim}" + (
        f", padding_idx={s.padding_idx}" if s.padding_idx is not None else "")
    ReLU.extra_repr = lambda s: "inplace=True" if s.inplace else ""
    LeakyReLU.extra_repr = lambda s: f"negative_slope={s.negative_slope}" + (
        ", inplace=True" if s.inplace else "")
    Softmax.extra_repr = lambda s: f"dim={s.dim}"
    MaxPool2d.extra_repr = lambda s: (f"kernel_size={s.kernel_size}, stride="
                                      f"{s.stride or s.kernel_size}, padding={s.padding}, "
                                      f"dilation={s.dilation}, ceil_mode=False")


_reprs()
