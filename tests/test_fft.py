"""functorch_lite.numpy.fft: values against numpy.fft (every name, n/s, axes, norm),
float32 kept, derivatives (check_grads order 2, both modes, and JAX's gradients:
stored, and live when jax is installed), vmap against a loop, jit against eager,
clear errors."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads

R = np.random.default_rng(0)
X = R.standard_normal((3, 6))
Z = R.standard_normal((3, 6)) + 1j * R.standard_normal((3, 6))

CASES = [("fft", Z, {}), ("fft", X, {"n": 4}), ("fft", Z, {"n": 8, "axis": 0, "norm": "ortho"}),
         ("ifft", Z, {"norm": "forward"}), ("ifft", Z, {"n": 5}),
         ("rfft", X, {}), ("rfft", X, {"n": 5, "norm": "ortho"}), ("rfft", X, {"axis": 0}),
         ("irfft", Z, {}), ("irfft", Z, {"n": 7}),
         ("irfft", Z, {"n": 4, "norm": "ortho", "axis": 0}),
         ("hfft", Z, {}), ("hfft", Z, {"n": 5, "norm": "forward"}), ("ihfft", X, {}),
         ("ihfft", X, {"n": 7, "norm": "ortho"}),
         ("fft2", Z, {}), ("ifft2", Z, {"s": (4, 4)}), ("rfft2", X, {}), ("irfft2", Z, {}),
         ("irfft2", Z, {"s": (3, 9)}), ("fftn", Z, {"axes": (0,)}), ("fftn", X, {}),
         ("ifftn", Z, {"s": (2, 3)}), ("rfftn", X, {"s": (4, 5), "norm": "forward"}),
         ("irfftn", Z, {"axes": (1, 0)}), ("rfftn", X, {"axes": (1, 0)}),
         ("fftshift", X, {}), ("ifftshift", X, {"axes": 1}), ("fftshift", Z, {"axes": (0,)})]
IDS = [f"{n}-{i}" for i, (n, _, _) in enumerate(CASES)]


def _f(name, kw):
    return lambda v: getattr(fnp.fft, name)(v, **kw)


@pytest.mark.parametrize("name,a,kw", CASES, ids=IDS)
def test_values_and_dtypes(name, a, kw):
    got, want = getattr(fnp.fft, name)(a, **kw), getattr(np.fft, name)(a, **kw)
    assert got.shape == want.shape and got.dtype == want.dtype
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    single = a.astype(np.complex64 if a.dtype.kind == "c" else np.float32)
    g32 = getattr(fnp.fft, name)(single, **kw)
    assert g32.dtype in (np.float32, np.complex64)
    np.testing.assert_allclose(g32, want, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("name,a,kw", CASES, ids=IDS)
def test_derivatives_vmap_jit(name, a, kw):
    f = _f(name, kw)
    check_grads(f, (a,), order=2, modes=("fwd", "rev"))
    batch = np.stack([a, 2 * a, -a])
    got = fl.vmap(f)(batch)
    np.testing.assert_allclose(got, np.stack([f(b) for b in batch]), rtol=1e-12, atol=1e-12)
    got = fl.vmap(f, in_axes=1, out_axes=1)(np.moveaxis(batch, 0, 1))
    np.testing.assert_allclose(np.moveaxis(got, 1, 0), np.stack([f(b) for b in batch]),
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(fl.jit(f)(a), f(a), rtol=1e-12, atol=1e-12)


# JAX's gradients (stored from jax 0.4 with x64; checked live below when installed)
_X2 = np.array([[0.5, -1.0, 2.0, 0.25, 1.5], [1.0, 0.0, -0.5, 3.0, -2.0]])
_Z2 = _X2[0] + 1j * _X2[1]
STORED = [
    (lambda m, v: m.sum(m.abs(m.fft.fft(v)) * m.arange(5.0)), _Z2,
     np.array([-3.99002705 + 2.2450039j, -3.4859917 - 0.12822062j, 0.47046002 + 0.08219237j,
               2.11147997 - 7.64986465j, 4.89407876 + 5.45088901j])),
    (lambda m, v: m.sum(m.fft.irfft(v, n=8) * m.arange(8.0)), _Z2,
     np.array([3.5, -1 - 2.41421356j, -1 - 1j, -1 - 0.41421356j, -0.5])),
    (lambda m, v: m.sum(m.abs(m.fft.rfft2(v, s=(2, 6))) ** 2 * m.arange(8.0).reshape(2, 4)),
     _X2, np.array([[77.0, -123.5, 174.5, -149.0, 183.5], [-47.0, 81.0, -164.0, 195.0, -215.0]])),
]


@pytest.mark.parametrize("k", range(len(STORED)))
def test_gradients_are_jaxs(k):
    fun, x, want = STORED[k]
    np.testing.assert_allclose(fl.grad(lambda v: fun(fnp, v))(x), want, rtol=1e-7, atol=1e-7)


@pytest.mark.slow
def test_gradients_against_live_jax():
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    for fun, x, _ in STORED:
        np.testing.assert_allclose(fl.grad(lambda v: fun(fnp, v))(x),
                                   jax.grad(lambda v: fun(jnp, v))(x), rtol=1e-10, atol=1e-10)
    for name, a, kw in CASES:
        w = np.arange(np.asarray(getattr(np.fft, name)(a, **kw)).size).reshape(
            np.shape(getattr(np.fft, name)(a, **kw)))
        got = fl.grad(lambda v: fnp.sum(fnp.abs(getattr(fnp.fft, name)(v, **kw)) ** 2 * w))(a)
        want = jax.grad(lambda v: jnp.sum(jnp.abs(getattr(jnp.fft, name)(v, **kw)) ** 2 * w))(a)
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9, err_msg=f"{name} {kw}")


def test_freqs():
    np.testing.assert_allclose(fnp.fft.fftfreq(5, 0.1), np.fft.fftfreq(5, 0.1))
    np.testing.assert_allclose(fnp.fft.fftfreq(6), np.fft.fftfreq(6))
    np.testing.assert_allclose(fnp.fft.rfftfreq(7, 2.0), np.fft.rfftfreq(7, 2.0))
    assert fnp.fft.fftfreq(4, dtype=np.float32).dtype == np.float32
    # d traced: sum(fftfreq(4, d)) = -2 / (4 d)
    assert fl.grad(lambda d: fnp.sum(fnp.fft.fftfreq(4, d)))(0.5) == pytest.approx(2.0)


def test_jaxpr_is_one_primitive_per_transform():
    jaxpr = fl.make_jaxpr(lambda v: fnp.fft.fft2(v))(Z)
    assert [e.primitive.name for e in jaxpr.jaxpr.eqns].count("fft") == 1


@pytest.mark.parametrize("call,exc,pattern", [
    (lambda: fnp.fft.fft(Z, norm="bad"), ValueError, "fft: norm must be"),
    (lambda: fnp.fft.rfft(Z), TypeError, "rfft: needs real input"),
    (lambda: fnp.fft.fft(Z, n=0), ValueError, "fft: invalid number of data points"),
    (lambda: fnp.fft.fft(Z, axis=2), ValueError, "fft: axis 2 is out of bounds"),
    (lambda: fnp.fft.fftn(Z, axes=(0, 0)), ValueError, "fftn: repeated axes"),
    (lambda: fnp.fft.fftn(Z, s=(2,), axes=(0, 1)), ValueError, "fftn: s .* same length"),
    (lambda: fnp.fft.fftfreq(0), ValueError, "fftfreq: n must be a positive integer"),
    (lambda: fnp.fft.fft(np.array(["a"])), TypeError, "fft: unsupported dtype"),
])
def test_errors(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_single_precision_gradients_stay_single():
    x = np.ones(4, np.float32)
    assert fl.grad(lambda v: fnp.sum(fnp.abs(fnp.fft.rfft(v)) ** 2))(x).dtype == np.float32
    z = np.full(4, 1 + 1j, np.complex64)
    assert fl.grad(lambda v: fnp.sum(fnp.abs(fnp.fft.fft(v))))(z).dtype == np.complex64
    assert fl.grad(lambda v: fnp.sum(fnp.fft.irfft(v, n=6)))(z).dtype == np.complex64
