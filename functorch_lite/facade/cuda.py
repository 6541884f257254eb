"""torch.cuda, answered by ``functorch_lite.backends``: a GPU is there when the
'cupy' backend is (real CuPy with a visible GPU, or whatever ``use_cupy``
installed).  Nothing is cached here, so ``backends.forget_cupy()`` makes
``is_available()`` False again."""
from .. import backends as _B


def is_available():
    """True when the 'cupy' backend can run (CuPy imports and sees a GPU)."""
    return "cupy" in _B.available()


def device_count():
    return 1 if is_available() else 0


def current_device():
    if not is_available():
        raise RuntimeError("No CUDA GPUs are available")
    return 0


def set_device(device):
    idx = getattr(device, "index", device)
    if idx not in (None, 0, "cuda", "cuda:0"):
        raise RuntimeError(f"CUDA error: invalid device ordinal ({device})")


def get_device_name(device=None):
    if not is_available():
        raise RuntimeError("No CUDA GPUs are available")
    return "CUDA device 0 (functorch_lite cupy backend)"


def manual_seed(seed):
    """Seeds the device generator (random tensors created with device='cuda')."""
    from ._creation import _seed_device
    _seed_device(int(seed))


manual_seed_all = manual_seed


def synchronize(device=None):
    """Waits for the device's queued work (a no-op without a GPU)."""
    if is_available():
        _B.get("cupy").synchronize()
