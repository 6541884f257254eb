"""``functorch_lite.optimizers``: optax-style gradient transformations over
pytrees (pure ``init``/``update`` pairs that jit and vmap), learning-rate
schedules, and two classic driver styles in submodules:
``optimizers.misc`` (HIPS autograd's ``adam(grad, x0, num_iters=...)``) and
``optimizers.example_libraries`` (``jax.example_libraries.optimizers``'
``init_fun, update_fun, get_params``).  See docs/scientific.md."""
from . import example_libraries, misc  # noqa: F401
from ._alias import adagrad, adam, adamw, lamb, momentum, nesterov, rmsprop, sgd  # noqa: F401
from ._base import *  # noqa: F401,F403
from ._base import __all__ as _base_all
from ._schedules import *  # noqa: F401,F403
from ._schedules import __all__ as _sched_all

__all__ = ["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad", "lamb",
           "misc", "example_libraries"] + list(_base_all) + list(_sched_all)

# Args/Returns/Example sections for the docstrings (optimizers/_docs.py)
from ..core.mirror_docs import complete as _complete  # noqa: E402
from ._docs import EXTRAS as _EXTRAS  # noqa: E402

_complete(globals(), _EXTRAS)

# the state classes' docstrings (fields, Example): optimizers/_docs2.py
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs2 import DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
