"""functorch_lite.random: JAX's ``jax.random`` with JAX's numbers (threefry2x32).

    import functorch_lite as fl
    key = fl.random.PRNGKey(0)
    k1, k2 = fl.random.split(key)
    x = fl.random.normal(k1, (3, 4))

Keys are raw uint32 arrays of shape (2,) (JAX's ``PRNGKey`` form), so they go
through ``jit``, ``vmap`` and ``scan`` like any array.  See docs/random.md.
"""
from ._keys import key, PRNGKey, split, fold_in, bits, key_data, wrap_key_data
from ._samplers import (uniform, normal, truncated_normal, bernoulli, categorical, randint,
                        permutation, choice, gumbel, exponential, multivariate_normal,
                        laplace, logistic)
from ._gamma import gamma, loggamma, beta, dirichlet, poisson

__all__ = ["key", "PRNGKey", "split", "fold_in", "bits", "key_data", "wrap_key_data",
           "uniform", "normal", "truncated_normal", "bernoulli", "categorical", "randint",
           "permutation", "choice", "gumbel", "exponential", "gamma", "loggamma", "beta",
           "dirichlet", "multivariate_normal", "laplace", "logistic", "poisson"]

from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)
from ._docs2 import DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
