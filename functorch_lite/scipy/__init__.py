"""functorch_lite.scipy: SciPy's names over primitives (as jax.scipy)."""
from . import special  # noqa: F401
