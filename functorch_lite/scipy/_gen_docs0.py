"""Full docstrings with examples, generated once (each example's output checked
equal to the reference library's, NumPy's or SciPy's, when written) and kept
as text; the package ``__init__`` assigns them at import."""

DOCS = {}

DOCS['scipy.special.erf'] = """The error function.

This is ``scipy.special.erf`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.erf(np.array([0.0, 1.0])))
    [0.         0.84270079]
"""

DOCS['scipy.special.erfc'] = """The complementary error function 1 - erf(x), accurate for large x.

This is ``scipy.special.erfc`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.erfc(np.array([0.0, 1.0])))
    [1.         0.15729921]
"""

DOCS['scipy.special.erfinv'] = """The inverse of erf on (-1, 1).

This is ``scipy.special.erfinv`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.erfinv(np.array([0.0, 0.5])))
    [0.         0.47693628]
"""

DOCS['scipy.special.ndtr'] = """The standard normal CDF, erfc(-x / sqrt 2) / 2 (accurate in both tails).

This is ``scipy.special.ndtr`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.ndtr(np.array([0.0, 1.0])))
    [0.5        0.84134475]
"""

DOCS['scipy.special.ndtri'] = """The inverse of the standard normal CDF.

This is ``scipy.special.ndtri`` (the example's output is SciPy's).

Args:
    p: ``p`` (JAX's / the Array API's; ``scipy.special.ndtri`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.ndtri(np.array([0.5, 0.975])))
    [0.         1.95996398]
"""

DOCS['scipy.special.log_ndtr'] = """log of the standard normal CDF, accurate far into both tails.

This is ``scipy.special.log_ndtr`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.log_ndtr(np.array([-10.0, 0.0])))
    [-53.23128515  -0.69314718]
"""

DOCS['scipy.special.gammaln'] = """log|Gamma(x)|.

This is ``scipy.special.gammaln`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.gammaln(np.array([1.0, 10.0])))
    [ 0.         12.80182748]
"""

DOCS['scipy.special.digamma'] = """The logarithmic derivative of Gamma.

This is ``scipy.special.digamma`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.digamma(np.array([1.0, 2.0])))
    [-0.57721566  0.42278434]
"""

DOCS['scipy.special.polygamma'] = """The n-th derivative of digamma; ``n`` is a static non-negative integer
(JAX also accepts an array of orders).

This is ``scipy.special.polygamma`` (the example's output is SciPy's).

Args:
    n: the length (or count).
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.polygamma(1, np.array([1.0, 2.0])))
    [1.64493407 0.64493407]
"""

DOCS['scipy.special.gamma'] = """The Gamma function (a primitive: scipy's kernel, derivative gamma * digamma).

This is ``scipy.special.gamma`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.gamma(np.array([5.0, 0.5])))
    [24.          1.77245385]
"""

DOCS['scipy.special.betaln'] = """log|B(a, b)| = gammaln(a) + gammaln(b) - gammaln(a + b).

This is ``scipy.special.betaln`` (the example's output is SciPy's).

Args:
    a: the input array.
    b: the second array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.betaln(np.array([1.0, 2.0]), np.array([2.0, 3.0])))
    [-0.69314718 -2.48490665]
"""

DOCS['scipy.special.xlogy'] = """x * log(y), 0 where x == 0 (even for y == 0).  Derivatives: log(y) in x,
x / y in y (0 where x == 0, where JAX's custom rule gives NaN at y == 0).

This is ``scipy.special.xlogy`` (the example's output is SciPy's).

Args:
    x: the input array.
    y: ``y`` (JAX's / the Array API's; ``scipy.special.xlogy`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.xlogy(np.array([0.0, 2.0]), np.array([0.0, 3.0])))
    [0.         2.19722458]
"""

DOCS['scipy.special.xlog1py'] = """x * log1p(y), 0 where x == 0 (even for y == -1); derivatives as xlogy's.

This is ``scipy.special.xlog1py`` (the example's output is SciPy's).

Args:
    x: the input array.
    y: ``y`` (JAX's / the Array API's; ``scipy.special.xlog1py`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.xlog1py(np.array([0.0, 2.0]), np.array([-1.0, 2.0])))
    [0.         2.19722458]
"""

DOCS['scipy.special.expit'] = """The logistic sigmoid 1 / (1 + exp(-x)), exact for any x.

This is ``scipy.special.expit`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.expit(np.array([0.0, 2.0])))
    [0.5        0.88079708]
"""

DOCS['scipy.special.logit'] = """log(p / (1 - p)), written log(p) - log1p(-p).

This is ``scipy.special.logit`` (the example's output is SciPy's).

Args:
    p: ``p`` (JAX's / the Array API's; ``scipy.special.logit`` has none).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.logit(np.array([0.5, 0.9])))
    [0.         2.19722458]
"""

DOCS['scipy.special.log_expit'] = """log(expit(x)) = -softplus(-x), exact for any x.

This is ``scipy.special.log_expit`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.log_expit(np.array([-1000.0, 0.0])))
    [-1.00000000e+03 -6.93147181e-01]
"""

DOCS['scipy.special.logsumexp'] = """log(sum(b * exp(a), axis)), stable for any magnitudes (as
jax.scipy.special.logsumexp): ``b`` (broadcast against ``a``) weights the
terms and may be negative; with ``return_sign=True`` the result is
``(log|s|, sign(s))``, else the log of a negative sum is NaN.  One
implementation serves this name and ``functorch_lite.nn.logsumexp``.

This is ``scipy.special.logsumexp`` (the example's output is SciPy's).

Args:
    a: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).
    b: the second array.
    keepdims: keep reduced axes with size 1.
    return_sign: as ``scipy.special.logsumexp``'s ``return_sign``.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.logsumexp(np.array([1.0, 2.0, 3.0])))
    3.40760596444438
"""

DOCS['scipy.special.softmax'] = """exp(x) / sum(exp(x), axis); ``axis=None`` is every axis (scipy's default).

This is ``scipy.special.softmax`` (the example's output is SciPy's).

Args:
    x: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.softmax(np.array([1.0, 2.0, 3.0])))
    [0.09003057 0.24472847 0.66524096]
"""

DOCS['scipy.special.log_softmax'] = """x - logsumexp(x, axis, keepdims=True); ``axis=None`` is every axis.

This is ``scipy.special.log_softmax`` (the example's output is SciPy's).

Args:
    x: the input array.
    axis: the axis (None: the flattened array, where NumPy allows it).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.log_softmax(np.array([1.0, 2.0, 3.0])))
    [-2.40760596 -1.40760596 -0.40760596]
"""

DOCS['scipy.special.entr'] = """-x log(x) for x > 0, 0 at 0, -inf for x < 0 (as scipy).

This is ``scipy.special.entr`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.entr(np.array([0.0, 0.5, 1.0])))
    [ 0.          0.34657359 -0.        ]
"""

DOCS['scipy.special.i0e'] = """The exponentially scaled modified Bessel function of order 0, ``exp(-|x|) I0(x)``.

This is ``scipy.special.i0e`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.i0e(np.array([0.0, 1.0])))
    [1.         0.46575961]
"""

DOCS['scipy.special.i1e'] = """The exponentially scaled modified Bessel function of order 1, ``exp(-|x|) I1(x)``.

This is ``scipy.special.i1e`` (the example's output is SciPy's).

Args:
    x: the input array.

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.i1e(np.array([0.0, 1.0])))
    [0.         0.20791042]
"""

DOCS['scipy.special.zeta'] = """The Hurwitz zeta function sum_n (n + q)^-x.  Differentiable in q only (as
JAX); ``q=None`` is Riemann's zeta (q = 1), as scipy.

This is ``scipy.special.zeta`` (the example's output is SciPy's).

Args:
    x: the input array.
    q: the quantile(s) / percentile(s).

Returns:
    An array (a tracer under a transform); see the summary.

Differs from SciPy: as the summary says, otherwise nothing in the arguments listed
or the results.

Example:
    >>> import numpy as np
    >>> from functorch_lite.scipy import special
    >>> print(special.zeta(np.array([2.0, 4.0]), 1.0))
    [1.64493407 1.08232323]
"""

DOCS['scipy.special.gammainc'] = """The regularized lower incomplete gamma function P(a, x).  Differentiable in
x only (JAX also differentiates in a).

This is ``scipy.special.gammainc`` (the example's output is SciPy's).

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
    >>> print(special.gammainc(np.array([1.0, 2.0]), np.array([1.0, 1.0])))
    [0.63212056 0.26424112]
"""
