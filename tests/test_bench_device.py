"""``functorch-lite bench --backend cupy``'s workloads, in process on the device
stand-in: every functorch_lite entry runs on device arrays and its result
passes the gate against the (device) floor.  Timings mean nothing here."""
import pytest

from functorch_lite.bench import workloads as W
from functorch_lite.bench.common import Context
from functorch_lite.bench.runner import run_workload

from _device import device  # noqa: F401  (fixture)


@pytest.mark.parametrize("name", ["twolayer-f32", "chain", "mlp", "hessian", "perex"])
def test_bench_workloads_run_on_the_device(device, name):
    ctx = Context(backend="cupy", quick=True, compare=("torch",))
    res = run_workload(W.BY_NAME[name], ctx, progress=False)
    rows = res if isinstance(res, list) else res["entries"]
    mine = [r for r in rows if r.get("library") in ("numpy", "functorch_lite")]
    assert mine and all(r["status"] == "ok" for r in mine), \
        [(r["name"], r["status"], r["reason"]) for r in mine]


def test_the_gpu_benchmark_script_runs_on_the_stand_in():
    """benchmarks/bench_gpu.py --emulate: the script's code paths (fused chain
    checked against op-by-op, jit and facade MLP gradients checked against each
    other) on the CPU stand-in; its numbers mean nothing here."""
    import importlib.util
    import os
    import shutil
    if shutil.which("g++") is None:
        pytest.skip("the stand-in compiles fused kernels with g++ (not found)")
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "benchmarks", "bench_gpu.py")
    spec = importlib.util.spec_from_file_location("bench_gpu", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    res = mod.main(["--emulate"])
    assert res["chain"]["plan_steps_jit"] == 1
    assert set(res["mlp"]["times_s"]) == {"fl.jit(grad)", "facade (cuda)"}
