"""A/B timing of two source trees of functorch_lite, interleaved, 1 thread.

    python3 benchmarks/ab_trees.py OLD_TREE NEW_TREE [--rounds 15]

Each tree runs in a worker process of its own (its directory first on
``sys.path``, BLAS pinned to one thread).  Both workers build the same
workloads from their own ``functorch_lite.bench`` (same data: the setups are
seeded) and gate each entry against the floor; the parent then asks them in
turn, round after round (alternating who goes first), for one timed sample
of every entry.  It prints each entry's median per tree and new/old, and the
floor's ratio in each tree as a check that the two workers ran alike.

Why two processes and not two runs: the machine is shared and noisy, so only
samples taken side by side, in one run, are comparable.
"""
import argparse
import json
import os
import subprocess
import sys
import time

ENTRIES = [("twolayer-f32", ["numpy (floor)", "fl.grad", "fl facade", "fl.jit(step)"]),
           ("twolayer-f64", ["numpy (floor)", "fl.grad", "fl facade", "fl.jit(step)"]),
           ("chain", ["numpy (floor)", "fl.grad", "fl facade", "fl.jit(grad)"])]

WORKER = r"""
import gc, json, sys, time
from functorch_lite.bench.common import Context
from functorch_lite.bench.workloads import BY_NAME
from functorch_lite.bench.runner import prepare
import numpy as np
spec = json.loads(sys.argv[1])
ctx = Context(compare=())
fns = {}
for wname, names in spec:
    w = BY_NAME[wname]
    data = w.setup(ctx)
    entries = [e for e in w.entries if e.name in names]
    floor = next(e for e in w.entries if e.floor)
    ref_fn = floor.make(data, ctx)
    from functorch_lite.bench.runner import _prepared
    ref = _prepared(w, data, ref_fn())
    res, made = prepare(w, ctx, entries, data, ref)
    for n, r in res.items():
        if r["status"] != "ok":
            raise SystemExit(f"{wname}/{n}: {r['status']} {r['reason']}")
    for n, f in made.items():
        # calls per sample: enough for ~20 ms
        t0 = time.perf_counter(); f(); dt = time.perf_counter() - t0
        fns[(wname, n)] = (f, max(1, int(0.02 / max(dt, 1e-7))), w.per)
print("ready", flush=True)
for line in sys.stdin:
    key = tuple(json.loads(line))
    f, calls, per = fns[key]
    gc.collect(); gc.disable()
    t0 = time.perf_counter()
    for _ in range(calls):
        f()
    dt = (time.perf_counter() - t0) / calls / per
    gc.enable()
    print(json.dumps(dt), flush=True)
"""


def start(tree, spec):
    env = dict(os.environ, PYTHONPATH=os.path.abspath(tree), OMP_NUM_THREADS="1",
               OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    p = subprocess.Popen([sys.executable, "-c", WORKER, json.dumps(spec)], cwd="/",
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    line = p.stdout.readline().strip()
    if line != "ready":
        raise SystemExit(f"worker for {tree} failed to start")
    return p


def sample(p, key):
    p.stdin.write(json.dumps(list(key)) + "\n")
    p.stdin.flush()
    return json.loads(p.stdout.readline())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--rounds", type=int, default=15)
    a = ap.parse_args()
    old, new = start(a.old, ENTRIES), start(a.new, ENTRIES)
    keys = [(w, n) for w, names in ENTRIES for n in names]
    times = {k: ([], []) for k in keys}
    t0 = time.time()
    for r in range(a.rounds):
        for k in keys:
            pair = (old, new) if r % 2 == 0 else (new, old)
            for p in pair:
                times[k][p is new].append(sample(p, k))
    for p in (old, new):
        p.stdin.close()
        p.wait()
    import statistics as st
    print(f"{a.rounds} interleaved rounds in {time.time() - t0:.0f} s; 1 thread; "
          f"old={a.old} new={a.new}")
    print(f"{'workload':<14}{'entry':<16}{'old':>12}{'new':>12}{'new/old':>9}"
          f"{'old/floor':>11}{'new/floor':>11}")
    for w, names in ENTRIES:
        fo = st.median(times[(w, "numpy (floor)")][0])
        fn = st.median(times[(w, "numpy (floor)")][1])
        for n in names:
            mo, mn = st.median(times[(w, n)][0]), st.median(times[(w, n)][1])
            print(f"{w:<14}{n:<16}{mo * 1e6:>10.1f}us{mn * 1e6:>10.1f}us{mn / mo:>9.3f}"
                  f"{mo / fo:>11.3f}{mn / fn:>11.3f}")


if __name__ == "__main__":
    main()
