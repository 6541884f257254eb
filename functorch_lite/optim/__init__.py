"""torch.optim for the facade."""
from . import lr_scheduler  # noqa: F401
from .optimizer import SGD, Adagrad, Adam, AdamW, Optimizer, RMSprop  # noqa: F401
from ._more import LBFGS, NAdam, RAdam, Adamax  # noqa: F401,E402


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS, SCHEDULER_DOCS as _SCHEDULER_DOCS  # noqa: E402

_document(globals(), _DOCS)   # the full docstrings first: the mirror lines skip these
_document(vars(lr_scheduler), _SCHEDULER_DOCS)
from . import _docs2  # noqa: E402

_document(globals(), _docs2.DOCS)
_document(vars(lr_scheduler), _docs2.SCHEDULER_DOCS)

_mirror(globals(), "torch.optim", (
    "Adagrad", "Adam", "AdamW", "Optimizer", "RMSprop", "SGD"
), lacks={
    "Adagrad": ('foreach', 'maximize', 'differentiable', 'fused'),
    "Adam": ('foreach', 'capturable', 'differentiable', 'fused', 'decoupled_weight_decay'),
    "AdamW": ('foreach', 'capturable', 'differentiable', 'fused'),
    "RMSprop": ('capturable', 'foreach', 'maximize', 'differentiable'),
    "SGD": ('foreach', 'differentiable', 'fused'),
})
