"""``functorch_lite.ode``: ``odeint`` (as ``jax.experimental.ode.odeint``),
adaptive Dormand-Prince whose reverse mode is the adjoint method.

Reverse mode does not tape the solver's steps: the backward pass integrates
the state, its adjoint and the parameters' adjoints backwards in time from
the last output (restarting the state from each stored output), so memory
is the outputs plus one step's work however many steps the solve takes.
Forward mode (jvp, jacfwd) differentiates the solver's arithmetic.  See
docs/scientific.md.
"""
import numpy as np

from .. import numpy as jnp
from ..control.custom import custom_vjp
from ..control.implicit import closure_convert, vjp_leaves
from ..core import tree_util as tu
from ..flatten_util import ravel_pytree
from ._dopri import integrate

__all__ = ["odeint", "scipy_odeint"]


def _float(x):
    return np.dtype(jnp.asarray(x).dtype).kind in "fc"


def odeint(func, y0, t, *args, rtol=1.4e-8, atol=1.4e-8, mxstep=np.inf, hmax=np.inf,
           adjoint=True):
    """Integrate ``dy/dt = func(y, t, *args)`` from ``y0`` at ``t[0]``; returns
    ``y`` at every time of ``t`` (stacked on a new leading axis of each leaf).

    Args:
      func: ``func(y, t, *args)`` -> a pytree like ``y``; it may close over
        arrays, traced ones included (their gradients are computed too).
      y0: the initial state, any pytree of float arrays.
      t: 1-D array of strictly increasing times, ``t[0]`` the initial time.
      *args: extra arguments of ``func``, differentiable (float leaves).
      rtol, atol: the error tolerances of the step-size control.
      mxstep: the most steps per interval of ``t``; beyond it that output is inf.
      hmax: the largest step.
      adjoint: True (default) differentiates in reverse mode by the adjoint
        method (memory independent of the number of steps); False lets
        reverse mode tape the solver's steps (memory grows with them; the
        gradient of the discrete solve, for comparison).

    Differs from JAX: the solver stops exactly at each time of ``t`` rather
    than interpolating, so values agree with JAX's to the tolerance, not
    bit for bit; forward mode is supported (JAX's odeint has only reverse).
    """
    if not callable(func):
        raise TypeError(f"odeint: func must be a function func(y, t, *args), got "
                        f"{type(func).__name__}")
    t = jnp.asarray(t)
    if t.ndim != 1 or t.shape[0] < 1:
        raise ValueError(f"odeint: t must be a 1-D array of times, got shape {t.shape}")
    if not _float(t):
        t = t.astype(np.float64)
    y0f, unravel = ravel_pytree(y0)
    if not _float(y0f):
        raise TypeError(f"odeint: y0 must hold floating-point arrays, got {y0f.dtype}")
    for i, a in enumerate(tu.tree_leaves(args)):
        if not hasattr(a, "shape") and not isinstance(a, (int, float, complex)):
            raise TypeError(f"odeint: args[{i}] is {type(a).__name__}; pass arrays or "
                            f"numbers (close over anything else in func)")
    a_leaves, a_tree = tu.tree_flatten(args)
    # Python numbers become arrays on y0's backend; a float takes y0's dtype (as
    # a weakly typed scalar would: float32 dynamics stay float32)
    a_leaves = [jnp.full_like(y0f, a, shape=(), dtype=y0f.dtype if isinstance(a, float)
                              else np.result_type(a))
                if isinstance(a, (bool, int, float, complex)) else jnp.asarray(a)
                for a in a_leaves]

    def flat_func(yf, tt, *al):
        out = func(unravel(yf), tt, *tu.tree_unflatten(a_tree, al))
        of, _ = ravel_pytree(out)
        if of.shape != yf.shape:
            raise ValueError(f"odeint: func returned {of.shape[0]} numbers for a state of "
                             f"{yf.shape[0]}; it must return a pytree like y")
        return of.astype(yf.dtype)
    fc, consts = closure_convert(flat_func, y0f, t[0], *a_leaves)
    params = list(a_leaves) + list(consts)
    na = len(a_leaves)

    def f(y, tt, ps):
        return fc(y, tt, *ps[:na], *ps[na:])

    def solve(y0f, t, *ps):
        ys, _ = integrate(lambda yl, tt: [f(yl[0], tt, ps)], [y0f], t, rtol, atol,
                          mxstep, hmax)
        return ys[0]

    if adjoint:
        ys = _adjoint_solve(f, solve, rtol, atol, mxstep, hmax)(y0f, t, *params)
    else:
        ys = solve(y0f, t, *params)
    return _unravel_rows(ys, unravel)


def _unravel_rows(ys, unravel):
    rows = [unravel(ys[i]) for i in range(ys.shape[0])]
    return tu.tree_map(lambda *r: jnp.stack(r), *rows)


def _adjoint_solve(f, solve, rtol, atol, mxstep, hmax):
    g = custom_vjp(solve, _jvp_through_primal=True)   # forward mode: through the steps

    def fwd(y0f, t, *ps):
        ys = solve(y0f, t, *ps)
        return ys, (ys, t, ps)

    def bwd(res, ct):
        ys, t, ps = res
        fl_idx = [i for i, p in enumerate(ps) if _float(p)]
        fps = [ps[i] for i in fl_idx]

        def with_float(fp):
            full = list(ps)
            for i, v in zip(fl_idx, fp):
                full[i] = v
            return full

        def aug(state, s):   # reversed time s = -t: (y, a, p_bar)
            y, a = state[0], state[1]
            tt = -s
            fy = f(y, tt, ps)
            cts = vjp_leaves(lambda yy, *fp: [f(yy, tt, with_float(fp))], [y, *fps], [a])
            # v * 0, not zeros_like: traced here, a fresh array would be a host constant
            return [-fy] + [c if c is not None else v * 0 for c, v in zip(cts, [y, *fps])]
        n = ys.shape[0]
        a = ct[n - 1]
        pbar = [jnp.zeros_like(p) for p in fps]
        t_bar = [None] * n
        for i in range(n - 1, 0, -1):   # one backward solve per output interval
            t_bar[i] = jnp.sum(ct[i] * f(ys[i], t[i], ps))
            seg = jnp.stack([-t[i], -t[i - 1]])
            out, _ = integrate(aug, [ys[i], a] + pbar, seg, rtol, atol, mxstep, hmax)
            a = out[1][1]
            pbar = [o[1] for o in out[2:]]
            if i - 1 > 0:
                a = a + ct[i - 1]
        t_bar[0] = -jnp.sum(a * f(ys[0], t[0], ps))
        y_bar = a + ct[0] if n > 1 else ct[0]
        p_bars = [None] * len(ps)
        for i, pb in zip(fl_idx, pbar):
            p_bars[i] = pb
        return (y_bar, jnp.stack(t_bar).astype(t.dtype), *p_bars)
    g.defvjp(fwd, bwd)
    return g


def scipy_odeint(func, y0, t, args=(), rtol=1.49012e-8, atol=1.49012e-8, mxstep=0, hmax=0.0,
                 tfirst=False):
    """``odeint`` with the signature of ``scipy.integrate.odeint`` (and so of
    ``autograd.scipy.integrate.odeint``): ``func(y, t, *args)`` with ``args``
    one tuple, ``tfirst=True`` for ``func(t, y, *args)``, and SciPy's
    ``mxstep=0``/``hmax=0`` meaning "no limit".  The solver is the same
    Dormand-Prince with adjoint gradients (not LSODA), so values agree with
    SciPy's to the tolerances.  Options of SciPy's odeint that would change
    the result (``Dfun``, ``full_output``, ``tcrit``, ...) are not accepted."""
    if not isinstance(args, tuple):
        args = (args,)
    f = (lambda y, tt, *a: func(tt, y, *a)) if tfirst else func
    return odeint(f, y0, t, *args, rtol=rtol, atol=atol,
                  mxstep=np.inf if not mxstep else mxstep,
                  hmax=np.inf if not hmax else hmax)


# the full docstring (Args/Returns/Example) lives in ode/_docs.py
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import SCIPY_ODEINT as _DOC  # noqa: E402

_document(globals(), {"scipy_odeint": _DOC})
