"""Reverse over reverse through lax.while_loop under jit and vmap (issue 19).

JAX refuses reverse mode through while_loop; its forward-over-forward second
derivatives are the oracle (stored below, recomputed when JAX is installed),
with central finite differences of the first derivative in float64.
"""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import lax


def newton_sqrt(a):
    def cond(c):
        return fnp.abs(c[0] * c[0] - a) > 1e-13 * a

    def body(c):
        x, it = c
        return 0.5 * (x + a / x), it + 1
    return lax.while_loop(cond, body, (a + 1.0, 0))[0]


def grow(x):
    # the trip count depends on x (3 to 6 steps for the points below)
    def body(c):
        y, k = c
        return y * x + fnp.sin(y), k + 1
    return lax.while_loop(lambda c: c[0] < 50.0, body, (x, 0))[0]


A = np.array([0.5, 2.0, 9.0, 100.0])
# jax.jacfwd(jax.jacfwd(f)) in float64 (jax 0.10.2)
NEWTON_D2 = [-0.7071067811849235, -0.08838834764811546, -0.00925925925925913,
             -0.0002500000000000001]
X = np.array([1.3, 2.1, 3.7, 6.0])
GROW = [(61.11224066097773, 131.20050980903534, -10615.46708488917),
        (94.0478437673886, 269.19150996141843, -4270.172635163443),
        (181.38420851050353, 230.39131156040085, 1644.859232494584),
        (213.40548411077654, 108.34254398544711, 192.88963007952879)]


def _fd(f, x, eps):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


def _second(f):
    return {
        "grad(grad)": fl.grad(fl.grad(f)),
        "jit(grad(grad))": fl.jit(fl.grad(fl.grad(f))),
        "jacfwd(grad)": fl.jacfwd(fl.grad(f)),
        "jit(jacfwd(grad))": fl.jit(fl.jacfwd(fl.grad(f))),
    }


@pytest.mark.parametrize("name", list(_second(newton_sqrt)))
def test_newton_second_derivative(name):
    d2 = _second(newton_sqrt)[name]
    for a, want in zip(A, NEWTON_D2):
        got = d2(np.array(a))
        np.testing.assert_allclose(got, want, rtol=1e-9)
        np.testing.assert_allclose(got, -0.25 * a ** -1.5, rtol=1e-9)
        fd = _fd(fl.grad(newton_sqrt), np.array(a), 1e-5 * a)
        np.testing.assert_allclose(got, fd, rtol=1e-6)


@pytest.mark.parametrize("name", list(_second(grow)))
def test_data_dependent_trip_count_second_derivative(name):
    d2 = _second(grow)[name]
    for x, (v, d, dd) in zip(X, GROW):
        np.testing.assert_allclose(grow(np.array(x)), v, rtol=1e-12)
        np.testing.assert_allclose(fl.grad(grow)(np.array(x)), d, rtol=1e-10)
        got = d2(np.array(x))
        np.testing.assert_allclose(got, dd, rtol=1e-9)
        np.testing.assert_allclose(got, _fd(fl.grad(grow), np.array(x), 1e-6), rtol=1e-5)


@pytest.mark.parametrize("f, xs, want", [(newton_sqrt, A, NEWTON_D2),
                                          (grow, X, [g[2] for g in GROW])])
def test_vmap_second_derivative_lanes_with_different_trip_counts(f, xs, want):
    for g in (fl.vmap(fl.grad(fl.grad(f))), fl.jit(fl.vmap(fl.grad(fl.grad(f)))),
              fl.vmap(fl.jit(fl.grad(fl.grad(f)))), fl.vmap(fl.jacfwd(fl.grad(f)))):
        np.testing.assert_allclose(g(xs), want, rtol=1e-9)


def test_third_order_and_closed_over_weights():
    x = np.array(2.0)
    np.testing.assert_allclose(fl.jit(fl.grad(fl.grad(fl.grad(newton_sqrt))))(x),
                               0.375 * 2.0 ** -2.5, rtol=1e-8)

    # second derivatives with respect to a closed-over weight and the initial carry
    def f(w, x):
        return lax.while_loop(lambda c: c[1] < 4, lambda c: (fnp.sin(c[0] * w), c[1] + 1),
                              (x, 0))[0]

    def ref(w, x):
        for _ in range(4):
            x = np.sin(x * w)
        return x
    w, x = np.array(0.9), np.array(0.7)
    h = fl.jit(fl.hessian(f, argnums=(0, 1)))(w, x)
    hr = fl.jit(fl.jacrev(fl.jacrev(f, argnums=(0, 1)), argnums=(0, 1)))(w, x)
    eps = 1e-4
    want = [[(ref(w + eps, x + eps) - ref(w + eps, x - eps) - ref(w - eps, x + eps)
              + ref(w - eps, x - eps)) / (4 * eps * eps) if i != j else
             ((ref(w + eps, x) - 2 * ref(w, x) + ref(w - eps, x)) if i == 0 else
              (ref(w, x + eps) - 2 * ref(w, x) + ref(w, x - eps))) / eps ** 2
             for j in range(2)] for i in range(2)]
    for i in range(2):
        for j in range(2):
            np.testing.assert_allclose(h[i][j], want[i][j], rtol=1e-5)
            np.testing.assert_allclose(hr[i][j], h[i][j], rtol=1e-10)


def test_jax_oracle():
    jax = pytest.importorskip("jax")
    from jax import lax as jlax
    import jax.numpy as jnp
    with jax.enable_x64(True):
        def jgrow(x):
            def body(c):
                return c[0] * x + jnp.sin(c[0]), c[1] + 1
            return jlax.while_loop(lambda c: c[0] < 50.0, body, (x, 0))[0]
        want = [float(jax.jacfwd(jax.jacfwd(jgrow))(x)) for x in X]
    np.testing.assert_allclose(want, [g[2] for g in GROW], rtol=1e-12)
    np.testing.assert_allclose(fl.jit(fl.vmap(fl.grad(fl.grad(grow))))(X), want, rtol=1e-9)


def test_opaque_tape_differentiated_again_names_the_fix():
    # jit(grad(f)) records the loop's tape without seeing the outer derivative;
    # differentiating it again names the fix (jit outside, or fori_loop/scan)
    x = np.array(2.0)
    for g in (fl.grad(fl.jit(fl.grad(newton_sqrt))), fl.jacfwd(fl.jit(fl.grad(newton_sqrt)))):
        with pytest.raises(NotImplementedError,
                           match=r"while_rev_(fwd|bwd).*jit\(grad\(grad\(f\)\)\).*scan"):
            g(x)


def test_hessians_of_a_vmapped_loop():
    # the loop batched inside the derivatives (lanes with different trip counts)
    want = np.diag(NEWTON_D2[:3])
    h = fl.jit(fl.hessian(lambda a: fnp.sum(fl.vmap(newton_sqrt)(a))))(A[:3])
    np.testing.assert_allclose(h, want, rtol=1e-9, atol=1e-15)
    j2 = fl.jit(fl.jacrev(fl.jacrev(fl.vmap(newton_sqrt))))(A[:3])
    np.testing.assert_allclose(np.einsum("iii->i", j2), NEWTON_D2[:3], rtol=1e-9)
