"""Which library should fuse elementwise chains on the CPU?  (issue 17's measurement)

Each candidate computes the same two things, written the best way it allows:

* ``sumchain``: sum(chain(x)), chain = 4 x softsign(1.5 x + 0.25) (20 ops) over
  float32[1e6] -- memory-bound when done op by op;
* ``chain``: the 100-op chain of ``functorch-lite bench chain`` (25 x sin, *1.5,
  +0.25, tanh), forward only, on float64[10] -- all call overhead.

Candidates: NumPy op by op (the floor); numexpr (one ``evaluate`` per softsign
stage: it has no way to name a shared subexpression, so a single expression
would repeat ``u`` 2**4 times); numba (an ``@njit`` loop; it cannot read the
primitives' C expressions, so every primitive would need a second, Python
form); generated C, which is what ``fl.jit`` now does (``backends/cpu_fusion.py``).
Reported: the median of interleaved rounds (one thread) and the first call
(compile).  Run: ``python benchmarks/cpu_fusion_candidates.py``.
"""
import os
import time

for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[v] = "1"

import numpy as np  # noqa: E402

ROUNDS = 15


def candidates():
    out = {}
    x32 = np.random.default_rng(3).standard_normal(1_000_000).astype(np.float32)
    x10 = np.random.default_rng(1).standard_normal(10)

    def np_sum(x):
        for _ in range(4):
            u = x * 1.5 + 0.25
            x = u / (1.0 + np.abs(u))
        return x.sum()

    def np_chain(x):
        for _ in range(25):
            x = np.tanh(np.sin(x) * 1.5 + 0.25)
        return x
    out["numpy op by op"] = (lambda: np_sum(x32), lambda: np_chain(x10), 0.0, 0.0)

    import functorch_lite as fl
    import functorch_lite.numpy as fnp

    def fl_sum(x):
        for _ in range(4):
            u = x * 1.5 + 0.25
            x = u / (1.0 + fnp.abs(u))
        return fnp.sum(x)

    def fl_chain(x):
        for _ in range(25):
            x = fnp.tanh(fnp.sin(x) * 1.5 + 0.25)
        return x
    fs, fc = fl.jit(fl_sum), fl.jit(fl_chain)
    t0 = time.perf_counter()
    fs(x32), fs(x32)           # traced on the 1st call, compiled (C) on the 2nd
    cs = time.perf_counter() - t0
    t0 = time.perf_counter()
    fc(x10), fc(x10)
    cc = time.perf_counter() - t0
    out["generated C (fl.jit)"] = (lambda: fs(x32), lambda: fc(x10), cs, cc)

    try:
        import numexpr as ne
        ne.set_num_threads(1)
        c15, c25, one = np.float32(1.5), np.float32(0.25), np.float32(1)
        stage = "(x * c15 + c25) / (one + abs(x * c15 + c25))"

        def ne_sum(x):
            for _ in range(3):
                x = ne.evaluate(stage, local_dict=dict(x=x, c15=c15, c25=c25, one=one))
            return ne.evaluate(f"sum({stage})", local_dict=dict(x=x, c15=c15, c25=c25, one=one))
        chain_expr = "x"
        for _ in range(3):        # 3 repeats per expression (numexpr's operand limit)
            chain_expr = f"tanh(sin({chain_expr}) * 1.5 + 0.25)"

        def ne_chain(x):
            for _ in range(8):
                x = ne.evaluate(chain_expr, local_dict=dict(x=x))
            return ne.evaluate("tanh(sin(x) * 1.5 + 0.25)", local_dict=dict(x=x))
        t0 = time.perf_counter()
        r = ne_sum(x32)
        cs = time.perf_counter() - t0
        lit = ne.evaluate("x * 1.5", local_dict=dict(x=x32)).dtype
        print(f"numexpr: sum dtype {r.dtype}; float32 * Python literal gives {lit}")
        t0 = time.perf_counter()
        ne_chain(x10)
        out["numexpr"] = (lambda: ne_sum(x32), lambda: ne_chain(x10), cs,
                          time.perf_counter() - t0)
    except ImportError:
        print("numexpr not installed")

    try:
        t0 = time.perf_counter()
        import numba

        @numba.njit(cache=False)
        def nb_sum(x):
            acc = np.float32(0)
            for i in range(x.size):
                v = x[i]
                for _ in range(4):
                    u = v * np.float32(1.5) + np.float32(0.25)
                    v = u / (np.float32(1) + abs(u))
                acc += v
            return acc

        @numba.njit(cache=False)
        def nb_chain(x):
            out = np.empty_like(x)
            for i in range(x.size):
                v = x[i]
                for _ in range(25):
                    v = np.tanh(np.sin(v) * 1.5 + 0.25)
                out[i] = v
            return out
        nb_sum(x32)
        cs = time.perf_counter() - t0
        t0 = time.perf_counter()
        nb_chain(x10)
        out["numba"] = (lambda: nb_sum(x32), lambda: nb_chain(x10), cs,
                        time.perf_counter() - t0)
    except ImportError:
        print("numba not installed")
    return out


def main():
    cands = candidates()
    names = list(cands)
    samples = {(n, k): [] for n in names for k in (0, 1)}
    for r in range(ROUNDS):
        for n in names[r % len(names):] + names[:r % len(names)]:
            for k, reps in ((0, 5), (1, 2000)):
                f = cands[n][k]
                t0 = time.perf_counter()
                for _ in range(reps):
                    f()
                samples[(n, k)].append((time.perf_counter() - t0) / reps)
    floor = {k: np.median(samples[(names[0], k)]) for k in (0, 1)}
    print(f"{'candidate':<22}{'sumchain f32[1e6]':>20}{'x floor':>9}{'1st call':>10}"
          f"{'chain f64[10]':>16}{'x floor':>9}{'1st call':>10}")
    for n in names:
        m0, m1 = np.median(samples[(n, 0)]), np.median(samples[(n, 1)])
        print(f"{n:<22}{m0 * 1e3:>17.2f} ms{m0 / floor[0]:>8.2f}x{cands[n][2] * 1e3:>8.0f}ms"
              f"{m1 * 1e6:>13.1f} us{m1 / floor[1]:>8.2f}x{cands[n][3] * 1e3:>8.0f}ms")


if __name__ == "__main__":
    main()
