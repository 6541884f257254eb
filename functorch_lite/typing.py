"""``functorch_lite.typing``: JAX's ``jax.Array`` / ``jax.typing`` names and
``jax.typeof``.

``Array`` is the immutable ndarray subclass of functional results
(``core/array.py``; the representation and its measurements are in
docs/jax_semantics.md, "Arrays"); ``isinstance(x, Array)`` is also True for
ndarrays, NumPy scalars, a registered backend's arrays and tracers (as
``isinstance(tracer, jax.Array)`` is in JAX)."""
from typing import Union

import numpy as np
import numpy.typing as npt

from .core.array import Array
from .core.ir import ShapedArray
from .core.trace import get_aval


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
