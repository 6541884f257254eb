"""The special functions' public names: lax.erf / erf_inv / lgamma / digamma /
polygamma (floating-point inputs only, as JAX's lax) and
functorch_lite.scipy.special (integers promoted, as jax.scipy.special).  Values,
derivatives, vmap and jit of the primitives themselves are table-driven
(tests/_prim_table.py)."""
import types

import numpy as np
import pytest
import scipy.special as S

import functorch_lite as fl
import functorch_lite.numpy as fnp
import functorch_lite.scipy.special as fss
from functorch_lite import lax
from functorch_lite.primitives import special
from functorch_lite.test_util import check_grads

X = np.array([0.3, 1.7, 2.5, 4.0])

PAIRS = [  # (lax name, scipy-style name, scipy reference, input)
    (lax.erf, fss.erf, S.erf, X - 2.0),
    (lax.erf_inv, fss.erfinv, S.erfinv, np.array([-0.9, -0.2, 0.1, 0.75])),
    (lax.lgamma, fss.gammaln, S.gammaln, X),
    (lax.digamma, fss.digamma, S.psi, X),
    (lambda x: lax.polygamma(2, x), lambda x: fss.polygamma(2, x),
     lambda x: S.polygamma(2, x), X),
]
IDS = ["erf", "erfinv", "lgamma", "digamma", "polygamma2"]


@pytest.mark.parametrize("lax_f,sp_f,ref,x", PAIRS, ids=IDS)
def test_values_dtypes_and_second_derivatives(lax_f, sp_f, ref, x):
    np.testing.assert_allclose(lax_f(x), ref(x), rtol=1e-13)
    np.testing.assert_allclose(sp_f(x), ref(x), rtol=1e-13)
    assert lax_f(x.astype(np.float32)).dtype == np.float32
    assert sp_f(x.astype(np.float32)).dtype == np.float32
    np.testing.assert_allclose(lax_f(x.astype(np.float32)), ref(x), rtol=2e-6)
    check_grads(sp_f, (x,), order=2, modes=("fwd", "rev"))
    g = fl.grad(lambda v: fnp.sum(lax_f(v)))(x.astype(np.float32))
    assert g.dtype == np.float32


@pytest.mark.parametrize("lax_f,sp_f,ref,x", PAIRS, ids=IDS)
def test_lax_names_refuse_integers_naming_the_op(lax_f, sp_f, ref, x):
    for bad in (np.array([1, 2, 3]), np.array([True, False]), 3):
        with pytest.raises(TypeError, match=r"needs a floating-point input.*cast it"):
            lax_f(bad)
    with pytest.raises(TypeError, match="floating-point"):
        fl.jit(lax_f)(np.array([1, 2, 3]))


@pytest.mark.parametrize("lax_f,sp_f,ref,x", PAIRS, ids=IDS)
def test_scipy_names_promote_integers_to_float64(lax_f, sp_f, ref, x):
    # as jax.scipy.special with 64-bit floats (scipy.special agrees, except that its
    # erfinv picks float32 for int8 and bool)
    for ints in (np.array([1, 2, 3]), np.array([1, 2, 3], np.int8), np.array([True, True])):
        got = sp_f(ints)
        assert got.dtype == np.float64
        np.testing.assert_allclose(got, ref(ints.astype(np.float64)), rtol=1e-13)
    np.testing.assert_allclose(sp_f(2), ref(2.0), rtol=1e-13)
    np.testing.assert_allclose(fl.jit(sp_f)(np.array([1, 2])), ref(np.array([1.0, 2.0])),
                               rtol=1e-13)


def test_the_error_names_the_op():
    with pytest.raises(TypeError, match=r"^erf_inv needs"):
        lax.erf_inv(np.arange(3))
    with pytest.raises(TypeError, match=r"^lgamma needs"):
        lax.lgamma(np.arange(3))


def test_polygamma_order_is_a_static_non_negative_int():
    np.testing.assert_allclose(lax.polygamma(0, X), S.psi(X), rtol=1e-13)
    for bad in (-1, 1.0, True, np.array(1)):
        with pytest.raises(TypeError, match="non-negative Python int"):
            lax.polygamma(bad, X)
    assert "polygamma[n=3]" in str(fl.make_jaxpr(lambda v: lax.polygamma(3, v))(X))


def test_derivative_chain_uses_the_next_primitive():
    # lgamma'' = digamma' = polygamma(1): the jaxpr of the second derivative shows it
    jaxpr = str(fl.make_jaxpr(fl.grad(fl.grad(lax.lgamma)))(2.0))
    assert "polygamma[n=1]" in jaxpr
    np.testing.assert_allclose(fl.grad(fl.grad(fl.grad(lax.digamma)))(2.5),
                               S.polygamma(3, 2.5), rtol=1e-12)
    # erf_inv' reads its output: exp(erf_inv(x)^2) sqrt(pi)/2
    np.testing.assert_allclose(fl.grad(lax.erf_inv)(0.5),
                               np.sqrt(np.pi) / 2 * np.exp(S.erfinv(0.5) ** 2), rtol=1e-13)


def test_gradient_at_a_pole_in_an_untaken_branch_is_zero():
    # lgamma'(0) = digamma(0) is inf: the where() branch not taken contributes exactly 0
    g = fl.grad(lambda v: fnp.sum(fnp.where(v > 0.5, fss.gammaln(v), 0.0)))(
        np.array([0.0, 1.5]))
    np.testing.assert_allclose(g, [0.0, S.psi(1.5)], rtol=1e-13)
    g = fl.grad(lambda v: fnp.sum(fnp.where(v < 0.99, lax.erf_inv(v), 0.0)))(
        np.array([1.0, 0.5]))
    np.testing.assert_allclose(g[0], 0.0)


def test_kernel_comes_from_the_backends_special_module():
    # the kernel asks the backend of the namespace it receives for its special
    # module (CuPy's: cupyx.scipy.special); NumPy's is scipy.special
    from functorch_lite.core.backend import Backend, register_backend, unregister_backend
    calls = []

    class Tagged(np.ndarray):
        pass

    class Fake(Backend):
        name, array_types = "fake-special", (Tagged,)
        namespace = types.SimpleNamespace()
        special = types.SimpleNamespace(
            erf=lambda x: (calls.append("erf"), np.zeros_like(x))[1])
    b = register_backend(Fake())
    try:
        out = special.erf_p.impl(Fake.namespace, X)
    finally:
        unregister_backend(b)
    assert calls == ["erf"] and np.all(out == 0)
    assert special._special(np) is S


def test_vmap_and_jit_compose_with_grad():
    xs = np.stack([X, X + 1.0])
    got = fl.jit(fl.vmap(fl.grad(lambda v: fnp.sum(fss.gammaln(v) * fss.erf(v)))))(xs)
    want = S.psi(xs) * S.erf(xs) + S.gammaln(xs) * 2 / np.sqrt(np.pi) * np.exp(-xs ** 2)
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_public_names():
    assert fss.psi is fss.digamma
    for n in ("erf", "erf_inv", "lgamma", "digamma", "polygamma"):
        assert n in lax.__all__
    for n in ("erf", "erfinv", "gammaln", "digamma", "polygamma"):
        assert n in fss.__all__


# ------------------------------------------- the primitives added for scipy.special

NEW = [  # (primitive wrapper, scipy.special name, reference, input)
    (special.erfc, fss.erfc, S.erfc, X - 2.0),
    (special.ndtri, fss.ndtri, S.ndtri, np.array([0.05, 0.3, 0.5, 0.9])),
    (special.log_ndtr, fss.log_ndtr, S.log_ndtr, np.array([-30.0, -2.0, 0.5, 6.0])),
    (special.gamma, fss.gamma, S.gamma, np.array([-1.5, 0.3, 2.5, 7.0])),
    (special.i0e, fss.i0e, S.i0e, X - 2.0),
    (special.i1e, fss.i1e, S.i1e, X - 2.0),
]
NEW_IDS = ["erfc", "ndtri", "log_ndtr", "gamma", "i0e", "i1e"]


@pytest.mark.parametrize("prim_f,sp_f,ref,x", NEW, ids=NEW_IDS)
def test_new_unary_primitives(prim_f, sp_f, ref, x):
    np.testing.assert_allclose(prim_f(x), ref(x), rtol=1e-13)
    np.testing.assert_allclose(sp_f(x.astype(np.float32)), ref(x), rtol=2e-6)
    assert sp_f(x.astype(np.float32)).dtype == np.float32
    check_grads(sp_f, (x,), order=2, modes=("fwd", "rev"))
    with pytest.raises(TypeError, match="needs a floating-point input"):
        prim_f(np.array([1, 2]))
    assert sp_f(np.array([1, 2])).dtype == np.float64


def test_binary_and_ternary_primitives_differentiate_in_one_argument():
    a, x = np.array([1.5, 2.0]), np.array([0.5, 3.0])
    np.testing.assert_allclose(fl.grad(lambda v: fnp.sum(special.gammainc(a, v)))(x),
                               np.exp((a - 1) * np.log(x) - x - S.gammaln(a)), rtol=1e-13)
    with pytest.raises(NotImplementedError, match="gammainc: the derivative in a"):
        fl.grad(lambda v: fnp.sum(special.gammainc(v, x)))(a)
    with pytest.raises(NotImplementedError, match="betainc: the derivative in b"):
        fl.jvp(lambda v: special.betainc(2.0, v, 0.3), (1.5,), (1.0,))
    with pytest.raises(TypeError, match="zeta needs a floating-point"):
        special.zeta(np.array([2, 3]), 1.0)
    with pytest.raises(ValueError, match="do not broadcast"):
        special.zeta(np.ones(2), np.ones(3))
    # broadcasting, vmap over either argument, jit
    s, q = np.array([2.0, 3.0, 4.0]), np.array([[1.0], [2.0]])
    np.testing.assert_allclose(special.zeta(s, q), S.zeta(s, q), rtol=1e-13)
    np.testing.assert_allclose(fl.vmap(special.zeta, in_axes=(0, None))(s, 1.5),
                               S.zeta(s, 1.5), rtol=1e-13)
    np.testing.assert_allclose(fl.jit(fl.grad(lambda v: special.zeta(3.0, v)))(1.5),
                               -3.0 * S.zeta(4.0, 1.5), rtol=1e-13)
