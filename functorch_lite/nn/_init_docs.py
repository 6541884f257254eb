"""Full docstrings of ``fl.nn.initializers`` (jax.nn.initializers), generated once
(each example's output checked equal to JAX's, 64-bit mode, when written);
``nn/initializers.py`` assigns them at import."""

DOCS = {}

DOCS["initializers.constant"] = """An initializer filling with ``value``.

This is ``jax.nn.initializers.constant``.

Args:
    value: the fill value.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.constant(0.5)(key, (2,)))
    [0.5 0.5]
"""

DOCS["initializers.zeros"] = """An array of zeros (``key`` is ignored).

This is ``jax.nn.initializers.zeros``.

Args:
    key: a PRNG key (ignored by zeros/ones, as JAX).
    shape: the array's shape.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    The array.

Differs from JAX: no ``out_sharding``.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.zeros(key, (2,)))
    [0. 0.]
"""

DOCS["initializers.ones"] = """An array of ones (``key`` is ignored).

This is ``jax.nn.initializers.ones``.

Args:
    key: a PRNG key (ignored by zeros/ones, as JAX).
    shape: the array's shape.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    The array.

Differs from JAX: no ``out_sharding``.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.ones(key, (2,)))
    [1. 1.]
"""

DOCS["initializers.normal"] = """An initializer drawing normal(0, stddev**2).

This is ``jax.nn.initializers.normal``.

Args:
    stddev: the standard deviation.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.normal(1.0)(key, (3,)))
    [-0.20584214 -0.78476578  1.81608667]
"""

DOCS["initializers.uniform"] = """An initializer drawing uniform on [0, scale).

This is ``jax.nn.initializers.uniform``.

Args:
    scale: the scale.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.uniform(1.0)(key, (3,)))
    [0.41845711 0.21629545 0.96532146]
"""

DOCS["initializers.truncated_normal"] = """An initializer drawing a normal truncated to (lower, upper), times stddev.

This is ``jax.nn.initializers.truncated_normal``.

Args:
    stddev: the standard deviation.
    dtype: the dtype (default float64; float32 in 32-bit mode).
    lower: the lower truncation bound, in standard deviations.
    upper: the upper bound.

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.truncated_normal(1.0)(key, (3,)))
    [-0.19635199 -0.74147057  1.59059133]
"""

DOCS["initializers.variance_scaling"] = """An initializer with variance ``scale / n``, n the fan-in, fan-out, their mean
(``fan_avg``) or geometric mean (``fan_geo_avg``); ``distribution`` is
``"truncated_normal"`` (to +-2 standard deviations, rescaled), ``"normal"``
or ``"uniform"`` (on +-sqrt(3 variance)), as jax.nn.initializers.

This is ``jax.nn.initializers.variance_scaling``.

Args:
    scale: the scale.
    mode: ``'fan_in'``, ``'fan_out'``, ``'fan_avg'`` or ``'fan_geo_avg'``.
    distribution: ``'truncated_normal'``, ``'normal'`` or ``'uniform'``.
    in_axis: the input axis (or axes) of the shape (fan-in).
    out_axis: the output axis (or axes) (fan-out).
    batch_axis: axes excluded from the fans.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.variance_scaling(1.0, "fan_in", "normal")(key, (2, 2)))
    [[-0.14555237 -0.5549132 ]
     [ 1.2841672   0.13282578]]
"""

DOCS["initializers.glorot_normal"] = """Glorot/Xavier normal: variance_scaling(1, 'fan_avg', 'truncated_normal').

This is ``jax.nn.initializers.glorot_normal``.

Args:
    in_axis: the input axis (or axes) of the shape (fan-in).
    out_axis: the output axis (or axes) (fan-out).
    batch_axis: axes excluded from the fans.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.glorot_normal()(key, (2, 2)))
    [[-0.15784195 -0.59604771]
     [ 1.27863245  0.14405613]]
"""

DOCS["initializers.glorot_uniform"] = """Glorot/Xavier uniform: variance_scaling(1, 'fan_avg', 'uniform').

This is ``jax.nn.initializers.glorot_uniform``.

Args:
    in_axis: the input axis (or axes) of the shape (fan-in).
    out_axis: the output axis (or axes) (fan-out).
    batch_axis: axes excluded from the fans.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.glorot_uniform()(key, (2, 2)))
    [[-0.19973847 -0.69493137]
     [ 1.13980015  0.18248829]]
"""

DOCS["initializers.he_normal"] = """He/Kaiming normal: variance_scaling(2, 'fan_in', 'truncated_normal').

This is ``jax.nn.initializers.he_normal``.

Args:
    in_axis: the input axis (or axes) of the shape (fan-in).
    out_axis: the output axis (or axes) (fan-out).
    batch_axis: axes excluded from the fans.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.he_normal()(key, (2, 2)))
    [[-0.22322222 -0.84293876]
     [ 1.80825936  0.20372613]]
"""

DOCS["initializers.he_uniform"] = """He/Kaiming uniform: variance_scaling(2, 'fan_in', 'uniform').

This is ``jax.nn.initializers.he_uniform``.

Args:
    in_axis: the input axis (or axes) of the shape (fan-in).
    out_axis: the output axis (or axes) (fan-out).
    batch_axis: axes excluded from the fans.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.he_uniform()(key, (2, 2)))
    [[-0.28247285 -0.98278137]
     [ 1.61192083  0.25807742]]
"""

DOCS["initializers.lecun_normal"] = """LeCun normal: variance_scaling(1, 'fan_in', 'truncated_normal').

This is ``jax.nn.initializers.lecun_normal``.

Args:
    in_axis: the input axis (or axes) of the shape (fan-in).
    out_axis: the output axis (or axes) (fan-out).
    batch_axis: axes excluded from the fans.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.lecun_normal()(key, (2, 2)))
    [[-0.15784195 -0.59604771]
     [ 1.27863245  0.14405613]]
"""

DOCS["initializers.lecun_uniform"] = """LeCun uniform: variance_scaling(1, 'fan_in', 'uniform').

This is ``jax.nn.initializers.lecun_uniform``.

Args:
    in_axis: the input axis (or axes) of the shape (fan-in).
    out_axis: the output axis (or axes) (fan-out).
    batch_axis: axes excluded from the fans.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.lecun_uniform()(key, (2, 2)))
    [[-0.19973847 -0.69493137]
     [ 1.13980015  0.18248829]]
"""

DOCS["initializers.orthogonal"] = """An initializer of (semi-)orthogonal matrices: a normal matrix's QR factor
with the signs of R's diagonal folded in (Mezzadri's method, as JAX), the
``column_axis`` holding the orthonormal columns (or rows, if fewer).

This is ``jax.nn.initializers.orthogonal``.

Args:
    scale: the scale.
    column_axis: the axis holding the orthogonal columns.
    dtype: the dtype (default float64; float32 in 32-bit mode).

Returns:
    An initializer: ``init(key, shape, dtype=None)`` returns the array.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite.nn import initializers as init
    >>> key = fl.random.PRNGKey(0)
    >>> print(init.orthogonal()(key, (2, 2)))
    [[-0.11262267 -0.99363783]
     [ 0.99363783 -0.11262267]]
"""
