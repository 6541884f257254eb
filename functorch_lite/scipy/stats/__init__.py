"""functorch_lite.scipy.stats: log-densities, densities and CDFs of scipy.stats'
distributions as functions of arrays (as jax.scipy.stats): one module per
distribution, each function differentiable (to any order), vmappable and
jit-able.  Parameters broadcast against the argument; loc/scale where scipy
has them.  See docs/scipy.md for what differs from JAX and SciPy."""
from . import (norm, t, beta, gamma, poisson, bernoulli, dirichlet,  # noqa: F401
               multivariate_normal)

__all__ = ["norm", "t", "beta", "gamma", "poisson", "bernoulli", "dirichlet",
           "multivariate_normal"]
