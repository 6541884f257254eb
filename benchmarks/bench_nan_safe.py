"""Cost of NaN-safe gradients: backward of a 100-op elementwise chain with
mul_safe's real kernel vs a plain multiply in its place.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 benchmarks/bench_nan_safe.py

Every elementwise vjp multiplies its cotangent with mul_safe (ct * d, exactly
0 where ct == 0).  The "plain" run swaps mul_safe's impl for np.multiply, so
the difference is exactly what the NaN safety costs.  Runs are interleaved
and the median is reported; the goal is <= 10% slower.
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402

import functorch_lite as fl  # noqa: E402
import functorch_lite.numpy as fnp  # noqa: E402
from functorch_lite.primitives import elementwise as E  # noqa: E402

_OPS = [fnp.sin, fnp.tanh, lambda x: x * 1.01, fnp.cos, lambda x: fnp.sqrt(x * x + 1.0),
        fnp.exp, lambda x: fnp.log(x + 2.0), lambda x: x * x * 0.5, fnp.arctan, fnp.log1p]


def chain(x):
    for k in range(100):
        x = _OPS[k % len(_OPS)](x)
    return x


def _plain(xp, ct, d):
    return xp.multiply(ct, d)


def measure(n, reps):
    x = np.random.default_rng(0).uniform(0.1, 0.9, n)
    _, vjp_fn = fl.vjp(chain, x)
    ct = np.ones(n)
    safe_impl = E.mul_safe_p.impl
    times = {"safe": [], "plain": []}
    for _ in range(reps):
        for mode in ("plain", "safe"):
            E.mul_safe_p.impl = safe_impl if mode == "safe" else _plain
            t0 = time.perf_counter()
            vjp_fn(ct)
            times[mode].append(time.perf_counter() - t0)
    E.mul_safe_p.impl = safe_impl
    return {k: float(np.median(v)) for k, v in times.items()}, \
        {k: float(np.min(v)) for k, v in times.items()}


def main():
    print(f"{'n':>9} {'plain ms':>10} {'safe ms':>10} {'overhead':>9} {'(of mins)':>10}")
    worst = 0.0
    for n, reps in [(1, 1000), (1_000, 500), (100_000, 30), (1_000_000, 7)]:
        r, m = measure(n, reps)
        over = r["safe"] / r["plain"] - 1
        over_min = m["safe"] / m["plain"] - 1
        worst = max(worst, over)
        print(f"{n:>9} {1e3 * r['plain']:>10.3f} {1e3 * r['safe']:>10.3f} {100 * over:>8.1f}% "
              f"{100 * over_min:>9.1f}%")
    print(f"worst overhead of medians {100 * worst:.1f}% (goal <= 10%)")


if __name__ == "__main__":
    main()
