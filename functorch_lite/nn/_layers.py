"""More torch.nn layers: normalisation (BatchNorm1d/2d, GroupNorm,
InstanceNorm2d), pooling (AvgPool2d, AdaptiveAvg/MaxPool2d), Conv1d,
ConvTranspose2d, Dropout2d, Upsample, Unflatten, activations, similarity and
distance layers, and the remaining losses.  Parameters are initialised as
PyTorch initialises them, in the same order, so after ``manual_seed`` the
weights are PyTorch's.  ``repr`` shows PyTorch's arguments."""
import math
from typing import Any

import numpy as np

from ..core.mirror_docs import mirror_line
from ..facade import _types as T
from ..facade._tensor import Tensor, _wrap
from . import functional as F
from . import init
from ._conv import _pair
from .modules import Module, Parameter, _Loss


def _empty(shape, dtype):
    return Parameter(_wrap(np.empty(shape, T.as_dtype(dtype or T.get_default_dtype()).np)))


class _BatchNorm(Module):
    _dims: tuple[int, ...] | None = None

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True,
                 track_running_stats=True, device=None, dtype=None):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        npdt = T.as_dtype(dtype or T.get_default_dtype()).np
        if affine:
            self.weight = Parameter(_wrap(np.ones(num_features, npdt)))
            self.bias = Parameter(_wrap(np.zeros(num_features, npdt)))
        else:
            self._parameters["weight"] = self._parameters["bias"] = None
        if track_running_stats:
            self.register_buffer("running_mean", _wrap(np.zeros(num_features, npdt)))
            self.register_buffer("running_var", _wrap(np.ones(num_features, npdt)))
            self.register_buffer("num_batches_tracked", _wrap(np.zeros((), np.int64)))
        else:
            self._buffers["running_mean"] = self._buffers["running_var"] = None
        if device is not None:
            self.to(device)

    def _check(self, x):
        if x.ndim not in self._dims:
            raise ValueError(f"expected {' or '.join(f'{d}D' for d in self._dims)} input "
                             f"(got {x.ndim}D input)")

    def forward(self, x: Tensor) -> Tensor:
        self._check(x)
        use_batch = self.training or not self.track_running_stats
        mom = self.momentum
        if self.training and self.track_running_stats:
            nbt = self._buffers["num_batches_tracked"]
            nbt._v[...] += 1
            if mom is None:
                mom = 1.0 / float(nbt._v)
        return F.batch_norm(x, self.running_mean if (self.training or not use_batch) else None,
                            self.running_var if (self.training or not use_batch) else None,
                            self.weight, self.bias, use_batch, 0.0 if mom is None else mom,
                            self.eps)

    def extra_repr(self):
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, "
                f"affine={self.affine}, bias={self.affine}, "
                f"track_running_stats={self.track_running_stats}")


class BatchNorm1d(_BatchNorm):
    _dims = (2, 3)


class BatchNorm2d(_BatchNorm):
    _dims = (4,)


class GroupNorm(Module):
    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, device=None,
                 dtype=None):
        super().__init__()
        if num_channels % num_groups:
            raise ValueError("num_channels must be divisible by num_groups")
        self.num_groups, self.num_channels, self.eps, self.affine = num_groups, num_channels, \
            eps, affine
        npdt = T.as_dtype(dtype or T.get_default_dtype()).np
        if affine:
            self.weight = Parameter(_wrap(np.ones(num_channels, npdt)))
            self.bias = Parameter(_wrap(np.zeros(num_channels, npdt)))
        else:
            self._parameters["weight"] = self._parameters["bias"] = None

    def forward(self, x: Tensor) -> Tensor:
        return F.group_norm(x, self.num_groups, self.weight, self.bias, self.eps)

    def extra_repr(self):
        return (f"{self.num_groups}, {self.num_channels}, eps={self.eps}, "
                f"affine={self.affine}, bias={self.affine}")


class InstanceNorm2d(_BatchNorm):
    _dims = (3, 4)

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=False,
                 track_running_stats=False, device=None, dtype=None):
        super().__init__(num_features, eps, momentum, affine, track_running_stats, device,
                         dtype)

    def forward(self, x: Tensor) -> Tensor:
        self._check(x)
        x4 = x if x.ndim == 4 else x.unsqueeze(0)
        y = F.instance_norm(x4, self.running_mean, self.running_var, self.weight, self.bias,
                            self.training or not self.track_running_stats, self.momentum,
                            self.eps)
        y = y if x.ndim == 4 else y.squeeze(0)
        if y.grad_fn is not None:
            from ..facade._graph import node_class
            y.grad_fn.__class__ = node_class("ViewBackward0")   # PyTorch reshapes last
        return y


class AvgPool2d(Module):
    """As ``torch.nn.AvgPool2d`` for its defaults: ``ceil_mode=True``,
    ``count_include_pad=False`` and ``divisor_override`` raise
    NotImplementedError (the average always counts the zero padding)."""
    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None):
        super().__init__()
        if ceil_mode or not count_include_pad or divisor_override is not None:
            raise NotImplementedError("AvgPool2d: ceil_mode, count_include_pad=False and "
                                      "divisor_override are not supported")
        self.kernel_size, self.stride, self.padding = kernel_size, stride or kernel_size, \
            padding
        self.ceil_mode, self.count_include_pad = ceil_mode, count_include_pad

    def forward(self, x: Tensor) -> Tensor:
        x4 = x if x.ndim == 4 else x.unsqueeze(0)
        y = F.avg_pool2d(x4, self.kernel_size, self.stride, self.padding)
        return y if x.ndim == 4 else y.squeeze(0)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AdaptiveAvgPool2d(Module):
    def __init__(self, output_size):
        super().__init__()
        self.output_size = output_size

    def forward(self, x: Tensor) -> Tensor:
        return F.adaptive_avg_pool2d(x, self.output_size)

    def extra_repr(self):
        return f"output_size={self.output_size}"


class AdaptiveMaxPool2d(AdaptiveAvgPool2d):
    def __init__(self, output_size, return_indices=False):
        super().__init__(output_size)
        self.return_indices = return_indices

    def forward(self, x: Tensor) -> Tensor:
        return F.adaptive_max_pool2d(x, self.output_size, self.return_indices)


class Conv1d(Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0,
                 dilation=1, groups=1, bias=True, padding_mode="zeros", device=None,
                 dtype=None):
        super().__init__()
        one = (lambda v: (int(v[0]),) if isinstance(v, (tuple, list)) else (int(v),))
        self.in_channels, self.out_channels, self.groups = in_channels, out_channels, groups
        self.kernel_size, self.stride = one(kernel_size), one(stride)
        self.padding, self.dilation = one(padding), one(dilation)
        self.weight = _empty((out_channels, in_channels // groups) + self.kernel_size, dtype)
        self.bias = _empty((out_channels,), dtype) if bias else None
        if not bias:
            self._parameters["bias"] = None
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if bias:
            fan_in = (in_channels // groups) * self.kernel_size[0]
            init.uniform_(self.bias, -1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))

    def forward(self, x: Tensor) -> Tensor:
        return F.conv1d(x, self.weight, self.bias, self.stride, self.padding, self.dilation,
                        self.groups)

    def extra_repr(self):
        s = f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, " \
            f"stride={self.stride}"
        if self.padding != (0,):
            s += f", padding={self.padding}"
        return s + ("" if self.bias is not None else ", bias=False")


class ConvTranspose2d(Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0,
                 output_padding=0, groups=1, bias=True, dilation=1, padding_mode="zeros",
                 device=None, dtype=None):
        super().__init__()
        self.in_channels, self.out_channels, self.groups = in_channels, out_channels, groups
        self.kernel_size, self.stride = _pair(kernel_size), _pair(stride)
        self.padding, self.output_padding = _pair(padding), _pair(output_padding)
        self.dilation = _pair(dilation)
        self.weight = _empty((in_channels, out_channels // groups) + self.kernel_size, dtype)
        self.bias = _empty((out_channels,), dtype) if bias else None
        if not bias:
            self._parameters["bias"] = None
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if bias:
            fan_in = (out_channels // groups) * self.kernel_size[0] * self.kernel_size[1]
            init.uniform_(self.bias, -1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))

    def forward(self, x: Tensor) -> Tensor:
        return F.conv_transpose2d(x, self.weight, self.bias, self.stride, self.padding,
                                  self.output_padding, self.groups, self.dilation)

    def extra_repr(self):
        s = f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, " \
            f"stride={self.stride}"
        if self.padding != (0, 0):
            s += f", padding={self.padding}"
        if self.output_padding != (0, 0):
            s += f", output_padding={self.output_padding}"
        return s + ("" if self.bias is not None else ", bias=False")


class Dropout2d(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        self.p, self.inplace = p, inplace

    def forward(self, x: Tensor) -> Tensor:
        return F.dropout2d(x, self.p, self.training)

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"


class Upsample(Module):
    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None,
                 recompute_scale_factor=None):
        super().__init__()
        self.size, self.scale_factor, self.mode = size, \
            float(scale_factor) if isinstance(scale_factor, int) else scale_factor, mode
        self.align_corners = align_corners

    def forward(self, x: Tensor) -> Tensor:
        return F.interpolate(x, self.size, self.scale_factor, self.mode, self.align_corners)

    def extra_repr(self):
        if self.scale_factor is not None:
            return f"scale_factor={self.scale_factor}, mode='{self.mode}'"
        return f"size={self.size}, mode='{self.mode}'"


class Unflatten(Module):
    def __init__(self, dim, unflattened_size):
        super().__init__()
        self.dim, self.unflattened_size = dim, tuple(unflattened_size)

    def forward(self, x: Tensor) -> Tensor:
        return x.unflatten(self.dim, self.unflattened_size)

    def extra_repr(self):
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"


def _activation(name, fn, args=(), fmt=None, aliases=None):
    """A Module class applying ``fn(x, *self.<args>)``, PyTorch's ``torch.nn.<name>``
    (the same arguments, ``inplace=True`` writing into the input); repr from
    ``fmt``; ``aliases`` maps PyTorch's deprecated argument names to the current."""
    names = [n for n, _ in args]

    def __init__(self, *a, **k):
        Module.__init__(self)
        k = {(aliases or {}).get(n, n): v for n, v in k.items() if v is not None or
             n not in (aliases or {})}
        bad = [n for n in k if n not in names]
        if len(a) > len(names) or bad:
            raise TypeError(f"{name}: takes the arguments ({', '.join(names)}), got "
                            f"{len(a)} positional and {', '.join(bad) or 'no'} unknown")
        vals = dict(zip(names, a))
        for n, default in args:
            setattr(self, n, k.get(n, vals.get(n, default)))

    def forward(self, *xs):
        if getattr(self, "inplace", False):      # PyTorch's in-place form: into the input
            # from a clone, so the input the backward saved is not the one overwritten
            out = fn(xs[0].clone(), *xs[1:], *[getattr(self, n) for n in names])
            return xs[0].copy_(out)
        return fn(*xs, *[getattr(self, n) for n in names])

    def extra_repr(self):
        text = fmt(self) if fmt else ""
        if getattr(self, "inplace", False) and name not in ("Hardswish", "Hardsigmoid"):
            text += (", " if text else "") + "inplace=True"   # PyTorch's reprs (those two omit it)
        return text
    return type(name, (Module,), {"__init__": __init__, "forward": forward,
                                  "extra_repr": extra_repr,
                                  "__doc__": mirror_line("torch.nn", name)})


GELU = _activation("GELU", lambda x, a: F.gelu(x, approximate=a), [("approximate", "none")],
                   lambda s: f"approximate='{s.approximate}'")
SiLU = _activation("SiLU", lambda x, ip: F.silu(x), [("inplace", False)])
Mish = _activation("Mish", lambda x, ip: F.mish(x), [("inplace", False)])
ELU = _activation("ELU", lambda x, a, ip: F.elu(x, a), [("alpha", 1.0), ("inplace", False)],
                  lambda s: f"alpha={s.alpha}")
CELU = _activation("CELU", lambda x, a, ip: F.celu(x, a), [("alpha", 1.0), ("inplace", False)],
                   lambda s: f"alpha={s.alpha}")
SELU = _activation("SELU", lambda x, ip: F.selu(x), [("inplace", False)])
Hardtanh = _activation("Hardtanh", lambda x, lo, hi, ip: F.hardtanh(x, lo, hi),
                       [("min_val", -1.0), ("max_val", 1.0), ("inplace", False)],
                       lambda s: f"min_val={s.min_val}, max_val={s.max_val}",
                       {"min_value": "min_val", "max_value": "max_val"})
ReLU6 = _activation("ReLU6", lambda x, ip: F.relu6(x), [("inplace", False)])
Hardswish = _activation("Hardswish", lambda x, ip: F.hardswish(x), [("inplace", False)])
Hardsigmoid = _activation("Hardsigmoid", lambda x, ip: F.hardsigmoid(x), [("inplace", False)])
Softsign = _activation("Softsign", lambda x: F.softsign(x))
LogSigmoid = _activation("LogSigmoid", lambda x: F.logsigmoid(x))
GLU = _activation("GLU", lambda x, d: F.glu(x, d), [("dim", -1)], lambda s: f"dim={s.dim}")
Softmin = _activation("Softmin", lambda x, d: F.softmin(x, d) if hasattr(F, "softmin") else
                      F.softmax(-x, dim=d), [("dim", None)], lambda s: f"dim={s.dim}")
CosineSimilarity = _activation("CosineSimilarity", F.cosine_similarity,
                               [("dim", 1), ("eps", 1e-8)])
PairwiseDistance = _activation("PairwiseDistance", F.pairwise_distance,
                               [("p", 2.0), ("eps", 1e-6), ("keepdim", False)])


class SmoothL1Loss(_Loss):
    def __init__(self, size_average=None, reduce=None, reduction="mean", beta=1.0):
        super().__init__(reduction, beta=beta)

    def forward(self, input, target):  # noqa: A002
        return F.smooth_l1_loss(input, target, self.reduction, self.beta)


class HuberLoss(_Loss):
    def __init__(self, reduction="mean", delta=1.0):
        super().__init__(reduction, delta=delta)

    def forward(self, input, target):  # noqa: A002
        return F.huber_loss(input, target, self.reduction, self.delta)


class KLDivLoss(_Loss):
    def __init__(self, size_average=None, reduce=None, reduction="mean", log_target=False):
        super().__init__(reduction, log_target=log_target)

    def forward(self, input, target):  # noqa: A002
        return F.kl_div(input, target, reduction=self.reduction, log_target=self.log_target)


class MarginRankingLoss(_Loss):
    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(reduction, margin=margin)

    def forward(self, input1: Tensor, input2: Tensor, target: Tensor) -> Tensor:
        return F.margin_ranking_loss(input1, input2, target, self.margin, self.reduction)


class TripletMarginLoss(_Loss):
    def __init__(self, margin=1.0, p=2.0, eps=1e-6, swap=False, size_average=None,
                 reduce=None, reduction="mean"):
        super().__init__(reduction, margin=margin, p=p, eps=eps, swap=swap)

    def forward(self, anchor: Tensor, positive: Tensor, negative: Tensor) -> Tensor:
        return F.triplet_margin_loss(anchor, positive, negative, self.margin, self.p,
                                     self.eps, self.swap, self.reduction)


class CosineEmbeddingLoss(_Loss):
    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(reduction, margin=margin)

    def forward(self, input1: Tensor, input2: Tensor, target: Tensor) -> Tensor:
        return F.cosine_embedding_loss(input1, input2, target, self.margin, self.reduction)


class GaussianNLLLoss(_Loss):
    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__(reduction, full=full, eps=eps)

    def forward(self, input, target, var):  # noqa: A002
        return F.gaussian_nll_loss(input, target, var, self.full, self.eps, self.reduction)


class PoissonNLLLoss(_Loss):
    def __init__(self, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None,
                 reduction="mean"):
        super().__init__(reduction, log_input=log_input, full=full, eps=eps)

    def forward(self, input, target):  # noqa: A002
        return F.poisson_nll_loss(input, target, self.log_input, self.full, eps=self.eps,
                                  reduction=self.reduction)
