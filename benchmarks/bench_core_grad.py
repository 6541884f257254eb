"""Per-call overhead of fl.grad on the seeds' two-layer net step, as a ratio to
the hand-written NumPy step (same math, same BLAS calls).  1 thread.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/bench_core_grad.py
"""
import os
import sys
import time

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "examples"))
from two_layer_net_grad import LR, init, loss_fn  # noqa: E402

import functorch_lite as fl  # noqa: E402
import functorch_lite.numpy as fnp  # noqa: E402


def numpy_step(x, y, w1, w2):
    h = x.dot(w1)
    h_relu = np.maximum(h, 0)
    y_pred = h_relu.dot(w2)
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T.dot(grad_y_pred)
    grad_h = grad_y_pred.dot(w2.T)
    grad_h[h < 0] = 0
    grad_w1 = x.T.dot(grad_h)
    return w1 - LR * grad_w1, w2 - LR * grad_w2


grad_fn = fl.grad(loss_fn, argnums=(0, 1))


def fl_step(x, y, w1, w2):
    g1, g2 = grad_fn(w1, w2, x, y)
    return w1 - LR * g1, w2 - LR * g2


def chain(x):
    for _ in range(25):
        x = fnp.tanh(fnp.sin(x) * 1.01 + 0.1)
    return fnp.sum(x)


def bench(entries, rounds=30, inner=20):
    times = {k: [] for k in entries}
    for _ in range(rounds):          # interleaved rounds: noise hits every entry alike
        for k, f in entries.items():
            t0 = time.perf_counter()
            for _ in range(inner):
                f()
            times[k].append((time.perf_counter() - t0) / inner)
    return {k: float(np.median(v)) for k, v in times.items()}


def main():
    for dtype in (np.float32, np.float64):
        x, y, w1, w2 = init(0, dtype)
        a, b = numpy_step(x, y, w1, w2), fl_step(x, y, w1, w2)
        assert all(np.allclose(p, q, rtol=1e-4) for p, q in zip(a, b))
        med = bench({"numpy": lambda: numpy_step(x, y, w1, w2),
                     "fl.grad": lambda: fl_step(x, y, w1, w2)})
        print(f"two-layer net step {np.dtype(dtype).name}: numpy {med['numpy'] * 1e6:8.1f} us   "
              f"fl.grad {med['fl.grad'] * 1e6:8.1f} us   ratio {med['fl.grad'] / med['numpy']:.3f}x")
    v = np.linspace(-1, 1, 10)
    g = fl.grad(chain)
    med = bench({"grad_chain": lambda: g(v)}, rounds=15, inner=5)
    print(f"grad of a 100-op elementwise chain on f64[10]: "
          f"{med['grad_chain'] / 100 * 1e6:.2f} us per op (forward + backward)")


if __name__ == "__main__":
    main()
