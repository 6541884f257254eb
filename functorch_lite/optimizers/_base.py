"""The pieces every gradient transformation is built from (optax's
``GradientTransformation``, ``chain``, ``apply_updates``) and the scaling
transforms that the named optimizers chain together.

Everything is written with ``functorch_lite.numpy`` over pytrees, so
``init``/``update`` trace under ``jit``, batch under ``vmap`` and run on any
registered backend (the state lives on the parameters' backend).  The step
counters are int32 arrays, as optax's, so a jitted update does not retrace.
"""
from typing import Any, Callable, NamedTuple

import numpy as np

from .. import numpy as jnp
from ..core import tree_util as tu

__all__ = ["GradientTransformation", "chain", "apply_updates", "identity", "scale",
           "scale_by_learning_rate", "scale_by_schedule", "trace", "scale_by_adam",
           "scale_by_rms", "scale_by_stddev", "scale_by_rss", "add_decayed_weights",
           "scale_by_trust_ratio", "clip_by_global_norm", "clip", "global_norm",
           "EmptyState", "ScaleByScheduleState", "TraceState", "ScaleByAdamState",
           "ScaleByRmsState", "ScaleByRStdDevState", "ScaleByRssState"]


class GradientTransformation(NamedTuple):
    """A pair of pure functions, as optax's: ``init(params) -> state`` and
    ``update(updates, state, params=None) -> (new_updates, new_state)``.
    Apply the result with :func:`apply_updates`."""
    init: Callable
    update: Callable


class EmptyState(NamedTuple):
    """The state of a transformation that keeps none."""


class ScaleByScheduleState(NamedTuple):
    count: Any


class TraceState(NamedTuple):
    trace: Any


class ScaleByAdamState(NamedTuple):
    count: Any
    mu: Any
    nu: Any


class ScaleByRmsState(NamedTuple):
    nu: Any


class ScaleByRStdDevState(NamedTuple):
    mu: Any
    nu: Any


class ScaleByRssState(NamedTuple):
    sum_of_squares: Any


def _map(f, *trees):
    return tu.tree_map(f, *trees)


def _count0(params):
    """An int32 zero on the parameters' backend (a device step count stays there)."""
    leaves = tu.tree_leaves(params)
    return jnp.zeros_like(leaves[0], dtype=np.int32, shape=()) if leaves else \
        jnp.zeros([], dtype=np.int32)


def _inc(count):
    # saturate rather than wrap, as optax's safe_int32_increment
    return jnp.where(count < np.iinfo(np.int32).max, count + 1, count)


def _like(x, v):
    """A Python or array scalar ``v`` in ``x``'s dtype (float32 stays float32)."""
    return jnp.asarray(v, dtype=jnp.asarray(x).dtype) if hasattr(v, "shape") else v


def _check_params(params, name):
    if params is None:
        raise ValueError(f"{name}: this transformation needs the current params; "
                         f"call update(grads, state, params)")


def chain(*transforms):
    """Compose transformations left to right: the updates of one are the
    inputs of the next; the state is the tuple of their states (optax.chain)."""
    for i, t in enumerate(transforms):
        if not (hasattr(t, "init") and hasattr(t, "update")):
            raise TypeError(f"chain: argument {i} is {type(t).__name__}, not a "
                            f"GradientTransformation (an object with init and update)")

    def init(params):
        return tuple(t.init(params) for t in transforms)

    def update(updates, state, params=None):
        if len(state) != len(transforms):
            raise ValueError(f"chain: the state has {len(state)} entries for "
                             f"{len(transforms)} transformations")
        new = []
        for t, s in zip(transforms, state):
            updates, s = t.update(updates, s, params)
            new.append(s)
        return updates, tuple(new)
    return GradientTransformation(init, update)


def apply_updates(params, updates):
    """``params + updates`` leaf by leaf, each result cast to its param's dtype
    (optax.apply_updates)."""
    return _map(lambda p, u: jnp.asarray(p + u).astype(jnp.asarray(p).dtype)
                if u is not None else p, params, updates)


def identity():
    """The transformation that returns the updates unchanged."""
    return GradientTransformation(lambda p: EmptyState(), lambda u, s, p=None: (u, s))


def scale(step_size):
    """Multiply the updates by a constant."""
    return GradientTransformation(
        lambda p: EmptyState(),
        lambda u, s, p=None: (_map(lambda g: g * _like(g, step_size), u), s))


def scale_by_schedule(step_size_fn):
    """Multiply the updates by ``step_size_fn(count)``, ``count`` the number of
    updates made so far (0 at the first), kept as an int32 in the state."""
    def init(params):
        return ScaleByScheduleState(_count0(params))

    def update(updates, state, params=None):
        s = step_size_fn(state.count)
        return _map(lambda g: g * jnp.asarray(s).astype(g.dtype), updates), \
            ScaleByScheduleState(_inc(state.count))
    return GradientTransformation(init, update)


def scale_by_learning_rate(learning_rate, flip_sign=True):
    """Scale by ``-learning_rate`` (a float or a schedule ``count -> lr``)."""
    m = -1 if flip_sign else 1
    if callable(learning_rate):
        return scale_by_schedule(lambda c: m * learning_rate(c))
    return scale(m * learning_rate)


def trace(decay, nesterov=False):
    """Momentum: ``t = g + decay * t``; returns ``t`` (or ``g + decay * t``
    with nesterov), as optax.trace (PyTorch's SGD buffer with dampening 0)."""
    def init(params):
        return TraceState(_map(jnp.zeros_like, params))

    def update(updates, state, params=None):
        t = _map(lambda g, t: g + _like(g, decay) * t, updates, state.trace)
        out = _map(lambda g, t: g + _like(g, decay) * t, updates, t) if nesterov else t
        return out, TraceState(t)
    return GradientTransformation(init, update)


def _bias_correct(moment, decay, count):
    return _map(lambda m: m / (1 - jnp.asarray(decay ** count).astype(m.dtype)), moment)


def scale_by_adam(b1=0.9, b2=0.999, eps=1e-8, eps_root=0.0):
    """Adam's rescaling: ``m_hat / (sqrt(v_hat + eps_root) + eps)``."""
    def init(params):
        return ScaleByAdamState(_count0(params), _map(jnp.zeros_like, params),
                                _map(jnp.zeros_like, params))

    def update(updates, state, params=None):
        mu = _map(lambda g, m: (1 - b1) * g + b1 * m, updates, state.mu)
        nu = _map(lambda g, v: (1 - b2) * (g * g) + b2 * v, updates, state.nu)
        count = _inc(state.count)
        mh, vh = _bias_correct(mu, b1, count), _bias_correct(nu, b2, count)
        out = _map(lambda m, v: m / (jnp.sqrt(v + eps_root) + eps), mh, vh)
        return out, ScaleByAdamState(count, mu, nu)
    return GradientTransformation(init, update)


def scale_by_rms(decay=0.9, eps=1e-8, initial_scale=0.0):
    """RMSprop's rescaling: ``g / (sqrt(nu) + eps)`` with ``nu`` the moving
    average of ``g**2`` (PyTorch's RMSprop placement of eps; optax >= 0.1.8
    writes ``g * rsqrt(nu + eps)`` and differs from PyTorch by that)."""
    def init(params):
        return ScaleByRmsState(_map(lambda p: jnp.full_like(p, initial_scale), params))

    def update(updates, state, params=None):
        nu = _map(lambda g, v: (1 - decay) * (g * g) + decay * v, updates, state.nu)
        return _map(lambda g, v: g / (jnp.sqrt(v) + eps), updates, nu), ScaleByRmsState(nu)
    return GradientTransformation(init, update)


def scale_by_stddev(decay=0.9, eps=1e-8, initial_scale=0.0):
    """Centered RMSprop: ``g / (sqrt(nu - mu**2) + eps)``."""
    def init(params):
        return ScaleByRStdDevState(_map(jnp.zeros_like, params),
                                   _map(lambda p: jnp.full_like(p, initial_scale), params))

    def update(updates, state, params=None):
        mu = _map(lambda g, m: (1 - decay) * g + decay * m, updates, state.mu)
        nu = _map(lambda g, v: (1 - decay) * (g * g) + decay * v, updates, state.nu)
        out = _map(lambda g, m, v: g / (jnp.sqrt(v - m * m) + eps), updates, mu, nu)
        return out, ScaleByRStdDevState(mu, nu)
    return GradientTransformation(init, update)


def scale_by_rss(initial_accumulator_value=0.1, eps=1e-7):
    """Adagrad's rescaling: ``g / sqrt(sum g**2 + eps)`` (0 where the sum is 0),
    optax's placement of eps (PyTorch's Adagrad adds eps after the sqrt: the
    two agree when eps is 0)."""
    def init(params):
        return ScaleByRssState(_map(lambda p: jnp.full_like(p, initial_accumulator_value),
                                    params))

    def update(updates, state, params=None):
        ss = _map(lambda g, s: s + g * g, updates, state.sum_of_squares)
        out = _map(lambda g, s: jnp.where(s > 0, g / jnp.sqrt(jnp.where(s > 0, s + eps, 1)),
                                          jnp.zeros_like(g)), updates, ss)
        return out, ScaleByRssState(ss)
    return GradientTransformation(init, update)


def add_decayed_weights(weight_decay=0.0):
    """``updates + weight_decay * params`` (decoupled weight decay when chained
    before the learning-rate scaling, as AdamW)."""
    def update(updates, state, params=None):
        _check_params(params, "add_decayed_weights")
        return _map(lambda g, p: g + _like(g, weight_decay) * p, updates, params), state
    return GradientTransformation(lambda p: EmptyState(), update)


def global_norm(updates):
    """The 2-norm of all leaves together."""
    leaves = tu.tree_leaves(updates)
    return jnp.sqrt(sum(jnp.sum(x * x) for x in leaves))


def clip_by_global_norm(max_norm):
    """Rescale all updates together so their global norm is at most
    ``max_norm`` (optax.clip_by_global_norm)."""
    def update(updates, state, params=None):
        n = global_norm(updates)
        keep = n < max_norm
        return _map(lambda g: jnp.where(keep, g, g / n.astype(g.dtype) * _like(g, max_norm)),
                    updates), state
    return GradientTransformation(lambda p: EmptyState(), update)


def clip(max_delta):
    """Clip each update element to ``[-max_delta, max_delta]``."""
    return GradientTransformation(
        lambda p: EmptyState(),
        lambda u, s, p=None: (_map(lambda g: jnp.clip(g, -max_delta, max_delta), u), s))


def scale_by_trust_ratio(min_norm=0.0, trust_coefficient=1.0, eps=0.0):
    """LAMB's layer-wise scaling by ``||param|| / ||update||`` (1 where either
    norm is 0)."""
    def update(updates, state, params=None):
        _check_params(params, "scale_by_trust_ratio")

        def one(u, p):
            pn = jnp.maximum(jnp.sqrt(jnp.sum(p * p)), min_norm)
            un = jnp.maximum(jnp.sqrt(jnp.sum(u * u)), min_norm)
            ratio = trust_coefficient * pn / (un + eps)
            ratio = jnp.where((pn == 0) | (un == 0), jnp.ones_like(ratio), ratio)
            return u * ratio.astype(u.dtype)
        return _map(one, updates, params), state
    return GradientTransformation(lambda p: EmptyState(), update)
