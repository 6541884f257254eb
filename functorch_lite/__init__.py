"""functorch_lite: JAX-style transforms and a PyTorch-style Tensor facade on NumPy.

    import functorch_lite as fl
    import functorch_lite.numpy as fnp
"""
from . import tree_util  # noqa: F401  (the public module over core/tree_util.py)
from .core.errors import TracerConversionError, UnexpectedTracerError
from .core.ir import ClosedJaxpr, Jaxpr
from . import errors  # noqa: F401
from . import numpy  # noqa: F401  (installs the operators on tracers)
from .transforms.api import (grad, value_and_grad, vjp, jvp, vmap, make_jaxpr,
                             stop_gradient)
from .transforms.jacobians import jacfwd, jacrev, hessian, linearize
from .transforms.jacobians import jacrev as jacobian  # noqa: E402  (JAX's alias)
from . import backends
from .backends import set_default_backend, device_put, transfer_guard
from . import config  # noqa: F401
from .transforms.jit import jit
from .control import checkpoint, custom_jvp, custom_vjp
from .control import checkpoint as remat  # noqa: E402  (JAX's alias)
from .control._policies import checkpoint_policies  # noqa: E402
from . import lax  # noqa: F401
from . import tree, flatten_util  # noqa: F401,E402
from .transforms.api import (ShapeDtypeStruct, eval_shape, block_until_ready,  # noqa: E402
                             devices, default_backend, float0)
from .transforms.jit import disable_jit  # noqa: E402
from . import debug  # noqa: F401
from .debug import debug_nans, pure_callback  # noqa: F401,E402  (jax.debug_nans, jax.pure_callback)
from . import experimental  # noqa: F401,E402
from . import ad_checkpoint  # noqa: F401,E402
from . import typing  # noqa: F401,E402
from .typing import Array, typeof  # noqa: F401,E402
from . import random  # noqa: F401
# the PyTorch-style facade: `import functorch_lite as torch` (after the core names
# above, which it does not shadow: fl.grad stays the functional transform)
from .facade import *  # noqa: F401,F403,E402
from .facade import Tensor, Size, device, cuda, no_grad, enable_grad  # noqa: F401,E402
from .facade.serialization import save, load  # noqa: F401,E402
from . import autograd, nn, optim  # noqa: F401,E402
from . import optimizers  # noqa: F401,E402
from . import testing, utils  # noqa: F401,E402  (torch.testing, torch.utils.data/checkpoint)
from . import distributed  # noqa: F401,E402  (data_parallel; Dask imported only when used)
from . import func  # noqa: F401,E402  (torch.func)
from .func._vmap import _toplevel_vmap as vmap  # noqa: E402,F811  (JAX's or torch's by arguments)

__version__ = "0.1.0"

# Args/Returns/Example sections for the JAX-style names, fl.debug and fl.backends
from .core.mirror_docs import complete as _complete  # noqa: E402
from .core import _api_docs  # noqa: E402

_complete(globals(), _api_docs.TOP)
_complete(vars(debug), _api_docs.DEBUG)
_complete(vars(backends), _api_docs.BACKENDS)
from .core import _api_docs2  # noqa: E402
from . import ode as _ode  # noqa: E402
from .scipy import optimize as _optimize  # noqa: E402
from .utils import checkpoint as _ucheckpoint  # noqa: E402

_complete(vars(numpy), _api_docs2.NUMPY)
_complete(vars(testing), {k: v for k, v in _api_docs2.OTHER.items() if k.startswith("testing.")})
_complete(vars(_ucheckpoint), {k: v for k, v in _api_docs2.OTHER.items() if k.startswith("checkpoint.")})
_complete(vars(_ode), {k: v for k, v in _api_docs2.OTHER.items() if k.startswith("ode.")})
_complete(vars(_optimize), {k: v for k, v in _api_docs2.OTHER.items() if k.startswith("optimize.")})
_complete(vars(optimizers), {k: v for k, v in _api_docs2.OTHER.items() if k.startswith("optimizers.")})
from .core import _api_docs3  # noqa: E402
from .autograd import forward_ad as _forward_ad  # noqa: E402
from .numpy import linalg as _np_linalg  # noqa: E402
from .scipy import linalg as _sp_linalg  # noqa: E402

_complete(vars(func), _api_docs3.FUNC)
_complete(vars(autograd), _api_docs3.AUTOGRAD)
_complete(vars(_forward_ad), _api_docs3.FORWARD_AD)
_complete(vars(_np_linalg), _api_docs3.LINALG)
_complete(vars(nn), {k: v for k, v in _api_docs3.NN.items() if k.startswith("nn.")})
_complete(vars(nn.init), {k: v for k, v in _api_docs3.NN.items() if k.startswith("init.")})
_complete(vars(_sp_linalg), _api_docs3.SCIPY_LINALG)
_complete(vars(_ucheckpoint), _api_docs3.OTHER)
_complete(globals(), _api_docs3.TOP)
_complete(vars(lax), _api_docs3.LAX)
_complete(vars(numpy), _api_docs3.NUMPY2)
