"""jax.nn.initializers: functions ``init(key, shape, dtype=None) -> array`` keyed
by ``functorch_lite.random`` keys, with JAX's algorithms, so for the same key,
shape and dtype they draw the values JAX draws (up to the last bits that
``fl.random``'s normal and the QR of ``orthogonal`` may differ in).

Differences from JAX: the default dtype is float64 (JAX's with x64 on); the
arrays are functorch_lite (NumPy) arrays; ``out_sharding`` is not accepted;
complex dtypes are not supported (functorch_lite has no complex arrays).
For the PyTorch-style in-place initialisers see ``functorch_lite.nn.init``.
"""
import math

import numpy as np

from .. import numpy as fnp
from .. import random as _random

__all__ = ["constant", "zeros", "ones", "normal", "uniform", "truncated_normal",
           "variance_scaling", "glorot_normal", "glorot_uniform", "xavier_normal",
           "xavier_uniform", "he_normal", "he_uniform", "kaiming_normal", "kaiming_uniform",
           "lecun_normal", "lecun_uniform", "orthogonal"]

# the standard deviation of a standard normal truncated to (-2, 2)
_TRUNC_STD = .87962566103423978


def _dtype(name, dtype):
    dt = np.dtype(np.float64 if dtype is None else dtype)
    if dt.kind != "f":
        raise TypeError(f"{name}: dtype must be a floating dtype, got {dt}")
    return dt


def _shape(name, shape):
    if isinstance(shape, (int, np.integer)):
        shape = (shape,)
    try:
        shape = tuple(int(d) for d in shape)
    except TypeError:
        raise TypeError(f"{name}: shape must be a tuple of ints, got {shape!r}") from None
    if any(d < 0 for d in shape):
        raise ValueError(f"{name}: shape must not have negative sizes, got {shape}")
    return shape


def _named(f, name, doc):
    f.__name__ = f.__qualname__ = name
    f.__doc__ = doc
    return f


def zeros(key, shape, dtype=None):
    """An array of zeros (``key`` is ignored)."""
    return fnp.zeros(_shape("zeros", shape), dtype=_dtype("zeros", dtype))


def ones(key, shape, dtype=None):
    """An array of ones (``key`` is ignored)."""
    return fnp.ones(_shape("ones", shape), dtype=_dtype("ones", dtype))


def constant(value, dtype=None):
    """An initializer filling with ``value``."""
    def init(key, shape, dtype=dtype):
        return fnp.full(_shape("constant", shape), value, dtype=_dtype("constant", dtype))
    return _named(init, "constant_init", constant.__doc__)


def normal(stddev=1e-2, dtype=None):
    """An initializer drawing normal(0, stddev**2)."""
    def init(key, shape, dtype=dtype):
        dt = _dtype("normal", dtype)
        return fnp.multiply(_random.normal(key, _shape("normal", shape), dt), dt.type(stddev))
    return _named(init, "normal_init", normal.__doc__)


def uniform(scale=1e-2, dtype=None):
    """An initializer drawing uniform on [0, scale)."""
    def init(key, shape, dtype=dtype):
        dt = _dtype("uniform", dtype)
        return fnp.multiply(_random.uniform(key, _shape("uniform", shape), dt), dt.type(scale))
    return _named(init, "uniform_init", uniform.__doc__)


def truncated_normal(stddev=1e-2, dtype=None, lower=-2.0, upper=2.0):
    """An initializer drawing a normal truncated to (lower, upper), times stddev."""
    def init(key, shape, dtype=dtype):
        dt = _dtype("truncated_normal", dtype)
        z = _random.truncated_normal(key, lower, upper, _shape("truncated_normal", shape), dt)
        return fnp.multiply(z, dt.type(stddev))
    return _named(init, "truncated_normal_init", truncated_normal.__doc__)


def _axes_size(shape, axis, name, arg):
    axes = (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    for a in axes:
        if not -len(shape) <= a < len(shape):
            raise ValueError(f"{name}: {arg} {a} is out of bounds for shape {shape}")
    return math.prod(shape[a] for a in axes)


def _fans(name, shape, in_axis, out_axis, batch_axis):
    if isinstance(in_axis, (int, np.integer)) and in_axis == -2 and len(shape) <= 1:
        raise ValueError(f"{name}: cannot compute fan-in and fan-out of a {len(shape)}-d "
                         f"shape {shape} with the default in_axis; give a shape of at least "
                         f"2 dimensions or in_axis explicitly")
    i = _axes_size(shape, in_axis, name, "in_axis")
    o = _axes_size(shape, out_axis, name, "out_axis")
    b = _axes_size(shape, batch_axis, name, "batch_axis")
    receptive = math.prod(shape) / i / o / b
    return i * receptive, o * receptive


_MODES = ("fan_in", "fan_out", "fan_avg", "fan_geo_avg")
_DISTS = ("truncated_normal", "normal", "uniform")


def variance_scaling(scale, mode, distribution, in_axis=-2, out_axis=-1, batch_axis=(),
                     dtype=None):
    """An initializer with variance ``scale / n``, n the fan-in, fan-out, their mean
    (``fan_avg``) or geometric mean (``fan_geo_avg``); ``distribution`` is
    ``"truncated_normal"`` (to +-2 standard deviations, rescaled), ``"normal"``
    or ``"uniform"`` (on +-sqrt(3 variance)), as jax.nn.initializers."""
    if mode not in _MODES:
        raise ValueError(f"variance_scaling: mode must be one of {_MODES}, got {mode!r}")
    if distribution not in _DISTS:
        raise ValueError(f"variance_scaling: distribution must be one of {_DISTS}, got "
                         f"{distribution!r}")

    def init(key, shape, dtype=dtype):
        dt = _dtype("variance_scaling", dtype)
        shape = _shape("variance_scaling", shape)
        fan_in, fan_out = _fans("variance_scaling", shape, in_axis, out_axis, batch_axis)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2,
             "fan_geo_avg": (fan_in * fan_out) ** 0.5}[mode]
        variance = np.array(scale / n, dt)
        if distribution == "truncated_normal":
            std = np.sqrt(variance) / np.array(_TRUNC_STD, dt)
            return fnp.multiply(_random.truncated_normal(key, -2, 2, shape, dt), std)
        if distribution == "normal":
            return fnp.multiply(_random.normal(key, shape, dt), np.sqrt(variance))
        return fnp.multiply(_random.uniform(key, shape, dt, -1),
                            np.sqrt(np.array(3, dt) * variance))
    return _named(init, "variance_scaling_init", variance_scaling.__doc__)


def _preset(name, scale, mode, distribution, doc):
    def make(in_axis=-2, out_axis=-1, batch_axis=(), dtype=None):
        return variance_scaling(scale, mode, distribution, in_axis, out_axis, batch_axis,
                                dtype)
    return _named(make, name, doc)


glorot_normal = _preset("glorot_normal", 1.0, "fan_avg", "truncated_normal",
                        "Glorot/Xavier normal: variance_scaling(1, 'fan_avg', "
                        "'truncated_normal').")
glorot_uniform = _preset("glorot_uniform", 1.0, "fan_avg", "uniform",
                         "Glorot/Xavier uniform: variance_scaling(1, 'fan_avg', 'uniform').")
he_normal = _preset("he_normal", 2.0, "fan_in", "truncated_normal",
                    "He/Kaiming normal: variance_scaling(2, 'fan_in', 'truncated_normal').")
he_uniform = _preset("he_uniform", 2.0, "fan_in", "uniform",
                     "He/Kaiming uniform: variance_scaling(2, 'fan_in', 'uniform').")
lecun_normal = _preset("lecun_normal", 1.0, "fan_in", "truncated_normal",
                       "LeCun normal: variance_scaling(1, 'fan_in', 'truncated_normal').")
lecun_uniform = _preset("lecun_uniform", 1.0, "fan_in", "uniform",
                        "LeCun uniform: variance_scaling(1, 'fan_in', 'uniform').")
xavier_normal, xavier_uniform = glorot_normal, glorot_uniform
kaiming_normal, kaiming_uniform = he_normal, he_uniform


def orthogonal(scale=1.0, column_axis=-1, dtype=None):
    """An initializer of (semi-)orthogonal matrices: a normal matrix's QR factor
    with the signs of R's diagonal folded in (Mezzadri's method, as JAX), the
    ``column_axis`` holding the orthonormal columns (or rows, if fewer)."""
    def init(key, shape, dtype=dtype):
        dt = _dtype("orthogonal", dtype)
        shape = _shape("orthogonal", shape)
        if len(shape) < 2:
            raise ValueError(f"orthogonal: shape must have at least 2 dimensions, got "
                             f"{shape}")
        if not -len(shape) <= column_axis < len(shape):
            raise ValueError(f"orthogonal: column_axis {column_axis} is out of bounds for "
                             f"shape {shape}")
        if 0 in shape:
            return fnp.zeros(shape, dtype=dt)
        n_cols = shape[column_axis]
        n_rows = math.prod(shape) // n_cols
        z = _random.normal(key, (max(n_rows, n_cols), min(n_rows, n_cols)), dt)
        q, r = fnp.linalg.qr(z)
        q = fnp.multiply(q, fnp.sign(fnp.diagonal(r))[None, :])
        if n_rows < n_cols:
            q = fnp.transpose(q)
        rest = tuple(d for i, d in enumerate(shape) if i != column_axis % len(shape))
        q = fnp.moveaxis(fnp.reshape(q, rest + (n_cols,)), -1, column_axis)
        return fnp.multiply(q, dt.type(scale))
    return _named(init, "orthogonal_init", orthogonal.__doc__)


from ..core.mirror_docs import document as _document  # noqa: E402
from ._init_docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (nn/_init_docs.py)
