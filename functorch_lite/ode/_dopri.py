"""Adaptive Dormand-Prince 5(4) integration over a list of arrays (the state),
written with lax.scan/while_loop so it traces under jit and differentiates
in forward mode.

The solver lands exactly on each requested time (the last step of an
interval is shortened to end there) instead of interpolating as JAX's
odeint does; the step size carries over between intervals.  Step-size
control follows Hairer, Norsett & Wanner (II.4): error ratio = RMS of the
embedded error over ``atol + rtol * max(|y0|, |y1|)``, next step
``h * clip(0.9 * ratio**-1/5, 0.2, 10)`` (never growing after a rejection).
The controller's decisions are not differentiated (stop_gradient): a
derivative describes the discrete solution the solver produced.
"""
import numpy as np

from .. import lax
from .. import numpy as jnp
from ..transforms.api import stop_gradient

# the Dormand-Prince tableau
_C = [0.0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1.0, 1.0]
_A = [[],
      [1 / 5],
      [3 / 40, 9 / 40],
      [44 / 45, -56 / 15, 32 / 9],
      [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
      [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
      [35 / 384, 0.0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84]]
_B5 = _A[6] + [0.0]
_B4 = [5179 / 57600, 0.0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40]
_E = [b5 - b4 for b5, b4 in zip(_B5, _B4)]


def _axpy(ys, h, coeffs, ks):
    """ys + h * sum(c * k) leaf by leaf (terms with c == 0 skipped)."""
    out = []
    for j, y in enumerate(ys):
        acc = None
        for c, k in zip(coeffs, ks):
            if c != 0.0:
                term = c * k[j]
                acc = term if acc is None else acc + term
        out.append(y if acc is None else y + h.astype(y.dtype) * acc)
    return out


def _rms_ratio(err, y0, y1, rtol, atol):
    tot, n = 0.0, 0
    for e, a, b in zip(err, y0, y1):
        scale = atol + rtol * jnp.maximum(jnp.abs(a), jnp.abs(b))
        r = (e / scale).astype(np.float64)
        tot = tot + jnp.sum(r * r)
        n += int(np.prod(r.shape))
    return jnp.sqrt(tot / max(n, 1))


def _step(f, ys, fy, t, h):
    ks = [fy]
    for i in range(1, 7):   # stage 7 is evaluated at the 5th-order solution (FSAL)
        yi = _axpy(ys, h, _A[i], ks)
        ks.append(f(yi, t + _C[i] * h))
    y1 = yi
    err = [h.astype(y.dtype) * sum(e * k[j] for e, k in zip(_E, ks) if e != 0.0)
           for j, y in enumerate(ys)]
    return y1, ks[6], err


def initial_step(f, ys, t0, fy, rtol, atol):
    """Hairer's starting step for a method of order 4 (II.4, p. 169)."""
    def norm(v):
        tot, n = 0.0, 0
        for x, y in zip(v, ys):
            r = (x / (atol + rtol * jnp.abs(y))).astype(np.float64)
            tot, n = tot + jnp.sum(r * r), n + int(np.prod(r.shape))
        return jnp.sqrt(tot / max(n, 1))
    d0, d1 = norm(ys), norm(fy)
    h0 = jnp.where((d0 < 1e-5) | (d1 < 1e-5), 1e-6, 0.01 * d0 / jnp.where(d1 > 0, d1, 1))
    h0 = h0.astype(t0.dtype)
    y1 = [y + h0.astype(y.dtype) * k for y, k in zip(ys, fy)]
    f1 = f(y1, t0 + h0)
    d2 = norm([a - b for a, b in zip(f1, fy)]) / h0
    dm = jnp.maximum(d1, d2)
    h1 = jnp.where(dm <= 1e-15, jnp.maximum(1e-6, h0 * 1e-3),
                   (0.01 / jnp.where(dm > 0, dm, 1)) ** (1.0 / 5))
    return stop_gradient(jnp.minimum(100 * h0, h1).astype(t0.dtype))


def integrate(f, y0, ts, rtol, atol, mxstep, hmax):
    """Solve ``dy/dt = f(y, t)`` (``y`` a list of arrays) from ``ts[0]``; returns
    the list of stacked states at every time in ``ts`` (increasing) and the
    total number of accepted + rejected steps."""
    t0 = ts[0]
    f0 = f(y0, t0)
    h0 = initial_step(f, y0, t0, f0, rtol, atol)
    if hmax is not None and np.isfinite(hmax):
        h0 = jnp.minimum(h0, hmax)
    zero = jnp.zeros_like(t0, dtype=np.float64, shape=())   # on t's backend

    def interval(carry, target):
        ys, fy, t, h, nsteps = carry

        def cond(c):
            ys, fy, t, h, n, nint = c
            return (t < target) & (nint < mxstep)

        def body(c):
            ys, fy, t, h, n, nint = c
            hu = stop_gradient(jnp.minimum(h, target - t))
            clamped = hu < h
            y1, f1, err = _step(f, ys, fy, t, hu)
            ratio = stop_gradient(_rms_ratio(err, ys, y1, rtol, atol))
            ok = ratio <= 1.0
            fac = jnp.clip(0.9 * jnp.where(ratio > 0, ratio, 1e-10) ** (-1 / 5), 0.2, 10.0)
            fac = jnp.where(ok, fac, jnp.minimum(fac, 1.0))
            hn = (hu * fac).astype(h.dtype)
            hn = jnp.where(ok & clamped, jnp.maximum(hn, h), hn)
            if hmax is not None and np.isfinite(hmax):
                hn = jnp.minimum(hn, hmax)
            tn = jnp.where(clamped, target, t + hu)
            return ([jnp.where(ok, a, b) for a, b in zip(y1, ys)],
                    [jnp.where(ok, a, b) for a, b in zip(f1, fy)],
                    jnp.where(ok, tn, t), stop_gradient(hn), n + 1, nint + 1)
        ys, fy, t, h, nsteps, nint = lax.while_loop(
            cond, body, (ys, fy, t, h, nsteps, zero))
        # too many steps: mark the result as JAX does (inf) rather than return garbage
        bad = t < target
        ys = [jnp.where(bad, np.inf, y) for y in ys]   # a scalar: no host constant
        return (ys, fy, t, h, nsteps), ys
    (_, _, _, _, nsteps), out = lax.scan(interval, (list(y0), f0, t0, h0, zero), ts[1:])
    return [jnp.concatenate([y[None], o], 0) for y, o in zip(y0, out)], nsteps
