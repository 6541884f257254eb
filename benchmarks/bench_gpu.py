"""The GPU benchmarks of issue 6, as ratios measured in one process.

  chain: a 10-op elementwise chain + sum over 1e6 float32, jitted (fused), against
         the same chain op by op in CuPy; kernel launches of one jitted call are
         counted with PyTorch's profiler (CUPTI sees every kernel in the process).
  mlp:   gradient of a batch-2048, 1024-1024-1024-10 tanh MLP in float32:
         fl.jit(fl.grad) on CuPy arrays and the Tensor facade on device='cuda',
         against PyTorch CUDA eager.

    python3 benchmarks/bench_gpu.py [--quick] [--json FILE]
    python3 benchmarks/bench_gpu.py --emulate     # CPU stand-in: checks the script runs

Times are medians of interleaved rounds, each round synchronised at its end.
With --emulate (no GPU) the numbers mean nothing; only the code paths run.
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import functorch_lite as fl               # noqa: E402
import functorch_lite.numpy as fnp        # noqa: E402


def _setup(emulate):
    if emulate:
        sys.path.insert(0, os.path.join(ROOT, "tests"))
        import _fakecupy
        return fl.backends.use_cupy(_fakecupy, _fakecupy.cupyx)
    return fl.backends.get("cupy")


def _torch_cuda():
    try:
        import torch
    except ImportError:
        return None
    return torch if torch.cuda.is_available() else None


def _timeit(entries, sync, rounds, inner):
    """entries: name -> zero-arg callable.  Interleaved rounds; median seconds per call."""
    times = {k: [] for k in entries}
    for f in entries.values():      # warm up (compiles, caches)
        f()
        f()
    sync()
    for _ in range(rounds):
        for k, f in entries.items():
            sync()
            t0 = time.perf_counter()
            for _ in range(inner):
                f()
            sync()
            times[k].append((time.perf_counter() - t0) / inner)
    return {k: statistics.median(v) for k, v in times.items()}


def count_launches(fn, torch):
    """Kernels launched by one call of fn (every library's, via CUPTI), or None."""
    if torch is None:
        return None
    from torch.profiler import ProfilerActivity, profile
    fn()
    torch.cuda.synchronize()
    with profile(activities=[ProfilerActivity.CUDA]) as prof:
        fn()
        torch.cuda.synchronize()
    kernels = [e for e in prof.events()
               if str(getattr(e, "device_type", "")).endswith("CUDA")
               and not e.name.startswith(("Memcpy", "Memset", "cudaMem"))]
    return len(kernels)


def chain_bench(xp, torch, n, rounds, inner):
    x = xp.asarray(np.random.default_rng(0).standard_normal(n).astype(np.float32))

    def chain_fl(x):
        y = fnp.sin(x) * 2.0 + 1.0
        y = fnp.tanh(fnp.exp(y * 0.1)) * x - 0.5
        y = fnp.sqrt(fnp.abs(y)) + x
        return fnp.sum(y * y)

    def chain_cupy(x):
        y = xp.sin(x)
        y = y * np.float32(2)
        y = y + np.float32(1)
        y = y * np.float32(0.1)
        y = xp.exp(y)
        y = xp.tanh(y)
        y = y * x
        y = y - np.float32(0.5)
        y = xp.abs(y)
        y = xp.sqrt(y)
        y = y + x
        return (y * y).sum()

    jitted = fl.jit(chain_fl)
    got, want = jitted(x), chain_cupy(x)
    np.testing.assert_allclose(float(xp.to_host(got)), float(xp.to_host(want)), rtol=1e-4)
    sync = xp.synchronize
    t = _timeit({"cupy op-by-op": lambda: chain_cupy(x), "fl.jit (fused)": lambda: jitted(x)},
                sync, rounds, inner)
    from functorch_lite.transforms.jit import get_plan
    return {
        "times_s": t,
        "speedup_vs_op_by_op": t["cupy op-by-op"] / t["fl.jit (fused)"],
        # kernel calls the compiled plan makes (a cross-check for the profiler's count)
        "plan_steps_jit": len(get_plan(fl.make_jaxpr(chain_fl)(x), xp).steps),
        "launches_jit": count_launches(lambda: jitted(x), torch),
        "launches_op_by_op": count_launches(lambda: chain_cupy(x), torch),
    }


def mlp_bench(xp, torch, batch, sizes, rounds, inner):
    rng = np.random.default_rng(0)
    ws = [(rng.standard_normal((m, k)) / np.sqrt(m)).astype(np.float32)
          for m, k in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros(k, np.float32) for k in sizes[1:]]
    xh = rng.standard_normal((batch, sizes[0])).astype(np.float32)
    yh = rng.standard_normal((batch, sizes[-1])).astype(np.float32)

    def loss(params, x, y):
        for w, b in params[:-1]:
            x = fnp.tanh(x @ w + b)
        w, b = params[-1]
        return fnp.mean((x @ w + b - y) ** 2)

    params = [(xp.asarray(w), xp.asarray(b)) for w, b in zip(ws, bs)]
    x, y = xp.asarray(xh), xp.asarray(yh)
    g = fl.jit(fl.grad(loss))
    entries = {"fl.jit(grad)": lambda: g(params, x, y)}
    results = {"fl.jit(grad)": g(params, x, y)}

    # the Tensor facade on the device
    tp = [(fl.tensor(w, device="cuda", requires_grad=True),
           fl.tensor(b, device="cuda", requires_grad=True)) for w, b in zip(ws, bs)]
    tx, ty = fl.tensor(xh, device="cuda"), fl.tensor(yh, device="cuda")

    def facade_step(tp=tp, tx=tx, ty=ty, T=fl):
        h = tx
        for w, b in tp[:-1]:
            h = (h @ w + b).tanh()
        w, b = tp[-1]
        out = ((h @ w + b - ty) ** 2).mean()
        for w, b in tp:
            w.grad = b.grad = None
        out.backward()
        return [(w.grad, b.grad) for w, b in tp]

    entries["facade (cuda)"] = facade_step
    results["facade (cuda)"] = [(a._v, b._v) for a, b in facade_step()]

    if torch is not None:
        pp = [(torch.tensor(w, device="cuda", requires_grad=True),
               torch.tensor(b, device="cuda", requires_grad=True)) for w, b in zip(ws, bs)]
        px, py = torch.tensor(xh, device="cuda"), torch.tensor(yh, device="cuda")

        def torch_step():
            h = px
            for w, b in pp[:-1]:
                h = torch.tanh(h @ w + b)
            w, b = pp[-1]
            out = ((h @ w + b - py) ** 2).mean()
            for w, b in pp:
                w.grad = b.grad = None
            out.backward()
            return [(w.grad, b.grad) for w, b in pp]
        entries["torch cuda eager"] = torch_step
        ref = [(a.cpu().numpy(), b.cpu().numpy()) for a, b in torch_step()]
    else:
        ref = [(xp.to_host(a), xp.to_host(b)) for a, b in results["fl.jit(grad)"]]
    for name, r in results.items():
        for (ga, gb), (ra, rb) in zip(r, ref):
            np.testing.assert_allclose(xp.to_host(ga), ra, rtol=2e-3, atol=1e-5,
                                       err_msg=name)
    t = _timeit(entries, xp.synchronize if torch is None else torch.cuda.synchronize,
                rounds, inner)
    out = {"times_s": t}
    if "torch cuda eager" in t:
        out["ratio_jit_vs_torch"] = t["fl.jit(grad)"] / t["torch cuda eager"]
        out["ratio_facade_vs_torch"] = t["facade (cuda)"] / t["torch cuda eager"]
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--emulate", action="store_true", help="CPU stand-in for CuPy (no GPU)")
    ap.add_argument("--quick", action="store_true", help="fewer rounds")
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args(argv)
    xp = _setup(a.emulate)
    torch = None if a.emulate else _torch_cuda()
    if a.emulate:
        n, batch, sizes, rounds, inner = 1000, 8, [16, 16, 16, 4], 2, 1
    else:
        n, batch, sizes = 1_000_000, 2048, [1024, 1024, 1024, 10]
        rounds, inner = (5, 10) if a.quick else (15, 20)
    res = {"emulated": a.emulate,
           "chain": chain_bench(xp, torch, n, rounds, inner),
           "mlp": mlp_bench(xp, torch, batch, sizes, rounds, inner)}
    for k, v in res.items():
        print(k, json.dumps(v, indent=1, default=float) if isinstance(v, dict) else v)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1, default=float)
    if a.emulate:
        fl.backends.forget_cupy()
    return res


if __name__ == "__main__":
    main()
