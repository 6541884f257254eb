"""A 20-op elementwise chain + sum over 1e6 float32: what CPU fusion is for.

f(x) = sum(chain(x)), chain = 4 x softsign(1.5 x + 0.25), softsign(u) =
u / (1 + |u|): five cheap elementwise ops per stage, twenty in all.  Op by
op, NumPy makes twenty passes over 4 MB; a fused kernel makes one, and its
sum never writes the chain's values to memory.  Two workloads: the value
(``sumchain``) and the gradient (``sumchain-grad``).
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, torch_like

STAGES = 4   # 5 ops each -> 20 ops


def setup(ctx):
    n = 10_000 if ctx.quick else 1_000_000
    rng = np.random.default_rng(3)
    return dict(x=ctx.put(rng.standard_normal(n).astype(np.float32)),
                params=dict(n=n, ops=5 * STAGES, dtype="float32"))


def chain(x, absolute):
    for _ in range(STAGES):
        u = x * 1.5 + 0.25
        x = u / (1.0 + absolute(u))
    return x


def floor_value(d, ctx):
    xp, x = ctx.xp, d["x"]

    def value():
        out = chain(x, xp.abs).sum()
        ctx.sync()
        return out
    return value


def floor_grad(d, ctx):
    """By hand: d softsign(u)/du = 1 / (1 + |u|)^2, times 1.5 per stage."""
    xp, x0 = ctx.xp, d["x"]

    def grad():
        x, dens = x0, []
        for _ in range(STAGES):
            u = x * 1.5 + 0.25
            den = 1.0 + xp.abs(u)
            x = u / den
            dens.append(den)
        g = None
        for den in reversed(dens):
            step = 1.5 / (den * den)
            g = step if g is None else g * step
        ctx.sync()
        return g
    return grad


def _fl(grad, jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        f = lambda x: fnp.sum(chain(x, fnp.abs))   # noqa: E731
        if grad:
            f = fl.grad(f)
        if jit:
            f = fl_feature("jit")(f)
        x = d["x"]
        return lambda: f(x)
    return make


def _torch(grad, which):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        x0 = d["x"]

        def run():
            x = tensor(x0, grad)
            y = chain(x, T.abs).sum()
            if not grad:
                return y
            y.backward()
            return x.grad
        return run
    return make


def _jax(grad, jit):
    def make(d, ctx):
        jax = peer("jax", ctx)
        jnp = jax.numpy
        f = lambda x: jnp.sum(chain(x, jnp.abs))   # noqa: E731
        if grad:
            f = jax.grad(f)
        if jit:
            f = jax.jit(f)
        x = jnp.asarray(d["x"])
        return lambda: f(x).block_until_ready()
    return make


def _workload(grad):
    what = "gradient" if grad else "value"
    return Workload(
        name="sumchain-grad" if grad else "sumchain",
        title=f"{what} of sum(20-op elementwise chain) over float32[1e6]",
        description=(f"The {what} of sum(chain(x)), chain = 4 x softsign(1.5 x + 0.25) "
                     "(softsign(u) = u / (1 + |u|); 20 elementwise ops) on float32[1e6]: "
                     "op by op every operation is a pass over memory; fused under jit it "
                     "is one pass (and the sum reads no intermediate array)."),
        setup=setup, dtype="float32",
        entries=[
            Entry("numpy (floor)", "numpy", floor_grad if grad else floor_value, floor=True),
            Entry("fl.grad" if grad else "fl (eager)", "functorch_lite", _fl(grad, False)),
            Entry("fl.jit(grad)" if grad else "fl.jit", "functorch_lite", _fl(grad, True)),
            Entry("fl facade", "functorch_lite", _torch(grad, "facade")),
            Entry("torch eager", "torch", _torch(grad, "torch")),
            Entry("jax", "jax", _jax(grad, False)),
            Entry("jax.jit", "jax", _jax(grad, True)),
        ])


WORKLOADS = [_workload(False), _workload(True)]
