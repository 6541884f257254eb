"""custom_jvp/custom_vjp details JAX's custom-derivatives notebook relies on."""
from functools import partial

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp


def test_defjvps_matches_jax():
    @fl.custom_jvp
    def f(x, y):
        return jnp.sin(x) * y
    f.defjvps(lambda x_dot, primal_out, x, y: jnp.cos(x) * x_dot * y,
              lambda y_dot, primal_out, x, y: jnp.sin(x) * y_dot)
    # stored from jax 0.4 (grad(f)(2., 3.), grad(f, 1)(2., 3.))
    assert np.isclose(float(fl.grad(f)(2.0, 3.0)), -1.2484405096414273)
    assert np.isclose(float(fl.grad(f, 1)(2.0, 3.0)), 0.9092974268256817)
    y, t = fl.jvp(f, (2.0, 3.0), (1.0, 0.0))
    assert np.isclose(float(t), 3 * np.cos(2.0))

    @fl.custom_jvp
    def h(x, y):
        return x * y
    h.defjvps(None, lambda yd, out, x, y: x * yd)     # None: no contribution
    assert float(fl.grad(h)(2.0, 3.0)) == 0.0
    assert float(fl.grad(h, 1)(2.0, 3.0)) == 2.0


def test_nondiff_argnums_custom_jvp():
    @partial(fl.custom_jvp, nondiff_argnums=(0,))
    def app(f, x):
        return f(x)

    @app.defjvp
    def app_jvp(f, primals, tangents):
        x, = primals
        xd, = tangents
        return app(f, x), 2.0 * xd
    assert float(fl.grad(lambda x: app(jnp.sin, x))(1.0)) == 2.0
    assert float(fl.jit(fl.grad(lambda x: app(jnp.sin, x)))(1.0)) == 2.0
    np.testing.assert_allclose(fl.vmap(fl.grad(lambda x: app(jnp.sin, x)))(np.ones(3)), 2.0)


def test_nondiff_argnums_custom_vjp():
    @partial(fl.custom_vjp, nondiff_argnums=(0,))
    def clip_gradient(lo_hi, x):
        return x

    def fwd(lo_hi, x):
        return x, None

    def bwd(lo_hi, _, g):
        return (jnp.clip(g, *lo_hi),)
    clip_gradient.defvjp(fwd, bwd)
    gf = fl.grad(lambda x: 5.0 * clip_gradient((-1.0, 1.0), x))
    assert float(gf(3.0)) == 1.0
    assert float(fl.jit(gf)(3.0)) == 1.0


def test_rule_sees_concrete_primals_under_grad():
    @fl.custom_jvp
    def f(x):
        return x

    @f.defjvp
    def f_jvp(primals, tangents):
        x, = primals
        xd, = tangents
        if x > 0:           # Python control flow on the primal: fine outside jit
            return x, xd
        return x, 2.0 * xd
    assert float(fl.grad(f)(1.0)) == 1.0
    assert float(fl.grad(f)(-1.0)) == 2.0


def test_jvp_of_custom_vjp_is_jax_type_error():
    @fl.custom_vjp
    def f(x):
        return jnp.sin(x)
    f.defvjp(lambda x: (jnp.sin(x), x), lambda x, g: (g * jnp.cos(x),))
    assert np.isclose(float(fl.grad(f)(1.0)), np.cos(1.0))
    with pytest.raises(TypeError, match="can't apply forward-mode autodiff"):
        fl.jvp(f, (1.0,), (1.0,))
    with pytest.raises(TypeError, match="forward-mode"):
        fl.jacfwd(f)(1.0)


def test_jax_agrees():
    jax = pytest.importorskip("jax")

    @jax.custom_jvp
    def f(x, y):
        return jax.numpy.sin(x) * y
    f.defjvps(lambda x_dot, primal_out, x, y: jax.numpy.cos(x) * x_dot * y,
              lambda y_dot, primal_out, x, y: jax.numpy.sin(x) * y_dot)
    assert np.isclose(float(jax.grad(f)(2.0, 3.0)), -1.2484405096414273, rtol=1e-6)
    assert np.isclose(float(jax.grad(f, 1)(2.0, 3.0)), 0.9092974268256817, rtol=1e-6)


def test_primal_function_with_python_control_flow():
    # the custom-derivatives notebook: f's own body branches on its value
    @fl.custom_jvp
    def f(x):
        if x > 0:
            return jnp.sin(x)
        return jnp.cos(x)

    @f.defjvp
    def f_jvp(primals, tangents):
        x, = primals
        xd, = tangents
        return f(x), (2.0 if x > 0 else 3.0) * xd
    assert np.isclose(float(f(1.0)), np.sin(1.0)) and np.isclose(float(f(-1.0)), np.cos(1.0))
    assert float(fl.grad(f)(1.0)) == 2.0 and float(fl.grad(f)(-1.0)) == 3.0   # JAX's values
    assert float(fl.jvp(f, (1.0,), (1.0,))[1]) == 2.0
    assert float(fl.grad(fl.grad(f))(1.0)) == 0.0
    with pytest.raises(TypeError, match="concrete values"):
        fl.jit(f)(1.0)
    with pytest.raises(TypeError, match="concrete values"):
        fl.vmap(fl.grad(f))(np.ones(2))
