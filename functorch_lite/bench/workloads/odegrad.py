"""Gradient of an ODE solve with respect to its parameters: the adjoint
method against back-propagating through the solver's steps; peak memory.

dy/dt = tanh(y @ W + b), y float64[128, 128] (quick: [16, 16]), from t=0 to T;
the gradient of sum(y(T)**2) with respect to W and b.  ``odegrad`` integrates
to T=10 (odeint's Dormand-Prince at rtol=atol=1e-9 takes about 100 steps),
``odegrad_x4`` to T=40 (about 4x the steps): the adjoint entry's peak memory
must stay flat while back-propagating through the steps grows with them.
The NumPy floor is hand-written RK4 with 4 steps per Dormand-Prince step
and a hand-written backward pass that keeps one state per step.  The gate
compares at float32's tolerance: the gradients agree to the solvers'
accuracy (about 3e-7 of the largest entry), not to rounding.
"""
import numpy as np

from ..common import Entry, Workload


def _setup(T, rk_steps):
    def setup(ctx):
        d = 16 if ctx.quick else 128
        rng = np.random.default_rng(2)
        W = ctx.put(rng.standard_normal((d, d)) / np.sqrt(d) * 1.5)
        b = ctx.put(0.1 * rng.standard_normal(d))
        y0 = ctx.put(rng.standard_normal((d, d)))
        return dict(W=W, b=b, y0=y0, T=T, N=rk_steps,
                    params=dict(y=f"{d}x{d}", T=T, rtol=1e-9, rk4_steps=rk_steps,
                                dtype="float64"))
    return setup


def floor(d, ctx):
    xp, W, b, y0, T, N = ctx.xp, d["W"], d["b"], d["y0"], d["T"], d["N"]
    h = T / N

    def f(u):
        return xp.tanh(u @ W + b)

    def grad():
        ys, y = [], y0
        for _ in range(N):              # RK4, keeping each step's start
            ys.append(y)
            k1 = f(y)
            k2 = f(y + h / 2 * k1)
            k3 = f(y + h / 2 * k2)
            k4 = f(y + h * k3)
            y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        g = 2 * y
        gW, gb = xp.zeros_like(W), xp.zeros_like(b)
        for y in reversed(ys):          # recompute the stages, then their vjps
            k1 = f(y)
            u2 = y + h / 2 * k1
            k2 = f(u2)
            u3 = y + h / 2 * k2
            k3 = f(u3)
            u4 = y + h * k3
            k4 = f(u4)
            c = [h / 6 * g, h / 3 * g, h / 3 * g, h / 6 * g]
            gy = g.copy()
            for j, (u, k) in enumerate([(u4, k4), (u3, k3), (u2, k2), (y, k1)]):
                s = c[3 - j] * (1 - k * k)
                gW += u.T @ s
                gb += s.sum(0)
                gu = s @ W.T
                gy += gu
                if j < 3:
                    c[2 - j] = c[2 - j] + (h if j == 0 else h / 2) * gu
            g = gy
        ctx.sync()
        return [gW, gb]
    return grad


def _fl(adjoint, jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        from functorch_lite.ode import odeint
        ts = np.array([0.0, d["T"]])

        def loss(W, b, y0):
            ys = odeint(lambda y, t, W, b: fnp.tanh(y @ W + b), y0, ts, W, b,
                        rtol=1e-9, atol=1e-9, adjoint=adjoint)
            return fnp.sum(ys[-1] ** 2)
        g = fl.grad(loss, (0, 1))
        if jit:
            g = fl.jit(g)
        W, b, y0 = d["W"], d["b"], d["y0"]
        return lambda: list(g(W, b, y0))
    return make


def _workload(name, T, rk_steps, what):
    return Workload(
        name=name,
        title=f"grad of an ODE solve wrt its params ({what}), adjoint vs backprop, float64",
        description=("Gradient wrt W, b of sum(y(T)**2) for dy/dt = tanh(y @ W + b), y "
                     f"128x128, T={T}, odeint (Dormand-Prince, rtol=atol=1e-9, {what}). "
                     "'adjoint' integrates the adjoint backwards (memory independent of "
                     "the steps); 'backprop' tapes every solver step. Floor: hand-written "
                     f"NumPy RK4 with {rk_steps} steps and its hand-written backward pass. "
                     "Each entry in its own process; peak memory and time."),
        # computed in float64, gated at float32's tolerance: the adjoint and the
        # discrete gradients agree with the floor to the solver's tolerance (about
        # 3e-7 of the largest entry here), not to rounding
        setup=_setup(T, rk_steps), dtype="float32", memory=True,
        entries=[
            Entry("numpy RK4 (floor)", "numpy", floor, floor=True),
            Entry("fl odeint adjoint", "functorch_lite", _fl(True, False)),
            Entry("fl jit(odeint adjoint)", "functorch_lite", _fl(True, True)),
            Entry("fl odeint backprop", "functorch_lite", _fl(False, False)),
        ])


WORKLOADS = [_workload("odegrad", 10.0, 400, "about 100 steps"),
             _workload("odegrad_x4", 40.0, 1600, "about 400 steps")]
