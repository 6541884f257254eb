"""A third backend plugs in by registering a ``Backend`` instance, nothing else.

The backend here is made up for the test: its arrays are ``TaggedArray``, a
NumPy subclass, and its namespace wraps numpy and re-tags every array result.
If any part of the library assumed "numpy or cupy", a value would come back
untagged, or the mixed-backend check would fire on a constant the library
built on the host."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core import backend as core_backend
from functorch_lite.core import trace as core_trace


class TaggedArray(np.ndarray):
    """Host memory, but a backend of its own."""


def _tag(r):
    if isinstance(r, np.ndarray) and type(r) is not TaggedArray:
        return r.view(TaggedArray)
    if isinstance(r, (list, tuple)):
        return type(r)(_tag(v) for v in r)
    return r


class TaggedNamespace:
    """numpy's names; every array result comes back tagged, and calls count."""

    __name__ = "tagged"

    def __init__(self):
        self.ndarray = TaggedArray
        self.calls = 0

    def __getattr__(self, name):
        f = getattr(np, name)
        if not callable(f) or isinstance(f, type):
            return f

        def call(*args, **kwargs):
            self.calls += 1
            return _tag(f(*args, **kwargs))
        call.__name__ = name
        return call


class TaggedBackend(core_backend.Backend):
    name = "tagged"
    device = "tagged"
    array_types = (TaggedArray,)
    is_host = True               # host memory: reading back is no transfer

    def __init__(self):
        self.namespace = TaggedNamespace()

    def to_host(self, x):
        return np.asarray(x)

    def from_host(self, a):
        return np.asarray(a).view(TaggedArray)


@pytest.fixture
def tagged():
    b = fl.backends.register_backend(TaggedBackend())
    try:
        yield b
    finally:
        fl.backends.unregister_backend(b)
    assert not core_trace._extra_array_types


def f(x, w):
    h = fnp.tanh(x @ w)
    return fnp.sum(h * h) + fnp.mean(fnp.exp(-x))


def _inputs():
    rng = np.random.default_rng(0)
    return rng.standard_normal((4, 3)), rng.standard_normal((3, 2))


def _assert_tagged_close(got, want):
    assert type(got) is TaggedArray, type(got).__name__
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-12, atol=1e-14)


def test_registry_finds_the_backend(tagged):
    x = tagged.from_host(np.ones(2))
    assert fl.backends.backend_of(x) is tagged
    assert fl.backends.backend_of(tagged.namespace) is tagged
    assert fl.backends.get("tagged") is tagged.namespace
    assert "tagged" in fl.backends.available()
    assert fl.device_put(np.ones(2), "tagged").__class__ is TaggedArray
    back = fl.device_put(x, "cpu")
    assert type(back) is np.ndarray


def test_eager_kernels_run_on_its_namespace(tagged):
    x = tagged.from_host(np.linspace(-1, 1, 5))
    before = tagged.namespace.calls
    y = fnp.sin(x) * 2.0 + fnp.ones_like(x)
    _assert_tagged_close(y, np.sin(np.linspace(-1, 1, 5)) * 2.0 + 1.0)
    assert tagged.namespace.calls > before


def test_grad(tagged):
    x, w = _inputs()
    want = fl.grad(f, argnums=(0, 1))(x, w)
    got = fl.grad(f, argnums=(0, 1))(tagged.from_host(x), tagged.from_host(w))
    for g, r in zip(got, want):
        _assert_tagged_close(g, r)


def test_vmap(tagged):
    x, w = _inputs()
    per_row = lambda r, w: fnp.sum(fnp.tanh(r @ w) ** 2)  # noqa: E731
    want = fl.vmap(per_row, in_axes=(0, None))(x, w)
    got = fl.vmap(per_row, in_axes=(0, None))(tagged.from_host(x), tagged.from_host(w))
    _assert_tagged_close(got, want)


def test_jit_and_jit_of_grad(tagged):
    x, w = _inputs()
    tx, tw = tagged.from_host(x), tagged.from_host(w)
    jf = fl.jit(f)
    _assert_tagged_close(jf(tx, tw), f(x, w))
    before = tagged.namespace.calls
    _assert_tagged_close(jf(tx, tw), f(x, w))      # the plan's kernels are the namespace's
    assert tagged.namespace.calls > before and jf.trace_count == 1
    g = fl.jit(fl.grad(f, argnums=(0, 1)))
    want = fl.grad(f, argnums=(0, 1))(x, w)
    for _ in range(2):                    # traced once, then the cached plan
        for a, r in zip(g(tx, tw), want):
            _assert_tagged_close(a, r)


def test_mixing_with_numpy_is_the_usual_error(tagged):
    x = tagged.from_host(np.ones(3))
    with pytest.raises(ValueError, match=r"different backends.*on cpu \(numpy\).*on tagged"):
        fnp.add(np.ones(3), x)
