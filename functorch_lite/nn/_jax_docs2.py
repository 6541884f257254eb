"""Full docstrings (continued from _jax_docs.py) of jax.nn's functions as ``fl.nn.<name>``, generated once
from their results (each equal to ``jax.nn``'s when written); ``nn/__init__.py``
assigns them at import."""

DOCS = {}

DOCS['nn.mish'] = """x * tanh(softplus(x)).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.mish``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.mish(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.25250148 -0.22074377  0.          1.40337827]
"""

DOCS['nn.one_hot'] = """One-hot encoding: out[..., c] = (x == c) for c in range(num_classes).

Values outside [0, num_classes) (and non-integral floats) give all-zero
rows, as in JAX.  ``dtype`` defaults to float64 (JAX's default with x64 on);
``axis`` is where the class axis goes in the output.  Not differentiable
(the result is a constant of x).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.one_hot``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    num_classes: the number of classes (the new axis' length).
    dtype: the result's dtype (default float64; float32 in 32-bit mode).
    axis: the axis (or axes) to work along (default -1).

Returns:
    A float array with a new last axis of ``num_classes`` (at ``axis``).

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.one_hot(np.array([0, 2]), 3))
    [[1. 0. 0.]
     [0. 0. 1.]]
"""

DOCS['nn.relu'] = """max(x, 0).  The derivative at 0 is 0 (as JAX).  Integer dtypes are kept.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.relu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.relu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [0.  0.  0.  1.5]
"""

DOCS['nn.relu6'] = """min(max(x, 0), 6); the derivative is 0 at both kinks (as JAX).  Integer
dtypes are kept.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.relu6``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.relu6(np.array([-2.0, -0.5, 0.0, 1.5])))
    [0.  0.  0.  1.5]
"""

DOCS['nn.selu'] = """scale * elu(x, alpha) with the self-normalising constants
(alpha ~ 1.6733, scale ~ 1.0507).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.selu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.selu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-1.52016647 -0.69175819  0.          1.57605148]
"""

DOCS['nn.sigmoid'] = """1 / (1 + exp(-x)), exact over the whole real line.  Unlike JAX, integer
inputs are promoted to float64 rather than rejected.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.sigmoid``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.sigmoid(np.array([-2.0, -0.5, 0.0, 1.5])))
    [0.11920292 0.37754067 0.5        0.81757448]
"""

DOCS['nn.silu'] = """x * sigmoid(x) (also called swish).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.silu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.silu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.23840584 -0.18877033  0.          1.22636171]
"""

DOCS['nn.soft_sign'] = """``x / (|x| + 1)``, as ``jax.nn.soft_sign``.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.soft_sign``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.soft_sign(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.66666667 -0.33333333  0.          0.6       ]
"""

DOCS['nn.softmax'] = """exp(x) / sum(exp(x), axis), stable for any magnitudes.

``where`` masks entries out (they get 0, as in JAX).  A row whose entries
are all -inf gives NaN as in JAX, but with a zero gradient (JAX's is NaN).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.softmax``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    axis: the axis (or axes) to work along (default -1).
    where: optional boolean mask of the entries to include.

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.softmax(np.array([-2.0, -0.5, 0.0, 1.5])))
    [0.02174566 0.09745727 0.16067987 0.72011721]
"""

DOCS['nn.softplus'] = """log(1 + exp(x)), exact for any x (no overflow for large x, no underflow
to 0 before exp(x) does for very negative x).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.softplus``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.softplus(np.array([-2.0, -0.5, 0.0, 1.5])))
    [0.12692801 0.47407698 0.69314718 1.70141328]
"""

DOCS['nn.standardize'] = """(x - mean) / sqrt(variance + epsilon) over ``axis``.

``mean``/``variance`` default to the (``where``-masked) mean and variance of
x.  ``algorithm="fast"`` (JAX's default) takes the variance as
mean(x^2) - mean^2 clipped at 0; ``"stable"`` as mean((x - mean)^2).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.standardize``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    axis: the axis (or axes) to work along (default -1).
    mean: a precomputed mean (default: computed over ``axis``).
    variance: a precomputed variance.
    epsilon: added to the variance (default 1e-5).
    where: optional boolean mask of the entries to include.
    algorithm: ``'fast'`` (default) or ``'stable'`` variance computation, as JAX.

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.standardize(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-1.39999552 -0.19999936  0.19999936  1.39999552]
"""

DOCS['nn.swish'] = """x * sigmoid(x) (also called swish).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.swish``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.swish(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.23840584 -0.18877033  0.          1.22636171]
"""

DOCS['nn.tanh'] = """tanh(x) (as jax.nn.tanh); arrays or Tensors.

This is ``jax.nn.tanh``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.tanh(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.96402758 -0.46211716  0.          0.90514825]
"""

