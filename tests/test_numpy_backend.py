"""Host constants (index arrays, masks, iotas, zeros) follow the input's
backend: with a stand-in second backend nothing mixes with NumPy arrays (the
core reports mixing as an error), in the value, its vjp, jvp and vmap."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core import trace as core_trace


class _Other(np.ndarray):
    """Stands in for a second backend's arrays (as cupy's would be)."""


class _OtherNS:
    """numpy, but every array result comes back as _Other."""
    __name__ = "otherbackend"

    @staticmethod
    def _wrap(r):
        if type(r) is np.ndarray:
            return r.view(_Other)
        if type(r) in (list, tuple):
            return type(r)(_OtherNS._wrap(v) for v in r)
        return r

    def __getattr__(self, name):
        v = getattr(np, name)
        if callable(v) and not isinstance(v, type):
            return lambda *a, **kw: self._wrap(v(*a, **kw))
        return v


@pytest.fixture
def other():
    core_trace.register_array_type(_Other, _OtherNS())
    yield lambda a: np.asarray(a).view(_Other)
    core_trace._extra_array_types.pop(_Other, None)


FUNS = [
    lambda x: x[[0, 2, 2]], lambda x: x[::-1, 1], lambda x: x[:, [3, 0]] * 2.0,
    lambda x: x[x > 0], lambda x: fnp.take(x, [5, 1]), lambda x: fnp.take(x, 1, axis=1),
    lambda x: fnp.take_along_axis(x, np.array([[0], [3], [1]]), 1),
    lambda x: fnp.at(x)[[0, 0], 1].set(5.0), lambda x: fnp.at(x)[1].add(x[0]),
    lambda x: fnp.at(x)[:, [1, 1]].multiply(3.0), lambda x: fnp.at(x)[0].max(x[1]),
    fnp.tril, lambda x: fnp.triu(x, 1), lambda x: fnp.diag(x[0]), lambda x: fnp.diag(x, 1),
    lambda x: fnp.pad(x, 1, mode="reflect"), lambda x: fnp.pad(x, ((0, 1), (2, 0))),
    lambda x: fnp.repeat(x, [1, 0, 2], axis=0), lambda x: fnp.repeat(x, 2),
    lambda x: fnp.cumprod(x, 1), lambda x: fnp.cumsum(x), lambda x: fnp.prod(x, 0),
    lambda x: fnp.flip(x), lambda x: fnp.roll(x, 1, 1), lambda x: fnp.tile(x, 2),
    lambda x: fnp.var(x, 0), lambda x: fnp.where(x > 0, fnp.sqrt(x), 0.0),
    lambda x: fnp.linspace(x[0], x[1], 4), lambda x: x * fnp.ones_like(x),
    lambda x: x + fnp.zeros_like(x), lambda x: fnp.full_like(x, 2.0) * x,
    lambda x: fnp.concatenate([x, x]), lambda x: fnp.split(x, 2, axis=1)[1],
    lambda x: x.argmax(axis=0) + 0 * x[0], lambda x: fnp.arctan2(x, 1.0 + x * x),
    lambda x: fnp.asarray(x) @ x.T,
]


@pytest.mark.parametrize("k", range(len(FUNS)))
def test_constants_follow_the_input_backend(other, k):
    f = FUNS[k]
    x = other(np.random.default_rng(k).uniform(0.2, 2.0, (3, 4)))
    out = f(x)
    assert type(out) is _Other
    np.testing.assert_allclose(np.asarray(out), f(np.asarray(x)))
    if out.dtype.kind != "f":
        return
    ct = out * 0 + 1
    results = [fl.vjp(f, x)[1](ct), fl.jvp(f, (x,), (x * 0 + 1,))[1]]
    if k != 3:  # a boolean mask needs concrete values (vmap batches them)
        results.append(fl.vmap(f)(other(np.stack([np.asarray(x), 2 * np.asarray(x)]))))
    for v in fl.tree_util.tree_leaves(results):
        assert type(v) is _Other, type(v)


def test_creation_follows_the_default_or_input_backend(other):
    x = other(np.ones((2, 2)))
    assert type(fnp.zeros_like(x)) is _Other and type(fnp.full_like(x, 3)) is _Other
    assert type(fnp.asarray(x)) is _Other
    assert type(fnp.zeros(3)) is np.ndarray          # default backend: numpy
    vals = fnp.nonzero(x > 0)
    assert all(type(v) is not np.ndarray or v.size == 4 for v in vals)
