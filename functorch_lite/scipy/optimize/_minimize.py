"""``minimize(fun, x0, args=(), method="BFGS" | "L-BFGS-B", ...)``: SciPy's
quasi-Newton minimizers driven by ``value_and_grad`` (no ``jac`` to write).

The per-iteration arithmetic (the gradient, BFGS's inverse-Hessian update,
L-BFGS's two-loop recursion) runs as jitted functions; the line search and
the convergence tests run in Python on scalars read back from them, as
SciPy's do.  BFGS follows SciPy's algorithm (strong Wolfe line search with
SciPy's first-step guess, unscaled identity start, the same stopping rules
and messages); L-BFGS-B is a projected L-BFGS (two-loop direction on the
free variables, a projected backtracking search along it when bounds are
active), not Byrd-Lu-Nocedal's Cauchy-point method, so its iterates and
``nit`` differ from SciPy's Fortran code while its minimizer and stopping
rules (projected-gradient ``gtol``, relative-reduction ``ftol``) match.
"""
import math

import numpy as np

from ... import numpy as jnp
from ...transforms.api import value_and_grad
from ...transforms.jit import jit
from ._linesearch import line_search_wolfe
from ._result import OptimizeResult

__all__ = ["minimize", "LbfgsInvHessProduct"]

_MSG = {"ok": "Optimization terminated successfully.",
        "maxiter": "Maximum number of iterations has been exceeded.",
        "loss": "Desired error not necessarily achieved due to precision loss.",
        "nan": "NaN result encountered."}


def _value_and_grad(fun, args, use_jit):
    vg = value_and_grad(lambda x, *a: fun(x, *a))
    vg = jit(vg) if use_jit else vg
    count = [0]

    def call(x):
        count[0] += 1
        f, g = vg(x, *args)
        if getattr(f, "shape", ()) != ():
            raise TypeError(f"minimize: fun must return a scalar, got shape {f.shape}")
        return float(f), g
    return call, count


@jit
def _bfgs_update(H, s, y):
    ys = jnp.dot(y, s)
    rho = jnp.where(ys == 0, 1000.0, 1.0 / jnp.where(ys == 0, 1.0, ys)).astype(H.dtype)
    n = H.shape[0]
    eye = jnp.eye(n, dtype=H.dtype)
    A1 = eye - rho * jnp.outer(s, y)
    A2 = eye - rho * jnp.outer(y, s)
    return A1 @ (H @ A2) + rho * jnp.outer(s, s)


@jit
def _matvec(H, g):
    return -(H @ g)


def _bfgs(fvg, x0, gtol, maxiter, norm, callback, nfev):
    x = x0
    f, g = fvg(x)
    n = x.shape[0]
    H = jnp.eye(n, dtype=x.dtype)
    old_f = f + float(jnp.linalg.norm(g)) / 2

    def gnorm(g):
        return float(jnp.max(jnp.abs(g))) if norm == np.inf else \
            float(jnp.sum(jnp.abs(g) ** norm) ** (1.0 / norm))
    k, status = 0, "ok"
    gn = gnorm(g)
    while gn > gtol and k < maxiter:
        p = _matvec(H, g)
        d0 = float(jnp.dot(g, p))
        alpha1 = 1.0
        if d0 != 0:
            alpha1 = min(1.0, 1.01 * 2 * (f - old_f) / d0)
            if alpha1 <= 0 or not math.isfinite(alpha1):
                alpha1 = 1.0

        def phi(a, x=x, p=p):
            fa, ga = fvg(x + a * p)
            return fa, float(jnp.dot(ga, p)), ga
        ls = line_search_wolfe(phi, f, d0, alpha1)
        if ls is None:
            status = "loss"
            break
        alpha, fn, gn_vec = ls
        s = alpha * p
        x_new = x + s
        y = gn_vec - g
        old_f, f, x, g = f, fn, x_new, gn_vec
        k += 1
        if callback is not None:
            callback(np.asarray(x) if isinstance(x, np.ndarray) else x)
        gn = gnorm(g)
        if gn <= gtol:
            break
        if not math.isfinite(f):
            status = "loss"
            break
        H = _bfgs_update(H, s, y)
    else:
        if gn > gtol:
            status = "maxiter"
    if status == "ok" and (not math.isfinite(f) or not math.isfinite(gn)):
        status = "nan"
    code = {"ok": 0, "maxiter": 1, "loss": 2, "nan": 3}[status]
    return OptimizeResult(x=x, fun=f, jac=g, hess_inv=H, nit=k, nfev=nfev[0], njev=nfev[0],
                          status=code, success=code == 0, message=_MSG[status])


@jit
def _two_loop(g, S, Y, mask):
    m = S.shape[0]
    ys = jnp.sum(S * Y, axis=1)
    rho = jnp.where(mask > 0, 1.0 / jnp.where(mask > 0, ys, 1.0), 0.0).astype(g.dtype)
    q = g
    alphas = [None] * m
    for i in range(m - 1, -1, -1):
        alphas[i] = rho[i] * jnp.dot(S[i], q)
        q = q - alphas[i] * Y[i]
    yy = jnp.dot(Y[m - 1], Y[m - 1])
    gamma = jnp.where(mask[m - 1] > 0, ys[m - 1] / jnp.where(yy > 0, yy, 1.0), 1.0)
    r = gamma.astype(g.dtype) * q
    for i in range(m):
        b = rho[i] * jnp.dot(Y[i], r)
        r = r + S[i] * (alphas[i] - b)
    return -r


@jit
def _push(S, Y, mask, s, y):
    return (jnp.concatenate([S[1:], s[None]]), jnp.concatenate([Y[1:], y[None]]),
            jnp.concatenate([mask[1:], jnp.ones(1, dtype=mask.dtype)]))


class LbfgsInvHessProduct:
    """L-BFGS's inverse-Hessian approximation as a linear operator (SciPy's
    class of the name): ``H @ v`` / ``matvec(v)`` and ``todense()``."""

    def __init__(self, sk, yk):
        self.sk, self.yk = sk, yk
        n = sk.shape[1] if sk.ndim == 2 else 0
        self.shape = (n, n)
        self.dtype = sk.dtype

    def matvec(self, v):
        m = self.sk.shape[0]
        return -_two_loop(jnp.asarray(v), self.sk, self.yk, jnp.ones(m, dtype=self.sk.dtype))

    def __matmul__(self, v):
        v = jnp.asarray(v)
        if v.ndim == 1:
            return self.matvec(v)
        return jnp.stack([self.matvec(v[:, j]) for j in range(v.shape[1])], axis=1)

    def todense(self):
        return self @ jnp.eye(self.shape[0], dtype=self.dtype)


def _bounds_arrays(bounds, n, dtype):
    lo, hi = np.full(n, -np.inf), np.full(n, np.inf)
    if bounds is None:
        return lo.astype(dtype), hi.astype(dtype), False
    if hasattr(bounds, "lb") and hasattr(bounds, "ub"):   # scipy.optimize.Bounds
        lo = np.broadcast_to(np.asarray(bounds.lb, dtype=float), (n,)).copy()
        hi = np.broadcast_to(np.asarray(bounds.ub, dtype=float), (n,)).copy()
    else:
        bounds = list(bounds)
        if len(bounds) != n:
            raise ValueError(f"minimize: bounds has {len(bounds)} (lo, hi) pairs for "
                             f"{n} variables")
        for i, (a, b) in enumerate(bounds):
            lo[i] = -np.inf if a is None else a
            hi[i] = np.inf if b is None else b
    if np.any(lo > hi):
        raise ValueError("minimize: a lower bound is above its upper bound")
    return lo.astype(dtype), hi.astype(dtype), bool(np.isfinite(lo).any() or
                                                    np.isfinite(hi).any())


def _lbfgsb(fvg, x0, bounds, maxcor, ftol, gtol, maxiter, maxfun, callback, nfev):
    n, dt = x0.shape[0], x0.dtype
    lo_h, hi_h, bounded = _bounds_arrays(bounds, n, dt)
    lo, hi = jnp.asarray(lo_h), jnp.asarray(hi_h)
    x = jnp.clip(x0, lo, hi)
    f, g = fvg(x)
    S = jnp.zeros((maxcor, n), dtype=dt)
    Y = jnp.zeros((maxcor, n), dtype=dt)
    mask = jnp.zeros(maxcor, dtype=dt)
    k, status = 0, None
    while True:
        pg = x - jnp.clip(x - g, lo, hi)
        if float(jnp.max(jnp.abs(pg))) <= gtol:
            status = "pg"
            break
        if k >= maxiter:
            status = "maxiter"
            break
        if nfev[0] >= maxfun:
            status = "maxfun"
            break
        active = ((x <= lo) & (g > 0)) | ((x >= hi) & (g < 0))
        gf = jnp.where(active, 0.0, g)
        d = jnp.where(active, 0.0, _two_loop(gf, S, Y, mask))
        d0 = float(jnp.dot(g, d))
        if not d0 < 0:   # not a descent direction: restart from steepest descent
            S, Y, mask = S * 0, Y * 0, mask * 0
            d = -gf
            d0 = float(jnp.dot(g, d))
        a1 = 1.0 if k > 0 else min(1.0, 1.0 / max(float(jnp.linalg.norm(d)), 1e-300))
        if not bounded:
            def phi(a, x=x, d=d):
                fa, ga = fvg(x + a * d)
                return fa, float(jnp.dot(ga, d)), ga
            ls = line_search_wolfe(phi, f, d0, a1, maxiter=20)
            if ls is None:
                status = "ls"
                break
            a, fn, gn = ls
            xn = x + a * d
        else:
            a, ok = a1, False
            for _ in range(30):   # backtrack along the projected path
                xn = jnp.clip(x + a * d, lo, hi)
                fn, gn = fvg(xn)
                if math.isfinite(fn) and fn <= f + 1e-4 * float(jnp.dot(g, xn - x)):
                    ok = True
                    break
                a *= 0.5
            if not ok:
                status = "ls"
                break
        s, y = xn - x, gn - g
        if float(jnp.dot(s, y)) > np.finfo(dt).eps * float(jnp.dot(y, y)):
            S, Y, mask = _push(S, Y, mask, s, y)
        k += 1
        reduction = (f - fn) / max(abs(f), abs(fn), 1.0)
        x, f, g = xn, fn, gn
        if callback is not None:
            callback(x)
        if reduction <= ftol:
            status = "ftol"
            break
    msgs = {"pg": (0, "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL"),
            "ftol": (0, "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH"),
            "maxiter": (1, "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT"),
            "maxfun": (1, "STOP: TOTAL NO. OF f AND g EVALUATIONS EXCEEDS LIMIT"),
            "ls": (2, "ABNORMAL_TERMINATION_IN_LNSRCH")}
    code, msg = msgs[status]
    used = int(float(jnp.sum(mask)))
    hinv = LbfgsInvHessProduct(S[maxcor - used:], Y[maxcor - used:])
    return OptimizeResult(x=x, fun=f, jac=g, hess_inv=hinv, nit=k, nfev=nfev[0],
                          njev=nfev[0], status=code, success=code == 0, message=msg)




def minimize(fun, x0, args=(), method="BFGS", jac=None, bounds=None, tol=None,
             callback=None, options=None, jit=True):
    """Minimize ``fun(x, *args)`` over a 1-D ``x`` from ``x0``; returns an
    :class:`OptimizeResult` (``x``, ``fun``, ``jac``, ``hess_inv``, ``nit``,
    ``nfev``, ``njev``, ``status``, ``success``, ``message``).

    Args:
      fun: scalar function written with functorch_lite (differentiated by
        ``value_and_grad``; jitted unless ``jit=False``).
      x0: 1-D float array (float32 stays float32).
      method: ``"BFGS"`` or ``"L-BFGS-B"`` (case-insensitive).
      jac: only None or True (the gradient always comes from autodiff;
        SciPy's callable ``jac`` is refused rather than ignored).
      bounds: L-BFGS-B only: a sequence of ``(lo, hi)`` (None for unbounded)
        or a ``scipy.optimize.Bounds``.
      tol: sets ``gtol`` (BFGS) / ``ftol`` and ``gtol`` (L-BFGS-B), as SciPy.
      callback: ``callback(xk)`` after each iteration.
      options: BFGS: ``gtol`` (1e-5), ``maxiter`` (200 * n), ``norm`` (inf);
        L-BFGS-B: ``maxcor`` (10), ``ftol`` (2.22e-9), ``gtol`` (1e-5),
        ``maxiter`` (15000), ``maxfun`` (15000).  Other SciPy options that this
        implementation would silently ignore raise an error.

    As ``scipy.optimize.minimize`` and ``jax.scipy.optimize.minimize``
    (which has BFGS and, experimental, L-BFGS); ``nfev == njev`` since each
    evaluation gives both.
    """
    options = dict(options or {})
    if jac not in (None, True):
        raise TypeError("minimize: jac must be None or True; the gradient comes from "
                        "value_and_grad (drop the jac argument)")
    x0 = jnp.asarray(x0)
    if x0.ndim != 1:
        raise ValueError(f"minimize: x0 must be 1-D (ravel it, e.g. with "
                         f"flatten_util.ravel_pytree), got shape {x0.shape}")
    if np.dtype(x0.dtype).kind != "f":
        x0 = x0.astype(np.float64)
    if not isinstance(args, tuple):
        args = (args,)
    m = method.lower() if isinstance(method, str) else method
    fvg, nfev = _value_and_grad(fun, args, jit)
    if m == "bfgs":
        bad = set(options) - {"gtol", "maxiter", "norm", "disp"}
        if bad or bounds is not None:
            raise ValueError(f"minimize(method='BFGS'): unsupported "
                             f"{sorted(bad) or 'bounds'}; BFGS takes gtol, maxiter, norm")
        gtol = options.get("gtol", 1e-5 if tol is None else tol)
        return _bfgs(fvg, x0, gtol, options.get("maxiter", 200 * x0.shape[0]),
                     options.get("norm", np.inf), callback, nfev)
    if m == "l-bfgs-b":
        bad = set(options) - {"maxcor", "ftol", "gtol", "maxiter", "maxfun", "disp"}
        if bad:
            raise ValueError(f"minimize(method='L-BFGS-B'): unsupported options "
                             f"{sorted(bad)}; it takes maxcor, ftol, gtol, maxiter, maxfun")
        ftol = options.get("ftol", 2.220446049250313e-09 if tol is None else tol)
        gtol = options.get("gtol", 1e-5 if tol is None else tol)
        return _lbfgsb(fvg, x0, bounds, int(options.get("maxcor", 10)), ftol, gtol,
                       options.get("maxiter", 15000), options.get("maxfun", 15000),
                       callback, nfev)
    raise ValueError(f"minimize: method {method!r} is not implemented; use 'BFGS' or "
                     f"'L-BFGS-B'")
