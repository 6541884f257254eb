"""torch.nn.functional on the facade (``dim=`` and ``axis=`` both accepted).

The activations and the softmax family take Tensors (returning Tensors) or
arrays (returning arrays, through ``functorch_lite/numpy/_nn.py``, the same
functions ``functorch_lite.nn.<name>`` offers with JAX's signatures).  Where
PyTorch has the name its signature and defaults hold (``gelu`` is exact by
default, ``one_hot`` returns int64, ``normalize`` is the L_p normalisation);
jax.nn's names that PyTorch spells differently are here too (``hard_tanh``,
``soft_sign``, ``log_sigmoid``, ``standardize``, ...), with JAX's signatures.
"""
import numpy as np

from .. import numpy as fnp
from .. import primitives as P
from ..core.trace import Tracer as _Tracer  # private: not part of nn.functional
from ..facade import _ops as O
from ..facade._engine import _seq
from ..facade._tensor import Tensor, _device_error, _on_dev, _wrap, _xp
from . import _stable as S
from . import _jax as J
from ..numpy import _nn as N
from ._conv import conv2d, max_pool2d, avg_pool2d  # noqa: F401


def _dim(dim, axis, default=-1):
    if dim is not None and axis is not None and dim != axis:
        raise TypeError("pass either dim= or axis=, not both")
    d = dim if dim is not None else axis
    return default if d is None else d


def _inplace(input, fn, inplace):
    """``fn(input)``, or with PyTorch's ``inplace=True`` the result written into
    ``input`` (Tensors only; an array input is never modified).  In place, fn
    reads a clone: the backward then finds the values it saved unchanged."""
    if inplace and isinstance(input, Tensor):
        return input.copy_(fn(input.clone()))
    return fn(input)


def relu(input, inplace=False):  # noqa: A002
    """max(x, 0); the derivative at 0 is 0."""
    if not isinstance(input, Tensor):
        return N.relu(input)
    return input.relu_() if inplace else input.relu()


def relu6(input, inplace=False):  # noqa: A002
    """min(max(x, 0), 6) (PyTorch's hardtanh(x, 0, 6)); derivative 0 at both kinks."""
    return _inplace(input, lambda t: J.relu6(t), inplace)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):  # noqa: A002
    """x clipped to [min_val, max_val]; derivative 0 at the bounds, as PyTorch
    (jax.nn.hard_tanh, also here as ``hard_tanh``, has 1 there)."""
    if min_val > max_val:
        raise ValueError(f"hardtanh: min_val ({min_val}) must be <= max_val ({max_val})")
    return _inplace(input, lambda t: J._call(N._hardtanh, "HardtanhBackward0", t, lo=min_val,
                                             hi=max_val), inplace)


def leaky_relu(input, negative_slope=0.01, inplace=False):  # noqa: A002
    """x for x > 0, negative_slope * x otherwise.  At 0 the derivative on a Tensor
    is negative_slope (PyTorch's); on arrays it is 1 (jax.nn.leaky_relu's)."""
    if not isinstance(input, Tensor):
        return N.leaky_relu(input, negative_slope)
    v = input._v
    pos = (v if _on_dev(v) or isinstance(v, _Tracer) else np.asarray(v)) > 0
    return _inplace(input, lambda t: O._select(pos, t, t * negative_slope, "LeakyReluBackward0"),
                    inplace)


def tanh(input):  # noqa: A002
    return J.tanh(input)


def sigmoid(input):  # noqa: A002
    """1 / (1 + exp(-x)), exact over the whole real line."""
    if not isinstance(input, Tensor):
        return N.sigmoid(input)
    return S.bridge(S.sigmoid, "SigmoidBackward0", input)


def softplus(input, beta=1.0, threshold=20.0):  # noqa: A002
    """log(1 + exp(beta x)) / beta, and x itself where beta x > threshold (as
    PyTorch: there the derivative is exactly 1)."""
    if not isinstance(input, Tensor):
        return _softplus_arr(input, beta=beta, threshold=threshold)
    return S.bridge(_softplus_arr, "SoftplusBackward0", input, beta=beta,
                    threshold=threshold)


def _softplus_arr(x, beta, threshold):
    bx = fnp.multiply(x, beta) if beta != 1.0 else x
    sp = N.softplus(bx)
    if beta != 1.0:
        sp = fnp.divide(sp, beta)
    return fnp.where(bx > threshold, x, sp)


def _cast(input, dtype):
    if dtype is None:
        return input
    return input.to(dtype) if isinstance(input, Tensor) else fnp.astype(input, dtype)


def softmax(input, dim=None, axis=None, dtype=None, _stacklevel=3):  # noqa: A002
    """exp(x) / sum(exp(x)) along ``dim`` (default: the last axis), stable."""
    x = _cast(input, dtype)
    if not isinstance(x, Tensor):
        return N.softmax(x, _dim(dim, axis))
    return S.bridge(S.softmax, "SoftmaxBackward0", x, axis=_dim(dim, axis))


def log_softmax(input, dim=None, axis=None, dtype=None, _stacklevel=3):  # noqa: A002
    """x - logsumexp(x) along ``dim`` (default: the last axis), stable."""
    x = _cast(input, dtype)
    if not isinstance(x, Tensor):
        return N.log_softmax(x, _dim(dim, axis))
    return S.bridge(S.log_softmax, "LogSoftmaxBackward0", x, axis=_dim(dim, axis))


def logsumexp(input, dim=None, keepdim=False, axis=None):  # noqa: A002
    """log(sum(exp(x), dim)), stable (dim=None: over every axis)."""
    if not isinstance(input, Tensor):
        return N.logsumexp(input, _dim(dim, axis, None), keepdims=keepdim)
    return S.bridge(S.logsumexp, "LogsumexpBackward0", input, axis=_dim(dim, axis),
                    keepdims=keepdim)


def gelu(input, approximate="none"):  # noqa: A002
    """x * Phi(x): exact (erf) by default as PyTorch, ``approximate="tanh"`` for
    the tanh form (jax.nn.gelu's default).  A bool is read as JAX reads it."""
    if isinstance(approximate, (bool, np.bool_)):
        approx = bool(approximate)
    elif approximate in ("none", "tanh"):
        approx = approximate == "tanh"
    else:
        raise ValueError(f"gelu: approximate must be 'none' or 'tanh', got {approximate!r}")
    return J.gelu(input, approximate=approx)


def silu(input, inplace=False):  # noqa: A002
    """x * sigmoid(x)."""
    return _inplace(input, lambda t: J.silu(t), inplace)


swish = J.swish


def mish(input, inplace=False):  # noqa: A002
    """x * tanh(softplus(x))."""
    return _inplace(input, lambda t: J.mish(t), inplace)


def elu(input, alpha=1.0, inplace=False):  # noqa: A002
    """x for x > 0, alpha (exp(x) - 1) otherwise."""
    return _inplace(input, lambda t: J.elu(t, alpha), inplace)


def selu(input, inplace=False):  # noqa: A002
    """scale * elu(x, alpha) with the self-normalising constants."""
    return _inplace(input, lambda t: J.selu(t), inplace)


def celu(input, alpha=1.0, inplace=False):  # noqa: A002
    """x for x > 0, alpha (exp(x / alpha) - 1) otherwise."""
    return _inplace(input, lambda t: J.celu(t, alpha), inplace)


def hardsigmoid(input, inplace=False):  # noqa: A002
    """relu6(x + 3) / 6."""
    return _inplace(input, lambda t: J.hard_sigmoid(t), inplace)


def hardswish(input, inplace=False):  # noqa: A002
    """x * relu6(x + 3) / 6."""
    return _inplace(input, lambda t: J.hard_swish(t), inplace)


def softsign(input):  # noqa: A002
    """``x / (1 + |x|)`` (PyTorch's node: DivBackward0)."""
    if isinstance(input, Tensor):
        return S.bridge(lambda v: v / (1 + fnp.abs(v)), "DivBackward0", input)
    return J.soft_sign(input)


def logsigmoid(input):  # noqa: A002
    """log(sigmoid(x)) = -softplus(-x), exact for every x."""
    return J.log_sigmoid(input)


def glu(input, dim=-1):  # noqa: A002
    """a * sigmoid(b) with input split in halves a, b along ``dim``."""
    return J.glu(input, dim)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):  # noqa: A002
    """PyTorch's L_p normalisation: x / max(||x||_p along dim, eps).  A zero vector
    gives 0 with a zero gradient.  (jax.nn's old ``normalize``, a name for
    ``standardize``, is ``functorch_lite.nn.normalize``.)"""
    if out is not None:
        raise NotImplementedError("normalize: out= is not supported")
    return J._call(N._lp_normalize, "DivBackward0", input, p=p, axis=dim, eps=eps)


# jax.nn's names that PyTorch spells otherwise, with JAX's signatures
hard_tanh = J.hard_tanh
hard_sigmoid = J.hard_sigmoid
hard_swish = hard_silu = J.hard_swish
soft_sign = J.soft_sign
log_sigmoid = J.log_sigmoid
standardize = J.standardize
identity = J.identity


def linear(input, weight, bias=None):  # noqa: A002
    # the plain op path (faster than a bridge), shown as the one node PyTorch
    # records: AddmmBackward0 for a 2-D input with bias (bias first, as addmm
    # orders next_functions)
    start = next(_seq)
    out = input.mm(weight.t()) if input.ndim == 2 else input.matmul(weight.t())
    if bias is None:
        return S.named(out, start, "MmBackward0" if input.ndim == 2 else "UnsafeViewBackward0")
    return S.named(bias + out, start, "AddmmBackward0" if input.ndim == 2 else "ViewBackward0")


def dropout(input, p=0.5, training=True, inplace=False):  # noqa: A002
    if not training or p == 0.0:
        return input
    if p == 1.0:
        return input * 0.0
    v = input._v
    if _on_dev(v):                                # the mask is drawn where input lives
        from ..facade._creation import _gen
        mask = (_gen(_xp(v)).random(tuple(v.shape)) >= p).astype(v.dtype)
    else:                                         # PyTorch's CPU mask after manual_seed
        from ..facade._random import bernoulli
        mask = bernoulli(tuple(v.shape), 1.0 - p, v.dtype)
    return input * _wrap(mask / v.dtype.type(1.0 - p))


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"{reduction} is not a valid value for reduction "
                     f"(use 'mean', 'sum' or 'none')")


def _check_same_shape(name, a, b):
    if a.shape != b.shape:
        raise ValueError(f"{name}: input shape {list(a.shape)} and target shape "
                         f"{list(b.shape)} differ; they must match")


def _mse(a, b, reduction):
    d = a - b
    sq = d * d
    if reduction == "mean":
        return fnp.mean(sq)
    return fnp.sum(sq) if reduction == "sum" else sq


def mse_loss(input, target, reduction="mean"):  # noqa: A002
    _check_same_shape("mse_loss", input, target)
    if reduction not in ("mean", "sum", "none"):
        _reduce(input, reduction)  # raises the error naming the valid choices
    return S.bridge(_mse, "MseLossBackward0", input, target, reduction=reduction)


def l1_loss(input, target, reduction="mean"):  # noqa: A002
    _check_same_shape("l1_loss", input, target)
    return _reduce((input - target).abs(), reduction)


def _nll_device(x, t, weight, ignore_index):
    """The one-hot weights built on the device (no host copy, no sync).  Checking
    the target bounds on the host would sync every step (PyTorch's CUDA kernel
    asserts on the device instead); here an out-of-range target turns the
    weights, hence the loss and its gradient, into NaN: visibly wrong, never
    silently."""
    xp = _xp(x._v)
    n, c = x.shape
    t = t.reshape(-1)
    valid = t != ignore_index
    dt = x._v.dtype
    bad = (((t < 0) | (t >= c)) & valid).any()
    onehot = ((t[:, None] == xp.arange(c)[None, :]) & valid[:, None]).astype(dt)
    onehot = onehot + xp.where(bad, dt.type(np.nan), dt.type(0))
    if weight is not None:
        if not _on_dev(weight._v):
            raise _device_error()
        onehot = onehot * weight._v.astype(x._v.dtype)
    return onehot, onehot.sum()


def nll_loss(input, target, weight=None, ignore_index=-100, reduction="mean"):  # noqa: A002
    if isinstance(input, Tensor) and input.ndim > 2:   # (N, C, d1, ...): classes last, flat
        from ._losses import nll_loss_nd
        return nll_loss_nd(nll_loss, input, target, weight, ignore_index, reduction)
    tv = target._v if isinstance(target, Tensor) else target
    if isinstance(tv, _Tracer) or isinstance(input._v, _Tracer):
        return _nll(input, tv if isinstance(tv, _Tracer) else np.asarray(tv), weight,
                    ignore_index, reduction, traced=True)
    if _on_dev(input._v) or _on_dev(tv):
        if _on_dev(input._v) != _on_dev(tv):
            raise _device_error()
        return _nll(input, tv, weight, ignore_index, reduction, device=True)
    return _nll(input, np.asarray(tv), weight, ignore_index, reduction)


def _nll(input, t, weight, ignore_index, reduction, device=False, traced=False):  # noqa
    if t.dtype.kind not in "iu":
        raise RuntimeError(f"nll_loss: expected target of integer (Long) dtype, got "
                           f"{t.dtype}")
    if input.ndim not in (1, 2) or (input.ndim == 2 and t.shape != (input.shape[0],)):
        raise ValueError(f"nll_loss: expected input [N, C] and target [N], got "
                         f"{list(input.shape)} and {list(t.shape)}")
    x = input if input.ndim == 2 else input.unsqueeze(0)
    if reduction not in ("mean", "sum", "none"):
        _reduce(x, reduction)  # raises the error naming the valid choices
    if traced:
        wrow, total = _nll_traced(x, t, weight, ignore_index)
    elif device:
        wrow, total = _nll_device(x, t, weight, ignore_index)
    else:
        wrow, total = _nll_host(x, t, weight, ignore_index)

    def nll(v):  # one node, named as PyTorch names it
        picked = -fnp.sum(v * wrow, axis=1)
        if reduction == "mean":
            return fnp.sum(picked) / total
        if reduction == "sum":
            return fnp.sum(picked)
        return picked if input.ndim == 2 else picked[0]
    return S.bridge(nll, "NllLossBackward0", x)


def _nll_traced(x, t, weight, ignore_index):
    """The one-hot weights from a traced target (vmap over per-sample targets):
    built with functorch_lite.numpy; the bounds cannot be checked on a traced
    value, so an out-of-range target picks nothing (a zero row)."""
    t = fnp.reshape(t, (-1,))
    c = x.shape[1]
    dt = x._v.dtype
    valid = t != ignore_index
    onehot = fnp.astype((t[:, None] == fnp.arange(c)[None, :]) & valid[:, None], dt)
    if weight is not None:
        onehot = onehot * fnp.astype(weight._v, dt)
    return onehot, fnp.sum(onehot)


def _nll_host(x, t, weight, ignore_index):
    t = t.reshape(-1)
    n, c = x.shape
    valid = t != ignore_index
    if np.any((t[valid] < 0) | (t[valid] >= c)):
        raise IndexError(f"nll_loss: target {t[valid].max()} is out of bounds for {c} "
                         f"classes")
    onehot = np.zeros((n, c), x._v.dtype)
    onehot[np.arange(n)[valid], t[valid]] = 1.0
    w = np.ones(c, x._v.dtype) if weight is None else np.asarray(weight._v, x._v.dtype)
    wrow = onehot * w
    return wrow, float(wrow.sum())


def cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean",  # noqa
                  label_smoothing=0.0):
    """PyTorch's cross_entropy: class indices or class probabilities as
    ``target``, classes on dim 1 of (N, C, d1, ...) inputs (dim 0 of a (C,)
    input), ``label_smoothing`` mixing in the uniform distribution."""
    from ._losses import cross_entropy_smooth, cross_entropy_probs
    cdim = 1 if input.ndim > 1 else 0
    logp = log_softmax(input, dim=cdim)
    if isinstance(target, Tensor) and target._v.dtype.kind == "f":
        return cross_entropy_probs(logp, target, weight, reduction, label_smoothing, cdim)
    loss = nll_loss(logp, target, weight, ignore_index, reduction)
    if label_smoothing:
        return cross_entropy_smooth(loss, logp, target, weight, ignore_index, reduction,
                                    label_smoothing, cdim)
    return loss


def binary_cross_entropy(input, target, weight=None, reduction="mean"):  # noqa: A002
    _check_same_shape("binary_cross_entropy", input, target)
    # torch clamps the logs at -100 so that p = 0 or 1 gives a finite loss
    lp = input.log().clamp(min=-100)
    lq = (1 - input).log().clamp(min=-100)
    loss = -(target * lp + (1 - target) * lq)
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, reduction="mean",  # noqa
                                     pos_weight=None):
    _check_same_shape("binary_cross_entropy_with_logits", input, target)
    start = next(_seq)
    return S.named(_bce_logits(input, target, weight, reduction, pos_weight), start,
                   "BinaryCrossEntropyWithLogitsBackward0")


def _bce_logits(input, target, weight, reduction, pos_weight):  # noqa: A002
    # (1 - t) x + softplus(-x), with pos_weight scaling the positive term
    sp = softplus(-input)
    if pos_weight is None:
        loss = (1 - target) * input + sp
    else:
        lw = 1 + (pos_weight - 1) * target
        loss = (1 - target) * input + lw * sp
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def embedding(input, weight, padding_idx=None):  # noqa: A002
    idx = input._v if isinstance(input, Tensor) else input
    if _on_dev(idx) != _on_dev(weight._v):
        raise _device_error()
    idx = idx if _on_dev(idx) or isinstance(idx, _Tracer) else np.asarray(idx)
    from ..primitives.indexing import gather_p
    from ..facade._dispatch import apply
    r = apply(gather_p, [weight, _wrap(idx)], {}, "EmbeddingBackward0")
    if padding_idx is not None and r.requires_grad:
        # PyTorch: the padding row's value is returned, but it gets no gradient
        keep = (idx != (padding_idx % weight.shape[0]))[..., None]
        r = O._select(keep, r, r.detach(), "EmbeddingBackward0")
    return r


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):  # noqa: A002
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    dims = tuple(range(input.ndim - len(normalized_shape), input.ndim))
    start = next(_seq)
    y = _layer_norm(input, dims, weight, bias, eps)
    return S.named(y, start, "NativeLayerNormBackward0")


def _layer_norm(input, dims, weight, bias, eps):  # noqa: A002
    mu = input.mean(dim=dims, keepdim=True)
    d = input - mu
    var = (d * d).mean(dim=dims, keepdim=True)
    y = d * (var + eps).rsqrt()
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y


def one_hot(tensor, num_classes=-1):
    """PyTorch's one_hot: int64, classes on a new last axis, ``num_classes=-1``
    meaning max + 1.  (jax.nn.one_hot's signature: ``functorch_lite.nn.one_hot``.)"""
    if not isinstance(tensor, Tensor):
        t = np.asarray(tensor) if not hasattr(tensor, "dtype") else tensor
        if getattr(t, "dtype", np.dtype(np.float64)).kind not in "iu":
            raise TypeError(f"one_hot: tensor must be of an integer dtype, got {t.dtype}")
        c = int(fnp.max(t)) + 1 if num_classes < 0 else num_classes
        return N.one_hot(t, c, dtype=np.int64)
    if isinstance(tensor._v, _Tracer):   # under a transform: compare with the classes
        if num_classes < 0:
            raise ValueError("one_hot: num_classes=-1 (max + 1) cannot be read from a "
                             "traced tensor inside a transform; pass num_classes")
        return _wrap(fnp.astype(tensor._v[..., None] == fnp.arange(num_classes), np.int64))
    xp = _xp(tensor._v)
    t = xp.asarray(tensor._v)     # a host scalar becomes a 0-d array; arrays stay as they are
    c = int(t.max()) + 1 if num_classes < 0 else num_classes   # (a sync on a device)
    return _wrap(xp.eye(c, dtype=np.int64)[t])


def pad(input, pad, mode="constant", value=0.0):  # noqa: A002
    if mode != "constant":
        raise NotImplementedError("pad: only mode='constant' is supported")
    cfg = [(0, 0, 0)] * input.ndim
    for i in range(len(pad) // 2):
        ax = input.ndim - 1 - i
        cfg[ax] = (pad[2 * i], pad[2 * i + 1], 0)
    return S.bridge(lambda v: P.pad(v, np.array(value, v.dtype)[()], cfg),
                    "ConstantPadNdBackward0", input)



# the rest of torch.nn.functional (issue 15), in their own module
from ._functional2 import (adaptive_avg_pool2d, adaptive_max_pool2d, batch_norm,  # noqa: E402,F401
                           conv1d, conv_transpose2d, cosine_embedding_loss, cosine_similarity,
                           dropout2d, gaussian_nll_loss, group_norm, huber_loss,
                           instance_norm, interpolate, kl_div, margin_ranking_loss,
                           pairwise_distance, poisson_nll_loss, scaled_dot_product_attention,
                           smooth_l1_loss, triplet_margin_loss)


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402

_mirror(globals(), "torch.nn.functional", (
    "adaptive_max_pool2d", "avg_pool2d", "binary_cross_entropy", "binary_cross_entropy_with_logits", "conv2d",
    "cosine_embedding_loss", "dropout", "embedding", "gaussian_nll_loss", "group_norm",
    "huber_loss", "instance_norm", "l1_loss", "layer_norm", "linear", "margin_ranking_loss",
    "max_pool2d", "mse_loss", "nll_loss", "pad", "poisson_nll_loss", "smooth_l1_loss",
    "tanh", "triplet_margin_loss"
), lacks={
    "avg_pool2d": ('ceil_mode', 'count_include_pad', 'divisor_override'),
    "binary_cross_entropy": ('size_average', 'reduce'),
    "binary_cross_entropy_with_logits": ('size_average', 'reduce'),
    "cosine_embedding_loss": ('size_average', 'reduce'),
    "embedding": ('max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse'),
    "huber_loss": ('weight',),
    "l1_loss": ('size_average', 'reduce', 'weight'),
    "margin_ranking_loss": ('size_average', 'reduce'),
    "mse_loss": ('size_average', 'reduce', 'weight'),
    "nll_loss": ('size_average', 'reduce'),
    "smooth_l1_loss": ('size_average', 'reduce'),
    "triplet_margin_loss": ('size_average', 'reduce'),
})

from ..core.mirror_docs import document as _document  # noqa: E402
from ._functional_docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (nn/_functional_docs.py)
from ._functional_docs2 import DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
