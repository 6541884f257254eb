"""jacfwd, jacrev, hessian, linearize: JAX's layout, argnums, has_aux, pytrees."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads

rng = np.random.default_rng(11)


def numeric_jac(f, x, eps=1e-6):
    x = np.asarray(x, float)
    out = np.asarray(f(x))
    jac = np.zeros(out.shape + x.shape)
    for idx in np.ndindex(*x.shape):
        d = np.zeros_like(x)
        d[idx] = eps
        jac[(...,) + idx] = (np.asarray(f(x + d)) - np.asarray(f(x - d))) / (2 * eps)
    return jac


def f_vec(x):
    return fnp.stack([fnp.sum(fnp.sin(x) * x), x[0] * x[1] ** 2, fnp.exp(x[2])])


def f_mat(x):          # (2, 3) -> (4,)
    return fnp.concatenate([fnp.sum(x * x, axis=0), fnp.linalg.norm(x, axis=(0, 1))[None]])


@pytest.mark.parametrize("jac", [fl.jacfwd, fl.jacrev], ids=["fwd", "rev"])
@pytest.mark.parametrize("f,shape", [(f_vec, (3,)), (f_mat, (2, 3)),
                                     (lambda x: fnp.sin(x) * 2.0, (2, 2)),
                                     (lambda x: fnp.sum(x ** 3), (3,)),
                                     (lambda x: x * x, ())],
                         ids=["vec", "mat", "elementwise", "scalar_out", "scalar_in"])
def test_jacobian_matches_finite_differences(jac, f, shape):
    x = rng.standard_normal(shape)
    got = jac(f)(x)
    want = numeric_jac(f, x)
    assert np.shape(got) == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-8)


def test_linalg_jacobians():
    a = rng.standard_normal((3, 3)) + 3 * np.eye(3)
    for f in (fnp.linalg.inv, lambda m: fnp.einsum("ij,jk->ik", m, m.T), fnp.softmax):
        want = numeric_jac(f, a)
        np.testing.assert_allclose(fl.jacfwd(f)(a), want, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(fl.jacrev(f)(a), want, rtol=1e-6, atol=1e-8)


def g2(x, y):
    return {"a": fnp.sin(x) * y[0], "b": (x[:2] * y[1], fnp.sum(y))}


@pytest.mark.parametrize("jac", [fl.jacfwd, fl.jacrev], ids=["fwd", "rev"])
def test_pytree_layout_and_argnums(jac):
    x, y = rng.standard_normal(3), rng.standard_normal(2)
    j0 = jac(g2)(x, y)
    assert set(j0) == {"a", "b"}
    assert j0["a"].shape == (3, 3) and j0["b"][0].shape == (2, 3) and j0["b"][1].shape == (3,)
    j01 = jac(g2, argnums=(0, 1))(x, y)
    assert isinstance(j01["a"], tuple) and len(j01["a"]) == 2
    assert j01["a"][1].shape == (3, 2) and j01["b"][1][1].shape == (2,)
    np.testing.assert_allclose(j01["a"][0], j0["a"])
    np.testing.assert_allclose(j01["b"][1][1], np.ones(2))
    j1 = jac(g2, argnums=1)(x, y)
    np.testing.assert_allclose(j1["a"], j01["a"][1])
    # dict input
    jd = jac(lambda d: d["u"] * fnp.sum(d["v"]))({"u": x, "v": y})
    assert jd["u"].shape == (3, 3) and jd["v"].shape == (3, 2)
    np.testing.assert_allclose(jd["v"], np.outer(x, np.ones(2)))


def test_layout_matches_jax():
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    x, y = rng.standard_normal(3), rng.standard_normal(2)

    def g_jax(x, y):
        return {"a": jnp.sin(x) * y[0], "b": (x[:2] * y[1], jnp.sum(y))}
    for ours, theirs in [(fl.jacfwd, jax.jacfwd), (fl.jacrev, jax.jacrev)]:
        a = ours(g2, argnums=(0, 1))(x, y)
        b = theirs(g_jax, argnums=(0, 1))(x, y)
        la, ta = fl.tree_util.tree_flatten(a)
        lb = jax.tree_util.tree_leaves(b)
        assert len(la) == len(lb)
        for u, v in zip(la, lb):
            np.testing.assert_allclose(u, np.asarray(v), rtol=1e-12)
    h = fl.hessian(lambda x, y: fnp.sum(fnp.sin(x) * y[0]) * y[1], argnums=(0, 1))(x, y)
    hj = jax.hessian(lambda x, y: jnp.sum(jnp.sin(x) * y[0]) * y[1], argnums=(0, 1))(x, y)
    for u, v in zip(fl.tree_util.tree_leaves(h), jax.tree_util.tree_leaves(hj)):
        np.testing.assert_allclose(u, np.asarray(v), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("jac", [fl.jacfwd, fl.jacrev], ids=["fwd", "rev"])
def test_has_aux(jac):
    x = rng.standard_normal(3)
    j, aux = jac(lambda v: (fnp.sin(v), {"n": fnp.sum(v)}), has_aux=True)(x)
    np.testing.assert_allclose(j, np.diag(np.cos(x)))
    assert isinstance(aux["n"], np.ndarray) and np.isclose(aux["n"], x.sum())


def test_hessian():
    x = rng.standard_normal(4)
    a = rng.standard_normal((4, 4))

    def f(v):
        return fnp.sum(fnp.sin(v) * (a @ v)) + fnp.logsumexp(v)
    h = fl.hessian(f)(x)
    assert h.shape == (4, 4)
    np.testing.assert_allclose(h, numeric_jac(fl.grad(f), x), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(h, fl.jacrev(fl.jacfwd(f))(x), rtol=1e-10)
    np.testing.assert_allclose(h, fl.jacfwd(fl.jacfwd(f))(x), rtol=1e-10)
    m = rng.standard_normal((2, 3))
    hm = fl.hessian(lambda z: fnp.sum(z ** 3))(m)
    assert hm.shape == (2, 3, 2, 3)
    np.testing.assert_allclose(hm.reshape(6, 6), np.diag(6 * m.ravel()))
    h, aux = fl.hessian(lambda v: (fnp.sum(v ** 3), v), has_aux=True)(x)
    np.testing.assert_allclose(h, np.diag(6 * x))
    np.testing.assert_allclose(aux, x)


def test_nesting_and_vmap():
    x = rng.standard_normal((5, 3))
    per = fl.vmap(fl.jacrev(f_vec))(x)
    np.testing.assert_allclose(per, np.stack([fl.jacrev(f_vec)(r) for r in x]))
    g = fl.grad(lambda v: fnp.sum(fl.jacfwd(f_vec)(v) ** 2))(x[0])
    np.testing.assert_allclose(g, numeric_jac(lambda v: np.sum(fl.jacfwd(f_vec)(v) ** 2), x[0]),
                               rtol=1e-5, atol=1e-7)
    check_grads(lambda v: fl.jacrev(f_vec)(v), (x[0],), order=1)


def test_float32_and_errors():
    x = rng.standard_normal(3).astype(np.float32)
    assert fl.jacfwd(f_vec)(x).dtype == np.float32
    assert fl.jacrev(f_vec)(x).dtype == np.float32
    assert fl.hessian(lambda v: fnp.sum(v ** 3))(x).dtype == np.float32
    with pytest.raises(TypeError, match="jacfwd requires floating-point inputs"):
        fl.jacfwd(lambda v: v * 2)(np.arange(3))
    with pytest.raises(TypeError, match="jacrev requires floating-point inputs"):
        fl.jacrev(lambda v: v * 2)(np.arange(3))
    with pytest.raises(ValueError, match="argnums"):
        fl.jacrev(f_vec, argnums=2)(x)


# ------------------------------------------------------------------ linearize

def test_linearize_matches_jvp_and_records_only_linear_ops():
    def f(x, y):
        return fnp.sin(x) * y + fnp.exp(x) ** 2
    x, y = rng.standard_normal(4), rng.standard_normal(4)
    out, jvp_fn = fl.linearize(f, x, y)
    np.testing.assert_allclose(out, f(x, y))
    for _ in range(3):
        tx, ty = rng.standard_normal(4), rng.standard_normal(4)
        np.testing.assert_allclose(jvp_fn(tx, ty), fl.jvp(f, (x, y), (tx, ty))[1], rtol=1e-12)
    names = {e.primitive.name for e in jvp_fn.jaxpr.jaxpr.eqns}
    assert names <= {"mul", "add", "neg", "integer_pow", "broadcast_in_dim"}, names
    assert "sin" not in names and "exp" not in names and "cos" not in names


def test_linearize_pytrees_aux_vmap_and_errors():
    def f(d):
        return {"s": fnp.sum(d["a"] * d["b"]), "t": fnp.tanh(d["a"])}, d["b"] * 2
    p = {"a": rng.standard_normal(3), "b": rng.standard_normal(3)}
    out, jvp_fn, aux = fl.linearize(f, p, has_aux=True)
    assert isinstance(aux, np.ndarray) and np.allclose(aux, p["b"] * 2)
    t = {"a": rng.standard_normal(3), "b": rng.standard_normal(3)}
    got = jvp_fn(t)
    want = fl.jvp(lambda d: f(d)[0], (p,), (t,))[1]
    for u, v in zip(fl.tree_util.tree_leaves(got), fl.tree_util.tree_leaves(want)):
        np.testing.assert_allclose(u, v, rtol=1e-12)
    # vmap over tangents: columns of the Jacobian
    _, lin = fl.linearize(f_vec, np.ones(3))
    np.testing.assert_allclose(fl.vmap(lin, out_axes=1)(np.eye(3)), fl.jacfwd(f_vec)(np.ones(3)))
    with pytest.raises(ValueError, match="tangent shape"):
        lin(np.ones(4))
    with pytest.raises(TypeError, match="tangent dtype"):
        lin(np.ones(3, np.float32))
    # a constant output has a zero tangent
    _, lin0 = fl.linearize(lambda v: np.ones(2), np.ones(3))
    np.testing.assert_array_equal(lin0(np.ones(3)), np.zeros(2))


def test_compose_with_make_jaxpr_grad_and_vmap():
    from functorch_lite.core.eval import eval_closed_jaxpr

    def f(v):
        return fnp.sin(v) * fnp.sum(v ** 2)
    x = np.arange(3.0)
    for g in (fl.jacfwd(f), fl.jacrev(f), fl.hessian(lambda v: fnp.sum(f(v)))):
        closed = fl.make_jaxpr(g)(x)
        np.testing.assert_allclose(eval_closed_jaxpr(closed, x)[0], g(x), rtol=1e-12)

    def lin_then(v):
        return fl.linearize(f, v)[1](np.ones(3))

    def jvp_then(v):
        return fl.jvp(f, (v,), (np.ones(3),))[1]
    closed = fl.make_jaxpr(lin_then)(x)
    np.testing.assert_allclose(eval_closed_jaxpr(closed, x)[0], jvp_then(x), rtol=1e-12)
    np.testing.assert_allclose(fl.grad(lambda v: fnp.sum(lin_then(v)))(x),
                               fl.grad(lambda v: fnp.sum(jvp_then(v)))(x), rtol=1e-12)
    xb = np.stack([x, x + 1])
    np.testing.assert_allclose(fl.vmap(lin_then)(xb), fl.vmap(jvp_then)(xb), rtol=1e-12)
