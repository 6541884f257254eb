"""PyTorch-style dtype objects, devices and Size (a tuple subclass)."""
import builtins as _b

import numpy as np


class dtype:
    """A torch-like dtype wrapping a NumPy dtype; prints as ``torch.float32``."""
    __slots__ = ("name", "np", "is_floating_point", "is_complex", "is_signed", "itemsize",
                 "_tensor_type")

    def __init__(self, name, np_dtype, tensor_type):
        self.name = name
        self.np = np.dtype(np_dtype)
        self.is_floating_point = self.np.kind == "f"
        self.is_complex = self.np.kind == "c"
        self.is_signed = self.np.kind in "fic"
        self.itemsize = self.np.itemsize
        self._tensor_type = tensor_type

    def __repr__(self):
        return "torch." + self.name

    def __reduce__(self):
        raise TypeError("functorch_lite dtypes are not pickled; save tensors with "
                        "functorch_lite.save (.npz)")


float16 = half = dtype("float16", np.float16, "HalfTensor")
float32 = float = dtype("float32", np.float32, "FloatTensor")  # noqa: A001
float64 = double = dtype("float64", np.float64, "DoubleTensor")
int8 = dtype("int8", np.int8, "CharTensor")
uint8 = dtype("uint8", np.uint8, "ByteTensor")
int16 = short = dtype("int16", np.int16, "ShortTensor")
int32 = int = dtype("int32", np.int32, "IntTensor")  # noqa: A001
int64 = long = dtype("int64", np.int64, "LongTensor")
bool = dtype("bool", np.bool_, "BoolTensor")  # noqa: A001
complex64 = dtype("complex64", np.complex64, "ComplexFloatTensor")
complex128 = cdouble = dtype("complex128", np.complex128, "ComplexDoubleTensor")

_ALL = [float16, float32, float64, int8, uint8, int16, int32, int64, bool, complex64,
        complex128]
_FROM_NP = {d.np: d for d in _ALL}
_DEFAULT_FLOAT = [float32]


def get_default_dtype():
    return _DEFAULT_FLOAT[0]


def set_default_dtype(d):
    d = as_dtype(d)
    if not d.is_floating_point:
        raise TypeError(f"set_default_dtype: only floating-point dtypes are allowed, got {d}")
    _DEFAULT_FLOAT[0] = d


def as_dtype(d):
    """A dtype object from a dtype object, NumPy dtype, Python type or name."""
    if type(d) is dtype:
        return d
    if d is _b.float:
        return _DEFAULT_FLOAT[0]
    if d is _b.int:
        return int64
    if d is _b.bool:
        return bool
    try:
        return _FROM_NP[np.dtype(d)]
    except (KeyError, TypeError):
        raise TypeError(f"unsupported dtype {d!r}: use one of functorch_lite's dtypes "
                        f"(float32, float64, int64, int32, bool, ...)") from None


def from_np(npdt):
    try:
        return _FROM_NP[npdt]
    except KeyError:
        return _FROM_NP[np.dtype(npdt)]


# ------------------------------------------------------------------ devices

class device:
    """device('cpu'), device('cuda'), device('cuda:0'), device('cuda', 0)."""
    __slots__ = ("type", "index")

    def __init__(self, spec, index=None):
        if isinstance(spec, device):
            self.type, self.index = spec.type, spec.index
            return
        if not isinstance(spec, str):
            if isinstance(spec, _b.int):  # device(0) means cuda:0, as in torch
                self.type, self.index = "cuda", spec
                return
            raise TypeError(f"device(): expected a string like 'cpu' or 'cuda:0', got {spec!r}")
        t, _, idx = spec.partition(":")
        if t not in ("cpu", "cuda", "dask"):   # dask: the lazy Dask array backend
            raise RuntimeError(f"Expected one of cpu, cuda, dask device type at start of "
                               f"device string: {spec}")
        if idx:
            if index is not None:
                raise RuntimeError(f"device(): index given twice in {spec!r} and {index}")
            if not idx.isdigit():
                raise RuntimeError(f"Invalid device string: '{spec}'")
            index = _b.int(idx)
        self.type, self.index = t, index

    def __repr__(self):
        return f"device(type='{self.type}'" + (
            f", index={self.index})" if self.index is not None else ")")

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        if isinstance(other, str):
            other = device(other)
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


CPU = device("cpu")


class Size(tuple):
    """torch.Size: a tuple of ints that prints as ``torch.Size([5, 3])``."""

    def __repr__(self):
        return f"torch.Size([{', '.join(str(d) for d in self)}])"

    __str__ = __repr__

    def numel(self):
        n = 1
        for d in self:
            n *= d
        return n

    def __getitem__(self, i):
        r = tuple.__getitem__(self, i)
        return Size(r) if isinstance(i, slice) else r

    def __add__(self, other):
        return Size(tuple.__add__(self, tuple(other)))
