"""Data-parallel training: one SGD step of an MLP 784-512-512-10 (tanh, softmax
cross-entropy), batch 8192, float32.

Two measurements:

* the ``dataparallel`` workload of ``functorch-lite bench`` (wall time per
  step, interleaved, gate-checked against the hand-written NumPy step): the
  NumPy floor, ``fl.jit`` of the whole step, and ``data_parallel`` with the
  in-process ``LocalExecutor`` (2 shards: what sharding itself costs);
* ``python -m functorch_lite.bench.dataparallel_cpu``: **CPU seconds
  per step** (single process: this process's own; data_parallel: this
  process, which runs the client and LocalCluster's scheduler, plus every
  child process: nannies and workers) and **bytes moved per step** for the
  single process vs ``data_parallel`` on ``LocalCluster(2 processes, 1 thread
  each)``, parameters and batch shards resident on the workers.  CPU seconds,
  not wall: on a shared machine wall time measures the neighbours.
"""
import argparse
import json
import subprocess
import sys
import time

import numpy as np

from ..common import Entry, Workload, fl_feature

SIZES = (784, 512, 512, 10)
LR = np.float32(0.05)


def make_data(batch, sizes=SIZES, seed=3):
    rng = np.random.default_rng(seed)
    params = [((rng.standard_normal((m, n)) / np.sqrt(m)).astype(np.float32),
               np.zeros(n, np.float32)) for m, n in zip(sizes[:-1], sizes[1:])]
    x = rng.standard_normal((batch, sizes[0])).astype(np.float32)
    labels = rng.integers(0, sizes[-1], batch)
    y = np.eye(sizes[-1], dtype=np.float32)[labels]        # one-hot targets
    return params, x, y


def setup(ctx):
    batch = 256 if ctx.quick else 8192
    sizes = (64, 32, 32, 10) if ctx.quick else SIZES
    params, x, y = make_data(batch, sizes)
    return dict(params_=params, X=x, Y=y,
                params=dict(batch=batch, layers="-".join(map(str, sizes)), dtype="float32"))


def numpy_step(params, x, y):
    """The hand-written floor: forward, backward and SGD by hand in NumPy."""
    acts = [x]
    for w, b in params[:-1]:
        acts.append(np.tanh(acts[-1] @ w + b))
    w, b = params[-1]
    z = acts[-1] @ w + b
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    s = e.sum(axis=1, keepdims=True)
    loss = np.float32(-(y * (z - np.log(s))).sum() / x.shape[0])
    g = (e / s - y) / np.float32(x.shape[0])
    grads = []
    for i in range(len(params) - 1, -1, -1):
        a = acts.pop()
        grads.append((a.T @ g, g.sum(axis=0)))
        if i:
            g = (g @ params[i][0].T) * (1 - a * a)
    grads = grads[::-1]
    return loss, [(w - LR * gw, b - LR * gb) for (w, b), (gw, gb) in zip(params, grads)]


def loss_fn(params, x, y):
    import functorch_lite.numpy as fnp
    import functorch_lite as fl
    h = x
    for w, b in params[:-1]:
        h = fnp.tanh(h @ w + b)
    w, b = params[-1]
    logp = fl.nn.log_softmax(h @ w + b, axis=1)
    return -fnp.sum(y * logp) / x.shape[0]


def sgd(params, grads, state):
    return [(w - LR * gw, b - LR * gb) for (w, b), (gw, gb) in zip(params, grads)], state


def _floor(d, ctx):
    p, x, y = d["params_"], d["X"], d["Y"]
    return lambda: numpy_step(p, x, y)


def _fl_jit(d, ctx):
    fl = fl_feature("jit")
    import functorch_lite as F
    vg = F.value_and_grad(loss_fn)

    @fl
    def step(p, x, y):
        v, g = vg(p, x, y)
        return v, sgd(p, g, None)[0]
    p, x, y = d["params_"], d["X"], d["Y"]
    return lambda: step(p, x, y)


def _dp_local(d, ctx):
    import functorch_lite as F
    dist = fl_feature("distributed")
    vg = F.jit(F.value_and_grad(loss_fn))
    p, x, y = d["params_"], d["X"], d["Y"]
    dp = dist.data_parallel(vg, dist.LocalExecutor(2), shards=2)

    def run():
        v, g = dp(p, x, y)
        return v, sgd(p, g, None)[0]
    return run


WORKLOADS = [Workload(
    name="dataparallel",
    title="one SGD step of an MLP 784-512-512-10, batch 8192, float32",
    description=("One SGD step (forward, backward, update) of a tanh MLP 784-512-512-10 "
                 "with softmax cross-entropy, batch 8192, float32: the hand-written NumPy "
                 "step, fl.jit of the whole step, and data_parallel over 2 shards in this "
                 "process (LocalExecutor). CPU seconds and bytes per step on a "
                 "LocalCluster(2): python -m functorch_lite.bench.dataparallel_cpu."),
    setup=setup, dtype="float32",
    entries=[
        Entry("numpy (floor)", "numpy", _floor, floor=True),
        Entry("fl.jit(step)", "functorch_lite", _fl_jit),
        Entry("data_parallel local(2)", "functorch_lite", _dp_local),
    ])]


# ------------------------------------------- CPU seconds and bytes per step

def _cpu_all():
    """CPU seconds of this process and all its children (LocalCluster's)."""
    import psutil
    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for c in me.children(recursive=True):
        try:
            total += sum(c.cpu_times()[:2])
        except psutil.Error:
            pass
    return total


def _timed(run, steps, cpu=time.process_time):
    c0, t0 = cpu(), time.perf_counter()
    for _ in range(steps):
        out = run()
    return (cpu() - c0) / steps, (time.perf_counter() - t0) / steps, out


def measure(batch=8192, steps=10, rounds=3, workers=2):
    """Per step: CPU seconds, wall seconds, bytes moved; single process vs
    data_parallel on a LocalCluster.  Returns a dict (medians over ``rounds``,
    the modes interleaved within each round)."""
    import functorch_lite as fl
    from functorch_lite.distributed import data_parallel
    from distributed import Client, LocalCluster

    params, x, y = make_data(batch)
    vg = fl.jit(fl.value_and_grad(loss_fn))
    step = fl.jit(lambda p, xx, yy: (lambda v, g: (v, sgd(p, g, None)[0]))(*vg(p, xx, yy)))
    state = {"p": params}

    def single():
        v, state["p"] = step(state["p"], x, y)
        return v

    def floor():
        v, state["q"] = numpy_step(state["q"], x, y)
        return v
    state["q"] = params
    import dask
    # the workers' statistical profiler samples every 10 ms: CPU a benchmark should not count
    dask.config.set({"distributed.worker.profile.enabled": False})
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    client = Client(cluster)
    try:
        dp = data_parallel(vg, client, update=fl.jit(sgd)).place(params)
        data = dp.shard(x, y)
        dp.step(data)                                  # compile on every worker
        single(), floor()
        rows = {"numpy step (floor)": [], "fl.jit step, 1 process": [],
                f"data_parallel, LocalCluster({workers})": []}
        moved = []
        for _ in range(rounds):
            rows["numpy step (floor)"].append(_timed(floor, steps)[:2])
            rows["fl.jit step, 1 process"].append(_timed(single, steps)[:2])
            m0 = dp.moved()
            rows[f"data_parallel, LocalCluster({workers})"].append(
                _timed(lambda: dp.step(data), steps, _cpu_all)[:2])
            m1 = dp.moved()
            moved.append({k: (m1[k] - m0[k]) / steps for k in m0})
        # equal to the single process to float32 rounding, after the same steps
        want, got = np.float32(single()), np.float32(dp.step(data))
        out = {"batch": batch, "layers": "-".join(map(str, SIZES)), "steps": steps,
               "rounds": rounds, "workers": workers, "dtype": "float32",
               "grad_bytes": int(sum(w.nbytes + b.nbytes for w, b in params)),
               "loss_single": float(want), "loss_dp": float(got)}
        out["modes"] = {k: {"cpu_s": float(np.median([r[0] for r in v])),
                            "wall_s": float(np.median([r[1] for r in v]))}
                        for k, v in rows.items()}
        out["moved_per_step"] = {k: float(np.median([m[k] for m in moved])) for k in moved[0]}
        return out
    finally:
        client.close()
        cluster.close()


def _report(r):
    lines = [f"MLP {r['layers']}, batch {r['batch']}, {r['dtype']}, {r['steps']} steps x "
             f"{r['rounds']} rounds (medians); gradient bytes {r['grad_bytes'] / 1e6:.2f} MB",
             f"{'mode':<34}{'CPU s/step':>11}{'wall s/step':>12}{'CPU vs fl 1-proc':>18}"]
    base = r["modes"]["fl.jit step, 1 process"]["cpu_s"]
    for k, v in r["modes"].items():
        lines.append(f"{k:<34}{v['cpu_s']:>11.3f}{v['wall_s']:>12.3f}{v['cpu_s'] / base:>17.2f}x")
    m = r["moved_per_step"]
    lines.append(f"data_parallel bytes/step: between workers {m['between_workers'] / 1e6:.2f} MB,"
                 f" from client {m['from_client'] / 1e6:.3f} MB, to client "
                 f"{m['to_client'] / 1e3:.2f} kB")
    lines.append(f"loss after the same steps: single {r['loss_single']:.7f}, "
                 f"data_parallel {r['loss_dp']:.7f}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batch", type=int, default=8192)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if not a.child:   # a fresh process with BLAS pinned to 1 thread before NumPy loads
        from .. import env
        cmd = [sys.executable, "-m", "functorch_lite.bench.dataparallel_cpu", "--child",
               "--batch", str(a.batch), "--steps", str(a.steps), "--rounds", str(a.rounds)] + \
            (["--json", a.json] if a.json else [])
        return subprocess.call(cmd, env=env.child_env(1, False))
    r = measure(a.batch, a.steps, a.rounds)
    print(_report(r))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=1)
    return 0


