"""Full docstrings of the lax functions that are more than a one-line mirror
(``lax/__init__.py`` assigns them at import)."""

SWITCH = """Apply the ``index``-th of ``branches`` to ``operands`` (``jax.lax.switch``).

Args:
    index: an integer scalar, possibly traced; clamped into
        ``[0, len(branches) - 1]``.
    branches: a sequence of functions, each taking ``*operands`` and
        returning pytrees of the same structure, shapes and dtypes.
    *operands: the branches' arguments (pytrees of arrays).

Returns:
    ``branches[clamp(index)](*operands)``.  With a concrete index only that
    branch runs; traced, it is a binary tree of ``cond`` calls, so it traces,
    batches (both sides run under vmap) and differentiates as ``cond`` does.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> from functorch_lite import lax
    >>> branches = [lambda x: x + 1.0, lambda x: x * 2.0, lambda x: -x]
    >>> print(lax.switch(1, branches, 3.0), lax.switch(7, branches, 3.0))
    6.0 -3.0
    >>> print(fl.jit(lambda i, x: lax.switch(i, branches, x))(0, 3.0))
    4.0
"""

MAP = """Map ``f`` over the leading axis of ``xs`` (``jax.lax.map``): a ``scan``
with no carry, so memory stays that of one application.

Args:
    f: a function of one pytree (a slice of ``xs``) returning a pytree.
    xs: a pytree of arrays sharing their leading dimension.
    batch_size: run this many slices at once with ``vmap(f)`` inside the
        scan (the remainder vmapped after it); default one at a time.

Returns:
    The results stacked on a new leading axis: as ``stack([f(x) for x in xs])``.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> print(lax.map(lambda x: x ** 2, fnp.arange(4.0)))
    [0. 1. 4. 9.]
    >>> print(lax.map(lambda row: row.sum(), fnp.ones((6, 3)), batch_size=4))
    [3. 3. 3. 3. 3. 3.]
"""

DYNAMIC_SLICE = """A slice whose start indices may be traced (``jax.lax.dynamic_slice``).

Args:
    operand: the array to slice.
    start_indices: one integer (possibly traced) per axis.
    slice_sizes: one static size per axis.

Returns:
    ``operand[s0:s0+k0, s1:s1+k1, ...]`` of shape ``slice_sizes``; starts
    are clamped so the slice stays in bounds (as JAX, never an error).
    Differentiable in ``operand``.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> x = fnp.arange(10.0)
    >>> print(lax.dynamic_slice(x, (2,), (3,)), lax.dynamic_slice(x, (8,), (3,)))
    [2. 3. 4.] [7. 8. 9.]
    >>> print(fl.jit(lambda i: lax.dynamic_slice(x, (i,), (3,)))(4))
    [4. 5. 6.]
"""

DYNAMIC_UPDATE_SLICE = """``operand`` with a block replaced at start indices that may be
traced (``jax.lax.dynamic_update_slice``).

Args:
    operand: the array to update (not modified: a new array comes back).
    update: the block, of ``operand``'s rank and dtype.
    start_indices: one integer (possibly traced) per axis; clamped so the
        block fits.

Returns:
    A new array of ``operand``'s shape; differentiable in both arrays.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> print(lax.dynamic_update_slice(fnp.zeros((3, 4)), fnp.ones((2, 2)), (1, 1)))
    [[0. 0. 0. 0.]
     [0. 1. 1. 0.]
     [0. 1. 1. 0.]]
"""

SELECT = """Elementwise choice between two arrays (``jax.lax.select``).

Args:
    pred: a boolean array of the operands' shape, or a boolean scalar.
    on_true: values where ``pred`` is True.
    on_false: values where ``pred`` is False; same shape and dtype as
        ``on_true`` (no broadcasting, no promotion: TypeError naming the fix).

Returns:
    An array of the operands' shape and dtype.  Its gradient gives the
    branch not taken an exact zero (NaN-safe).

Differs from JAX: nothing in arguments or results (``fnp.where`` is the
promoting, broadcasting form).

Example:
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> pred = fnp.array([True, False])
    >>> print(lax.select(pred, fnp.array([1.0, 2.0]), fnp.array([10.0, 20.0])))
    [ 1. 20.]
"""

TOP_K = """The ``k`` largest entries along the last axis and their indices
(``jax.lax.top_k``).

Args:
    operand: an array of rank >= 1.
    k: how many (``0 <= k <= operand.shape[-1]``).

Returns:
    ``(values, indices)``, each of shape ``operand.shape[:-1] + (k,)``:
    largest first, ties in index order; indices are int64 (int32 in
    32-bit mode).  Differentiable in ``operand``.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> values, indices = lax.top_k(fnp.array([3.0, 1.0, 4.0, 1.0, 5.0]), 2)
    >>> print(values, indices)
    [5. 4.] [4 2]
"""

CONV_GENERAL_DILATED = """General N-D convolution (``jax.lax.conv_general_dilated``;
a cross-correlation, as JAX's).

Args:
    lhs: the input, ``(batch, features, *spatial)`` by default.
    rhs: the kernel, ``(out_features, in_features / groups, *spatial)`` by
        default.
    window_strides: one stride per spatial axis.
    padding: ``"SAME"``, ``"SAME_LOWER"``, ``"VALID"`` or one ``(low, high)``
        pair per spatial axis (negative values crop).
    lhs_dilation: input dilation per spatial axis (a transposed convolution).
    rhs_dilation: kernel dilation per spatial axis (atrous convolution).
    dimension_numbers: the layouts, as strings such as ``("NHWC", "HWIO",
        "NHWC")`` or JAX's ``ConvDimensionNumbers``; default NCHW/OIHW/NCHW.
    feature_group_count: split the input features into this many groups
        (depthwise convolution when it equals the feature count).
    batch_group_count: must be 1 here.
    precision: has no effect (as on JAX's CPU backend).
    preferred_element_type: the result's dtype (default the inputs').

Returns:
    The output in ``dimension_numbers``' output layout.  Differentiable in
    both ``lhs`` and ``rhs``, batches under vmap.

Differs from JAX: ``batch_group_count`` other than 1 raises
NotImplementedError.

Example:
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> lhs, rhs = fnp.ones((1, 1, 4, 4)), fnp.ones((1, 1, 3, 3))
    >>> print(lax.conv_general_dilated(lhs, rhs, (1, 1), "VALID"))
    [[[[9. 9.]
       [9. 9.]]]]
    >>> lax.conv_general_dilated(fnp.ones((1, 4, 4, 1)), fnp.ones((3, 3, 1, 2)), (2, 2),
    ...                          "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC")).shape
    (1, 2, 2, 2)
"""

DOCS = {"lax.switch": SWITCH, "lax.map": MAP, "lax.dynamic_slice": DYNAMIC_SLICE,
        "lax.dynamic_update_slice": DYNAMIC_UPDATE_SLICE, "lax.select": SELECT, "lax.top_k": TOP_K,
        "lax.conv_general_dilated": CONV_GENERAL_DILATED}
