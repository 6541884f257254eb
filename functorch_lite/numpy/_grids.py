"""Creation helpers: logspace geomspace meshgrid indices tri triu_indices
tril_indices diag_indices r_ c_ atleast_1d atleast_2d atleast_3d.

Index helpers (indices, tri*_indices, diag_indices) build constants; logspace
and geomspace are compositions (differentiable in traced endpoints); meshgrid
and atleast_* are reshapes/broadcasts, so they trace and differentiate.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ._base import _arr, _is_tracer, _v
from ._creation import _xp, linspace


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """``base ** linspace(start, stop, num)`` (NumPy's logspace)."""
    if not any(_is_tracer(v) for v in (start, stop, base)):
        return _xp().logspace(start, stop, num, endpoint=endpoint, base=base, dtype=dtype,
                              axis=axis)
    from ._elementwise import power
    y = linspace(start, stop, num, endpoint=endpoint, axis=axis)
    b = _v(base, "logspace")  # a Python base stays weak: float32 endpoints stay float32
    if not isinstance(b, (int, float)) and get_aval(b).ndim:
        b = P.reshape(b, tuple(1 if i == axis else d for i, d in
                               enumerate((num,) + get_aval(b).shape)))
    out = power(b, y)
    return out if dtype is None else P.convert_element_type(out, _np.dtype(dtype))


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """Numbers evenly spaced on a log scale from start to stop (same sign, nonzero);
    the endpoints are exact, as NumPy's."""
    if not any(_is_tracer(v) for v in (start, stop)):
        return _xp().geomspace(start, stop, num, endpoint=endpoint, dtype=dtype, axis=axis)
    from ._elementwise import _float, exp, log, abs as _abs, sign, multiply
    s, e = _float(start, "geomspace"), _float(stop, "geomspace")
    out = multiply(sign(s), exp(linspace(log(_abs(s)), log(_abs(e)), num, endpoint=endpoint,
                                         axis=axis)))
    return out if dtype is None else P.convert_element_type(out, _np.dtype(dtype))


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    """Coordinate grids from 1-d arrays (NumPy's meshgrid, traced; a list of arrays)."""
    if indexing not in ("xy", "ij"):
        raise ValueError(f"meshgrid: indexing must be 'xy' or 'ij', got {indexing!r}")
    xs = [_arr(x, "meshgrid") for x in xi]
    xs = [P.reshape(x, (get_aval(x).size,)) for x in xs]
    n = len(xs)
    shape = [get_aval(x).shape[0] for x in xs]
    if indexing == "xy" and n > 1:
        shape[0], shape[1] = shape[1], shape[0]
    out = []
    for i, x in enumerate(xs):
        pos = (1 if i == 0 else 0 if i == 1 else i) if indexing == "xy" and n > 1 else i
        s = [1] * n
        s[pos] = get_aval(x).shape[0]
        y = P.reshape(x, tuple(s))
        out.append(y if sparse else P.broadcast_to(y, tuple(shape)))
    return out


def indices(dimensions, dtype=int, sparse=False):
    """Grid index arrays (constants), NumPy's indices."""
    return _np.indices(tuple(int(d) for d in dimensions), dtype=dtype, sparse=sparse)


def tri(N, M=None, k=0, dtype=float):
    """Ones at and below the k-th diagonal (a constant)."""
    return _xp().tri(N, M, k, dtype=dtype)


def tril_indices(n, k=0, m=None):
    """Row and column indices of the lower triangle (int64 constants)."""
    return tuple(i.astype(_np.int64) for i in _np.tril_indices(n, k, m))


def triu_indices(n, k=0, m=None):
    """Row and column indices of the upper triangle (int64 constants)."""
    return tuple(i.astype(_np.int64) for i in _np.triu_indices(n, k, m))


def diag_indices(n, ndim=2):
    """The indices of the main diagonal of an n x ... x n array (constants)."""
    return tuple(i.astype(_np.int64) for i in _np.diag_indices(n, ndim))


def tril_indices_from(arr, k=0):
    s = get_aval(_arr(arr, "tril_indices_from")).shape
    if len(s) != 2:
        raise ValueError(f"tril_indices_from: needs a 2-d array, got shape {s}")
    return tril_indices(s[0], k, s[1])


def triu_indices_from(arr, k=0):
    s = get_aval(_arr(arr, "triu_indices_from")).shape
    if len(s) != 2:
        raise ValueError(f"triu_indices_from: needs a 2-d array, got shape {s}")
    return triu_indices(s[0], k, s[1])


def diag_indices_from(arr):
    s = get_aval(_arr(arr, "diag_indices_from")).shape
    if len(s) < 2 or len(set(s)) != 1:
        raise ValueError(f"diag_indices_from: needs an array with all sides equal, got "
                         f"shape {s}")
    return diag_indices(s[0], len(s))


# ------------------------------------------------------------------ atleast_*

def _atleast(name, shape_of, arys):
    out = []
    for a in arys:
        x = _arr(a, name)
        s = get_aval(x).shape
        new = shape_of(s)
        out.append(x if new == s else P.reshape(x, new))
    return out[0] if len(out) == 1 else out


def atleast_1d(*arys):
    """Each input viewed with at least one axis (0-d -> shape (1,))."""
    return _atleast("atleast_1d", lambda s: s if len(s) >= 1 else (1,), arys)


def atleast_2d(*arys):
    """Each input with at least two axes ((n,) -> (1, n))."""
    return _atleast("atleast_2d", lambda s: s if len(s) >= 2 else ((1,) * (2 - len(s)) + s),
                    arys)


def atleast_3d(*arys):
    """Each input with at least three axes: () -> (1,1,1), (n,) -> (1,n,1),
    (m,n) -> (m,n,1), as NumPy."""
    def shape(s):
        if len(s) == 0:
            return (1, 1, 1)
        if len(s) == 1:
            return (1, s[0], 1)
        if len(s) == 2:
            return s + (1,)
        return s
    return _atleast("atleast_3d", shape, arys)


# ------------------------------------------------------------------ r_ and c_

class _Concat:
    """``r_[...]``/``c_[...]``: slices become ranges (a complex step: linspace),
    arrays and scalars are concatenated along the first (r_) or last (c_) axis.
    Traced entries are concatenated too; ranges must be static."""

    def __init__(self, axis, min2d, name):
        self.axis, self.min2d, self.name = axis, min2d, name

    def __getitem__(self, key):
        from ._shape import concatenate
        key = key if isinstance(key, tuple) else (key,)
        axis, parts = self.axis, []
        for k, item in enumerate(key):
            if isinstance(item, str):
                if k != 0:
                    raise ValueError(f"{self.name}: a string directive must come first")
                try:
                    axis = int(item.split(",")[0])
                except ValueError:
                    raise ValueError(f"{self.name}: unsupported directive {item!r} (only an "
                                     f"axis number such as '0' or '-1')") from None
                continue
            if isinstance(item, slice):
                x = self._range(item)
            elif isinstance(item, Tracer) or hasattr(item, "shape") or \
                    getattr(item, "__fl_value__", None) is not None:
                x = _arr(item, self.name)
            elif type(item) in (bool, int, float):
                x = item  # weak, as NumPy 2's r_ treats Python scalars
            else:
                x = _arr(_np.asarray(item), self.name)
            parts.append(x)
        if not parts:
            return _np.zeros(0)
        parts = list(P.promote(*parts)) if len(parts) > 1 else [_arr(parts[0])]
        out = []
        for x in parts:
            if get_aval(x).ndim == 0:
                x = P.reshape(x, (1,))
            if self.min2d and get_aval(x).ndim == 1:
                x = P.reshape(x, (get_aval(x).shape[0], 1))
            out.append(x)
        return concatenate(out, axis=axis)

    def _range(self, s):
        start = 0 if s.start is None else s.start
        step = 1 if s.step is None else s.step
        if isinstance(step, complex):
            return _np.linspace(start, s.stop, int(abs(step)))
        return _np.arange(start, s.stop, step)


r_ = _Concat(0, False, "r_")
c_ = _Concat(-1, True, "c_")
