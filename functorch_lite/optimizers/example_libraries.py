"""``jax.example_libraries.optimizers``: each optimizer is a triple
``(init_fun, update_fun, get_params)`` over pytrees::

    opt_init, opt_update, get_params = adam(step_size=1e-3)
    state = opt_init(params)
    state = opt_update(i, grads, state)      # jit-able; i is the step number
    params = get_params(state)

``step_size`` is a float or a schedule ``i -> step size``.  The state is an
:class:`OptimizerState` pytree (so it passes through ``jit`` and ``vmap``);
the arithmetic follows JAX's module.  The optax-style transformations are in
``functorch_lite.optimizers``.
"""
from typing import NamedTuple

from .. import numpy as jnp
from ..core import tree_util as tu

__all__ = ["OptimizerState", "Optimizer", "optimizer", "sgd", "momentum", "nesterov",
           "adagrad", "rmsprop", "rmsprop_momentum", "adam", "adamax",
           "constant", "exponential_decay", "inverse_time_decay", "polynomial_decay",
           "piecewise_constant", "make_schedule", "l2_norm", "clip_grads"]


class OptimizerState:
    """The per-leaf states (a list of tuples) and the params' tree structure."""

    def __init__(self, states, treedef):
        self.states, self.treedef = list(states), treedef

    def __repr__(self):
        return f"OptimizerState({self.treedef})"


tu.register_pytree_node(OptimizerState, lambda s: (s.states, s.treedef),
                        lambda aux, ch: OptimizerState(ch, aux))


class Optimizer(NamedTuple):
    init_fn: object
    update_fn: object
    params_fn: object


def make_schedule(step_size):
    """A float becomes the constant schedule; a callable is returned as is."""
    if callable(step_size):
        return step_size
    if isinstance(step_size, (int, float)) or hasattr(step_size, "shape"):
        return constant(step_size)
    raise TypeError(f"make_schedule: step_size must be a number or a function i -> "
                    f"step size, got {type(step_size).__name__}")


def optimizer(opt_maker):
    """Lift a maker of per-array ``(init, update, get_params)`` to pytrees (as
    JAX's decorator of the same name)."""
    def tree_opt_maker(*args, **kwargs):
        init, update, get_params = opt_maker(*args, **kwargs)

        def init_fn(x0):
            leaves, tree = tu.tree_flatten(x0)
            return OptimizerState([init(jnp.asarray(x)) for x in leaves], tree)

        def update_fn(i, grad_tree, opt_state):
            gs, gtree = tu.tree_flatten(grad_tree)
            if gtree != opt_state.treedef:
                raise TypeError(f"{opt_maker.__name__} update: the gradient's tree "
                                f"{gtree} differs from the parameters' {opt_state.treedef}")
            return OptimizerState([update(i, g, s) for g, s in zip(gs, opt_state.states)],
                                  opt_state.treedef)

        def params_fn(opt_state):
            return tu.tree_unflatten(opt_state.treedef,
                                     [get_params(s) for s in opt_state.states])
        return Optimizer(init_fn, update_fn, params_fn)
    tree_opt_maker.__name__ = opt_maker.__name__
    tree_opt_maker.__doc__ = opt_maker.__doc__
    return tree_opt_maker


def _cast(v, x):
    return jnp.asarray(v).astype(x.dtype)


@optimizer
def sgd(step_size):
    """``x - step_size(i) * g``."""
    step_size = make_schedule(step_size)
    return (lambda x: (x,), lambda i, g, s: (s[0] - _cast(step_size(i), s[0]) * g,),
            lambda s: s[0])


@optimizer
def momentum(step_size, mass):
    """``v = mass * v + g``; ``x - step_size(i) * v``."""
    step_size = make_schedule(step_size)

    def update(i, g, s):
        x, v = s
        v = mass * v + g
        return x - _cast(step_size(i), x) * v, v
    return lambda x: (x, jnp.zeros_like(x)), update, lambda s: s[0]


@optimizer
def nesterov(step_size, mass):
    """``v = mass * v + g``; ``x - step_size(i) * (mass * v + g)``."""
    step_size = make_schedule(step_size)

    def update(i, g, s):
        x, v = s
        v = mass * v + g
        return x - _cast(step_size(i), x) * (mass * v + g), v
    return lambda x: (x, jnp.zeros_like(x)), update, lambda s: s[0]


@optimizer
def adagrad(step_size, momentum=0.9):
    """Adagrad with momentum, as JAX's: ``m = (1-mom) g / sqrt(sum g**2) + mom m``."""
    step_size = make_schedule(step_size)

    def update(i, g, s):
        x, gsq, m = s
        gsq = gsq + g * g
        inv = jnp.where(gsq > 0, 1.0 / jnp.sqrt(jnp.where(gsq > 0, gsq, 1)), 0.0).astype(x.dtype)
        m = (1.0 - momentum) * (g * inv) + momentum * m
        return x - _cast(step_size(i), x) * m, gsq, m
    return (lambda x: (x, jnp.zeros_like(x), jnp.zeros_like(x)), update, lambda s: s[0])


@optimizer
def rmsprop(step_size, gamma=0.9, eps=1e-8):
    """``avg = gamma avg + (1-gamma) g**2``; ``x - step g / sqrt(avg + eps)``."""
    step_size = make_schedule(step_size)

    def update(i, g, s):
        x, avg = s
        avg = avg * gamma + g * g * (1.0 - gamma)
        return x - _cast(step_size(i), x) * g / jnp.sqrt(avg + eps), avg
    return lambda x: (x, jnp.zeros_like(x)), update, lambda s: s[0]


@optimizer
def rmsprop_momentum(step_size, gamma=0.9, eps=1e-8, momentum=0.9):
    """RMSprop whose scaled gradient feeds a momentum buffer."""
    step_size = make_schedule(step_size)

    def update(i, g, s):
        x, avg, mom = s
        avg = avg * gamma + g * g * (1.0 - gamma)
        mom = momentum * mom + _cast(step_size(i), x) * g / jnp.sqrt(avg + eps)
        return x - mom, avg, mom
    return (lambda x: (x, jnp.zeros_like(x), jnp.zeros_like(x)), update, lambda s: s[0])


@optimizer
def adam(step_size, b1=0.9, b2=0.999, eps=1e-8):
    """Adam: ``x - step * m_hat / (sqrt(v_hat) + eps)`` with ``i`` counted from 0."""
    step_size = make_schedule(step_size)

    def update(i, g, s):
        x, m, v = s
        m = (1 - b1) * g + b1 * m
        v = (1 - b2) * (g * g) + b2 * v
        t = jnp.asarray(i) + 1
        mhat = m / _cast(1 - jnp.asarray(b1) ** t, x)
        vhat = v / _cast(1 - jnp.asarray(b2) ** t, x)
        return x - _cast(step_size(i), x) * mhat / (jnp.sqrt(vhat) + eps), m, v
    return (lambda x: (x, jnp.zeros_like(x), jnp.zeros_like(x)), update, lambda s: s[0])


@optimizer
def adamax(step_size, b1=0.9, b2=0.999, eps=1e-8):
    """AdaMax: Adam with the infinity norm in place of the second moment."""
    step_size = make_schedule(step_size)

    def update(i, g, s):
        x, m, u = s
        m = (1 - b1) * g + b1 * m
        u = jnp.maximum(b2 * u, jnp.abs(g))
        t = jnp.asarray(i) + 1
        return x - _cast(step_size(i), x) / _cast(1 - jnp.asarray(b1) ** t, x) * m / \
            (u + eps), m, u
    return (lambda x: (x, jnp.zeros_like(x), jnp.zeros_like(x)), update, lambda s: s[0])


def constant(step_size):
    """The schedule ``i -> step_size``."""
    return lambda i: step_size


def exponential_decay(step_size, decay_steps, decay_rate):
    """``step_size * decay_rate ** (i / decay_steps)``."""
    return lambda i: step_size * decay_rate ** (i / decay_steps)


def inverse_time_decay(step_size, decay_steps, decay_rate, staircase=False):
    """``step_size / (1 + decay_rate * i / decay_steps)`` (floored ratio with staircase)."""
    if staircase:
        return lambda i: step_size / (1 + decay_rate * jnp.floor(i / decay_steps))
    return lambda i: step_size / (1 + decay_rate * i / decay_steps)


def polynomial_decay(step_size, decay_steps, final_step_size, power=1.0):
    """From ``step_size`` to ``final_step_size`` over ``decay_steps`` steps."""
    def schedule(i):
        i = jnp.minimum(i, decay_steps)
        return (step_size - final_step_size) * (1 - i / decay_steps) ** power + final_step_size
    return schedule


def piecewise_constant(boundaries, values):
    """``values[k]`` for ``boundaries[k-1] <= i < boundaries[k]``."""
    if len(values) != len(boundaries) + 1:
        raise ValueError(f"piecewise_constant: {len(boundaries)} boundaries need "
                         f"{len(boundaries) + 1} values, got {len(values)}")
    bs, vs = jnp.asarray(boundaries), jnp.asarray(values)
    return lambda i: vs[jnp.sum(jnp.asarray(i) >= bs)]


def l2_norm(tree):
    """The 2-norm of all leaves of ``tree`` together."""
    return jnp.sqrt(sum(jnp.sum(x * x) for x in tu.tree_leaves(tree)))


def clip_grads(grad_tree, max_norm):
    """Rescale ``grad_tree`` so its l2_norm is at most ``max_norm``."""
    n = l2_norm(grad_tree)
    f = jnp.where(n < max_norm, 1.0, max_norm / n)
    return tu.tree_map(lambda g: g * f.astype(jnp.asarray(g).dtype), grad_tree)
