"""save/load for tensors and state dicts as ``.npz`` (never pickle).

Layout: one array per entry; keys are the dotted state-dict names (a single
tensor is stored under the key ``__tensor__``).  ``load`` reads with
``allow_pickle=False``, so a file can never execute code.
"""
import collections
import os

import numpy as np

from . import _types as T
from ._tensor import Tensor, _on_dev, _to_host, _wrap

_SINGLE = "__tensor__"
_DEVICE = "__cuda_keys__"     # names of the entries saved from cuda tensors


def _host(t, k, cuda):
    """A tensor's array on the host: a cuda tensor is copied explicitly (the
    transfer guard is asked, so save raises inside transfer_guard('disallow'))."""
    v = t._v
    if _on_dev(v):
        cuda.append(k)
        return _to_host(v, f"torch.save of the cuda tensor {k!r}")
    return np.asarray(v)


def save(obj, f):
    cuda = []
    if isinstance(obj, Tensor):
        arrays = {_SINGLE: _host(obj, _SINGLE, cuda)}
    elif isinstance(obj, dict):
        arrays = {}
        for k, v in obj.items():
            if not isinstance(k, str) or k in (_SINGLE, _DEVICE):
                raise TypeError(f"save: state-dict keys must be strings, got {k!r}")
            if isinstance(v, Tensor):
                arrays[k] = _host(v, k, cuda)
            elif isinstance(v, (np.ndarray, int, float, bool)):
                arrays[k] = np.asarray(v)
            else:
                raise TypeError(f"save: value for {k!r} is a {type(v).__name__}; only "
                                f"tensors, arrays and numbers can be saved (.npz, no pickle)")
    else:
        raise TypeError(f"save: expected a Tensor or a dict of Tensors (a state_dict), "
                        f"got {type(obj).__name__}")
    if cuda:
        arrays[_DEVICE] = np.array(cuda)
    if isinstance(f, (str, os.PathLike)):
        with open(f, "wb") as fh:  # exact path (np.savez would append .npz)
            np.savez(fh, **arrays)
    else:
        np.savez(f, **arrays)


def _target(map_location):
    if map_location is None:
        return None
    if isinstance(map_location, dict):
        map_location = map_location.get("cuda:0", map_location.get("cuda", "cpu"))
    return T.device(map_location)


def load(f, map_location=None, weights_only=True):
    """Entries saved from cuda tensors come back on the device (as in PyTorch);
    ``map_location='cpu'`` keeps everything on the host, 'cuda' moves all."""
    where = _target(map_location)
    with np.load(f, allow_pickle=False) as data:
        keys = [k for k in data.keys() if k != _DEVICE]
        cuda = set(data[_DEVICE].tolist()) if _DEVICE in data else set()
        out = {k: _wrap(np.array(data[k])) for k in keys}
    if where is None and cuda:
        from . import cuda as _cuda
        if not _cuda.is_available():
            raise RuntimeError("Attempting to deserialize object on a CUDA device but "
                               "torch.cuda.is_available() is False. If you are running on "
                               "a CPU-only machine, please use torch.load with "
                               "map_location=torch.device('cpu') to map your storages to "
                               "the CPU.")
    for k in keys:
        if (where is None and k in cuda) or (where is not None and where.type == "cuda"):
            out[k] = out[k].to("cuda")
    if keys == [_SINGLE]:
        return out[_SINGLE]
    return collections.OrderedDict((k, out[k]) for k in keys)
