"""The parts of nn.functional's classification losses beyond (N, C) class
indices: (N, C, d1, ...) inputs, label smoothing, probability targets.

Each builds on ``nll_loss``/``log_softmax`` through Tensor ops, so the
gradient is the one of the formula PyTorch documents; the node names are
PyTorch's (``NllLoss2DBackward0`` for spatial inputs, ``AddBackward0`` for a
smoothed loss, ``DivBackward1`` for the mean over probability targets).
"""
import numpy as np

from ..facade._engine import _seq
from ..facade._tensor import Tensor, _on_dev, _wrap, _xp
from . import _stable as S


def _target_values(target):
    tv = target._v if isinstance(target, Tensor) else target
    return tv if _on_dev(tv) else np.asarray(tv)


def nll_loss_nd(nll_loss, input, target, weight, ignore_index, reduction):  # noqa: A002
    """nll_loss of an (N, C, d1, ...) input and an (N, d1, ...) target: the
    classes moved last and every position flattened into the batch."""
    tv = _target_values(target)
    n, c = input.shape[0], input.shape[1]
    rest = tuple(input.shape[2:])
    if tuple(tv.shape) != (n,) + rest:
        raise RuntimeError(f"nll_loss: expected target size {[n, *rest]}, got "
                           f"{list(tv.shape)}")
    start = next(_seq)
    perm = (0,) + tuple(range(2, input.ndim)) + (1,)
    flat = input.permute(perm).reshape(-1, c)
    loss = nll_loss(flat, _wrap(tv.reshape(-1)), weight, ignore_index, reduction)
    if reduction == "none":
        loss = loss.reshape((n,) + rest)
        name = "NllLoss2DBackward0" if input.ndim == 4 else "ViewBackward0"
    else:
        name = "NllLoss2DBackward0"
    return S.named(loss, start, name)


def _class_view(weight, ndim, cdim):
    shape = [1] * ndim
    shape[cdim] = weight.shape[0]
    return weight.reshape(shape)


def cross_entropy_smooth(loss, logp, target, weight, ignore_index, reduction, eps, cdim):
    """(1 - eps) * nll + eps / C * (the loss against the uniform distribution),
    ignored positions contributing 0; the mean divides by the same total
    weight as nll_loss's."""
    c = logp.shape[cdim]
    tv = _target_values(target)
    xp = _xp(tv)
    smooth = -((logp * _class_view(weight, logp.ndim, cdim)) if weight is not None
               else logp).sum(cdim)
    keep = tv != ignore_index
    smooth = smooth * _wrap(xp.asarray(keep, dtype=logp._v.dtype))
    if reduction == "mean":
        if weight is not None:
            w = weight._v if _on_dev(weight._v) == _on_dev(tv) else np.asarray(weight._v)
            denom = float(w[tv[keep]].sum())
        else:
            denom = float(keep.sum())
        ret = smooth.sum() / denom
    elif reduction == "sum":
        ret = smooth.sum()
    else:
        ret = smooth
    return loss * (1.0 - eps) + ret * (eps / c)


def cross_entropy_probs(logp, target, weight, reduction, eps, cdim):
    """Cross entropy against class probabilities (target shaped like input);
    the mean divides by the number of positions (numel / C), as PyTorch's."""
    if tuple(target.shape) != tuple(logp.shape):
        raise RuntimeError(f"cross_entropy: expected the probability target's shape "
                           f"{list(logp.shape)} to match the input's, got "
                           f"{list(target.shape)}")
    c = logp.shape[cdim]
    if eps:
        target = target * (1.0 - eps) + eps / c
    prod = logp * target
    if weight is not None:
        prod = prod * _class_view(weight, logp.ndim, cdim)
    loss = -prod.sum(cdim)
    if reduction == "mean":
        start = next(_seq)
        return S.named(loss.sum() / float(logp.numel() // c), start, "DivBackward1")
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"{reduction} is not a valid value for reduction "
                     f"(use 'mean', 'sum' or 'none')")
