"""Full docstrings of torch.nn.functional's activations and simple functions,
generated once from their results (each equal to PyTorch's when written);
``nn/functional.py`` assigns them at import."""

DOCS = {}

DOCS['F.relu'] = """max(x, 0); the derivative at 0 is 0.

This is ``torch.nn.functional.relu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.relu(torch.tensor([-1.0, 0.0, 2.0]))
    tensor([0., 0., 2.])
"""

DOCS['F.relu6'] = """min(max(x, 0), 6) (PyTorch's hardtanh(x, 0, 6)); derivative 0 at both kinks.

This is ``torch.nn.functional.relu6``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.relu6(torch.tensor([-1.0, 3.0, 8.0]))
    tensor([0., 3., 6.])
"""

DOCS['F.hardtanh'] = """x clipped to [min_val, max_val]; derivative 0 at the bounds, as PyTorch
(jax.nn.hard_tanh, also here as ``hard_tanh``, has 1 there).

This is ``torch.nn.functional.hardtanh``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    min_val: the lower bound (default -1).
    max_val: the upper bound (default 1).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.hardtanh(torch.tensor([-2.0, 0.5, 3.0]))
    tensor([-1.0000,  0.5000,  1.0000])
"""

DOCS['F.leaky_relu'] = """x for x > 0, negative_slope * x otherwise.  At 0 the derivative on a Tensor
is negative_slope (PyTorch's); on arrays it is 1 (jax.nn.leaky_relu's).

This is ``torch.nn.functional.leaky_relu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    negative_slope: the slope for x < 0 (default 0.01).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.leaky_relu(torch.tensor([-2.0, 3.0]), 0.1)
    tensor([-0.2000,  3.0000])
"""

DOCS['F.sigmoid'] = """1 / (1 + exp(-x)), exact over the whole real line.

This is ``torch.nn.functional.sigmoid``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.sigmoid(torch.tensor([0.0, 2.0]))
    tensor([0.5000, 0.8808])
"""

DOCS['F.softplus'] = """log(1 + exp(beta x)) / beta, and x itself where beta x > threshold (as
PyTorch: there the derivative is exactly 1).

This is ``torch.nn.functional.softplus``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    beta: the scale inside (default 1).
    threshold: beyond ``beta * x > threshold`` the result is x.

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.softplus(torch.tensor([-1.0, 0.0, 30.0]))
    tensor([ 0.3133,  0.6931, 30.0000])
"""

DOCS['F.softmax'] = """exp(x) / sum(exp(x)) along ``dim`` (default: the last axis), stable.

This is ``torch.nn.functional.softmax``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    dim: the dimension to work along.
    axis: NumPy's name for ``dim`` (give one of them).
    dtype: cast the input to this dtype first.
    _stacklevel: PyTorch's private warning level (unused).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.softmax(torch.tensor([[1.0, 2.0, 3.0]]), dim=1)
    tensor([[0.0900, 0.2447, 0.6652]])
"""

DOCS['F.log_softmax'] = """x - logsumexp(x) along ``dim`` (default: the last axis), stable.

This is ``torch.nn.functional.log_softmax``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    dim: the dimension to work along.
    axis: NumPy's name for ``dim`` (give one of them).
    dtype: cast the input to this dtype first.
    _stacklevel: PyTorch's private warning level (unused).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.log_softmax(torch.tensor([[1.0, 2.0, 3.0]]), dim=1)
    tensor([[-2.4076, -1.4076, -0.4076]])
"""

DOCS['F.gelu'] = """x * Phi(x): exact (erf) by default as PyTorch, ``approximate="tanh"`` for
the tanh form (jax.nn.gelu's default).  A bool is read as JAX reads it.

This is ``torch.nn.functional.gelu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    approximate: ``'none'`` (default: exact, erf) or ``'tanh'``.

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.gelu(torch.tensor([-1.0, 0.0, 1.0]))
    tensor([-0.1587,  0.0000,  0.8413])
"""

DOCS['F.silu'] = """x * sigmoid(x).

This is ``torch.nn.functional.silu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.silu(torch.tensor([-1.0, 0.0, 1.0]))
    tensor([-0.2689,  0.0000,  0.7311])
"""

DOCS['F.mish'] = """x * tanh(softplus(x)).

This is ``torch.nn.functional.mish``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.mish(torch.tensor([-1.0, 0.0, 1.0]))
    tensor([-0.3034,  0.0000,  0.8651])
"""

DOCS['F.elu'] = """x for x > 0, alpha (exp(x) - 1) otherwise.

This is ``torch.nn.functional.elu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    alpha: the negative branch's scale (default 1).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.elu(torch.tensor([-1.0, 0.0, 1.0]))
    tensor([-0.6321,  0.0000,  1.0000])
"""

DOCS['F.selu'] = """scale * elu(x, alpha) with the self-normalising constants.

This is ``torch.nn.functional.selu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.selu(torch.tensor([-1.0, 0.0, 1.0]))
    tensor([-1.1113,  0.0000,  1.0507])
"""

DOCS['F.celu'] = """x for x > 0, alpha (exp(x / alpha) - 1) otherwise.

This is ``torch.nn.functional.celu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    alpha: the negative branch's scale (default 1).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.celu(torch.tensor([-1.0, 0.0, 1.0]), alpha=2.0)
    tensor([-0.7869,  0.0000,  1.0000])
"""

DOCS['F.hardsigmoid'] = """relu6(x + 3) / 6.

This is ``torch.nn.functional.hardsigmoid``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.hardsigmoid(torch.tensor([-4.0, 0.0, 1.0]))
    tensor([0.0000, 0.5000, 0.6667])
"""

DOCS['F.hardswish'] = """x * relu6(x + 3) / 6.

This is ``torch.nn.functional.hardswish``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    inplace: write the result into ``input`` and return it (Tensors only).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.hardswish(torch.tensor([-4.0, 0.0, 1.0]))
    tensor([-0.0000, 0.0000, 0.6667])
"""

DOCS['F.softsign'] = """``x / (1 + |x|)`` (PyTorch's node: DivBackward0).

This is ``torch.nn.functional.softsign``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.softsign(torch.tensor([-1.0, 0.0, 3.0]))
    tensor([-0.5000,  0.0000,  0.7500])
"""

DOCS['F.logsigmoid'] = """log(sigmoid(x)) = -softplus(-x), exact for every x.

This is ``torch.nn.functional.logsigmoid``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.logsigmoid(torch.tensor([-1.0, 0.0, 1.0]))
    tensor([-1.3133, -0.6931, -0.3133])
"""

DOCS['F.glu'] = """a * sigmoid(b) with input split in halves a, b along ``dim``.

This is ``torch.nn.functional.glu``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    dim: the dimension to work along.

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.glu(torch.tensor([[1.0, 2.0, 0.0, 3.0]]))
    tensor([[0.5000, 1.9051]])
"""

DOCS['F.normalize'] = """PyTorch's L_p normalisation: x / max(||x||_p along dim, eps).  A zero vector
gives 0 with a zero gradient.  (jax.nn's old ``normalize``, a name for
``standardize``, is ``functorch_lite.nn.normalize``.)

This is ``torch.nn.functional.normalize``.

Args:
    input: a Tensor (or an array: then an array comes back, no autograd).
    p: the norm's order (default 2).
    dim: the dimension to work along.
    eps: a small floor avoiding division by zero.
    out: must be None (NotImplementedError otherwise).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.normalize(torch.tensor([[3.0, 4.0], [0.0, 0.0]]))
    tensor([[0.6000, 0.8000],
            [0.0000, 0.0000]])
"""

DOCS['F.one_hot'] = """PyTorch's one_hot: int64, classes on a new last axis, ``num_classes=-1``
meaning max + 1.  (jax.nn.one_hot's signature: ``functorch_lite.nn.one_hot``.)

This is ``torch.nn.functional.one_hot``.

Args:
    tensor: an int64 Tensor of class indices.
    num_classes: the number of classes (-1: ``max + 1``).

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: also takes arrays (returning arrays); on Tensors the
same arguments and results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.one_hot(torch.tensor([0, 2]))
    tensor([[1, 0, 0],
            [0, 0, 1]])
"""

DOCS['F.cosine_similarity'] = """sum(x1 * x2) / (max(||x1||, eps) * max(||x2||, eps)) along dim, as PyTorch
normalises each input before the dot product.

This is ``torch.nn.functional.cosine_similarity``.

Args:
    x1: the first Tensor.
    x2: the second Tensor, broadcastable with x1.
    dim: the dimension to work along.
    eps: a small floor avoiding division by zero.

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.cosine_similarity(torch.tensor([[1.0, 0.0]]), torch.tensor([[1.0, 1.0]]))
    tensor([0.7071])
"""

DOCS['F.pairwise_distance'] = """||x1 - x2 + eps||_p along the last dim.

This is ``torch.nn.functional.pairwise_distance``.

Args:
    x1: the first Tensor.
    x2: the second Tensor, broadcastable with x1.
    p: the norm's order (default 2).
    eps: a small floor avoiding division by zero.
    keepdim: keep the reduced dimension with size 1.

Returns:
    A Tensor (grad_fn as PyTorch's names it).

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.nn.functional as F
    >>> F.pairwise_distance(torch.tensor([[0.0, 0.0]]), torch.tensor([[3.0, 4.0]]))
    tensor([5.0000])
"""
