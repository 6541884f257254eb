"""The code cells of JAX's documentation page docs/new_docs/101/random.md (jax-ml/jax at
cec06d116c05, Apache-2.0), in order, with only the import lines changed
(``functorch_lite`` in place of ``jax``) and IPython magics made plain
(``%timeit stmt`` runs stmt once).  Run cell by cell by
``examples/jax/run_pages.py``; tests/test_jax_pages.py compares each cell's
printed numbers with jax's, stored in expected/jax101_random.json."""

# %% cell 0
import numpy as np

np.random.seed(0)
print(np.random.uniform())
print(np.random.uniform())  # different: the hidden state advanced

# %% cell 1
np.random.seed(0)

def bar(): return np.random.uniform()
def baz(): return np.random.uniform()

def foo(): return bar() + 2 * baz()

print(foo())

# %% cell 2
import functorch_lite as jax
from functorch_lite import random

key = random.key(42)
key

# %% cell 3
print(jax.typeof(key))

# %% cell 4
print(random.normal(key))
print(random.normal(key))  # same key, same value — necessarily

# %% cell 5
key = random.key(42)
key, subkey = random.split(key)
print(random.normal(subkey))

# %% cell 6
key = random.key(42)
subkeys = random.split(key, num=4)
[float(random.normal(k)) for k in subkeys]

# %% cell 7
key = random.key(42)
for step in range(3):
  step_key = random.fold_in(key, step)
  print(f"step {step}: {random.normal(step_key)}")

# %% cell 8
key = random.key(42)
subkeys = random.split(key, 3)
print("individually:", np.stack([random.normal(k) for k in subkeys]))

key = random.key(42)
print("all at once: ", random.normal(key, shape=(3,)))

# %% cell 9
import functorch_lite as jax
jax.vmap(random.normal)(subkeys)
