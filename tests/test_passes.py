"""Each IR pass on hand-written jaxprs."""
import numpy as np

from functorch_lite.core.eval import eval_jaxpr
from functorch_lite.core.ir import ClosedJaxpr, Eqn, Jaxpr, Literal, ShapedArray, Var, \
    typecheck_jaxpr
from functorch_lite.core.primitive import REGISTRY as P
from functorch_lite.transforms import passes


def f64(*shape):
    return ShapedArray(shape, np.float64)


def lit(v):
    return Literal(np.float64(v), f64())


def E(name, ins, out_aval, **params):
    out = Var(out_aval)
    return Eqn(P[name], ins, [out], params), out


def run(closed, *args):
    return eval_jaxpr(closed.jaxpr, closed.consts, *args)


def prims(closed):
    return [e.primitive.name for e in closed.jaxpr.eqns]


def test_dce_drops_unused_equations_and_consts():
    a, c = Var(f64(3)), Var(f64(3))
    e1, x = E("sin", [a], f64(3))
    e2, y = E("mul", [x, c], f64(3))     # unused, and the only user of const c
    e3, z = E("cos", [a], f64(3))
    closed = ClosedJaxpr(Jaxpr([c], [a], [z], [e1, e2, e3]), [np.ones(3)])
    out = passes.dce(closed)
    assert prims(out) == ["cos"] and out.jaxpr.constvars == [] and out.consts == []
    typecheck_jaxpr(out.jaxpr)
    np.testing.assert_allclose(run(out, np.arange(3.0))[0], np.cos(np.arange(3.0)))


def test_cse_merges_duplicates_and_commuted_inputs():
    a, b = Var(f64(3)), Var(f64(3))
    e1, x1 = E("sin", [a], f64(3))
    e2, x2 = E("sin", [a], f64(3))
    e3, m1 = E("mul", [x1, b], f64(3))
    e4, m2 = E("mul", [b, x2], f64(3))      # the same product, operands swapped
    e5, s = E("sub", [m1, m2], f64(3))
    e6, t = E("reduce_sum", [a], f64(), axes=(0,))
    closed = ClosedJaxpr(Jaxpr([], [a, b], [s, t], [e1, e2, e3, e4, e5, e6]), [])
    out = passes.cse(closed)
    assert prims(out) == ["sin", "mul", "sub", "reduce_sum"]
    sub = out.jaxpr.eqns[2]
    assert sub.invars[0] is sub.invars[1]
    typecheck_jaxpr(out.jaxpr)


def test_cse_keeps_different_params_apart():
    a = Var(f64(2, 3))
    e1, x = E("reduce_sum", [a], f64(3), axes=(0,))
    e2, y = E("reduce_sum", [a], f64(2), axes=(1,))
    closed = ClosedJaxpr(Jaxpr([], [a], [x, y], [e1, e2]), [])
    assert len(passes.cse(closed).jaxpr.eqns) == 2


def test_constant_folding():
    a, c = Var(f64(3)), Var(f64(3))
    e1, k = E("exp", [c], f64(3))            # const only: folded to a new constant
    e2, s = E("add", [lit(2.0), lit(3.0)], f64())   # literals: folded to a literal
    e3, y = E("mul", [a, k], f64(3))          # depends on the input: stays
    e4, z = E("mul", [y, s], f64(3))
    closed = ClosedJaxpr(Jaxpr([c], [a], [z], [e1, e2, e3, e4]), [np.array([0.0, 1.0, 2.0])])
    out = passes.fold_constants(closed)
    assert prims(out) == ["mul", "mul"]
    assert isinstance(out.jaxpr.eqns[1].invars[1], Literal)
    assert float(out.jaxpr.eqns[1].invars[1].val) == 5.0
    np.testing.assert_allclose(out.consts[0], np.exp([0.0, 1.0, 2.0]))
    x = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(run(out, x)[0], run(closed, x)[0])


def test_folding_leaves_big_results_alone():
    c = Var(f64(1))
    big = f64(1 << 17)
    e1, y = E("broadcast_in_dim", [c], big, shape=big.shape, broadcast_dimensions=(0,))
    closed = ClosedJaxpr(Jaxpr([c], [], [y], [e1]), [np.ones(1)])
    assert prims(passes.fold_constants(closed)) == ["broadcast_in_dim"]


def test_algebra_identities():
    a = Var(f64(3))
    eqns, v = [], a
    for name, ins in [("mul", lambda v: [v, lit(1.0)]), ("mul", lambda v: [lit(1.0), v]),
                      ("add", lambda v: [v, lit(0.0)]), ("add", lambda v: [lit(0.0), v]),
                      ("sub", lambda v: [v, lit(0.0)]), ("div", lambda v: [v, lit(1.0)])]:
        e, v = E(name, ins(v), f64(3))
        eqns.append(e)
    e, v = E("reshape", [v], f64(3), new_sizes=(3,))
    eqns.append(e)
    e, w = E("sin", [v], f64(3))
    eqns.append(e)
    closed = ClosedJaxpr(Jaxpr([], [a], [w], eqns), [])
    out = passes.simplify(closed)
    assert prims(out) == ["sin"] and out.jaxpr.eqns[0].invars[0] is a


def test_algebra_keeps_broadcasting_identity():
    # x * 1 where 1 has a bigger shape broadcasts: not an identity
    a, c = Var(f64(3)), Var(f64(2, 3))
    e, y = E("mul", [a, c], f64(2, 3))
    closed = ClosedJaxpr(Jaxpr([c], [a], [y], [e]), [np.ones((2, 3))])
    assert prims(passes.simplify(closed)) == ["mul"]


def test_transpose_of_transpose():
    a = Var(f64(2, 3, 4))
    e1, t1 = E("transpose", [a], f64(3, 4, 2), permutation=(1, 2, 0))
    e2, t2 = E("transpose", [t1], f64(2, 3, 4), permutation=(2, 0, 1))   # undoes e1
    e3, t3 = E("transpose", [t2], f64(4, 3, 2), permutation=(2, 1, 0))
    e4, t4 = E("transpose", [t3], f64(3, 2, 4), permutation=(1, 2, 0))   # composes
    closed = ClosedJaxpr(Jaxpr([], [a], [t2, t4], [e1, e2, e3, e4]), [])
    out = passes.simplify(closed)
    assert out.jaxpr.outvars[0] is a
    assert prims(out) == ["transpose"]
    x = np.arange(24.0).reshape(2, 3, 4)
    np.testing.assert_array_equal(run(out, x)[1], run(closed, x)[1])


def test_dot_with_identity_constant():
    a, eye = Var(f64(3, 3)), Var(f64(3, 3))
    e1, y = E("dot_general", [a, eye], f64(3, 3), dimension_numbers=(((0,), (0,)), ((), ())))
    e2, z = E("dot_general", [a, eye], f64(3, 3), dimension_numbers=(((1,), (0,)), ((), ())))
    closed = ClosedJaxpr(Jaxpr([eye], [a], [y, z], [e1, e2]), [np.eye(3)])
    out = passes.simplify(closed)
    assert prims(out) == ["transpose"] and out.jaxpr.outvars[1] is a
    x = np.arange(9.0).reshape(3, 3)
    np.testing.assert_array_equal(run(out, x)[0], x.T)


def test_optimize_pipeline_preserves_values():
    a, c = Var(f64(3)), Var(f64(3))
    e1, k = E("mul", [c, lit(2.0)], f64(3))
    e2, x = E("sin", [a], f64(3))
    e3, x2 = E("sin", [a], f64(3))
    e4, y = E("mul", [x, k], f64(3))
    e5, z = E("mul", [x2, lit(1.0)], f64(3))
    e6, w = E("add", [y, z], f64(3))
    e7, _ = E("exp", [w], f64(3))
    closed = ClosedJaxpr(Jaxpr([c], [a], [w], [e1, e2, e3, e4, e5, e6, e7]), [np.ones(3)])
    out = passes.optimize(closed)
    assert prims(out) == ["sin", "mul", "add"]
    typecheck_jaxpr(out.jaxpr)
    x0 = np.array([0.1, 0.2, 0.3])
    np.testing.assert_allclose(run(out, x0)[0], run(closed, x0)[0])


def test_reciprocal_times_value_becomes_a_division():
    a, b = Var(f64(3)), Var(f64(3))
    e1, r = E("div", [lit(1.0), a], f64(3))
    e2, y = E("mul", [b, r], f64(3))
    closed = ClosedJaxpr(Jaxpr([], [a, b], [y], [e1, e2]), [])
    out = passes.simplify(closed)
    assert prims(out) == ["div"] and out.jaxpr.eqns[0].invars == [b, a]
    # kept when 1/a has another use
    closed = ClosedJaxpr(Jaxpr([], [a, b], [y, r], [e1, e2]), [])
    assert prims(passes.simplify(closed)) == ["div", "mul"]


def test_scalar_algebra():
    a = Var(f64(3))
    e1, d = E("add", [a, a], f64(3))                 # a + a -> a * 2
    e2, m = E("mul", [d, lit(3.0)], f64(3))          # (a * 2) * 3 -> a * 6
    e3, n = E("neg", [m], f64(3))                     # -(a * 6) -> a * -6
    closed = ClosedJaxpr(Jaxpr([], [a], [n], [e1, e2, e3]), [])
    out = passes.simplify(closed)
    assert prims(out) == ["mul"] and float(out.jaxpr.eqns[0].invars[1].val) == -6.0
    x = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(run(out, x)[0], -6 * x)


def test_multiply_by_ones_that_only_adds_axes_is_a_reshape():
    a, c = Var(f64(3)), Var(f64(1, 3))
    e, y = E("mul", [c, a], f64(1, 3))
    closed = ClosedJaxpr(Jaxpr([c], [a], [y], [e]), [np.ones((1, 3))])
    out = passes.simplify(closed)
    assert prims(out) == ["reshape"]


def test_negation_is_pushed_into_a_scalar_factor():
    a, b = Var(f64(3)), Var(f64(3))
    e1, n = E("neg", [a], f64(3))
    e2, m = E("mul", [n, b], f64(3))        # -a * b   -> -(a b)
    e3, r = E("mul", [m, lit(2.0)], f64(3))  # -(a b) * 2 -> (a b) * -2
    closed = ClosedJaxpr(Jaxpr([], [a, b], [r], [e1, e2, e3]), [])
    out = passes.simplify(closed)
    assert prims(out) == ["mul", "mul"]
    x, y = np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0])
    np.testing.assert_allclose(run(out, x, y)[0], -2 * x * y)


def test_finite_bounds_and_specialization():
    import math
    a = Var(f64(3))
    e1, s = E("sin", [a], f64(3))                # bounded by 1
    e2, t = E("mul", [s, lit(3.0)], f64(3))      # bounded by 3
    e3, x = E("exp", [a], f64(3))                # may overflow: unknown
    e4, m1 = E("mul_safe", [a, t], f64(3))       # -> mul
    e5, m2 = E("mul_safe", [a, x], f64(3))       # stays
    closed = ClosedJaxpr(Jaxpr([], [a], [m1, m2], [e1, e2, e3, e4, e5]), [])
    b = passes.finite_bounds(closed)
    assert b[a][0] == math.inf and b[s][0] == 1.0 and b[t][0] == 3.0 and b[x][0] is None
    assert b[t][1] == {0}
    spec, changed, needed = passes.finite_specialize(closed)
    assert changed and prims(spec)[3:] == ["mul", "mul_safe"] and needed == [0]


def test_broadcast_scalars_feed_elementwise_ops_directly():
    n = 70_000                                  # above the folding limit: the broadcast stays
    a, s = Var(f64(n)), Var(f64())
    e1, one = E("broadcast_in_dim", [lit(1.0)], f64(n), shape=(n,), broadcast_dimensions=())
    e2, w = E("sin", [a], f64(n))
    e3, p = E("mul_safe", [one, w], f64(n))          # 1 * w: the literal is then a unit
    e4, b = E("broadcast_in_dim", [s], f64(n), shape=(n,), broadcast_dimensions=())
    e5, q = E("sub", [p, b], f64(n))                 # a 0-d Var operand, read once
    e6, r = E("cos", [b], f64(n))                    # unary: its shape comes from b, kept
    closed = ClosedJaxpr(Jaxpr([], [a, s], [q, r], [e1, e2, e3, e4, e5, e6]), [])
    out = passes.optimize(closed)
    typecheck_jaxpr(out.jaxpr)
    assert prims(out) == ["sin", "broadcast_in_dim", "sub", "cos"]
    sub = out.jaxpr.eqns[2]
    assert sub.invars[1] is s and sub.invars[1].aval.shape == ()
    x = np.linspace(-2, 2, n)
    got, want = run(out, x, np.float64(0.5)), run(closed, x, np.float64(0.5))
    for g, w_ in zip(got, want):
        np.testing.assert_array_equal(g, w_)
