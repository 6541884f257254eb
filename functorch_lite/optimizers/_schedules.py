"""Learning-rate schedules (optax's): functions ``count -> value`` written with
``functorch_lite.numpy`` so they trace under jit (``count`` may be an int32
array)."""
import numpy as np

from .. import numpy as jnp

__all__ = ["constant_schedule", "linear_schedule", "polynomial_schedule",
           "exponential_decay", "cosine_decay_schedule", "warmup_cosine_decay_schedule",
           "piecewise_constant_schedule", "join_schedules"]


def _f(count):
    return jnp.asarray(count).astype(np.float64)


def constant_schedule(value):
    """The schedule that always returns ``value``."""
    return lambda count: value + 0 * _f(count)   # on count's backend


def polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin=0):
    """``(init - end) * (1 - k / steps) ** power + end`` with ``k`` the count
    after ``transition_begin``, clipped to ``[0, transition_steps]``."""
    if transition_steps <= 0:
        return constant_schedule(init_value)

    def schedule(count):
        k = jnp.clip(_f(count) - transition_begin, 0, transition_steps)
        return (init_value - end_value) * (1 - k / transition_steps) ** power + end_value
    return schedule


def linear_schedule(init_value, end_value, transition_steps, transition_begin=0):
    """Linear interpolation from ``init_value`` to ``end_value``."""
    return polynomial_schedule(init_value, end_value, 1, transition_steps, transition_begin)


def exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0,
                      staircase=False, end_value=None):
    """``init * decay_rate ** (k / transition_steps)`` (``floor`` of the ratio
    with ``staircase``), bounded by ``end_value`` when given."""
    if transition_steps <= 0:
        raise ValueError(f"exponential_decay: transition_steps must be > 0, got "
                         f"{transition_steps}")

    def schedule(count):
        k = jnp.maximum(_f(count) - transition_begin, 0)
        p = k / transition_steps
        if staircase:
            p = jnp.floor(p)
        v = init_value * jnp.power(decay_rate, p)
        if end_value is not None:
            v = jnp.maximum(v, end_value) if decay_rate < 1 else jnp.minimum(v, end_value)
        return v
    return schedule


def cosine_decay_schedule(init_value, decay_steps, alpha=0.0, exponent=1.0):
    """``init * ((1 - alpha) * (0.5 * (1 + cos(pi * k / steps))) ** exponent + alpha)``."""
    if decay_steps <= 0:
        raise ValueError(f"cosine_decay_schedule: decay_steps must be > 0, got {decay_steps}")

    def schedule(count):
        k = jnp.minimum(_f(count), decay_steps)
        c = 0.5 * (1 + jnp.cos(np.pi * k / decay_steps))
        return init_value * ((1 - alpha) * c ** exponent + alpha)
    return schedule


def join_schedules(schedules, boundaries):
    """Run ``schedules[i]`` from ``boundaries[i-1]`` on, each with the count
    restarted at its boundary."""
    if len(boundaries) != len(schedules) - 1:
        raise ValueError(f"join_schedules: {len(schedules)} schedules need "
                         f"{len(schedules) - 1} boundaries, got {len(boundaries)}")

    def schedule(count):
        out = schedules[0](count)
        for b, s in zip(boundaries, schedules[1:]):
            out = jnp.where(_f(count) < b, out, s(_f(count) - b))
        return out
    return schedule


def warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps,
                                 end_value=0.0, exponent=1.0):
    """Linear warm-up from ``init_value`` to ``peak_value`` over ``warmup_steps``,
    then cosine decay to ``end_value`` at ``decay_steps`` (counted from 0)."""
    alpha = 0.0 if peak_value == 0 else end_value / peak_value
    return join_schedules([linear_schedule(init_value, peak_value, warmup_steps),
                           cosine_decay_schedule(peak_value, decay_steps - warmup_steps,
                                                 alpha, exponent)], [warmup_steps])


def piecewise_constant_schedule(init_value, boundaries_and_scales=None):
    """``init_value`` multiplied by ``scale`` for each ``boundary`` the count
    has reached (``{boundary: scale}``)."""
    items = sorted((boundaries_and_scales or {}).items())

    def schedule(count):
        v = init_value + 0 * _f(count)
        for b, s in items:
            v = jnp.where(_f(count) >= b, v * s, v)
        return v
    return schedule
