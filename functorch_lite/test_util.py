"""check_grads: derivatives against central finite differences, any order.

Forward mode compares jvp(f)(x; v) with (f(x+eps v) - f(x-eps v)) / 2eps.
Reverse mode checks <u, J v> (numerical) against <vjp(u), v>.  Order n checks
the derivative functions themselves, recursively, so second derivatives of
every rule (which are written with primitives) are exercised too.

Complex inputs and outputs (JAX's convention): tangents and cotangents are
complex where the value is, and the pairing is Re(sum(a * b)), the one for
which a vjp is the transpose of the jvp with no conjugation.
"""
import numpy as np

from .core import dtypes
from .core import tree_util as tu
from .transforms import reverse as _reverse
from .transforms.api import jvp, vjp

_DEFAULT_EPS = {np.dtype(np.float64): 1e-4, np.dtype(np.float32): 1e-2,
                np.dtype(np.float16): 1e-1, np.dtype(np.complex128): 1e-4,
                np.dtype(np.complex64): 1e-2}
_DEFAULT_TOL = {np.dtype(np.float64): 1e-5, np.dtype(np.float32): 2e-2,
                np.dtype(np.float16): 1e-1, np.dtype(np.complex128): 1e-5,
                np.dtype(np.complex64): 2e-2}


def _wide(x):
    x = np.asarray(x)
    return x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)


def _inner(xs, ys):
    return sum(float(np.real(np.sum(_wide(x) * _wide(y)))) for x, y in zip(xs, ys))


def _rand_like(rng, x):
    x = np.asarray(x)
    if x.dtype.kind == "c":
        return (rng.standard_normal(x.shape) + 1j * rng.standard_normal(x.shape)).astype(x.dtype)
    return rng.standard_normal(x.shape).astype(x.dtype)


def _leaves(out):
    return [np.asarray(o) for o in tu.tree_leaves(out)]


def _assert_close(a, b, tol, what):
    a, b = _wide(a), _wide(b)
    if not np.allclose(a, b, rtol=tol, atol=tol):
        err = np.max(np.abs(a - b)) if a.size else 0.0
        raise AssertionError(f"{what}: mismatch (max abs err {err:.3g}, tol {tol:g})\n"
                             f"  analytic: {a!r}\n  numeric:  {b!r}")


def _numeric_jvp(f, args, tangents, eps):
    plus = [a + eps * t for a, t in zip(args, tangents)]
    minus = [a - eps * t for a, t in zip(args, tangents)]
    fp, fm = _leaves(f(*plus)), _leaves(f(*minus))
    return [(_wide(p) - _wide(m)) / (2 * eps) for p, m in zip(fp, fm)]


def check_jvp(f, args, eps, tol, rng):
    tangents = [_rand_like(rng, a) for a in args]
    _, t_out = jvp(f, tuple(args), tuple(tangents))
    num = _numeric_jvp(f, args, tangents, eps)
    for k, (a, n) in enumerate(zip(_leaves(t_out), num)):
        _assert_close(a, n, tol, f"jvp of output {k}")
    return tangents


def check_vjp(f, args, eps, tol, rng):
    out, vjp_fn = vjp(f, *args)
    u = tu.tree_map(lambda o: _rand_like(rng, o), out)
    ct_in = vjp_fn(u)
    v = [_rand_like(rng, a) for a in args]
    lhs = _inner(_leaves(ct_in), v)
    rhs = _inner(_leaves(u), _numeric_jvp(f, args, v, eps))
    _assert_close(lhs, rhs, tol * max(1.0, abs(rhs)), "vjp (<ct_in, v> vs <u, J v>)")
    # again with the primitives' own vjp rules, which jit and higher orders run
    # (a first-order eager pass may use a primitive's host rule instead)
    saved, _reverse.host_rules = _reverse.host_rules, False
    try:
        lhs = _inner(_leaves(vjp(f, *args)[1](u)), v)
    finally:
        _reverse.host_rules = saved
    _assert_close(lhs, rhs, tol * max(1.0, abs(rhs)), "vjp by the primitives' rules")
    return u


def check_grads(f, args, order=2, modes=("fwd", "rev"), eps=None, atol=None, rtol=None,
                seed=0):
    """Raise AssertionError if f's derivatives up to ``order`` disagree with
    central finite differences.  ``args`` is a tuple of float or complex arrays
    (complex: derivatives in JAX's convention, see the module doc)."""
    # in 32-bit mode a Python float argument is float32, as the function sees it
    args = [dtypes.canonicalize_value(np.asarray(a)) for a in args]
    dt = np.result_type(*[a.dtype for a in args])
    if dt.kind not in "fc":
        raise TypeError(f"check_grads needs floating-point or complex arguments, got {dt}")
    eps = _DEFAULT_EPS.get(dt, 1e-4) if eps is None else eps
    tol = _DEFAULT_TOL.get(dt, 1e-5) if atol is None and rtol is None else max(
        atol or 0.0, rtol or 0.0)
    rng = np.random.default_rng(seed)
    for mode in modes:
        if mode not in ("fwd", "rev"):
            raise ValueError(f"check_grads: unknown mode {mode!r}; use 'fwd' and/or 'rev'")
        if mode == "fwd":
            v = check_jvp(f, args, eps, tol, rng)
            if order > 1:
                def f_jvp(*xs, _v=tuple(v)):
                    return jvp(f, xs, _v)[1]
                check_grads(f_jvp, args, order - 1, ("fwd", "rev"), eps, atol, rtol, seed + 1)
        else:
            u = check_vjp(f, args, eps, tol, rng)
            if order > 1:
                def f_vjp(*xs, _u=u):
                    return vjp(f, *xs)[1](_u)
                check_grads(f_vjp, args, order - 1, ("rev",), eps, atol, rtol, seed + 1)
