"""Facade benchmarks (1 thread, interleaved rounds, medians).

1. The seeds' two-layer net (float32, N=64, 1000-100-10): time per training
   step of the autograd version (`loss.backward()`, update under no_grad,
   `grad.zero_()`) as a ratio to the hand-written NumPy step.
2. Per-op cost with backward: a chain of 100 elementwise ops (mul/add by a
   scalar, sin, tanh, in turn) on a 10-element float64 tensor that requires
   grad, forward + backward, divided by 100.

PyTorch is timed as a reference when it is installed.
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 benchmarks/bench_facade.py
"""
import os
import sys

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

import functorch_lite as fl  # noqa: E402

try:
    import torch
    torch.set_num_threads(1)
except ImportError:  # torch is only a reference
    torch = None

N, D_IN, H, D_OUT, LR = 64, 1000, 100, 10, 1e-6


def numpy_step_fn(dtype=np.float32):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N, D_IN)).astype(dtype)
    y = rng.standard_normal((N, D_OUT)).astype(dtype)
    w1 = rng.standard_normal((D_IN, H)).astype(dtype)
    w2 = rng.standard_normal((H, D_OUT)).astype(dtype)

    def step():
        nonlocal w1, w2
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)
        loss = np.square(y_pred - y).sum()
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        w1 -= LR * grad_w1
        w2 -= LR * grad_w2
        return loss
    return step


def autograd_step_fn(mod, dtype):
    rng = np.random.default_rng(0)
    x = mod.tensor(rng.standard_normal((N, D_IN)), dtype=dtype)
    y = mod.tensor(rng.standard_normal((N, D_OUT)), dtype=dtype)
    w1 = mod.tensor(rng.standard_normal((D_IN, H)), dtype=dtype, requires_grad=True)
    w2 = mod.tensor(rng.standard_normal((H, D_OUT)), dtype=dtype, requires_grad=True)

    def step():
        nonlocal w1, w2
        y_pred = x.mm(w1).clamp(min=0).mm(w2)
        loss = (y_pred - y).pow(2).sum()
        loss.backward()
        with mod.no_grad():
            w1 -= LR * w1.grad
            w2 -= LR * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
        return loss
    return step


def chain_fn(mod, dtype):
    x = mod.tensor(np.linspace(-1, 1, 10), dtype=dtype, requires_grad=True)

    def run():
        y = x
        for i in range(25):
            y = y * 1.01
            y = y + 0.1
            y = y.sin()
            y = y.tanh()
        y.sum().backward()
        x.grad = None
    return run


def timeit(fn, reps):
    t0 = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - t0) / reps


def interleaved(fns, reps, rounds):
    times = {k: [] for k in fns}
    for f in fns.values():
        f()  # warm up
    for _ in range(rounds):
        for k, f in fns.items():
            times[k].append(timeit(f, reps))
    return {k: statistics.median(v) for k, v in times.items()}


def main(rounds=15):
    fns = {"numpy": numpy_step_fn(), "facade": autograd_step_fn(fl, fl.float32)}
    if torch is not None:
        fns["torch"] = autograd_step_fn(torch, torch.float32)
    med = interleaved(fns, reps=10, rounds=rounds)
    print("two-layer net, float32, N=64 1000-100-10, time per training step (median):")
    for k, v in med.items():
        print(f"  {k:7s} {v * 1e6:9.1f} us   ratio to numpy {v / med['numpy']:.3f}x")
    cf = {"facade": chain_fn(fl, fl.float64)}
    if torch is not None:
        cf["torch"] = chain_fn(torch, torch.float64)
    med2 = interleaved(cf, reps=20, rounds=rounds)
    print("chain of 100 elementwise ops (mul, add, sin, tanh) on 10 float64, fwd+bwd:")
    for k, v in med2.items():
        print(f"  {k:7s} {v / 100 * 1e6:9.2f} us/op")
    return med, med2


if __name__ == "__main__":
    main()
