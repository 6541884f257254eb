"""Full docstrings of the rest of ``fl.random`` (``random/__init__.py`` assigns
them at import).  The Examples' outputs were compared with JAX's (64-bit mode)
when written: equal where the docstring says bit for bit."""

_KEY = "    key: a PRNG key (``PRNGKey``/``split``); never reuse one for two draws."
_SHAPE = "    shape: the result's shape (default ``()``; None: the parameters' broadcast shape)."
_DT = "    dtype: a float dtype (default float64; float32 in 32-bit mode)."
_BIT = "Differs from JAX: nothing in arguments or results (bit for bit JAX's draws)."
_FORMULA = ("Differs from JAX: nothing in arguments; JAX's formula over JAX's bits, so the\n"
            "draws agree to rounding.")
_DIST = ("Differs from JAX: JAX's distribution, not its values: the rejection\n"
         "sampler runs in vectorised rounds, so the draws differ (docs/random.md).")
_IMP = ("    >>> import numpy as np\n    >>> import functorch_lite as fl\n"
        "    >>> key = fl.random.PRNGKey(0)")


def _doc(summary, args, returns, differs, example):
    return (f"{summary}\n\nArgs:\n{args}\n\nReturns:\n    {returns}\n\n{differs}\n\n"
            f"Example:\n{_IMP}\n{example}\n")


def _ex(call, out):
    return f"    >>> print({call})\n    {out}"


DOCS = {
    "random.bits": _doc("Random unsigned integers filling all their bits (``jax.random.bits``).",
                 f"{_KEY}\n{_SHAPE}\n    dtype: uint8/16/32/64 (default uint64, as JAX in 64-bit mode).",
                 "An unsigned integer array of ``shape``.", _BIT,
                 _ex("fl.random.bits(key, (2,), dtype=np.uint32)", "[4070199207 4202968722]")),
    "random.key_data": _doc("The raw ``uint32`` data of a key (``jax.random.key_data``).",
                     "    keys: a key or an array of keys.",
                     "The same array: keys are raw ``uint32[..., 2]`` arrays here.",
                     "Differs from JAX: there are no typed keys, so this is the identity.",
                     "    >>> fl.random.key_data(key)\n    Array([0, 0], dtype=uint32)"),
    "random.wrap_key_data": _doc("A key from raw ``uint32`` data (``jax.random.wrap_key_data``).",
                          "    key_bits_array: a ``uint32[..., 2]`` array.\n"
                          "    impl: None or ``\"threefry2x32\"``.",
                          "The same array, checked to be ``uint32[..., 2]`` (else TypeError).",
                          "Differs from JAX: there are no typed keys, so this returns its input.",
                          "    >>> fl.random.wrap_key_data(np.array([0, 42], np.uint32))\n"
                          "    Array([ 0, 42], dtype=uint32)"),
    "random.truncated_normal": _doc(
        "Normal floats truncated to ``(lower, upper)`` (``jax.random.truncated_normal``),\n"
        "by JAX's inverse-CDF algorithm.",
        f"{_KEY}\n    lower: the lower bound (broadcastable).\n    upper: the upper bound.\n{_SHAPE}\n{_DT}",
        "An array of ``shape``; differentiable in ``lower`` and ``upper``.", _FORMULA,
        _ex("fl.random.truncated_normal(key, -1.0, 1.0, (3,))", "[-0.13999612 -0.50631466  0.90652156]")),
    "random.bernoulli": _doc(
        "Booleans that are True with probability ``p`` (``jax.random.bernoulli``):\n"
        "``uniform(key, shape, p.dtype) < p``.",
        f"{_KEY}\n    p: the probability (broadcastable; a Python float is float64).\n{_SHAPE}",
        "A bool array of ``shape``.", _BIT,
        _ex("fl.random.bernoulli(key, 0.5, (5,))", "[ True  True False False False]")),
    "random.categorical": _doc(
        "Category indices drawn with probabilities ``softmax(logits)``\n"
        "(``jax.random.categorical``), by the Gumbel-max trick.",
        f"{_KEY}\n    logits: unnormalised log-probabilities.\n"
        "    axis: the category axis (default -1).\n    shape: the result's shape (default:\n"
        "        the logits' shape without ``axis``).",
        "An int64 array of indices.", _BIT,
        _ex("fl.random.categorical(key, np.log(np.array([0.1, 0.2, 0.7])), shape=(5,))", "[2 2 2 1 1]")),
    "random.permutation": _doc(
        "A random permutation (``jax.random.permutation``), sorting by random\n32-bit keys.",
        f"{_KEY}\n    x: an int n (permute ``arange(n)``) or an array (permuted along ``axis``).\n"
        "    axis: the axis to permute (default 0).\n"
        "    independent: permute each slice along ``axis`` independently.",
        "The permuted array.", _BIT,
        _ex("fl.random.permutation(key, 5)", "[0 1 4 3 2]")),
    "random.choice": _doc(
        "Random draws from ``a`` (``jax.random.choice``).",
        f"{_KEY}\n    a: an int n (draw from ``arange(n)``) or an array (draw along ``axis``).\n"
        "    shape: how many draws, as a shape (default ``()``).\n"
        "    replace: draw with replacement (default True).\n"
        "    p: probabilities, one per entry (default uniform).\n    axis: the axis of ``a``.",
        "An array of the draws.",
        "Differs from JAX: bit for bit JAX's, except ``p`` without replacement,\n"
        "which breaks top-k ties differently.",
        _ex("fl.random.choice(key, 5, (3,), replace=False)", "[0 1 4]")),
    "random.gumbel": _doc("Standard Gumbel floats ``-log(-log(u))`` (``jax.random.gumbel``).",
                   f"{_KEY}\n{_SHAPE}\n{_DT}", "An array of ``shape``.", _FORMULA,
                   _ex("fl.random.gumbel(key, (3,))", "[ 0.13790566 -0.42599294  3.34403911]")),
    "random.exponential": _doc("Standard exponential floats ``-log1p(-u)`` (``jax.random.exponential``).",
                        f"{_KEY}\n{_SHAPE}\n{_DT}", "An array of ``shape``.", _FORMULA,
                        _ex("fl.random.exponential(key, (3,))", "[0.54207056 0.24372319 3.36163426]")),
    "random.laplace": _doc("Standard Laplace floats (``jax.random.laplace``).",
                    f"{_KEY}\n{_SHAPE}\n{_DT}", "An array of ``shape``.", _FORMULA,
                    _ex("fl.random.laplace(key, (3,))", "[ 0.17803369  0.83796278 -2.66848708]")),
    "random.logistic": _doc("Standard logistic floats ``log(u / (1 - u))`` (``jax.random.logistic``).",
                     f"{_KEY}\n{_SHAPE}\n{_DT}", "An array of ``shape``.", _FORMULA,
                     _ex("fl.random.logistic(key, (3,))", "[-0.32911032 -1.28738678  3.32634015]")),
    "random.gamma": _doc(
        "Gamma(a, 1) floats (``jax.random.gamma``; Marsaglia-Tsang).",
        f"{_KEY}\n    a: the shape parameter (> 0, broadcastable).\n{_SHAPE}\n{_DT}",
        "An array; differentiable in ``a`` (JAX's implicit reparameterisation).", _DIST,
        _ex("fl.random.gamma(key, 2.0, (3,))", "[5.46258215 1.11941319 2.26261181]")),
    "random.loggamma": _doc(
        "The log of Gamma(a, 1) samples (``jax.random.loggamma``), accurate for\n"
        "small ``a`` where the sample itself underflows.",
        f"{_KEY}\n    a: the shape parameter (> 0).\n{_SHAPE}\n{_DT}",
        "An array; differentiable in ``a``.", _DIST,
        _ex("fl.random.loggamma(key, 2.0, (3,))", "[1.6979216  0.11280461 0.81651982]")),
    "random.beta": _doc(
        "Beta(a, b) floats (``jax.random.beta``): ``Ga / (Ga + Gb)`` of two gamma\n"
        "samples, in log space.",
        f"{_KEY}\n    a: the first shape parameter.\n    b: the second.\n{_SHAPE}\n{_DT}",
        "An array in (0, 1); differentiable in ``a`` and ``b``.", _DIST,
        _ex("fl.random.beta(key, 2.0, 3.0, (3,))", "[0.20825039 0.78162249 0.51930861]")),
    "random.dirichlet": _doc(
        "Dirichlet(alpha) vectors along the last axis (``jax.random.dirichlet``):\n"
        "normalised gamma samples.",
        f"{_KEY}\n    alpha: the concentrations (last axis: the categories).\n"
        "    shape: the batch shape (default alpha's without its last axis).\n{_DT}",
        "An array of ``shape + alpha.shape[-1:]`` summing to 1 along the last\n"
        "    axis; differentiable in ``alpha``.", _DIST,
        _ex("fl.random.dirichlet(key, np.array([1.0, 2.0, 3.0]))", "[0.44866643 0.13643098 0.4149026 ]")),
    "random.multivariate_normal": _doc(
        "Multivariate normal samples ``mean + factor @ normal``\n(``jax.random.multivariate_normal``).",
        f"{_KEY}\n    mean: the mean, shape ``(..., n)``.\n    cov: the covariance, ``(..., n, n)``.\n"
        "    shape: the batch shape (default: mean's and cov's broadcast batch).\n{_DT}\n"
        "    method: ``\"cholesky\"`` (default), ``\"eigh\"`` or ``\"svd\"``: how the factor is made.",
        "An array of ``shape + (n,)``; differentiable in ``mean`` and ``cov``.", _FORMULA,
        _ex("fl.random.multivariate_normal(key, np.zeros(2), np.eye(2))", "[-0.20584214 -0.78476578]")),
    "random.poisson": _doc(
        "Poisson(lam) integers (``jax.random.poisson``): Knuth's method for lam < 10,\n"
        "Hörmann's transformed rejection above.",
        f"{_KEY}\n    lam: the rate (broadcastable).\n{_SHAPE}\n"
        "    dtype: an integer dtype (default int64).",
        "An integer array; ``lam`` is not differentiated (as JAX).", _DIST,
        _ex("fl.random.poisson(key, 3.0, (5,))", "[0 3 5 0 3]")),
}
