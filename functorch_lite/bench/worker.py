"""Child process: runs one workload (or one entry of a memory workload).

Started by ``driver`` with the thread variables already in its environment
(they must be set before NumPy loads) and its CPU affinity already pinned;
it writes its result as JSON to ``--out``.  Not a user-facing command.
"""
import argparse
import json
import sys


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m functorch_lite.bench.worker")
    p.add_argument("--workload", required=True)
    p.add_argument("--entry", help="run only this entry (memory workloads)")
    p.add_argument("--ref", help="memory workloads: the floor's result (.npz)")
    p.add_argument("--save-ref", action="store_true")
    p.add_argument("--out", required=True)
    p.add_argument("--backend", default="numpy")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--compare", default="")
    p.add_argument("--no-progress", action="store_true")
    a = p.parse_args(argv)

    from .common import Context
    from .runner import entries_for, run_memory_entry, run_workload
    from .workloads import BY_NAME
    ctx = Context(backend=a.backend, quick=a.quick, threads=a.threads,
                  compare=tuple(c for c in a.compare.split(",") if c))
    w = BY_NAME[a.workload]
    if a.entry:
        entry = next(e for e in w.entries if e.name == a.entry)
        res = run_memory_entry(w, ctx, entry, a.ref, a.save_ref)
    else:
        res = run_workload(w, ctx, entries_for(w, ctx), progress=not a.no_progress)
    with open(a.out, "w") as f:
        json.dump(res, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
