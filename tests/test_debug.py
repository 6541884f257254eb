"""The debugging kit: fl.debug.print, config.debug_nans, to_dot/render, source lines."""
import inspect
import os
import shutil

import numpy as np
import pytest

import functorch_lite as fl
from _device import device  # noqa: F401  (fixture)
import functorch_lite.numpy as fnp
from functorch_lite.core.ir import ClosedJaxpr
from functorch_lite.core import trace as core_trace
from functorch_lite.core.primitive import REGISTRY, TRAITS, Primitive
from functorch_lite.debug import _nans
from functorch_lite.transforms import reverse
from functorch_lite.transforms.jit import Jitted
from functorch_lite.transforms import passes


def _line(fn, text):
    """file:line of the first line of ``fn``'s source containing ``text``."""
    lines, start = inspect.getsourcelines(fn)
    for k, ln in enumerate(lines):
        if text in ln:
            return f"{inspect.getsourcefile(fn)}:{start + k}"
    raise AssertionError(text)


def _printing(x):
    fl.debug.print("x = {}", x)
    y = fnp.sin(x)
    fl.debug.print("y = {y:.3f}", y=y.sum())
    return (y * 2.0).sum()


X = np.array([0.0, 1.0, 2.0])
# the expected lines (JAX 0.4+ prints the same for jax.debug.print)
EAGER = "x = [0. 1. 2.]\ny = 1.751\n"
LANES = "x = 0.0\nx = 1.0\nx = 2.0\ny = 0.000\ny = 0.841\ny = 0.909\n"


# ---------------------------------------------------------------- print

def test_print_eager_prints_at_once(capsys):
    fl.debug.print("a={} b={b}", np.float64(1.5), b=np.arange(2))
    assert capsys.readouterr().out == "a=1.5 b=[0 1]\n"
    _printing(X)
    assert capsys.readouterr().out == EAGER


def test_print_under_jit_prints_every_call_not_at_trace(capsys):
    jf = fl.jit(_printing)
    jf(X)
    assert capsys.readouterr().out == EAGER
    jf(X)
    assert capsys.readouterr().out == EAGER
    assert jf.trace_count == 1
    jf(X + 1.0)            # new values, same plan: the new values print
    assert capsys.readouterr().out.startswith("x = [1. 2. 3.]\n")


def test_print_survives_jit_passes_and_keeps_order(capsys):
    def f(x):
        fl.debug.print("first {}", x)
        fl.debug.print("first {}", x)    # CSE must not merge the two
        fl.debug.print("const {}", np.float64(3.0))  # constant input: never folded
        return x * 1.0
    fl.jit(f)(np.float64(2.0))
    assert capsys.readouterr().out == "first 2.0\nfirst 2.0\nconst 3.0\n"
    opt = passes.optimize(fl.make_jaxpr(f)(np.float64(2.0)))
    assert sum(e.primitive.effect for e in opt.eqns) == 3


def test_print_with_no_output_used_and_in_nested_jit(capsys):
    inner = fl.jit(lambda x: (fl.debug.print("inner {}", x), x + 1)[1])

    def f(x):
        inner(x)           # result unused: the nested call still runs (it prints)
        return x
    fl.jit(f)(np.float64(4.0))
    assert capsys.readouterr().out == "inner 4.0\n"
    fl.jit(lambda x: fl.debug.print("only {}", x))(np.float64(1.0))
    assert capsys.readouterr().out == "only 1.0\n"


def test_print_under_vmap_one_line_per_lane(capsys):
    fl.vmap(_printing)(X)
    assert capsys.readouterr().out == LANES
    fl.jit(fl.vmap(_printing))(X)
    assert capsys.readouterr().out == LANES
    # an unbatched argument under vmap prints once
    fl.vmap(lambda x, c: (fl.debug.print("c={}", c), x)[1], in_axes=(0, None))(X, 7.0)
    assert capsys.readouterr().out == "c=7.0\n"


def test_print_under_vmap_matches_jax(capsys):
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)

    def g(dbg, x):
        dbg.print("v = {}", x)
        return x
    jax.vmap(lambda x: g(jax.debug, x))(X)
    jax.effects_barrier()
    want = capsys.readouterr().out
    fl.vmap(lambda x: g(fl.debug, x))(X)
    assert capsys.readouterr().out == want == "v = 0.0\nv = 1.0\nv = 2.0\n"


def test_print_under_grad_prints_primals_and_passes_nothing(capsys):
    g = fl.grad(_printing)(X)
    assert capsys.readouterr().out == EAGER
    np.testing.assert_allclose(g, 2 * np.cos(X))
    fl.jit(fl.grad(_printing))(X)
    assert capsys.readouterr().out == EAGER
    fl.grad(fl.jit(_printing))(X)
    assert capsys.readouterr().out == EAGER
    out, t = fl.jvp(_printing, (X,), (np.ones(3),))
    assert capsys.readouterr().out == EAGER


def test_print_in_scan_prints_each_iteration(capsys):
    def body(c, x):
        fl.debug.print("c={} x={}", c, x)
        return c + x, c
    fl.jit(lambda xs: fl.lax.scan(body, 0.0, xs)[0])(np.arange(3.0))
    assert capsys.readouterr().out == "c=0.0 x=0.0\nc=0.0 x=1.0\nc=1.0 x=2.0\n"


def test_callback_and_facade_tensor(capsys):
    seen = []
    fl.jit(lambda x: (fl.debug.callback(seen.append, x), x)[1])(np.float64(5.0))
    assert seen == [5.0]
    t = fl.tensor([1.0, 2.0])
    fl.debug.print("t = {}", t)
    assert capsys.readouterr().out == "t = [1. 2.]\n"


def test_print_bad_arguments():
    with pytest.raises(TypeError, match=r"debug\.print: fmt"):
        fl.debug.print(3, X)
    with pytest.raises(TypeError, match=r"debug\.callback: fn"):
        fl.debug.callback(3, X)


def test_effect_trait_is_declared_and_dce_keeps_it():
    assert TRAITS["effect"] is False
    effects = [p for p in REGISTRY.values() if p.effect]
    assert sorted(p.name for p in effects) == ["debug_callback", "io_callback"]
    closed = fl.make_jaxpr(lambda x: (fl.debug.print("{}", x), x * 0 + 1)[1])(X)
    assert any(e.primitive.effect for e in passes.dce(closed).eqns)


# ------------------------------------------------------------ debug_nans

@pytest.fixture
def nans():
    with fl.debug.debug_nans():
        yield


def _logsum(x):
    y = fnp.log(x)                    # the NaN's line
    return (y * 2.0).sum()


def _sqrtsum(x):
    return fnp.sqrt(x).sum()          # the backward inf's line


BAD = np.array([1.0, -1.0])
ZERO = np.array([1.0, 0.0])


def test_debug_nans_off_by_default_and_restored():
    assert fl.config.debug_nans is False
    with np.errstate(invalid="ignore"):
        assert np.isnan(_logsum(BAD))
    with fl.debug.debug_nans():
        assert fl.config.debug_nans is True
        assert Primitive.bind is not core_trace.bind
    assert fl.config.debug_nans is False
    # off, the hot paths are exactly the plain ones: nothing was added to them
    assert Primitive.bind is core_trace.bind and reverse.rule_hook is None
    assert reverse.VJPTrace.process_primitive is _nans._plain["vjp_pp"]
    assert Jitted.__call__ is _nans._plain["jit_call"]


def test_debug_nans_eager_forward(nans):
    with pytest.raises(FloatingPointError) as e, np.errstate(invalid="ignore"):
        _logsum(BAD)
    msg = str(e.value)
    assert "forward pass" in msg and "log at " + _line(_logsum, "fnp.log") in msg
    assert _logsum(np.array([1.0, 2.0])) == pytest.approx(2 * np.log(2.0))


def test_debug_nans_grad_forward_and_backward(nans):
    with pytest.raises(FloatingPointError, match="forward pass") as e, \
            np.errstate(invalid="ignore"):
        fl.grad(_logsum)(BAD)
    assert _line(_logsum, "fnp.log") in str(e.value)
    with pytest.raises(FloatingPointError) as e, np.errstate(divide="ignore"):
        fl.grad(_sqrtsum)(ZERO)
    msg = str(e.value)
    assert "backward pass" in msg and "cotangent rule of sqrt" in msg
    assert _line(_sqrtsum, "fnp.sqrt") in msg


def test_debug_nans_jit_reruns_and_names_the_equation(nans):
    with pytest.raises(FloatingPointError) as e, np.errstate(invalid="ignore"):
        fl.jit(_logsum)(BAD)
    msg = str(e.value)
    assert "forward pass" in msg and "log at " + _line(_logsum, "fnp.log") in msg
    assert "jit(_logsum)" in msg
    with pytest.raises(FloatingPointError) as e, np.errstate(divide="ignore"):
        fl.jit(fl.grad(_sqrtsum))(ZERO)
    msg = str(e.value)
    assert "backward pass" in msg and "cotangent rule of sqrt" in msg
    assert _line(_sqrtsum, "fnp.sqrt") in msg


def test_debug_nans_jit_toggled_after_first_call():
    jf = fl.jit(_logsum)
    with np.errstate(invalid="ignore"):
        assert np.isnan(jf(BAD))                     # off: the plan's NaN comes back
        with fl.debug.debug_nans(), pytest.raises(FloatingPointError, match="log at"):
            jf(BAD)
        assert np.isnan(jf(BAD))                     # off again


def test_debug_nans_grad_of_jit_forward_and_eager_cond(nans):
    with pytest.raises(FloatingPointError, match="forward pass: log at") as e, \
            np.errstate(invalid="ignore"):
        fl.grad(fl.jit(_logsum))(BAD)          # pjit's vjp_fwd: re-run to find log
    assert _line(_logsum, "fnp.log") in str(e.value)

    def f(x):
        return fl.lax.cond(x.sum() > 0, lambda v: fnp.log(v - 5.0), lambda v: v, x)
    with pytest.raises(FloatingPointError, match="log at " + _line(f, "fnp.log")), \
            np.errstate(invalid="ignore"):
        f(np.array([1.0, 2.0]))               # eager cond: its taken branch is entered


def test_debug_nans_grad_of_jit_names_the_call(nans):
    with pytest.raises(FloatingPointError, match="backward pass.*pjit"), \
            np.errstate(divide="ignore"):
        fl.grad(fl.jit(_sqrtsum))(ZERO)


def test_debug_nans_vmap_and_jvp(nans):
    with pytest.raises(FloatingPointError, match="log at"), np.errstate(invalid="ignore"):
        fl.vmap(_logsum)(BAD[:, None])
    with pytest.raises(FloatingPointError, match="jvp rule of sqrt"), \
            np.errstate(divide="ignore"):
        fl.jvp(_sqrtsum, (ZERO,), (np.ones(2),))


def test_debug_nans_spares_nan_safe_rules_and_nan_data(nans):
    def masked(x):
        return fnp.where(x > 0, fnp.sqrt(x), 0.0).sum()
    want = np.array([0.5, 0.0])
    with np.errstate(divide="ignore", invalid="ignore"):
        np.testing.assert_allclose(fl.grad(masked)(ZERO), want)
        np.testing.assert_allclose(fl.jit(fl.grad(masked))(ZERO), want)
        np.testing.assert_allclose(fl.grad(fl.jit(masked))(ZERO), want)
        # a NaN already in the data is not blamed on the operations it flows through
        assert np.isnan(_logsum(np.array([np.nan, 1.0])))
        assert np.isnan(fl.jit(_logsum)(np.array([np.nan, 1.0])))


def test_debug_nans_inside_cond_names_the_branch_line(nans):
    def f(x):
        return fl.lax.cond(x.sum() > 0, lambda v: fnp.log(v - 5.0), lambda v: v, x)
    with pytest.raises(FloatingPointError) as e, np.errstate(invalid="ignore"):
        fl.jit(f)(np.array([1.0, 2.0]))
    assert "log at " + _line(f, "fnp.log") in str(e.value)


def test_debug_nans_facade_backward(nans):
    x = fl.tensor([1.0, 0.0], requires_grad=True)
    y = fl.sqrt(x).sum()
    with pytest.raises(FloatingPointError, match="backward pass.*SqrtBackward0"), \
            np.errstate(divide="ignore"):
        y.backward()


def test_debug_nans_facade_eager_forward_names_the_line(nans):
    x = fl.tensor([1.0, -1.0], requires_grad=True)
    line = _line(test_debug_nans_facade_eager_forward_names_the_line, "# the NaN" + " here")
    with pytest.raises(FloatingPointError, match=f"forward pass: log \\(LogBackward0\\) at "
                                                 f"{line}"), np.errstate(invalid="ignore"):
        x.log()                                    # the NaN here
    with pytest.raises(FloatingPointError, match="forward pass: div"), \
            np.errstate(divide="ignore"):
        fl.tensor([1.0]) / 0.0                      # no grad, a Python-number operand
    y = fl.tensor([float("nan")]) * 2.0            # NaN data is not blamed on mul
    assert np.isnan(y.item())


def test_debug_nans_facade_backward_names_the_forward_line(nans):
    x = fl.tensor([1.0, 0.0], requires_grad=True)
    y = x.sqrt().sum()                             # the inf's forward line
    line = _line(test_debug_nans_facade_backward_names_the_forward_line, "# the inf" + "'s")
    with pytest.raises(FloatingPointError, match=f"SqrtBackward0 \\(its forward operation at "
                                                 f"{line}\\)"), np.errstate(divide="ignore"):
        y.backward()


def test_debug_nans_off_leaves_the_facade_alone():
    with np.errstate(invalid="ignore"):
        assert np.isnan(fl.tensor([-1.0]).log().item())


# --------------------------------------------------------- source lines

def test_make_jaxpr_source_info():
    def f(x):
        y = fnp.sin(x)
        return y * 2.0
    closed = fl.make_jaxpr(f, source_info=True)(X)
    assert isinstance(closed, ClosedJaxpr)
    text = str(closed)
    assert f"sin a  # {_line(f, 'fnp.sin')}" in text
    assert f"# {_line(f, 'y * 2.0')}" in text
    plain = str(fl.make_jaxpr(f)(X))
    assert "#" not in plain and plain == closed.pretty_print()
    assert closed.pretty_print(source_info=True) == text
    nested = str(fl.make_jaxpr(fl.jit(f), source_info=True)(X))
    assert f"# {_line(f, 'fnp.sin')}" in nested


# ------------------------------------------------------------------ to_dot

def test_to_dot_jaxpr():
    def f(x, w):
        fl.debug.print("{}", x)
        return fnp.tanh(x @ w).sum()
    closed = fl.make_jaxpr(f)(np.ones((2, 3)), np.ones((3, 4)))
    dot = fl.debug.to_dot(closed)
    assert dot.startswith('digraph "jaxpr" {') and dot.rstrip().endswith("}")
    for want in ('"a: f64[2,3]"', '"b: f64[3,4]"', "dot_general", "tanh", "reduce_sum",
                 "debug_callback", '"out ', "-> \"e0\"", "style=\"filled,dashed\""):
        assert want in dot, want
    assert os.path.basename(inspect.getsourcefile(f)) in dot
    assert dot.count("->") >= len(closed.eqns)


def test_to_dot_grad_fn_graph():
    x = fl.tensor([1.0, 2.0], requires_grad=True)
    w = fl.tensor([3.0, 4.0], requires_grad=True)
    y = (fl.tanh(x) * w).sum()
    dot = fl.debug.to_dot(y)
    for want in ("SumBackward0", "MulBackward0", "TanhBackward0", "AccumulateGrad\\n(2)"):
        assert want in dot, want
    assert dot.count("AccumulateGrad") == 2 and dot.count(" -> ") == 4
    assert fl.debug.to_dot(y.grad_fn) == dot
    with pytest.raises(ValueError, match="to_dot: .*grad_fn"):
        fl.debug.to_dot(fl.tensor([1.0]))
    with pytest.raises(TypeError, match="to_dot: obj"):
        fl.debug.to_dot(3)


def test_render(tmp_path):
    closed = fl.make_jaxpr(lambda x: fnp.exp(x) + 1.0)(X)
    with pytest.raises(ValueError, match="render: format"):
        fl.debug.render(closed, tmp_path / "g.pdf", format="pdf")
    pytest.importorskip("graphviz")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot program is not installed")
    for fmt in ("svg", "png"):
        path = fl.debug.render(closed, tmp_path / f"g.{fmt}", format=fmt)
        data = open(path, "rb").read()
        assert data[:4] == b"\x89PNG" if fmt == "png" else b"<svg" in data


def test_print_of_constants_only_under_jit_runs_each_call(capsys):
    def f(x):
        fl.debug.print("hello")
        fl.debug.print("c={}", np.float64(3.0))
        return x
    jf = fl.jit(f)
    assert capsys.readouterr().out == ""
    jf(X)
    jf(X)
    assert capsys.readouterr().out == "hello\nc=3.0\n" * 2


def test_debug_nans_and_print_on_a_device_backend(device, nans, capsys):
    x = device.put(np.array([1.0, -1.0]))
    with pytest.raises(FloatingPointError, match="log at"), np.errstate(invalid="ignore"):
        _logsum(x)
    with pytest.raises(FloatingPointError, match="log at"), np.errstate(invalid="ignore"):
        fl.jit(_logsum)(x)
    fl.jit(lambda v: (fl.debug.print("v={}", v), v)[1])(device.put(np.array([2.0])))
    assert capsys.readouterr().out == "v=[2.]\n"
