"""Complex numbers end to end: fnp values on complex64/complex128 against NumPy,
derivatives in JAX's convention for the functional API (stored JAX gradients,
live JAX when installed, check_grads order 2 on complex inputs), holomorphic
grad, PyTorch's convention in the Tensor facade (stored and live torch), vmap
and jit on complex values."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads

R = np.random.default_rng(3)
Z = R.standard_normal((3, 4)) + 1j * R.standard_normal((3, 4))
W = R.standard_normal(4) + 1j * R.standard_normal(4)

UNARY = ("negative exp log sqrt sin cos tan tanh sinh cosh abs square reciprocal real imag "
         "conj conjugate angle sum mean prod cumsum cumprod ravel transpose isfinite isnan "
         "isinf sign expm1 log1p log10 log2 exp2 arcsin arccos arctan var std iscomplex "
         "isreal").split()
BINARY = "add subtract multiply divide power matmul dot".split()


@pytest.mark.parametrize("name", UNARY)
def test_unary_values_and_dtypes(name):
    for z in (Z, Z.astype(np.complex64)):
        got, want = getattr(fnp, name)(z), getattr(np, name)(z)
        assert np.asarray(got).dtype == np.asarray(want).dtype, (name, z.dtype)
        tol = 1e-12 if z.dtype == np.complex128 else 1e-5
        np.testing.assert_allclose(got, want, rtol=tol, atol=tol)


@pytest.mark.parametrize("name", BINARY)
def test_binary_values(name):
    np.testing.assert_allclose(getattr(fnp, name)(Z, W), getattr(np, name)(Z, W), rtol=1e-12)
    # a real operand meets a complex one: promoted, and its gradient is real
    x = Z.real.copy()
    np.testing.assert_allclose(getattr(fnp, name)(x, W), getattr(np, name)(x, W), rtol=1e-12)
    g = fl.grad(lambda a: fnp.sum(fnp.abs(getattr(fnp, name)(a, W))))(x)
    assert g.dtype == np.float64


def test_python_complex_scalars_are_weak():
    z32 = Z.astype(np.complex64)
    assert (z32 * 2j).dtype == np.complex64
    assert fnp.multiply(z32, 1 + 1j).dtype == np.complex64
    assert fnp.add(np.float32(1.0) * np.ones(2, np.float32), 1j).dtype == np.complex64
    assert fnp.iscomplexobj(Z) and not fnp.iscomplexobj(Z.real) and fnp.isrealobj(Z.real)
    assert fnp.complex64 is np.complex64 and fnp.complex128 is np.complex128


# JAX's gradients at z (stored from jax with x64; also compared live below)
_z = np.array([1 + 2j, -0.5 + 0.3j, 2 - 1j])
GRADS = {
    "abs": (lambda m, v: m.sum(m.abs(v)),
            [0.4472136 - 0.89442719j, -0.85749293 - 0.51449576j, 0.89442719 + 0.4472136j]),
    "abs_sq_exp": (lambda m, v: m.sum(m.abs(m.exp(v) * v) ** 2),
                   [88.6686732 - 29.5562244j, -0.117721421 - 0.22072766j,
                    764.3741 + 109.19630007j]),
    "real_imag": (lambda m, v: m.sum(m.real(v * v) * m.imag(v)),
                  [4 + 11j, -0.3 + 0.02j, -4 - 1j]),
    "angle": (lambda m, v: m.sum(m.angle(v) * m.arange(3.0)),
              [0, -0.88235294 + 1.47058824j, 0.4 - 0.8j]),
    "conj": (lambda m, v: m.real(m.sum(m.conj(v) * m.sin(v))),
             [-0.90529408 - 9.07694485j, -0.91604896 - 0.61545036j,
              -0.94978442 + 1.00601046j]),
    "matmul": (lambda m, v: m.abs(m.sum(m.outer(v, v) @ v)),
               [-6.99147715 + 10.11982447j, -2.51614685 - 1.84754027j,
                10.57833811 + 7.13627093j]),
}


@pytest.mark.parametrize("name", list(GRADS))
def test_grad_is_jaxs(name):
    f, want = GRADS[name]
    np.testing.assert_allclose(fl.grad(lambda v: f(fnp, v))(_z), want, rtol=1e-7, atol=1e-7)


def test_grad_against_live_jax():
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    for name, (f, _) in GRADS.items():
        np.testing.assert_allclose(fl.grad(lambda v: f(fnp, v))(_z),
                                   jax.grad(lambda v: f(jnp, v))(_z), rtol=1e-10, err_msg=name)


def test_grad_of_abs_at_complex_input():
    # was a TypeError on purpose; now JAX's conj(z)/|z|, and 0 at z = 0
    assert fl.grad(fnp.abs)(3 + 4j) == pytest.approx(0.6 - 0.8j)
    assert fl.grad(fnp.abs)(0j) == 0
    assert fl.grad(lambda z: fnp.abs(z).astype(np.float32))(np.complex64(3 + 4j)).dtype \
        == np.complex64


def test_holomorphic_and_its_errors():
    g = fl.grad(lambda v: fnp.sin(v) * fnp.exp(v), holomorphic=True)(1.0 + 0.5j)
    assert g == pytest.approx(3.92145275 + 1.65619063j)
    with pytest.raises(TypeError, match="holomorphic=True"):
        fl.grad(lambda v: fnp.sin(v))(1.0 + 0.5j)
    with pytest.raises(TypeError, match="requires inputs with complex"):
        fl.grad(lambda v: fnp.sin(v), holomorphic=True)(1.0)
    # jacfwd/jacrev/hessian(holomorphic=True): the complex Jacobian, as JAX
    z = np.array([1 + 1j, 2j])
    j = 3 * np.diag(z ** 2) * z[0] + np.outer(z ** 3, [1, 0])   # d(v**3 * v[0])/dv
    np.testing.assert_allclose(fl.jacrev(lambda v: v ** 3 * v[0], holomorphic=True)(z), j)
    np.testing.assert_allclose(fl.jacfwd(lambda v: v ** 3 * v[0], holomorphic=True)(z), j)
    h = fl.hessian(lambda v: fnp.sum(v ** 3), holomorphic=True)(z)
    np.testing.assert_allclose(h, np.diag(6 * z))
    with pytest.raises(TypeError, match="jacfwd requires real-valued inputs.*holomorphic=True"):
        fl.jacfwd(fnp.sin)(z)
    with pytest.raises(TypeError, match="jacrev requires real-valued outputs.*holomorphic=True"):
        fl.jacrev(fnp.sin)(z)
    with pytest.raises(TypeError, match="jacrev with holomorphic=True requires inputs"):
        fl.jacrev(fnp.sin, holomorphic=True)(np.ones(2))
    np.testing.assert_allclose(fl.jacrev(lambda v: fnp.abs(v) ** 2)(z), 2 * np.diag(np.conj(z)))
    # vjp of a holomorphic function: ct * f'(z), no conjugation
    _, back = fl.vjp(lambda v: v ** 3, np.array([1 + 1j, 2j]))
    np.testing.assert_allclose(back(np.ones(2, complex))[0], 3 * np.array([1 + 1j, 2j]) ** 2)


@pytest.mark.parametrize("f", [
    fnp.exp, fnp.sin, fnp.abs, fnp.real, fnp.imag, fnp.conj, fnp.angle, fnp.sqrt, fnp.log,
    fnp.tanh, lambda z: z * fnp.conj(z), lambda z: fnp.sum(z ** 3), lambda z: fnp.var(z),
    lambda z: fnp.abs(z) ** 2 * z, lambda z: fnp.matmul(fnp.outer(z, z), z)],
    ids=lambda f: getattr(f, "__name__", "f"))
def test_check_grads_on_complex_inputs(f):
    z = R.standard_normal(3) + 1j * R.standard_normal(3)
    check_grads(f, (z,), order=2)


def test_check_grads_real_to_complex_and_catches_a_wrong_rule():
    x = R.standard_normal(3)
    check_grads(lambda x: fnp.exp(1j * x) * x, (x,), order=2)

    @fl.custom_vjp
    def bad_sq(z):
        return z * z

    bad_sq.defvjp(lambda z: (z * z, z), lambda z, ct: (ct * 2 * fnp.conj(z),))  # wrong
    with pytest.raises(AssertionError):
        check_grads(bad_sq, (R.standard_normal(3) + 1j * R.standard_normal(3),), order=1,
                    modes=("rev",))


def test_vmap_and_jit_on_complex():
    f = lambda z: fnp.abs(z) * fnp.exp(1j * fnp.angle(z)) + fnp.conj(z)  # noqa: E731
    np.testing.assert_allclose(fl.vmap(f)(Z), np.stack([f(z) for z in Z]), rtol=1e-12)
    np.testing.assert_allclose(fl.jit(f)(Z), f(Z), rtol=1e-12)
    g = fl.jit(fl.grad(lambda z: fnp.sum(fnp.abs(z * W))))
    np.testing.assert_allclose(g(Z), fl.grad(lambda z: fnp.sum(fnp.abs(z * W)))(Z), rtol=1e-12)


def _facade_loss(m, t):
    return t.abs().sum() + (t * t).imag.sum() + (t * t).real.sum()


def test_facade_follows_pytorch():
    t = fl.tensor(_z, requires_grad=True)
    _facade_loss(fl, t).backward()
    # stored from torch 2.x: the conjugate of JAX's gradient
    want = np.array([6.4472136 - 1.10557281j, -1.25749293 - 1.08550424j,
                     2.89442719 + 5.5527864j])
    np.testing.assert_allclose(t.grad.numpy(), want, rtol=1e-7)
    jax_form = fl.grad(lambda v: fnp.sum(fnp.abs(v)) + fnp.sum(fnp.imag(v * v))
                       + fnp.sum(fnp.real(v * v)))(_z)
    np.testing.assert_allclose(t.grad.numpy(), np.conj(jax_form), rtol=1e-12)
    assert fl.conj(t).grad_fn is not None and fl.real(fl.tensor([1.0])).dtype == fl.float32


def test_facade_against_live_torch():
    torch = pytest.importorskip("torch")
    w = np.array([0.3 - 1j, 2 + 1j, 1j])
    losses = [lambda t, u: t.abs().sum(), lambda t, u: (t * u).real.sum(),
              lambda t, u: (t * u).imag.sum(), lambda t, u: (t * u).abs().sum(),
              lambda t, u: (t.conj() * u).real.sum(), lambda t, u: (t * t * u).sum().abs()]
    for loss in losses:
        a, b = fl.tensor(_z, requires_grad=True), fl.tensor(w, requires_grad=True)
        loss(a, b).backward()
        ta, tb = torch.tensor(_z, requires_grad=True), torch.tensor(w, requires_grad=True)
        loss(ta, tb).backward()
        np.testing.assert_allclose(a.grad.numpy(), ta.grad.resolve_conj().numpy(), rtol=1e-12)
        if tb.grad is not None:
            np.testing.assert_allclose(b.grad.numpy(), tb.grad.resolve_conj().numpy(),
                                       rtol=1e-12)
    # a complex output with an explicit gradient, and autograd.grad
    a, ta = fl.tensor(_z, requires_grad=True), torch.tensor(_z, requires_grad=True)
    (a * a).backward(fl.tensor(w))
    (ta * ta).backward(torch.tensor(w))
    np.testing.assert_allclose(a.grad.numpy(), ta.grad.resolve_conj().numpy(), rtol=1e-12)
    (g,) = fl.autograd.grad((a * a).abs().sum(), a)
    (tg,) = torch.autograd.grad((ta * ta).abs().sum(), ta)
    np.testing.assert_allclose(g.numpy(), tg.resolve_conj().numpy(), rtol=1e-12)
