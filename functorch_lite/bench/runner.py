"""Timing inside one process: warm-up, the gate, interleaved rounds, statistics.

``run_workload`` times every entry of a workload in this process: it builds
the data and the floor, then for each entry builds its callable, calls it
once (this is where jit traces; the time is kept as ``first_call_s``; the
second call, where CPU fusion compiles its kernels, as ``second_call_s``),
checks the result against the floor's and only then lets it take part in the
rounds.  In each round every entry runs one sample (``calls`` calls, enough
to last ``target_s``), in an order rotated from round to round so that no
entry always runs right after the same neighbour.  ``run_memory_entry`` runs
one entry of a memory workload (the caller gives it a process of its own).
"""
import gc
import os
import sys
import time
import traceback

import numpy as np

from .common import Skip, WrongResult, check, to_numpy

PLAN = {  # quick: small sizes (chosen by each workload's setup) and few rounds
    False: dict(warmup=3, rounds=9, target_s=0.05, mem_reps=3),
    True: dict(warmup=1, rounds=3, target_s=0.003, mem_reps=1),
}


class Progress:
    """A text bar on stderr: redrawn in place on a terminal, a few lines otherwise."""

    def __init__(self, label, total, stream=None, enabled=True):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_quarter = -1

    def step(self, note="", n=1):
        self.done = min(self.done + n, self.total)
        if not self.enabled:
            return
        quarter = 4 * self.done // self.total
        if self.tty or quarter != self._last_quarter:
            self._last_quarter = quarter
            self._draw(note)

    def _draw(self, note):
        width = 24
        fill = width * self.done // self.total
        line = (f"{self.label:<14} [{'#' * fill}{'-' * (width - fill)}] "
                f"{self.done:>3}/{self.total} {note}")
        if self.tty:
            self.stream.write("\r" + line[:100].ljust(100))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self, note=""):
        if self.enabled and self.tty:
            self.done = self.total
            self._draw(note)
            self.stream.write("\n")
            self.stream.flush()


def _describe(exc):
    if os.environ.get("FL_BENCH_TRACEBACK"):
        traceback.print_exc()
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, WrongResult):
        return msg
    return f"{type(exc).__name__}: {msg}"[:300]


def _result(entry, status, reason=None, **extra):
    d = dict(name=entry.name, library=entry.library, floor=entry.floor,
             status=status, reason=reason)
    d.update(extra)
    return d


def _prepared(w, data, result):
    got = to_numpy(result)
    return w.checked(got, data) if w.checked else got


def _stats(samples):
    s = np.asarray(samples)
    q1, med, q3 = np.percentile(s, [25, 50, 75])
    return dict(median_s=float(med), q1_s=float(q1), q3_s=float(q3),
                iqr_s=float(q3 - q1), min_s=float(s.min()), samples=len(s))


def prepare(w, ctx, entries, data, ref):
    """Build and gate each entry; returns (results, {name: callable})."""
    results, fns = {}, {}
    for e in entries:
        try:
            fn = e.make(data, ctx)
            t0 = time.perf_counter()
            out = fn()
            first = time.perf_counter() - t0
            if ref is not None:
                check(_prepared(w, data, out), ref, w.dtype)
            del out
            results[e.name] = _result(e, "ok", first_call_s=first)
            fns[e.name] = fn
        except Skip as exc:
            results[e.name] = _result(e, "skipped", str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure is reported, not raised
            results[e.name] = _result(e, "error", _describe(exc))
    return results, fns


def run_workload(w, ctx, entries=None, progress=True, plan=None):
    """Time the workload's entries (all, or the given subset) in this process."""
    plan = plan or PLAN[ctx.quick]
    entries = list(entries if entries is not None else w.entries)
    floor = next(e for e in w.entries if e.floor)
    if floor not in entries:
        entries.insert(0, floor)
    t_start = time.perf_counter()
    data = w.setup(ctx)
    bar = Progress(w.name, len(entries) * (plan["warmup"] + plan["rounds"]), enabled=progress)

    ref = None
    try:
        ref = _prepared(w, data, floor.make(data, ctx)())
    except Exception as exc:  # noqa: BLE001
        raise RuntimeError(f"{w.name}: the NumPy floor itself failed: {_describe(exc)}") from exc
    results, fns = prepare(w, ctx, entries, data, ref)
    bar.step("warm-up", n=len(entries))

    calls, samples = {}, {name: [] for name in fns}
    for name, fn in list(fns.items()):  # more warm-up; calibrate the calls per sample
        try:
            dt = results[name]["first_call_s"]
            for k in range(plan["warmup"] - 1):
                t0 = time.perf_counter()
                fn()
                dt = time.perf_counter() - t0
                if k == 0:   # where jit compiles its CPU-fused kernels (plan.HOT_CALLS)
                    results[name]["second_call_s"] = dt
            calls[name] = max(1, int(plan["target_s"] / max(dt, 1e-7)))
        except Exception as exc:  # noqa: BLE001
            _fail(results, fns, name, exc)
        bar.step(name, n=plan["warmup"] - 1)

    names = list(fns)
    for r in range(plan["rounds"]):
        gc.collect()
        order = names[r % len(names):] + names[:r % len(names)] if names else []
        for name in order:
            if name not in fns:
                continue
            fn, n = fns[name], calls[name]
            try:
                t0 = time.perf_counter()
                for _ in range(n):
                    fn()
                samples[name].append((time.perf_counter() - t0) / n)
            except Exception as exc:  # noqa: BLE001
                _fail(results, fns, name, exc)
            bar.step(name)
    bar.close(f"{time.perf_counter() - t_start:.1f} s")

    floor_med = None
    for name in names:
        if name in fns and samples[name]:
            results[name].update(_stats(samples[name]), calls_per_sample=calls[name])
    if results[floor.name]["status"] == "ok":
        floor_med = results[floor.name]["median_s"]
    for res in results.values():
        if res["status"] == "ok" and floor_med:
            res["ratio"] = res["median_s"] / floor_med
    return dict(name=w.name, title=w.title, unit=w.unit, per=w.per, memory=False,
                dtype=w.dtype, params=data.get("params", {}),
                wall_s=time.perf_counter() - t_start,
                entries=[results[e.name] for e in entries])


def _fail(results, fns, name, exc):
    results[name].update(status="error", reason=_describe(exc))
    fns.pop(name, None)


# ------------------------------------------------------------------ memory

def _proc_kib(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return None


def _reset_hwm():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets the peak RSS (VmHWM) to the current RSS
        return True
    except OSError:
        return False


def run_memory_entry(w, ctx, entry, ref_path, save_ref, plan=None):
    """One entry of a memory workload: gate, peak RSS, traced peak, time."""
    import tracemalloc
    plan = plan or PLAN[ctx.quick]
    data = w.setup(ctx)
    ref = None if save_ref else list(np.load(ref_path).values())
    res, fns = prepare(w, ctx, [entry], data, ref)
    res = res[entry.name]
    res["params"] = data.get("params", {})
    if entry.name not in fns:
        return res
    fn = fns.pop(entry.name)
    try:
        if save_ref:
            got = _prepared(w, data, fn())
            from .common import leaves
            np.savez(ref_path, *leaves(got))
            del got
        gc.collect()
        # peak resident memory above what the inputs and the libraries already hold
        if _reset_hwm():
            base = _proc_kib("VmRSS")
            out = fn()
            res["rss_peak_bytes"] = (_proc_kib("VmHWM") - base) * 1024
            del out
            gc.collect()
        # NumPy reports its buffers to tracemalloc; torch and jax do not
        if entry.library in ("numpy", "functorch_lite", "autograd"):
            tracemalloc.start()
            base = tracemalloc.get_traced_memory()[0]
            out = fn()
            res["traced_peak_bytes"] = tracemalloc.get_traced_memory()[1] - base
            del out
            tracemalloc.stop()
            gc.collect()
        times = []
        for _ in range(plan["mem_reps"]):
            t0 = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t0)
            del out
        res.update(_stats(times), calls_per_sample=1)
    except Exception as exc:  # noqa: BLE001
        res.update(status="error", reason=_describe(exc))
    return res


def entries_for(w, ctx):
    """The floor, functorch_lite's entries, and the peers asked for with --compare."""
    return [e for e in w.entries
            if e.floor or e.library in ("numpy", "functorch_lite") or e.library in ctx.compare]
