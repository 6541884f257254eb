"""A 200x200 Hessian of f(x) = sum(tanh(A @ x) ** 2), float64.

By hand: with t = tanh(A x), f'' along u = A x is 2 (1 - t^2)(1 - 3 t^2), so
H = A^T diag(2 (1 - t^2)(1 - 3 t^2)) A.  The entries get it by
forward-over-reverse (fl.hessian, jax.hessian, torch.func.hessian), by
vmap of jvp of grad written out, or by a loop of double backward passes
(PyTorch style).
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, torch_like


def setup(ctx):
    n = 30 if ctx.quick else 200
    rng = np.random.default_rng(3)
    A = ctx.put(rng.standard_normal((n, n)) / np.sqrt(n))
    x = ctx.put(rng.standard_normal(n))
    return dict(A=A, x=x, params=dict(n=n, dtype="float64"))


def f_of(np_, A):
    return lambda x: np_.sum(np_.tanh(A @ x) ** 2)


def floor(d, ctx):
    A, x = d["A"], d["x"]

    def hess():
        t = ctx.xp.tanh(A @ x)
        t2 = t * t
        del t
        w = 2.0 * (1.0 - t2) * (1.0 - 3.0 * t2)
        out = A.T @ (w[:, None] * A)
        ctx.sync()
        return out
    return hess


def _fl_hessian(jit):
    def make(d, ctx):
        import functorch_lite.numpy as fnp
        h = fl_feature("hessian")(f_of(fnp, d["A"]))
        if jit:
            h = fl_feature("jit")(h)
        x = d["x"]
        return lambda: h(x)
    return make


def _fl_vmap_jvp_grad(jit):
    def make(d, ctx):
        import functorch_lite as fl
        import functorch_lite.numpy as fnp
        g = fl.grad(f_of(fnp, d["A"]))

        def hess(x, basis):
            return fl.vmap(lambda v: fl.jvp(g, (x,), (v,))[1])(basis)
        if jit:
            hess = fl_feature("jit")(hess)
        x = d["x"]
        basis = ctx.xp.eye(x.shape[0], dtype=x.dtype)
        return lambda: hess(x, basis)
    return make


def stack_rows(result, d):
    return np.stack(result) if isinstance(result, list) else result


def torch_style(which):
    """Row by row: one backward pass through the gradient per row (create_graph)."""
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        A, x0 = tensor(d["A"]), d["x"]

        def hess():
            x = tensor(x0, True)
            g, = T.autograd.grad(T.tanh(A @ x).pow(2).sum(), x, create_graph=True)
            return [T.autograd.grad(g[i], x, retain_graph=True)[0] for i in range(g.shape[0])]
        return hess
    return make


def torch_func(d, ctx):
    torch = peer("torch", ctx)
    _, tensor = torch_like("torch", ctx)
    A, x = tensor(d["A"]), tensor(d["x"])
    h = torch.func.hessian(lambda x: torch.tanh(A @ x).pow(2).sum())
    return lambda: h(x)


def _jax(jit):
    def make(d, ctx):
        jax = peer("jax", ctx)
        jnp = jax.numpy
        h = jax.hessian(f_of(jnp, jnp.asarray(d["A"])))
        h = jax.jit(h) if jit else h
        x = jnp.asarray(d["x"])
        return lambda: h(x).block_until_ready()
    return make


def hips_autograd(d, ctx):
    ag = peer("autograd", ctx)
    import autograd.numpy as anp
    h = ag.hessian(f_of(anp, d["A"]))
    x = d["x"]
    return lambda: h(x)


WORKLOADS = [Workload(
    name="hessian",
    title="Hessian of sum(tanh(A @ x) ** 2), float64",
    description=("Full Hessian of f(x) = sum(tanh(A x)^2) for x in R^200, float64; the floor "
                 "uses the closed form A^T diag(2(1-t^2)(1-3t^2)) A. Entries: fl.hessian, "
                 "vmap(jvp(grad)) written out, and the peers' hessian functions; the "
                 "PyTorch-style entries loop over rows with double backward."),
    setup=setup, dtype="float64", checked=stack_rows,
    entries=[
        Entry("numpy (floor)", "numpy", floor, floor=True),
        Entry("fl.hessian", "functorch_lite", _fl_hessian(False)),
        Entry("fl.jit(hessian)", "functorch_lite", _fl_hessian(True)),
        Entry("fl.vmap(jvp(grad))", "functorch_lite", _fl_vmap_jvp_grad(False)),
        Entry("fl.jit(vmap(jvp))", "functorch_lite", _fl_vmap_jvp_grad(True)),
        Entry("fl facade (rows)", "functorch_lite", torch_style("facade")),
        Entry("torch eager (rows)", "torch", torch_style("torch")),
        Entry("torch.func", "torch", torch_func),
        Entry("jax", "jax", _jax(False)),
        Entry("jax.jit", "jax", _jax(True)),
        Entry("autograd", "autograd", hips_autograd),
    ])]
