"""A 200-layer deep chain, x <- tanh(x @ W_i): peak live memory of its gradient.

x float32[256, 512], W_i float32[512, 512]; the entries compute the gradient
of sum(chain(x)) with respect to x.  Reverse mode must keep one activation
per layer (200 x 512 KiB = 100 MiB) and the floor keeps exactly those, so
peak memory above that shows what a library stores besides.  Each entry
runs in its own process; the peak is measured as resident memory above the
baseline (all libraries) and with tracemalloc (NumPy-based ones only).
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, torch_like


def setup(ctx):
    layers, n, dim = (20, 32, 64) if ctx.quick else (200, 256, 512)
    rng = np.random.default_rng(5)
    f32 = np.float32
    Ws = [ctx.put((rng.standard_normal((dim, dim)) / np.sqrt(dim)).astype(f32))
          for _ in range(layers)]
    x = ctx.put(rng.standard_normal((n, dim)).astype(f32))
    return dict(Ws=Ws, x=x, params=dict(layers=layers, x=f"{n}x{dim}", W=f"{dim}x{dim}",
                                        dtype="float32"))


def deep(np_, x, Ws):
    for W in Ws:
        x = np_.tanh(x @ W)
    return x.sum()


def floor(d, ctx):
    xp, Ws, x0 = ctx.xp, d["Ws"], d["x"]

    def grad():
        acts, x = [], x0
        for W in Ws:
            x = xp.tanh(x @ W)
            acts.append(x)          # tanh' = 1 - t^2 needs only the output
        del x
        g = xp.ones_like(acts[-1])
        for W in reversed(Ws):
            t = acts.pop()
            t *= t                  # the activation is not needed again: reuse it
            xp.subtract(1.0, t, out=t)
            g *= t
            del t
            g = g @ W.T
        ctx.sync()
        return g
    return grad


def _fl(jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        g = fl.grad(lambda x, Ws: deep(fnp, x, Ws))
        if jit:
            g = fl_feature("jit")(g)
        x, Ws = d["x"], d["Ws"]
        return lambda: g(x, Ws)
    return make


def fl_checkpointed(d, ctx):
    """Rematerialise: keep only every k-th activation (k ~ sqrt(layers))."""
    import functorch_lite as fl
    import functorch_lite.numpy as fnp
    checkpoint = fl_feature("checkpoint")
    Ws = d["Ws"]
    k = max(1, int(round(len(Ws) ** 0.5)))

    def segment(x, seg):
        for W in seg:
            x = fnp.tanh(x @ W)
        return x

    def f(x, Ws):
        for i in range(0, len(Ws), k):
            x = checkpoint(segment)(x, Ws[i:i + k])
        return x.sum()
    g = fl.grad(f)
    x = d["x"]
    return lambda: g(x, Ws)


def torch_style(which):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        Ws = [tensor(W) for W in d["Ws"]]
        x0 = tensor(d["x"])

        def grad():
            x = x0.detach().requires_grad_(True)
            deep(T, x, Ws).backward()
            return x.grad
        return grad
    return make


def torch_func(d, ctx):
    torch = peer("torch", ctx)
    _, tensor = torch_like("torch", ctx)
    Ws = [tensor(W) for W in d["Ws"]]
    x = tensor(d["x"])
    g = torch.func.grad(lambda x: deep(torch, x, Ws))
    return lambda: g(x)


def _jax(jit):
    def make(d, ctx):
        jax = peer("jax", ctx)
        jnp = jax.numpy
        Ws = [jnp.asarray(W) for W in d["Ws"]]
        x = jnp.asarray(d["x"])
        g = jax.grad(lambda x, Ws: deep(jnp, x, Ws))
        g = jax.jit(g) if jit else g
        return lambda: g(x, Ws).block_until_ready()
    return make


def hips_autograd(d, ctx):
    ag = peer("autograd", ctx)
    import autograd.numpy as anp
    g = ag.grad(lambda x, Ws: deep(anp, x, Ws))
    x, Ws = d["x"], d["Ws"]
    return lambda: g(x, Ws)


WORKLOADS = [Workload(
    name="deepchain",
    title="peak memory of the gradient of a deep chain tanh(x @ W_i), float32",
    description=("Gradient with respect to x of sum(chain(x)), chain = 200 layers of "
                 "x <- tanh(x @ W_i), x 256x512, W_i 512x512, float32. Reverse mode must keep "
                 "200 activations (100 MiB); each entry runs in its own process and its peak "
                 "memory above the inputs is measured (resident set for all, tracemalloc "
                 "for the NumPy-based libraries), with its time."),
    setup=setup, dtype="float32", memory=True,
    entries=[
        Entry("numpy (floor)", "numpy", floor, floor=True),
        Entry("fl.grad", "functorch_lite", _fl(False)),
        Entry("fl.jit(grad)", "functorch_lite", _fl(True)),
        Entry("fl.checkpoint", "functorch_lite", fl_checkpointed),
        Entry("fl facade", "functorch_lite", torch_style("facade")),
        Entry("torch eager", "torch", torch_style("torch")),
        Entry("torch.func", "torch", torch_func),
        Entry("jax", "jax", _jax(False)),
        Entry("jax.jit", "jax", _jax(True)),
        Entry("autograd", "autograd", hips_autograd),
    ])]
