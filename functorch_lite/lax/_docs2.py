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
    raise TypeError naming ``lax.convert_element_type`` (or ``fnp.{np}``,
    which promotes); different shapes raise TypeError.

Differs from JAX: a Python scalar next to a float32 array is weak also in
64-bit mode, where JAX's ``lax.{name}`` raises for it.

Example:
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite import lax
    >>> print(lax.{name}(fnp.array([1.0, -2.0]), fnp.array([0.5, 4.0])))
    {result}
'''

NP = {'add': 'add', 'sub': 'subtract', 'mul': 'multiply', 'div': 'divide', 'pow': 'power',
      'max': 'maximum', 'min': 'minimum', 'atan2': 'arctan2', 'eq': 'equal', 'ne': 'not_equal',
      'lt': 'less', 'le': 'less_equal', 'gt': 'greater', 'ge': 'greater_equal', 'rem': 'fmod'}
BINARY = {
    'add': ('x + y', '[1.5 2. ]'),
    'sub': ('x - y', '[ 0.5 -6. ]'),
    'mul': ('x * y', '[ 0.5 -8. ]'),
    'div': ("x / y", '[ 2.  -0.5]'),
    'pow': ('x ** y', '[ 1. 16.]'),
    'max': ('max(x, y) (NaN-propagating)', '[1. 4.]'),
    'min': ('min(x, y) (NaN-propagating)', '[ 0.5 -2. ]'),
    'atan2': ('atan2(x, y), the angle of the point (y, x)', '[ 1.10714872 -0.46364761]'),
    'eq': ('x == y', '[False False]'),
    'ne': ('x != y', '[ True  True]'),
    'lt': ('x < y', '[False  True]'),
    'le': ('x <= y', '[False  True]'),
    'gt': ('x > y', '[ True False]'),
    'ge': ('x >= y', '[ True False]'),
    'rem': ("the remainder of x / y with x's sign (C's fmod)", '[ 0. -2.]'),
}

DOCS = {name: _TEMPLATE.format(name=name, what=what, result=result, np=NP[name],
                               cmp=' (bool for a comparison)' if result.startswith('[ True') or
                               result.startswith('[False') else '')
        for name, (what, result) in BINARY.items()}

# lax's unary elementwise functions are faithful mirrors; JAX's newer ``accuracy=``
# (a hint for XLA's transcendental approximations) is the argument they lack
UNARY = {n: () for n in ('neg', 'abs', 'sign', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'floor',
                          'ceil', 'square', 'reciprocal', 'erfc', 'is_finite')}
UNARY.update({n: ('accuracy',) for n in ('exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'sqrt',
                                        'log1p', 'expm1', 'rsqrt', 'logistic', 'exp2')})
DOCS["div"] = DOCS["div"].replace("raises for it.", "raises for it.  Integer operands give\nfloats (true division); JAX's round toward zero and stay integers.")
DOCS["mul"] = DOCS["mul"].replace("raises for it.", "raises for it; no ``out_dtype=``\n(JAX's newer argument).")
