"""config.update with JAX's names, and JAX's 32-bit mode (jax_enable_x64 off)."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp


@pytest.fixture
def x32():
    fl.config.update("jax_enable_x64", False)
    try:
        yield
    finally:
        fl.config.update("jax_enable_x64", True)


def test_default_is_numpys_dtypes():
    assert fl.config.jax_enable_x64 is True
    assert jnp.array([1.0]).dtype == np.float64 and jnp.arange(3).dtype == np.int64
    assert float(jnp.log(jnp.exp(100.0))) == 100.0


def test_x32_dtypes_as_jax(x32):
    # each expectation is what jax 0.4 prints with its default (x64 off)
    assert fl.config.read("jax_enable_x64") is False
    assert jnp.array([1.0, 2.0]).dtype == np.float32
    assert jnp.array(np.arange(3)).dtype == np.int32
    assert jnp.arange(3).dtype == np.int32 and jnp.zeros(2).dtype == np.float32
    assert jnp.ones(2).dtype == np.float32 and jnp.eye(2).dtype == np.float32
    assert jnp.linspace(0, 1, 3).dtype == np.float32
    assert jnp.exp(1.0).dtype == np.float32
    with np.errstate(over="ignore"):
        assert np.isinf(jnp.log(jnp.exp(100.0)))       # JAX: inf (float32 overflow)
    assert jnp.sum(jnp.arange(3)).dtype == np.int32
    assert jnp.mean(jnp.arange(3)).dtype == np.float32
    assert jnp.sin(np.ones(2)).dtype == np.float32    # a float64 NumPy input is narrowed
    g = fl.grad(lambda a: a ** 2)(3.0)
    assert g.dtype == np.float32 and float(g) == 6.0
    assert fl.jit(lambda a: a * 2.0)(np.ones(2)).dtype == np.float32
    assert fl.jit(lambda a: jnp.sum(a))(np.arange(3)).dtype == np.int32
    assert fl.vmap(jnp.sin)(np.ones(3)).dtype == np.float32
    jpr = fl.make_jaxpr(lambda a: a + 1.0)(1.0)
    assert "f32" in str(jpr) and "f64" not in str(jpr)


def test_jit_cache_distinguishes_modes():
    f = fl.jit(lambda a: a * 2.0)
    assert f(1.0).dtype == np.float64
    fl.config.update("jax_enable_x64", False)
    try:
        assert f(1.0).dtype == np.float32
    finally:
        fl.config.update("jax_enable_x64", True)
    assert f(1.0).dtype == np.float64


def test_update_names():
    fl.config.update("jax_disable_jit", True)
    try:
        assert fl.config.disable_jit is True
        seen = []
        fl.jit(lambda a: seen.append(type(a)) or a)(np.ones(1))
        assert seen == [np.ndarray]        # ran eagerly: a concrete array, not a tracer
    finally:
        fl.config.update("jax_disable_jit", False)
    fl.config.update("jax_explain_cache_misses", True)
    assert fl.config.explain_retrace is True
    fl.config.update("jax_explain_cache_misses", False)
    fl.config.update("jax_platform_name", "cpu")
    assert fl.default_backend() == "numpy"
    with pytest.raises(ValueError, match="jax_default_matmul_precision"):
        fl.config.update("jax_default_matmul_precision", "highest")


def test_jax_agrees_x32():
    jax = pytest.importorskip("jax")
    if jax.config.jax_enable_x64:
        pytest.skip("jax runs with x64 here")
    jj = jax.numpy
    assert str(jj.array([1.0]).dtype) == "float32" and str(jj.arange(3).dtype) == "int32"
    assert str(jj.mean(jj.arange(3)).dtype) == "float32"
