"""What nn.functional and nn's conv/pool use to build Tensor ops from functions.

``logsumexp softmax log_softmax sigmoid softplus`` are functorch_lite.numpy's
(``numpy/_stable.py``): the facade differentiates exactly the functions
``fl.grad`` does.  ``bridge`` (apply an array function to Tensors with
autograd) and ``named`` live in the facade's base, ``facade/_bridge.py``,
because Tensor methods use them too and ``facade/`` never imports ``nn``.
"""
from ..numpy._stable import log_softmax, logsumexp, sigmoid, softmax, softplus  # noqa: F401
from ..facade._bridge import bridge, named  # noqa: F401
