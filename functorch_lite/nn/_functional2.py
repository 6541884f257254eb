"""More of torch.nn.functional: similarity and distance, the remaining
losses, normalisation (batch/group/instance), adaptive pooling, conv1d,
conv_transpose2d, dropout2d, interpolate (nearest), scaled dot-product
attention.  Built from facade Tensor ops (or a ``functorch_lite.numpy``
function through the recording bridge), so gradients are the primitives';
names are PyTorch's grad_fn names where one node stands for the op."""
import math

import numpy as np

from .. import numpy as fnp
from ..facade._engine import _seq, no_grad
from ..facade._tensor import Tensor, _wrap
from . import _stable as S
from ._conv import _pair, conv2d


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"{reduction} is not a valid value for reduction")


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """sum(x1 * x2) / (max(||x1||, eps) * max(||x2||, eps)) along dim, as PyTorch
    normalises each input before the dot product."""
    def f(a, b):
        na = fnp.sqrt(fnp.sum(a * a, axis=dim, keepdims=True))
        nb = fnp.sqrt(fnp.sum(b * b, axis=dim, keepdims=True))
        return fnp.sum((a / fnp.maximum(na, eps)) * (b / fnp.maximum(nb, eps)), axis=dim)
    return S.bridge(f, "SumBackward1", x1, x2)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """||x1 - x2 + eps||_p along the last dim."""
    from ..facade._ext_math import _named, _vector_norm
    return _named(_vector_norm(x1 - x2 + eps, p, -1, keepdim), "NormBackward1")


def smooth_l1_loss(input, target, reduction="mean", beta=1.0):  # noqa: A002
    def f(a, b):
        d = fnp.abs(a - b)
        return fnp.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta) if beta > 0 else d
    return _reduce(S.bridge(f, "SmoothL1LossBackward0", input, target), reduction) \
        if reduction == "none" else _named_reduce(f, "SmoothL1LossBackward0", input,
                                                  target, reduction)


def _named_reduce(f, name, a, b, reduction):
    def g(x, y):
        v = f(x, y)
        return fnp.mean(v) if reduction == "mean" else fnp.sum(v)
    if reduction not in ("mean", "sum"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return S.bridge(g, name, a, b)


def huber_loss(input, target, reduction="mean", delta=1.0):  # noqa: A002
    def f(a, b):
        d = fnp.abs(a - b)
        return fnp.where(d < delta, 0.5 * d * d, delta * (d - 0.5 * delta))
    if reduction == "none":
        return S.bridge(f, "HuberLossBackward0", input, target)
    return _named_reduce(f, "HuberLossBackward0", input, target, reduction)


def kl_div(input, target, size_average=None, reduce=None, reduction="mean",  # noqa: A002
           log_target=False):
    """target * (log target - input) pointwise (input is a log-probability);
    'batchmean' divides the sum by the batch size."""
    if size_average is not None or reduce is not None:     # PyTorch's deprecated pair
        raise TypeError("kl_div: size_average/reduce are not supported; use reduction="
                        "'mean', 'batchmean', 'sum' or 'none'")

    def f(a, t):
        if log_target:
            return fnp.exp(t) * (t - a)
        return fnp.where(t > 0, t * (fnp.log(fnp.where(t > 0, t, 1)) - a), 0.0 * a)
    if reduction == "batchmean":
        return S.bridge(lambda a, t: fnp.sum(f(a, t)) / a.shape[0], "DivBackward0",
                        input, target)
    if reduction == "none":
        return S.bridge(f, "KlDivBackward0", input, target)
    return _named_reduce(f, "MeanBackward0" if reduction == "mean" else "SumBackward0",
                         input, target, reduction)


def margin_ranking_loss(input1, input2, target, margin=0.0, reduction="mean"):
    return _reduce((-target * (input1 - input2) + margin).clamp(min=0), reduction)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2.0, eps=1e-6,
                        swap=False, reduction="mean"):
    dp = pairwise_distance(anchor, positive, p, eps)
    dn = pairwise_distance(anchor, negative, p, eps)
    if swap:
        from ..facade._math import minimum
        dn = minimum(dn, pairwise_distance(positive, negative, p, eps))
    return _reduce((dp - dn + margin).clamp(min=0), reduction)


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction="mean"):
    cos = cosine_similarity(input1, input2, dim=-1, eps=1e-8)
    from ..facade._math import where
    t = target if isinstance(target, Tensor) else _wrap(np.asarray(target))
    loss = where(t == 1, 1 - cos, (cos - margin).clamp(min=0))
    return _reduce(loss, reduction)


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):  # noqa
    with no_grad():
        pass
    v = var.clamp(min=eps)
    loss = 0.5 * (v.log() + (input - target) ** 2 / v)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction)


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None,  # noqa
                     eps=1e-8, reduce=None, reduction="mean"):
    if log_input:
        loss = input.exp() - target * input
    else:
        loss = input - target * (input + eps).log()
    if full:
        t = target
        st = t * t.log() - t + 0.5 * (2 * math.pi * t).log()
        from ..facade._math import where
        loss = loss + where(t > 1, st, st * 0)
    return _reduce(loss, reduction)


def batch_norm(input, running_mean, running_var, weight=None, bias=None,  # noqa: A002
               training=False, momentum=0.1, eps=1e-5):
    """Normalise over every dim but 1; in training the batch statistics are used
    and the running ones updated in place (unbiased variance, as PyTorch)."""
    dims = (0,) + tuple(range(2, input.ndim))
    shape = [1] * input.ndim
    shape[1] = input.shape[1]
    if training:
        n = input.numel() // input.shape[1]
        if n <= 1:
            raise ValueError(f"Expected more than 1 value per channel when training, got "
                             f"input size {list(input.shape)}")
        mu = input.mean(dim=dims)
        var = input.var(dim=dims, unbiased=False)
        if running_mean is not None:
            with no_grad():
                running_mean.mul_(1 - momentum).add_(mu.detach() * momentum)
                running_var.mul_(1 - momentum).add_(var.detach() * (momentum * n / (n - 1)))
    else:
        mu, var = running_mean, running_var
    start = next(_seq)
    y = (input - mu.reshape(shape)) * (var.reshape(shape) + eps).rsqrt()
    if weight is not None:
        y = y * weight.reshape(shape)
    if bias is not None:
        y = y + bias.reshape(shape)
    return S.named(y, start, "NativeBatchNormBackward0")


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):  # noqa: A002
    n, c = input.shape[0], input.shape[1]
    if c % num_groups:
        raise RuntimeError(f"Expected number of channels in input to be divisible by "
                           f"num_groups, but got input of shape {list(input.shape)} and "
                           f"num_groups={num_groups}")
    start = next(_seq)
    x = input.reshape(n, num_groups, -1)
    mu = x.mean(dim=2, keepdim=True)
    var = x.var(dim=2, unbiased=False, keepdim=True)
    y = ((x - mu) * (var + eps).rsqrt()).reshape(input.shape)
    shape = [1] * input.ndim
    shape[1] = c
    if weight is not None:
        y = y * weight.reshape(shape)
    if bias is not None:
        y = y + bias.reshape(shape)
    return S.named(y, start, "NativeGroupNormBackward0")


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None,  # noqa
                  use_input_stats=True, momentum=0.1, eps=1e-5):
    dims = tuple(range(2, input.ndim))
    shape = [1] * input.ndim
    shape[1] = input.shape[1]
    start = next(_seq)
    if use_input_stats:
        mu = input.mean(dim=dims, keepdim=True)
        var = input.var(dim=dims, unbiased=False, keepdim=True)
        if running_mean is not None:
            m = input.numel() // (input.shape[0] * input.shape[1])
            with no_grad():
                running_mean.mul_(1 - momentum).add_(mu.detach().mean(0).reshape(-1) * momentum)
                running_var.mul_(1 - momentum).add_(
                    var.detach().mean(0).reshape(-1) * (momentum * m / max(m - 1, 1)))
    else:
        mu, var = running_mean.reshape(shape), running_var.reshape(shape)
    y = (input - mu) * (var + eps).rsqrt()
    if weight is not None:
        y = y * weight.reshape(shape)
    if bias is not None:
        y = y + bias.reshape(shape)
    return S.named(y, start, "NativeBatchNormBackward0")


def _adaptive_bounds(n, out):
    return [(i * n // out, -(-(i + 1) * n // out)) for i in range(out)]


def adaptive_avg_pool2d(input, output_size):  # noqa: A002
    """Mean over PyTorch's adaptive windows [floor(i n / o), ceil((i+1) n / o))."""
    oh, ow = _pair(output_size) if not isinstance(output_size, (tuple, list)) else (
        output_size[0] or input.shape[-2], output_size[1] or input.shape[-1])
    h, w = input.shape[-2], input.shape[-1]
    rows, cols = _adaptive_bounds(h, oh), _adaptive_bounds(w, ow)

    def f(x):
        out = [[fnp.mean(x[..., a:b, c:d], axis=(-2, -1)) for (c, d) in cols] for (a, b) in rows]
        return fnp.stack([fnp.stack(r, axis=-1) for r in out], axis=-2)
    return S.bridge(f, "AdaptiveAvgPool2DBackward0", input)


def adaptive_max_pool2d(input, output_size, return_indices=False):  # noqa: A002
    if return_indices:
        raise NotImplementedError("adaptive_max_pool2d: return_indices is not supported")
    oh, ow = _pair(output_size) if not isinstance(output_size, (tuple, list)) else (
        output_size[0] or input.shape[-2], output_size[1] or input.shape[-1])
    h, w = input.shape[-2], input.shape[-1]
    rows, cols = _adaptive_bounds(h, oh), _adaptive_bounds(w, ow)

    def f(x):
        out = [[fnp.max(x[..., a:b, c:d], axis=(-2, -1)) for (c, d) in cols] for (a, b) in rows]
        return fnp.stack([fnp.stack(r, axis=-1) for r in out], axis=-2)
    return S.bridge(f, "AdaptiveMaxPool2DBackward0", input)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):  # noqa
    """conv2d over a height-1 image."""
    s = int(stride[0] if isinstance(stride, (tuple, list)) else stride)
    p = int(padding[0] if isinstance(padding, (tuple, list)) else padding)
    d = int(dilation[0] if isinstance(dilation, (tuple, list)) else dilation)
    x = input.unsqueeze(-2)
    start = next(_seq)
    y = conv2d(x, weight.unsqueeze(-2), bias, (1, s), (0, p), (1, d), groups).squeeze(-2)
    return S.named(y, start, "ConvolutionBackward0")


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0,  # noqa
                     groups=1, dilation=1):
    """The gradient of conv2d with respect to its input, as a layer: the input
    dilated by the stride, padded by dilation*(k-1)-padding, convolved with the
    flipped, transposed kernel."""
    if groups != 1:
        raise NotImplementedError("conv_transpose2d: groups > 1 is not supported")
    st, pd, op, dl = _pair(stride), _pair(padding), _pair(output_padding), _pair(dilation)
    cin, cout, kh, kw = weight.shape
    n, c, h, w = input.shape

    def f(x, wt, b=None):
        from .. import primitives as P
        ph = dl[0] * (kh - 1) - pd[0]
        pw = dl[1] * (kw - 1) - pd[1]
        xp = P.pad(x, np.array(0, x.dtype)[()], ((0, 0, 0), (0, 0, 0),
                                                  (ph, ph + op[0], st[0] - 1),
                                                  (pw, pw + op[1], st[1] - 1)))
        k = fnp.transpose(fnp.flip(wt, (2, 3)), (1, 0, 2, 3))
        from ._conv import _conv_fn
        return _conv_fn(xp, k, b, (1, 1), (0, 0), dl, 1)
    args = [input, weight] + ([bias] if bias is not None else [])
    return S.bridge(f, "ConvolutionBackward0", *args)


def dropout2d(input, p=0.5, training=True, inplace=False):  # noqa: A002
    """Zero whole channels (the mask has one draw per (N, C))."""
    if not training or p == 0:
        return input
    from ..facade._random import bernoulli
    v = input._v
    shape = tuple(v.shape[:2]) + (1,) * (v.ndim - 2) if v.ndim == 4 else \
        tuple(v.shape[:1]) + (1,) * (v.ndim - 1)
    mask = bernoulli(shape, 1.0 - p, v.dtype) / v.dtype.type(1.0 - p)
    return input * _wrap(mask)


def interpolate(input, size=None, scale_factor=None, mode="nearest",  # noqa: A002
                align_corners=None, recompute_scale_factor=None, antialias=False):
    """Nearest-neighbour resizing (PyTorch's index floor(i * in / out)); other
    modes are not supported."""
    if mode != "nearest":
        raise NotImplementedError(f"interpolate: mode={mode!r} is not supported (only "
                                  f"'nearest')")
    if align_corners is not None:        # PyTorch's own error for 'nearest'
        raise ValueError("align_corners option can only be set with the interpolating modes: "
                         "linear | bilinear | bicubic | trilinear")
    if antialias:
        raise ValueError("interpolate: antialias=True is restricted to the bilinear, bicubic "
                         "and lanczos modes (as PyTorch's); mode 'nearest' takes none")
    sp = input.shape[2:]
    if size is None:
        sf = scale_factor if isinstance(scale_factor, (tuple, list)) else \
            (scale_factor,) * len(sp)
        size = tuple(int(math.floor(s * f)) for s, f in zip(sp, sf))
        # recompute_scale_factor: the scale the output size implies (PyTorch's option)
        scales = tuple(o / i for o, i in zip(size, sp)) if recompute_scale_factor else sf
    else:
        size = tuple(size) if isinstance(size, (tuple, list)) else (size,) * len(sp)
        scales = tuple(o / i for o, i in zip(size, sp))
    idx = [np.minimum(np.floor(np.arange(o) / s).astype(np.int64), i - 1)
           for o, s, i in zip(size, scales, sp)]

    def f(x):
        for k, ix in enumerate(idx):
            x = fnp.take(x, ix, axis=2 + k)
        return x
    return S.bridge(f, "UpsampleNearest2DBackward0" if len(sp) == 2 else
                    "UpsampleNearest1DBackward0", input)


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0,
                                 is_causal=False, scale=None, enable_gqa=False):
    """softmax(q k^T * scale + mask) v."""
    sc = scale if scale is not None else 1.0 / math.sqrt(query.shape[-1])
    s = query.matmul(key.transpose(-2, -1)) * sc
    L, S_ = query.shape[-2], key.shape[-2]
    if is_causal:
        causal = np.tril(np.ones((L, S_), bool))
        s = s.masked_fill(_wrap(~causal), float("-inf"))
    if attn_mask is not None:
        if attn_mask.dtype.is_floating_point if hasattr(attn_mask.dtype, "is_floating_point") \
                else attn_mask._v.dtype.kind == "f":
            s = s + attn_mask
        else:
            s = s.masked_fill(_wrap(~np.asarray(attn_mask._v)), float("-inf"))
    a = s.softmax(-1)
    if dropout_p:
        from ..facade._random import bernoulli
        keep = bernoulli(tuple(a.shape), 1.0 - dropout_p, a._v.dtype)
        a = a * _wrap(keep / a._v.dtype.type(1.0 - dropout_p))
    return a.matmul(value)
