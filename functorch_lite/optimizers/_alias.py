"""The named optimizers, each a ``chain`` of the transforms in ``_base`` as in
optax (``learning_rate`` may be a float or a schedule ``count -> lr``)."""
from ._base import (add_decayed_weights, chain, scale_by_adam, scale_by_learning_rate,
                    scale_by_rms, scale_by_rss, scale_by_stddev, scale_by_trust_ratio, trace)

__all__ = ["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad", "lamb"]


def _check_lr(lr, name):
    if not callable(lr) and not (hasattr(lr, "shape") or isinstance(lr, (int, float))):
        raise TypeError(f"{name}: learning_rate must be a number or a schedule "
                        f"(count -> learning rate), got {type(lr).__name__}")


def sgd(learning_rate, momentum=None, nesterov=False):
    """Stochastic gradient descent, optionally with (Nesterov) momentum:
    the update is ``-lr * t`` with ``t = g + momentum * t`` (optax.sgd; equal to
    ``torch.optim.SGD(lr, momentum, nesterov=...)`` with dampening 0)."""
    _check_lr(learning_rate, "sgd")
    if nesterov and not momentum:
        raise ValueError("sgd: nesterov=True needs a momentum > 0")
    parts = [trace(momentum, nesterov)] if momentum else []
    return chain(*parts, scale_by_learning_rate(learning_rate))


def momentum(learning_rate, beta=0.9):
    """SGD with heavy-ball momentum ``beta`` (``sgd(lr, momentum=beta)``)."""
    return sgd(learning_rate, momentum=beta)


def nesterov(learning_rate, beta=0.9):
    """SGD with Nesterov momentum ``beta`` (``sgd(lr, beta, nesterov=True)``)."""
    return sgd(learning_rate, momentum=beta, nesterov=True)


def adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8, eps_root=0.0):
    """Adam (optax.adam; equal to ``torch.optim.Adam(lr, betas=(b1, b2), eps)``)."""
    _check_lr(learning_rate, "adam")
    return chain(scale_by_adam(b1, b2, eps, eps_root), scale_by_learning_rate(learning_rate))


def adamw(learning_rate, b1=0.9, b2=0.999, eps=1e-8, weight_decay=1e-4):
    """Adam with decoupled weight decay (optax.adamw: the decay is scaled by
    the learning rate, as ``torch.optim.AdamW``; optax's default decay 1e-4,
    PyTorch's 1e-2)."""
    _check_lr(learning_rate, "adamw")
    return chain(scale_by_adam(b1, b2, eps), add_decayed_weights(weight_decay),
                 scale_by_learning_rate(learning_rate))


def rmsprop(learning_rate, decay=0.9, eps=1e-8, initial_scale=0.0, centered=False,
            momentum=None, nesterov=False):
    """RMSprop (optax.rmsprop's arguments; eps added after the square root as
    ``torch.optim.RMSprop(lr, alpha=decay, eps, momentum, centered)``, which it
    equals)."""
    _check_lr(learning_rate, "rmsprop")
    first = scale_by_stddev(decay, eps, initial_scale) if centered else \
        scale_by_rms(decay, eps, initial_scale)
    parts = [first, scale_by_learning_rate(learning_rate)]
    if momentum:
        parts.append(trace(momentum, nesterov))
    return chain(*parts)


def adagrad(learning_rate, initial_accumulator_value=0.1, eps=1e-7):
    """Adagrad (optax.adagrad: ``g / sqrt(sum g**2 + eps)``; PyTorch's Adagrad
    puts eps after the square root, so the two agree for eps=0)."""
    _check_lr(learning_rate, "adagrad")
    return chain(scale_by_rss(initial_accumulator_value, eps),
                 scale_by_learning_rate(learning_rate))


def lamb(learning_rate, b1=0.9, b2=0.999, eps=1e-6, eps_root=0.0, weight_decay=0.0):
    """LAMB (optax.lamb): Adam's direction plus weight decay, rescaled per
    leaf by ``||param|| / ||update||``."""
    _check_lr(learning_rate, "lamb")
    return chain(scale_by_adam(b1, b2, eps, eps_root), add_decayed_weights(weight_decay),
                 scale_by_trust_ratio(), scale_by_learning_rate(learning_rate))
