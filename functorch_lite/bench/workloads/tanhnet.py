"""Peak memory of one gradient of an 8-layer net h <- tanh(h @ W_i + b_i), float64.

x float64[512, 512], W_i [512, 512], b_i [512]; the entries compute the
gradient of sum(net(x)) with respect to every W_i and b_i.  Reverse mode needs
one activation per layer (the tanh outputs: 8 x 2 MiB); the hand-written floor
keeps exactly those and frees each as the backward pass consumes it.  What a
library keeps beyond that shows up here: the whole inputs of shape-only rules
(``add``'s broadcast bias, ``reduce_sum``), or the pre-activations ``x @ W + b``.
Each entry runs in its own process (see ``deepchain`` for the method).
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, torch_like


def setup(ctx):
    layers, n, dim = (3, 32, 64) if ctx.quick else (8, 512, 512)
    rng = np.random.default_rng(11)
    Ws = [ctx.put(rng.standard_normal((dim, dim)) / np.sqrt(dim)) for _ in range(layers)]
    bs = [ctx.put(0.1 * rng.standard_normal(dim)) for _ in range(layers)]
    x = ctx.put(rng.standard_normal((n, dim)))
    return dict(Ws=Ws, bs=bs, x=x, params=dict(layers=layers, x=f"{n}x{dim}",
                                               W=f"{dim}x{dim}", dtype="float64"))


def net(np_, params, x):
    Ws, bs = params
    h = x
    for W, b in zip(Ws, bs):
        h = np_.tanh(h @ W + b)
    return h.sum()


def floor(d, ctx):
    xp, Ws, bs, x = ctx.xp, d["Ws"], d["bs"], d["x"]

    def grad():
        acts, h = [x], x
        for W, b in zip(Ws, bs):
            h = h @ W
            h += b
            xp.tanh(h, out=h)
            acts.append(h)
        del h
        g = xp.ones_like(acts[-1])
        gWs, gbs = [], []
        for W in reversed(Ws):
            t = acts.pop()
            t *= t                      # tanh' = 1 - t^2, in the activation's buffer
            xp.subtract(1.0, t, out=t)
            g *= t
            del t
            gbs.append(g.sum(0))
            gWs.append(acts[-1].T @ g)
            g = g @ W.T
        ctx.sync()
        return [gWs[::-1], gbs[::-1]]
    return grad


def _fl(jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        g = fl.grad(lambda p, x: net(fnp, p, x))
        if jit:
            g = fl_feature("jit")(g)
        p, x = (d["Ws"], d["bs"]), d["x"]
        return lambda: list(g(p, x))
    return make


def torch_style(which):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        Ws = [tensor(W).requires_grad_(True) for W in d["Ws"]]
        bs = [tensor(b).requires_grad_(True) for b in d["bs"]]
        x = tensor(d["x"])

        def grad():
            for p in Ws + bs:
                p.grad = None
            net(T, (Ws, bs), x).backward()
            return [[W.grad for W in Ws], [b.grad for b in bs]]
        return grad
    return make


WORKLOADS = [Workload(
    name="tanhnet",
    title="peak memory of one gradient of an 8-layer tanh(x @ W + b) net, float64",
    description=("Gradient with respect to all W_i and b_i of sum(net(x)), net = 8 layers of "
                 "h <- tanh(h @ W_i + b_i), x 512x512, W_i 512x512, float64. The floor keeps "
                 "one activation per layer; each entry runs in its own process and its peak "
                 "memory above the inputs is measured (resident set, and tracemalloc for the "
                 "NumPy-based libraries), with its time."),
    setup=setup, dtype="float64", memory=True,
    entries=[
        Entry("numpy (floor)", "numpy", floor, floor=True),
        Entry("fl.grad", "functorch_lite", _fl(False)),
        Entry("fl.jit(grad)", "functorch_lite", _fl(True)),
        Entry("fl facade", "functorch_lite", torch_style("facade")),
        Entry("torch eager", "torch", torch_style("torch")),
    ])]
