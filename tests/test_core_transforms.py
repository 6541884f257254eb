"""Transforms, nesting, pytrees, printing and error messages of the core."""
import collections

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core.ir import typecheck_jaxpr
from functorch_lite.test_util import check_grads


def test_grad_of_grad_of_sin():
    for x in (0.3, 1.0, -2.0):
        np.testing.assert_allclose(fl.grad(fl.grad(fnp.sin))(x), -np.sin(x))
        np.testing.assert_allclose(fl.grad(fl.grad(fl.grad(fnp.sin)))(x), -np.cos(x))


def test_jvp_of_grad_and_hvp():
    A = np.random.default_rng(1).standard_normal((4, 4))
    f = lambda x: fnp.sum(fnp.tanh(fnp.dot(A, x)) ** 2)  # noqa: E731
    x, v = np.linspace(-1, 1, 4), np.array([1.0, 0.0, -1.0, 2.0])
    _, hvp = fl.jvp(fl.grad(f), (x,), (v,))
    # Hessian by finite differences of the gradient
    eps = 1e-6
    num = (fl.grad(f)(x + eps * v) - fl.grad(f)(x - eps * v)) / (2 * eps)
    np.testing.assert_allclose(hvp, num, rtol=1e-6, atol=1e-8)
    # and reverse-over-reverse gives the same
    hvp2 = fl.grad(lambda y: fnp.sum(fl.grad(f)(y) * v))(x)
    np.testing.assert_allclose(hvp2, hvp, rtol=1e-10)


def test_grad_closing_over_outer_tracer():
    # d/dy [ d/dx (x*y) ] = 1 : the inner grad closes over the outer tracer y
    f = lambda y: fl.grad(lambda x: x * y)(2.0)  # noqa: E731
    assert fl.grad(f)(3.0) == 1.0
    g = lambda y: fl.grad(lambda x: x * x * y)(y)  # 2*y*y -> derivative 4y  # noqa: E731
    np.testing.assert_allclose(fl.grad(g)(3.0), 12.0)


def test_python_control_flow_on_values():
    def f(x):
        y = x * 2
        while fnp.sqrt(fnp.sum(y * y)) < 1000:
            y = y * 2
        if fnp.sum(x) > 0:
            return fnp.sum(y)
        return -fnp.sum(y)
    x = np.array([0.1, 0.2, 0.3])
    g = fl.grad(f)(x)
    y, k = x * 2, 2
    while np.linalg.norm(y) < 1000:
        y, k = y * 2, k * 2
    np.testing.assert_allclose(g, np.full(3, float(k)))


def test_value_and_grad_argnums_has_aux_pytrees():
    Point = collections.namedtuple("Point", "x y")

    def loss(params, data, scale):
        w, b = params["w"], params["b"]
        pred = fnp.dot(data.x, w) + b
        l = fnp.sum((pred - data.y) ** 2) * scale
        return l, {"pred": pred}
    rng = np.random.default_rng(2)
    params = {"w": rng.standard_normal(3), "b": np.array(0.5)}
    data = Point(rng.standard_normal((5, 3)), rng.standard_normal(5))
    (l, aux), g = fl.value_and_grad(loss, has_aux=True)(params, data, 2.0)
    r = data.x @ params["w"] + 0.5 - data.y
    np.testing.assert_allclose(l, 2 * np.sum(r ** 2))
    np.testing.assert_allclose(aux["pred"], data.x @ params["w"] + 0.5)
    np.testing.assert_allclose(g["w"], 4 * data.x.T @ r)
    np.testing.assert_allclose(g["b"], 4 * np.sum(r))
    gp, gs = fl.grad(lambda p, d, s: loss(p, d, s)[0], argnums=(0, 2))(params, data, 2.0)
    np.testing.assert_allclose(gs, np.sum(r ** 2))
    gd = fl.grad(lambda p, d, s: loss(p, d, s)[0], argnums=1)(params, data, 2.0)
    assert isinstance(gd, Point)


def test_vjp_and_jvp_pytrees():
    f = lambda a, b: {"s": fnp.sin(a) * b, "t": (a + b, fnp.sum(a))}  # noqa: E731
    a, b = np.array([0.1, 0.2]), np.array([1.0, 3.0])
    out, vjp_fn = fl.vjp(f, a, b)
    ct = {"s": np.ones(2), "t": (np.ones(2), np.array(2.0))}
    ga, gb = vjp_fn(ct)
    np.testing.assert_allclose(ga, np.cos(a) * b + 1 + 2)
    np.testing.assert_allclose(gb, np.sin(a) + 1)
    _, t = fl.jvp(f, (a, b), (np.ones(2), np.zeros(2)))
    np.testing.assert_allclose(t["s"], np.cos(a) * b)
    out, vjp_fn, aux = fl.vjp(lambda x: (x * 2, "aux"), a, has_aux=True)
    assert aux == "aux"


def test_float32_stays_float32():
    x = np.ones(3, np.float32)
    f = lambda v: fnp.sum(fnp.tanh(v * 2.0 + 1) / 3.0)  # noqa: E731
    assert fl.grad(f)(x).dtype == np.float32
    assert fl.grad(f)(x).dtype == np.float32
    assert fl.grad(fl.grad(lambda v: fnp.sin(v) * 2.0))(np.float32(1.0)).dtype == np.float32
    _, t = fl.jvp(f, (x,), (np.ones(3, np.float32),))
    assert np.asarray(t).dtype == np.float32
    assert fnp.mean(x).dtype == np.float32


def test_check_grads_tanh_mlp():
    rng = np.random.default_rng(3)
    W1, W2, x = rng.standard_normal((4, 5)), rng.standard_normal((5, 2)), rng.standard_normal((3, 4))
    mlp = lambda W1, W2: fnp.sum(fnp.tanh(fnp.tanh(x @ W1) @ W2) ** 2)  # noqa: E731
    check_grads(mlp, (W1, W2), order=2)


def test_check_grads_catches_a_wrong_rule():
    from functorch_lite.primitives import elementwise as ew
    saved = ew.sin_p.vjp
    ew.sin_p.vjp = lambda ct, ins, out, needs: (ew.mul(ct, ew.sin(ins[0])),)
    try:
        with pytest.raises(AssertionError):
            check_grads(fnp.sin, (np.array([0.3, 1.2]),), order=1, modes=("rev",))
    finally:
        ew.sin_p.vjp = saved


# ------------------------------------------------------------------ printing

def test_make_jaxpr_printing():
    x3 = np.ones(3, np.float32)
    assert str(fl.make_jaxpr(fnp.sin)(x3)) == \
        "{ lambda ; a:f32[3]. let b:f32[3] = sin a in (b,) }"
    assert str(fl.make_jaxpr(lambda x: x * 2.0)(x3)) == \
        "{ lambda ; a:f32[3]. let b:f32[3] = mul a 2.0:f32[] in (b,) }"
    assert str(fl.make_jaxpr(lambda x: fnp.cos(fnp.sin(x)))(x3)) == \
        "{ lambda ; a:f32[3]. let b:f32[3] = sin a; c:f32[3] = cos b in (c,) }"
    assert str(fl.make_jaxpr(lambda x, y: (x + y, fnp.sum(x, axis=0)))(x3, x3)) == (
        "{ lambda ; a:f32[3] b:f32[3]. let\n    c:f32[3] = add a b\n"
        "    d:f32[] = reduce_sum[axes=(0,)] a\n  in (c, d) }")
    expected = """{ lambda ; a:f64[2,3] b:f64[3,4]. let
    c:f64[2,4] = dot_general[dimension_numbers=(((1,), (0,)), ((), ()))] a b
    d:f64[2,4] = tanh c
    e:f64[] = reduce_sum[axes=(0, 1)] d
  in (e,) }"""
    got = fl.make_jaxpr(lambda a, b: fnp.sum(fnp.tanh(a @ b)))(np.ones((2, 3)), np.ones((3, 4)))
    assert str(got) == expected
    c = np.arange(3.0)
    assert str(fl.make_jaxpr(lambda x: x + c)(np.ones(3))) == \
        "{ lambda a:f64[3]; b:f64[3]. let c:f64[3] = add b a in (c,) }"


def test_many_variables_names_and_typecheck():
    def f(x):
        for _ in range(30):
            x = fnp.sin(x)
        return x
    cj = fl.make_jaxpr(f)(1.0)
    s = str(cj)
    assert "ba:f64[] = sin z" in s and "be:f64[] = sin bd" in s
    typecheck_jaxpr(cj.jaxpr)
    eqn = cj.jaxpr.eqns[0]
    assert eqn.primitive.name == "sin" and eqn.source.endswith(".py:" + eqn.source.split(":")[-1])
    assert "test_core_transforms.py" in eqn.source


def test_typecheck_catches_bad_jaxpr():
    from functorch_lite.core.ir import ShapedArray, Var
    cj = fl.make_jaxpr(lambda x: fnp.sin(x))(np.ones(3))
    cj.jaxpr.eqns[0].outvars[0] = Var(ShapedArray((4,), np.float64))
    with pytest.raises(TypeError, match="shape rule"):
        typecheck_jaxpr(cj.jaxpr)


# -------------------------------------------------------------------- errors

def test_tracer_conversion_error_names_line_and_fixes():
    def f(x):
        if x.sum() > 0:  # the offending line
            return x
        return -x
    with pytest.raises(fl.errors.TracerConversionError) as e:
        fl.make_jaxpr(f)(np.ones(3))
    msg = str(e.value)
    assert "test_core_transforms.py" in msg and "lax.cond" in msg
    assert "lax.while_loop" in msg and "static_argnums" in msg
    assert isinstance(e.value, TypeError)
    with pytest.raises(fl.errors.TracerConversionError):
        fl.make_jaxpr(lambda x: float(x))(1.0)
    with pytest.raises(fl.errors.TracerConversionError, match="batched"):
        fl.vmap(lambda x: x if x > 0 else -x)(np.ones(3))


def test_leaked_tracer_error():
    stash = []

    def f(x):
        stash.append(x * 2)
        return fnp.sum(x)
    fl.grad(f)(np.ones(2))
    with pytest.raises(fl.UnexpectedTracerError, match="escaped") as e:
        fnp.sin(stash[0])
    assert "grad" in str(e.value) and "test_core_transforms.py" in str(e.value)


def test_grad_non_scalar_output_error():
    with pytest.raises(TypeError, match=r"shape \(3,\)"):
        fl.grad(lambda x: x * 2)(np.ones(3))


def test_shape_mismatch_error_names_both_shapes():
    with pytest.raises(ValueError, match=r"\(3,\).*\(4,\)"):
        fnp.add(np.ones(3), np.ones(4))
    with pytest.raises(ValueError, match=r"\(2, 3\).*\(2, 3\)|not aligned"):
        fnp.dot(np.ones((2, 3)), np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"\(3,\).*\(4,\)"):
        fl.make_jaxpr(lambda a, b: a * b)(np.ones(3), np.ones(4))


def test_grad_of_integer_input_errors():
    with pytest.raises(TypeError, match="floating-point"):
        fl.grad(lambda x: fnp.sum(x * 1.0))(np.arange(3))


def test_jvp_tangent_shape_error():
    with pytest.raises(ValueError, match="tangent shape"):
        fl.jvp(fnp.sin, (np.ones(3),), (np.ones(4),))


# ------------------------------------------------------------------- pytrees

def test_tree_util():
    tu = fl.tree_util
    Pt = collections.namedtuple("Pt", "a b")
    tree = {"z": [1, (2, None)], "a": Pt(3, {"k": 4})}
    leaves, td = tu.tree_flatten(tree)
    assert leaves == [3, 4, 1, 2]
    assert tu.tree_unflatten(td, leaves) == tree
    assert tu.tree_map(lambda v: v * 10, tree)["z"][1] == (20, None)
    assert tu.tree_leaves([None, ()]) == []

    class Box:
        def __init__(self, v, tag):
            self.v, self.tag = v, tag
    tu.register_pytree_node(Box, lambda b: ([b.v], b.tag), lambda tag, ch: Box(ch[0], tag))
    l2, td2 = tu.tree_flatten([Box(5, "t")])
    assert l2 == [5]
    back = tu.tree_unflatten(td2, [6])
    assert back[0].v == 6 and back[0].tag == "t"
    with pytest.raises(ValueError):
        tu.tree_unflatten(td, [1, 2])
    g = fl.grad(lambda b: b.v ** 2)(Box(np.array(3.0), "t"))
    assert isinstance(g, Box) and g.v == 6.0


def test_vmap_axes_and_nesting():
    x = np.arange(12.0).reshape(3, 4)
    np.testing.assert_allclose(fl.vmap(fnp.sum)(x), x.sum(1))
    np.testing.assert_allclose(fl.vmap(fnp.sum, in_axes=1)(x), x.sum(0))
    np.testing.assert_allclose(fl.vmap(fnp.sum, in_axes=-1)(x), x.sum(0))
    np.testing.assert_allclose(fl.vmap(lambda r: r * 2, out_axes=1)(x), (x * 2).T)
    np.testing.assert_allclose(fl.vmap(fl.vmap(lambda a: a * a))(x), x * x)
    out = fl.vmap(lambda a, b: a * b, in_axes=(0, None))(x, np.arange(4.0))
    np.testing.assert_allclose(out, x * np.arange(4.0))
    out = fl.vmap(lambda: np.ones(2), axis_size=3)() if False else None
    np.testing.assert_allclose(fl.vmap(lambda a: 3.0 * np.ones(2), axis_size=3)(None), 3 * np.ones((3, 2)))
    with pytest.raises(ValueError, match="different sizes"):
        fl.vmap(lambda a, b: a + b)(np.ones(3), np.ones(4))
    # per-example gradients
    w = np.array([0.5, -1.0, 2.0, 0.1])
    pe = fl.vmap(fl.grad(lambda w, r: fnp.sum(fnp.tanh(r * w))), in_axes=(None, 0))(w, x)
    np.testing.assert_allclose(pe, x * (1 - np.tanh(x * w) ** 2))


def test_python_scalars_weak_numpy_scalars_strong_everywhere():
    # NumPy 2 rules, eagerly, under grad and under jit: a Python float keeps
    # float32; a NumPy float64 scalar promotes (np.float64 subclasses float!)
    a = np.ones(3, np.float32)
    mul = lambda x, y: x * y  # noqa: E731
    jm = fl.jit(mul)
    for y, want in ((2.0, np.float32), (2, np.float32), (np.float64(2.0), np.float64),
                    (np.float32(2.0), np.float32)):
        assert fnp.multiply(a, y).dtype == want, y
        assert jm(a, y).dtype == want, y
        assert (a * y).dtype == want  # NumPy agrees
    assert jm.trace_count == 4
    jm(a, 5.0)  # a Python float is keyed by type: no retrace
    assert jm.trace_count == 4
    assert fl.grad(lambda x: fnp.sum(x * 2.0))(a).dtype == np.float32
