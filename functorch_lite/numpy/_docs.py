"""Full docstrings of ``functorch_lite.numpy`` names users meet first
(``numpy/__init__.py`` assigns them at import)."""

EINSUM = """Einstein summation over traced arrays (``numpy.einsum``).

Args:
    subscripts: the contraction, as ``"ij,jk->ik"`` (implicit output and
        ``...`` ellipses allowed); or, in NumPy's interleaved form, the first
        operand followed by alternating operands and lists of axis integers.
    *operands: the arrays (promoted to a common dtype, NumPy's rules; size-1
        axes broadcast as NumPy's).
    optimize: accepted for NumPy's and JAX's signature; the contraction order
        always comes from opt_einsum's path (the same result as any order, up
        to rounding).

Returns:
    The contracted array (a NumPy array eagerly, a tracer under a
    transform): differentiable in every operand, batched under ``vmap``, and
    staged by ``jit`` as transposes, reshapes and ``dot_general`` calls.

Differs from NumPy: no ``out=``, ``dtype=``, ``order=`` nor ``casting=``;
from JAX: no ``precision=`` nor ``preferred_element_type=``.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> a, b = fnp.arange(6.0).reshape(2, 3), fnp.arange(3.0)
    >>> print(fnp.einsum("ij,j->i", a, b))
    [ 5. 14.]
    >>> print(fnp.einsum(a, [0, 1], b, [1], [0]))     # interleaved form
    [ 5. 14.]
    >>> print(fl.grad(lambda v: fnp.einsum("ij,j->", a, v))(b))
    [3. 5. 7.]
"""

ASARRAY = """``a`` as an array (``numpy.asarray``, and the Array API's).

Args:
    a: an array, a number, a (nested) list or tuple, a NumPy scalar, or an
        object of another library (a PyTorch or facade Tensor, anything with
        ``__dlpack__`` or ``__array__``), converted on the host.
    dtype: the result's dtype (default: inferred as NumPy does, with 64-bit
        defaults; 32-bit ones in JAX's 32-bit mode).
    order: ``"C"``, ``"K"``, ``"A"`` or None; the result is C-contiguous.
    copy: None copies only when needed, True always, False never (a needed
        copy raises ValueError).
    device: the backend or device to place the result on (default the
        default backend).

Returns:
    A backend array (a NumPy array on the CPU); under ``jit`` or ``vmap`` a
    traced value joins the trace.  A facade Tensor that requires grad is
    refused with TypeError (its gradient would be lost): use the Tensor's
    methods, or ``t.detach()``.

Differs from NumPy: no ``like=``; the Tensor refusal above.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.numpy as fnp
    >>> fnp.asarray([1, 2]).dtype
    dtype('int64')
    >>> fnp.asarray(torch.tensor([1.0, 2.0]))
    Array([1., 2.], dtype=float32)
"""

WHERE = """Elementwise choice, or the indices of the nonzero elements
(``numpy.where``).

Args:
    condition: a boolean (or truthy) array.
    x: values where ``condition`` holds; broadcast with the others.
    y: values elsewhere.  Give both ``x`` and ``y`` or neither.

Returns:
    With ``x`` and ``y``: an array of the broadcast shape and their promoted
    dtype.  With the condition alone: ``nonzero(condition)``, a tuple of
    index arrays (its size depends on the data, so under ``jit`` use
    ``nonzero(..., size=n)``).

Differs from NumPy: the gradient is NaN-safe: the branch not taken gets an
exact zero cotangent, and singular derivative rules multiply with safe_mul,
so ``where(x > 0, sqrt(x), 0.)`` has gradient 0 (not NaN) at ``x = -1``.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> print(fnp.where(fnp.array([True, False]), 1.0, fnp.array([5.0, 6.0])))
    [1. 6.]
    >>> fnp.where(fnp.array([1, 0, 2]))
    (array([0, 2]),)
    >>> print(fl.grad(lambda x: fnp.where(x > 0, fnp.sqrt(x), 0.0))(-1.0))
    0.0
"""

DOCS = {"einsum": EINSUM, "asarray": ASARRAY, "where": WHERE}

# NumPy's ufuncs whose one-line "NumPy's X, traced" docstrings became mirror
# lines once checked against NumPy (float64/float32/int64/int32 operands and
# Python scalars: the same values and NEP 50 dtypes); they take the operands only
UFUNC_MIRRORS = (
    "numpy.add", "numpy.subtract", "numpy.multiply", "numpy.divide", "numpy.floor_divide", "numpy.mod", "numpy.power", "numpy.sqrt", "numpy.exp",
    "numpy.log", "numpy.log1p", "numpy.expm1", "numpy.sin", "numpy.cos", "numpy.tan", "numpy.arcsin", "numpy.arccos", "numpy.arctan", "numpy.arctan2",
    "numpy.sinh", "numpy.cosh", "numpy.tanh", "numpy.maximum", "numpy.minimum", "numpy.equal", "numpy.not_equal", "numpy.less", "numpy.less_equal",
    "numpy.greater", "numpy.greater_equal", "numpy.arcsinh", "numpy.arccosh", "numpy.arctanh", "numpy.cbrt")
UFUNC_LACKS = ("out", "where", "casting", "order", "dtype", "subok", "signature")
