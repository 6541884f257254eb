"""torch.nn for the facade."""
from . import functional, init  # noqa: F401
from .modules import (BCELoss, BCEWithLogitsLoss, Conv2d, CrossEntropyLoss,  # noqa: F401
                      Dropout, Embedding, Flatten, Identity, L1Loss, LayerNorm, LeakyReLU,
                      Linear, LogSoftmax, MaxPool2d, Module, ModuleList, MSELoss, NLLLoss,
                      Parameter, ReLU, Sequential, Sigmoid, Softmax, Softplus, Tanh)
