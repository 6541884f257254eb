"""``functorch_lite.implicit``: fixed points and roots with gradients from the
implicit function theorem (no unrolling), plus the lax-level pieces they are
built on (``custom_root``, ``custom_linear_solve``, ``closure_convert``,
re-exported from ``functorch_lite.control.implicit``).  See docs/scientific.md."""
import numpy as np

from . import lax
from . import numpy as jnp
from .control.implicit import closure_convert, custom_linear_solve, custom_root
from .core import tree_util as tu

__all__ = ["fixed_point", "custom_root", "custom_linear_solve", "closure_convert"]


def _maxabs(tree):
    ls = tu.tree_leaves(tree)
    return jnp.max(jnp.stack([jnp.max(jnp.abs(x)).astype(np.float64) for x in ls]))


def _sub(a, b):
    return tu.tree_map(lambda x, y: x - y, a, b)


def _iterate(step, x0, tol, max_iter):
    """``x = step(x)`` until the largest change is <= tol * (1 + max|x|) or
    ``max_iter`` steps, as a while_loop (so it traces under jit)."""
    def cond(c):
        i, x, dx = c
        return (i < max_iter) & (dx > tol * (1 + _maxabs(x)))

    def body(c):
        i, x, _ = c
        xn = step(x)
        return i + 1, xn, _maxabs(_sub(xn, x))
    inf = jnp.asarray(np.inf, dtype=np.float64)
    return lax.while_loop(cond, body, (jnp.asarray(0, dtype=np.int32), x0, inf))[1]


def fixed_point(f, x0, params, tol=1e-10, max_iter=1000):
    """The fixed point ``x = f(x, params)`` reached by iterating from ``x0``
    (until the change is <= ``tol * (1 + max|x|)`` or ``max_iter`` steps),
    differentiable with respect to ``params`` (any pytree, and anything ``f``
    closes over) by the implicit function theorem: the backward pass iterates
    ``lam = x_bar + (df/dx)^T lam`` to the same tolerance and returns
    ``(df/dparams)^T lam``, so memory does not grow with the iterations.
    ``f`` must be a contraction near the fixed point (as for the forward
    iteration).  ``x0`` gets no gradient.  The function the JAX docs build as
    an example of ``custom_vjp``; JAX itself has no public fixed_point."""
    if not callable(f):
        raise TypeError(f"fixed_point: f must be a function f(x, params), got "
                        f"{type(f).__name__}")
    if max_iter < 1:
        raise ValueError(f"fixed_point: max_iter must be >= 1, got {max_iter}")

    def g(x):
        return _sub(f(x, params), x)

    def solve(g_, x):
        return _iterate(lambda y: tu.tree_map(lambda a, b: a + b, y, g_(y)), x, tol,
                        max_iter)

    def tangent_solve(vecmat, x_bar):
        # (J^T - I) lam = x_bar  <=>  lam = J^T lam - x_bar, i.e. lam <- vecmat(lam) + lam - x_bar
        start = tu.tree_map(lambda v: -v, x_bar)
        return _iterate(lambda lam: tu.tree_map(lambda v, l_, xb: v + l_ - xb,
                                                vecmat(lam), lam, x_bar),
                        start, tol, max_iter)
    return custom_root(g, x0, solve, tangent_solve)
