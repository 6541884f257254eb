"""Per-example gradients of a logistic loss: X float32[256, 512], w float32[512].

loss_i(w) = log(1 + exp(-s_i x_i . w)) with labels s_i = +-1; the entries
return the 256 x 512 matrix of per-example gradients, by vmap of grad or by
a Python loop of one gradient per example (PyTorch eager, HIPS autograd).
By hand: g_i = -s_i / (1 + exp(s_i x_i . w)) x_i.
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, torch_like
from .hessian import stack_rows


def setup(ctx):
    n, dim = (32, 64) if ctx.quick else (256, 512)
    rng = np.random.default_rng(4)
    f32 = np.float32
    X = ctx.put((rng.standard_normal((n, dim)) / np.sqrt(dim)).astype(f32))
    s = ctx.put(np.where(rng.random(n) < 0.5, -1.0, 1.0).astype(f32))
    w = ctx.put(rng.standard_normal(dim).astype(f32))
    return dict(X=X, s=s, w=w, params=dict(examples=n, features=dim, dtype="float32"))


def loss_of(np_):
    return lambda w, x, s: np_.log(1.0 + np_.exp(-s * (x @ w)))


def floor(d, ctx):
    xp, X, s, w = ctx.xp, d["X"], d["s"], d["w"]

    def per_example():
        coef = -s / (1.0 + xp.exp(s * (X @ w)))
        out = coef[:, None] * X
        ctx.sync()
        return out
    return per_example


def _fl_vmap(jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        g = fl.vmap(fl.grad(loss_of(fnp)), in_axes=(None, 0, 0))
        if jit:
            g = fl_feature("jit")(g)
        X, s, w = d["X"], d["s"], d["w"]
        return lambda: g(w, X, s)
    return make


def fl_loop(d, ctx):
    import functorch_lite as fl
    import functorch_lite.numpy as fnp
    g = fl.grad(loss_of(fnp))
    X, s, w, xp = d["X"], d["s"], d["w"], ctx.xp
    return lambda: xp.stack([g(w, X[i], s[i]) for i in range(X.shape[0])])


def torch_style(which):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        X, s = tensor(d["X"]), tensor(d["s"])
        w = tensor(d["w"], True)
        loss = loss_of(T)

        def per_example():
            rows = []
            for i in range(X.shape[0]):
                w.grad = None
                loss(w, X[i], s[i]).backward()
                rows.append(w.grad)
            return rows
        return per_example
    return make


def torch_func(d, ctx):
    torch = peer("torch", ctx)
    _, tensor = torch_like("torch", ctx)
    X, s, w = (tensor(d[k]) for k in ("X", "s", "w"))
    g = torch.func.vmap(torch.func.grad(loss_of(torch)), in_dims=(None, 0, 0))
    return lambda: g(w, X, s)


def _jax(jit):
    def make(d, ctx):
        jax = peer("jax", ctx)
        jnp = jax.numpy
        g = jax.vmap(jax.grad(loss_of(jnp)), in_axes=(None, 0, 0))
        g = jax.jit(g) if jit else g
        X, s, w = (jnp.asarray(d[k]) for k in ("X", "s", "w"))
        return lambda: g(w, X, s).block_until_ready()
    return make


def hips_autograd(d, ctx):
    ag = peer("autograd", ctx)
    import autograd.numpy as anp
    g = ag.grad(loss_of(anp))
    X, s, w = d["X"], d["s"], d["w"]
    return lambda: np.stack([g(w, X[i], s[i]) for i in range(X.shape[0])])


WORKLOADS = [Workload(
    name="perex",
    title="per-example gradients of a logistic loss, float32",
    description=("The 256 per-example gradients of a logistic loss with 512 features "
                 "(float32): vmap(grad) where the library has it, else a Python loop of "
                 "one gradient per example, as PyTorch users write without torch.func."),
    setup=setup, dtype="float32", checked=stack_rows,
    entries=[
        Entry("numpy (floor)", "numpy", floor, floor=True),
        Entry("fl.vmap(grad)", "functorch_lite", _fl_vmap(False)),
        Entry("fl.jit(vmap(grad))", "functorch_lite", _fl_vmap(True)),
        Entry("fl.grad (loop)", "functorch_lite", fl_loop),
        Entry("fl facade (loop)", "functorch_lite", torch_style("facade")),
        Entry("torch eager (loop)", "torch", torch_style("torch")),
        Entry("torch.func", "torch", torch_func),
        Entry("jax", "jax", _jax(False)),
        Entry("jax.jit", "jax", _jax(True)),
        Entry("autograd (loop)", "autograd", hips_autograd),
    ])]
