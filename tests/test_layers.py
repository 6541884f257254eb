"""The layer contract (``.importlinter``, docs/architecture.md "Layers").

Arrows point down only, at import time and at call time: ``lint-imports``
checks the static import graph (imports inside functions included), and each
layer is imported here in a fresh interpreter to show it loads without any
layer above it (the package's own ``__init__`` imports everything, so the
subprocess stands the bare package up without running it).
"""
import configparser
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, ".importlinter")
PKG = "functorch_lite"


def _layers():
    """The layers contract's layers, top first: a list of (modules, independent)."""
    cp = configparser.ConfigParser()
    cp.read(CONFIG)
    sec = cp["importlinter:contract:layers"]
    layers = []
    for line in sec["layers"].strip().splitlines():
        line = line.split("#")[0].strip()
        if not line:
            continue
        independent = ":" not in line
        names = [n.strip() for n in re.split(r"[|:]", line)]
        layers.append(([f"{PKG}.{n}" for n in names], independent))
    return layers


def _lint(cwd):
    importlinter = pytest.importorskip("importlinter", reason="import-linter is not installed "
                                       "(pip install -e '.[test]')")
    del importlinter
    code = ("import sys; from importlinter.cli import lint_imports_command; "
            "lint_imports_command(['--config', '.importlinter', '--no-cache'])")
    env = dict(os.environ, PYTHONPATH=cwd)
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_import_contracts_are_kept():
    r = _lint(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "broken" in r.stdout and " 0 broken" in r.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    # the same tree with one call-time import running up (control -> the jit front
    # end): lint-imports must fail and name it
    shutil.copytree(os.path.join(ROOT, PKG), tmp_path / PKG,
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(CONFIG, tmp_path / ".importlinter")
    target = tmp_path / PKG / "control" / "cond.py"
    target.write_text(target.read_text() + textwrap.dedent("""

        def _upward():
            from ..transforms.jit import jit
            return jit
        """))
    r = _lint(str(tmp_path))
    assert r.returncode != 0
    assert "functorch_lite.control.cond -> functorch_lite.transforms.jit" in r.stdout, r.stdout


def test_the_layers_are_the_documented_ones():
    names = [set(mods) for mods, _ in _layers()]
    flat = [m for mods, _ in _layers() for m in mods]
    assert len(flat) == len(set(flat))
    # bottom to top: core < primitives < interpreters < control < api < numpy/lax < facade
    order = [f"{PKG}.core", f"{PKG}.primitives", f"{PKG}.transforms.jvp", f"{PKG}.control",
             f"{PKG}.transforms.jit", f"{PKG}.numpy", f"{PKG}.facade", f"{PKG}.nn", f"{PKG}.cli"]
    where = [next(i for i, s in enumerate(names) if m in s) for m in order]
    assert where == sorted(where, reverse=True), where
    assert len(set(where)) == len(where)


_BARE = """
import importlib, pkgutil, sys, types
pkg = types.ModuleType({pkg!r})
pkg.__path__ = [{path!r}]
sys.modules[{pkg!r}] = pkg          # the bare package: its __init__ would import every layer
for m in {mods!r}:
    mod = importlib.import_module(m)
    for sub in pkgutil.walk_packages(getattr(mod, "__path__", []), m + "."):
        importlib.import_module(sub.name)   # every module of the layer, not only __init__
loaded = sorted(m for m in sys.modules
                if any(m == f or m.startswith(f + ".") for f in {forbidden!r}))
assert not loaded, "imported from above its layer: " + ", ".join(loaded)
"""


def _layer_cases():
    layers = _layers()
    cases = []
    for i, (mods, independent) in enumerate(layers):
        above = [m for ms, _ in layers[:i] for m in ms]
        for m in mods:
            if m.endswith("__main__"):
                continue          # running it is the CLI
            siblings = [s for s in mods if s != m] if independent else []
            if above or siblings:
                cases.append(pytest.param(m, above + siblings, id=m[len(PKG) + 1:]))
    return cases


@pytest.mark.parametrize("module,forbidden", _layer_cases())
def test_a_layer_imports_without_the_layers_above(module, forbidden):
    code = _BARE.format(pkg=PKG, path=os.path.join(ROOT, PKG), mods=[module],
                        forbidden=forbidden)
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]


def test_the_bare_check_can_fail():
    # the subprocess check above reports a layer that loads one above it
    code = _BARE.format(pkg=PKG, path=os.path.join(ROOT, PKG), mods=[f"{PKG}.nn"],
                        forbidden=[f"{PKG}.facade"])
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode != 0 and "functorch_lite.facade" in r.stderr


def test_higher_order_primitives_are_in_the_one_registry():
    from functorch_lite.core.primitive import REGISTRY, missing_rules
    import functorch_lite  # noqa: F401  (defines every primitive)
    higher = {n: p for n, p in REGISTRY.items() if p.higher_order}
    assert set(higher) == {"cond", "while", "while_rev_fwd", "while_rev_bwd", "scan", "pjit",
                           "custom_jvp_call", "custom_vjp_call", "checkpoint"}
    for p in higher.values():
        assert p.multiple_results
        assert not missing_rules(p), (p.name, missing_rules(p))
        # defined in the control layer, every rule with it
        for rule in ("impl", "abstract", "jvp", "vjp", "batch"):
            assert getattr(p, rule).__module__.startswith("functorch_lite.control."), (p, rule)
