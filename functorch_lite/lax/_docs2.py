"""Full docstrings of lax's binary elementwise functions, generated once from
their results (checked against JAX's when written); ``lax/__init__.py`` assigns
them at import."""

_TEMPLATE = '''Elementwise {what} (``jax.lax.{name}``): no promotion, no
broadcasting.

Args:
    x: an array, or a Python scalar (weakly typed: it takes ``y``'s dtype).
    y: an array of ``x``'s dtype and shape, or a Python scalar.

Returns:
    An array of the operands' shape, of their dtype{cmp}.  Different dtypes
    raise TypeError naming ``lax.convert_element_type`` (or ``{np}``,
    which promotes); different shapes raise TypeError.

Differs from JAX: a Python scalar next to a float32 array is weak also in
64-bit mode, where JAX's ``lax.{name}`` raises for it.

Example:
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> print(lax.{name}(fnp.array([1.0, -2.0]), fnp.array([0.5, 4.0])))
    {result}
'''

NP = {'lax.add': 'fnp.add', 'lax.sub': 'fnp.subtract', 'lax.mul': 'fnp.multiply',
      'lax.div': 'fnp.divide', 'lax.pow': 'fnp.power', 'lax.max': 'fnp.maximum',
      'lax.min': 'fnp.minimum', 'lax.atan2': 'fnp.arctan2', 'lax.eq': 'fnp.equal',
      'lax.ne': 'fnp.not_equal', 'lax.lt': 'fnp.less', 'lax.le': 'fnp.less_equal',
      'lax.gt': 'fnp.greater', 'lax.ge': 'fnp.greater_equal', 'lax.rem': 'fnp.fmod'}
BINARY = {
    'lax.add': ('x + y', '[1.5 2. ]'),
    'lax.sub': ('x - y', '[ 0.5 -6. ]'),
    'lax.mul': ('x * y', '[ 0.5 -8. ]'),
    'lax.div': ("x / y (integers: rounded toward zero, as C and XLA; NumPy's // floors)",
                '[ 2.  -0.5]'),
    'lax.pow': ('x ** y', '[ 1. 16.]'),
    'lax.max': ('max(x, y) (NaN-propagating)', '[1. 4.]'),
    'lax.min': ('min(x, y) (NaN-propagating)', '[ 0.5 -2. ]'),
    'lax.atan2': ('atan2(x, y), the angle of the point (y, x)', '[ 1.10714872 -0.46364761]'),
    'lax.eq': ('x == y', '[False False]'),
    'lax.ne': ('x != y', '[ True  True]'),
    'lax.lt': ('x < y', '[False  True]'),
    'lax.le': ('x <= y', '[False  True]'),
    'lax.gt': ('x > y', '[ True False]'),
    'lax.ge': ('x >= y', '[ True False]'),
    'lax.rem': ("the remainder of x / y with x's sign (C's fmod)", '[ 0. -2.]'),
}

DOCS = {key: _TEMPLATE.format(name=key[4:], what=what, result=result, np=NP[key],
                               cmp=' (bool for a comparison)' if result.startswith('[ True') or
                               result.startswith('[False') else '')
        for key, (what, result) in BINARY.items()}

# lax's unary elementwise functions are faithful mirrors; JAX's newer ``accuracy=``
# (a hint for XLA's transcendental approximations) is the argument they lack
UNARY: dict[str, tuple[str, ...]] = {f"lax.{n}": () for n in "neg abs sign asin acos atan sinh cosh floor ceil square "
         "reciprocal erfc is_finite".split()}
UNARY.update({f"lax.{n}": ("accuracy",) for n in "exp log sin cos tan tanh sqrt log1p expm1 "
              "rsqrt logistic exp2".split()})
DOCS["lax.div"] = DOCS["lax.div"].replace(
    "    [ 2.  -0.5]\n", "    [ 2.  -0.5]\n    >>> print(lax.div(fnp.array([7, -7]), fnp.array([2, 2])))\n    [ 3 -3]\n")
DOCS["lax.mul"] = DOCS["lax.mul"].replace("raises for it.", "raises for it; no ``out_dtype=``\n(JAX's newer argument).")

DOCS["lax.polygamma"] = """The n-th derivative of digamma, elementwise (``jax.lax.polygamma``).

Args:
    n: the order, a non-negative Python int (static: a parameter of the
        primitive).
    x: a real floating array, or a Python scalar (its dtype is kept;
        scipy.special's float64 result is cast back).

Returns:
    An array of ``x``'s shape and dtype; its derivative in ``x`` is
    ``polygamma(n + 1, x)``, so it differentiates any number of times.

Raises:
    TypeError: ``n`` is not a non-negative int (an array, a negative number,
        a bool), or ``x`` is not real.

Differs from JAX: ``n`` is static and a scalar (``jax.lax.polygamma`` takes
an array ``m`` of ``x``'s shape and dtype and does not differentiate in it).

Example:
    >>> import numpy as np
    >>> import functorch_lite as fl
    >>> from functorch_lite import lax
    >>> lax.polygamma(1, np.array([1.0, 2.0]))       # pi**2/6, pi**2/6 - 1
    Array([1.64493407, 0.64493407])
    >>> round(float(fl.grad(lambda x: lax.polygamma(1, x))(2.0)), 8)   # polygamma(2, 2)
    -0.40411381
    >>> import scipy.special
    >>> np.allclose(lax.polygamma(3, np.array([0.5, 3.0])),
    ...             scipy.special.polygamma(3, [0.5, 3.0]))
    True
"""
