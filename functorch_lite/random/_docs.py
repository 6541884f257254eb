"""Full docstrings of the key functions and first samplers of ``fl.random``
(``random/__init__.py`` assigns them at import)."""

_KEY_ARG = """    key: a key from ``PRNGKey``/``key``/``split``/``fold_in``
        (``uint32[2]``); never reuse a key for two draws: ``split`` it."""

PRNGKEY = """A PRNG key from an integer seed (``jax.random.PRNGKey``).

Args:
    seed: a Python or NumPy integer (64-bit seeds use both words), or a
        traced integer under ``jit``.

Returns:
    A raw threefry2x32 key: a ``uint32`` array of shape ``(2,)`` holding the
    seed's high and low 32-bit words, bit for bit JAX's.

Differs from JAX: nothing (JAX's new-style typed keys are ``key``'s
business, and there they are raw keys too).

Example:
    >>> import functorch_lite as fl
    >>> fl.random.PRNGKey(0)
    Array([0, 0], dtype=uint32)
    >>> fl.random.PRNGKey(2**32 + 5)
    Array([1, 5], dtype=uint32)
"""

KEY = """A PRNG key from an integer seed (``jax.random.key``).

Args:
    seed: an integer (or a traced one under ``jit``).
    impl: None or ``"threefry2x32"`` (the only implementation).

Returns:
    The same raw ``uint32[2]`` key as ``PRNGKey(seed)``.

Differs from JAX: there are no typed key arrays: ``key`` returns a raw key
(``key_data`` and ``wrap_key_data`` are identities), so the draws equal
JAX's but ``key.dtype`` is uint32, not ``key<fry>``.

Example:
    >>> import functorch_lite as fl
    >>> fl.random.key(42)
    Array([ 0, 42], dtype=uint32)
"""

SPLIT = f"""New independent keys from one (``jax.random.split``).

Args:
{_KEY_ARG}
    num: how many keys (default 2), or a shape tuple.

Returns:
    A ``uint32`` array of shape ``(num, 2)`` (or ``(*num, 2)``), bit for bit
    JAX's (its partitionable threefry split: the hash of counters
    ``0..num-1``); unpack it as ``k1, k2 = split(key)``.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> key = fl.random.PRNGKey(0)
    >>> k1, k2 = fl.random.split(key)
    >>> print(k1, k2)
    [1797259609 2579123966] [ 928981903 3453687069]
    >>> fl.random.split(key, 3).shape
    (3, 2)
"""

FOLD_IN = f"""A new key from a key and an integer (``jax.random.fold_in``): a
cheap way to derive per-step or per-device keys.

Args:
{_KEY_ARG}
    data: an integer (wrapped to uint32), possibly traced.

Returns:
    A ``uint32[2]`` key, bit for bit JAX's (the hash of the counter pair
    ``(0, data)``).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> print(fl.random.fold_in(fl.random.PRNGKey(0), 7))
    [2716826189  292468403]
"""

UNIFORM = f"""Uniform floats in ``[minval, maxval)`` (``jax.random.uniform``).

Args:
{_KEY_ARG}
    shape: the result's shape (default ``()``).
    dtype: a float dtype (default float64, the library's default, as JAX
        with ``jax_enable_x64``; float32 in 32-bit mode).
    minval: lower bound, broadcastable to ``shape`` (default 0).
    maxval: upper bound (default 1).

Returns:
    An array of ``shape`` and ``dtype``, bit for bit JAX's draws;
    differentiable in ``minval`` and ``maxval``.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> k1, k2 = fl.random.split(fl.random.PRNGKey(0))
    >>> print(fl.random.uniform(k1, (3,)))
    [0.969948   0.31518186 0.66109639]
"""

NORMAL = f"""Standard normal floats (``jax.random.normal``).

Args:
{_KEY_ARG}
    shape: the result's shape (default ``()``).
    dtype: a float dtype (default float64; float32 in 32-bit mode).

Returns:
    An array of ``shape`` and ``dtype``: ``sqrt(2) * erf_inv(u)`` with ``u``
    JAX's uniform on (-1, 1).

Differs from JAX: the same formula over the same bits, but this library's
``erf_inv`` may differ from XLA's in the last bits (docs/random.md), so draws
agree to rounding rather than bit for bit; no complex dtypes (TypeError).

Example:
    >>> import functorch_lite as fl
    >>> k1, k2 = fl.random.split(fl.random.PRNGKey(0))
    >>> print(fl.random.normal(k1, (3,)))
    [ 1.88002989 -0.48121497  0.41545723]
"""

RANDINT = f"""Integers in ``[minval, maxval)`` (``jax.random.randint``).

Args:
{_KEY_ARG}
    shape: the result's shape.
    minval: lowest value (inclusive), broadcastable to ``shape``.
    maxval: highest value (exclusive).
    dtype: an integer dtype (default int64, the library's default).

Returns:
    An integer array of ``shape``, bit for bit JAX's (its double-width
    remainder method).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> k1, k2 = fl.random.split(fl.random.PRNGKey(0))
    >>> print(fl.random.randint(k1, (5,), 0, 10))
    [6 2 0 2 7]
"""

DOCS = {"PRNGKey": PRNGKEY, "key": KEY, "split": SPLIT, "fold_in": FOLD_IN,
        "uniform": UNIFORM, "normal": NORMAL, "randint": RANDINT}
