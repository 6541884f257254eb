"""Implicit differentiation: lax.custom_linear_solve, lax.custom_root and
implicit.fixed_point against direct differentiation, unrolled iteration and
finite differences; jit, vmap, float32, pytrees."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import lax
from functorch_lite.implicit import closure_convert, fixed_point

A0 = np.array([[3.0, 1.0, 0.2], [1.0, 2.0, 0.5], [0.1, 0.4, 4.0]])
B0 = np.array([1.0, 2.0, -1.0])


def _solve_loss(A, b):
    x = lax.custom_linear_solve(lambda v: A @ v, b, lambda mv, r: jnp.linalg.solve(A, r),
                                transpose_solve=lambda vm, r: jnp.linalg.solve(A.T, r))
    return jnp.sum(x ** 3)


def _cg(matvec, b, iters=40):   # conjugate gradients, for the symmetric case
    def body(i, c):
        x, r, p, rs = c
        ap = matvec(p)
        alpha = rs / jnp.maximum(jnp.sum(p * ap), 1e-300)
        x, r = x + alpha * p, r - alpha * ap
        rn = jnp.sum(r * r)
        return x, r, r + rn / jnp.maximum(rs, 1e-300) * p, rn
    x0 = jnp.zeros_like(b)
    return lax.fori_loop(0, iters, body, (x0, b, b, jnp.sum(b * b)))[0]


def test_custom_linear_solve_matches_direct_gradient():
    ga, gb = fl.grad(_solve_loss, (0, 1))(A0, B0)
    ra, rb = fl.grad(lambda A, b: jnp.sum(jnp.linalg.solve(A, b) ** 3), (0, 1))(A0, B0)
    np.testing.assert_allclose(ga, ra, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(gb, rb, rtol=1e-12, atol=1e-14)
    ja, jb = fl.jit(fl.grad(_solve_loss, (0, 1)))(A0, B0)
    np.testing.assert_allclose(ja, ra, rtol=1e-12, atol=1e-14)
    # symmetric: CG in forward, the same CG for the transpose; no tape through its 40 steps
    S = A0 + A0.T

    def cg_loss(S, b):
        return jnp.sum(lax.custom_linear_solve(lambda v: S @ v, b, _cg, symmetric=True) ** 2)
    gs = fl.grad(cg_loss, (0, 1))(S, B0)
    rs = fl.grad(lambda S, b: jnp.sum(jnp.linalg.solve(S, b) ** 2), (0, 1))(S, B0)
    for a, b in zip(gs, rs):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    # vmap over right-hand sides equals a loop
    bs = np.stack([B0, 2 * B0 - 1])
    np.testing.assert_allclose(fl.vmap(lambda b: fl.grad(_solve_loss, 1)(A0, b))(bs),
                               [fl.grad(_solve_loss, 1)(A0, b) for b in bs], rtol=1e-12)


def _newton_sqrt(c):
    def solve(f, x0):
        return lax.fori_loop(0, 40, lambda i, x: x - f(x) / (2 * x), x0)
    return lax.custom_root(lambda x: x ** 2 - c, jnp.ones_like(c), solve,
                           lambda g, y: y / g(1.0))


def test_custom_root_scalar_and_vector():
    np.testing.assert_allclose(_newton_sqrt(np.asarray(2.0)), np.sqrt(2.0), rtol=1e-15)
    np.testing.assert_allclose(fl.grad(_newton_sqrt)(np.asarray(2.0)), 0.5 / np.sqrt(2.0),
                               rtol=1e-14)
    cs = np.array([2.0, 4.0, 9.0])
    np.testing.assert_allclose(fl.vmap(fl.grad(_newton_sqrt))(cs), 0.5 / np.sqrt(cs),
                               rtol=1e-14)
    np.testing.assert_allclose(fl.jit(fl.grad(_newton_sqrt))(np.asarray(3.0)),
                               0.5 / np.sqrt(3.0), rtol=1e-14)
    _, t = fl.jvp(_newton_sqrt, (np.asarray(2.0),), (np.asarray(1.0),))
    np.testing.assert_allclose(t, 0.5 / np.sqrt(2.0), rtol=1e-12)
    # a vector root: A x - b = 0 solved by Newton, tangent_solve a dense solve
    A = A0

    def root(b):
        f = lambda x: A @ x + 0.1 * x ** 3 - b   # noqa: E731

        def solve(f, x):
            for _ in range(30):
                x = x - jnp.linalg.solve(fl.jacfwd(f)(x), f(x))
            return x

        def tsolve(g, y):
            return jnp.linalg.solve(fl.jacfwd(g)(jnp.zeros_like(y)), y)
        return lax.custom_root(f, jnp.zeros_like(b), solve, tsolve)
    g = fl.grad(lambda b: jnp.sum(root(b) ** 2))(B0)
    fd = [(float(jnp.sum(root(B0 + e) ** 2)) - float(jnp.sum(root(B0 - e) ** 2))) / 2e-6
          for e in np.eye(3) * 1e-6]
    np.testing.assert_allclose(g, fd, rtol=1e-6)


def _fp(a, x0=0.5):
    return fixed_point(lambda x, p: jnp.cos(p["a"] * x) * p["s"], jnp.asarray(x0),
                       {"a": a, "s": 1.0})


def test_fixed_point_vs_unrolled_and_finite_differences():
    a = 0.7
    x = float(_fp(a))
    assert abs(x - np.cos(a * x)) < 1e-10
    g = float(fl.grad(_fp)(a))

    def unrolled(a):
        x = jnp.asarray(0.5)
        for _ in range(200):
            x = jnp.cos(a * x)
        return x
    assert g == pytest.approx(float(fl.grad(unrolled)(a)), rel=1e-8)
    assert g == pytest.approx((float(_fp(a + 1e-6)) - float(_fp(a - 1e-6))) / 2e-6, rel=1e-6)
    assert g == pytest.approx(-0.33188796348686, rel=1e-9)    # stored
    assert float(fl.jit(fl.grad(_fp))(a)) == pytest.approx(g, rel=1e-12)
    np.testing.assert_allclose(fl.vmap(fl.grad(_fp))(np.array([0.5, 0.7])),
                               [float(fl.grad(_fp)(v)) for v in (0.5, 0.7)], rtol=1e-10)
    # float32 stays float32
    x32 = fixed_point(lambda x, p: jnp.cos(p * x), jnp.asarray(0.5, dtype=np.float32),
                      np.float32(0.7), tol=1e-6)
    assert x32.dtype == np.float32
    # a vector fixed point with a closed-over matrix: x = tanh(W x + b)
    W = np.array([[0.2, -0.3], [0.1, 0.4]])

    def fixed(W, b):
        return jnp.sum(fixed_point(lambda x, b: jnp.tanh(W @ x + b), jnp.zeros(2), b) ** 2)
    gW, gb = fl.grad(fixed, (0, 1))(W, np.array([0.5, -0.2]))
    eps = 1e-6
    for i in np.ndindex(2, 2):
        E = np.zeros((2, 2))
        E[i] = eps
        fd = (float(fixed(W + E, np.array([0.5, -0.2]))) -
              float(fixed(W - E, np.array([0.5, -0.2])))) / (2 * eps)
        assert gW[i] == pytest.approx(fd, rel=1e-6, abs=1e-9)


def test_closure_convert_and_errors():
    w = np.array([2.0, 3.0])

    def outer(w):
        f = lambda x: x * w   # noqa: E731 - closes over the traced w
        conv, consts = closure_convert(f, np.ones(2))
        assert len(consts) == 1
        return jnp.sum(conv(np.ones(2), *consts))
    np.testing.assert_allclose(fl.grad(outer)(w), [1.0, 1.0])
    with pytest.raises(TypeError, match="fixed_point: f must be"):
        fixed_point(None, 0.0, 1.0)
    with pytest.raises(TypeError, match="custom_linear_solve: matvec must return"):
        lax.custom_linear_solve(lambda v: v[:2], B0, lambda mv, r: r)


def test_autograd_fixed_point_signature_matches_autograd():
    from functorch_lite.implicit import autograd_fixed_point

    def sqrt(a, guess=10.0):
        return autograd_fixed_point(lambda a: (lambda x: x - 0.05 * (x ** 2 - a)), a, guess,
                                    lambda x, y: jnp.abs(x - y), 1e-4)
    # autograd 1.9's examples/fixed_points.py prints these two (same iteration, same stop)
    assert float(sqrt(2.0)) == pytest.approx(1.4147939385813015, rel=1e-14)
    assert float(fl.grad(sqrt)(2.0)) == pytest.approx(0.35338076161609844, rel=1e-12)
    # second order: through the adjoint iteration (autograd: -0.08810, exact -0.08839)
    assert float(fl.grad(fl.grad(sqrt))(2.0)) == pytest.approx(-0.0884, rel=1e-2)


def test_check_grads_order_2_forward_and_reverse():
    from functorch_lite.test_util import check_grads
    check_grads(_solve_loss, (A0, B0), order=2, modes=("fwd", "rev"))
    check_grads(lambda a: _fp(a), (np.asarray(0.7),), order=2, modes=("fwd", "rev"))
    check_grads(_newton_sqrt, (np.asarray(2.0),), order=2, modes=("fwd", "rev"))


from _device import device  # noqa: E402,F401  (fixture: the CuPy stand-in, and CuPy on a GPU)


def test_on_the_device_backend(device):  # noqa: F811
    W = np.array([[0.2, -0.3], [0.1, 0.4]])
    b = np.array([0.5, -0.2])

    def fixed(W, b):
        return jnp.sum(fixed_point(lambda x, b: jnp.tanh(W @ x + b), b * 0, b) ** 2)
    want = fl.grad(fixed, (0, 1))(W, b)
    got = fl.grad(fixed, (0, 1))(device.put(W), device.put(b))
    for g, w in zip(got, want):
        np.testing.assert_allclose(device.host(g), w, rtol=1e-12)
    ga = fl.grad(_solve_loss, (0, 1))(device.put(A0), device.put(B0))
    for g, w in zip(ga, fl.grad(_solve_loss, (0, 1))(A0, B0)):
        np.testing.assert_allclose(device.host(g), w, rtol=1e-12)
