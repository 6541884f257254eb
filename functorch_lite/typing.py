"""``functorch_lite.typing``: JAX's ``jax.Array`` / ``jax.typing`` names and
``jax.typeof``.

Results here are NumPy ndarrays (or a device backend's arrays), not a class of
our own: an ndarray subclass for every result was measured (issue 19) and costs
far more than the eager budget allows (a view per result, ~0.3 us, and NumPy's
subclass path through every later ufunc, ~+1.9 us per op against a ~1.2 us add
on this machine).  So ``Array`` is a *virtual* base class:
``isinstance(x, Array)`` is True for ndarrays, NumPy scalars, a registered
backend's arrays and tracers (as ``isinstance(tracer, jax.Array)`` is in JAX);
results stay mutable NumPy arrays (see docs/jax_semantics.md)."""
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import numpy.typing as npt

from .core.ir import ShapedArray
from .core.trace import Tracer, get_aval


class _ArrayMeta(type):
    def __instancecheck__(cls, x):
        if isinstance(x, (np.ndarray, np.generic, Tracer)):
            return True
        t = type(x)
        return hasattr(t, "__array_namespace__") and hasattr(x, "shape") and \
            hasattr(x, "dtype")

    def __subclasscheck__(cls, t):
        return isinstance(t, type) and (issubclass(t, (np.ndarray, np.generic, Tracer))
                                        or hasattr(t, "__array_namespace__"))


if TYPE_CHECKING:
    # to a type checker an Array is a NumPy array: results are ndarrays on the
    # host, and tracers and the device backends' arrays follow NumPy's interface
    Array = npt.NDArray[Any]
else:
    class Array(metaclass=_ArrayMeta):
        """The type JAX calls ``jax.Array``, for ``isinstance`` checks and
        annotations; not instantiable (create arrays with functorch_lite.numpy)."""

        def __new__(cls, *a, **k):
            raise TypeError("functorch_lite.Array is a virtual type for isinstance checks and "
                            "annotations; create arrays with functorch_lite.numpy.array(...)")


# what the functions here accept as an array (JAX's jax.typing.ArrayLike)
ArrayLike = Union[Array, np.ndarray, np.bool_, np.number, bool, int, float, complex]
# a dtype: np.dtype, a scalar type or a dtype name (NumPy's own DTypeLike)
DTypeLike = npt.DTypeLike


def typeof(x: ArrayLike) -> ShapedArray:
    """The abstract value of ``x`` (JAX's ``jax.typeof``): a ShapedArray with its
    shape, dtype and weak type, printed as ``f32[3]`` (JAX prints
    ``float32[3]``)."""
    a = get_aval(x)
    return ShapedArray(a.shape, a.dtype, a.weak_type)


__all__ = ["Array", "ArrayLike", "DTypeLike", "typeof"]
