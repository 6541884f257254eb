"""Generic fixes the JAX 101/201/301 pages needed (issue 19): 32-bit mode
random draws and result_type, check_grads on a Python-float argument, JAX's
error kinds where pages catch them, fl.debug_nans at the top level.  Stored
values are jax 0.10.2's (32-bit mode), recomputed when jax is installed."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import errors, lax, random
from functorch_lite.test_util import check_grads

# jax.random.normal(jax.random.key(42)), bits(key, (3,)), uniform(key, (2,)): 32-bit mode
NORMAL_42 = -0.028304616
BITS_42 = [2098992034, 2919706841, 2646866425]
UNIFORM_42 = [0.48870957, 0.6797972]


@pytest.fixture
def x32():
    fl.config.update("jax_enable_x64", False)
    try:
        yield
    finally:
        fl.config.update("jax_enable_x64", True)


def test_random_draws_in_32_bit_mode_are_jax_defaults(x32):
    k = random.key(42)
    n = random.normal(k)
    assert n.dtype == np.float32 and float(n) == pytest.approx(NORMAL_42, abs=1e-8)
    b = random.bits(k, (3,))
    assert b.dtype == np.uint32 and b.tolist() == BITS_42
    np.testing.assert_allclose(random.uniform(k, (2,), dtype=np.float64), UNIFORM_42,
                               rtol=1e-7)
    assert random.randint(k, (3,), 0, 10).dtype == np.int32
    assert jnp.result_type(float, np.float32) == np.float32


def test_random_draws_64_bit_unchanged():
    assert jnp.result_type(float, np.float32) == np.float64      # NumPy's, in 64-bit mode
    n = random.normal(random.key(42), (3,))
    assert n.dtype == np.float64
    np.testing.assert_allclose(n, [-0.18471175, -2.16982456, 0.18693555], rtol=1e-7)


def test_jax_agrees(x32):
    jax = pytest.importorskip("jax")
    with jax.enable_x64(False):     # other tests may have switched jax's x64 on
        k = jax.random.key(42)
        assert float(jax.random.normal(k)) == pytest.approx(NORMAL_42, abs=1e-8)
        assert np.asarray(jax.random.bits(k, (3,))).tolist() == BITS_42


def test_check_grads_python_float_argument_in_32_bit_mode(x32):
    w = jnp.array([0.1, 0.4, -0.3])
    x = jnp.array([[0.52, 1.12, 0.77], [0.88, -1.08, 0.15]])

    def loss(w, b):
        return -jnp.sum(jnp.log(0.5 * (jnp.tanh((x @ w + b) / 2) + 1)))
    check_grads(loss, (w, 0.5), order=2)    # b is float32 here, as the function sees it


def test_error_kinds_match_jax():
    with pytest.raises(errors.TracerBoolConversionError):
        fl.jit(lambda x: 1.0 if x > 0 else 2.0)(1.0)
    with pytest.raises(errors.ConcretizationTypeError):
        fl.vmap(lambda x: 1.0 if x > 0 else 2.0)(np.ones(2))
    with pytest.raises(IndexError):     # NonConcreteBooleanIndexError is an IndexError
        fl.jit(lambda x: x[x > 0])(np.ones(3))
    with pytest.raises(errors.NonConcreteBooleanIndexError):
        fl.jit(lambda x: x[x > 0])(np.ones(3))
    with pytest.raises(errors.TracerArrayConversionError):
        fl.jit(lambda x: np.asarray(x))(1.0)
    with pytest.raises(errors.TracerIntegerConversionError):
        fl.jit(lambda i: [1, 2, 3][i])(1)
    for e in (errors.TracerBoolConversionError, errors.NonConcreteBooleanIndexError):
        assert issubclass(e, errors.TracerConversionError) and issubclass(e, TypeError)
    with pytest.raises(TypeError, match="same dtypes"):
        lax.add(1, 1.0)
    with pytest.raises(TypeError, match="same dtypes"):
        lax.add(np.float32(1), 1)
    assert lax.add(np.float32(1), 2.0) == 3.0
    with pytest.raises(ValueError, match="Comparator raised exception while sorting"):
        fl.tree.leaves({1: 2, "a": 3})


def test_top_level_debug_nans():
    with fl.debug_nans(True):
        with pytest.raises(FloatingPointError):
            jnp.log(-jnp.ones(2))
    assert not fl.config.debug_nans
