"""``functorch_lite.implicit``: fixed points and roots with gradients from the
implicit function theorem (no unrolling), plus the lax-level pieces they are
built on (``custom_root``, ``custom_linear_solve``, ``closure_convert``,
re-exported from ``functorch_lite.control.implicit``).  See docs/scientific.md."""
import numpy as np

from . import lax
from . import numpy as jnp
from .control.implicit import closure_convert, custom_linear_solve, custom_root
from .core import tree_util as tu

__all__ = ["fixed_point", "autograd_fixed_point", "custom_root", "custom_linear_solve",
           "closure_convert"]


def _maxabs(tree):
    ls = tu.tree_leaves(tree)
    return jnp.max(jnp.stack([jnp.max(jnp.abs(x)).astype(np.float64) for x in ls]))


def _sub(a, b):
    return tu.tree_map(lambda x, y: x - y, a, b)


def _iterate(step, x0, tol, max_iter, distance=None):
    """``x = step(x)`` until the largest change is <= tol * (1 + max|x|) (or,
    given ``distance``, until ``distance(x_new, x) <= tol``) or ``max_iter``
    steps, as a while_loop (so it traces under jit)."""
    def cond(c):
        i, x, dx = c
        lim = tol if distance is not None else tol * (1 + _maxabs(x))
        return (i < max_iter) & (dx > lim)

    def body(c):
        i, x, _ = c
        xn = step(x)
        d = _maxabs(_sub(xn, x)) if distance is None else \
            jnp.max(jnp.asarray(distance(xn, x))).astype(np.float64)
        return i + 1, xn, d
    leaf = tu.tree_leaves(x0)[0]   # the counters live on x0's backend
    inf = jnp.full_like(leaf, np.inf, dtype=np.float64, shape=())
    return lax.while_loop(cond, body, (jnp.zeros_like(leaf, dtype=np.int32, shape=()), x0,
                                       inf))[1]


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


def autograd_fixed_point(f, a, x0, distance, tol, max_iter=100000):
    """HIPS autograd's ``fixed_point(f, a, x0, distance, tol)``
    (``autograd.misc.fixed_points``): iterate ``x = f(a)(x)`` from ``x0`` while
    ``distance(x, x_prev) > tol``; the gradient with respect to ``a`` comes
    from the implicit function theorem, its adjoint iterated to the same
    ``distance``/``tol`` rule.  Differs from autograd: the loop is a
    ``while_loop`` (jit-able) capped at ``max_iter`` steps."""
    if not callable(f) or not callable(distance):
        raise TypeError("autograd_fixed_point: f (a -> (x -> next x)) and distance "
                        "(x, y -> number) must be functions")
    x0 = tu.tree_map(jnp.asarray, x0)

    def g(x):
        return _sub(f(a)(x), x)

    def solve(g_, x):
        return _iterate(lambda y: tu.tree_map(lambda p, q: p + q, y, g_(y)), x, tol,
                        max_iter, distance)

    def tangent_solve(vecmat, x_bar):
        start = tu.tree_map(lambda v: -v, x_bar)
        return _iterate(lambda lam: tu.tree_map(lambda v, l_, xb: v + l_ - xb,
                                                vecmat(lam), lam, x_bar),
                        start, tol, max_iter, distance)
    return custom_root(g, x0, solve, tangent_solve)