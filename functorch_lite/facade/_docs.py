"""Full docstrings of the facade's entry points users meet first
(``facade/__init__.py`` assigns them at import, before the mirror lines)."""

TENSOR = """A new Tensor holding a copy of ``data`` (``torch.tensor``).

Args:
    data: a number, a (nested) list or tuple, a NumPy array, anything with
        ``__array__`` or DLPack, or a Tensor (copied, detached).
    dtype: the result's dtype (``torch.float64``, ``torch.int32``, ...).
        Default: inferred as PyTorch does: Python floats give the default
        dtype (float32), ints int64, bools bool, a NumPy array keeps its dtype.
    device: ``"cpu"`` (default) or ``"cuda"`` (with CuPy).
    requires_grad: make it a leaf that records operations for ``backward``.
    pin_memory: has no effect (there is no pinned host memory here).

Returns:
    A Tensor that never shares memory with ``data``.

Differs from PyTorch: ``pin_memory=True`` is silently a plain CPU tensor
(PyTorch without an accelerator raises).

Example:
    >>> import functorch_lite as torch
    >>> torch.tensor([[1, 2], [3, 4]])
    tensor([[1, 2],
            [3, 4]])
    >>> torch.tensor([1.5, 2.0], requires_grad=True)
    tensor([1.5000, 2.0000], requires_grad=True)
    >>> torch.tensor([1, 2], dtype=torch.float64)
    tensor([1., 2.], dtype=torch.float64)
"""

AS_TENSOR = """``data`` as a Tensor, sharing its memory when it can
(``torch.as_tensor``).

Args:
    data: a Tensor (returned as is when dtype and device match), a NumPy
        array (shared when no conversion is needed), or anything
        ``torch.tensor`` takes (then copied).
    dtype: the result's dtype; a different one than ``data``'s copies.
    device: ``"cpu"`` or ``"cuda"``; moving copies.

Returns:
    A Tensor; it shares memory with ``data`` when neither the dtype nor the
    device had to change.

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> import functorch_lite as torch
    >>> a = np.array([1.0, 2.0])
    >>> t = torch.as_tensor(a)          # shares a's memory
    >>> a[0] = 9.0
    >>> t
    tensor([9., 2.], dtype=torch.float64)
    >>> torch.as_tensor(a, dtype=torch.float32)   # a conversion: a copy
    tensor([9., 2.])
"""

FROM_NUMPY = """A Tensor sharing the memory of the NumPy array ``a``
(``torch.from_numpy``).

Args:
    a: a NumPy array of a boolean, integer, float or complex dtype.

Returns:
    A CPU Tensor of ``a``'s shape and dtype; writes to either show in both.
    A non-array raises TypeError (``expected np.ndarray``), an unsupported
    dtype TypeError naming the supported ones.

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> import functorch_lite as torch
    >>> a = np.array([1, 2, 3])
    >>> t = torch.from_numpy(a)
    >>> t[0] = 5
    >>> a
    array([5, 2, 3])
    >>> t.dtype
    torch.int64
"""

BACKWARD = """Compute the gradient of this Tensor with respect to the graph's
leaves and accumulate it into their ``.grad`` (``torch.Tensor.backward``).

Args:
    gradient: the vector in the vector-Jacobian product, shaped as this
        Tensor; may be omitted only for a single-element Tensor (then 1).
    retain_graph: keep the graph's saved values so ``backward`` can run
        through it again (default: ``create_graph``).  A second backward
        without it raises PyTorch's RuntimeError.
    create_graph: record the backward pass itself, so the gradients have a
        ``grad_fn`` and can be differentiated again.
    inputs: accumulate only into these leaves (Tensors) instead of every
        leaf that requires grad.

Returns:
    None; the gradients are in the leaves' ``.grad`` (added to what is
    there: call ``zero_grad()`` or set ``.grad = None`` between steps), and
    in ``.grad`` of non-leaves that called ``retain_grad()``.

Differs from PyTorch: nothing in arguments or results; the derivative rules
are the ones ``fl.grad`` uses (same values up to float rounding).

Example:
    >>> import functorch_lite as torch
    >>> x = torch.tensor([1.0, 2.0], requires_grad=True)
    >>> y = (x * x).sum()
    >>> y.backward()
    >>> x.grad
    tensor([2., 4.])
    >>> z = x * 3                      # not a scalar: pass the vector
    >>> z.backward(torch.tensor([1.0, 0.5]))
    >>> x.grad                         # accumulated: 2 + 3, 4 + 1.5
    tensor([5.0000, 5.5000])
"""

DOCS = {"tensor": TENSOR, "as_tensor": AS_TENSOR, "from_numpy": FROM_NUMPY}
TENSOR_DOCS = {"backward": BACKWARD}
