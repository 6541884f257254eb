"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['numpy.linalg.norm'] = """NumPy's vector and matrix norms (``ord``, ``axis``, ``keepdims``).  Complex
input: the norms of ``|x|`` (except the singular-value ones, 2/-2/'nuc' of a matrix).

This is ``numpy.linalg.norm`` (the example's output is NumPy's).

Args:
    x: the input array.
    ord: as ``numpy.linalg.norm``'s ``ord``.
    axis: the axis (None: the flattened array, where NumPy allows it).
    keepdims: keep reduced axes with size 1.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.norm(np.array([[4.0, 1.0], [1.0, 3.0]])))
    5.196152422706632
"""

DOCS['numpy.linalg.solve'] = """x with a @ x == b.  b of shape (n,) is a vector; otherwise (..., n, k).

This is ``numpy.linalg.solve`` (the example's output is NumPy's).

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
    >>> print(fnp.linalg.solve(np.array([[4.0, 1.0], [1.0, 3.0]]), np.array([1.0, 2.0])))
    [0.09090909 0.63636364]
"""

DOCS['numpy.linalg.slogdet'] = """SlogdetResult(sign, logabsdet), as NumPy.  A real matrix's sign has zero
derivative; a complex one's sign is a phase and has one (as JAX).

This is ``numpy.linalg.slogdet`` (the example's output is NumPy's).

Args:
    a: the input array.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> for part in fnp.linalg.slogdet(np.array([[4.0, 1.0], [1.0, 3.0]])):
    ...     print(part)
    1.0
    2.3978952727983707
"""

DOCS['numpy.linalg.cholesky'] = """Lower factor L with a = L L^H; reads the lower triangle of a, as NumPy does
(``upper=True``: L^H).  Complex: the real part of the diagonal, as LAPACK.

This is ``numpy.linalg.cholesky`` (the example's output is NumPy's).

Args:
    a: the input array.
    upper: as ``numpy.linalg.cholesky``'s ``upper``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.cholesky(np.array([[4.0, 1.0], [1.0, 3.0]])))
    [[2.        0.       ]
     [0.5       1.6583124]]
"""

DOCS['numpy.linalg.eigh'] = """(eigenvalues ascending, eigenvectors as columns); reads the lower triangle
(UPLO='L', NumPy's default) or the upper one (UPLO='U').

This is ``numpy.linalg.eigh`` (the example's output is NumPy's).

Args:
    a: the input array.
    UPLO: as ``numpy.linalg.eigh``'s ``UPLO``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.eigh(np.array([[4.0, 1.0], [1.0, 3.0]])).eigenvalues)
    [2.38196601 4.61803399]
"""

DOCS['numpy.linalg.pinv'] = """Moore-Penrose pseudo-inverse via the SVD: V diag(1/s) U^H with singular values
at or below ``rtol * max(s)`` dropped (``rcond`` is NumPy's older name; default
max(m, n) * eps, NumPy 2's).  Differentiable where the kept singular values are
distinct (real matrices); ``hermitian`` only selects a faster LAPACK path in
NumPy, so it is accepted and the result is the same.

This is ``numpy.linalg.pinv`` (the example's output is NumPy's).

Args:
    a: the input array.
    rcond: as ``numpy.linalg.pinv``'s ``rcond``.
    hermitian: as ``numpy.linalg.pinv``'s ``hermitian``.
    rtol: as ``numpy.linalg.pinv``'s ``rtol``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.pinv(np.array([[1.0, 2.0], [2.0, 4.0]])))
    [[0.04 0.08]
     [0.08 0.16]]
"""

DOCS['numpy.linalg.lstsq'] = """Least-squares solution of a @ x = b: (x, residuals, rank, s) as NumPy.
x = pinv(a, rcond) @ b (rcond default: max(m, n) * eps, NumPy 2's), so it is
differentiable.  residuals (squared 2-norms of b - a x per column) have
NumPy's data-dependent shape eagerly (empty unless m > n and rank == n);
traced, they are always computed when m > n.  rank and s carry no gradient.

This is ``numpy.linalg.lstsq`` (the example's output is NumPy's).

Args:
    a: the input array.
    b: the second array.
    rcond: as ``numpy.linalg.lstsq``'s ``rcond``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.lstsq(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), np.array([1.0, 3.0, 5.0]))[0])
    [1. 2.]
"""

DOCS['numpy.linalg.matrix_power'] = """a @ a @ ... (n times) by repeated squaring; n = 0: the identity; n < 0: inv(a)**-n.

This is ``numpy.linalg.matrix_power`` (the example's output is NumPy's).

Args:
    a: the input array.
    n: the length (or count).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.matrix_power(np.array([[4.0, 1.0], [1.0, 3.0]]), 2))
    [[17.  7.]
     [ 7. 10.]]
"""

DOCS['numpy.linalg.matrix_rank'] = """Number of singular values above ``tol`` (absolute) or ``rtol * max(s)``
(default max(m, n) * eps * max(s)), as NumPy; an integer, no gradient.  1-D: 1
unless all zero.

This is ``numpy.linalg.matrix_rank`` (the example's output is NumPy's).

Args:
    A: as ``numpy.linalg.matrix_rank``'s ``A``.
    tol: as ``numpy.linalg.matrix_rank``'s ``tol``.
    hermitian: as ``numpy.linalg.matrix_rank``'s ``hermitian``.
    rtol: as ``numpy.linalg.matrix_rank``'s ``rtol``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]])))
    1
"""

DOCS['numpy.linalg.multi_dot'] = """The product of a chain of matrices, left to right (NumPy's multi_dot; the
first may be 1-D (a row) and the last 1-D (a column)).  NumPy picks the cheapest
order; the values agree up to rounding.

This is ``numpy.linalg.multi_dot`` (the example's output is NumPy's).

Args:
    arrays: as ``numpy.linalg.multi_dot``'s ``arrays``.
    out: must be None.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.multi_dot([np.array([[4.0, 1.0], [1.0, 3.0]]), np.array([[4.0, 1.0], [1.0, 3.0]]), np.array([1.0, 0.0])]))
    [17.  7.]
"""

DOCS['numpy.linalg.cond'] = """Condition number: s_max / s_min (p None or 2), s_min / s_max (-2), else
norm(x, p) * norm(inv(x), p) (NumPy's cond).

This is ``numpy.linalg.cond`` (the example's output is NumPy's).

Args:
    x: the input array.
    p: as ``numpy.linalg.cond``'s ``p``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.cond(np.array([[2.0, 0.0], [0.0, 0.5]])))
    4.0
"""

DOCS['numpy.linalg.svdvals'] = """The singular values, descending (Array API linalg.svdvals).

This is ``numpy.linalg.svdvals`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.svdvals(np.array([[3.0, 0.0], [0.0, 4.0]])))
    [4. 3.]
"""

DOCS['numpy.linalg.cross'] = """Cross product of 3-vectors along ``axis`` (the Array API's linalg.cross; the
top-level ``cross`` also takes 2-vectors).

This is ``numpy.linalg.cross`` (the example's output is NumPy's).

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
    >>> print(fnp.linalg.cross(np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])))
    [0. 0. 1.]
"""

DOCS['numpy.linalg.matrix_norm'] = """Norm of the matrices in the last two axes (Array API linalg.matrix_norm).

This is ``numpy.linalg.matrix_norm`` (the example's output is NumPy's).

Args:
    x: the input array.
    keepdims: keep reduced axes with size 1.
    ord: as ``numpy.linalg.matrix_norm``'s ``ord``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.matrix_norm(np.array([[4.0, 1.0], [1.0, 3.0]])))
    5.196152422706632
"""

DOCS['numpy.linalg.vector_norm'] = """Vector norm over ``axis`` (None: the flattened array) (Array API linalg.vector_norm).

This is ``numpy.linalg.vector_norm`` (the example's output is NumPy's).

Args:
    x: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    keepdims: keep reduced axes with size 1.
    ord: as ``numpy.linalg.vector_norm``'s ``ord``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.vector_norm(np.array([3.0, 4.0])))
    5.0
"""

DOCS['numpy.linalg.matrix_transpose'] = """Swap the last two axes (Array API linalg.matrix_transpose).

This is ``numpy.linalg.matrix_transpose`` (the example's output is NumPy's).

Args:
    x: the input array.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> fnp.linalg.matrix_transpose(np.zeros((5, 2, 3))).shape
    (5, 3, 2)
"""

DOCS['numpy.linalg.outer'] = """Outer product of two 1-D arrays (Array API linalg.outer).

This is ``numpy.linalg.outer`` (the example's output is NumPy's).

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
    >>> print(fnp.linalg.outer(np.array([1, 2]), np.array([3, 4])))
    [[3 4]
     [6 8]]
"""

DOCS['numpy.linalg.trace'] = """Sum of the diagonals of the last two axes (Array API linalg.trace: unlike
numpy.trace, the last two axes).

This is ``numpy.linalg.trace`` (the example's output is NumPy's).

Args:
    x: the input array.
    offset: as ``numpy.linalg.trace``'s ``offset``.
    dtype: the result's dtype.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.trace(np.array([[4.0, 1.0], [1.0, 3.0]])))
    7.0
"""

DOCS['numpy.linalg.diagonal'] = """The diagonals of the last two axes (Array API linalg.diagonal).

This is ``numpy.linalg.diagonal`` (the example's output is NumPy's).

Args:
    x: the input array.
    offset: as ``numpy.linalg.diagonal``'s ``offset``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.linalg.diagonal(np.array([[4.0, 1.0], [1.0, 3.0]])))
    [4. 3.]
"""

DOCS['numpy.linalg.tensordot'] = """numpy.tensordot (Array API linalg.tensordot).

This is ``numpy.linalg.tensordot`` (the example's output is NumPy's).

Args:
    x1: the first array.
    x2: the second array (broadcast with x1).
    axes: the axes.

Returns:
    A tuple of arrays, as NumPy's (tracers under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> fnp.linalg.tensordot(np.ones((2, 3)), np.ones((3, 4)), axes=1).shape
    (2, 4)
"""

DOCS['numpy.linalg.matmul'] = """numpy.matmul (Array API linalg.matmul).

This is ``numpy.linalg.matmul`` (the example's output is NumPy's).

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
    >>> print(fnp.linalg.matmul(np.array([[4.0, 1.0], [1.0, 3.0]]), np.array([1.0, 1.0])))
    [5. 4.]
"""

DOCS['numpy.fft.fft'] = """One-dimensional DFT along ``axis`` (numpy.fft.fft), input cut/zero-padded to ``n``.

This is ``numpy.fft.fft`` (the example's output is NumPy's).

Args:
    a: the input array.
    n: the length (or count).
    axis: the axis (None: the flattened array, where NumPy allows it).
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.fft(np.array([1.0, 0.0, 0.0, 0.0])))
    [1.+0.j 1.+0.j 1.+0.j 1.+0.j]
"""
