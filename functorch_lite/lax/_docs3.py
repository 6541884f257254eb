"""Full docstrings of lax's shape, indexing and reduction functions, generated
once (each example's output checked equal to jax.lax's, 64-bit mode, when
written); ``lax/__init__.py`` assigns them at import."""

DOCS = {}

DOCS["lax.argmax"] = """JAX's ``lax.argmax``.

This is ``jax.lax.argmax``.

Args:
    operand: the array.
    axis: the axis.
    index_dtype: the indices' dtype.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.argmax(np.array([[1.0, 3.0, 2.0]]), 1, np.int64))
    [1]
"""

DOCS["lax.broadcast"] = """Add leading axes of ``sizes`` (JAX's ``lax.broadcast``).

This is ``jax.lax.broadcast``.

Args:
    operand: the array.
    sizes: as ``jax.lax.broadcast``'s ``sizes``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``out_sharding``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.broadcast(np.array([1.0, 2.0]), (2,)))
    [[1. 2.]
     [1. 2.]]
"""

DOCS["lax.broadcast_in_dim"] = """JAX's ``lax.broadcast_in_dim``.

This is ``jax.lax.broadcast_in_dim``.

Args:
    operand: the array.
    shape: as ``jax.lax.broadcast_in_dim``'s ``shape``.
    broadcast_dimensions: as ``jax.lax.broadcast_in_dim``'s ``broadcast_dimensions``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``out_sharding``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.broadcast_in_dim(np.array([1.0, 2.0]), (2, 3), (0,)))
    [[1. 1. 1.]
     [2. 2. 2.]]
"""

DOCS["lax.concatenate"] = """JAX's ``lax.concatenate`` (same dtypes required).

This is ``jax.lax.concatenate``.

Args:
    operands: as ``jax.lax.concatenate``'s ``operands``.
    dimension: the axis.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.concatenate([np.array([1.0]), np.array([2.0, 3.0])], 0))
    [1. 2. 3.]
"""

DOCS["lax.conv"] = """JAX's ``lax.conv``: NCHW/OIHW ``conv_general_dilated`` without dilation.

This is ``jax.lax.conv``.

Args:
    lhs: as ``jax.lax.conv``'s ``lhs``.
    rhs: as ``jax.lax.conv``'s ``rhs``.
    window_strides: as ``jax.lax.conv``'s ``window_strides``.
    padding: as ``jax.lax.conv``'s ``padding``.
    precision: as ``jax.lax.conv``'s ``precision``.
    preferred_element_type: as ``jax.lax.conv``'s ``preferred_element_type``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.conv(np.ones((1, 1, 3, 3)), np.ones((1, 1, 2, 2)), (1, 1), 'VALID'))
    [[[[4. 4.]
       [4. 4.]]]]
"""

DOCS["lax.convert_element_type"] = """Cast to ``new_dtype`` (JAX's ``lax.convert_element_type``; narrowed in the
32-bit mode as JAX's).

This is ``jax.lax.convert_element_type``.

Args:
    operand: the array.
    new_dtype: as ``jax.lax.convert_element_type``'s ``new_dtype``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.convert_element_type(np.array([1.7, -1.7]), np.int32))
    [ 1 -1]
"""

DOCS["lax.cumsum"] = """JAX's ``lax.cumsum``.

This is ``jax.lax.cumsum``.

Args:
    operand: the array.
    axis: the axis.
    reverse: as ``jax.lax.cumsum``'s ``reverse``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.cumsum(np.array([1.0, 2.0, 3.0])))
    [1. 3. 6.]
"""

DOCS["lax.dot"] = """JAX's ``lax.dot``: vector/matrix products contracting lhs's last axis with
rhs's first (shape mismatch: TypeError, as JAX's).

This is ``jax.lax.dot``.

Args:
    lhs: as ``jax.lax.dot``'s ``lhs``.
    rhs: as ``jax.lax.dot``'s ``rhs``.
    precision: as ``jax.lax.dot``'s ``precision``.
    preferred_element_type: as ``jax.lax.dot``'s ``preferred_element_type``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``dimension_numbers``, ``out_sharding``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.dot(np.array([[1.0, 2.0]]), np.array([3.0, 4.0])))
    [11.]
"""

DOCS["lax.dot_general"] = """JAX's ``lax.dot_general``: ``dimension_numbers = ((lhs_contract,
rhs_contract), (lhs_batch, rhs_batch))``; output axes are batch, lhs free,
rhs free.  ``precision`` has no effect here (CPU float math is exact to the
dtype, as on JAX's CPU backend); ``preferred_element_type`` casts the result.

This is ``jax.lax.dot_general``.

Args:
    lhs: as ``jax.lax.dot_general``'s ``lhs``.
    rhs: as ``jax.lax.dot_general``'s ``rhs``.
    dimension_numbers: as ``jax.lax.dot_general``'s ``dimension_numbers``.
    precision: as ``jax.lax.dot_general``'s ``precision``.
    preferred_element_type: as ``jax.lax.dot_general``'s ``preferred_element_type``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``out_sharding``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> lax.dot_general(np.ones((2, 3, 4)), np.ones((2, 4, 5)), (((2,), (1,)), ((0,), (0,)))).shape
    (2, 3, 5)
"""

DOCS["lax.dynamic_index_in_dim"] = """One index along ``axis`` (traced allowed); ``keepdims=False`` drops the axis.

This is ``jax.lax.dynamic_index_in_dim``.

Args:
    operand: the array.
    index: as ``jax.lax.dynamic_index_in_dim``'s ``index``.
    axis: the axis.
    keepdims: as ``jax.lax.dynamic_index_in_dim``'s ``keepdims``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``allow_negative_indices``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.dynamic_index_in_dim(np.arange(6.0).reshape(3, 2), 1, keepdims=False))
    [2. 3.]
"""

DOCS["lax.dynamic_slice_in_dim"] = """``dynamic_slice`` along one axis (the others whole).

This is ``jax.lax.dynamic_slice_in_dim``.

Args:
    operand: the array.
    start_index: as ``jax.lax.dynamic_slice_in_dim``'s ``start_index``.
    slice_size: as ``jax.lax.dynamic_slice_in_dim``'s ``slice_size``.
    axis: the axis.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``allow_negative_indices``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.dynamic_slice_in_dim(np.arange(5.0), 1, 3))
    [1. 2. 3.]
"""

DOCS["lax.dynamic_update_index_in_dim"] = """Replace one index along ``axis`` (update without or with that axis).

This is ``jax.lax.dynamic_update_index_in_dim``.

Args:
    operand: the array.
    update: as ``jax.lax.dynamic_update_index_in_dim``'s ``update``.
    index: as ``jax.lax.dynamic_update_index_in_dim``'s ``index``.
    axis: the axis.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``allow_negative_indices``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.dynamic_update_index_in_dim(np.zeros(3), 5.0, 1, 0))
    [0. 5. 0.]
"""

DOCS["lax.dynamic_update_slice_in_dim"] = """``dynamic_update_slice`` along one axis.

This is ``jax.lax.dynamic_update_slice_in_dim``.

Args:
    operand: the array.
    update: as ``jax.lax.dynamic_update_slice_in_dim``'s ``update``.
    start_index: as ``jax.lax.dynamic_update_slice_in_dim``'s ``start_index``.
    axis: the axis.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``allow_negative_indices``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.dynamic_update_slice_in_dim(np.zeros(4), np.ones(2), 1, 0))
    [0. 1. 1. 0.]
"""

DOCS["lax.integer_pow"] = """``x ** y`` for a Python int ``y`` (JAX's ``lax.integer_pow``).

This is ``jax.lax.integer_pow``.

Args:
    x: the array.
    y: as ``jax.lax.integer_pow``'s ``y``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.integer_pow(np.array([2.0, -3.0]), 3))
    [  8. -27.]
"""

DOCS["lax.iota"] = """``arange(size)`` of ``dtype`` (JAX's ``lax.iota``).

This is ``jax.lax.iota``.

Args:
    dtype: as ``jax.lax.iota``'s ``dtype``.
    size: as ``jax.lax.iota``'s ``size``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.iota(np.int64, 4))
    [0 1 2 3]
"""

DOCS["lax.pad"] = """JAX's ``lax.pad``: ``padding_config`` is (low, high, interior) per axis.

This is ``jax.lax.pad``.

Args:
    operand: the array.
    padding_value: as ``jax.lax.pad``'s ``padding_value``.
    padding_config: as ``jax.lax.pad``'s ``padding_config``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.pad(np.array([1.0, 2.0]), 0.0, [(1, 2, 1)]))
    [0. 1. 0. 2. 0. 0.]
"""

DOCS["lax.reduce_max"] = """Max over ``axes``.

This is ``jax.lax.reduce_max``.

Args:
    operand: the array.
    axes: as ``jax.lax.reduce_max``'s ``axes``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.reduce_max(np.array([[1.0, 5.0], [3.0, 2.0]]), (1,)))
    [5. 3.]
"""

DOCS["lax.reduce_sum"] = """Sum over ``axes``.

This is ``jax.lax.reduce_sum``.

Args:
    operand: the array.
    axes: as ``jax.lax.reduce_sum``'s ``axes``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``out_sharding``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.reduce_sum(np.array([[1.0, 5.0], [3.0, 2.0]]), (0,)))
    [4. 7.]
"""

DOCS["lax.reshape"] = """JAX's ``lax.reshape`` (``dimensions``: transpose first).

This is ``jax.lax.reshape``.

Args:
    operand: the array.
    new_sizes: as ``jax.lax.reshape``'s ``new_sizes``.
    dimensions: as ``jax.lax.reshape``'s ``dimensions``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: no ``out_sharding``; otherwise the same results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.reshape(np.arange(6.0), (2, 3)))
    [[0. 1. 2.]
     [3. 4. 5.]]
"""

DOCS["lax.rev"] = """JAX's ``lax.rev``: reverse the given axes.

This is ``jax.lax.rev``.

Args:
    operand: the array.
    dimensions: as ``jax.lax.rev``'s ``dimensions``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.rev(np.arange(3.0), (0,)))
    [2. 1. 0.]
"""

DOCS["lax.round"] = """JAX's ``lax.round``: method 0 (the default) rounds half away from zero,
1 (``ROUND_TO_NEAREST_EVEN``) half to even (NumPy's rounding).

This is ``jax.lax.round``.

Args:
    x: the array.
    rounding_method: as ``jax.lax.round``'s ``rounding_method``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.round(np.array([0.5, 1.5, -2.5])))
    [ 1.  2. -3.]
"""

DOCS["lax.select_n"] = """JAX's ``lax.select_n``: ``cases[which]`` elementwise (boolean ``which``
picks between two cases: False -> cases[0]).

This is ``jax.lax.select_n``.

Args:
    which: as ``jax.lax.select_n``'s ``which``.
    cases: as ``jax.lax.select_n``'s ``cases``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.select_n(np.array([0, 1, 2]), np.zeros(3), np.ones(3), np.full(3, 2.0)))
    [0. 1. 2.]
"""

DOCS["lax.slice"] = """JAX's ``lax.slice`` (static bounds).

This is ``jax.lax.slice``.

Args:
    operand: the array.
    start_indices: as ``jax.lax.slice``'s ``start_indices``.
    limit_indices: as ``jax.lax.slice``'s ``limit_indices``.
    strides: as ``jax.lax.slice``'s ``strides``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.slice(np.arange(10.0), (2,), (8,), (3,)))
    [2. 5.]
"""

DOCS["lax.stop_gradient"] = """The identity whose derivative is zero, over every leaf of a pytree (JAX's
``lax.stop_gradient``).

This is ``jax.lax.stop_gradient``.

Args:
    x: the array.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> print(lax.stop_gradient(np.array([1.0, 2.0])))
    [1. 2.]
"""

DOCS["lax.transpose"] = """JAX's ``lax.transpose``.

This is ``jax.lax.transpose``.

Args:
    operand: the array.
    permutation: as ``jax.lax.transpose``'s ``permutation``.

Returns:
    An array (a tracer under a transform).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import lax
    >>> lax.transpose(np.zeros((2, 3, 4)), (2, 0, 1)).shape
    (4, 2, 3)
"""
