"""``functorch-lite demo``: a tour for newcomers, in well under a minute.

1. the seeds' autograd example (d/dx mean(3 (x+2)^2) = 4.5 at x = 1),
2. a function's jaxpr, 3. grad, vmap and jit of it, 4. the seeds' two-layer
net trained with the PyTorch-style facade and with (jit of) grad.

Parts that need a feature missing from this build (the Tensor facade,
``fl.jit``) say so and use what there is.
"""
import time

import numpy as np

import functorch_lite as fl
import functorch_lite.numpy as fnp


def _section(title):
    print(f"\n=== {title} " + "=" * max(0, 66 - len(title)))


def _show(code):
    for line in code.strip("\n").splitlines():
        print("    " + line)


def _facade():
    return fl if hasattr(fl, "Tensor") else None


def autograd_example(torch=None):
    """``torch``: the module to run the PyTorch-style code with (default: the facade)."""
    _section("1. The seeds' autograd example")
    torch = torch or _facade()
    if torch is not None:
        _show("""
import functorch_lite as torch
x = torch.ones(2, 2, requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()
out.backward()
print(x.grad)""")
        x = torch.ones(2, 2, requires_grad=True)
        y = x + 2
        z = y * y * 3
        out = z.mean()
        print("out =", out)
        out.backward()
        print("x.grad =", x.grad)
        return np.asarray(x.grad.numpy())
    print("(the Tensor facade is not in this build; the same derivative with fl.grad)")
    _show("""
g = fl.grad(lambda x: fnp.mean((x + 2) * (x + 2) * 3))(np.ones((2, 2)))""")
    g = fl.grad(lambda x: fnp.mean((x + 2) * (x + 2) * 3))(np.ones((2, 2)))
    print("g =\n", g)
    return g


def f(x):
    return fnp.sum(fnp.tanh(x) ** 2)


def transforms_tour():
    _section("2. A function and its jaxpr")
    _show("""
def f(x):
    return fnp.sum(fnp.tanh(x) ** 2)""")
    x = np.linspace(-1.0, 1.0, 3, dtype=np.float32)
    print("x =", x)
    print("fl.make_jaxpr(f)(x):")
    print(fl.make_jaxpr(f)(x))

    _section("3. grad, vmap, jit")
    g = fl.grad(f)(x)
    t = np.tanh(x)
    print("fl.grad(f)(x)        =", g, " (float32 in, float32 out:", g.dtype, ")")
    print("2 tanh(x)(1-tanh^2)  =", 2 * t * (1 - t ** 2))
    print("jaxpr of grad(f):")
    print(fl.make_jaxpr(fl.grad(f))(x))
    xs = np.stack([x, 2 * x, -x])
    per_row = fl.vmap(fl.grad(f))(xs)
    print("fl.vmap(fl.grad(f)) on a batch of 3 rows (one gradient per row):")
    print(per_row)
    loop = np.stack([fl.grad(f)(r) for r in xs])
    print("same as a Python loop:", bool(np.allclose(per_row, loop)))
    if hasattr(fl, "jit"):
        jg = fl.jit(fl.grad(f))
        t0 = time.perf_counter()
        jg(x)
        t1 = time.perf_counter()
        for _ in range(100):
            jg(x)
        t2 = time.perf_counter()
        print(f"fl.jit(fl.grad(f))(x) = {jg(x)}: first call (trace + optimise) "
              f"{(t1 - t0) * 1e3:.2f} ms, then {(t2 - t1) * 1e4:.0f} us per call "
              f"(fl.grad: {_per_call(fl.grad(f), x) * 1e6:.0f} us)")
    else:
        print("fl.jit is not in this build: skipping jit")


def _per_call(fn, x, n=100):
    fn(x)
    t0 = time.perf_counter()
    for _ in range(n):
        fn(x)
    return (time.perf_counter() - t0) / n


N, D_IN, H, D_OUT, LR = 64, 1000, 100, 10, 1e-6


def train_facade(torch, x, y, w1, w2, steps):
    """The seeds' autograd training loop, unchanged but for the import."""
    learning_rate = LR
    losses = {}
    t0 = time.perf_counter()
    for t in range(steps):
        y_pred = x.mm(w1).clamp(min=0).mm(w2)
        loss = (y_pred - y).pow(2).sum()
        if t % 100 == 99 or t == steps - 1:
            losses[t] = loss.item()
            print(f"    t={t:<4d} loss={loss.item():<14.6g} ({time.perf_counter() - t0:.2f} s)")
        loss.backward()
        with torch.no_grad():
            w1 -= learning_rate * w1.grad
            w2 -= learning_rate * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
    return losses, time.perf_counter() - t0


def loss_fn(w1, w2, x, y):
    return fnp.sum((fnp.maximum(x @ w1, 0.0) @ w2 - y) ** 2)


def train_functional(x, y, w1, w2, steps, jit):
    vg = fl.value_and_grad(loss_fn, argnums=(0, 1))
    if jit:
        vg = fl.jit(vg)
    losses = {}
    t0 = time.perf_counter()
    for t in range(steps):
        loss, (g1, g2) = vg(w1, w2, x, y)
        if t % 100 == 99 or t == steps - 1:
            losses[t] = float(loss)
            print(f"    t={t:<4d} loss={float(loss):<14.6g} ({time.perf_counter() - t0:.2f} s)")
        w1 = w1 - LR * g1
        w2 = w2 - LR * g2
    return losses, time.perf_counter() - t0


def training(steps=500, torch=None):
    _section(f"4. The seeds' two-layer net, {steps} SGD steps (N=64, D_in=1000, H=100, "
             f"D_out=10, lr=1e-6)")
    runs = {}
    torch = torch or _facade()
    if torch is not None:
        torch.manual_seed(0)
        x, y = torch.randn(N, D_IN), torch.randn(N, D_OUT)
        w1 = torch.randn(D_IN, H, requires_grad=True)
        w2 = torch.randn(H, D_OUT, requires_grad=True)
        arrays = [np.array(t.detach().numpy()) for t in (x, y, w1, w2)]
        print("With the Tensor facade (the seeds' code, `import functorch_lite as torch`):")
        runs["facade"] = train_facade(torch, x, y, w1, w2, steps)
    else:
        rng = np.random.default_rng(0)
        arrays = [rng.standard_normal(s).astype(np.float32)
                  for s in ((N, D_IN), (N, D_OUT), (D_IN, H), (H, D_OUT))]
        print("(the Tensor facade is not in this build: skipping the PyTorch-style loop)")
    jit = hasattr(fl, "jit")
    name = "fl.jit(fl.value_and_grad(loss))" if jit else "fl.value_and_grad(loss) (no fl.jit in this build)"
    print(f"Functional, with {name}:")
    runs["functional"] = train_functional(*arrays, steps, jit)
    print("Time for the whole loop: " + ", ".join(f"{k} {v[1]:.2f} s" for k, v in runs.items()))
    if len(runs) == 2:
        a, b = runs["facade"][0], runs["functional"][0]
        # float32 training: the two paths round differently (jit may fuse a chain into
        # one C kernel), which shows relatively once the loss is ~1e-5 of where it began
        scale = max(a.values())
        same = all(np.isclose(a[t], b[t], rtol=1e-2, atol=1e-6 * scale) for t in a)
        print("Both give the same loss curve (to float32 rounding):", same)
    return runs


def demo(steps=500):
    t0 = time.perf_counter()
    print("functorch_lite", fl.__version__, "- JAX-style transforms and a PyTorch-style "
          "facade on NumPy")
    autograd_example()
    transforms_tour()
    training(steps)
    print(f"\nDone in {time.perf_counter() - t0:.1f} s. Next: `functorch-lite bench --quick` "
          "compares with NumPy, PyTorch, JAX and autograd.")
    return 0
