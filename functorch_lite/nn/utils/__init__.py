"""torch.nn.utils: gradient clipping, parameters <-> one vector, and
``rnn.pad_sequence``."""
import math

import numpy as np

from ...facade._engine import no_grad
from ...facade._shape import cat
from ...facade._tensor import Tensor, _wrap
from . import rnn  # noqa: F401


def _grads(parameters):
    ps = [parameters] if isinstance(parameters, Tensor) else list(parameters)
    return [p for p in ps if p.grad is not None]


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False,
                    foreach=None):
    """Scale the gradients in place so their joint ``norm_type`` norm is at most
    ``max_norm``; returns the norm before clipping (a 0-d tensor)."""
    ps = _grads(parameters)
    if not ps:
        return _wrap(np.zeros((), np.float32))
    norm_type = float(norm_type)
    gs = [np.asarray(p.grad._v) for p in ps]
    if norm_type == math.inf:
        total = max(float(np.abs(g).max()) if g.size else 0.0 for g in gs)
    else:
        total = sum(float((np.abs(g.astype(np.float64)) ** norm_type).sum()) for g in gs) \
            ** (1.0 / norm_type)
    if error_if_nonfinite and not math.isfinite(total):
        raise RuntimeError(f"The total norm of order {norm_type} for gradients from "
                           f"`parameters` is non-finite, so it cannot be clipped. To disable "
                           f"this error and scale the gradients by the non-finite norm "
                           f"anyway, set `error_if_nonfinite=False`")
    dt = ps[0].grad._v.dtype
    coef = float(np.asarray(max_norm, dt) / (np.asarray(total, dt) + np.asarray(1e-6, dt)))
    if coef < 1.0:
        with no_grad():
            for p in ps:
                p.grad.mul_(coef)
    return _wrap(np.asarray(total, dt))


def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamp every gradient element to [-clip_value, clip_value] in place."""
    with no_grad():
        for p in _grads(parameters):
            p.grad.clamp_(-float(clip_value), float(clip_value))


def parameters_to_vector(parameters):
    """All parameters flattened into one 1-D tensor (differentiable)."""
    return cat([p.reshape(-1) for p in parameters], 0)


def vector_to_parameters(vec, parameters):
    """Copy consecutive slices of ``vec`` into the parameters' data."""
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {type(vec).__name__}")
    i = 0
    with no_grad():
        for p in parameters:
            n = p.numel()
            p.copy_(vec[i:i + n].reshape(p.shape))
            i += n
