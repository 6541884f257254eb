import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads


@fl.custom_jvp
def log1pexp(x):
    return fnp.log(1.0 + fnp.exp(x))


@log1pexp.defjvp
def _log1pexp_jvp(primals, tangents):
    (x,), (t,) = primals, tangents
    return log1pexp(x), t * (1.0 - 1.0 / (1.0 + fnp.exp(x)))


@fl.custom_jvp
def scaled_sin(x):
    return fnp.sin(x)


@scaled_sin.defjvp
def _scaled_sin_jvp(primals, tangents):       # deliberately not sin's derivative
    (x,), (t,) = primals, tangents
    return scaled_sin(x), 3.0 * fnp.cos(x) * t


def test_custom_jvp_rule_is_used_everywhere():
    x = np.array([0.3, -0.4])
    want = 3 * np.cos(x)
    f = lambda x: fnp.sum(scaled_sin(x))   # noqa: E731
    for g in (fl.grad(f), fl.jit(fl.grad(f)), fl.grad(fl.jit(f)), fl.jit(fl.grad(fl.jit(f)))):
        np.testing.assert_allclose(g(x), want)
    np.testing.assert_allclose(fl.jvp(scaled_sin, (x,), (np.ones(2),))[1], want)
    np.testing.assert_allclose(fl.jvp(fl.jit(scaled_sin), (x,), (np.ones(2),))[1], want)
    np.testing.assert_allclose(fl.vmap(fl.grad(scaled_sin))(x), want)
    np.testing.assert_allclose(fl.grad(lambda x: fnp.sum(fl.vmap(scaled_sin)(x)))(x), want)
    np.testing.assert_allclose(fl.jit(fl.vmap(fl.grad(scaled_sin)))(x), want)
    # nested: the rule's own derivative (d/dx 3 cos x)
    np.testing.assert_allclose(fl.grad(fl.grad(scaled_sin))(np.array(0.3)), -3 * np.sin(0.3))
    np.testing.assert_allclose(fl.jit(fl.grad(fl.grad(scaled_sin)))(np.array(0.3)),
                               -3 * np.sin(0.3))


def test_custom_jvp_stable_gradient():
    with np.errstate(over="ignore"):    # the primal overflows to inf; the rule does not
        g = fl.grad(log1pexp)(np.array(1000.0))
    assert np.isfinite(g) and abs(float(g) - 1.0) < 1e-12
    check_grads(log1pexp, (np.array([0.3, -1.2]),), order=2)


@fl.custom_vjp
def clip_grad(x, s):
    return x * s


def _clip_fwd(x, s):
    return clip_grad(x, s), (x, s)


def _clip_bwd(res, ct):
    x, s = res
    return (fnp.clip(ct * s, -1.0, 1.0), ct * x * 10.0)


clip_grad.defvjp(_clip_fwd, _clip_bwd)


def test_custom_vjp_rule_is_used_everywhere():
    x, s = np.array([0.5, 2.0]), np.array([3.0, 0.1])
    gx_want, gs_want = np.clip(s, -1, 1), x * 10.0
    f = lambda x, s: fnp.sum(clip_grad(x, s))   # noqa: E731
    for g in (fl.grad(f, argnums=(0, 1)), fl.jit(fl.grad(f, argnums=(0, 1))),
              fl.grad(fl.jit(f), argnums=(0, 1))):
        gx, gs = g(x, s)
        np.testing.assert_allclose(gx, gx_want)
        np.testing.assert_allclose(gs, gs_want)
    np.testing.assert_allclose(fl.vmap(fl.grad(clip_grad))(x, s), gx_want)
    np.testing.assert_allclose(fl.grad(lambda x: fnp.sum(fl.vmap(clip_grad)(x, s)))(x), gx_want)
    np.testing.assert_allclose(fl.jit(fl.grad(lambda x: fnp.sum(fl.vmap(clip_grad)(x, s))))(x),
                               gx_want)
    # forward mode is JAX's TypeError (a custom_vjp function defines reverse mode only)
    with pytest.raises(TypeError, match="forward-mode autodiff"):
        fl.jvp(lambda x: clip_grad(x, s), (x,), (np.ones(2),))


def test_custom_vjp_nested_grad_and_pytrees():
    @fl.custom_vjp
    def f(d):
        return d["a"] * d["b"]

    def fwd(d):
        return f(d), d

    def bwd(d, ct):
        return ({"a": ct * d["b"], "b": ct * d["a"] * 2.0},)
    f.defvjp(fwd, bwd)
    d = {"a": np.array(3.0), "b": np.array(4.0)}
    g = fl.grad(f)(d)
    assert float(g["a"]) == 4.0 and float(g["b"]) == 6.0
    # the bwd rule is differentiable: d/da of (ct * b * ... )
    gg = fl.grad(lambda a: fl.grad(f)({"a": a, "b": np.array(4.0)})["b"])(np.array(3.0))
    assert float(gg) == 2.0


def test_missing_rules_are_errors():
    @fl.custom_jvp
    def f(x):
        return x

    with pytest.raises(TypeError, match="defjvp"):
        f(np.ones(2))

    @fl.custom_vjp
    def g(x):
        return x
    with pytest.raises(TypeError, match="defvjp"):
        g(np.ones(2))
