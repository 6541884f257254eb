"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['numpy.divmod'] = """``(floor_divide(x1, x2), remainder(x1, x2))``, both exact (NumPy's divmod).

This is ``numpy.divmod`` (the example's output is NumPy's).

Args:
    x1: the first array.
    x2: the second array (broadcast with x1).

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.divmod(np.array([-7, 7]), 3):
    ...     print(part)
    [-3  2]
    [2 1]
"""

DOCS['numpy.hypot'] = """``sqrt(x1**2 + x2**2)`` without overflow or underflow (the larger magnitude is
factored out); an infinite side gives inf even with a NaN on the other.

This is ``numpy.hypot`` (the example's output is NumPy's).

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
    >>> print(fnp.hypot(np.array([3.0, 1e200]), np.array([4.0, 1e200])))
    [5.00000000e+000 1.41421356e+200]
"""

DOCS['numpy.logaddexp'] = """``log(exp(x1) + exp(x2))`` without overflow: ``max + log1p(exp(-|x1 - x2|))``;
two equal infinities give that infinity (NumPy's rule).

This is ``numpy.logaddexp`` (the example's output is NumPy's).

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
    >>> print(fnp.logaddexp(np.array([0.0, 1000.0]), np.array([0.0, 1000.0])))
    [6.93147181e-01 1.00069315e+03]
"""

DOCS['numpy.logaddexp2'] = """``log2(2**x1 + 2**x2)`` (logaddexp in base 2).

This is ``numpy.logaddexp2`` (the example's output is NumPy's).

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
    >>> print(fnp.logaddexp2(np.array([1.0]), np.array([1.0])))
    [2.]
"""

DOCS['numpy.copysign'] = """``|x1|`` with the sign of ``x2`` (floats; -0.0 and NaN signs count).

This is ``numpy.copysign`` (the example's output is NumPy's).

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
    >>> print(fnp.copysign(np.array([1.0, -2.0]), np.array([-0.0, 1.0])))
    [-1.  2.]
"""

DOCS['numpy.nextafter'] = """The next float after x1 towards x2 (derivative 1 in x1, 0 in x2).

This is ``numpy.nextafter`` (the example's output is NumPy's).

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
    >>> print(fnp.nextafter(np.array([1.0]), np.array([2.0])) - 1.0)
    [2.22044605e-16]
"""

DOCS['numpy.signbit'] = """True where the sign bit is set (-0.0 and -nan included for floats).

This is ``numpy.signbit`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.signbit(np.array([-0.0, 0.0, -1.0])))
    [ True False  True]
"""

DOCS['numpy.trunc'] = """Round toward zero.  Integers stay integers (NumPy 2's and the Array API's).

This is ``numpy.trunc`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.trunc(np.array([-1.7, 1.7])))
    [-1.  1.]
"""

DOCS['numpy.rint'] = """Round to the nearest integer, halves to even (NumPy's rint); integer inputs
give NumPy's float dtype.

This is ``numpy.rint`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.rint(np.array([0.5, 1.5, -2.5])))
    [ 0.  2. -2.]
"""

DOCS['numpy.sinc'] = """``sin(pi x) / (pi x)``, 1 at 0.  Its first derivative at 0 is exact (0); the
second derivative there reads 0 (JAX's custom rule gives -pi**2/3).

This is ``numpy.sinc`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.sinc(np.array([0.0, 0.5])))
    [1.         0.63661977]
"""

DOCS['numpy.heaviside'] = """0 where x1 < 0, 1 where x1 > 0, x2 where x1 == 0 (NaN where x1 is NaN).

This is ``numpy.heaviside`` (the example's output is NumPy's).

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
    >>> print(fnp.heaviside(np.array([-1.0, 0.0, 2.0]), 0.5))
    [0.  0.5 1. ]
"""

DOCS['numpy.float_power'] = """``x1 ** x2`` computed in float64 at least (NumPy's float_power).

This is ``numpy.float_power`` (the example's output is NumPy's).

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
    >>> print(fnp.float_power(np.array([2, 3]), 2))
    [4. 9.]
"""

DOCS['numpy.bitwise_not'] = """Bitwise NOT (logical NOT for bool).

This is ``numpy.bitwise_not`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.bitwise_not(np.array([0, 5])))
    [-1 -6]
"""

DOCS['numpy.reciprocal'] = """1/x.  Integer inputs give floats (NumPy would do integer division).

This is ``numpy.reciprocal`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.reciprocal(np.array([2.0, 4.0])))
    [0.5  0.25]
"""

DOCS['numpy.logspace'] = """``base ** linspace(start, stop, num)`` (NumPy's logspace).

This is ``numpy.logspace`` (the example's output is NumPy's).

Args:
    start: as ``numpy.logspace``'s ``start``.
    stop: as ``numpy.logspace``'s ``stop``.
    num: as ``numpy.logspace``'s ``num``.
    endpoint: as ``numpy.logspace``'s ``endpoint``.
    base: as ``numpy.logspace``'s ``base``.
    dtype: the result's dtype.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.logspace(0.0, 2.0, 3))
    [  1.  10. 100.]
"""

DOCS['numpy.geomspace'] = """Numbers evenly spaced on a log scale from start to stop (same sign, nonzero);
the endpoints are exact, as NumPy's.

This is ``numpy.geomspace`` (the example's output is NumPy's).

Args:
    start: as ``numpy.geomspace``'s ``start``.
    stop: as ``numpy.geomspace``'s ``stop``.
    num: as ``numpy.geomspace``'s ``num``.
    endpoint: as ``numpy.geomspace``'s ``endpoint``.
    dtype: the result's dtype.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.geomspace(1.0, 8.0, 4))
    [1. 2. 4. 8.]
"""

DOCS['numpy.meshgrid'] = """Coordinate grids from 1-d arrays (NumPy's meshgrid, traced; a list of arrays).

This is ``numpy.meshgrid`` (the example's output is NumPy's).

Args:
    xi: as ``numpy.meshgrid``'s ``xi``.
    copy: as ``numpy.meshgrid``'s ``copy``.
    sparse: as ``numpy.meshgrid``'s ``sparse``.
    indexing: as ``numpy.meshgrid``'s ``indexing``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.meshgrid(np.array([1, 2]), np.array([3, 4, 5])):
    ...     print(part)
    [[1 2]
     [1 2]
     [1 2]]
    [[3 3]
     [4 4]
     [5 5]]
"""

DOCS['numpy.indices'] = """Grid index arrays (constants), NumPy's indices.

This is ``numpy.indices`` (the example's output is NumPy's).

Args:
    dimensions: as ``numpy.indices``'s ``dimensions``.
    dtype: the result's dtype.
    sparse: as ``numpy.indices``'s ``sparse``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.indices((2, 2)))
    [[[0 0]
      [1 1]]
    <BLANKLINE>
     [[0 1]
      [0 1]]]
"""

DOCS['numpy.tri'] = """Ones at and below the k-th diagonal (a constant).

This is ``numpy.tri`` (the example's output is NumPy's).

Args:
    N: as ``numpy.tri``'s ``N``.
    M: as ``numpy.tri``'s ``M``.
    k: as ``numpy.tri``'s ``k``.
    dtype: the result's dtype.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.tri(3))
    [[1. 0. 0.]
     [1. 1. 0.]
     [1. 1. 1.]]
"""

DOCS['numpy.tril_indices'] = """Row and column indices of the lower triangle (int64 constants).

This is ``numpy.tril_indices`` (the example's output is NumPy's).

Args:
    n: the length (or count).
    k: as ``numpy.tril_indices``'s ``k``.
    m: as ``numpy.tril_indices``'s ``m``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.tril_indices(3):
    ...     print(part)
    [0 1 1 2 2 2]
    [0 0 1 0 1 2]
"""

DOCS['numpy.triu_indices'] = """Row and column indices of the upper triangle (int64 constants).

This is ``numpy.triu_indices`` (the example's output is NumPy's).

Args:
    n: the length (or count).
    k: as ``numpy.triu_indices``'s ``k``.
    m: as ``numpy.triu_indices``'s ``m``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.triu_indices(3):
    ...     print(part)
    [0 0 0 1 1 2]
    [0 1 2 1 2 2]
"""

DOCS['numpy.diag_indices'] = """The indices of the main diagonal of an n x ... x n array (constants).

This is ``numpy.diag_indices`` (the example's output is NumPy's).

Args:
    n: the length (or count).
    ndim: as ``numpy.diag_indices``'s ``ndim``.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.diag_indices(2):
    ...     print(part)
    [0 1]
    [0 1]
"""

DOCS['numpy.atleast_1d'] = """Each input viewed with at least one axis (0-d -> shape (1,)).

This is ``numpy.atleast_1d`` (the example's output is NumPy's).

Args:
    arys: as ``numpy.atleast_1d``'s ``arys``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.atleast_1d(np.float64(5.0)))
    [5.]
"""
