"""torch.fft on the facade: values, dtypes, gradients and grad_fn names against
stored PyTorch 2.13 results, and against torch itself when it is installed."""
import numpy as np
import pytest

import functorch_lite as fl


def _re_im_loss(y, w1, w2):
    return (y.real * fl.tensor(w1) + y.imag * fl.tensor(w2)).sum()


def test_rfft_stored():
    x = fl.tensor([1., 2., 0., -1.], requires_grad=True)
    y = fl.fft.rfft(x)
    assert y.dtype == fl.complex64 and y.grad_fn.name() == "FftR2CBackward0"
    np.testing.assert_allclose(y.detach().numpy(), [2, 1 - 3j, 0], atol=1e-6)
    _re_im_loss(y, [1., 2., 3.], [0.5, -1., 2.]).backward()
    np.testing.assert_allclose(x.grad.numpy(), [6., -1., 2., -3.], atol=1e-5)


def test_complex_fft_ortho_stored():
    # PyTorch's complex gradient convention (the conjugate of JAX's).
    z = fl.tensor(np.array([1 + 1j, 2 - 1j, 0.5j], np.complex64), requires_grad=True)
    y = fl.fft.fft(z, norm="ortho")
    assert y.dtype == fl.complex64 and y.grad_fn.name() == "FftC2CBackward0"
    np.testing.assert_allclose(y.detach().numpy(),
                               [1.7321 + 0.2887j, -0.75 - 0.2783j, 0.75 + 1.7217j], atol=1e-4)
    _re_im_loss(y, [1., 2., 3.], [1., 1., 1.]).backward()
    np.testing.assert_allclose(z.grad.numpy(), [3.4641 + 1.7321j, -0.866 - 0.5j,
                                                -0.866 + 0.5j], atol=1e-4)


def test_irfft_stored():
    z = fl.tensor(np.array([1 + 1j, 2 - 1j, 0.5j], np.complex64), requires_grad=True)
    y = fl.fft.irfft(z)
    assert y.dtype == fl.float32 and y.grad_fn.name() == "FftC2RBackward0"
    np.testing.assert_allclose(y.detach().numpy(), [1.25, 0.75, -0.75, -0.25], atol=1e-6)
    (y * fl.arange(4.)).sum().backward()
    np.testing.assert_allclose(z.grad.numpy(), [1.5, -1 + 1j, -0.5], atol=1e-6)


def test_freq_and_shift_stored():
    f = fl.fft.fftfreq(5, 0.5)
    assert f.dtype == fl.float32
    np.testing.assert_allclose(f.numpy(), [0, 0.4, 0.8, -0.8, -0.4], atol=1e-7)
    assert fl.fft.rfftfreq(6, dtype=fl.float64).dtype == fl.float64
    x = fl.arange(6.).reshape(2, 3).requires_grad_()
    y = fl.fft.fftshift(x, dim=1)
    assert y.grad_fn.name() == "RollBackward0"
    np.testing.assert_array_equal(y.detach().numpy(), [[2, 0, 1], [5, 3, 4]])
    assert fl.fft.fft(fl.arange(4)).dtype == fl.complex64      # ints -> default float


_CASES = [("fft", {}), ("fft", {"n": 8, "norm": "ortho"}), ("ifft", {"dim": 0}),
          ("rfft", {"n": 5}), ("irfft", {"n": 7, "norm": "forward"}), ("hfft", {}),
          ("ihfft", {}), ("fft2", {}), ("ifft2", {"s": (3, 4)}), ("rfft2", {}),
          ("irfft2", {}), ("fftn", {"dim": (0,)}), ("ifftn", {}), ("rfftn", {}),
          ("irfftn", {"s": (4, 6)}), ("fftshift", {}), ("ifftshift", {"dim": 1})]
_REAL_ONLY = ("rfft", "ihfft", "rfft2", "rfftn")


def _run(mod, name, x, kw):
    t = mod.tensor(x, requires_grad=True)
    y = getattr(mod.fft, name)(t, **kw)
    w = mod.tensor(np.cos(np.arange(y.numel())).reshape(tuple(y.shape)).astype(np.float32))
    loss = (y.real * w + y.imag * w * 0.5).sum() if y.is_complex() else (y * w).sum()
    loss.backward()
    return (np.array(y.detach().tolist()), np.array(t.grad.tolist()), y.grad_fn.name(),
            str(y.dtype).split(".")[-1])


@pytest.mark.parametrize("complex_in", [False, True])
@pytest.mark.parametrize("name,kw", _CASES)
def test_against_torch(name, kw, complex_in):
    torch = pytest.importorskip("torch")
    if complex_in and name in _REAL_ONLY:
        pytest.skip("real input only")
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 6)).astype(np.float32)
    if complex_in:
        x = (x + 1j * rng.standard_normal((4, 6))).astype(np.complex64)
    want, got = _run(torch, name, x, kw), _run(fl, name, x, kw)
    np.testing.assert_allclose(got[0], want[0], atol=1e-4)
    np.testing.assert_allclose(got[1], want[1], atol=1e-4)
    assert got[2:] == want[2:]
