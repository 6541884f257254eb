"""A big MLP's gradient: batch 2048, layers 1024-1024-1024-10, tanh, float32.

loss = 0.5 * sum((mlp(X) - Y) ** 2) / batch; the entries return the
gradients of every weight and bias, [(gW1, gb1), (gW2, gb2), (gW3, gb3)].
Almost all the time is in the matrix products, so this shows what each
library adds on top of BLAS for a realistic training step.
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, torch_like


def setup(ctx):
    batch, sizes = (64, (128, 128, 128, 10)) if ctx.quick else (2048, (1024, 1024, 1024, 10))
    rng = np.random.default_rng(2)
    f32 = np.float32
    params = [(ctx.put((rng.standard_normal((m, n)) / np.sqrt(m)).astype(f32)),
               ctx.put((0.1 * rng.standard_normal(n)).astype(f32)))
              for m, n in zip(sizes[:-1], sizes[1:])]
    X = ctx.put(rng.standard_normal((batch, sizes[0])).astype(f32))
    Y = ctx.put(rng.standard_normal((batch, sizes[-1])).astype(f32))
    return dict(params_=params, X=X, Y=Y,
                params=dict(batch=batch, layers="-".join(map(str, sizes)), dtype="float32"))


def mlp_loss(np_, params, X, Y):
    """Written once for fnp, jax.numpy, autograd.numpy and torch."""
    h = X
    for W, b in params[:-1]:
        h = np_.tanh(h @ W + b)
    W, b = params[-1]
    d = h @ W + b - Y
    return 0.5 * (d * d).sum() / X.shape[0]


def floor(d, ctx):
    xp = ctx.xp
    params, X, Y = d["params_"], d["X"], d["Y"]

    def grad():
        acts = [X]
        for W, b in params[:-1]:
            acts.append(xp.tanh(acts[-1] @ W + b))
        W, b = params[-1]
        g = acts[-1] @ W + b
        g -= Y
        g *= 1.0 / X.shape[0]          # d loss / d out
        grads = []
        for i in range(len(params) - 1, -1, -1):
            a = acts.pop()
            W = params[i][0]
            grads.append((a.T @ g, g.sum(axis=0)))
            if i == 0:
                break
            g = g @ W.T
            g *= 1.0 - a * a           # tanh' from the saved output
            del a
        ctx.sync()
        return grads[::-1]
    return grad


def _fl(jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        g = fl.grad(lambda p, X, Y: mlp_loss(fnp, p, X, Y))
        if jit:
            g = fl_feature("jit")(g)
        p, X, Y = d["params_"], d["X"], d["Y"]

        def run():
            out = g(p, X, Y)
            ctx.sync()
            return out
        return run
    return make


def torch_style(which):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        params = [(tensor(W, True), tensor(b, True)) for W, b in d["params_"]]
        X, Y = tensor(d["X"]), tensor(d["Y"])
        flat = [p for pair in params for p in pair]

        def grad():
            for p in flat:
                p.grad = None
            mlp_loss(T, params, X, Y).backward()
            ctx.sync()
            return [(W.grad, b.grad) for W, b in params]
        return grad
    return make


def torch_func(d, ctx):
    torch = peer("torch", ctx)
    _, tensor = torch_like("torch", ctx)
    params = [(tensor(W), tensor(b)) for W, b in d["params_"]]
    X, Y = tensor(d["X"]), tensor(d["Y"])
    g = torch.func.grad(lambda p: mlp_loss(torch, p, X, Y))

    def grad():
        out = g(params)
        ctx.sync()
        return out
    return grad


def _jax(jit):
    def make(d, ctx):
        jax = peer("jax", ctx)
        jnp = jax.numpy
        params = [(jnp.asarray(W), jnp.asarray(b)) for W, b in d["params_"]]
        X, Y = jnp.asarray(d["X"]), jnp.asarray(d["Y"])
        g = jax.grad(lambda p, X, Y: mlp_loss(jnp, p, X, Y))
        g = jax.jit(g) if jit else g
        return lambda: jax.block_until_ready(g(params, X, Y))
    return make


def hips_autograd(d, ctx):
    ag = peer("autograd", ctx)
    import autograd.numpy as anp
    g = ag.grad(lambda p, X, Y: mlp_loss(anp, p, X, Y))
    p, X, Y = d["params_"], d["X"], d["Y"]
    return lambda: g(p, X, Y)


WORKLOADS = [Workload(
    name="mlp",
    title="gradient of a big tanh MLP, float32",
    description=("Gradient of a mean squared error through an MLP with layers "
                 "1024-1024-1024-10 and tanh, batch 2048, float32, with respect to all "
                 "weights and biases: BLAS-bound, so it shows what each library adds to a "
                 "realistic training step."),
    setup=setup, dtype="float32",
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
