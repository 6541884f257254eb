"""functorch_lite.scipy: SciPy's names over primitives (as jax.scipy): special,
stats, linalg and signal.  See docs/scipy.md."""
from . import special, linalg, stats, signal  # noqa: F401
from . import optimize  # noqa: F401,E402
