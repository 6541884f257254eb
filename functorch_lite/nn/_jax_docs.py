"""Full docstrings of jax.nn's functions as ``fl.nn.<name>``, generated once
from their results (each equal to ``jax.nn``'s when written); ``nn/__init__.py``
assigns them at import."""

DOCS = {}

DOCS['nn.celu'] = """x for x > 0, alpha * (exp(x / alpha) - 1) otherwise.  At x = 0 the first
derivative is 1 as in JAX; the second is 1/alpha (JAX's max/min spelling
averages the two sides there).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.celu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    alpha: the negative branch's scale (default 1).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.celu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.86466472 -0.39346934  0.          1.5       ]
"""

DOCS['nn.elu'] = """x for x > 0, alpha * (exp(x) - 1) otherwise.  The exponential only sees
the non-positive part, so large x cannot overflow it (or its gradient).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.elu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    alpha: the negative branch's scale (default 1).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.elu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.86466472 -0.39346934  0.          1.5       ]
"""

DOCS['nn.gelu'] = """Gaussian error linear unit, x * Phi(x).

``approximate=True`` (JAX's default; PyTorch's is exact) uses the tanh form
x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))); ``approximate=False`` the
exact x/2 erfc(-x / sqrt 2) (as JAX: accurate in the far negative tail,
where 1 + erf would cancel).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.gelu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    approximate: True (default): the tanh approximation; False: the exact erf form.

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.gelu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.04540231 -0.15428599  0.          1.39957158]
"""

DOCS['nn.glu'] = """Gated linear unit: with x split in halves a, b along ``axis``, a * sigmoid(b).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.glu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    axis: the axis (or axes) to work along (default -1).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.glu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-1.         -0.40878724]
"""

DOCS['nn.hard_sigmoid'] = """relu6(x + 3) / 6.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.hard_sigmoid``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.hard_sigmoid(np.array([-2.0, -0.5, 0.0, 1.5])))
    [0.16666667 0.41666667 0.5        0.75      ]
"""

DOCS['nn.hard_silu'] = """x * hard_sigmoid(x) (also called hard_silu).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.hard_silu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.hard_silu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.33333333 -0.20833333  0.          1.125     ]
"""

DOCS['nn.hard_swish'] = """x * hard_sigmoid(x) (also called hard_silu).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.hard_swish``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.hard_swish(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.33333333 -0.20833333  0.          1.125     ]
"""

DOCS['nn.hard_tanh'] = """x clipped to [-1, 1]; the derivative is 1 at +-1 (as JAX).  Integer dtypes
are kept.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.hard_tanh``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.hard_tanh(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-1.  -0.5  0.   1. ]
"""

DOCS['nn.identity'] = """x itself (as jax.nn.identity); a Tensor is returned as it is.

This is ``jax.nn.identity``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.identity(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-2.  -0.5  0.   1.5]
"""

DOCS['nn.leaky_relu'] = """x for x >= 0, negative_slope * x otherwise (derivative 1 at 0, as JAX).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.leaky_relu``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).
    negative_slope: the slope for x < 0 (default 0.01).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.leaky_relu(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-0.02  -0.005  0.     1.5  ]
"""

DOCS['nn.log_sigmoid'] = """log(sigmoid(x)) = -softplus(-x), exact for any x.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.log_sigmoid``, on arrays or on facade Tensors.

Args:
    x: an array, or a facade Tensor (then the result is a Tensor with autograd).

Returns:
    An array shaped as the input (``glu`` halves ``axis``), or a Tensor for a Tensor.

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.log_sigmoid(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-2.12692801 -0.97407698 -0.69314718 -0.20141328]
"""

DOCS['nn.log_softmax'] = """x - logsumexp(x, axis, keepdims=True), stable and accurate near 0.

``where`` masks entries out (they get -inf, as in JAX).  All -inf rows:
NaN with a zero gradient (JAX: NaN gradient).

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.log_softmax``, on arrays or on facade Tensors.

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
    >>> print(nn.log_softmax(np.array([-2.0, -0.5, 0.0, 1.5])))
    [-3.82834129 -2.32834129 -1.82834129 -0.32834129]
"""

DOCS['nn.logsumexp'] = """log(sum(b * exp(a), axis)), as jax.nn.logsumexp / scipy.special.logsumexp.

Stable for any magnitudes; an all -inf row (or all-zero ``b``) gives -inf
with a zero gradient (JAX: NaN gradient).  With ``b`` the sum may be
negative: then the result is NaN unless ``return_sign=True``, which returns
``(log|sum|, sign(sum))``.  Entries where ``b == 0`` are ignored, as in JAX.

Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).

This is ``jax.nn.logsumexp``, on arrays or on facade Tensors.

Args:
    a: an array, or a facade Tensor (then the result is a Tensor with autograd).
    axis: the axis (or axes) to work along (default -1).
    b: optional scale factors: ``log(sum(b * exp(a)))``.
    keepdims: keep the reduced axes with size 1.
    return_sign: also return the sign (for negative ``b``).
    where: optional boolean mask of the entries to include.

Returns:
    The log-sum-exp (a 0-d array here; with ``return_sign`` a pair).

Differs from JAX: also takes facade Tensors (Tensors come back, with
autograd); on arrays the same arguments and results.

Example:
    >>> import numpy as np
    >>> from functorch_lite import nn
    >>> print(nn.logsumexp(np.array([-2.0, -0.5, 0.0, 1.5])))
    1.828341289025725
"""

