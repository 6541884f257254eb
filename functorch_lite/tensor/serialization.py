"""save/load for tensors and state dicts as ``.npz`` (never pickle).

Layout: one array per entry; keys are the dotted state-dict names (a single
tensor is stored under the key ``__tensor__``).  ``load`` reads with
``allow_pickle=False``, so a file can never execute code.
"""
import collections
import os

import numpy as np

from ._tensor import Tensor, _wrap

_SINGLE = "__tensor__"


def save(obj, f):
    if isinstance(obj, Tensor):
        arrays = {_SINGLE: np.asarray(obj._v)}
    elif isinstance(obj, dict):
        arrays = {}
        for k, v in obj.items():
            if not isinstance(k, str) or k == _SINGLE:
                raise TypeError(f"save: state-dict keys must be strings, got {k!r}")
            if isinstance(v, Tensor):
                arrays[k] = np.asarray(v._v)
            elif isinstance(v, (np.ndarray, int, float, bool)):
                arrays[k] = np.asarray(v)
            else:
                raise TypeError(f"save: value for {k!r} is a {type(v).__name__}; only "
                                f"tensors, arrays and numbers can be saved (.npz, no pickle)")
    else:
        raise TypeError(f"save: expected a Tensor or a dict of Tensors (a state_dict), "
                        f"got {type(obj).__name__}")
    if isinstance(f, (str, os.PathLike)):
        with open(f, "wb") as fh:  # exact path (np.savez would append .npz)
            np.savez(fh, **arrays)
    else:
        np.savez(f, **arrays)


def load(f, map_location=None, weights_only=True):
    with np.load(f, allow_pickle=False) as data:
        keys = list(data.keys())
        if keys == [_SINGLE]:
            return _wrap(np.array(data[_SINGLE]))
        return collections.OrderedDict((k, _wrap(np.array(data[k]))) for k in keys)
