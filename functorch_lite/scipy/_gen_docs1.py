"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['scipy.special.gammaincc'] = """The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x)
(accurate where P is near 1).  Differentiable in x only.

This is ``scipy.special.gammaincc`` (the example's output is SciPy's).

Args:
    a: the input array.
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.gammaincc(np.array([1.0, 2.0]), np.array([1.0, 1.0])))
    [0.36787944 0.73575888]
"""

DOCS['scipy.special.betainc'] = """The regularized incomplete beta function I_x(a, b).  Differentiable in x
only (as JAX).

This is ``scipy.special.betainc`` (the example's output is SciPy's).

Args:
    a: the input array.
    b: the second array.
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.betainc(np.array([1.0, 2.0]), np.array([2.0, 2.0]), np.array([0.5, 0.5])))
    [0.75 0.5 ]
"""

DOCS['scipy.linalg.solve_triangular'] = """x with op(T) x = b, T the lower (``lower=True``) or upper triangle of a
(its diagonal taken as ones with ``unit_diagonal``), op = identity
(``trans`` 0 / 'N'), transpose (1 / 'T') or conjugate transpose (2 / 'C').

This is ``scipy.linalg.solve_triangular`` (the example's output is SciPy's).

Args:
    a: the input array.
    b: the second array.
    trans: as ``scipy.linalg.solve_triangular``'s ``trans``.
    lower: use (or return) the lower triangle.
    unit_diagonal: as ``scipy.linalg.solve_triangular``'s ``unit_diagonal``.
    overwrite_b: accepted as SciPy's; inputs are never modified.
    check_finite: accepted as SciPy's (no check is made).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.solve_triangular(np.array([[2.0, 0.0], [1.0, 1.0]]), np.array([2.0, 3.0]), lower=True))
    [1. 2.]
"""

DOCS['scipy.linalg.cholesky'] = """The Cholesky factor of a symmetric positive definite a: upper U with
a = U^T U by default (scipy's default, unlike NumPy), lower L with
``lower=True``.  Reads the lower triangle of a.

This is ``scipy.linalg.cholesky`` (the example's output is SciPy's).

Args:
    a: the input array.
    lower: use (or return) the lower triangle.
    overwrite_a: accepted as SciPy's; inputs are never modified.
    check_finite: accepted as SciPy's (no check is made).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.cholesky(np.array([[4.0, 1.0], [1.0, 3.0]]), lower=True))
    [[2.        0.       ]
     [0.5       1.6583124]]
"""

DOCS['scipy.linalg.cho_solve'] = """x with a x = b, given ``(c, lower) = cho_factor(a)``.

This is ``scipy.linalg.cho_solve`` (the example's output is SciPy's).

Args:
    c_and_lower: as ``scipy.linalg.cho_solve``'s ``c_and_lower``.
    b: the second array.
    overwrite_b: accepted as SciPy's; inputs are never modified.
    check_finite: accepted as SciPy's (no check is made).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.cho_solve(linalg.cho_factor(np.array([[4.0, 1.0], [1.0, 3.0]])), np.array([1.0, 2.0])))
    [0.09090909 0.63636364]
"""

DOCS['scipy.linalg.lu_solve'] = """x with a x = b (``trans`` 0), a^T x = b (1 or 2), given lu_factor(a).

This is ``scipy.linalg.lu_solve`` (the example's output is SciPy's).

Args:
    lu_and_piv: as ``scipy.linalg.lu_solve``'s ``lu_and_piv``.
    b: the second array.
    trans: as ``scipy.linalg.lu_solve``'s ``trans``.
    overwrite_b: accepted as SciPy's; inputs are never modified.
    check_finite: accepted as SciPy's (no check is made).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.lu_solve(linalg.lu_factor(np.array([[4.0, 1.0], [1.0, 3.0]])), np.array([1.0, 2.0])))
    [0.09090909 0.63636364]
"""

DOCS['scipy.linalg.expm'] = """The matrix exponential (scipy.linalg.expm's kernel); its derivative in
direction E is the upper-right block of expm([[A, E], [0, A]]), so every
order works.  ``upper_triangular``/``max_squarings`` are JAX's and ignored.

This is ``scipy.linalg.expm`` (the example's output is SciPy's).

Args:
    A: as ``scipy.linalg.expm``'s ``A``.
    upper_triangular: ``upper_triangular`` (JAX's / the Array API's; ``scipy.linalg.expm`` has none).
    max_squarings: ``max_squarings`` (JAX's / the Array API's; ``scipy.linalg.expm`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.expm(np.zeros((2, 2))))
    [[1. 0.]
     [0. 1.]]
"""

DOCS['scipy.linalg.sqrtm'] = """The principal square root S of A (S @ S = A; scipy.linalg.sqrtm's kernel,
real input with real root).  Derivative: S dS + dS S = dA, solved as a
Kronecker system (n^2 unknowns: meant for small matrices).

This is ``scipy.linalg.sqrtm`` (the example's output is SciPy's).

Args:
    A: as ``scipy.linalg.sqrtm``'s ``A``.
    disp: as ``scipy.linalg.sqrtm``'s ``disp``.
    blocksize: as ``scipy.linalg.sqrtm``'s ``blocksize``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.sqrtm(np.array([[4.0, 0.0], [0.0, 9.0]])))
    [[2. 0.]
     [0. 3.]]
"""

DOCS['scipy.linalg.block_diag'] = """The block diagonal matrix of the given 2-D (or 0-/1-D, as scipy) blocks.

This is ``scipy.linalg.block_diag`` (the example's output is SciPy's).

Args:
    arrs: as ``scipy.linalg.block_diag``'s ``arrs``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.block_diag(np.array([[1]]), np.array([[2, 3]])))
    [[1 0 0]
     [0 2 3]]
"""

DOCS['scipy.linalg.solve'] = """x with a x = b (``assume_a`` 'pos' solves through Cholesky).

This is ``scipy.linalg.solve`` (the example's output is SciPy's).

Args:
    a: the input array.
    b: the second array.
    lower: use (or return) the lower triangle.
    overwrite_a: accepted as SciPy's; inputs are never modified.
    overwrite_b: accepted as SciPy's; inputs are never modified.
    check_finite: accepted as SciPy's (no check is made).
    assume_a: as ``scipy.linalg.solve``'s ``assume_a``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.solve(np.array([[4.0, 1.0], [1.0, 3.0]]), np.array([1.0, 2.0])))
    [0.09090909 0.63636364]
"""

DOCS['scipy.linalg.inv'] = """The inverse of a.

This is ``scipy.linalg.inv`` (the example's output is SciPy's).

Args:
    a: the input array.
    overwrite_a: accepted as SciPy's; inputs are never modified.
    check_finite: accepted as SciPy's (no check is made).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.inv(np.array([[4.0, 1.0], [1.0, 3.0]])))
    [[ 0.27272727 -0.09090909]
     [-0.09090909  0.36363636]]
"""

DOCS['scipy.linalg.det'] = """The determinant of a.

This is ``scipy.linalg.det`` (the example's output is SciPy's).

Args:
    a: the input array.
    overwrite_a: accepted as SciPy's; inputs are never modified.
    check_finite: accepted as SciPy's (no check is made).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import linalg
    >>> print(linalg.det(np.array([[4.0, 1.0], [1.0, 3.0]])))
    11.000000000000002
"""

DOCS['scipy.signal.convolve'] = """N-dimensional convolution of in1 and in2 (same number of dimensions);
``mode`` 'full' (every overlap), 'same' (in1's shape, centred as scipy) or
'valid' (full overlaps only).

This is ``scipy.signal.convolve`` (the example's output is SciPy's).

Args:
    in1: as ``scipy.signal.convolve``'s ``in1``.
    in2: as ``scipy.signal.convolve``'s ``in2``.
    mode: as ``scipy.signal.convolve``'s ``mode``.
    method: the interpolation method (linear, lower, higher, nearest, midpoint).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import signal
    >>> print(signal.convolve(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5])))
    [0.  1.  2.5 4.  1.5]
"""

DOCS['scipy.signal.correlate'] = """N-dimensional cross-correlation: z[k] = sum_l in1[l] in2[l - k + N - 1]
(convolution with in2 flipped in every axis); modes as convolve.

This is ``scipy.signal.correlate`` (the example's output is SciPy's).

Args:
    in1: as ``scipy.signal.correlate``'s ``in1``.
    in2: as ``scipy.signal.correlate``'s ``in2``.
    mode: as ``scipy.signal.correlate``'s ``mode``.
    method: the interpolation method (linear, lower, higher, nearest, midpoint).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import signal
    >>> print(signal.correlate(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0])))
    [1. 2. 3. 0.]
"""
