"""torch.cuda: availability only.  GPU execution arrives with the CuPy backend."""
_CACHE = []


def is_available():
    """True only when CuPy imports and sees at least one GPU."""
    if not _CACHE:
        ok = False
        try:
            import cupy
            ok = cupy.cuda.runtime.getDeviceCount() > 0
        except Exception:  # noqa: BLE001 - any failure means "no GPU"
            ok = False
        _CACHE.append(ok)
    return _CACHE[0]


def device_count():
    if not is_available():
        return 0
    import cupy
    return cupy.cuda.runtime.getDeviceCount()


def current_device():
    if not is_available():
        raise RuntimeError("No CUDA GPUs are available")
    return 0


def manual_seed(seed):
    pass


manual_seed_all = manual_seed


def synchronize(device=None):
    pass
