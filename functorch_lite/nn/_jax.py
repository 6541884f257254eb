"""jax.nn's functions with JAX's signatures, taking arrays or Tensors.

``functorch_lite.nn.relu(x)`` is ``jax.nn.relu(x)``: on arrays (or tracers,
under ``fl.grad``/``vmap``/``jit``) it returns arrays; on facade Tensors it
returns a Tensor whose ``grad_fn`` is one node named as PyTorch names the op
(``GeluBackward0``, ...), recorded through ``facade/_bridge.bridge`` so that
``backward()`` differentiates the very composition ``fl.grad`` does.  The
functions themselves are written once, in ``functorch_lite/numpy/_nn.py``.
"""
from ..numpy import _nn as N
from ..facade._bridge import bridge
from ..facade._tensor import Tensor, _wrap

__all__ = list(N.__all__)


def _call(fn, name, x, arrays=None, **static):
    """fn(x, **arrays, **static), through the bridge when any of x / arrays is
    a Tensor (those become the node's inputs; the rest are constants)."""
    arrays = {k: v for k, v in (arrays or {}).items() if v is not None}
    keys = [k for k, v in arrays.items() if isinstance(v, Tensor)]
    if not isinstance(x, Tensor) and not keys:
        return fn(x, **arrays, **static)
    x_is_t = isinstance(x, Tensor)

    def g(*ts):
        it = iter(ts)
        xx = next(it) if x_is_t else x
        kw = dict(arrays)
        kw.update(zip(keys, it))
        return fn(xx, **kw, **static)
    return bridge(g, name, *([x] if x_is_t else []), *[arrays[k] for k in keys])


def _doc(f, base):
    f.__doc__ = (base.__doc__ or "") + (
        "\n\n    Takes arrays (returns arrays) or Tensors (returns a Tensor with autograd).")
    f.__name__ = f.__qualname__ = base.__name__
    return f


def _unary(base, node):
    def f(x):
        return _call(base, node, x)
    return _doc(f, base)


relu = _unary(N.relu, "ReluBackward0")
relu6 = _unary(N.relu6, "HardtanhBackward0")
hard_tanh = _unary(N.hard_tanh, "HardtanhBackward0")
hard_sigmoid = _unary(N.hard_sigmoid, "HardsigmoidBackward0")
hard_swish = _unary(N.hard_swish, "HardswishBackward0")
hard_silu = hard_swish
sigmoid = _unary(N.sigmoid, "SigmoidBackward0")
softplus = _unary(N.softplus, "SoftplusBackward0")
log_sigmoid = _unary(N.log_sigmoid, "LogSigmoidBackward0")
soft_sign = _unary(N.soft_sign, "SoftsignBackward0")
silu = _unary(N.silu, "SiluBackward0")
swish = silu
mish = _unary(N.mish, "MishBackward0")
selu = _unary(N.selu, "EluBackward0")


def identity(x):
    """x itself (as jax.nn.identity); a Tensor is returned as it is."""
    return x if isinstance(x, Tensor) else N.identity(x)


def leaky_relu(x, negative_slope=0.01):
    return _call(N.leaky_relu, "LeakyReluBackward0", x, negative_slope=negative_slope)


def elu(x, alpha=1.0):
    return _call(N.elu, "EluBackward0", x, alpha=alpha)


def celu(x, alpha=1.0):
    return _call(N.celu, "CeluBackward0", x, alpha=alpha)


def gelu(x, approximate=True):
    return _call(N.gelu, "GeluBackward0", x, approximate=approximate)


def softmax(x, axis=-1, where=None):
    return _call(N.softmax, "SoftmaxBackward0", x, {"where": where}, axis=axis)


def log_softmax(x, axis=-1, where=None):
    return _call(N.log_softmax, "LogSoftmaxBackward0", x, {"where": where}, axis=axis)


def logsumexp(a, axis=None, b=None, keepdims=False, return_sign=False, where=None):
    if not return_sign:
        return _call(N.logsumexp, "LogsumexpBackward0", a, {"b": b, "where": where},
                     axis=axis, keepdims=keepdims)
    if not any(isinstance(v, Tensor) for v in (a, b, where)):
        return N.logsumexp(a, axis, b, keepdims, True, where)

    def value(*args, **kw):
        return N.logsumexp(*args, **kw, return_sign=True)[0]
    out = _call(value, "LogsumexpBackward0", a, {"b": b, "where": where}, axis=axis,
                keepdims=keepdims)
    v = [t.detach()._v if isinstance(t, Tensor) else t for t in (a, b, where)]
    sign = N.logsumexp(v[0], axis, v[1], keepdims, True, v[2])[1]
    return out, _wrap(sign)


def standardize(x, axis=-1, mean=None, variance=None, epsilon=1e-5, where=None, *,
                algorithm="fast"):
    return _call(N.standardize, "StandardizeBackward0", x,
                 {"mean": mean, "variance": variance, "where": where}, axis=axis,
                 epsilon=epsilon, algorithm=algorithm)


def normalize(x, axis=-1, mean=None, variance=None, epsilon=1e-5, where=None):
    return standardize(x, axis, mean, variance, epsilon, where)


def glu(x, axis=-1):
    return _call(N.glu, "GluBackward0", x, axis=axis)


def one_hot(x, num_classes, *, dtype=None, axis=-1):
    if isinstance(x, Tensor):
        return _wrap(N.one_hot(x.detach()._v, num_classes, dtype=dtype, axis=axis))
    return N.one_hot(x, num_classes, dtype=dtype, axis=axis)


for _f, _b in [(leaky_relu, N.leaky_relu), (elu, N.elu), (celu, N.celu), (gelu, N.gelu),
               (softmax, N.softmax), (log_softmax, N.log_softmax),
               (logsumexp, N.logsumexp), (standardize, N.standardize),
               (normalize, N.normalize), (glu, N.glu), (one_hot, N.one_hot)]:
    _doc(_f, _b)
del _f, _b


def tanh(x):
    """tanh(x) (as jax.nn.tanh); arrays or Tensors."""
    if isinstance(x, Tensor):
        return x.tanh()
    from ..numpy._elementwise import tanh as _tanh
    return _tanh(x)
