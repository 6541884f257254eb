"""CPU fusion (backends/cpu_fusion.py): the fused C kernels give what the unfused plan gives.

The same programs as tests/test_fusion.py (every primitive with a ``c_expr`` on
edge values NaN/±inf/±0, float32 and float64, integer and bool chains, random
DAGs) and the random-program harness of tests/test_properties.py, compiled for
NumPy with fusion forced on and compared with the unfused NumPy plan.
Arithmetic, comparisons, selects, max/min and the NaN-safe products must match
bit for bit (signs of zeros included); the C library's transcendental
functions may differ from NumPy's SIMD ones by a few ulps.  Skips without the
``cpu-fusion`` extra (cffi) or a C compiler.
"""
import numpy as np
import pytest

pytest.importorskip("cffi")

import functorch_lite as fl                      # noqa: E402
import functorch_lite.numpy as fnp               # noqa: E402
from functorch_lite import config                # noqa: E402
from functorch_lite.backends import cpu_fusion, fusion, plan as P   # noqa: E402
from functorch_lite.backends.plan import compile_plan   # noqa: E402
from functorch_lite.primitives import contractions as C, elementwise as E  # noqa: E402

from test_fusion import BINARY, EDGE, UNARY, _check_order, _random_program  # noqa: E402

pytestmark = pytest.mark.skipif(not cpu_fusion.available(),
                                reason="CPU fusion needs cffi and a C compiler")

TOL = {np.float32: (4e-6, 1e-7), np.float64: (1e-13, 1e-15)}
# random programs compound 1-ulp differences of the C library's and NumPy's
# transcendentals through cancellations: looser bounds there
TOL_PROGRAMS = {np.float32: (1e-4, 1e-6), np.float64: (1e-10, 1e-13)}


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    # one cache per session (compiles once) that is not the user's
    d = tmp_path_factory.getbasetemp() / "cpu_fusion_cache"
    monkeypatch.setenv("FL_CPU_FUSION_CACHE", str(d))


def _same(got, want, rtol=0.0, atol=0.0, signs=False):
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape and got.dtype == want.dtype, (got.dtype, want.dtype)
    if want.dtype.kind == "f":
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
        np.testing.assert_array_equal(np.isinf(got) * np.sign(got),
                                      np.isinf(want) * np.sign(want))
        np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)
        if signs:
            np.testing.assert_array_equal(np.signbit(got), np.signbit(want))
    else:
        np.testing.assert_array_equal(got, want)


def _run_both(f, *args):
    """(fused outputs, unfused outputs, fused items, closed jaxpr)."""
    closed = fl.make_jaxpr(f)(*args)
    items = fusion.group_eqns(closed.jaxpr, np)
    _check_order(closed.jaxpr, items)
    fused = compile_plan(closed, np, reuse=False, fuse=True)
    reusing = compile_plan(closed, np, reuse=True, fuse=True)   # groups write into dead buffers
    ref = compile_plan(closed, np, fuse=False)
    with np.errstate(all="ignore"):
        got, want = fused(*args), ref(*args)
        for _ in range(2):
            for a, b in zip(reusing(*args), got):
                np.testing.assert_array_equal(a, b)
        return got, want, items, closed


def _groups(items):
    return [it for it in items if isinstance(it, fusion.FusedGroup)]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_unary_primitive_fused(dtype):
    x = np.array(EDGE, dtype)

    def f(x):
        h = x * 1.0           # every op reads h, so all join h's group
        return [op(h) for op in UNARY]
    got, want, items, _ = _run_both(f, x)
    assert len(_groups(items)) == 1 and len(items) == 1
    for k, (g, w) in enumerate(zip(got, want)):
        _same(g, w, *TOL[dtype], signs=k in (0, 7, 8, 9))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_binary_primitive_fused(dtype):
    a, b = (v.ravel().astype(dtype) for v in np.meshgrid(EDGE, EDGE))

    def f(a, b):
        h = a * 1.0
        return [op(h, b) for op in BINARY]
    got, want, items, _ = _run_both(f, a, b)
    assert len(_groups(items)) == 1
    exact = {"add", "sub", "mul", "div", "max", "min", "safe_mul", "select", "eq", "ne",
             "lt", "le", "gt", "ge", "tanh_grad"}
    for op, g, w in zip(BINARY, got, want):
        name = getattr(op, "__name__", "")
        rtol, atol = (0.0, 0.0) if name in exact else TOL[dtype]
        if name == "pow":
            rtol = 1e-6 if dtype == np.float32 else 1e-14
        _same(g, w, rtol, atol, signs=name in exact)


def test_every_primitive_with_a_c_expr_is_reached():
    from functorch_lite.core.primitive import REGISTRY
    declared = {p for p in REGISTRY.values() if p.c_expr is not None}
    x = np.array(EDGE)
    a, b = (v.ravel() for v in np.meshgrid(EDGE, EDGE))
    reached = set()
    for f, args in ((lambda x: [op(x * 1.0) for op in UNARY], (x,)),
                    (lambda a, b: [op(a * 1.0, b) for op in BINARY], (a, b))):
        for g in _groups(fusion.group_eqns(fl.make_jaxpr(f)(*args).jaxpr, np)):
            reached |= {e.primitive for e in g.eqns}
    assert not declared - reached, sorted(p.name for p in declared - reached)


def test_nan_safe_products_and_signed_zeros_exact():
    ct = np.array([0.0, -0.0, 0.0, 1.0, 2.0, np.nan, -0.0], np.float32)
    d = np.array([np.inf, np.nan, -np.inf, np.inf, 3.0, 0.0, 2.0], np.float32)

    def f(c, d):
        h = c * 1.0
        return [E.safe_mul(h, d), E.tanh_grad(h, d), -h, E.max(h, d), E.min(h, d)]
    got, want, items, _ = _run_both(f, ct, d)
    assert len(items) == 1
    for g, w in zip(got, want):
        assert g.dtype == np.float32
        _same(g, w, signs=True)
    assert got[0][0] == 0 and not np.signbit(got[0][0])


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_integer_chain_wraps_like_numpy(dtype):
    i = np.array([np.iinfo(dtype).max, np.iinfo(dtype).min, -7, 0, 5, 11], dtype)
    j = np.array([1, -1, 3, 0, -4, 2], dtype)

    def f(i, j):
        a = E.mul(E.add(i, j), 3) - 7
        c = E.max(a, j)
        d = E.min(E.neg(a), i)
        return c, d, E.select(E.lt(c, d), c, d), E.convert_element_type(d, np.float32)

    got, want, items, _ = _run_both(f, i, j)
    assert len(items) == 1
    for g, w in zip(got, want):
        _same(g, w)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [1, 5, 8, 9, 127, 128, 129, 1000, 8191, 8193, 100_003])
def test_fused_sum_rounds_as_numpy(dtype, n):
    x = np.random.default_rng(n).standard_normal(n).astype(dtype) * 1e3
    x[: n // 3] = -0.0 / 1.5         # runs of negative zeros: NumPy's sum starts at +0.0
    got, want, items, _ = _run_both(lambda x: fnp.sum(x * 1.5 - 0.25), x)
    assert [it.primitive for it in items] == [fusion.FUSED_REDUCTION]
    assert got[0].dtype == dtype and got[0].shape == ()
    _same(got[0], want[0], signs=True)   # bit for bit: NumPy's pairwise order
    z = np.full(n, -0.0, dtype)
    got, want, _, _ = _run_both(lambda x: fnp.sum(x * 1.5), z)
    _same(got[0], want[0], signs=True)


def test_sums_over_trailing_axes_fuse_leading_do_not():
    x = np.random.default_rng(0).standard_normal((3, 4, 300)).astype(np.float32)

    def f(x):
        a = x * 2.0 + 1.0
        return fnp.sum(a * a, axis=2), fnp.sum(fnp.abs(x) - 1.0, axis=(1, 2)), \
            fnp.sum(x * 3.0 - 2.0, axis=0)

    got, want, items, _ = _run_both(f, x)
    assert [g.primitive for g in _groups(items)].count(fusion.FUSED_REDUCTION) == 2
    for g, w in zip(got, want):
        _same(g, w)


def test_random_dags_match_the_unfused_plan():
    for seed in range(12):
        x, y = np.linspace(-1, 1, 6), np.linspace(1, -2, 6)
        got, want, items, _ = _run_both(_random_program(seed), x, y)
        for g, w in zip(got, want):
            _same(g, w, *TOL[np.float64])


def test_jit_fuses_on_the_second_call_and_the_switch_turns_it_off(monkeypatch):
    x = np.linspace(-2, 2, 33).astype(np.float32)
    f = lambda x: fnp.sum(fnp.tanh(x * 1.5 + 0.25) * x)   # noqa: E731
    want = compile_plan(fl.make_jaxpr(f)(x), np, fuse=False)(x)[0]
    made = []
    real = P._compile
    monkeypatch.setattr(P, "_compile", lambda *a: made.append(a[3]) or real(*a))
    jf = fl.jit(f)
    outs = [jf(x) for _ in range(3)]
    assert made == [False, True]            # unfused first, fused on the 2nd call
    for o in outs:
        assert o.dtype == np.float32
        np.testing.assert_allclose(o, want, rtol=4e-6)
    monkeypatch.setattr(config, "fusion", False)
    made.clear()
    jg = fl.jit(lambda x: fnp.sum(fnp.tanh(x * 1.5 + 0.25) * x))
    [jg(x) for _ in range(3)]
    assert made == [False]


def test_odd_inputs_take_the_converting_path():
    x = np.linspace(-1, 1, 24).reshape(4, 6)
    closed = fl.make_jaxpr(lambda x, s: fnp.exp(x * s) - s)(x.T, 2.0)
    p = compile_plan(closed, np, fuse=True)
    want = np.exp(x.T * 2.0) - 2.0
    np.testing.assert_allclose(p(x.T, 2.0)[0], want, rtol=1e-15)            # F-ordered, float
    np.testing.assert_allclose(p(x.T, np.float64(2.0))[0], want, rtol=1e-15)
    np.testing.assert_allclose(p(x.T.copy(), np.array(2.0))[0], want, rtol=1e-15)


def test_disk_cache_and_compile_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("FL_CPU_FUSION_CACHE", str(tmp_path))
    x = np.linspace(-1, 1, 5)
    closed = fl.make_jaxpr(lambda x: fnp.sin(x * 1.25) + 0.125)(x)
    compile_plan(closed, np, fuse=True)
    assert len(list(tmp_path.glob("fl_*.so"))) == 1
    cpu_fusion._libs.clear()                 # a new process: the library is reused from disk

    def no_compiler(*a, **k):
        raise AssertionError("compiled again")
    with monkeypatch.context() as m:
        m.setattr(cpu_fusion.subprocess, "run", no_compiler)
        p = compile_plan(closed, np, fuse=True)
    np.testing.assert_allclose(p(x)[0], np.sin(x * 1.25) + 0.125, rtol=1e-15)
    monkeypatch.setitem(cpu_fusion._state, "cc", "false")    # a compiler that always fails
    with pytest.raises(RuntimeError, match="generated kernel"):
        cpu_fusion.build([("fl_x", "void fl_x(void);", "void fl_x(void) {}")])


def test_random_programs_harness_fused():
    # tests/test_properties.py's random programs, fused against unfused (grad too)
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from test_properties import build, program

    @settings(max_examples=15, deadline=None)
    @given(prog=program, shape=st.sampled_from([(3,), (2, 3), (40,)]),
           seed=st.integers(0, 2 ** 16), dtype=st.sampled_from([np.float32, np.float64]))
    def check(prog, shape, seed, dtype):
        f = build(prog)
        x = np.random.default_rng(seed).uniform(-1.0, 1.0, shape).astype(dtype)
        for fn in (f, fl.grad(f)):
            got, want, _, _ = _run_both(fn, x)
            for g, w in zip(got, want):
                _same(g, w, *TOL_PROGRAMS[dtype])
    check()


def test_groups_write_into_dead_buffers_and_in_place():
    x = np.linspace(-3, 3, 4000).reshape(40, 100)
    w = np.linspace(1, -1, 10_000).reshape(100, 100)

    def f(x, w):
        a = fnp.tanh(x * 2.0 + 1.0)          # group 1 (dies at the matmul)
        b = a @ w
        c = fnp.maximum(b * 0.5, 0.0) - 1.0   # group 2: b dies here (in place)
        return (c @ w) * 3.0 + 2.0            # group 3: into a dead buffer
    closed = fl.make_jaxpr(f)(x, w)
    p = compile_plan(closed, np, reuse=True, fuse=True)
    steps = [s for s in p.steps if getattr(s[0], "__name__", "") == "kernel_out"]
    assert steps, "no fused group was given an out buffer"
    want = compile_plan(closed, np, fuse=False)(x, w)[0]
    for _ in range(3):
        np.testing.assert_allclose(p(x, w)[0], want, rtol=1e-14, atol=1e-14)


def test_a_failed_compile_keeps_the_unfused_plan(monkeypatch, tmp_path):
    monkeypatch.setenv("FL_CPU_FUSION_CACHE", str(tmp_path))
    monkeypatch.setitem(cpu_fusion._state, "cc", "false")    # every compile fails
    x = np.linspace(-1, 1, 9)
    jf = fl.jit(lambda x: fnp.cos(x * 0.375) - 0.0625)
    jf(x)
    with pytest.warns(RuntimeWarning, match="CPU fusion failed"):
        jf(x)
    np.testing.assert_array_equal(jf(x), np.cos(x * 0.375) - 0.0625)


# ------------------------------------------- guarded (finite-form) kernels

def _guarded(items):
    gs = [g for g in _groups(items) if "bad & 0x80000000u" in g.source]
    assert gs, "no fused group runs the finite forms under a guard"
    return gs


def _sparse_nonfinite(n, dtype, where, seed=0):
    """Finite values with inf, -inf and nan at ``where`` (a few blocks trip, most don't)."""
    d = np.random.default_rng(seed).uniform(-2, 2, n).astype(dtype)
    for k, i in enumerate(where):
        d[i] = (np.inf, -np.inf, np.nan)[k % 3]
    return d


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("n", [7, 256, 257, 1000])
def test_guarded_elementwise_blocks_match_exact(dtype, n):
    # the NaN-safe products run as plain ones; a block holding an inf/nan factor is
    # redone exactly (and ct == 0 there must still give +0, never nan)
    ct = np.random.default_rng(1).uniform(-1, 1, n).astype(dtype)
    ct[::5] = 0.0
    ct[1::7] = -0.0
    where = [i for i in (0, 3, n // 2, n - 1) if i < n]
    d = _sparse_nonfinite(n, dtype, where)
    ct[where] = 0.0

    def f(c, d):
        h = c * 1.0
        p = E.safe_mul(h, d)
        q = E.safe_mul(p + 1.0, E.sign(d))        # sign of inf/nan and a second guard
        return p, q * 2.0, E.tanh_grad(h, d * 0.5)
    got, want, items, _ = _run_both(f, ct, d)
    _guarded(items)
    for g, w in zip(got, want):
        assert g.dtype == dtype
        _same(g, w, signs=True)
    fin = _sparse_nonfinite(n, dtype, [])                  # every block takes the fast path
    got, want, _, _ = _run_both(f, ct, fin)
    for g, w in zip(got, want):
        _same(g, w, signs=True)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_guarded_reduction_rounds_as_numpy(dtype):
    n = 100_003
    x = np.random.default_rng(2).standard_normal(n).astype(dtype)
    d = _sparse_nonfinite(n, dtype, [5, 70_000, n - 1], seed=3)
    x[[5, 70_000, n - 1]] = 0.0

    def f(x, d):
        return fnp.sum(E.safe_mul(x * 1.5 - 0.25 * 0.0, d) + x)
    got, want, items, _ = _run_both(f, x, d)
    assert [g.primitive for g in _guarded(items)] == [fusion.FUSED_REDUCTION]
    _same(got[0], want[0], signs=True)
    assert np.isfinite(got[0])
    d[70_000] = np.inf               # now a nonzero factor times inf: the sum is inf/nan
    x[70_000] = 1.0
    got, want, _, _ = _run_both(f, x, d)
    _same(got[0], want[0], signs=True)


def test_guards_of_two_dtypes_in_one_kernel():
    n = 600
    a = np.random.default_rng(4).uniform(-1, 1, n).astype(np.float32)
    b = _sparse_nonfinite(n, np.float64, [10, 599])
    a[[10, 599]] = 0.0
    c = _sparse_nonfinite(n, np.float32, [300])
    a[300] = 0.0

    def f(a, b, c):
        h = a * 1.0
        p = E.safe_mul(E.convert_element_type(h, np.float64), b)     # float64 guard
        q = E.safe_mul(h, c)                                          # float32 guard
        return p - 1.0, q + E.convert_element_type(p, np.float32)
    got, want, items, _ = _run_both(f, a, b, c)
    src = _guarded(items)[0].source
    assert "g_float" in src and "g_double" in src
    for g, w in zip(got, want):
        _same(g, w, signs=True)


def test_guarded_group_in_place_recomputes_from_unclobbered_inputs():
    # the group writes into its dying input's buffer; a tripped block is redone
    # element by element (read i, then write i), the others copied from the stack
    x = np.random.default_rng(5).uniform(-1, 1, (20, 100))
    w = np.random.default_rng(6).uniform(-1, 1, (100, 100))
    d = _sparse_nonfinite(2000, np.float64, [100, 1500]).reshape(20, 100)

    def f(x, w, d):
        y = x @ w                                # a fresh buffer that dies in the group
        return E.safe_mul(y * 0.0, d) - y        # 0 * inf must give 0: redone exactly
    closed = fl.make_jaxpr(f)(x, w, d)
    p = compile_plan(closed, np, reuse=True, fuse=True)
    assert any(getattr(s[0], "__name__", "") == "kernel_out" for s in p.steps)
    want = compile_plan(closed, np, fuse=False)(x, w, d)[0]
    with np.errstate(all="ignore"):
        for _ in range(3):
            _same(p(x, w, d)[0], want, signs=True)


@pytest.mark.parametrize("seed", range(8))
def test_random_safe_dags_with_nonfinite_values_match_unfused(seed):
    import random
    rnd = random.Random(seed)
    dtype = (np.float32, np.float64)[seed % 2]
    n = 700

    def f(x, y):
        vals = [x * 1.0, y * 1.0]
        for _ in range(16):
            v, w = rnd.choice(vals), rnd.choice(vals)
            k = rnd.randrange(6)
            vals.append([lambda: E.safe_mul(v, w), lambda: E.tanh_grad(v, w),
                         lambda: E.safe_mul(v, E.sign(w)), lambda: v / (1.0 + fnp.abs(w)),
                         lambda: fnp.where(v > w, v, w * 0.5), lambda: v - w][k]())
        return [fnp.sum(vals[-1])] + vals[-3:]
    x = _sparse_nonfinite(n, dtype, [9 * rnd.randrange(n // 9) for _ in range(6)], seed)
    y = np.random.default_rng(seed).uniform(-3, 3, n).astype(dtype)
    y[::9] = 0.0                       # zero cotangents meeting the infs and nans
    got, want, items, _ = _run_both(f, x, y)
    for g, w in zip(got, want):
        _same(g, w, signs=True)


# ------------------------------------------------ row-scaling products

def _rowscaled(items):
    gs = [g for g in _groups(items) if g.eqns[-1].primitive.fuse_rowscale is not None]
    assert gs, "the row-scaling product did not end a fused group"
    return gs


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_per_example_gradients_fuse_the_row_scaling(dtype):
    # vmap(grad) of a logistic loss: exp/div chain on [n] then x_i * coef_i
    X = np.random.default_rng(0).standard_normal((37, 19)).astype(dtype)
    X[3, :] = [np.nan, np.inf, -np.inf, -0.0, 0.0] + [1.5] * 14
    s = np.where(np.arange(37) % 2 == 0, -1.0, 1.0).astype(dtype)
    w = np.random.default_rng(1).standard_normal(19).astype(dtype)
    loss = lambda w, x, s: fnp.log(1.0 + fnp.exp(-s * (x @ w)))   # noqa: E731
    g = fl.vmap(fl.grad(loss), in_axes=(None, 0, 0))
    got, want, items, _ = _run_both(g, w, X, s)
    assert len(_rowscaled(items)) == 1
    assert got[0].dtype == dtype and got[0].shape == X.shape
    _same(got[0], want[0], *TOL[dtype])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_row_scaling_either_side_edge_values_and_row_outputs(dtype):
    full = np.array(EDGE * 6, dtype).reshape(3, 4, 9)      # 2 batch axes, 9 per row
    r = np.array([0.0, -0.0, np.inf, np.nan, -2.0, 0.5, 1e-3, -np.inf, 3.0, 1.0, -1.0, 7.0],
                 dtype).reshape(3, 4)

    def f(full, r):
        v = r * 1.0 + 0.0
        left = C.dot_general(full, v, (((), ()), ((0, 1), (0, 1))))     # full * row
        u = -v
        right = C.dot_general(u, full, (((), ()), ((0, 1), (0, 1))))    # row * full
        return left, right, u * 2.0                                     # u is read outside
    got, want, items, _ = _run_both(f, full, r)
    assert len(_rowscaled(items)) == 2
    for g_, w_ in zip(got, want):
        assert g_.dtype == dtype
        _same(g_, w_, signs=True)


def test_row_scaling_not_fused_when_the_full_operand_is_in_the_group():
    x = np.linspace(-1, 1, 12).reshape(3, 4)

    def f(x):
        v = fnp.sum(x, axis=1) * 2.0
        return C.dot_general(x * 3.0, v * 1.5, (((), ()), ((0,), (0,))))
    got, want, items, _ = _run_both(f, x)
    _same(got[0], want[0], signs=True)
    # x * 3.0 is another open group: both close, the product stays a plain equation
    assert not [g for g in _groups(items) if g.eqns[-1].primitive.fuse_rowscale is not None]
    assert any(getattr(it, "primitive", None) is C.dot_general_p for it in items)


def test_row_scaling_in_place_and_odd_layouts():
    x = np.random.default_rng(2).standard_normal((50, 40))
    w = np.random.default_rng(3).standard_normal((40, 40))
    c = np.random.default_rng(4).standard_normal(50)

    def f(x, w, c):
        y = x @ w                          # dies at the product: written in place
        return C.dot_general(y, fnp.tanh(c * 0.5) + 1.0, (((), ()), ((0,), (0,))))
    closed = fl.make_jaxpr(f)(x, w, c)
    p = compile_plan(closed, np, reuse=True, fuse=True)
    _rowscaled(fusion.group_eqns(closed.jaxpr, np))
    want = compile_plan(closed, np, fuse=False)(x, w, c)[0]
    for _ in range(3):
        _same(p(x, w, c)[0], want, *TOL[np.float64])
    closed = fl.make_jaxpr(lambda x, c: C.dot_general(x, fnp.exp(c) * 2.0,
                                                      (((), ()), ((0,), (0,)))))(x, c)
    p = compile_plan(closed, np, fuse=True)
    want = x * (np.exp(c) * 2.0)[:, None]
    np.testing.assert_allclose(p(np.asfortranarray(x), c)[0], want, rtol=1e-14)
    np.testing.assert_allclose(p(x[:, :], c[::1])[0], want, rtol=1e-14)


def test_dot_general_declares_only_true_row_scalings():
    from functorch_lite.core.ir import ShapedArray as S
    f32, f64 = np.float32, np.float64
    trait = C.dot_general_p.fuse_rowscale
    batch = (((), ()), ((0,), (0,)))
    assert trait([S((4, 5), f32), S((4,), f32)], S((4, 5), f32), dimension_numbers=batch) == 1
    assert trait([S((4,), f32), S((4, 5), f32)], S((4, 5), f32), dimension_numbers=batch) == 0
    assert trait([S((4, 5), f32), S((4, 3), f32)], S((4, 5, 3), f32),
                 dimension_numbers=batch) is None                       # an outer product
    assert trait([S((4, 5), f32), S((4,), f64)], S((4, 5), f64),
                 dimension_numbers=batch) is None                       # mixed dtypes
    assert trait([S((5, 4), f32), S((4,), f32)], S((4, 5), f32),
                 dimension_numbers=(((), ()), ((1,), (0,)))) is None   # batch axis not leading
    assert trait([S((4, 5), f32), S((5,), f32)], S((4,), f32),
                 dimension_numbers=(((1,), (0,)), ((), ()))) is None   # a contraction
