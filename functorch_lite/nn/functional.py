"""torch.nn.functional on the facade (``dim=`` and ``axis=`` both accepted)."""
import numpy as np

from .. import numpy as fnp
from .. import primitives as P
from ..tensor import _ops as O
from ..tensor._engine import _seq
from ..tensor._tensor import Tensor, _device_error, _on_dev, _wrap, _xp
from . import _stable as S
from ._conv import conv2d, max_pool2d, avg_pool2d  # noqa: F401


def _dim(dim, axis, default=-1):
    if dim is not None and axis is not None and dim != axis:
        raise TypeError("pass either dim= or axis=, not both")
    d = dim if dim is not None else axis
    return default if d is None else d


def relu(input, inplace=False):  # noqa: A002
    return input.relu_() if inplace else input.relu()


def leaky_relu(input, negative_slope=0.01, inplace=False):  # noqa: A002
    v = input._v
    return O._select((v if _on_dev(v) else np.asarray(v)) > 0, input, input * negative_slope,
                     "LeakyReluBackward0")


def tanh(input):  # noqa: A002
    return input.tanh()


def sigmoid(input):  # noqa: A002
    return S.bridge(S.sigmoid, "SigmoidBackward0", input)


def softplus(input, beta=1.0, threshold=20.0):  # noqa: A002
    if beta != 1.0:
        return S.bridge(S.softplus, "SoftplusBackward0", input * beta) / beta
    return S.bridge(S.softplus, "SoftplusBackward0", input)


def softmax(input, dim=None, axis=None, dtype=None, _stacklevel=3):  # noqa: A002
    x = input if dtype is None else input.to(dtype)
    return S.bridge(S.softmax, "SoftmaxBackward0", x, axis=_dim(dim, axis))


def log_softmax(input, dim=None, axis=None, dtype=None, _stacklevel=3):  # noqa: A002
    x = input if dtype is None else input.to(dtype)
    return S.bridge(S.log_softmax, "LogSoftmaxBackward0", x, axis=_dim(dim, axis))


def logsumexp(input, dim=None, keepdim=False, axis=None):  # noqa: A002
    return S.bridge(S.logsumexp, "LogsumexpBackward0", input, axis=_dim(dim, axis),
                    keepdims=keepdim)


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
    from ..tensor._creation import _gen
    v = input._v
    g = _gen(_xp(v) if _on_dev(v) else None)     # the mask is drawn where input lives
    mask = (g.random(tuple(v.shape)) >= p).astype(v.dtype) / v.dtype.type(1.0 - p)
    return input * _wrap(mask)


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
    tv = target._v if isinstance(target, Tensor) else target
    if _on_dev(input._v) or _on_dev(tv):
        if _on_dev(input._v) != _on_dev(tv):
            raise _device_error()
        return _nll(input, tv, weight, ignore_index, reduction, device=True)
    return _nll(input, np.asarray(tv), weight, ignore_index, reduction)


def _nll(input, t, weight, ignore_index, reduction, device=False):  # noqa: A002
    if t.dtype.kind not in "iu":
        raise RuntimeError(f"nll_loss: expected target of integer (Long) dtype, got "
                           f"{t.dtype}")
    if input.ndim not in (1, 2) or (input.ndim == 2 and t.shape != (input.shape[0],)):
        raise ValueError(f"nll_loss: expected input [N, C] and target [N], got "
                         f"{list(input.shape)} and {list(t.shape)}")
    x = input if input.ndim == 2 else input.unsqueeze(0)
    if reduction not in ("mean", "sum", "none"):
        _reduce(x, reduction)  # raises the error naming the valid choices
    if device:
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
    if isinstance(target, Tensor) and target._v.dtype.kind == "f":
        logp = log_softmax(input, dim=1)
        return _reduce(-(logp * target).sum(1), reduction)
    return nll_loss(log_softmax(input, dim=1 if input.ndim > 1 else 0), target, weight,
                    ignore_index, reduction)


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
    idx = idx if _on_dev(idx) else np.asarray(idx)
    from ..primitives.indexing import gather_p
    from ..tensor._dispatch import apply
    r = apply(gather_p, [weight, _wrap(idx)], {}, "EmbeddingBackward0")
    return r


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):  # noqa: A002
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    dims = tuple(range(input.ndim - len(normalized_shape), input.ndim))
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

