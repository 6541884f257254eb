"""The command line: parsing, a quick bench run, its JSON, the gate, the demo."""
import importlib.util
import json

import numpy as np
import pytest

import functorch_lite as fl
from functorch_lite import cli, demo
from functorch_lite.bench import common, report
from functorch_lite.bench.common import Context, Entry, Workload
from functorch_lite.bench.runner import run_workload
from functorch_lite.bench.workloads import BY_NAME, WORKLOADS, select

has_torch = importlib.util.find_spec("torch") is not None


# ------------------------------------------------------------------ parsing

def test_parse_bench_defaults():
    a = cli.build_parser().parse_args(["bench"])
    assert a.cmd == "bench" and a.workloads == [] and a.backend == "numpy"
    assert a.threads == 1 and not a.quick and a.json is None and a.plot is None
    assert a.compare == ("torch", "jax", "autograd")


def test_parse_bench_options():
    a = cli.build_parser().parse_args(
        ["bench", "mlp", "chain", "--backend", "cupy", "--threads", "2", "--quick",
         "--json", "r.json", "--plot", "r.png", "--compare", "jax,torch"])
    assert a.workloads == ["mlp", "chain"] and a.backend == "cupy" and a.threads == 2
    assert a.quick and a.json == "r.json" and a.plot == "r.png"
    assert a.compare == ("jax", "torch")
    assert cli.build_parser().parse_args(["bench", "--compare", "none"]).compare == ()


@pytest.mark.parametrize("argv", [["bench", "--compare", "tensorflow"],
                                  ["bench", "--threads", "0"],
                                  ["bench", "--backend", "tpu"]])
def test_parse_rejects(argv, capsys):
    with pytest.raises(SystemExit) as e:
        cli.build_parser().parse_args(argv)
    assert e.value.code == 2


def test_unknown_workload_names_the_choices(capsys):
    with pytest.raises(SystemExit):
        cli.main(["bench", "nosuchthing"])
    err = capsys.readouterr().err
    assert "nosuchthing" in err and "twolayer-f32" in err


def test_select_by_prefix():
    assert [w.name for w in select(["twolayer"])] == ["twolayer-f32", "twolayer-f64"]
    assert len(select([])) == len(WORKLOADS) == 14   # + odegrad(_x4), dataparallel, sumchain(-grad), psgrad


def test_plot_without_matplotlib_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setattr(report, "plot_available", lambda: False)
    with pytest.raises(SystemExit):
        cli.main(["bench", "chain", "--quick", "--plot", "x.png"])
    assert "pip install" in capsys.readouterr().err


def test_list(capsys):
    assert cli.main(["bench", "--list"]) == 0
    out = capsys.readouterr().out
    assert all(w.name in out for w in WORKLOADS)


# ----------------------------------------------- a quick run and its JSON

def test_quick_run_json_schema(tmp_path, capsys):
    path = tmp_path / "r.json"
    png = tmp_path / "r.png"
    argv = ["bench", "chain", "--quick", "--compare", "none", "--no-progress",
            "--json", str(path)]
    if importlib.util.find_spec("matplotlib"):
        argv += ["--plot", str(png)]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "numpy (floor)" in out and "fl.grad" in out and "us/op" in out
    rep = json.loads(path.read_text())
    assert rep["schema"] == "functorch-lite-bench/1"
    for key, typ in (("date", str), ("threads", int), ("backend", str), ("quick", bool),
                     ("versions", dict), ("machine", dict), ("workloads", list),
                     ("compare", list), ("command", list)):
        assert isinstance(rep[key], typ), key
    assert rep["threads"] == 1 and rep["compare"] == []
    assert {"numpy", "python", "functorch_lite"} <= set(rep["versions"])
    assert {"cpu", "cpu_count", "platform"} <= set(rep["machine"])
    (w,) = rep["workloads"]
    assert w["name"] == "chain" and w["unit"] == "us/op" and w["per"] == 100
    assert not w["memory"] and isinstance(w["params"], dict)
    ents = {e["name"]: e for e in w["entries"]}
    assert set(ents) == {"numpy (floor)", "fl.grad", "fl.jit(grad)", "fl facade"}
    for e in ents.values():
        assert e["status"] in ("ok", "skipped", "error")
        assert {"library", "floor", "reason"} <= set(e)
    for name in ("numpy (floor)", "fl.grad"):
        e = ents[name]
        assert e["status"] == "ok", e
        for k in ("median_s", "q1_s", "q3_s", "iqr_s", "ratio", "first_call_s", "samples",
                  "calls_per_sample"):
            assert isinstance(e[k], (int, float)), k
        assert e["q1_s"] <= e["median_s"] <= e["q3_s"]
    assert ents["numpy (floor)"]["ratio"] == 1.0
    if not hasattr(fl, "jit"):
        assert ents["fl.jit(grad)"]["status"] == "skipped"
        assert "fl.jit" in ents["fl.jit(grad)"]["reason"]
    if png.exists():
        assert png.read_bytes()[:4] == b"\x89PNG"


def test_quick_memory_workload(tmp_path, capsys):
    path = tmp_path / "m.json"
    assert cli.main(["bench", "deepchain", "--quick", "--compare", "none", "--no-progress",
                     "--json", str(path)]) == 0
    (w,) = json.loads(path.read_text())["workloads"]
    assert w["memory"] and w["params"]["layers"] == 20
    ents = {e["name"]: e for e in w["entries"]}
    for name in ("numpy (floor)", "fl.grad"):
        e = ents[name]
        assert e["status"] == "ok", e
        assert e["traced_peak_bytes"] > 0 and "rss_peak_bytes" in e
        assert e["median_s"] > 0
    assert ents["fl.grad"]["traced_ratio"] > 0


# --------------------------------------------------------- the gate

def _toy_workload(wrong):
    def setup(ctx):
        return dict(x=np.linspace(0, 1, 5), params={})

    def floor(d, ctx):
        return lambda: np.cos(d["x"])

    def good(d, ctx):
        return lambda: fl.grad(lambda x: fl.numpy.sum(fl.numpy.sin(x)))(d["x"])

    def skipped(d, ctx):
        raise common.Skip("not here")

    def raises(d, ctx):
        def run():
            raise ValueError("boom")
        return run
    return Workload(name="toy", title="toy", description="", setup=setup, dtype="float64",
                    entries=[Entry("floor", "numpy", floor, floor=True),
                             Entry("good", "functorch_lite", good),
                             Entry("wrong", "functorch_lite", wrong),
                             Entry("shape", "functorch_lite",
                                   lambda d, c: lambda: np.cos(d["x"])[:4]),
                             Entry("skipped", "functorch_lite", skipped),
                             Entry("raises", "functorch_lite", raises)])


def test_gate_rejects_a_wrong_entry():
    def wrong(d, ctx):  # off by 1e-3: a time must not be reported for it
        return lambda: np.cos(d["x"]) + 1e-3
    plan = dict(warmup=1, rounds=2, target_s=0.001)
    res = run_workload(_toy_workload(wrong), Context(quick=True), progress=False, plan=plan)
    ents = {e["name"]: e for e in res["entries"]}
    assert ents["good"]["status"] == "ok" and ents["good"]["ratio"] > 0
    assert ents["wrong"]["status"] == "error"
    assert "wrong result" in ents["wrong"]["reason"]
    assert "median_s" not in ents["wrong"] and "ratio" not in ents["wrong"]
    assert ents["shape"]["status"] == "error" and "shape" in ents["shape"]["reason"]
    assert ents["skipped"]["status"] == "skipped" and ents["skipped"]["reason"] == "not here"
    assert ents["raises"]["status"] == "error" and "boom" in ents["raises"]["reason"]
    text = report.table(dict(schema="", date="d", backend="numpy", threads=1, quick=True,
                             versions={"functorch_lite": "0", "python": "3"},
                             machine={"cpu": "x", "cpus_allowed": 1}, workloads=[res]))
    assert "error: wrong result" in text


def test_float32_tolerance_accepts_rounding_only():
    ref = np.linspace(1, 2, 50)
    near = (ref * (1 + 1e-5)).astype(np.float32)   # float32 rounding and reordering
    common.check(near, ref, "float32")
    with pytest.raises(common.WrongResult):
        common.check(near, ref, "float64")
    with pytest.raises(common.WrongResult):
        common.check(ref * 1.01, ref, "float32")


# ------------------- entries for features that land on other branches
# fl.jit, fl.hessian and the facade are not on every build; their entries are
# exercised here with stand-ins (identity jit, a vmap(jvp(grad)) hessian, and
# real PyTorch as the facade: the facade entries are plain PyTorch code).

FL_ONLY = Context(quick=True, compare=())


def _fl_entries(w):
    return [e for e in w.entries if e.library in ("numpy", "functorch_lite")]


def test_jit_and_hessian_entries_with_stand_ins(monkeypatch):
    if not hasattr(fl, "jit"):
        monkeypatch.setattr(fl, "jit", lambda f, static_argnums=(): f, raising=False)
    if not hasattr(fl, "hessian"):
        def hessian(f):
            def h(x):
                eye = np.eye(x.shape[0], dtype=x.dtype)
                return fl.vmap(lambda v: fl.jvp(fl.grad(f), (x,), (v,))[1])(eye)
            return h
        monkeypatch.setattr(fl, "hessian", hessian, raising=False)
    plan = dict(warmup=1, rounds=1, target_s=0.0)
    for name in ("twolayer-f32", "chain", "mlp", "hessian", "perex"):
        w = BY_NAME[name]
        res = run_workload(w, FL_ONLY, [e for e in _fl_entries(w) if "facade" not in e.name],
                           progress=False, plan=plan)
        for e in res["entries"]:
            assert e["status"] == "ok", (name, e)


@pytest.mark.skipif(not has_torch, reason="needs torch")
def test_facade_entries_are_pytorch_code(monkeypatch):
    import torch
    real = common.fl_feature
    monkeypatch.setattr(common, "fl_feature",
                        lambda n: torch if n == "Tensor" else real(n))
    plan = dict(warmup=1, rounds=1, target_s=0.0)
    for w in WORKLOADS:
        if w.memory:
            continue
        facade = [e for e in w.entries if "facade" in e.name]
        res = run_workload(w, FL_ONLY, facade, progress=False, plan=plan)
        for e in res["entries"]:
            assert e["status"] == "ok", (w.name, e)


# ---------------------------------------------------------------- demo

def test_demo_short(capsys):
    assert demo.demo(steps=100) == 0
    out = capsys.readouterr().out
    assert "4.5" in out and "lambda" in out and "t=99" in out
    assert "vmap" in out


@pytest.mark.skipif(not has_torch, reason="needs torch")
def test_demo_facade_parts_with_pytorch(capsys):
    import torch
    g = demo.autograd_example(torch)
    assert np.allclose(g, 4.5)
    runs = demo.training(100, torch)
    assert set(runs) == {"facade", "functional"}
    assert "same loss curve (to float32 rounding): True" in capsys.readouterr().out


def test_cupy_backend_without_a_gpu_is_a_clear_error(capsys):
    if "cupy" in fl.backends.available():
        pytest.skip("a GPU is visible")
    with pytest.raises(SystemExit):
        cli.main(["bench", "chain", "--backend", "cupy"])
    assert "CuPy" in capsys.readouterr().err


def test_children_get_the_same_threads_for_every_library():
    from functorch_lite.bench import env
    e = env.child_env(3)
    assert all(e[k] == "3" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                      "MKL_NUM_THREADS"))
    assert "multi_thread_eigen" not in e["XLA_FLAGS"]
    e1 = env.child_env(1, memory=True)
    assert "--xla_cpu_multi_thread_eigen=false" in e1["XLA_FLAGS"]
    assert "MALLOC_MMAP_THRESHOLD_" in e1
