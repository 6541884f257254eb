"""functorch_lite.numpy: NumPy's names and semantics, traced.

Every function here is a composition of primitives, so it works on arrays,
on Python scalars and lists, and on tracers under any transform.  Broadcasting
and dtype promotion follow NumPy 2 (Python scalars are weak: ``x_f32 * 2.0``
stays float32).  Concrete results are plain ``numpy.ndarray``s.
"""
import builtins

import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ..primitives import _util as U

ndarray = _np.ndarray
float16, float32, float64 = _np.float16, _np.float32, _np.float64
int8, int16, int32, int64, uint8 = _np.int8, _np.int16, _np.int32, _np.int64, _np.uint8
bool_ = _np.bool_
pi, e, inf, nan, newaxis = _np.pi, _np.e, _np.inf, _np.nan, None
dtype, result_type = _np.dtype, _np.result_type


def _v(x):
    """Coerce a user input to a value primitives accept."""
    if isinstance(x, (Tracer, _np.ndarray, bool, int, float, complex)):
        return x
    if isinstance(x, _np.generic):
        return _np.asarray(x)
    conv = getattr(x, "__fl_value__", None)
    if conv is not None:
        return conv()
    if isinstance(x, (list, tuple)):
        if any(isinstance(e, Tracer) for e in _flat(x)):
            return stack([_v(e) for e in x])
        return _np.asarray(x)
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        return x
    raise TypeError(f"functorch_lite.numpy: cannot use a {type(x).__name__} as an array")


def _flat(x):
    for e in x:
        if isinstance(e, (list, tuple)):
            yield from _flat(e)
        else:
            yield e


def _arr(x):
    """Like _v, but Python scalars become 0-d NumPy arrays (NumPy's default dtypes)."""
    x = _v(x)
    return _np.asarray(x) if isinstance(x, (bool, int, float, complex)) else x


# ------------------------------------------------------------------ creation

def asarray(a, dtype=None):
    x = _v(a)
    if isinstance(x, Tracer):
        return x if dtype is None else astype(x, dtype)
    return _np.asarray(x, dtype=dtype)


def array(a, dtype=None, copy=True):
    x = _v(a)
    if isinstance(x, Tracer):
        return x if dtype is None else astype(x, dtype)
    return _np.array(x, dtype=dtype, copy=copy)


def zeros(shape, dtype=float64):
    return _np.zeros(shape, dtype)


def ones(shape, dtype=float64):
    return _np.ones(shape, dtype)


def full(shape, fill_value, dtype=None):
    if isinstance(fill_value, Tracer):
        shape = (shape,) if isinstance(shape, int) else tuple(shape)
        return P.broadcast_to(fill_value if dtype is None else astype(fill_value, dtype), shape)
    return _np.full(shape, fill_value, dtype)


def _like(x, dtype):
    a = get_aval(_arr(x))
    return a.shape, (a.dtype if dtype is None else _np.dtype(dtype))


def zeros_like(x, dtype=None):
    shape, dt = _like(x, dtype)
    return _np.zeros(shape, dt)


def ones_like(x, dtype=None):
    shape, dt = _like(x, dtype)
    return _np.ones(shape, dt)


def full_like(x, fill_value, dtype=None):
    shape, dt = _like(x, dtype)
    return full(shape, fill_value, dt)


arange = _np.arange
linspace = _np.linspace
eye = _np.eye


def astype(x, dtype):
    return P.convert_element_type(_v(x), _np.dtype(dtype))


# --------------------------------------------------------------- elementwise

def _float(x):
    """Int/bool inputs to float math become float64 (NumPy's rule)."""
    x = _arr(x)
    if get_aval(x).dtype.kind in "biu":
        return P.convert_element_type(x, _np.float64)
    return x


def add(x, y): return P.add(_v(x), _v(y))
def subtract(x, y): return P.sub(_v(x), _v(y))
def multiply(x, y): return P.mul(_v(x), _v(y))
def negative(x): return P.neg(_arr(x))
def exp(x): return P.exp(_float(x))
def log(x): return P.log(_float(x))
def sin(x): return P.sin(_float(x))
def cos(x): return P.cos(_float(x))
def tanh(x): return P.tanh(_float(x))
def sqrt(x): return P.sqrt(_float(x))
def abs(x): return P.abs(_arr(x))  # noqa: A001
def sign(x): return P.sign(_arr(x))
def maximum(x, y): return P.max(_v(x), _v(y))
def minimum(x, y): return P.min(_v(x), _v(y))
def equal(x, y): return P.eq(_v(x), _v(y))
def not_equal(x, y): return P.ne(_v(x), _v(y))
def less(x, y): return P.lt(_v(x), _v(y))
def less_equal(x, y): return P.le(_v(x), _v(y))
def greater(x, y): return P.gt(_v(x), _v(y))
def greater_equal(x, y): return P.ge(_v(x), _v(y))
def square(x): return P.integer_pow(_arr(x), 2)
def reciprocal(x): return P.div(1.0, _float(x))


absolute = abs


def true_divide(x, y):
    x, y = _v(x), _v(y)
    x, y = U.promote(x, y)
    if get_aval(x).dtype.kind in "biu":
        x, y = _float(x), _float(y)
    return P.div(x, y)


divide = true_divide


def power(x, y):
    x, y = _v(x), _v(y)
    if isinstance(y, int) and not isinstance(y, bool):
        x = _arr(x)
        if get_aval(x).dtype.kind in "fc" or y >= 0:
            return P.integer_pow(x, y)
    x, y = U.promote(x, y)
    if get_aval(x).dtype.kind in "biu":
        x, y = _float(x), _float(y)
    return P.pow(x, y)


def where(condition, x=None, y=None):
    if x is None or y is None:
        raise NotImplementedError("where(condition) with one argument returns data-dependent "
                                  "shapes; use nonzero on concrete arrays")
    c = _arr(condition)
    if get_aval(c).dtype != _np.bool_:
        c = P.ne(c, 0)
    return P.select(c, _v(x), _v(y))


def clip(a, a_min=None, a_max=None):
    x = _arr(a)
    if a_min is not None:
        x = P.max(x, _v(a_min))
    if a_max is not None:
        x = P.min(x, _v(a_max))
    return x


def stop_gradient(x):
    return P.stop_gradient(_arr(x))


# ---------------------------------------------------------------- reductions

def _axes(axis, ndim, name):
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if isinstance(axis, (int, _np.integer)) else tuple(axis)
    out = []
    for a in axes:
        if not -ndim <= a < builtins.max(ndim, 1) or (ndim == 0 and a not in (0, -1)):
            raise ValueError(f"{name}: axis {a} is out of bounds for an array of "
                             f"dimension {ndim}")
        out.append(int(a) % builtins.max(ndim, 1))
    if len(set(out)) != len(out):
        raise ValueError(f"{name}: repeated axis in {axis}")
    return tuple(sorted(out)) if ndim else ()


def _keep(x, out, axes, keepdims):
    if not keepdims:
        return out
    shape = tuple(1 if i in axes else d for i, d in enumerate(get_aval(x).shape))
    return P.reshape(out, shape)


def sum(a, axis=None, dtype=None, keepdims=False):  # noqa: A001
    x = _arr(a)
    if dtype is not None:
        x = astype(x, dtype)
    elif get_aval(x).dtype.kind in "bi":
        x = astype(x, _np.int64)
    axes = _axes(axis, get_aval(x).ndim, "sum")
    return _keep(x, P.reduce_sum(x, axes), axes, keepdims)


def mean(a, axis=None, dtype=None, keepdims=False):
    x = _arr(a)
    if dtype is not None:
        x = astype(x, dtype)
    elif get_aval(x).dtype.kind in "biu":
        x = astype(x, _np.float64)
    shape = get_aval(x).shape
    axes = _axes(axis, len(shape), "mean")
    n = 1
    for i in axes:
        n *= shape[i]
    # n is a Python number (weak), so float32 stays float32
    return _keep(x, P.div(P.reduce_sum(x, axes), float(n)), axes, keepdims)


def max(a, axis=None, keepdims=False):  # noqa: A001
    x = _arr(a)
    axes = _axes(axis, get_aval(x).ndim, "max")
    return _keep(x, P.reduce_max(x, axes), axes, keepdims)


def min(a, axis=None, keepdims=False):  # noqa: A001
    x = _arr(a)
    axes = _axes(axis, get_aval(x).ndim, "min")
    return _keep(x, P.neg(P.reduce_max(P.neg(x), axes)), axes, keepdims)


amax, amin = max, min


# --------------------------------------------------------------------- shape

def reshape(a, newshape, order="C"):
    x = _arr(a)
    if order != "C":
        raise NotImplementedError("reshape: only order='C' is supported")
    shape = (newshape,) if isinstance(newshape, (int, _np.integer)) else tuple(newshape)
    size = get_aval(x).size
    if shape.count(-1) > 1:
        raise ValueError("reshape: can only specify one unknown dimension (-1)")
    if -1 in shape:
        known = 1
        for d in shape:
            if d != -1:
                known *= d
        if known == 0 or size % known:
            raise ValueError(f"reshape: cannot reshape an array of size {size} into shape {shape}")
        shape = tuple(size // known if d == -1 else d for d in shape)
    return P.reshape(x, shape)


def ravel(a):
    return reshape(a, (-1,))


def transpose(a, axes=None):
    x = _arr(a)
    nd = get_aval(x).ndim
    axes = tuple(reversed(range(nd))) if axes is None else tuple(int(i) % nd for i in axes)
    return P.transpose(x, axes)


def expand_dims(a, axis):
    x = _arr(a)
    shape = list(get_aval(x).shape)
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    nd = len(shape) + len(axes)
    for ax in sorted(i % nd for i in axes):
        shape.insert(ax, 1)
    return P.reshape(x, tuple(shape))


def squeeze(a, axis=None):
    x = _arr(a)
    shape = get_aval(x).shape
    if axis is None:
        axes = tuple(i for i, d in enumerate(shape) if d == 1)
    else:
        axes = _axes(axis, len(shape), "squeeze")
        for i in axes:
            if shape[i] != 1:
                raise ValueError(f"squeeze: cannot select an axis to squeeze out which has "
                                 f"size not equal to one (axis {i} of shape {shape})")
    return P.reshape(x, tuple(d for i, d in enumerate(shape) if i not in axes))


def broadcast_to(a, shape):
    x = _arr(a)
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    try:
        if _np.broadcast_shapes(get_aval(x).shape, shape) != shape:
            raise ValueError
    except ValueError:
        raise ValueError(f"broadcast_to: cannot broadcast shape {get_aval(x).shape} to "
                         f"{shape}") from None
    return P.broadcast_to(x, shape)


def concatenate(arrays, axis=0):
    xs = [_arr(a) for a in arrays]
    if not xs:
        raise ValueError("concatenate: need at least one array")
    dt = U.promote(*xs) if len(xs) > 1 else xs
    nd = get_aval(xs[0]).ndim
    if nd == 0:
        raise ValueError("concatenate: zero-dimensional arrays cannot be concatenated")
    return P.concatenate(list(dt), int(axis) % nd)


def stack(arrays, axis=0):
    xs = [_arr(a) for a in arrays]
    nd = get_aval(xs[0]).ndim + 1
    return concatenate([expand_dims(x, axis % nd) for x in xs], axis % nd)


# ------------------------------------------------------------ linear algebra

def dot(a, b):
    x, y = _arr(a), _arr(b)
    xn, yn = get_aval(x).ndim, get_aval(y).ndim
    if xn == 0 or yn == 0:
        return multiply(x, y)
    rc = 0 if yn == 1 else yn - 2
    return P.dot_general(x, y, (((xn - 1,), (rc,)), ((), ())))


def matmul(a, b):
    x, y = _arr(a), _arr(b)
    xs, ys = get_aval(x).shape, get_aval(y).shape
    if not xs or not ys:
        raise ValueError("matmul: input operand does not have enough dimensions "
                         "(0-d arrays are not allowed; use multiply)")
    if len(xs) == 1 or len(ys) == 1:
        if xs[-1] != ys[0 if len(ys) == 1 else -2]:
            raise ValueError(f"matmul: shapes {xs} and {ys} are not aligned "
                             f"({xs[-1]} != {ys[0 if len(ys) == 1 else -2]})")
        if len(xs) <= 2 and len(ys) <= 2:
            return dot(x, y)
    x2 = x if len(xs) > 1 else P.reshape(x, (1,) + xs)
    y2 = y if len(ys) > 1 else P.reshape(y, ys + (1,))
    xs2, ys2 = get_aval(x2).shape, get_aval(y2).shape
    if xs2[-1] != ys2[-2]:
        raise ValueError(f"matmul: shapes {xs} and {ys} are not aligned "
                         f"({xs2[-1]} != {ys2[-2]})")
    batch = _np.broadcast_shapes(xs2[:-2], ys2[:-2])
    x2 = P.broadcast_to(x2, batch + xs2[-2:])
    y2 = P.broadcast_to(y2, batch + ys2[-2:])
    nb = len(batch)
    out = P.dot_general(x2, y2, (((nb + 1,), (nb,)), (tuple(range(nb)), tuple(range(nb)))))
    if len(xs) == 1:
        out = squeeze(out, -2)
    if len(ys) == 1:
        out = squeeze(out, -1)
    return out


# ------------------------------------------------------------------ indexing

def _getitem(x, idx):
    """Basic indexing: ints, slices (positive steps), None and Ellipsis."""
    if not isinstance(idx, tuple):
        idx = (idx,)
    shape = get_aval(x).shape
    n_real = builtins.sum(1 for i in idx if i is not None and i is not Ellipsis)
    if n_real > len(shape):
        raise IndexError(f"too many indices for array: array is {len(shape)}-dimensional, "
                         f"but {n_real} were indexed")
    if builtins.sum(1 for i in idx if i is Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if Ellipsis in [i for i in idx if not isinstance(i, (Tracer, _np.ndarray))]:
        k = [j for j, i in enumerate(idx) if i is Ellipsis][0]
        idx = idx[:k] + (slice(None),) * (len(shape) - n_real) + idx[k + 1:]
    idx = idx + (slice(None),) * (len(shape) - n_real)
    starts, limits, strides, out_shape = [], [], [], []
    dim = 0
    for i in idx:
        if i is None:
            out_shape.append(1)
            continue
        if isinstance(i, (int, _np.integer)) and not isinstance(i, bool):
            d = shape[dim]
            if not -d <= i < d:
                raise IndexError(f"index {i} is out of bounds for axis {dim} with size {d}")
            i = int(i) % d
            starts.append(i), limits.append(i + 1), strides.append(1)
        elif isinstance(i, slice):
            s, l, st = i.indices(shape[dim])
            if st < 0:
                return _getitem_advanced(x, idx)
            l = builtins.max(l, s)
            starts.append(s), limits.append(l), strides.append(st)
            out_shape.append(builtins.max(0, -(-(l - s) // st)))
        else:
            return _getitem_advanced(x, idx)
        dim += 1
    if tuple(starts) != (0,) * len(shape) or tuple(limits) != shape or builtins.any(
            s != 1 for s in strides):
        x = P.slice_(x, starts, limits, strides)
    return P.reshape(x, tuple(out_shape))


def _getitem_advanced(x, idx):
    raise NotImplementedError(
        f"indexing with {idx!r}: negative steps and integer/boolean array indices are "
        f"not supported yet (basic ints, slices, None and ... are)")


# ------------------------------------------------- methods on traced values

def _swap(f):
    return lambda self, other: f(other, self)


def _install_tracer_methods():
    T = Tracer
    ops = {
        "__add__": add, "__radd__": _swap(add), "__sub__": subtract,
        "__rsub__": _swap(subtract), "__mul__": multiply, "__rmul__": _swap(multiply),
        "__truediv__": true_divide, "__rtruediv__": _swap(true_divide),
        "__pow__": power, "__rpow__": _swap(power), "__matmul__": matmul,
        "__rmatmul__": _swap(matmul), "__lt__": less, "__le__": less_equal,
        "__gt__": greater, "__ge__": greater_equal, "__eq__": equal, "__ne__": not_equal,
        "__neg__": negative, "__pos__": lambda self: self, "__abs__": abs,
        "__getitem__": _getitem,
        "sum": sum, "mean": mean, "max": max, "min": min, "reshape":
            lambda self, *s, **kw: reshape(self, s[0] if len(s) == 1 else s, **kw),
        "ravel": ravel, "flatten": ravel, "astype": astype, "dot": dot, "squeeze": squeeze,
        "clip": clip,
        "transpose": lambda self, *axes: transpose(
            self, None if not axes else (axes[0] if len(axes) == 1 and not isinstance(
                axes[0], int) else axes)),
    }
    for name, f in ops.items():
        setattr(T, name, f)
    T.T = property(lambda self: transpose(self))


_install_tracer_methods()

from . import linalg  # noqa: E402,F401
from ._einsum import einsum, tensordot, inner, outer, vdot, trace, diagonal  # noqa: E402,F401
from ._stable import logsumexp, softmax, log_softmax, sigmoid, softplus  # noqa: E402,F401
