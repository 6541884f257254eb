"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['numpy.average'] = """The weighted mean ``sum(a * w) / sum(w)`` over axis (NumPy's average); with
``returned`` also the sum of the weights.

This is ``numpy.average`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    weights: optional weights, shaped as ``a``.
    returned: as ``numpy.average``'s ``returned``.
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.average(np.array([1.0, 2.0, 3.0]), weights=np.array([3.0, 1.0, 0.0])))
    1.25
"""

DOCS['numpy.quantile'] = """The q-th quantiles (q in [0, 1], any shape: its axes come first) over axis;
methods linear, lower, higher, nearest, midpoint.  Differentiable in a and q.

This is ``numpy.quantile`` (the example's output is NumPy's).

Args:
    a: the input array.
    q: the quantile(s) / percentile(s).
    axis: the axis (None: the flattened array, where NumPy allows it).
    out: must be None.
    overwrite_input: accepted as NumPy's; inputs are never modified.
    method: the interpolation method (linear, lower, higher, nearest, midpoint).
    keepdims: keep reduced axes with size 1.
    interpolation: NumPy's old name for ``method``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.quantile(np.array([3.0, 1.0, 2.0, 1.0]), 0.5))
    1.5
"""

DOCS['numpy.percentile'] = """``quantile(a, q / 100, ...)``.

This is ``numpy.percentile`` (the example's output is NumPy's).

Args:
    a: the input array.
    q: the quantile(s) / percentile(s).
    axis: the axis (None: the flattened array, where NumPy allows it).
    out: must be None.
    overwrite_input: accepted as NumPy's; inputs are never modified.
    method: the interpolation method (linear, lower, higher, nearest, midpoint).
    keepdims: keep reduced axes with size 1.
    interpolation: NumPy's old name for ``method``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.percentile(np.array([3.0, 1.0, 2.0, 1.0]), 25))
    1.0
"""

DOCS['numpy.median'] = """The median over axis (the mean of the two middle values for even counts).

This is ``numpy.median`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    out: must be None.
    overwrite_input: accepted as NumPy's; inputs are never modified.
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.median(np.array([3.0, 1.0, 2.0, 1.0])))
    1.5
"""

DOCS['numpy.nanquantile'] = """quantile ignoring NaNs (NaN only where a row is all NaN).

This is ``numpy.nanquantile`` (the example's output is NumPy's).

Args:
    a: the input array.
    q: the quantile(s) / percentile(s).
    axis: the axis (None: the flattened array, where NumPy allows it).
    out: must be None.
    overwrite_input: accepted as NumPy's; inputs are never modified.
    method: the interpolation method (linear, lower, higher, nearest, midpoint).
    keepdims: keep reduced axes with size 1.
    interpolation: NumPy's old name for ``method``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nanquantile(np.array([1.0, np.nan, 3.0]), 0.5))
    2.0
"""

DOCS['numpy.nanpercentile'] = """percentile ignoring NaNs.

This is ``numpy.nanpercentile`` (the example's output is NumPy's).

Args:
    a: the input array.
    q: the quantile(s) / percentile(s).
    axis: the axis (None: the flattened array, where NumPy allows it).
    out: must be None.
    overwrite_input: accepted as NumPy's; inputs are never modified.
    method: the interpolation method (linear, lower, higher, nearest, midpoint).
    keepdims: keep reduced axes with size 1.
    interpolation: NumPy's old name for ``method``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nanpercentile(np.array([1.0, np.nan, 3.0]), 50))
    2.0
"""

DOCS['numpy.nanmedian'] = """median ignoring NaNs.

This is ``numpy.nanmedian`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    out: must be None.
    overwrite_input: accepted as NumPy's; inputs are never modified.
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nanmedian(np.array([1.0, np.nan, 3.0, 4.0])))
    3.0
"""

DOCS['numpy.nansum'] = """sum treating NaN as 0.

This is ``numpy.nansum`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nansum(np.array([1.0, np.nan, 3.0])))
    4.0
"""

DOCS['numpy.nanprod'] = """prod treating NaN as 1.

This is ``numpy.nanprod`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nanprod(np.array([2.0, np.nan, 3.0])))
    6.0
"""

DOCS['numpy.nanmean'] = """mean over the non-NaN entries (NaN where there are none).

This is ``numpy.nanmean`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nanmean(np.array([1.0, np.nan, 3.0])))
    2.0
"""

DOCS['numpy.nanvar'] = """var over the non-NaN entries.

This is ``numpy.nanvar`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.
    ddof: delta degrees of freedom.
    keepdims: keep reduced axes with size 1.
    correction: the Array API's name for ddof.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nanvar(np.array([1.0, np.nan, 3.0])))
    1.0
"""

DOCS['numpy.nanstd'] = """std over the non-NaN entries.

This is ``numpy.nanstd`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.
    ddof: delta degrees of freedom.
    keepdims: keep reduced axes with size 1.
    correction: the Array API's name for ddof.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nanstd(np.array([1.0, np.nan, 3.0])))
    1.0
"""

DOCS['numpy.nanmax'] = """max ignoring NaNs (NaN where a slice is all NaN).

This is ``numpy.nanmax`` (the example's output is NumPy's).

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
    >>> print(fnp.nanmax(np.array([1.0, np.nan, 3.0])))
    3.0
"""

DOCS['numpy.nanmin'] = """min ignoring NaNs (NaN where a slice is all NaN).

This is ``numpy.nanmin`` (the example's output is NumPy's).

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
    >>> print(fnp.nanmin(np.array([1.0, np.nan, 3.0])))
    1.0
"""

DOCS['numpy.nanargmax'] = """argmax ignoring NaNs (an all-NaN slice raises in NumPy; here it gives 0).

This is ``numpy.nanargmax`` (the example's output is NumPy's).

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
    >>> print(fnp.nanargmax(np.array([1.0, np.nan, 3.0])))
    2
"""

DOCS['numpy.nanargmin'] = """argmin ignoring NaNs (an all-NaN slice gives 0).

This is ``numpy.nanargmin`` (the example's output is NumPy's).

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
    >>> print(fnp.nanargmin(np.array([1.0, np.nan, 3.0])))
    0
"""

DOCS['numpy.nancumsum'] = """cumsum treating NaN as 0.

This is ``numpy.nancumsum`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nancumsum(np.array([1.0, np.nan, 3.0])))
    [1. 1. 4.]
"""

DOCS['numpy.nancumprod'] = """cumprod treating NaN as 1.

This is ``numpy.nancumprod`` (the example's output is NumPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.nancumprod(np.array([2.0, np.nan, 3.0])))
    [2. 2. 6.]
"""

DOCS['numpy.cov'] = """The covariance matrix of the variables in m's rows (columns with
rowvar=False), NumPy's formula with frequency and analytic weights.

This is ``numpy.cov`` (the example's output is NumPy's).

Args:
    m: as ``numpy.cov``'s ``m``.
    y: as ``numpy.cov``'s ``y``.
    rowvar: as ``numpy.cov``'s ``rowvar``.
    bias: as ``numpy.cov``'s ``bias``.
    ddof: delta degrees of freedom.
    fweights: as ``numpy.cov``'s ``fweights``.
    aweights: as ``numpy.cov``'s ``aweights``.
    dtype: the result's dtype.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.cov(np.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]])))
    [[ 1. -1.]
     [-1.  1.]]
"""

DOCS['numpy.corrcoef'] = """Pearson correlation coefficients: cov normalised by the standard deviations,
clipped to [-1, 1] as NumPy does.

This is ``numpy.corrcoef`` (the example's output is NumPy's).

Args:
    x: the input array.
    y: as ``numpy.corrcoef``'s ``y``.
    rowvar: as ``numpy.corrcoef``'s ``rowvar``.
    dtype: the result's dtype.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.corrcoef(np.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.5]])))
    [[ 1.         -0.98198051]
     [-0.98198051  1.        ]]
"""

DOCS['numpy.diff'] = """The n-th discrete difference along axis (bool inputs: not_equal, as NumPy).

This is ``numpy.diff`` (the example's output is NumPy's).

Args:
    a: the input array.
    n: the length (or count).
    axis: the axis (None: the flattened array, where NumPy allows it).
    prepend: as ``numpy.diff``'s ``prepend``.
    append: as ``numpy.diff``'s ``append``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.diff(np.array([1, 4, 9, 16])))
    [3 5 7]
"""
