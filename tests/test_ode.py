"""functorch_lite.ode.odeint: values vs closed forms and scipy's solve_ivp;
gradients wrt y0, t and args vs finite differences (adjoint and taped);
forward mode, jit, vmap, float32, pytrees, closed-over parameters."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite.ode import odeint

T = np.linspace(0.0, 2.0, 5)
Y0 = np.array([1.0, 2.0])


def _f(y, t, k):
    return -k * y + jnp.sin(t)


def _exact(y0, t, k):
    # y' = -k y + sin t: y = C e^{-kt} + (k sin t - cos t)/(1 + k^2)
    c = y0 + 1.0 / (1 + k * k)
    return c[None] * np.exp(-k * t)[:, None] + ((k * np.sin(t) - np.cos(t)) / (1 + k * k))[:, None]


def _loss(y0, t, k, adjoint=True):
    return jnp.sum(odeint(_f, y0, t, k, adjoint=adjoint) ** 2)


def test_values_vs_closed_form_and_solve_ivp():
    ys = odeint(_f, Y0, T, 0.7)
    np.testing.assert_allclose(np.asarray(ys), _exact(Y0, T, 0.7), rtol=1e-7, atol=1e-8)
    si = pytest.importorskip("scipy.integrate")
    ref = si.solve_ivp(lambda t, y: -0.7 * y + np.sin(t), (0, 2), Y0, t_eval=T, method="DOP853",
                       rtol=1e-12, atol=1e-12).y.T
    np.testing.assert_allclose(np.asarray(ys), ref, rtol=1e-7, atol=1e-8)
    # a stiffer, nonlinear case: Van der Pol (mu=2) against RK45 at tight tolerance
    vdp = odeint(lambda y, t, mu: jnp.stack([y[1], mu * (1 - y[0] ** 2) * y[1] - y[0]]),
                 np.array([2.0, 0.0]), np.linspace(0, 5, 6), 2.0, rtol=1e-10, atol=1e-10)
    ref = si.solve_ivp(lambda t, y: [y[1], 2 * (1 - y[0] ** 2) * y[1] - y[0]], (0, 5),
                       [2.0, 0.0], t_eval=np.linspace(0, 5, 6), rtol=1e-12, atol=1e-12).y.T
    np.testing.assert_allclose(np.asarray(vdp), ref, rtol=1e-7, atol=1e-8)


def _fd(fun, x, eps=1e-6):
    x = np.array(x, dtype=np.float64)
    out = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = eps
        out[i] = (fun(x + e) - fun(x - e)) / (2 * eps)
    return out


@pytest.mark.parametrize("adjoint", [True, False])
def test_gradients_wrt_y0_t_args_vs_finite_differences(adjoint):
    gy, gt, gk = fl.grad(_loss, (0, 1, 2))(Y0, T, 0.7, adjoint)
    np.testing.assert_allclose(gy, _fd(lambda y: float(_loss(y, T, 0.7)), Y0), rtol=1e-6)
    np.testing.assert_allclose(gk, _fd(lambda k: float(_loss(Y0, T, k)), 0.7), rtol=1e-6)
    if adjoint:   # the adjoint's time gradient: every output time, t[0] included
        np.testing.assert_allclose(gt, _fd(lambda t: float(_loss(Y0, t, 0.7)), T),
                                   rtol=1e-5, atol=1e-7)
    # stored (closed-form derivative of the exact solution, to the solver's accuracy)
    np.testing.assert_allclose(gy, [5.25945677, 9.1123543], rtol=1e-7)
    np.testing.assert_allclose(gk, -18.6458940, rtol=1e-7)


def test_forward_mode_jit_vmap_float32():
    k = 0.7
    _, tk = fl.jvp(lambda k: _loss(Y0, T, k), (k,), (1.0,))
    np.testing.assert_allclose(tk, fl.grad(_loss, 2)(Y0, T, k), rtol=1e-6)
    jg = fl.jit(fl.grad(_loss, (0, 2)))
    for a, b in zip(jg(Y0, T, k), fl.grad(_loss, (0, 2))(Y0, T, k)):
        np.testing.assert_allclose(a, b, rtol=1e-12)
    ks = np.array([0.5, 0.7, 1.1])
    np.testing.assert_allclose(fl.vmap(lambda k: _loss(Y0, T, k))(ks),
                               [_loss(Y0, T, x) for x in ks], rtol=1e-10)
    np.testing.assert_allclose(fl.vmap(fl.grad(_loss, 2), (None, None, 0))(Y0, T, ks),
                               [fl.grad(_loss, 2)(Y0, T, x) for x in ks], rtol=1e-10)
    y32 = odeint(_f, Y0.astype(np.float32), T.astype(np.float32), np.float32(k),
                 rtol=1e-5, atol=1e-6)
    assert y32.dtype == np.float32
    np.testing.assert_allclose(y32, _exact(Y0, T, k), rtol=1e-4, atol=1e-5)
    g32 = fl.grad(lambda y: jnp.sum(odeint(_f, y, T.astype(np.float32), np.float32(k),
                                           rtol=1e-5, atol=1e-6) ** 2))(Y0.astype(np.float32))
    assert g32.dtype == np.float32
    np.testing.assert_allclose(g32, [5.25945677, 9.1123543], rtol=1e-3)


def test_pytree_state_and_closed_over_parameters():
    W = np.array([[0.0, 1.0], [-1.0, -0.1]])

    def loss(W, b):
        ys = odeint(lambda y, t: {"a": W @ y["a"] + b, "s": jnp.sum(y["a"] ** 2)},
                    {"a": Y0, "s": np.asarray(0.0)}, T)
        return jnp.sum(ys["a"][-1] ** 2) + ys["s"][-1]
    gW, gb = fl.grad(loss, (0, 1))(W, 0.3)
    np.testing.assert_allclose(gW, _fd(lambda w: float(loss(w, 0.3)), W), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(gb, _fd(lambda b: float(loss(W, b)), 0.3), rtol=1e-6)


def test_bad_input_and_mxstep():
    with pytest.raises(TypeError, match="odeint: func"):
        odeint(3, Y0, T)
    with pytest.raises(ValueError, match="odeint: t must be a 1-D"):
        odeint(_f, Y0, np.ones((2, 2)), 0.7)
    with pytest.raises(ValueError, match="odeint: func returned 3 numbers"):
        odeint(lambda y, t: jnp.ones(3), Y0, T)
    ys = odeint(_f, Y0, T, 0.7, mxstep=2)
    assert np.isinf(np.asarray(ys)[-1]).all()


def test_scipy_signature_odeint():
    from functorch_lite.ode import scipy_odeint
    A = np.array([[-0.1, 2.0], [-2.0, -0.1]])
    t = np.linspace(0, 1, 3)
    got = scipy_odeint(lambda y, t, A: jnp.dot(y ** 3, A), np.array([2.0, 0.0]), t, args=(A,))
    si = pytest.importorskip("scipy.integrate")
    ref = si.odeint(lambda y, t, A: np.dot(y ** 3, A), [2.0, 0.0], t, args=(A,), rtol=1e-12,
                    atol=1e-12)
    np.testing.assert_allclose(np.asarray(got), ref, rtol=1e-6, atol=1e-7)
    tf = scipy_odeint(lambda t, y, A: jnp.dot(y ** 3, A), np.array([2.0, 0.0]), t, (A,),
                      tfirst=True)
    np.testing.assert_allclose(np.asarray(tf), np.asarray(got), rtol=1e-12)


def test_check_grads_order_2_forward_and_reverse():
    from functorch_lite.test_util import check_grads
    f = lambda y0, k: jnp.sum(odeint(_f, y0, np.linspace(0, 1, 3), k,   # noqa: E731
                                     rtol=1e-10, atol=1e-10) ** 2)
    check_grads(f, (Y0, 0.7), order=2, modes=("fwd", "rev"))


from _device import device  # noqa: E402,F401  (fixture: the CuPy stand-in, and CuPy on a GPU)


def test_on_the_device_backend(device):  # noqa: F811
    y0, t = device.put(Y0), device.put(T)
    got = odeint(_f, y0, t, 0.7)
    np.testing.assert_allclose(device.host(got), np.asarray(odeint(_f, Y0, T, 0.7)), rtol=1e-12)
    g = fl.grad(lambda y: jnp.sum(odeint(_f, y, t, 0.7) ** 2))(y0)
    np.testing.assert_allclose(device.host(g), [5.25945677, 9.1123543], rtol=1e-7)
