"""jit benchmarks (issue 5): ratios to hand-written NumPy, 1 thread, interleaved
rounds, medians.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/bench_jit.py [names...]

names: twolayer chain hessian perex deep (default: all).  ``deep`` measures peak
memory with tracemalloc in a fresh subprocess per entry.
"""
import os
import subprocess
import sys
import time

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import functorch_lite as fl  # noqa: E402
import functorch_lite.numpy as fnp  # noqa: E402


def bench(entries, rounds=25, inner=10):
    times = {k: [] for k in entries}
    for _ in range(rounds):          # interleaved: noise hits every entry alike
        for k, f in entries.items():
            t0 = time.perf_counter()
            for _ in range(inner):
                f()
            times[k].append((time.perf_counter() - t0) / inner)
    return {k: float(np.median(v)) for k, v in times.items()}


# ------------------------------------------------------------ 1. two-layer net

def twolayer():
    N, D_in, H, D_out = 64, 1000, 100, 10
    rng = np.random.default_rng(0)
    f32 = np.float32
    x, y = rng.standard_normal((N, D_in)).astype(f32), rng.standard_normal((N, D_out)).astype(f32)
    w1, w2 = rng.standard_normal((D_in, H)).astype(f32), rng.standard_normal((H, D_out)).astype(f32)
    lr = f32(1e-6)

    def np_step(w1, w2, x, y):
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h = grad_y_pred.dot(w2.T)
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        return w1 - lr * grad_w1, w2 - lr * grad_w2

    def loss(w1, w2, x, y):
        h_relu = fnp.maximum(x @ w1, 0.0)
        return fnp.sum((h_relu @ w2 - y) ** 2)

    @fl.jit
    def step(w1, w2, x, y):
        g1, g2 = fl.grad(loss, argnums=(0, 1))(w1, w2, x, y)
        return w1 - 1e-6 * g1, w2 - 1e-6 * g2

    a, b = step(w1, w2, x, y), np_step(w1, w2, x, y)
    assert a[0].dtype == np.float32
    np.testing.assert_allclose(a[0], b[0], rtol=1e-4, atol=1e-4)
    t = bench({"numpy": lambda: np_step(w1, w2, x, y), "jit": lambda: step(w1, w2, x, y)},
              rounds=41, inner=10)
    return {"numpy_us": t["numpy"] * 1e6, "jit_us": t["jit"] * 1e6,
            "ratio": t["jit"] / t["numpy"], "target": "<= 1.00x"}


# ------------------------------------------------------- 2. 100-op chain grad

_OPS = [lambda x: fnp.sin(x), lambda x: x * 1.01, lambda x: fnp.tanh(x),
        lambda x: x + 0.1, lambda x: fnp.cos(x)]
_NP_OPS = [np.sin, lambda x: x * 1.01, np.tanh, lambda x: x + 0.1, np.cos]


def chain():
    x = np.random.default_rng(1).standard_normal(10)

    def f(x):
        for i in range(99):
            x = _OPS[i % 5](x)
        return fnp.sum(x)   # op 100

    def np_fwd(x):
        for i in range(99):
            x = _NP_OPS[i % 5](x)
        return np.sum(x)
    g = fl.jit(fl.grad(f))
    np.testing.assert_allclose(g(x), fl.grad(f)(x), rtol=1e-12)
    t = bench({"numpy_fwd": lambda: np_fwd(x), "jit_grad": lambda: g(x)}, rounds=25, inner=200)
    n_steps = len(fl.transforms.jit.get_plan(g._cache[next(iter(g._cache))].closed).steps)
    return {"jit_grad_us_per_op": t["jit_grad"] * 1e6 / 100,
            "numpy_fwd_us_per_op": t["numpy_fwd"] * 1e6 / 100,
            "plan_steps": n_steps, "target": "<= 1.0 us/op"}


# ------------------------------------------------------------- 3. Hessian

def hessian():
    n = 200
    rng = np.random.default_rng(2)
    A = rng.standard_normal((n, n)) / np.sqrt(n)
    x = rng.standard_normal(n)

    def f(x, A):
        return fnp.sum(fnp.tanh(A @ x) ** 2)

    def np_hess(x, A):
        t = np.tanh(A @ x)
        w = (2.0 - 6.0 * t * t) * (1.0 - t * t)
        return A.T @ (w[:, None] * A)

    if hasattr(fl, "hessian"):
        how = "fl.hessian"
        H = fl.jit(lambda x, A: fl.hessian(f)(x, A))
    else:   # forward-over-reverse: vmap of jvp(grad) over the standard basis
        how = "vmap(jvp(grad)) over eye"

        def hvp(x, A, v):
            return fl.jvp(lambda x: fl.grad(f)(x, A), (x,), (v,))[1]
        H = fl.jit(lambda x, A: fl.vmap(hvp, (None, None, 0))(x, A, fnp.eye(n)))
    np.testing.assert_allclose(H(x, A), np_hess(x, A), rtol=1e-9, atol=1e-10)
    t = bench({"numpy": lambda: np_hess(x, A), "jit": lambda: H(x, A)}, rounds=25, inner=5)
    return {"how": how, "numpy_us": t["numpy"] * 1e6, "jit_us": t["jit"] * 1e6,
            "ratio": t["jit"] / t["numpy"], "target": "<= 2.0x"}


# ------------------------------------------------- 4. per-example gradients

def perex():
    B, D = 256, 512
    rng = np.random.default_rng(3)
    X = rng.standard_normal((B, D))
    y = np.sign(rng.standard_normal(B))
    w = rng.standard_normal(D) * 0.05

    def loss(w, x, y):
        return fnp.log(1.0 + fnp.exp(-y * (x @ w)))

    def np_grads(w, X, y):
        z = X @ w
        s = -y / (1.0 + np.exp(y * z))
        return s[:, None] * X

    g = fl.jit(fl.vmap(fl.grad(loss), (None, 0, 0)))
    np.testing.assert_allclose(g(w, X, y), np_grads(w, X, y), rtol=1e-10, atol=1e-12)
    t = bench({"numpy": lambda: np_grads(w, X, y), "jit": lambda: g(w, X, y)},
              rounds=61, inner=20)
    return {"numpy_us": t["numpy"] * 1e6, "jit_us": t["jit"] * 1e6,
            "ratio": t["jit"] / t["numpy"], "target": "<= 1.0x"}


# ------------------------------------------- 5. deep tanh net: memory & time

L, NB, DW = 200, 256, 512


def _deep_inputs():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((NB, DW)).astype(np.float32)
    Ws = [(rng.standard_normal((DW, DW)) / np.sqrt(DW)).astype(np.float32) for _ in range(L)]
    return x, Ws


def deep_numpy(x, Ws):
    acts = [x]
    for W in Ws:
        acts.append(np.tanh(acts[-1] @ W))
    g = np.ones_like(acts[-1])           # d sum(out) / d out
    grads = [None] * len(Ws)
    for i in range(len(Ws) - 1, -1, -1):
        a = acts.pop()
        g *= 1 - a * a
        del a
        grads[i] = acts[-1].T @ g
        g = g @ Ws[i].T
    return grads


def _deep_loss(Ws, x):
    for W in Ws:
        x = fnp.tanh(x @ W)
    return fnp.sum(x)


_deep_jit = fl.jit(fl.grad(_deep_loss))


def deep_fl(x, Ws):
    return _deep_jit(Ws, x)


def _deep_child(which):
    import tracemalloc
    x, Ws = _deep_inputs()
    f = deep_numpy if which == "numpy" else deep_fl
    f(x, Ws)                              # warm up (trace + plan)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    out = f(x, Ws)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    del out
    print(peak)


def deep():
    here = os.path.abspath(__file__)
    peaks = {}
    for which in ("numpy", "jit"):
        r = subprocess.run([sys.executable, here, "--deep-child", which], capture_output=True,
                           text=True, check=True)
        peaks[which] = int(r.stdout.strip().splitlines()[-1])
    x, Ws = _deep_inputs()
    a, b = deep_fl(x, Ws), deep_numpy(x, Ws)
    np.testing.assert_allclose(a[0], b[0], rtol=2e-3, atol=2e-4)
    t = bench({"numpy": lambda: deep_numpy(x, Ws), "jit": lambda: deep_fl(x, Ws)},
              rounds=7, inner=1)
    return {"numpy_peak_MiB": peaks["numpy"] / 2**20, "jit_peak_MiB": peaks["jit"] / 2**20,
            "peak_ratio": peaks["jit"] / peaks["numpy"], "numpy_ms": t["numpy"] * 1e3,
            "jit_ms": t["jit"] * 1e3, "time_ratio": t["jit"] / t["numpy"],
            "target": "peak within 5%, time <= 1.05x"}


ALL = {"twolayer": twolayer, "chain": chain, "hessian": hessian, "perex": perex, "deep": deep}

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--deep-child":
        _deep_child(sys.argv[2])
        sys.exit(0)
    names = sys.argv[1:] or list(ALL)
    for nm in names:
        res = ALL[nm]()
        print(nm, " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                           for k, v in res.items()), flush=True)
