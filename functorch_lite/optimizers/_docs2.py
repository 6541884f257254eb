"""Docstrings of ``GradientTransformation`` and the state NamedTuples (their
fields, what makes one, an Example that tests/test_doctests.py runs);
``optimizers/__init__.py`` assigns them at import."""


def _state(summary, fields, made_by, example):
    """A state class's docstring: its fields, the transformation whose ``init``
    makes it, optax's class of the same name, an Example producing one."""
    return (f"{summary}\n\nArgs:\n{fields}\n\nReturns:\n    A NamedTuple (a pytree: it jits, "
            f"vmaps and flattens), made by ``{made_by}.init(params)`` and replaced by each "
            f"``update``.\n\nAs optax's class of the same name (same fields and order), with "
            f"the arrays on the parameters' backend (float64 under NumPy; optax's are jax "
            f"float32).\n\nExample:\n    >>> import numpy as np\n"
            f"    >>> from functorch_lite import optimizers as optim\n"
            f"    >>> params = {{'w': np.array([1.0, 2.0])}}\n"
            f"    >>> grads = {{'w': np.array([0.5, -1.0])}}\n{example}")


GRADIENT_TRANSFORMATION = """A pair of pure functions, as ``optax.GradientTransformation``:
``init(params) -> state`` and ``update(updates, state, params=None) ->
(new_updates, new_state)``.  Apply the updates with :func:`apply_updates`;
combine transformations with :func:`chain`.

Args:
    init: ``init(params) -> state``, the state a pytree of parameters starts with.
    update: ``update(updates, state, params=None) -> (updates, state)``, pure
        (no state is kept anywhere else), so it jits and vmaps.

Returns:
    A NamedTuple ``(init, update)``.

Same as optax's (a NamedTuple of the two functions); the library's named
optimizers (``adam``, ``sgd``...) return one.

Example:
    >>> import numpy as np
    >>> from functorch_lite import optimizers as optim
    >>> halve = optim.GradientTransformation(
    ...     init=lambda params: optim.EmptyState(),
    ...     update=lambda updates, state, params=None: (
    ...         {k: -0.5 * v for k, v in updates.items()}, state))
    >>> params = {'w': np.array([1.0, 2.0])}
    >>> state = halve.init(params)
    >>> updates, state = halve.update({'w': np.array([2.0, 2.0])}, state)
    >>> optim.apply_updates(params, updates)
    {'w': Array([0., 1.])}
"""

DOCS = {
    "GradientTransformation": GRADIENT_TRANSFORMATION,
    "EmptyState": _state(
        "The state of a transformation that keeps none.",
        "    (none): no fields.", "identity()", """    >>> t = optim.identity()
    >>> t.init(params)
    EmptyState()
    >>> t.update(grads, t.init(params))[0]
    {'w': array([ 0.5, -1. ])}
"""),
    "ScaleByScheduleState": _state(
        "The state of :func:`scale_by_schedule`: the step count the schedule reads.",
        "    count: an int32 scalar array, the number of updates so far.",
        "scale_by_schedule(fn)", """    >>> t = optim.scale_by_schedule(lambda count: 0.1)
    >>> updates, state = t.update(grads, t.init(params))
    >>> state
    ScaleByScheduleState(count=Array(1, dtype=int32))
    >>> updates
    {'w': Array([ 0.05, -0.1 ])}
"""),
    "TraceState": _state(
        "The state of :func:`trace` (momentum): the running trace of the updates.",
        "    trace: a pytree like the parameters, ``decay * trace + updates``.",
        "trace(decay)", """    >>> t = optim.trace(decay=0.9)
    >>> updates, state = t.update(grads, t.init(params))
    >>> state
    TraceState(trace={'w': array([ 0.5, -1. ])})
"""),
    "ScaleByAdamState": _state(
        "The state of :func:`scale_by_adam` (and ``adam``/``adamw``): the step count "
        "and Adam's two moment estimates.",
        "    count: an int32 scalar array, the number of updates so far.\n"
        "    mu: the first moments (a pytree like the parameters).\n"
        "    nu: the second moments (a pytree like the parameters).",
        "scale_by_adam()", """    >>> t = optim.scale_by_adam()
    >>> updates, state = t.update(grads, t.init(params))
    >>> state.count
    Array(1, dtype=int32)
    >>> state.mu['w'], state.nu['w']
    (array([ 0.05, -0.1 ]), array([0.00025, 0.001  ]))
"""),
    "ScaleByRmsState": _state(
        "The state of :func:`scale_by_rms` (and ``rmsprop``): the running mean of the "
        "squared updates.",
        "    nu: a pytree like the parameters, ``decay * nu + (1 - decay) * g**2``.",
        "scale_by_rms()", """    >>> t = optim.scale_by_rms(decay=0.9)
    >>> updates, state = t.update(grads, t.init(params))
    >>> state
    ScaleByRmsState(nu={'w': array([0.025, 0.1  ])})
"""),
    "ScaleByRStdDevState": _state(
        "The state of :func:`scale_by_stddev` (``rmsprop(centered=True)``): running "
        "means of the updates and of their squares.",
        "    mu: a pytree like the parameters, the running mean of the updates.\n"
        "    nu: a pytree like the parameters, the running mean of their squares.",
        "scale_by_stddev()", """    >>> t = optim.scale_by_stddev(decay=0.9)
    >>> updates, state = t.update(grads, t.init(params))
    >>> state
    ScaleByRStdDevState(mu={'w': array([ 0.05, -0.1 ])}, nu={'w': array([0.025, 0.1  ])})
"""),
    "ScaleByRssState": _state(
        "The state of :func:`scale_by_rss` (and ``adagrad``): the sum of the squared "
        "updates so far.",
        "    sum_of_squares: a pytree like the parameters, starting at "
        "``initial_accumulator_value``.",
        "scale_by_rss()", """    >>> t = optim.scale_by_rss(initial_accumulator_value=0.1)
    >>> updates, state = t.update(grads, t.init(params))
    >>> state
    ScaleByRssState(sum_of_squares={'w': array([0.35, 1.1 ])})
"""),
}
