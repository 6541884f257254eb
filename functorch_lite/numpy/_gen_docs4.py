"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['numpy.ediff1d'] = """Differences of the flattened array, with optional values before and after.

This is ``numpy.ediff1d`` (the example's output is NumPy's).

Args:
    ary: as ``numpy.ediff1d``'s ``ary``.
    to_end: as ``numpy.ediff1d``'s ``to_end``.
    to_begin: as ``numpy.ediff1d``'s ``to_begin``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.ediff1d(np.array([1, 4, 9]), to_begin=0))
    [0 3 5]
"""

DOCS['numpy.gradient'] = """NumPy's gradient: second-order central differences inside, one-sided
differences of order ``edge_order`` (1 or 2) at the ends; spacing as scalars
or coordinate arrays per axis.  One array for one axis, else a list.

This is ``numpy.gradient`` (the example's output is NumPy's).

Args:
    f: as ``numpy.gradient``'s ``f``.
    varargs: as ``numpy.gradient``'s ``varargs``.
    axis: the axis (None: the flattened array, where NumPy allows it).
    edge_order: as ``numpy.gradient``'s ``edge_order``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.gradient(np.array([1.0, 4.0, 9.0, 16.0])))
    [3. 4. 6. 7.]
"""

DOCS['numpy.trapezoid'] = """The trapezoidal rule along axis (sample points x, or spacing dx).

This is ``numpy.trapezoid`` (the example's output is NumPy's).

Args:
    y: as ``numpy.trapezoid``'s ``y``.
    x: the input array.
    dx: as ``numpy.trapezoid``'s ``dx``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.trapezoid(np.array([1.0, 2.0, 3.0])))
    4.0
"""

DOCS['numpy.cumulative_sum'] = """The Array API's cumulative sum (axis required above 1-d; include_initial
prepends a zero).

This is ``numpy.cumulative_sum`` (the example's output is NumPy's).

Args:
    x: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    dtype: the result's dtype.
    include_initial: as ``numpy.cumulative_sum``'s ``include_initial``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.cumulative_sum(np.array([1, 2, 3]), include_initial=True))
    [0 1 3 6]
"""

DOCS['numpy.interp'] = """Piecewise-linear interpolation of (xp, fp) at x (xp increasing); left/right:
the values outside (default fp[0], fp[-1]).  Differentiable in x and fp.

This is ``numpy.interp`` (the example's output is NumPy's).

Args:
    x: the input array.
    xp: as ``numpy.interp``'s ``xp``.
    fp: as ``numpy.interp``'s ``fp``.
    left: as ``numpy.interp``'s ``left``.
    right: as ``numpy.interp``'s ``right``.
    period: as ``numpy.interp``'s ``period``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.interp(np.array([0.5, 2.5]), np.array([0.0, 1.0, 2.0]), np.array([0.0, 10.0, 20.0])))
    [ 5. 20.]
"""

DOCS['numpy.polyval'] = """The polynomial with coefficients p (highest power first) at x (Horner).

This is ``numpy.polyval`` (the example's output is NumPy's).

Args:
    p: as ``numpy.polyval``'s ``p``.
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.polyval(np.array([1.0, 0.0, -1.0]), np.array([2.0, 3.0])))
    [3. 8.]
"""

DOCS['numpy.polyfit'] = """Least-squares polynomial coefficients (highest power first) through a QR
solve of the column-scaled Vandermonde matrix.  full=True and cov=True (the
diagnostics) are not supported and raise.

This is ``numpy.polyfit`` (the example's output is NumPy's).

Args:
    x: the input array.
    y: as ``numpy.polyfit``'s ``y``.
    deg: as ``numpy.polyfit``'s ``deg``.
    rcond: as ``numpy.polyfit``'s ``rcond``.
    full: as ``numpy.polyfit``'s ``full``.
    w: as ``numpy.polyfit``'s ``w``.
    cov: as ``numpy.polyfit``'s ``cov``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.polyfit(np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]), 1))
    [2. 1.]
"""

DOCS['numpy.convolve'] = """Discrete linear convolution of two 1-d arrays (NumPy's convolve).

This is ``numpy.convolve`` (the example's output is NumPy's).

Args:
    a: the input array.
    v: as ``numpy.convolve``'s ``v``.
    mode: as ``numpy.convolve``'s ``mode``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.convolve(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5])))
    [0.  1.  2.5 4.  1.5]
"""

DOCS['numpy.correlate'] = """Cross-correlation of two 1-d arrays, ``c[k] = sum_n a[n + k] * v[n]``
(NumPy's correlate).

This is ``numpy.correlate`` (the example's output is NumPy's).

Args:
    a: the input array.
    v: as ``numpy.correlate``'s ``v``.
    mode: as ``numpy.correlate``'s ``mode``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.correlate(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0])))
    [2. 3.]
"""

DOCS['numpy.bincount'] = """Counts (or summed weights) of each non-negative integer in x.  The length is
``max(x) + 1`` (at least minlength) read from concrete values; under jit pass
``length=`` (JAX's).  Differentiable in the weights.

This is ``numpy.bincount`` (the example's output is NumPy's).

Args:
    x: the input array.
    weights: optional weights, shaped as ``a``.
    minlength: as ``numpy.bincount``'s ``minlength``.
    length: ``length`` (JAX's / the Array API's; ``numpy.bincount`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.bincount(np.array([0, 1, 1, 3])))
    [1 2 0 1]
"""

DOCS['numpy.histogram'] = """(counts, bin_edges) of a's flattened values: NumPy's half-open bins, the
last one closed.  ``bins``: a count (edges from range, or the data's min and
max) or the edges.  Differentiable in the weights (counts carry none).

This is ``numpy.histogram`` (the example's output is NumPy's).

Args:
    a: the input array.
    bins: as ``numpy.histogram``'s ``bins``.
    range: as ``numpy.histogram``'s ``range``.
    density: as ``numpy.histogram``'s ``density``.
    weights: optional weights, shaped as ``a``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.histogram(np.array([1.0, 2.0, 2.5, 4.0]), bins=3):
    ...     print(part)
    [1 2 1]
    [1. 2. 3. 4.]
"""

DOCS['numpy.vecdot'] = """sum(conj(x1) * x2, axis) with broadcasting (the Array API's vecdot).

This is ``numpy.vecdot`` (the example's output is NumPy's).

Args:
    x1: the first array.
    x2: the second array (broadcast with x1).
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.vecdot(np.array([[1.0, 2.0]]), np.array([[3.0, 4.0]])))
    [11.]
"""

DOCS['numpy.real'] = """The real part of ``val`` (NumPy's ``real``); a real array is returned as is.

This is ``numpy.real`` (the example's output is NumPy's).

Args:
    val: as ``numpy.real``'s ``val``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.real(np.array([1 + 2j])))
    [1.]
"""

DOCS['numpy.imag'] = """The imaginary part of ``val`` (NumPy's ``imag``); zeros for a real array.

This is ``numpy.imag`` (the example's output is NumPy's).

Args:
    val: as ``numpy.imag``'s ``val``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.imag(np.array([1 + 2j])))
    [2.]
"""

DOCS['numpy.conj'] = """The complex conjugate, elementwise (NumPy's ``conj``/``conjugate``); a real or
integer array is returned unchanged.

This is ``numpy.conj`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.conj(np.array([1 + 2j])))
    [1.-2.j]
"""

DOCS['numpy.angle'] = """The counterclockwise angle from the positive real axis, atan2(imag, real)
(NumPy's ``angle``; ``deg=True`` gives degrees).  Real input: 0 or pi, as
float (integers are converted to float64).

This is ``numpy.angle`` (the example's output is NumPy's).

Args:
    z: as ``numpy.angle``'s ``z``.
    deg: as ``numpy.angle``'s ``deg``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.angle(np.array([1j, -1.0])))
    [1.57079633 3.14159265]
"""

DOCS['numpy.iscomplexobj'] = """True when ``x`` has a complex dtype (NumPy's ``iscomplexobj``).

This is ``numpy.iscomplexobj`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.iscomplexobj(np.array([1.0])))
    False
"""

DOCS['numpy.isrealobj'] = """True when ``x`` does not have a complex dtype (NumPy's ``isrealobj``).

This is ``numpy.isrealobj`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.isrealobj(np.array([1.0])))
    True
"""

DOCS['numpy.iscomplex'] = """Elementwise: a nonzero imaginary part (NumPy's ``iscomplex``; False for real dtypes).

This is ``numpy.iscomplex`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.iscomplex(np.array([1 + 0j, 1j])))
    [False  True]
"""

DOCS['numpy.isreal'] = """Elementwise: a zero imaginary part (NumPy's ``isreal``; True for real dtypes).

This is ``numpy.isreal`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.isreal(np.array([1 + 0j, 1j])))
    [ True False]
"""

DOCS['numpy.kron'] = """Kronecker product (numpy.kron): blocks a[i] * b, the ranks equalised by
leading 1s; an outer product and one reshape, so it differentiates.

This is ``numpy.kron`` (the example's output is NumPy's).

Args:
    a: the input array.
    b: the second array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.kron(np.array([1, 2]), np.array([1, 10])))
    [ 1 10  2 20]
"""

DOCS['numpy.cross'] = """numpy.cross: 3-vectors (or 2-vectors, giving the z component alone, as NumPy
with both 2-D) along the given axes; ``axis`` overrides all three.

This is ``numpy.cross`` (the example's output is NumPy's).

Args:
    a: the input array.
    b: the second array.
    axisa: as ``numpy.cross``'s ``axisa``.
    axisb: as ``numpy.cross``'s ``axisb``.
    axisc: as ``numpy.cross``'s ``axisc``.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.cross(np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])))
    [0. 0. 1.]
"""
