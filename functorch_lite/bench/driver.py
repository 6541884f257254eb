"""The benchmark's parent process: one child per workload, then the report.

Each workload runs in a fresh child process (``worker``) whose environment
pins every library to the same thread count (OMP/OPENBLAS/MKL variables and
XLA flags, set before anything loads; ``torch.set_num_threads`` in the child)
and whose CPU affinity is pinned to that many CPUs.  A memory workload runs
one child per entry, so each entry's peak is its own: the floor runs first
and leaves its result in a file against which the others are checked.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

from . import env
from .common import Context
from .runner import Progress, entries_for

SCHEMA = "functorch-lite-bench/1"


def _spawn(args, ctx, memory, timeout):
    with tempfile.TemporaryDirectory(prefix="fl-bench-") as tmp:
        out = os.path.join(tmp, "result.json")
        cmd = [sys.executable, "-m", "functorch_lite.bench.worker", "--out", out,
               "--backend", ctx.backend, "--threads", str(ctx.threads),
               "--compare", ",".join(ctx.compare)] + (["--quick"] if ctx.quick else []) + args
        try:
            proc = subprocess.run(cmd, env=env.child_env(ctx.threads, memory),
                                  preexec_fn=env.pin_cpus(ctx.threads),
                                  stdout=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, f"worker timed out after {timeout} s"
        if proc.returncode != 0 or not os.path.exists(out):
            return None, f"worker exited with code {proc.returncode} (messages above)"
        with open(out) as f:
            return json.load(f), None


def _run_memory(w, ctx, progress, timeout):
    t_start = time.perf_counter()
    entries = entries_for(w, ctx)
    bar = Progress(w.name, len(entries), enabled=progress)
    results = []
    with tempfile.TemporaryDirectory(prefix="fl-bench-ref-") as tmp:
        ref = os.path.join(tmp, "floor.npz")
        for e in entries:
            args = ["--workload", w.name, "--entry", e.name, "--ref", ref, "--no-progress"]
            res, err = _spawn(args + (["--save-ref"] if e.floor else []), ctx, True, timeout)
            if res is None:
                res = dict(name=e.name, library=e.library, floor=e.floor, status="error",
                           reason=err)
            results.append(res)
            bar.step(e.name)
            if e.floor and res["status"] != "ok":
                break  # nothing to check the others against
    bar.close()
    floor = results[0]
    for res in results:
        if res["status"] != "ok" or floor["status"] != "ok":
            continue
        res["time_ratio"] = res["median_s"] / floor["median_s"]
        for key, rkey in (("rss_peak_bytes", "ratio"), ("traced_peak_bytes", "traced_ratio")):
            if res.get(key) is not None and floor.get(key):
                res[rkey] = res[key] / floor[key]
    params = [r.pop("params", None) for r in results][0] or {}
    return dict(name=w.name, title=w.title, unit=w.unit, per=w.per, memory=True,
                dtype=w.dtype, params=params, wall_s=time.perf_counter() - t_start,
                entries=results)


def run_bench(workloads, backend="numpy", threads=1, quick=False,
              compare=("torch", "jax", "autograd"), progress=True, argv=None):
    """Run the workloads and return the report (the ``--json`` document)."""
    ctx = Context(backend=backend, quick=quick, threads=threads, compare=tuple(compare))
    timeout = 300 if quick else 3600
    report = dict(schema=SCHEMA, date=env.now_utc(), command=argv, backend=backend,
                  threads=threads, quick=quick, compare=list(compare),
                  versions=env.versions(), machine=env.machine(), workloads=[])
    for w in workloads:
        if w.memory:
            res = _run_memory(w, ctx, progress, timeout)
        else:
            res, err = _spawn(["--workload", w.name] + ([] if progress else ["--no-progress"]),
                              ctx, False, timeout)
            if res is None:
                res = dict(name=w.name, title=w.title, unit=w.unit, per=w.per, memory=False,
                           dtype=w.dtype, params={}, error=err, entries=[])
        report["workloads"].append(res)
    return report
