"""jit: tracing cache and retraces, static arguments, pytrees, nesting with the
other transforms, and the plan (buffer reuse, specialized kernels).  jit against
eager for every primitive, the plan's dot_general kernels included, is
table-driven (tests/_prim_table.py, tests/test_primitive_registry.py)."""
import logging

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core.errors import TracerConversionError
from functorch_lite.transforms.jit import get_plan


def test_trace_counting_and_cache():
    f = fl.jit(lambda x, y: x * y + 1.0)
    x = np.ones(3)
    f(x, x)
    f(x + 1, x)
    assert f.trace_count == 1
    f(np.ones(4), np.ones(4))
    assert f.trace_count == 2
    f(np.ones(3, np.float32), np.ones(3, np.float32))
    assert f.trace_count == 3
    f(x, 2.0)          # Python scalar: weakly typed, keyed by type not value
    f(x, 3.0)
    assert f.trace_count == 4
    f((x, x)[0], x)
    assert f.trace_count == 4


def test_static_argnums():
    calls = []

    def f(x, n):
        calls.append(n)
        return x * n

    jf = fl.jit(f, static_argnums=(1,))
    np.testing.assert_allclose(jf(np.ones(2), 3), 3 * np.ones(2))
    jf(np.ones(2), 3)
    assert jf.trace_count == 1
    jf(np.ones(2), 4)
    assert jf.trace_count == 2
    with pytest.raises(TypeError, match="unhashable.*list"):
        jf(np.ones(2), [1, 2])


def test_pytree_args_and_outputs():
    f = fl.jit(lambda d: {"s": d["a"] + d["b"][0], "p": (d["a"] * 2,)})
    out = f({"a": np.ones(2), "b": [np.ones(2)]})
    np.testing.assert_allclose(out["s"], 2 * np.ones(2))
    np.testing.assert_allclose(out["p"][0], 2 * np.ones(2))
    f({"a": np.ones(2), "b": [np.ones(2)]})
    assert f.trace_count == 1
    f({"a": np.ones(2), "b": (np.ones(2),)})   # new structure
    assert f.trace_count == 2


def test_explain_retrace(caplog):
    f = fl.jit(lambda x, y: x + y, explain=True)
    f(np.ones(3), np.ones(3))
    with caplog.at_level(logging.WARNING, logger="functorch_lite.jit"):
        f(np.ones(3), np.ones(3, np.float32))
    assert "argument 1 changed from f64[3] to f32[3]" in caplog.text
    assert f.retrace_log and "argument 1" in f.retrace_log[0]
    fl.config.explain_retrace = True
    try:
        g = fl.jit(lambda x, n: x * n, static_argnums=1)
        g(np.ones(2), 2)
        g(np.ones(2), 5)
        assert "static argument 1 changed from 2 to 5" in g.retrace_log[0]
    finally:
        fl.config.explain_retrace = False


def test_make_jaxpr_shows_nested_call():
    inner = fl.jit(lambda x: fnp.sin(x) * 2.0)
    outer = fl.jit(lambda x: inner(x) + 1.0)
    s = str(fl.make_jaxpr(outer)(np.ones(3)))
    assert s.count("pjit[") == 2 and "sin" in s
    np.testing.assert_allclose(outer(np.ones(3)), np.sin(1.0) * 2 + 1)


def _f(x, w):
    return fnp.sum(fnp.tanh(x @ w) ** 2)


def test_jit_grad_vmap_jvp_compose():
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((4, 3)), rng.standard_normal((3, 2))
    g_ref = fl.grad(_f, argnums=(0, 1))(x, w)
    for g in (fl.jit(fl.grad(_f, argnums=(0, 1))), fl.grad(fl.jit(_f), argnums=(0, 1)),
              fl.jit(fl.grad(fl.jit(_f), argnums=(0, 1)))):
        for a, b in zip(g(x, w), g_ref):
            np.testing.assert_allclose(a, b, rtol=1e-12)
    xs = rng.standard_normal((5, 4, 3))
    ref = np.stack([_f(xi, w) for xi in xs])
    np.testing.assert_allclose(fl.vmap(fl.jit(_f), (0, None))(xs, w), ref, rtol=1e-12)
    np.testing.assert_allclose(fl.jit(fl.vmap(_f, (0, None)))(xs, w), ref, rtol=1e-12)
    t = rng.standard_normal((4, 3))
    p1, t1 = fl.jvp(fl.jit(lambda x: _f(x, w)), (x,), (t,))
    p2, t2 = fl.jvp(lambda x: _f(x, w), (x,), (t,))
    np.testing.assert_allclose(t1, t2, rtol=1e-12)
    # second order through jit
    h1 = fl.grad(lambda a: fl.grad(fl.jit(lambda a: _f(a * x, w)))(a))(1.3)
    h2 = fl.grad(lambda a: fl.grad(lambda a: _f(a * x, w))(a))(1.3)
    np.testing.assert_allclose(h1, h2, rtol=1e-10)


def test_jit_closing_over_outer_tracer():
    def f(a):
        return fl.jit(lambda y: a * y)(np.array(2.0))
    assert float(fl.grad(f)(np.array(3.0))) == 2.0


def test_python_control_flow_on_traced_value_raises():
    def f(x):
        if x > 0:
            return x
        return -x
    with pytest.raises(TracerConversionError, match="lax.cond") as e:
        fl.jit(f)(np.array(1.0))
    assert "test_jit.py" in str(e.value)

    def g(x):
        while x < 10:
            x = x * 2
        return x
    with pytest.raises(TracerConversionError, match="while_loop"):
        fl.jit(g)(np.array(1.0))


def test_plan_reuses_buffers_and_is_correct():
    def chain(x):
        for _ in range(10):
            x = fnp.tanh(x) * 1.5 + x
        return x
    x = np.random.default_rng(2).standard_normal(100)
    jc = fl.jit(chain)
    np.testing.assert_allclose(jc(x), chain(x), rtol=1e-12)
    plan = get_plan(fl.make_jaxpr(chain)(x))
    n_out = sum(1 for fn, ins, out, fr in plan.steps if len(ins) > 1 and fn.__class__ is np.ufunc
                and fn.nin < len(ins))
    assert n_out > 10     # most steps write into a recycled buffer
    x0 = x.copy()
    jc(x)
    np.testing.assert_array_equal(x, x0)   # inputs are never written
    r1 = jc(x)
    r2 = jc(x)
    assert r1 is not r2 and np.shares_memory(r1, r2) is False


def test_matmul_reuse():
    def f(a, b):
        c = a @ b
        d = fnp.tanh(c)
        e = d @ b
        return fnp.sum(e @ b)
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((8, 8)), rng.standard_normal((8, 8))
    np.testing.assert_allclose(fl.jit(f)(a, b), f(a, b), rtol=1e-12)
    np.testing.assert_allclose(fl.jit(fl.grad(f, argnums=1))(a, b), fl.grad(f, argnums=1)(a, b),
                               rtol=1e-12)


def test_constant_output_is_not_shared():
    f = fl.jit(lambda x: (x, fnp.zeros(3) + 1.0))
    _, c1 = f(np.ones(2))
    with pytest.raises(TypeError, match="immutable"):
        c1[0] = 99.0
    np.asarray(c1)[0] = 99.0    # NumPy's view of the result is writeable (no copy)
    _, c2 = f(np.ones(2))
    assert c2[0] == 1.0


def _random_program(seed):
    r = np.random.default_rng(seed)
    ops = [lambda a, b: a + b, lambda a, b: a * b, lambda a, b: a - b,
           lambda a, b: a @ b, lambda a, b: fnp.tanh(a), lambda a, b: a.T,
           lambda a, b: fnp.reshape(fnp.reshape(a, (-1,)), (4, 4)), lambda a, b: -a,
           lambda a, b: fnp.maximum(a, b), lambda a, b: a * 2.0 + 1.0,
           lambda a, b: fnp.sin(b.T) @ a.T]
    prog = [(int(r.integers(len(ops))), int(r.integers(100)), int(r.integers(100)))
            for _ in range(25)]
    n_out = int(r.integers(1, 4))

    def f(x, y):
        vals = [x, y]
        for k, i, j in prog:
            vals.append(ops[k](vals[i % len(vals)], vals[j % len(vals)]) * 0.5)
        return tuple(vals[-n_out - 3:][::2])
    return f


@pytest.mark.parametrize("seed", range(30))
def test_plan_buffer_reuse_on_random_programs(seed):
    f = _random_program(seed)
    r = np.random.default_rng(seed + 100)
    x, y = r.standard_normal((4, 4)), r.standard_normal((4, 4))
    x0, y0 = x.copy(), y.copy()
    jf = fl.jit(f)
    for _ in range(2):       # the second run reuses buffers left by the first's plan
        outs = jf(x, y)
        for a, b in zip(outs, f(x, y)):
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(x, x0)
    np.testing.assert_array_equal(y, y0)
    o1 = jf(x, y)
    o2 = jf(x, y)
    for a in o1:
        for b in o2:
            assert not np.shares_memory(a, b)


@pytest.mark.parametrize("seed", range(0, 30, 3))
def test_plan_on_random_program_gradients(seed):
    f = _random_program(seed)
    loss = lambda x, y: sum(fnp.sum(fnp.tanh(o)) for o in f(x, y))   # noqa: E731
    r = np.random.default_rng(seed + 200)
    x, y = r.standard_normal((4, 4)), r.standard_normal((4, 4))
    g1 = fl.jit(fl.grad(loss, argnums=(0, 1)))(x, y)
    g2 = fl.grad(loss, argnums=(0, 1))(x, y)
    for a, b in zip(g1, g2):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)


def test_negative_static_argnums_and_kwargs():
    f = fl.jit(lambda x, n, scale=1.0: x * n * scale, static_argnums=-1)
    np.testing.assert_allclose(f(np.ones(2), 3), 3 * np.ones(2))
    np.testing.assert_allclose(f(np.ones(2), 3, scale=np.array(2.0)), 6 * np.ones(2))
    assert f.trace_count == 2


def test_finite_specialized_plan_keeps_nan_safe_gradients():
    # cos(x) is provably finite for finite x, so the plan multiplies plainly;
    # an inf input takes the exact (NaN-safe) plan instead
    f = lambda x: fnp.sum(fnp.where(x < 10.0, fnp.sin(x), 0.0))   # noqa: E731
    g = fl.jit(fl.grad(f))
    x = np.array([0.5, 20.0])
    np.testing.assert_allclose(g(x), [np.cos(0.5), 0.0])
    with np.errstate(invalid="ignore"):
        np.testing.assert_array_equal(g(np.array([0.5, np.inf])), [np.cos(0.5), 0.0])
        np.testing.assert_array_equal(fl.grad(f)(np.array([0.5, np.inf])), [np.cos(0.5), 0.0])
    # derivatives that are not provably finite keep the safe multiply
    h = fl.jit(fl.grad(lambda x: fnp.sum(fnp.where(x > 0, fnp.sqrt(x), 0.0))))
    with np.errstate(invalid="ignore", divide="ignore"):
        np.testing.assert_array_equal(h(np.array([-1.0, 4.0])), [0.0, 0.25])
    plan = get_plan(fl.make_jaxpr(fl.grad(f))(x))
    assert not any("mul_safe" in str(s[0]) for s in plan.steps)


def test_constant_and_literal_outputs():
    import functorch_lite.numpy as fnp  # noqa: F401
    a = np.arange(3.0)
    out = fl.jit(lambda x: (x, None, {"k": 3.0}))(a)
    assert out[1] is None and out[2]["k"] == 3.0
    assert fl.jit(lambda x: 1.0)(a) == 1.0
    c = np.ones(2)
    r = fl.jit(lambda x: c)(a)
    np.asarray(r)[0] = 5.0   # writing into a returned constant must not change the closure
    np.testing.assert_array_equal(c, np.ones(2))
