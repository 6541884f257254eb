"""default_collate / default_convert: PyTorch's rules for turning a list of
samples into a batch (tensors, NumPy arrays and numbers stacked into
tensors; dicts, named tuples and sequences collated field by field)."""
import collections.abc

import numpy as np

from ...facade import _types
from ...facade._creation import tensor as _tensor
from ...facade._shape import stack
from ...facade._tensor import Tensor, as_tensor

_ERR = ("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or "
        "lists; found {}")


def default_collate(batch):
    """Stack a list of samples into a batch, as torch's default_collate: tuples
    come back as lists, a float number column as float64, an int one as int64,
    strings as lists."""
    elem = batch[0]
    if isinstance(elem, Tensor):
        return stack(list(batch), 0)
    if isinstance(elem, np.ndarray) or isinstance(elem, np.generic):
        if elem.dtype.kind in "SaUO":
            raise TypeError(_ERR.format(elem.dtype))
        if isinstance(elem, np.ndarray):
            return stack([as_tensor(b) for b in batch], 0)
        return as_tensor(np.array(batch))
    if isinstance(elem, float):
        return _tensor(batch, dtype=_types.float64)
    if isinstance(elem, (bool, int)):
        return _tensor(batch)
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, collections.abc.Mapping):
        out = {k: default_collate([d[k] for d in batch]) for k in elem}
        try:
            return type(elem)(out) if not isinstance(elem, dict) or type(elem) is not dict \
                else out
        except TypeError:
            return out
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):     # namedtuple
        return type(elem)(*(default_collate(list(s)) for s in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        n = len(elem)
        if not all(len(e) == n for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        cols = [default_collate(list(s)) for s in zip(*batch)]
        if isinstance(elem, tuple):
            return cols                       # PyTorch: a list (backwards compatibility)
        try:
            return type(elem)(cols)
        except TypeError:
            return cols
    raise TypeError(_ERR.format(type(elem)))


def default_convert(data):
    """What a DataLoader without batching applies to each sample: NumPy arrays
    and scalars become tensors, containers are converted element by element."""
    if isinstance(data, Tensor):
        return data
    if isinstance(data, (np.ndarray, np.generic)):
        return data if data.dtype.kind in "SaUO" else as_tensor(data)
    if isinstance(data, collections.abc.Mapping):
        return type(data)({k: default_convert(v) for k, v in data.items()}) \
            if type(data) is not dict else {k: default_convert(v) for k, v in data.items()}
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        try:
            return type(data)([default_convert(d) for d in data])
        except TypeError:
            return [default_convert(d) for d in data]
    return data
