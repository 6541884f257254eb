"""A 100-op elementwise chain on float64[10]: per-op overhead of each library.

f(x) = sum(chain(x)), chain = 25 x (sin, *1.5, +0.25, tanh); the entries
compute grad f.  The arrays are tiny, so the time is almost all dispatch and
bookkeeping; it is reported in microseconds per op (time / 100).
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, torch_like

REPEATS = 25  # 4 ops each -> 100 ops


def setup(ctx):
    rng = np.random.default_rng(1)
    return dict(x=ctx.put(rng.standard_normal(10)), params=dict(n=10, ops=4 * REPEATS,
                                                                dtype="float64"))


def chain(x, sin, tanh):
    for _ in range(REPEATS):
        x = tanh(sin(x) * 1.5 + 0.25)
    return x


def floor(d, ctx):
    xp, x0 = ctx.xp, d["x"]

    def grad():
        x, saved = x0, []
        for _ in range(REPEATS):
            saved.append(xp.cos(x))          # d sin
            x = xp.tanh(xp.sin(x) * 1.5 + 0.25)
            saved.append(x)                   # d tanh = 1 - t^2
        g = xp.ones_like(x0)
        for _ in range(REPEATS):
            t = saved.pop()
            g = g * (1.0 - t * t) * 1.5 * saved.pop()
        ctx.sync()
        return g
    return grad


def _fl(jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        g = fl.grad(lambda x: fnp.sum(chain(x, fnp.sin, fnp.tanh)))
        if jit:
            g = fl_feature("jit")(g)
        x = d["x"]
        return lambda: g(x)
    return make


def torch_style(which):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        x0 = d["x"]

        def grad():
            x = tensor(x0, True)
            chain(x, T.sin, T.tanh).sum().backward()
            return x.grad
        return grad
    return make


def torch_func(d, ctx):
    torch = peer("torch", ctx)
    _, tensor = torch_like("torch", ctx)
    x = tensor(d["x"])
    g = torch.func.grad(lambda x: chain(x, torch.sin, torch.tanh).sum())
    return lambda: g(x)


def _jax(jit):
    def make(d, ctx):
        jax = peer("jax", ctx)
        jnp = jax.numpy
        g = jax.grad(lambda x: jnp.sum(chain(x, jnp.sin, jnp.tanh)))
        g = jax.jit(g) if jit else g
        x = jnp.asarray(d["x"])
        return lambda: g(x).block_until_ready()
    return make


def hips_autograd(d, ctx):
    ag = peer("autograd", ctx)
    import autograd.numpy as anp
    g = ag.grad(lambda x: anp.sum(chain(x, anp.sin, anp.tanh)))
    x = d["x"]
    return lambda: g(x)


WORKLOADS = [Workload(
    name="chain",
    title="grad of a 100-op elementwise chain on float64[10], per op",
    description=("grad of sum(chain(x)) where chain is 25 repeats of sin, *1.5, +0.25, "
                 "tanh (100 elementwise ops) on a float64[10]: the arrays are tiny, so this "
                 "measures each library's per-operation overhead; reported in us per op."),
    setup=setup, dtype="float64", unit="us/op", per=4 * REPEATS,
    entries=[
        Entry("numpy (floor)", "numpy", floor, floor=True),
        Entry("fl.grad", "functorch_lite", _fl(False)),
        Entry("fl.jit(grad)", "functorch_lite", _fl(True)),
        Entry("fl facade", "functorch_lite", torch_style("facade")),
        Entry("torch eager", "torch", torch_style("torch")),
        Entry("torch.func", "torch", torch_func),
        Entry("jax", "jax", _jax(False)),
        Entry("jax.jit", "jax", _jax(True)),
        Entry("autograd", "autograd", hips_autograd),
    ])]
