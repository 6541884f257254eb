"""Dtype helpers: short names for printing and NumPy-2 promotion with weak types.

A *weak* value is a Python scalar (or a traced value that came from one): it
takes the dtype of the array it meets, so ``x_f32 * 2.0`` stays float32.  We
reuse NumPy 2's own promotion (NEP 50), which already treats Python scalars
that way, by handing ``np.result_type`` a Python scalar for each weak operand.
"""
import numpy as np

_SHORT = {
    "float16": "f16", "float32": "f32", "float64": "f64",
    "int8": "i8", "int16": "i16", "int32": "i32", "int64": "i64",
    "uint8": "u8", "uint16": "u16", "uint32": "u32", "uint64": "u64",
    "bool": "bool", "complex64": "c64", "complex128": "c128",
}
_WEAK_STANDIN = {"b": False, "i": 0, "u": 0, "f": 0.0, "c": 0j}


def dtype_short_name(dt):
    dt = np.dtype(dt)
    return _SHORT.get(dt.name, dt.name)


def result_type(*avals_or_values):
    """Promote ShapedArrays / arrays / Python scalars the NumPy-2 way."""
    args = []
    for a in avals_or_values:
        if isinstance(a, (bool, int, float, complex)):
            args.append(a)
        elif getattr(a, "weak_type", False):
            args.append(_WEAK_STANDIN[np.dtype(a.dtype).kind])
        else:
            args.append(np.dtype(a.dtype))
    return np.result_type(*args)



# ------------------------------------------------------------ the 32-bit mode
# JAX's default (``jax_enable_x64`` off): Python floats and default-dtype
# creation give float32/int32, and 64-bit inputs are narrowed on entry.  Off
# here by default (NumPy's dtypes); ``config.update("jax_enable_x64", False)``
# turns it on.  A module global read by bind's eager path and the entry points
# (numpy's input coercion, creation, jit's traces); set only by that switch.
X64 = True
_NARROW = {np.dtype(np.float64): np.dtype(np.float32), np.dtype(np.int64): np.dtype(np.int32),
           np.dtype(np.uint64): np.dtype(np.uint32),
           np.dtype(np.complex128): np.dtype(np.complex64)}


def canonicalize_dtype(dt):
    """``dt`` as the current mode stores it: 64-bit kinds narrowed in 32-bit mode
    (JAX's ``dtypes.canonicalize_dtype``); unchanged with x64 on."""
    dt = np.dtype(dt)
    return dt if X64 else _NARROW.get(dt, dt)


def canonicalize_value(x):
    """A concrete array (or list of them) narrowed in 32-bit mode; as it is otherwise."""
    if X64:
        return x
    if isinstance(x, (list, tuple)):
        return type(x)(canonicalize_value(v) for v in x)
    dt = getattr(x, "dtype", None)
    if dt is not None and np.dtype(dt) in _NARROW and hasattr(x, "astype"):
        return x.astype(_NARROW[np.dtype(dt)])
    return x
