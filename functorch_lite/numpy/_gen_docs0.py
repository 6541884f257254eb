"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['numpy.astype'] = """``x`` converted to ``dtype`` (NumPy's method, the Array API's function).
``copy=False`` returns ``x`` itself when the dtype already matches.

This is ``numpy.astype`` (the example's output is NumPy's).

Args:
    x: the input array.
    dtype: the result's dtype.
    copy: as ``numpy.astype``'s ``copy``.
    device: as ``numpy.astype``'s ``device``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.astype(np.array([1.7, -2.2]), np.int32))
    [ 1 -2]
"""

DOCS['numpy.clip'] = """``a`` limited to [min, max] (the Array API's names; NumPy's a_min/a_max too).

This is ``numpy.clip`` (the example's output is NumPy's).

Args:
    a: the input array.
    min: as ``numpy.clip``'s ``min``.
    max: as ``numpy.clip``'s ``max``.
    a_min: as ``numpy.clip``'s ``a_min``.
    a_max: as ``numpy.clip``'s ``a_max``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.clip(np.array([-2.0, 0.5, 3.0]), -1.0, 1.0))
    [-1.   0.5  1. ]
"""

DOCS['numpy.reshape'] = """NumPy 2.1's (and the Array API's) reshape; ``newshape=`` is the older
keyword.  Values are immutable, so ``copy`` changes nothing observable.

This is ``numpy.reshape`` (the example's output is NumPy's).

Args:
    a: the input array.
    shape: as ``numpy.reshape``'s ``shape``.
    order: as ``numpy.reshape``'s ``order``.
    newshape: ``newshape`` (JAX's / the Array API's; ``numpy.reshape`` has none).
    copy: as ``numpy.reshape``'s ``copy``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.reshape(np.arange(6), (2, 3)))
    [[0 1 2]
     [3 4 5]]
"""

DOCS['numpy.isclose'] = """Elementwise ``|a - b| <= atol + rtol * |b|`` (NumPy's isclose), traced.
Infinities are close only to the same infinity; NaNs only with equal_nan.

This is ``numpy.isclose`` (the example's output is NumPy's).

Args:
    a: the input array.
    b: the second array.
    rtol: as ``numpy.isclose``'s ``rtol``.
    atol: as ``numpy.isclose``'s ``atol``.
    equal_nan: as ``numpy.isclose``'s ``equal_nan``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.isclose(np.array([1.0, 1.1]), np.array([1.0 + 1e-9, 1.0])))
    [ True False]
"""

DOCS['numpy.allclose'] = """True (a 0-d bool array) when ``isclose(a, b, ...)`` holds everywhere (NumPy's
allclose; like jax.numpy.allclose it returns an array, usable under tracing).

This is ``numpy.allclose`` (the example's output is NumPy's).

Args:
    a: the input array.
    b: the second array.
    rtol: as ``numpy.allclose``'s ``rtol``.
    atol: as ``numpy.allclose``'s ``atol``.
    equal_nan: as ``numpy.allclose``'s ``equal_nan``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.allclose(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9])))
    True
"""

DOCS['numpy.sort'] = """``a`` sorted along ``axis`` (None: flattened), differentiable: the values are
``take_along_axis(a, argsort(a))``.  Keywords as ``argsort``.

This is ``numpy.sort`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    kind: as ``numpy.sort``'s ``kind``.
    order: as ``numpy.sort``'s ``order``.
    stable: as ``numpy.sort``'s ``stable``.
    descending: ``descending`` (JAX's / the Array API's; ``numpy.sort`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.sort(np.array([3.0, 1.0, 2.0, 1.0])))
    [1. 1. 2. 3.]
"""

DOCS['numpy.argsort'] = """Indices that sort ``a`` along ``axis`` (None: the flattened array), int64.

Always stable (ties keep their order, for every ``kind``, as ``stable=True``);
``descending=True`` (Array API, JAX) keeps ties in their original order too.
NaNs sort last ascending, first descending.

This is ``numpy.argsort`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    kind: as ``numpy.argsort``'s ``kind``.
    order: as ``numpy.argsort``'s ``order``.
    stable: as ``numpy.argsort``'s ``stable``.
    descending: ``descending`` (JAX's / the Array API's; ``numpy.argsort`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.argsort(np.array([3.0, 1.0, 2.0, 1.0])))
    [1 3 2 0]
"""

DOCS['numpy.lexsort'] = """Indices sorting by several keys, the LAST key primary (NumPy's lexsort):
successive stable argsorts, from the first key to the last.

This is ``numpy.lexsort`` (the example's output is NumPy's).

Args:
    keys: as ``numpy.lexsort``'s ``keys``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.lexsort((np.array([2, 1, 1]), np.array([0, 1, 0]))))
    [2 0 1]
"""

DOCS['numpy.partition'] = """An arrangement with the kth element in its sorted place, smaller ones before
and larger after (NumPy's contract).  Returned fully sorted, which satisfies
it for every kth (NumPy's order inside the two parts is unspecified).

This is ``numpy.partition`` (the example's output is NumPy's).

Args:
    a: the input array.
    kth: as ``numpy.partition``'s ``kth``.
    axis: the axis (None: the flattened array, where NumPy allows it).
    kind: as ``numpy.partition``'s ``kind``.
    order: as ``numpy.partition``'s ``order``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.partition(np.array([3.0, 1.0, 2.0, 1.0]), 1))
    [1. 1. 2. 3.]
"""

DOCS['numpy.searchsorted'] = """Insertion indices of ``v`` into the sorted 1-d ``a`` keeping it sorted
(int64, ``v``'s shape).  ``sorter`` (argsort of an unsorted ``a``) is
applied first; ``method`` (JAX's kernel choice) is accepted only as None or
one of JAX's names: the kernel here is always NumPy's binary search.

This is ``numpy.searchsorted`` (the example's output is NumPy's).

Args:
    a: the input array.
    v: as ``numpy.searchsorted``'s ``v``.
    side: as ``numpy.searchsorted``'s ``side``.
    sorter: as ``numpy.searchsorted``'s ``sorter``.
    method: the interpolation method (linear, lower, higher, nearest, midpoint).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.searchsorted(np.array([1.0, 2.0, 3.0]), np.array([0.5, 2.0, 3.5])))
    [0 1 3]
"""

DOCS['numpy.unique'] = """NumPy's unique (sorted unique values; with the flags, a tuple adding the first
indices, the inverse indices and the counts).  ``size``/``fill_value``: see the
module docstring.  ``axis`` (unique sub-arrays) needs concrete values.  The
inverse has ``ar``'s shape for axis=None (NumPy 2).

This is ``numpy.unique`` (the example's output is NumPy's).

Args:
    ar: as ``numpy.unique``'s ``ar``.
    return_index: as ``numpy.unique``'s ``return_index``.
    return_inverse: as ``numpy.unique``'s ``return_inverse``.
    return_counts: as ``numpy.unique``'s ``return_counts``.
    axis: the axis (None: the flattened array, where NumPy allows it).
    equal_nan: as ``numpy.unique``'s ``equal_nan``.
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.unique(np.array([3, 1, 3, 2]), return_counts=True):
    ...     print(part)
    [1 2 3]
    [1 1 2]
"""

DOCS['numpy.unique_counts'] = """Array API: (values, counts) as a named tuple; NaNs are distinct.

This is ``numpy.unique_counts`` (the example's output is NumPy's).

Args:
    x: the input array.
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.unique_counts(np.array([3, 1, 3, 2])):
    ...     print(part)
    [1 2 3]
    [1 1 2]
"""

DOCS['numpy.unique_inverse'] = """Array API: (values, inverse_indices) with inverse_indices shaped like x.

This is ``numpy.unique_inverse`` (the example's output is NumPy's).

Args:
    x: the input array.
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.unique_inverse(np.array([3, 1, 3, 2])):
    ...     print(part)
    [1 2 3]
    [2 0 2 1]
"""

DOCS['numpy.unique_all'] = """Array API: (values, indices, inverse_indices, counts) as a named tuple.

This is ``numpy.unique_all`` (the example's output is NumPy's).

Args:
    x: the input array.
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.unique_all(np.array([3, 1, 3])):
    ...     print(part)
    [1 3]
    [1 0]
    [1 0 1]
    [1 2]
"""

DOCS['numpy.isin'] = """``element``'s entries found in ``test_elements`` (bool, element's shape).
Sort-based (a binary search of each entry in the sorted test set), so it
traces with static shapes; NaN is in no set (NumPy's rule).

This is ``numpy.isin`` (the example's output is NumPy's).

Args:
    element: as ``numpy.isin``'s ``element``.
    test_elements: as ``numpy.isin``'s ``test_elements``.
    assume_unique: as ``numpy.isin``'s ``assume_unique``.
    invert: as ``numpy.isin``'s ``invert``.
    kind: as ``numpy.isin``'s ``kind``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.isin(np.array([1, 2, 3]), np.array([2, 5])))
    [False  True False]
"""

DOCS['numpy.intersect1d'] = """Sorted unique values in both arrays (``size=`` under tracing, see module).
``return_indices`` (first indices into each flattened input) needs concrete values.

This is ``numpy.intersect1d`` (the example's output is NumPy's).

Args:
    ar1: the first array (flattened).
    ar2: the second array (flattened).
    assume_unique: as ``numpy.intersect1d``'s ``assume_unique``.
    return_indices: as ``numpy.intersect1d``'s ``return_indices``.
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.intersect1d(np.array([1, 2, 3]), np.array([2, 3, 4])))
    [2 3]
"""

DOCS['numpy.union1d'] = """Sorted unique values in either array.

This is ``numpy.union1d`` (the example's output is NumPy's).

Args:
    ar1: the first array (flattened).
    ar2: the second array (flattened).
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.union1d(np.array([3, 1]), np.array([2, 1])))
    [1 2 3]
"""

DOCS['numpy.setdiff1d'] = """Sorted unique values of ar1 that are not in ar2.

This is ``numpy.setdiff1d`` (the example's output is NumPy's).

Args:
    ar1: the first array (flattened).
    ar2: the second array (flattened).
    assume_unique: as ``numpy.setdiff1d``'s ``assume_unique``.
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.setdiff1d(np.array([1, 2, 3]), np.array([2])))
    [1 3]
"""

DOCS['numpy.setxor1d'] = """Sorted unique values in exactly one of the arrays.

This is ``numpy.setxor1d`` (the example's output is NumPy's).

Args:
    ar1: the first array (flattened).
    ar2: the second array (flattened).
    assume_unique: as ``numpy.setxor1d``'s ``assume_unique``.
    size: the result's static length, required under ``jit`` (the data decides it otherwise).
    fill_value: pads the result to ``size`` (default: its smallest value).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.setxor1d(np.array([1, 2, 3]), np.array([2, 4])))
    [1 3 4]
"""

DOCS['numpy.fmod'] = """C's remainder (the dividend's sign), exact; d/dx = 1, d/dy = -trunc(x/y).

This is ``numpy.fmod`` (the example's output is NumPy's).

Args:
    x1: the first array.
    x2: the second array (broadcast with x1).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fmod(np.array([-7.0, 7.0]), 3.0))
    [-1.  1.]
"""
