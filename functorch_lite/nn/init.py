"""torch.nn.init: in-place initialisers (run under no_grad, like torch's)."""
import math

import numpy as np

from ..facade._engine import no_grad
from ..facade._tensor import _on_dev, _xp


def _fans(t):
    shape = t.shape
    if len(shape) < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer "
                         "than 2 dimensions")
    rf = 1
    for d in shape[2:]:
        rf *= d
    return shape[1] * rf, shape[0] * rf


def calculate_gain(nonlinearity, param=None):
    if nonlinearity in ("linear", "sigmoid", "conv1d", "conv2d", "conv3d"):
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def uniform_(t, a=0.0, b=1.0):
    with no_grad():
        return t.uniform_(a, b)


def normal_(t, mean=0.0, std=1.0):
    with no_grad():
        return t.normal_(mean, std)


def constant_(t, val):
    with no_grad():
        return t.fill_(val)


def zeros_(t):
    return constant_(t, 0.0)


def ones_(t):
    return constant_(t, 1.0)


def eye_(t):
    with no_grad():
        v = t._v
        xp = _xp(v) if _on_dev(v) else np      # made where the tensor lives
        v[...] = xp.eye(*t.shape, dtype=v.dtype)
    return t


def xavier_uniform_(t, gain=1.0):
    fi, fo = _fans(t)
    a = gain * math.sqrt(6.0 / (fi + fo))
    return uniform_(t, -a, a)


def xavier_normal_(t, gain=1.0):
    fi, fo = _fans(t)
    return normal_(t, 0.0, gain * math.sqrt(2.0 / (fi + fo)))


def kaiming_uniform_(t, a=0, mode="fan_in", nonlinearity="leaky_relu"):
    fi, fo = _fans(t)
    fan = fi if mode == "fan_in" else fo
    bound = math.sqrt(3.0) * calculate_gain(nonlinearity, a) / math.sqrt(fan)
    return uniform_(t, -bound, bound)


def kaiming_normal_(t, a=0, mode="fan_in", nonlinearity="leaky_relu"):
    fi, fo = _fans(t)
    fan = fi if mode == "fan_in" else fo
    return normal_(t, 0.0, calculate_gain(nonlinearity, a) / math.sqrt(fan))


def trunc_normal_(t, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None):
    """Normal(mean, std) truncated to [a, b], by PyTorch 2.13's rejection
    sampling (redraw the normals outside [a, b] when the interval holds more
    than 30% of the mass; else uniform candidates accepted by the density),
    so after manual_seed the values are PyTorch's."""
    def cdf(x):
        return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0
    from ..facade._random import normal as _normal, uniform as _uniform
    v = t._v
    if _on_dev(v):
        raise NotImplementedError("trunc_normal_ of a cuda tensor: initialise on the "
                                  "CPU, then move the module")
    shape, dt = tuple(v.shape), v.dtype
    with no_grad():
        if cdf((b - mean) / std) - cdf((a - mean) / std) > 0.3:
            lo, hi = dt.type(a), dt.type(b)
            res = _normal(shape, dt, mean, std, generator)
            while True:
                bad = (res < lo) | (res > hi)
                if not bad.any():
                    break
                res = np.where(bad, _normal(shape, dt, mean, std, generator), res)
        else:
            mode = max(a, min(mean, b))
            log_peak = -0.5 * ((mode - mean) / std) ** 2

            def log_pdf(c):
                return ((c - dt.type(mean)) / dt.type(std)) ** 2 * dt.type(-0.5) - \
                    dt.type(log_peak)
            res = _uniform(shape, dt, a, b, generator)
            pending = np.log(_uniform(shape, dt, 0.0, 1.0, generator)) > log_pdf(res)
            while pending.any():
                cand = _uniform(shape, dt, a, b, generator)
                res = np.where(pending, cand, res)
                acc = np.log(_uniform(shape, dt, 0.0, 1.0, generator)) > log_pdf(cand)
                pending = np.where(pending, acc, pending)
        v[...] = res
        t._st[0] += 1
    return t


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402

_mirror(globals(), "torch.nn.init", (
    "calculate_gain", "constant_", "eye_", "kaiming_normal_", "kaiming_uniform_", "normal_", "ones_",
    "uniform_", "xavier_normal_", "xavier_uniform_", "zeros_"
), lacks={
    "kaiming_normal_": ('generator',),
    "kaiming_uniform_": ('generator',),
    "normal_": ('generator',),
    "uniform_": ('generator',),
    "xavier_normal_": ('generator',),
    "xavier_uniform_": ('generator',),
})
