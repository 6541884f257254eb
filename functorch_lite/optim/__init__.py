"""torch.optim for the facade."""
from . import lr_scheduler  # noqa: F401
from .optimizer import SGD, Adagrad, Adam, AdamW, Optimizer, RMSprop  # noqa: F401
from ._more import LBFGS, NAdam, RAdam, Adamax  # noqa: F401,E402
