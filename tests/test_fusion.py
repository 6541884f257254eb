"""Elementwise fusion for CuPy plans (backends/fusion.py), checked on the CPU.

The plan is compiled for a stand-in namespace: NumPy plus ``tests/_cpu_kernels``'
Elementwise/ReductionKernel, which compile the generated CUDA C as C++ with
g++ and run it on NumPy arrays.  Every fused result is compared with the
unfused NumPy plan of the same jaxpr.

With ``FL_FUSION_TESTS_ON=cupy`` (on a machine with a GPU:
``benchmarks/gpu_check.sh`` sets it) the same tests compile the plans for the
real CuPy instead, so every fusible primitive's generated kernel runs on the
GPU against NumPy; tolerances then allow the few ulps by which CUDA's math
library and FMA contraction differ from the host's.
"""
import os
import random

import numpy as np
import pytest

import functorch_lite as fl
from functorch_lite.primitives import ipow as IP
import functorch_lite.numpy as fnp
from functorch_lite import config
from functorch_lite.backends import cpu_fusion, fusion
from functorch_lite.backends.plan import compile_plan
from functorch_lite.core.ir import Literal, Var
from functorch_lite.primitives import elementwise as E
from functorch_lite.primitives import math_more as M
from functorch_lite.transforms.jit import get_plan

import _cpu_kernels as K

pytestmark = pytest.mark.skipif(
    os.environ.get("FL_FUSION_TESTS_ON") != "cupy" and not K.available(),
    reason="g++ is needed to emulate CuPy kernels")


class _CpuKernelNamespace:
    """NumPy, plus CuPy's kernel classes emulated on the CPU."""
    __name__ = "cpu_kernels"
    ElementwiseKernel = K.ElementwiseKernel
    ReductionKernel = K.ReductionKernel

    def __getattr__(self, name):
        return getattr(np, name)


REAL = os.environ.get("FL_FUSION_TESTS_ON") == "cupy"


if REAL:
    import cupy
    import cupyx
    from functorch_lite.backends.cupy import CupyNamespace

    class _Counted:
        def __init__(self, k):
            self._k = k

        def __call__(self, *a, **kw):
            K.LAUNCHES += 1
            return self._k(*a, **kw)

    class _RealNamespace(CupyNamespace):
        """The real CuPy, its fused kernels counted like the emulator's."""
        def ElementwiseKernel(self, *a, **kw):  # noqa: N802 - CuPy's name
            return _Counted(cupy.ElementwiseKernel(*a, **kw))

        def ReductionKernel(self, *a, **kw):  # noqa: N802
            return _Counted(cupy.ReductionKernel(*a, **kw))

    xp = _RealNamespace(cupy, cupyx, name="cupy_counted")
else:
    xp = _CpuKernelNamespace()


def _call(plan, *args):
    """Run a plan compiled for ``xp`` on host arguments; host results."""
    if not REAL:
        return plan(*args)
    out = plan(*[xp.from_host(a) if isinstance(a, np.ndarray) else a for a in args])
    return [xp.to_host(o) if isinstance(o, xp.ndarray) else o for o in out]
TOL = {np.float32: (1e-5, 1e-6), np.float64: (1e-12, 1e-13)}


def _check_order(jaxpr, items):
    """Every item reads only values defined before it; every used value is made."""
    defined = set(jaxpr.invars) | set(jaxpr.constvars)
    for it in items:
        for v in it.invars:
            assert not isinstance(v, Var) or v in defined, (it, v)
        defined.update(it.outvars)
    for v in jaxpr.outvars:
        assert not isinstance(v, Var) or v in defined, v


def _groups(closed):
    items = fusion.group_eqns(closed.jaxpr, xp)
    _check_order(closed.jaxpr, items)
    return [it for it in items if isinstance(it, fusion.FusedGroup)], items


def _same(got, want, rtol=0.0, atol=0.0, signs=False):
    got, want = np.asarray(got), np.asarray(want)
    if REAL and want.dtype.kind == "f":   # CUDA's libm and FMA: a few ulps
        rtol = max(rtol, 8 * float(np.finfo(want.dtype).eps))
        atol = max(atol, 8 * float(np.finfo(want.dtype).tiny))
    assert got.shape == want.shape and got.dtype == want.dtype, (got.dtype, want.dtype)
    if want.dtype.kind == "f":
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
        np.testing.assert_array_equal(np.isinf(got) * np.sign(got), np.isinf(want) * np.sign(want))
        np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)
        if signs:
            np.testing.assert_array_equal(np.signbit(got), np.signbit(want))
    else:
        np.testing.assert_array_equal(got, want)


def _run_both(f, *args):
    """(fused outputs, numpy-plan outputs, launches of the fused run, closed jaxpr)."""
    closed = fl.make_jaxpr(f)(*args)
    fused = compile_plan(closed, xp, reuse=False)
    ref = compile_plan(closed, np, fuse=False)
    with np.errstate(all="ignore"):
        before = K.LAUNCHES
        got = _call(fused, *args)
        launches = K.LAUNCHES - before
        want = ref(*args)
    return got, want, launches, closed


def _chain10(x):
    y = fnp.sin(x) * 2 + 1
    y = fnp.tanh(fnp.exp(y)) * x - 0.5
    return fnp.sum(fnp.sqrt(fnp.abs(y)) + x)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_ten_op_chain_plus_sum_is_one_launch(dtype):
    x = np.linspace(-3, 3, 10_001).astype(dtype)
    got, want, launches, closed = _run_both(_chain10, x)
    groups, items = _groups(closed)
    assert len(items) == 1 and items[0].primitive.name == "fused_reduction"
    assert len(items[0].eqns) == 11 and "__device__" in items[0].source
    assert launches == 1
    _same(got[0], want[0], rtol=TOL[dtype][0])
    # and through get_plan (the optimised jaxpr jit compiles): still one launch
    before = K.LAUNCHES
    np.testing.assert_allclose(_call(get_plan(closed, xp), x)[0], want[0], rtol=TOL[dtype][0])
    assert K.LAUNCHES - before == 1


EDGE = [-np.inf, -10.0, -2.0, -1.0, -0.75, -0.5, -1e-3, -0.0, 0.0, 1e-3, 0.25, 0.5, 1.0,
        1.5, 3.0, 10.0, np.inf, np.nan]

UNARY = [E.neg, E.exp, E.log, E.sin, E.cos, E.tanh, E.sqrt, E.abs, E.sign, E.stop_gradient,
         M.log1p, M.expm1, M.tan, M.asin, M.acos, M.atan, M.sinh, M.cosh, M.floor, M.ceil,
         lambda h: IP.integer_pow(h, 0), lambda h: IP.integer_pow_p.bind(h, y=1),
         lambda h: IP.integer_pow(h, 2), lambda h: IP.integer_pow(h, 3),
         lambda h: IP.integer_pow(h, 7), lambda h: IP.integer_pow(h, -1),
         lambda h: IP.integer_pow(h, -2), lambda h: IP.integer_pow(h, -3),
         lambda h: E.full_like(h, 2.5), lambda h: E.full_like(h, -np.inf),
         lambda h: E.convert_element_type(h, np.bool_),
         lambda h: E.convert_element_type(h, np.float64),
         lambda h: E.convert_element_type(h, np.float32),
         lambda h: E.mul(h, 1.0 / 3.0), lambda h: E.add(h, 1e-30),   # literals round-trip
         lambda h: E.mul(h, 3.0e38), lambda h: E.sub(-2.0 ** 0.5, h)]
BINARY = [E.add, E.sub, E.mul, E.div, E.pow, E.max, E.min, E.eq, E.ne, E.lt, E.le, E.gt,
          E.ge, M.atan2, E.safe_mul, E.tanh_grad, lambda a, b: E.select(E.lt(a, b), a, b),
          lambda a, b: E.max(a, np.inf), lambda a, b: E.min(a, -np.inf),
          lambda a, b: E.add(a, np.nan), lambda a, b: E.select(E.ge(a, 0.0), b, -np.inf)]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_unary_primitive_fused(dtype):
    x = np.array(EDGE, dtype)

    def f(x):
        h = x * 1.0          # every op below reads h, so all join h's group
        return [op(h) for op in UNARY]

    got, want, launches, closed = _run_both(f, x)
    groups, _ = _groups(closed)
    assert len(groups) == 1 and launches == 1
    assert len(groups[0].eqns) >= len(UNARY)
    for k, (g, w) in enumerate(zip(got, want)):
        _same(g, w, *TOL[dtype], signs=k in (0, 7, 8, 9))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_binary_primitive_fused(dtype):
    a, b = (v.ravel().astype(dtype) for v in np.meshgrid(EDGE, EDGE))

    def f(a, b):
        h = a * 1.0
        return [op(h, b) for op in BINARY]

    got, want, launches, closed = _run_both(f, a, b)
    groups, items = _groups(closed)
    assert len(groups) == 1
    assert launches == 1            # b * 1 nothing: b is read directly
    exact = {"max", "min", "safe_mul", "select"}
    for k, (op, g, w) in enumerate(zip(BINARY, got, want)):
        rtol, atol = TOL[dtype]
        if getattr(op, "__name__", "") == "pow":   # pow near overflow: a few ulps apart
            rtol = 1e-5 if dtype == np.float32 else 1e-12
        _same(g, w, rtol, atol, signs=getattr(op, "__name__", "") in exact)


def test_every_primitive_with_a_c_expr_is_fused_above():
    # the two tests above compare each fused C expression with the NumPy plan:
    # together they must reach every primitive that declares one
    from functorch_lite.core.primitive import REGISTRY
    declared = {p for p in REGISTRY.values() if p.c_expr is not None}
    x = np.array(EDGE)
    a, b = (v.ravel() for v in np.meshgrid(EDGE, EDGE))
    reached = set()
    for f, args in ((lambda x: [op(x * 1.0) for op in UNARY], (x,)),
                    (lambda a, b: [op(a * 1.0, b) for op in BINARY], (a, b))):
        groups, _ = _groups(fl.make_jaxpr(f)(*args))
        reached |= {e.primitive for g in groups for e in g.eqns}
    assert not declared - reached, sorted(p.name for p in declared - reached)


def test_mul_safe_zero_times_inf_is_zero():
    ct = np.array([0.0, -0.0, 0.0, 1.0, 2.0, np.nan], np.float32)
    d = np.array([np.inf, np.nan, -np.inf, np.inf, 3.0, 0.0], np.float32)
    got, want, launches, closed = _run_both(lambda c, d: E.safe_mul(c * 1.0, d), ct, d)
    assert launches == 1
    _same(got[0], want[0], signs=True)
    assert got[0][0] == 0 and not np.signbit(got[0][0])


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_integer_chain(dtype):
    i = np.arange(-20, 20, dtype=dtype)
    j = (np.arange(40, dtype=dtype) * 7) % 11 - 5

    def f(i, j):
        a = E.mul(E.add(i, j), 3) - 7
        c = E.max(a, j)
        d = E.min(E.neg(a), i)
        e = E.select(E.lt(c, d), c, d)
        return c, d, e, E.convert_element_type(e, np.float32), E.eq(c, d), \
            E.convert_element_type(E.ne(a, 0), dtype)

    got, want, launches, closed = _run_both(f, i, j)
    assert len(_groups(closed)[0]) == 1 and launches == 1
    for g, w in zip(got, want):
        _same(g, w)


def test_bool_chain_and_conversions():
    x = np.array([-1.5, 0.0, 2.5, np.nan, 1.0], np.float64)
    y = np.array([1.0, 0.0, -2.0, 0.0, 1.0], np.float64)

    def f(x, y):
        p = E.gt(x * 1.0, 0.0)
        q = E.lt(y, 0.0)
        r = E.select(E.eq(p, q), E.ne(p, True), q)
        return r, E.convert_element_type(r, np.float64), \
            E.convert_element_type(E.convert_element_type(x * 2.0, np.bool_), np.int32), \
            E.convert_element_type(M.floor(E.select(E.ne(x, x), 0.0, x * 2.0)), np.int64)

    got, want, launches, closed = _run_both(f, x, y)
    for g, w in zip(got, want):
        _same(g, w)


def test_diamond_and_reduction():
    x = np.linspace(-2, 2, 101)

    def f(x):
        a = fnp.sin(x)
        return fnp.sum(fnp.cos(a) * fnp.exp(a) + a)

    got, want, launches, closed = _run_both(f, x)
    _, items = _groups(closed)
    assert len(items) == 1 and launches == 1
    _same(got[0], want[0], *TOL[np.float64])


def test_partial_axis_reduction_and_value_also_returned():
    x = np.linspace(-2, 2, 60).reshape(3, 4, 5)

    def f(x):
        a = fnp.tanh(x * 2.0)
        return fnp.sum(a * a, axis=(0, 2)), fnp.sum(fnp.exp(x) - 1.0, axis=1), a + 1.0

    got, want, launches, closed = _run_both(f, x)
    groups, _ = _groups(closed)
    assert [g.primitive.name for g in groups].count("fused_reduction") == 1
    for g, w in zip(got, want):
        _same(g, w, *TOL[np.float64])


def test_group_value_read_by_dot_in_the_middle():
    x = np.linspace(-1, 1, 12).reshape(3, 4)
    w = np.linspace(0.5, -0.5, 20).reshape(4, 5)

    def f(x, w):
        a = fnp.tanh(x * 2.0) + 1.0
        m = a @ w
        return fnp.exp(m) * 0.5 - m, a * 3.0 - x

    got, want, launches, closed = _run_both(f, x, w)
    groups, items = _groups(closed)
    names = [it.primitive.name for it in items]
    assert names.index("fused_elementwise") < names.index("dot_general")
    assert len(groups) >= 2
    for g, v in zip(got, want):
        _same(g, v, *TOL[np.float64])


def test_multiple_outputs_literals_and_scalars():
    x = np.array([-np.inf, -1.0, -0.0, 0.5, 2.0, np.nan], np.float32)
    s = np.array(1.5, np.float32)

    def f(x, s):
        a = x * s + s
        b = fnp.minimum(a * 2.0, np.inf)
        c = fnp.where(x > 0, a, -np.inf)
        t = s * 2.0 - 1.0        # a 0-d chain: not fused (it may see only host scalars)
        return a, b, c + t, t

    got, want, launches, closed = _run_both(f, x, s)
    groups, _ = _groups(closed)
    srcs = "".join(g.source for g in groups)
    assert "inf" not in srcs      # non-finite literals travel as kernel arguments
    assert all(g.outvars[0].aval.shape != () for g in groups)
    assert any(isinstance(v, Literal) for g in groups for v in g.invars)
    for g, w in zip(got, want):
        _same(g, w, *TOL[np.float32], signs=True)


def test_broadcasting_operands_do_not_fuse():
    x = np.linspace(-1, 1, 12).reshape(3, 4)
    b = np.linspace(0, 1, 4)

    def f(x, b):
        return fnp.exp(fnp.sin(x) + b) * 2.0

    got, want, launches, closed = _run_both(f, x, b)
    groups, items = _groups(closed)
    for g in groups:
        assert "add" not in [e.primitive.name for e in g.eqns]
    _same(got[0], want[0], *TOL[np.float64])


def test_mlp_grad_same_fused_and_unfused():
    rng = np.random.default_rng(0)
    params = [rng.standard_normal((4, 8)), rng.standard_normal(8),
              rng.standard_normal((8, 3)), rng.standard_normal(3)]
    x = rng.standard_normal((5, 4))

    def loss(p, x):
        h = fnp.tanh(x @ p[0] + p[1])
        o = fnp.tanh(h @ p[2] + p[3])
        return fnp.sum((o - 0.5) ** 2) + 0.01 * fnp.sum(fnp.exp(-h * h))

    closed = fl.make_jaxpr(fl.grad(loss))(params, x)
    assert _groups(closed)[0]
    got = _call(get_plan(closed, xp), *params, x)
    want = get_plan(closed, np)(*params, x)
    for g, w in zip(got, want):
        _same(g, w, *TOL[np.float64])
    for reuse in (False, True):   # groups pass through the buffer-reuse analysis too
        got2 = _call(compile_plan(closed, xp, reuse=reuse), *params, x)
        for g, w in zip(got2, want):
            _same(g, w, *TOL[np.float64])


def test_config_switch_and_numpy_fuses_only_on_cpu_codegen():
    x = np.linspace(-1, 1, 50)
    closed = fl.make_jaxpr(_chain10)(x)
    # NumPy fuses only through the CPU generator (tests/test_cpu_fusion.py)
    assert fusion.enabled(xp) and fusion.enabled(np) == cpu_fusion.available()
    old = config.fusion
    try:
        config.fusion = False
        assert not fusion.enabled(xp)
        before = K.LAUNCHES
        r = _call(compile_plan(closed, xp, reuse=False), x)
        assert K.LAUNCHES == before
        r2 = _call(get_plan(closed, xp), x)
        assert K.LAUNCHES == before
    finally:
        config.fusion = old
    np.testing.assert_allclose(r[0], _call(compile_plan(closed, xp, reuse=False), x)[0], rtol=1e-12)
    np.testing.assert_allclose(r2[0], r[0], rtol=1e-12)


def _random_program(seed, n=6):
    rnd = random.Random(seed)

    def f(x, y):
        vals = [x, y, x * 2.0]
        for _ in range(24):
            k = rnd.randrange(7)
            v, w = rnd.choice(vals), rnd.choice(vals)
            if k == 0:
                vals.append(fnp.sin(v))
            elif k == 1:
                vals.append(v + w)
            elif k == 2:
                vals.append(fnp.cumsum(v))                    # not fusible
            elif k == 3:
                vals.append(v * fnp.sum(w) + 1.0)             # a 0-d operand
            elif k == 4:
                vals.append(fnp.maximum(v, w) * 0.5)
            elif k == 5:
                vals.append(fnp.tanh(v) - w)
            else:
                vals.append(fnp.where(v > w, v, -w))
        return [fnp.sum(vals[-1])] + rnd.sample(vals[3:], 3)
    return f


@pytest.mark.parametrize("seed", range(40))
def test_random_dags_keep_topological_order(seed):
    x, y = np.linspace(-1, 1, 6), np.linspace(1, -2, 6)
    closed = fl.make_jaxpr(_random_program(seed))(x, y)
    groups, items = _groups(closed)
    # every equation that anything needs is computed exactly once
    covered = []
    for it in items:
        covered.extend(it.eqns if isinstance(it, fusion.FusedGroup) else [it])
    assert len(covered) == len(set(map(id, covered)))
    if seed < 3:      # run a few (each compiles its kernels once, then the disk cache)
        got = _call(compile_plan(closed, xp, reuse=False), x, y)
        want = compile_plan(closed, np, fuse=False)(x, y)
        for g, w in zip(got, want):
            _same(g, w, *TOL[np.float64])


def test_kernels_are_named_by_source_and_shared():
    x = np.linspace(-1, 1, 7)
    closed = fl.make_jaxpr(lambda x: fnp.exp(fnp.sin(x) * 2.0) - x)(x)
    (g1,), _ = _groups(closed)
    (g2,), _ = _groups(fl.make_jaxpr(lambda x: fnp.exp(fnp.sin(x) * 2.0) - x)(x))
    assert g1.source == g2.source and "fl_fused_" in g1.source
    assert not any(f" {n} " in g1.source for n in ("y0", "y1", "j0", "j1"))
    assert len(fusion._kernels) >= 1


def test_unsupported_dtypes_stay_unfused():
    x = np.linspace(-1, 1, 7).astype(np.float16)
    got, want, launches, closed = _run_both(lambda x: fnp.exp(fnp.sin(x) * 2.0), x)
    assert launches == 0 and not _groups(closed)[0]
    _same(got[0], want[0])
    i = np.arange(-6, 6, dtype=np.int32)  # // is floor(float division): fused, exact
    got, want, launches, closed = _run_both(lambda i: (i * 3) // 2 + 1, i)
    assert launches == 1
    for g in _groups(closed)[0]:
        assert all(e.outvars[0].aval.dtype.kind == "f" for e in g.eqns
                   if e.primitive.name == "div")
    _same(got[0], want[0])
