"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['numpy.fft.ifft'] = """One-dimensional inverse DFT (numpy.fft.ifft).

This is ``numpy.fft.ifft`` (the example's output is NumPy's).

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
    >>> print(fnp.fft.ifft(np.array([4.0, 0.0, 0.0, 0.0])))
    [1.+0.j 1.+0.j 1.+0.j 1.+0.j]
"""

DOCS['numpy.fft.rfft'] = """DFT of real input, the n//2 + 1 non-negative frequencies (numpy.fft.rfft).

This is ``numpy.fft.rfft`` (the example's output is NumPy's).

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
    >>> print(fnp.fft.rfft(np.array([1.0, 2.0, 3.0, 4.0])))
    [10.+0.j -2.+2.j -2.+0.j]
"""

DOCS['numpy.fft.irfft'] = """Inverse of rfft: real output of length n (default 2 * (m - 1)) (numpy.fft.irfft).

This is ``numpy.fft.irfft`` (the example's output is NumPy's).

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
    >>> print(fnp.fft.irfft(np.array([10.0, -2.0 + 2.0j, -2.0])))
    [1. 2. 3. 4.]
"""

DOCS['numpy.fft.hfft'] = """DFT of a Hermitian-symmetric signal given by its first half: real output of
length n (default 2 * (m - 1)) (numpy.fft.hfft: irfft(conj(a)) with the norm swapped).

This is ``numpy.fft.hfft`` (the example's output is NumPy's).

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
    >>> print(fnp.fft.hfft(np.array([1.0, 2.0, 3.0])))
    [ 8. -2.  0. -2.]
"""

DOCS['numpy.fft.ihfft'] = """Inverse of hfft: real input, n//2 + 1 complex outputs (numpy.fft.ihfft:
conj(rfft(a)) with the norm swapped).

This is ``numpy.fft.ihfft`` (the example's output is NumPy's).

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
    >>> print(fnp.fft.ihfft(np.array([1.0, 2.0, 3.0, 4.0])))
    [ 2.5-0.j  -0.5-0.5j -0.5-0.j ]
"""

DOCS['numpy.fft.fft2'] = """Two-dimensional DFT over ``axes`` (numpy.fft.fft2).

This is ``numpy.fft.fft2`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.fft2(np.eye(2)))
    [[2.+0.j 0.+0.j]
     [0.+0.j 2.+0.j]]
"""

DOCS['numpy.fft.ifft2'] = """Two-dimensional inverse DFT (numpy.fft.ifft2).

This is ``numpy.fft.ifft2`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.ifft2(np.eye(2)))
    [[0.5+0.j 0. +0.j]
     [0. +0.j 0.5+0.j]]
"""

DOCS['numpy.fft.rfft2'] = """Two-dimensional rfftn (numpy.fft.rfft2).

This is ``numpy.fft.rfft2`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.rfft2(np.eye(2)))
    [[2.+0.j 0.+0.j]
     [0.+0.j 2.+0.j]]
"""

DOCS['numpy.fft.irfft2'] = """Two-dimensional irfftn (numpy.fft.irfft2).

This is ``numpy.fft.irfft2`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.irfft2(np.array([[2.0, 0.0], [0.0, 2.0]])))
    [[1. 0.]
     [0. 1.]]
"""

DOCS['numpy.fft.fftn'] = """N-dimensional DFT over ``axes`` (default: the last len(s), or all) (numpy.fft.fftn).

This is ``numpy.fft.fftn`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.fftn(np.ones((2, 2))))
    [[4.+0.j 0.+0.j]
     [0.+0.j 0.+0.j]]
"""

DOCS['numpy.fft.ifftn'] = """N-dimensional inverse DFT (numpy.fft.ifftn).

This is ``numpy.fft.ifftn`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.ifftn(np.ones((2, 2))))
    [[1.+0.j 0.+0.j]
     [0.+0.j 0.+0.j]]
"""

DOCS['numpy.fft.rfftn'] = """N-dimensional DFT of real input (numpy.fft.rfftn); the last axis is halved.

This is ``numpy.fft.rfftn`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.rfftn(np.ones((2, 2))))
    [[4.+0.j 0.+0.j]
     [0.+0.j 0.+0.j]]
"""

DOCS['numpy.fft.irfftn'] = """Inverse of rfftn (numpy.fft.irfftn).

This is ``numpy.fft.irfftn`` (the example's output is NumPy's).

Args:
    a: the input array.
    s: the output lengths along ``axes``.
    axes: the axes.
    norm: ``None``/``'backward'``, ``'ortho'`` or ``'forward'``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.irfftn(np.array([[4.0, 0.0], [0.0, 0.0]])))
    [[1. 1.]
     [1. 1.]]
"""

DOCS['numpy.fft.fftfreq'] = """The sample frequencies of an n-point DFT with spacing d (numpy.fft.fftfreq):
[0, 1, ..., n//2 - 1 (or (n-1)//2), -(n//2), ..., -1] / (n d).  ``d`` may be traced;
``dtype`` (JAX's argument) sets the float dtype (default float64, or d's);
``device`` (the Array API's) places the result.

This is ``numpy.fft.fftfreq`` (the example's output is NumPy's).

Args:
    n: the length (or count).
    d: as ``numpy.fft.fftfreq``'s ``d``.
    dtype: the result's dtype.
    device: as ``numpy.fft.fftfreq``'s ``device``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.fftfreq(4))
    [ 0.    0.25 -0.5  -0.25]
"""

DOCS['numpy.fft.rfftfreq'] = """The sample frequencies of rfft's n//2 + 1 outputs (numpy.fft.rfftfreq).

This is ``numpy.fft.rfftfreq`` (the example's output is NumPy's).

Args:
    n: the length (or count).
    d: as ``numpy.fft.rfftfreq``'s ``d``.
    dtype: the result's dtype.
    device: as ``numpy.fft.rfftfreq``'s ``device``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.rfftfreq(4))
    [0.   0.25 0.5 ]
"""

DOCS['numpy.fft.fftshift'] = """Move the zero frequency to the centre: roll by n//2 on each axis (numpy.fft.fftshift).

This is ``numpy.fft.fftshift`` (the example's output is NumPy's).

Args:
    x: the input array.
    axes: the axes.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.fftshift(np.arange(5)))
    [3 4 0 1 2]
"""

DOCS['numpy.fft.ifftshift'] = """The inverse of fftshift: roll by -(n//2) (numpy.fft.ifftshift).

This is ``numpy.fft.ifftshift`` (the example's output is NumPy's).

Args:
    x: the input array.
    axes: the axes.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from NumPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.fft.ifftshift(np.arange(5)))
    [2 3 4 0 1]
"""
