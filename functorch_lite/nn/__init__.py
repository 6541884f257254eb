"""torch.nn for the facade, and jax.nn's functions.

``nn.Linear``, ``nn.functional`` ... are PyTorch's; the lowercase functions
(``nn.relu``, ``nn.gelu``, ``nn.softmax(x, axis=-1)``, ...) are jax.nn's, with
JAX's signatures, taking arrays (returning arrays) or Tensors (returning
Tensors with autograd); see docs/nn_functions.md."""
from . import functional, init, initializers  # noqa: F401
from .modules import (BCELoss, BCEWithLogitsLoss, Conv2d, CrossEntropyLoss,  # noqa: F401
                      Dropout, Embedding, Flatten, Identity, L1Loss, LayerNorm, LeakyReLU,
                      Linear, LogSoftmax, MaxPool2d, Module, ModuleList, MSELoss, NLLLoss,
                      Parameter, ReLU, Sequential, Sigmoid, Softmax, Softplus, Tanh)
from ._jax import (celu, elu, gelu, glu, hard_sigmoid, hard_silu, hard_swish,  # noqa: F401
                   hard_tanh, identity, leaky_relu, log_sigmoid, log_softmax, logsumexp,
                   mish, normalize, one_hot, relu, relu6, selu, sigmoid, silu, soft_sign,
                   softmax, softplus, standardize, swish)
from ._jax import tanh  # noqa: F401,E402
from ._layers import (GELU, GLU, ELU, CELU, SELU, Hardsigmoid, Hardswish,  # noqa: F401,E402
                      Hardtanh, LogSigmoid, Mish, ReLU6, SiLU, Softmin, Softsign,
                      AdaptiveAvgPool2d, AdaptiveMaxPool2d, AvgPool2d, BatchNorm1d,
                      BatchNorm2d, Conv1d, ConvTranspose2d, CosineEmbeddingLoss,
                      CosineSimilarity, Dropout2d, GaussianNLLLoss, GroupNorm, HuberLoss,
                      InstanceNorm2d, KLDivLoss, MarginRankingLoss, PairwiseDistance,
                      PoissonNLLLoss, SmoothL1Loss, TripletMarginLoss, Unflatten, Upsample)
from ._recurrent import (GRU, LSTM, RNN, MultiheadAttention,  # noqa: F401,E402
                         TransformerEncoder, TransformerEncoderLayer)
from . import utils  # noqa: F401,E402


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # the full docstrings first: the mirror lines skip these
from ._docs2 import DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
from . import _jax_docs, _jax_docs2  # noqa: E402

_document(globals(), _jax_docs.DOCS)
_document(globals(), _jax_docs2.DOCS)

_mirror(globals(), "torch.nn", (
    "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "BCELoss", "BCEWithLogitsLoss", "BatchNorm1d", "BatchNorm2d",
    "Conv1d", "Conv2d", "ConvTranspose2d", "CosineEmbeddingLoss", "CrossEntropyLoss", "Dropout", "Dropout2d",
    "Embedding", "Flatten", "GaussianNLLLoss", "GroupNorm", "HuberLoss", "Identity",
    "InstanceNorm2d", "KLDivLoss", "L1Loss", "LayerNorm", "LeakyReLU", "Linear",
    "LogSoftmax", "MSELoss", "MarginRankingLoss", "MaxPool2d", "Module", "ModuleList",
    "NLLLoss", "PoissonNLLLoss", "ReLU", "Sequential", "Sigmoid", "SmoothL1Loss", "Softmax",
    "Softplus", "Tanh", "TripletMarginLoss", "Unflatten", "Upsample"
), lacks={
    "BCELoss": ('size_average', 'reduce'),
    "BCEWithLogitsLoss": ('size_average', 'reduce'),
    "BatchNorm1d": ('bias',),
    "BatchNorm2d": ('bias',),
    "CrossEntropyLoss": ('size_average', 'reduce'),
    "Embedding": ('max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse'),
    "GroupNorm": ('bias',),
    "InstanceNorm2d": ('bias',),
    "L1Loss": ('size_average', 'reduce'),
    "LayerNorm": ('bias',),
    "MSELoss": ('size_average', 'reduce'),
    "NLLLoss": ('size_average', 'reduce'),
})
