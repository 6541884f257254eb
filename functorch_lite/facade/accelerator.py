"""torch.accelerator: the current accelerator, which is CUDA when CuPy and a
GPU are present and none otherwise (then the answers are the CPU-only ones
PyTorch gives: ``is_available()`` False, ``current_accelerator()`` None)."""
from . import _types as T
from . import cuda as _cuda


def is_available():
    return _cuda.is_available()


def current_accelerator(check_available=False):
    """device('cuda') when available, else None."""
    return T.device("cuda") if _cuda.is_available() else None


def device_count():
    return _cuda.device_count() if _cuda.is_available() else 0


def current_device_index():
    return 0 if _cuda.is_available() else -1


current_device_idx = current_device_index


def set_device_index(device):
    if not _cuda.is_available():
        raise RuntimeError("torch.accelerator.set_device_index: no accelerator is available")
    if int(getattr(device, "index", device) or 0) != 0:
        raise RuntimeError("functorch_lite uses one GPU, cuda:0")


set_device_idx = set_device_index


def synchronize(device=None):
    if _cuda.is_available():
        _cuda.synchronize()
