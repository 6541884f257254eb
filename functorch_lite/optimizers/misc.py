"""The driver-style optimizers of HIPS autograd (``autograd.misc.optimizers``):
``adam(grad, x0, callback=None, num_iters=100, step_size=0.001, ...)`` runs the
whole loop and returns the final parameters.

``grad(x, i)`` is called with the parameters (any pytree, as autograd's
``unflatten_optimizer`` allows) and the iteration number; ``callback(x, i, g)``
runs before each update.  The arithmetic is autograd's: the pytree is
flattened to one vector and the update is the same NumPy expression, so the
iterates equal autograd's to rounding.  Unlike autograd these accept a
``functorch_lite`` array or a NumPy one and work under ``jit``-compiled
``grad`` functions; a pure-function form of each is in
``functorch_lite.optimizers`` (optax style).
"""
from .. import numpy as jnp
from ..flatten_util import ravel_pytree

__all__ = ["sgd", "rmsprop", "adam"]


def _drive(name, grad, x, callback, num_iters, step):
    if not callable(grad):
        raise TypeError(f"{name}: grad must be a function grad(x, i), got "
                        f"{type(grad).__name__}")
    flat, unravel = ravel_pytree(x)

    def fgrad(v, i):
        g = grad(unravel(v), i)
        gf, _ = ravel_pytree(g)
        if gf.shape != flat.shape:
            raise ValueError(f"{name}: grad(x, i) returned {gf.shape[0]} numbers for "
                             f"{flat.shape[0]} parameters; it must return a gradient "
                             f"shaped like x")
        return gf, g
    state = None
    for i in range(num_iters):
        gf, g = fgrad(flat, i)
        if callback:
            callback(unravel(flat), i, g)
        flat, state = step(flat, gf, i, state)
    return unravel(flat)


def sgd(grad, x, callback=None, num_iters=200, step_size=0.1, mass=0.9):
    """Gradient descent with momentum as autograd writes it: ``v = mass * v -
    (1 - mass) * g``; ``x = x + step_size * v``."""
    def step(x, g, i, v):
        v = jnp.zeros_like(x) if v is None else v
        v = mass * v - (1.0 - mass) * g
        return x + step_size * v, v
    return _drive("sgd", grad, x, callback, num_iters, step)


def rmsprop(grad, x, callback=None, num_iters=100, step_size=0.1, gamma=0.9, eps=10**-8):
    """RMSprop as autograd writes it (the average of squares starts at 1)."""
    def step(x, g, i, avg):
        avg = jnp.ones_like(x) if avg is None else avg
        avg = avg * gamma + g ** 2 * (1 - gamma)
        return x - step_size * g / (jnp.sqrt(avg) + eps), avg
    return _drive("rmsprop", grad, x, callback, num_iters, step)


def adam(grad, x, callback=None, num_iters=100, step_size=0.001, b1=0.9, b2=0.999,
         eps=10**-8):
    """Adam as autograd writes it (Kingma & Ba's bias-corrected moments)."""
    def step(x, g, i, mv):
        m, v = (jnp.zeros_like(x), jnp.zeros_like(x)) if mv is None else mv
        m = (1 - b1) * g + b1 * m
        v = (1 - b2) * (g ** 2) + b2 * v
        mhat = m / (1 - b1 ** (i + 1))
        vhat = v / (1 - b2 ** (i + 1))
        return x - step_size * mhat / (jnp.sqrt(vhat) + eps), (m, v)
    return _drive("adam", grad, x, callback, num_iters, step)
