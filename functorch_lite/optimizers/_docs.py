"""Args/Returns/Example sections completing the docstrings of
``fl.optimizers`` (optax's API); each example's output was checked equal to
optax's when written.  ``optimizers/__init__.py`` applies them with
``core.mirror_docs.complete``."""

EXTRAS = {}

EXTRAS["optimizers.sgd"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    momentum: the momentum factor (None: plain SGD).
    nesterov: Nesterov momentum.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``accumulator_dtype``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.sgd(0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.512 -1.024]""")

EXTRAS["optimizers.momentum"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    beta: the momentum factor.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: optax has no such name (here a shorthand, see the summary).""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.momentum(0.1, 0.9)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.062 -0.124]""")

EXTRAS["optimizers.nesterov"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    beta: the momentum factor.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: optax has no such name (here a shorthand, see the summary).""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.nesterov(0.1, 0.9)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [-0.108352  0.216704]""")

EXTRAS["optimizers.adam"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    b1: the first moment's decay.
    b2: the second moment's decay.
    eps: the denominator's epsilon.
    eps_root: an epsilon inside the square root.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``mu_dtype``, ``nesterov``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.adam(0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.70158627 -1.70062339]""")

EXTRAS["optimizers.adamw"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    b1: the first moment's decay.
    b2: the second moment's decay.
    eps: the denominator's epsilon.
    weight_decay: the decay factor.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``eps_root``, ``mu_dtype``, ``mask``, ``nesterov``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.adamw(0.1, weight_decay=0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.67510122 -1.64436868]""")

EXTRAS["optimizers.rmsprop"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    decay: the moving average's decay.
    eps: the denominator's epsilon.
    initial_scale: the moving average's initial value.
    centered: centre by the mean gradient (as ``scale_by_stddev``).
    momentum: the momentum factor (None: plain SGD).
    nesterov: Nesterov momentum.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.rmsprop(0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.36918056 -1.30871787]""")

EXTRAS["optimizers.adagrad"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    initial_accumulator_value: the accumulator's initial value.
    eps: the denominator's epsilon.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.adagrad(0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.7822992  -1.77629664]""")

EXTRAS["optimizers.lamb"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    b1: the first moment's decay.
    b2: the second moment's decay.
    eps: the denominator's epsilon.
    eps_root: an epsilon inside the square root.
    weight_decay: the decay factor.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``mask``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.lamb(0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.57016316 -1.56748599]""")

EXTRAS["optimizers.scale"] = (
    """    step_size: the factor.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale(-0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.512 -1.024]""")

EXTRAS["optimizers.clip"] = (
    """    max_delta: the bound.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.clip(0.5)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 2.5 -3.5]""")

EXTRAS["optimizers.clip_by_global_norm"] = (
    """    max_norm: the largest global norm.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.clip_by_global_norm(1.0)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 2.34164079 -4.68328157]""")

EXTRAS["optimizers.identity"] = (
    """    (none)""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.identity()
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 27. -54.]""")

EXTRAS["optimizers.trace"] = (
    """    decay: the moving average's decay.
    nesterov: Nesterov momentum.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``accumulator_dtype``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.trace(0.9)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 39.42 -78.84]""")

EXTRAS["optimizers.scale_by_adam"] = (
    """    b1: the first moment's decay.
    b2: the second moment's decay.
    eps: the denominator's epsilon.
    eps_root: an epsilon inside the square root.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``mu_dtype``, ``nesterov``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale_by_adam()
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 3.92438221 -4.97821544]""")

EXTRAS["optimizers.scale_by_rms"] = (
    """    decay: the moving average's decay.
    eps: the denominator's epsilon.
    initial_scale: the moving average's initial value.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: epsilon is added after the square root (PyTorch's
placement; optax's default puts it inside), so values differ slightly.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale_by_rms()
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(np.round(params['w'], 6))
    [ 10.005811 -10.791804]""")

EXTRAS["optimizers.scale_by_stddev"] = (
    """    decay: the moving average's decay.
    eps: the denominator's epsilon.
    initial_scale: the moving average's initial value.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: epsilon is added after the square root (PyTorch's
placement; optax's default puts it inside), so values differ slightly.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale_by_stddev()
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(np.round(params['w'], 6))
    [ 10.762362 -11.616208]""")

EXTRAS["optimizers.scale_by_rss"] = (
    """    initial_accumulator_value: the accumulator's initial value.
    eps: the denominator's epsilon.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale_by_rss()
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 3.66926757 -4.55572065]""")

EXTRAS["optimizers.add_decayed_weights"] = (
    """    weight_decay: the decay factor.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``mask``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.add_decayed_weights(0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 29.791 -59.582]""")

EXTRAS["optimizers.scale_by_trust_ratio"] = (
    """    min_norm: norms below it count as 0.
    trust_coefficient: a multiplier of the ratio.
    eps: the denominator's epsilon.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale_by_trust_ratio()
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [  8. -16.]""")

EXTRAS["optimizers.scale_by_learning_rate"] = (
    """    learning_rate: a float, or a schedule ``count -> lr``.
    flip_sign: scale by ``-learning_rate`` (descent).""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale_by_learning_rate(0.1)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.512 -1.024]""")

EXTRAS["optimizers.scale_by_schedule"] = (
    """    step_size_fn: a function of the count.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.scale_by_schedule(lambda count: 0.5 ** count)
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [  9. -18.]""")

EXTRAS["optimizers.chain"] = (
    """    transforms: the transformations, applied in order.""",
    """A ``GradientTransformation`` (``init(params)``, ``update(updates, state, params)``).""",
    """Differs from optax: no ``args``; otherwise the same results.""",
    """    >>> import numpy as np
    >>> import functorch_lite.optimizers as optim
    >>> tx = optim.chain(optim.clip(0.5), optim.sgd(0.1))
    >>> params = {'w': np.array([1.0, -2.0])}
    >>> state = tx.init(params)
    >>> for _ in range(3):
    ...     grads = {'w': 2 * params['w']}
    ...     updates, state = tx.update(grads, state, params)
    ...     params = optim.apply_updates(params, updates)
    >>> print(params['w'])
    [ 0.85 -1.85]""")

EXTRAS["optimizers.constant_schedule"] = (
    """    value: the constant.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.constant_schedule(0.5)
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]""")

EXTRAS["optimizers.linear_schedule"] = (
    """    init_value: the value at count 0.
    end_value: the final value.
    transition_steps: the counts over which it changes.
    transition_begin: the count at which the change starts.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.linear_schedule(1.0, 0.0, 4)
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [1.0, 0.75, 0.5, 0.25, 0.0, 0.0]""")

EXTRAS["optimizers.polynomial_schedule"] = (
    """    init_value: the value at count 0.
    end_value: the final value.
    power: the polynomial's power.
    transition_steps: the counts over which it changes.
    transition_begin: the count at which the change starts.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.polynomial_schedule(1.0, 0.0, 2, 4)
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [1.0, 0.5625, 0.25, 0.0625, 0.0, 0.0]""")

EXTRAS["optimizers.exponential_decay"] = (
    """    init_value: the value at count 0.
    transition_steps: the counts over which it changes.
    decay_rate: the factor per ``transition_steps``.
    transition_begin: the count at which the change starts.
    staircase: decay in whole steps.
    end_value: the final value.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.exponential_decay(1.0, 2, 0.5)
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [1.0, 0.7071, 0.5, 0.3536, 0.25, 0.1768]""")

EXTRAS["optimizers.cosine_decay_schedule"] = (
    """    init_value: the value at count 0.
    decay_steps: the counts of the decay.
    alpha: the final fraction of ``init_value``.
    exponent: the cosine's exponent.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.cosine_decay_schedule(1.0, 4)
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [1.0, 0.8536, 0.5, 0.1464, 0.0, 0.0]""")

EXTRAS["optimizers.warmup_cosine_decay_schedule"] = (
    """    init_value: the value at count 0.
    peak_value: the value after warm-up.
    warmup_steps: the warm-up's counts.
    decay_steps: the counts of the decay.
    end_value: the final value.
    exponent: the cosine's exponent.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.warmup_cosine_decay_schedule(0.0, 1.0, 2, 5)
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [0.0, 0.5, 1.0, 0.75, 0.25, 0.0]""")

EXTRAS["optimizers.piecewise_constant_schedule"] = (
    """    init_value: the value at count 0.
    boundaries_and_scales: ``{count: scale}``.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.piecewise_constant_schedule(1.0, {2: 0.5, 4: 0.1})
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [1.0, 1.0, 0.5, 0.5, 0.05, 0.05]""")

EXTRAS["optimizers.join_schedules"] = (
    """    schedules: the schedules.
    boundaries: the counts at which the next one starts.""",
    """A schedule: a function of the step count returning a float.""",
    """Differs from optax: nothing in arguments or results.""",
    """    >>> import functorch_lite.optimizers as optim
    >>> schedule = optim.join_schedules([optim.constant_schedule(1.0),
    ...                              optim.linear_schedule(1.0, 0.0, 2)], [2])
    >>> [round(float(schedule(k)), 4) for k in range(6)]
    [1.0, 1.0, 1.0, 0.5, 0.0, 0.0]""")
