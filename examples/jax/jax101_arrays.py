"""The code cells of JAX's documentation page docs/new_docs/101/arrays.md (jax-ml/jax at
cec06d116c05, Apache-2.0), in order, with only the import lines changed
(``functorch_lite`` in place of ``jax``) and IPython magics made plain
(``%timeit stmt`` runs stmt once).  Run cell by cell by
``examples/jax/run_pages.py``; tests/test_jax_pages.py compares each cell's
printed numbers with jax's, stored in expected/jax101_arrays.json."""

# %% cell 0

# This ensures that code cell tracebacks appearing below will be concise.

# %% cell 1
import functorch_lite as jax
import functorch_lite.numpy as jnp
import numpy as np

# %% cell 2
x = jnp.arange(9.0).reshape(3, 3)
y = jnp.ones(3)

print(x @ y)
print(x.sum(axis=0))
print(x[1, :2])

# %% cell 3
isinstance(x, jax.Array)

# %% cell 4
print(jax.typeof(x))

# %% cell 5
x_np = np.arange(10)
x_np[0] = 10
print(x_np)

# %% cell 6 raises-exception

x = jnp.arange(10)
x[0] = 10

# %% cell 7
y = x.at[0].set(10)
print(x)  # unchanged
print(y)

# %% cell 8
print(x.at[3].add(100))
print(x.at[:3].max(5))

# %% cell 9
print(np.array([1.0, 2.0]).dtype)
print(jnp.array([1.0, 2.0]).dtype)

# %% cell 10
(jnp.arange(3) + 1.5).dtype

# %% cell 11
x = jnp.arange(10)
x[11]  # clamped to x[9]

# %% cell 12
x.at[11].set(99)  # update is dropped

# %% cell 13 raises-exception

jnp.sum([1, 2, 3])

# %% cell 14
jnp.sum(jnp.array([1, 2, 3]))

# %% cell 15
x.sharding

# %% cell 16
jnp.add(1, 1.0)

# %% cell 17 raises-exception

from functorch_lite import lax
lax.add(1, 1.0)
