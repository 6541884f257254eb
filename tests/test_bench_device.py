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
