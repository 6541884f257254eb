"""cond / while_loop / fori_loop / scan: values, jvp, vjp, vmap, jit."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import lax
from functorch_lite.test_util import check_grads

rng = np.random.default_rng(0)


# ----------------------------------------------------------------------- cond

def _branchy(x):
    return lax.cond(fnp.sum(x) > 0, lambda y: fnp.sin(y) * 2.0, lambda y: fnp.cos(y) * y, x)


def _branchy_ref(x):
    return np.sin(x) * 2 if x.sum() > 0 else np.cos(x) * x


@pytest.mark.parametrize("x", [np.array([0.3, 0.2]), np.array([-0.3, -0.5])])
def test_cond_values_and_grads(x):
    np.testing.assert_allclose(_branchy(x), _branchy_ref(x))
    np.testing.assert_allclose(fl.jit(_branchy)(x), _branchy_ref(x))
    check_grads(_branchy, (x,), order=2)
    g1 = fl.jit(fl.grad(lambda x: fnp.sum(_branchy(x))))(x)
    g2 = fl.grad(lambda x: fnp.sum(_branchy(x)))(x)
    np.testing.assert_allclose(g1, g2, rtol=1e-12)


def test_cond_pytrees_and_closure_gradient():
    w = np.array(1.5)

    def f(w, x):
        return lax.cond(x[0] > 0, lambda a, b: (a * w, b), lambda a, b: (b, a * w * w),
                        x[0], x[1])[0]
    x = np.array([0.5, 2.0])
    assert float(fl.grad(f)(w, x)) == 0.5
    x = np.array([-0.5, 2.0])
    assert float(fl.grad(f)(w, x)) == 0.0
    np.testing.assert_allclose(fl.jit(fl.grad(f))(np.array(1.5), np.array([0.5, 2.0])), 0.5)


def test_cond_vmap_batched_and_unbatched_predicate():
    xs = np.array([[0.3, 0.2], [-1.0, -2.0], [0.5, -0.1]])
    np.testing.assert_allclose(fl.vmap(_branchy)(xs), np.stack([_branchy_ref(x) for x in xs]))
    f = lambda p, x: lax.cond(p, lambda y: y + 1.0, lambda y: y - 1.0, x)  # noqa: E731
    np.testing.assert_allclose(fl.vmap(f, (None, 0))(True, xs), xs + 1)
    jx = str(fl.make_jaxpr(fl.vmap(f, (None, 0)))(True, xs))
    assert "cond[" in jx and "select" not in jx     # one branch runs
    g = fl.vmap(fl.grad(lambda x: fnp.sum(_branchy(x))))(xs)
    np.testing.assert_allclose(g, np.stack([fl.grad(lambda x: fnp.sum(_branchy(x)))(x)
                                            for x in xs]))


def test_cond_branch_mismatch_error():
    with pytest.raises(TypeError, match="branch outputs differ"):
        lax.cond(True, lambda x: x, lambda x: x[:1], np.ones(2))


def test_cond_printed_name():
    assert "cond[" in str(fl.make_jaxpr(_branchy)(np.ones(2)))


# ---------------------------------------------------------------------- while

def newton_sqrt(a, every=None):
    def cond(c):
        x, _ = c
        return fnp.abs(x * x - a) > 1e-13 * a

    def body(c):
        x, it = c
        return 0.5 * (x + a / x), it + 1
    x, _ = lax.while_loop(cond, body, (a + 1.0, 0), checkpoint_every=every)
    return x


@pytest.mark.parametrize("a", [2.0, 0.3, 17.0])
@pytest.mark.parametrize("every", [None, 1, 3])
def test_newton_sqrt_reverse_mode(a, every):
    a = np.array(a)
    np.testing.assert_allclose(newton_sqrt(a), np.sqrt(a), rtol=1e-12)
    g = fl.grad(lambda a: newton_sqrt(a, every))(a)
    np.testing.assert_allclose(g, 1 / (2 * np.sqrt(a)), rtol=1e-6, atol=1e-6)
    eps = 1e-5
    fd = (newton_sqrt(a + eps) - newton_sqrt(a - eps)) / (2 * eps)
    np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(fl.jit(fl.grad(lambda a: newton_sqrt(a, every)))(a), g,
                               rtol=1e-12)


def test_while_jvp_and_vmap():
    a = np.array(3.0)
    p, t = fl.jvp(newton_sqrt, (a,), (np.array(1.0),))
    np.testing.assert_allclose(t, 1 / (2 * np.sqrt(3.0)), rtol=1e-8)
    As = np.array([0.5, 2.0, 9.0, 100.0])     # different trip counts per lane
    np.testing.assert_allclose(fl.vmap(newton_sqrt)(As), np.sqrt(As), rtol=1e-12)
    np.testing.assert_allclose(fl.vmap(fl.grad(newton_sqrt))(As), 0.5 / np.sqrt(As), rtol=1e-6)
    np.testing.assert_allclose(fl.jit(fl.vmap(fl.grad(newton_sqrt)))(As), 0.5 / np.sqrt(As),
                               rtol=1e-6)
    # a batched predicate runs until every lane is done, freezing finished lanes
    def count(n):
        return lax.while_loop(lambda c: c[0] < n, lambda c: (c[0] + 1, c[1] * 2.0),
                              (0, np.array(1.0)))[1]
    np.testing.assert_allclose(fl.vmap(count)(np.array([0, 3, 5])), [1.0, 8.0, 32.0])


def test_while_gradient_wrt_closed_over_and_carry():
    def f(w, x):
        return lax.while_loop(lambda c: c[1] < 4, lambda c: (fnp.sin(c[0] * w), c[1] + 1),
                              (x, 0))[0]

    def ref(w, x):
        for _ in range(4):
            x = np.sin(x * w)
        return x
    w, x = np.array(0.9), np.array(0.7)
    np.testing.assert_allclose(f(w, x), ref(w, x))
    gw, gx = fl.grad(f, argnums=(0, 1))(w, x)
    eps = 1e-6
    np.testing.assert_allclose(gw, (ref(w + eps, x) - ref(w - eps, x)) / (2 * eps), rtol=1e-6)
    np.testing.assert_allclose(gx, (ref(w, x + eps) - ref(w, x - eps)) / (2 * eps), rtol=1e-6)
    check_grads(lambda w, x: f(w, x), (w, x), order=1)
    check_grads(lambda w, x: f(w, x), (w, x), order=2, modes=("fwd",))


def test_while_second_order_reverse():
    # reverse over reverse runs the loop step by step under the outer grad
    x = np.array(2.0)
    d2 = fl.grad(fl.grad(newton_sqrt))(x)
    fd = (fl.grad(newton_sqrt)(x + 1e-5) - fl.grad(newton_sqrt)(x - 1e-5)) / 2e-5
    np.testing.assert_allclose(d2, fd, rtol=1e-5)
    np.testing.assert_allclose(d2, -0.25 * 2.0 ** -1.5, rtol=1e-8)
    np.testing.assert_allclose(fl.hessian(newton_sqrt)(x), d2, rtol=1e-8)
    # with jit outside, the backward is itself a loop (tests/test_while_higher_order.py)
    np.testing.assert_allclose(fl.jit(fl.grad(fl.grad(newton_sqrt)))(x), d2, rtol=1e-9)


def test_while_printed_name_and_errors():
    assert "while[" in str(fl.make_jaxpr(newton_sqrt)(np.array(2.0)))
    with pytest.raises(TypeError, match="body_fun must return"):
        lax.while_loop(lambda x: x < 3, lambda x: x.astype(np.float32), np.array(1.0))
    with pytest.raises(TypeError, match="scalar boolean"):
        lax.while_loop(lambda x: x, lambda x: x, np.ones(2))


# ----------------------------------------------------------------------- fori

def _poly(x):
    return lax.fori_loop(0, 5, lambda i, v: v * x + i, x)


def test_fori_concrete_bounds():
    x = np.array(0.7)
    ref = x
    for i in range(5):
        ref = ref * x + i
    np.testing.assert_allclose(_poly(x), ref)
    check_grads(_poly, (x,), order=2)
    np.testing.assert_allclose(fl.jit(fl.grad(_poly))(x), fl.grad(_poly)(x))


def test_fori_traced_bounds():
    def f(x, n):
        return lax.fori_loop(0, n, lambda i, v: fnp.sin(v) + x, x)

    def ref(x, n):
        v = x
        for _ in range(n):
            v = np.sin(v) + x
        return v
    x = np.array(0.4)
    jf = fl.jit(f)
    np.testing.assert_allclose(jf(x, 3), ref(x, 3))
    np.testing.assert_allclose(jf(x, 6), ref(x, 6))
    assert jf.trace_count == 1     # a Python int bound is weakly typed: its value is no key
    g = fl.jit(fl.grad(f))(x, np.array(4))
    eps = 1e-6
    np.testing.assert_allclose(g, (ref(x + eps, 4) - ref(x - eps, 4)) / (2 * eps), rtol=1e-6)


# ----------------------------------------------------------------------- scan

def _rnn(h, xs, w):
    def step(h, x):
        h = fnp.tanh(h * w + x)
        return h, h * h
    return lax.scan(step, h, xs)


def _rnn_ref(h, xs, w, reverse=False):
    ys = []
    for x in (xs[::-1] if reverse else xs):
        h = np.tanh(h * w + x)
        ys.append(h * h)
    ys = np.stack(ys)
    return h, ys[::-1] if reverse else ys


def test_scan_values_reverse_and_jit():
    h, xs, w = rng.standard_normal(3), rng.standard_normal((4, 3)), np.array(0.8)
    c, ys = _rnn(h, xs, w)
    rc, rys = _rnn_ref(h, xs, w)
    np.testing.assert_allclose(c, rc)
    np.testing.assert_allclose(ys, rys)
    c2, ys2 = lax.scan(lambda h, x: (fnp.tanh(h * w + x), fnp.tanh(h * w + x) ** 2), h, xs,
                       reverse=True)
    rc2, rys2 = _rnn_ref(h, xs, w, reverse=True)
    np.testing.assert_allclose(c2, rc2)
    np.testing.assert_allclose(ys2, rys2)
    jc, jys = fl.jit(_rnn)(h, xs, w)
    np.testing.assert_allclose(jys, rys)
    assert "scan[" in str(fl.make_jaxpr(_rnn)(h, xs, w))


def test_scan_grads():
    h, xs, w = rng.standard_normal(2), rng.standard_normal((3, 2)), np.array(0.8)
    f = lambda h, xs, w: fnp.sum(_rnn(h, xs, w)[0]) + fnp.sum(_rnn(h, xs, w)[1])  # noqa
    check_grads(f, (h, xs, w), order=2)
    g1 = fl.jit(fl.grad(f, argnums=(0, 1, 2)))(h, xs, w)
    g2 = fl.grad(f, argnums=(0, 1, 2))(h, xs, w)
    for a, b in zip(g1, g2):
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_scan_vmap_vs_loop():
    hs, xs, w = rng.standard_normal((5, 3)), rng.standard_normal((5, 4, 3)), np.array(0.8)
    c, ys = fl.vmap(_rnn, (0, 0, None))(hs, xs, w)
    for i in range(5):
        rc, rys = _rnn_ref(hs[i], xs[i], w)
        np.testing.assert_allclose(c[i], rc)
        np.testing.assert_allclose(ys[i], rys)
    # xs batched along a non-leading axis, carry unbatched
    xs_t = np.transpose(xs, (1, 0, 2))
    c, ys = fl.vmap(_rnn, (None, 1, None))(hs[0], xs_t, w)
    np.testing.assert_allclose(ys[2], _rnn_ref(hs[0], xs[2], w)[1])
    g = fl.vmap(fl.grad(lambda h, xs: fnp.sum(_rnn(h, xs, w)[1])))(hs, xs)
    for i in range(2):
        np.testing.assert_allclose(g[i], fl.grad(lambda h: fnp.sum(_rnn(h, xs[i], w)[1]))(hs[i]))


def test_scan_length_without_xs_and_pytree_xs():
    c, ys = lax.scan(lambda c, _: (c + 1.0, c), np.array(0.0), None, length=4)
    np.testing.assert_allclose(ys, [0, 1, 2, 3])
    c, ys = lax.scan(lambda c, x: (c + x["a"] * x["b"], None), np.array(0.0),
                     {"a": np.arange(3.0), "b": np.ones(3)})
    assert float(c) == 3.0 and ys is None
    with pytest.raises(ValueError, match="inconsistent lengths"):
        lax.scan(lambda c, x: (c, x), np.array(0.0), (np.ones(3), np.ones(4)))


def test_while_vjp_with_batched_cotangents():
    # jacrev-style: one forward loop, a vmap over cotangents in the backward
    def f(x):
        return lax.while_loop(lambda c: c[1] < 3, lambda c: (fnp.sin(c[0]) * 1.5, c[1] + 1),
                              (x, 0))[0]
    x = np.array([0.3, 0.6])
    _, vjp_fn = fl.vjp(f, x)
    J = fl.vmap(vjp_fn)(np.eye(2))[0]
    eps = 1e-6
    for i in range(2):
        e = np.eye(2)[i] * eps
        np.testing.assert_allclose(J[:, i], (f(x + e) - f(x - e)) / (2 * eps), rtol=1e-6)


def test_fori_and_while_under_vmap_and_jvp():
    xs = np.array([0.2, 0.5, 0.9])
    np.testing.assert_allclose(fl.vmap(_poly)(xs), np.stack([_poly(x) for x in xs]))
    t = fl.vmap(lambda x: fl.jvp(_poly, (x,), (np.array(1.0),))[1])(xs)
    np.testing.assert_allclose(t, np.stack([fl.grad(_poly)(x) for x in xs]), rtol=1e-12)
    t = fl.vmap(lambda a: fl.jvp(newton_sqrt, (a,), (np.array(1.0),))[1])(np.array([2.0, 5.0]))
    np.testing.assert_allclose(t, 0.5 / np.sqrt([2.0, 5.0]), rtol=1e-8)
    # traced bounds differing per lane
    f = lambda x, n: lax.fori_loop(0, n, lambda i, v: v * x, np.array(1.0))   # noqa: E731
    np.testing.assert_allclose(fl.vmap(f)(np.array([2.0, 3.0]), np.array([3, 2])), [8.0, 9.0])


def test_while_inside_jit_checkpoint_and_jacrev():
    a, want = np.array(2.0), 1 / (2 * np.sqrt(2.0))
    np.testing.assert_allclose(fl.grad(fl.jit(newton_sqrt))(a), want, rtol=1e-9)
    np.testing.assert_allclose(fl.grad(fl.checkpoint(newton_sqrt))(a), want, rtol=1e-9)
    np.testing.assert_allclose(fl.jit(fl.grad(fl.jit(lambda a: newton_sqrt(a, 2))))(a), want,
                               rtol=1e-9)
    J = fl.jacrev(fl.vmap(newton_sqrt))(np.array([2.0, 9.0]))
    np.testing.assert_allclose(J, np.diag(0.5 / np.sqrt([2.0, 9.0])), rtol=1e-9, atol=1e-12)
