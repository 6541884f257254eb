"""The seeds' two-layer net: one SGD step (loss, gradients, weight update).

h = relu(x @ w1); loss = sum((h @ w2 - y) ** 2); w -= lr * dloss/dw.
Every entry returns (loss, new_w1, new_w2); the gate compares the loss and
the implied gradients (w - new_w) / lr with the floor's.
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, to_numpy, torch_like

LR = 1e-6


def setup(ctx, dtype):
    N, D_in, H, D_out = (16, 100, 20, 10) if ctx.quick else (64, 1000, 100, 10)
    rng = np.random.default_rng(0)
    arrs = {k: ctx.put(rng.standard_normal(s).astype(dtype)) for k, s in
            (("x", (N, D_in)), ("y", (N, D_out)), ("w1", (D_in, H)), ("w2", (H, D_out)))}
    return dict(arrs, lr=LR, params=dict(N=N, D_in=D_in, H=H, D_out=D_out, lr=LR,
                                         dtype=dtype))


def floor(d, ctx):
    """The seeds' hand-written NumPy step (any backend namespace: ctx.xp)."""
    xp = ctx.xp
    x, y, w1, w2, lr = d["x"], d["y"], d["w1"], d["w2"], d["lr"]

    def step():
        h = x @ w1
        h_relu = xp.maximum(h, 0)
        diff = h_relu @ w2 - y
        loss = (diff * diff).sum()
        grad_y_pred = 2.0 * diff
        del diff
        grad_w2 = h_relu.T @ grad_y_pred
        del h_relu
        grad_h = grad_y_pred @ w2.T
        del grad_y_pred
        grad_h[h < 0] = 0
        del h
        grad_w1 = x.T @ grad_h
        del grad_h
        out = (loss, w1 - lr * grad_w1, w2 - lr * grad_w2)
        ctx.sync()
        return out
    return step


def loss_fn(np_, w1, w2, x, y):
    """The loss written once for any NumPy-like module (fnp, jnp, autograd.numpy)."""
    return np_.sum((np_.maximum(x @ w1, 0.0) @ w2 - y) ** 2)


def checked(result, d):
    loss, n1, n2 = result
    lr = d["lr"]
    w1, w2 = (np.asarray(to_numpy(d[k]), np.float64) for k in ("w1", "w2"))
    return [np.float64(loss), (w1 - np.asarray(n1, np.float64)) / lr,
            (w2 - np.asarray(n2, np.float64)) / lr]


# ------------------------------------------------------------ functorch_lite

def _fl_vg(d, ctx, jit):
    import functorch_lite as fl
    import functorch_lite.numpy as fnp
    vg = fl.value_and_grad(lambda w1, w2, x, y: loss_fn(fnp, w1, w2, x, y), argnums=(0, 1))
    if jit:
        vg = fl_feature("jit")(vg)
    x, y, w1, w2, lr = d["x"], d["y"], d["w1"], d["w2"], d["lr"]

    def step():
        loss, (g1, g2) = vg(w1, w2, x, y)
        out = (loss, w1 - lr * g1, w2 - lr * g2)
        ctx.sync()
        return out
    return step


def fl_jit_step(d, ctx):
    import functorch_lite as fl
    import functorch_lite.numpy as fnp
    jit = fl_feature("jit")
    lr = d["lr"]

    @jit
    def sgd(w1, w2, x, y):
        loss, (g1, g2) = fl.value_and_grad(
            lambda a, b: loss_fn(fnp, a, b, x, y), argnums=(0, 1))(w1, w2)
        return loss, w1 - lr * g1, w2 - lr * g2
    x, y, w1, w2 = d["x"], d["y"], d["w1"], d["w2"]

    def step():
        out = sgd(w1, w2, x, y)
        ctx.sync()
        return out
    return step


# ------------------------------------------------- the seeds' PyTorch code

def torch_style(which):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        x, y = tensor(d["x"]), tensor(d["y"])
        w1, w2 = tensor(d["w1"], True), tensor(d["w2"], True)
        lr = d["lr"]

        def step():
            y_pred = x.mm(w1).clamp(min=0).mm(w2)
            loss = (y_pred - y).pow(2).sum()
            loss.backward()
            with T.no_grad():
                for w in (w1, w2):
                    w -= lr * w.grad
                    w.grad.zero_()
            ctx.sync()
            return loss, w1, w2
        return step
    return make


def torch_func(d, ctx):
    torch = peer("torch", ctx)
    _, tensor = torch_like("torch", ctx)
    x, y, w1, w2 = (tensor(d[k]) for k in ("x", "y", "w1", "w2"))
    lr = d["lr"]
    gv = torch.func.grad_and_value(
        lambda a, b: (x.mm(a).clamp(min=0).mm(b) - y).pow(2).sum(), argnums=(0, 1))

    def step():
        (g1, g2), loss = gv(w1, w2)
        out = (loss, w1 - lr * g1, w2 - lr * g2)
        ctx.sync()
        return out
    return step


# ----------------------------------------------------------- JAX, autograd

def _jax(jit):
    def make(d, ctx):
        jax = peer("jax", ctx)
        jnp = jax.numpy
        x, y, w1, w2 = (jnp.asarray(d[k]) for k in ("x", "y", "w1", "w2"))
        lr = d["lr"]

        def sgd(w1, w2):
            loss, (g1, g2) = jax.value_and_grad(
                lambda a, b: loss_fn(jnp, a, b, x, y), argnums=(0, 1))(w1, w2)
            return loss, w1 - lr * g1, w2 - lr * g2
        f = jax.jit(sgd) if jit else sgd
        return lambda: jax.block_until_ready(f(w1, w2))
    return make


def hips_autograd(d, ctx):
    ag = peer("autograd", ctx)
    import autograd.numpy as anp
    x, y, w1, w2, lr = d["x"], d["y"], d["w1"], d["w2"], d["lr"]
    vg = ag.value_and_grad(lambda ws: loss_fn(anp, ws[0], ws[1], x, y))

    def step():
        loss, (g1, g2) = vg((w1, w2))
        return loss, w1 - lr * g1, w2 - lr * g2
    return step


def _workload(dtype):
    short = {"float32": "f32", "float64": "f64"}[dtype]
    return Workload(
        name=f"twolayer-{short}",
        title=f"seeds' two-layer net, one SGD step, {dtype}",
        description=("The seeds' two-layer ReLU net (N=64, D_in=1000, H=100, D_out=10, "
                     f"lr=1e-6) in {dtype}: forward, squared-error loss, gradients of w1 "
                     "and w2, and the weight update; the floor is the seeds' hand-written "
                     "NumPy version."),
        setup=lambda ctx: setup(ctx, dtype),
        dtype=dtype,
        checked=checked,
        entries=[
            Entry("numpy (floor)", "numpy", floor, floor=True),
            Entry("fl.grad", "functorch_lite", lambda d, c: _fl_vg(d, c, False)),
            Entry("fl.jit(grad)", "functorch_lite", lambda d, c: _fl_vg(d, c, True)),
            Entry("fl.jit(step)", "functorch_lite", fl_jit_step),
            Entry("fl facade", "functorch_lite", torch_style("facade")),
            Entry("torch eager", "torch", torch_style("torch")),
            Entry("torch.func", "torch", torch_func),
            Entry("jax", "jax", _jax(False)),
            Entry("jax.jit", "jax", _jax(True)),
            Entry("autograd", "autograd", hips_autograd),
        ])


WORKLOADS = [_workload("float32"), _workload("float64")]
