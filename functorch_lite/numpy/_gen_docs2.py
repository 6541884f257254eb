"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['numpy.atleast_2d'] = """Each input with at least two axes ((n,) -> (1, n)).

This is ``numpy.atleast_2d`` (the example's output is NumPy's).

Args:
    arys: as ``numpy.atleast_2d``'s ``arys``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.atleast_2d(np.arange(3)))
    [[0 1 2]]
"""

DOCS['numpy.atleast_3d'] = """Each input with at least three axes: () -> (1,1,1), (n,) -> (1,n,1),
(m,n) -> (m,n,1), as NumPy.

This is ``numpy.atleast_3d`` (the example's output is NumPy's).

Args:
    arys: as ``numpy.atleast_3d``'s ``arys``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> fnp.atleast_3d(np.arange(3)).shape
    (1, 3, 1)
"""

DOCS['numpy.append'] = """``arr`` with ``values`` appended (flattened when axis is None).

This is ``numpy.append`` (the example's output is NumPy's).

Args:
    arr: as ``numpy.append``'s ``arr``.
    values: as ``numpy.append``'s ``values``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.append(np.array([1, 2]), np.array([3])))
    [1 2 3]
"""

DOCS['numpy.delete'] = """``arr`` without the entries ``obj`` (ints, a slice or a boolean mask) along
``axis`` (None: flattened).  Positions must be static.

This is ``numpy.delete`` (the example's output is NumPy's).

Args:
    arr: as ``numpy.delete``'s ``arr``.
    obj: as ``numpy.delete``'s ``obj``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.delete(np.array([1, 2, 3, 4]), 1))
    [1 3 4]
"""

DOCS['numpy.insert'] = """``values`` inserted before the positions ``obj`` along ``axis`` (None:
flattened).  Positions must be static; values broadcast as NumPy's.

This is ``numpy.insert`` (the example's output is NumPy's).

Args:
    arr: as ``numpy.insert``'s ``arr``.
    obj: as ``numpy.insert``'s ``obj``.
    values: as ``numpy.insert``'s ``values``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.insert(np.array([1, 2, 3]), 1, 9))
    [1 9 2 3]
"""

DOCS['numpy.array_split'] = """Like split, but a section count need not divide the axis: the first
``n % sections`` parts get one extra entry (NumPy's array_split).

This is ``numpy.array_split`` (the example's output is NumPy's).

Args:
    ary: as ``numpy.array_split``'s ``ary``.
    indices_or_sections: as ``numpy.array_split``'s ``indices_or_sections``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.array_split(np.arange(5), 2):
    ...     print(part)
    [0 1 2]
    [3 4]
"""

DOCS['numpy.hsplit'] = """Split along axis 1 (axis 0 for 1-d arrays).

This is ``numpy.hsplit`` (the example's output is NumPy's).

Args:
    ary: as ``numpy.hsplit``'s ``ary``.
    indices_or_sections: as ``numpy.hsplit``'s ``indices_or_sections``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.hsplit(np.arange(4), 2):
    ...     print(part)
    [0 1]
    [2 3]
"""

DOCS['numpy.vsplit'] = """Split along axis 0 (at least 2-d).

This is ``numpy.vsplit`` (the example's output is NumPy's).

Args:
    ary: as ``numpy.vsplit``'s ``ary``.
    indices_or_sections: as ``numpy.vsplit``'s ``indices_or_sections``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.vsplit(np.arange(4).reshape(2, 2), 2):
    ...     print(part)
    [[0 1]]
    [[2 3]]
"""

DOCS['numpy.dsplit'] = """Split along axis 2 (at least 3-d).

This is ``numpy.dsplit`` (the example's output is NumPy's).

Args:
    ary: as ``numpy.dsplit``'s ``ary``.
    indices_or_sections: as ``numpy.dsplit``'s ``indices_or_sections``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.dsplit(np.arange(4).reshape(1, 1, 4), 2):
    ...     print(part)
    [[[0 1]]]
    [[[2 3]]]
"""

DOCS['numpy.dstack'] = """Stack along a third axis (inputs made at least 3-d as atleast_3d).

This is ``numpy.dstack`` (the example's output is NumPy's).

Args:
    tup: as ``numpy.dstack``'s ``tup``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.dstack((np.array([1, 2]), np.array([3, 4]))))
    [[[1 3]
      [2 4]]]
"""

DOCS['numpy.column_stack'] = """1-d inputs become columns, 2-d inputs are joined along axis 1.

This is ``numpy.column_stack`` (the example's output is NumPy's).

Args:
    tup: as ``numpy.column_stack``'s ``tup``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.column_stack((np.array([1, 2]), np.array([3, 4]))))
    [[1 3]
     [2 4]]
"""

DOCS['numpy.rot90'] = """Rotate by 90 degrees k times in the plane of ``axes`` (first towards second).

This is ``numpy.rot90`` (the example's output is NumPy's).

Args:
    m: as ``numpy.rot90``'s ``m``.
    k: as ``numpy.rot90``'s ``k``.
    axes: the axes.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.rot90(np.array([[1, 2], [3, 4]])))
    [[2 4]
     [1 3]]
"""

DOCS['numpy.resize'] = """``a`` flattened, repeated cyclically to fill ``new_shape`` (NumPy's resize).

This is ``numpy.resize`` (the example's output is NumPy's).

Args:
    a: the input array.
    new_shape: as ``numpy.resize``'s ``new_shape``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.resize(np.array([1, 2, 3]), (2, 4)))
    [[1 2 3 1]
     [2 3 1 2]]
"""

DOCS['numpy.concat'] = """The Array API's concatenate (axis=None flattens every input first).

This is ``numpy.concat`` (the example's output is NumPy's).

Args:
    arrays: as ``numpy.concat``'s ``arrays``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.concat([np.array([1, 2]), np.array([3])]))
    [1 2 3]
"""

DOCS['numpy.permute_dims'] = """The Array API's transpose with explicit axes.

This is ``numpy.permute_dims`` (the example's output is NumPy's).

Args:
    x: the input array.
    axes: the axes.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> fnp.permute_dims(np.zeros((2, 3, 4)), (2, 0, 1)).shape
    (4, 2, 3)
"""

DOCS['numpy.matrix_transpose'] = """Swap the last two axes (the Array API's ``x.mT``).

This is ``numpy.matrix_transpose`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> fnp.matrix_transpose(np.zeros((5, 2, 3))).shape
    (5, 3, 2)
"""

DOCS['numpy.unstack'] = """The slices of ``x`` along ``axis`` as a tuple (the inverse of stack).

This is ``numpy.unstack`` (the example's output is NumPy's).

Args:
    x: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.unstack(np.array([[1, 2], [3, 4]])):
    ...     print(part)
    [1 2]
    [3 4]
"""

DOCS['numpy.array_equal'] = """True when both have one shape and equal entries (NaN == NaN with equal_nan).

This is ``numpy.array_equal`` (the example's output is NumPy's).

Args:
    a1: as ``numpy.array_equal``'s ``a1``.
    a2: as ``numpy.array_equal``'s ``a2``.
    equal_nan: as ``numpy.array_equal``'s ``equal_nan``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.array_equal(np.array([1.0, np.nan]), np.array([1.0, np.nan]), equal_nan=True))
    True
"""

DOCS['numpy.array_equiv'] = """True when the two broadcast together and are equal everywhere.

This is ``numpy.array_equiv`` (the example's output is NumPy's).

Args:
    a1: as ``numpy.array_equiv``'s ``a1``.
    a2: as ``numpy.array_equiv``'s ``a2``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.array_equiv(np.array([1, 2]), np.array([[1, 2], [1, 2]])))
    True
"""

DOCS['numpy.isposinf'] = """True where x is +inf.

This is ``numpy.isposinf`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.isposinf(np.array([np.inf, -np.inf, 1.0])))
    [ True False False]
"""

DOCS['numpy.isneginf'] = """True where x is -inf.

This is ``numpy.isneginf`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.isneginf(np.array([np.inf, -np.inf, 1.0])))
    [False  True False]
"""

DOCS['numpy.count_nonzero'] = """The number of nonzero entries (int64) over ``axis`` (None: all).

This is ``numpy.count_nonzero`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.count_nonzero(np.array([[0, 1], [2, 3]]), axis=0))
    [1 2]
"""

DOCS['numpy.ptp'] = """Peak to peak: ``max - min`` over axis.

This is ``numpy.ptp`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.ptp(np.array([[1, 5], [2, 3]]), axis=1))
    [4 1]
"""
