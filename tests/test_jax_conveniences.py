"""JAX's conveniences: block_until_ready, eval_shape / ShapeDtypeStruct,
disable_jit, devices / default_backend, jit's static_argnames and donation,
grad's holomorphic= and allow_int=.  Expected values and messages are stored;
JAX checks them again where it is installed."""
import re
import threading
import warnings

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core.backend import Backend, register_backend, unregister_backend


# ------------------------------------------------------------ block_until_ready

class _DevArr(np.ndarray):
    """An array type owned by a fake device backend (counts synchronize calls)."""


class _FakeDevice(Backend):
    name, device, array_types, namespace = "fakedev", "fakedev", (_DevArr,), object()

    def __init__(self):
        self.syncs = 0

    def synchronize(self):
        self.syncs += 1


def test_block_until_ready_host_and_device():
    t = {"a": np.ones(2), "b": (3, None, "text")}
    assert fl.block_until_ready(t) is t          # NumPy: nothing to wait for
    x = fnp.ones(3)
    assert fl.block_until_ready(x) is x
    assert fl.block_until_ready(fl.tensor([1.0])) is not None   # facade Tensors too
    dev = register_backend(_FakeDevice())
    try:
        arrs = [np.ones(2).view(_DevArr), np.zeros(3).view(_DevArr), np.ones(1)]
        assert fl.block_until_ready(arrs) is arrs
        assert dev.syncs == 1                      # once per backend, not per array
    finally:
        unregister_backend(dev)


def test_block_until_ready_under_transforms():
    f = fl.jit(lambda x: fl.block_until_ready(x * 2))
    np.testing.assert_allclose(f(np.ones(2)), 2.0)
    np.testing.assert_allclose(fl.grad(lambda x: fl.block_until_ready(x ** 2))(3.0), 6.0)


# --------------------------------------------------- eval_shape, ShapeDtypeStruct

def test_shape_dtype_struct():
    s = fl.ShapeDtypeStruct((2, 3), np.float32)
    assert repr(s) == "ShapeDtypeStruct(shape=(2, 3), dtype=float32)"
    assert s.shape == (2, 3) and s.dtype == np.float32 and s.ndim == 2 and s.size == 6
    assert s == fl.ShapeDtypeStruct([2, 3], "float32") and hash(s) == hash(
        fl.ShapeDtypeStruct((2, 3), np.dtype("float32")))
    assert s != fl.ShapeDtypeStruct((2, 3), np.float64)
    assert len(s) == 2 and not s.weak_type
    assert "weak_type=True" in repr(fl.ShapeDtypeStruct((), float, weak_type=True))
    with pytest.raises(TypeError, match="ShapeDtypeStruct: shape"):
        fl.ShapeDtypeStruct(3, np.float32)
    with pytest.raises(ValueError, match="ShapeDtypeStruct: shape"):
        fl.ShapeDtypeStruct((-1,), np.float32)
    with pytest.raises(TypeError, match="ShapeDtypeStruct: dtype"):
        fl.ShapeDtypeStruct((1,), None)


_BIG = (100000, 7)   # x @ x.T would be 40 GB of float32: eval_shape must not run it
_BIG_OUT = [((100000, 100000), "float32"), ((7,), "float32"), ((100000, 7), "int32")]


def _big_fn(x):
    return x @ x.T, x.sum(0), x.astype(np.int32)


def test_eval_shape_runs_no_kernel():
    out = fl.eval_shape(_big_fn, fl.ShapeDtypeStruct(_BIG, np.float32))
    assert [(o.shape, o.dtype.name) for o in out] == _BIG_OUT
    assert isinstance(out, tuple) and all(isinstance(o, fl.ShapeDtypeStruct) for o in out)


def test_eval_shape_pytrees_and_kinds_of_input():
    out = fl.eval_shape(lambda d, y, *, k: {"s": d["x"] @ y, "t": (fnp.sum(d["x"]) * k,)},
                        {"x": fl.ShapeDtypeStruct((2, 3), np.float32)},
                        np.ones((3, 4), np.float32), k=2.0)
    assert out == {"s": fl.ShapeDtypeStruct((2, 4), np.float32),
                   "t": (fl.ShapeDtypeStruct((), np.float32),)}
    assert fl.eval_shape(lambda x: x * 2, np.float32(3)) == fl.ShapeDtypeStruct((), np.float32)
    assert fl.eval_shape(lambda t: t * 2, fl.tensor([1.0, 2.0], dtype=fl.float32)) == \
        fl.ShapeDtypeStruct((2,), np.float32)
    # ShapeDtypeStruct is accepted by make_jaxpr too
    assert "f32[2]" in str(fl.make_jaxpr(lambda x: x + 1)(fl.ShapeDtypeStruct((2,), np.float32)))
    with pytest.raises(TypeError, match="eval_shape: fun must be callable"):
        fl.eval_shape(3, 1.0)
    with pytest.raises(TypeError, match="eval_shape: argument leaf of type object"):
        fl.eval_shape(lambda x: x, object())


def test_eval_shape_matches_jax():
    jax = pytest.importorskip("jax")
    out = jax.eval_shape(_big_fn, jax.ShapeDtypeStruct(_BIG, np.float32))
    assert [(o.shape, o.dtype.name) for o in out] == _BIG_OUT
    assert repr(jax.ShapeDtypeStruct((2, 3), np.float32)) == \
        repr(fl.ShapeDtypeStruct((2, 3), np.float32))


# ------------------------------------------------------------------ disable_jit

def test_disable_jit_runs_eagerly():
    seen = []

    @fl.jit
    def f(x):
        seen.append(type(x))
        return x * 2

    f(np.ones(2))
    f(np.ones(2))
    assert f.trace_count == 1 and len(seen) == 1           # traced once, then replayed
    with fl.disable_jit():
        np.testing.assert_allclose(f(np.ones(2)), 2.0)
        np.testing.assert_allclose(f(np.ones(2)), 2.0)
        assert seen[-2:] == [np.ndarray, np.ndarray]       # concrete values, every call
        with fl.disable_jit(False):                       # re-enabled inside
            f(np.ones(2))
            assert len(seen) == 3
    assert f.trace_count == 1
    assert not fl.transforms.jit.jit_disabled()
    old = fl.config.disable_jit
    fl.config.disable_jit = True
    try:
        f(np.ones(2))
        assert seen[-1] is np.ndarray and len(seen) == 4
    finally:
        fl.config.disable_jit = old
    with pytest.raises(TypeError, match="disable_jit: disable must be a bool"):
        with fl.disable_jit("yes"):
            pass


def test_disable_jit_is_per_thread():
    calls = []
    f = fl.jit(lambda x: calls.append(threading.current_thread().name) or x + 1)
    f(np.ones(1))
    inside, go = threading.Event(), threading.Event()

    def other():
        inside.wait()
        f(np.ones(1))            # cached plan: the Python body does not run here
        go.set()

    t = threading.Thread(target=other, name="other")
    t.start()
    with fl.disable_jit():
        inside.set()
        go.wait(10)
        f(np.ones(1))            # eager here: the body runs
    t.join()
    assert calls == ["MainThread", "MainThread"]


# ---------------------------------------------------------- devices / backend

def test_devices_and_default_backend():
    assert fl.default_backend() == "numpy"
    ds = fl.devices()
    assert len(ds) == 1 and ds[0].platform == "cpu" and ds[0].backend == "numpy"
    assert ds[0].id == 0 and str(ds[0]) == "cpu:0" and ds[0] == fl.devices("numpy")[0]
    assert fl.devices("cpu") == ds
    np.testing.assert_array_equal(fl.device_put(np.ones(2), ds[0]), np.ones(2))
    with pytest.raises(ValueError, match="devices: unknown backend 'tpu'"):
        fl.devices("tpu")
    with pytest.raises(TypeError, match="devices: backend"):
        fl.devices(3)


# ------------------------------------------------- jit: static_argnames, donation

def _f(x, n, *, m=1):
    return x * n * m


def test_static_argnames():
    j = fl.jit(_f, static_argnames=("n", "m"))
    np.testing.assert_allclose(j(np.ones(2), 3, m=2), [6.0, 6.0])
    np.testing.assert_allclose(j(np.ones(2), n=3), [3.0, 3.0])   # n by keyword: static too
    np.testing.assert_allclose(j(np.ones(2), 3, m=2), [6.0, 6.0])
    assert j.trace_count == 2
    assert j.static_argnums == (1,)            # inferred from the signature, as JAX
    j(np.ones(2), 4, m=2)
    assert j.trace_count == 3                  # a new static value retraces
    # static_argnums -> static_argnames inferred: passing it by keyword is static too
    k = fl.jit(_f, static_argnums=1)
    assert k.static_argnames == ("n",)
    np.testing.assert_allclose(k(np.ones(2), n=2), [2.0, 2.0])
    np.testing.assert_allclose(k(np.ones(2), 2), [2.0, 2.0])
    # static values steer Python control flow
    g = fl.jit(lambda x, mode="sum": fnp.sum(x) if mode == "sum" else fnp.max(x),
               static_argnames="mode")
    assert float(g(np.arange(3.0))) == 3.0 and float(g(np.arange(3.0), mode="max")) == 2.0
    with pytest.raises(TypeError, match=r"static argument 'n' \(static_argnames\) is of "
                                        r"unhashable type list"):
        j(np.ones(2), n=[3])
    with pytest.raises(ValueError, match=r"jit: static_argnames names \['q'\]"):
        fl.jit(_f, static_argnames="q")
    with pytest.raises(TypeError, match="jit: static_argnames must be a str"):
        fl.jit(_f, static_argnames=3)
    # with **kwargs any name goes
    h = fl.jit(lambda x, **kw: x * kw["s"], static_argnames="s")
    np.testing.assert_allclose(h(np.ones(1), s=3), [3.0])


def test_static_argnames_explain_retrace():
    j = fl.jit(_f, static_argnames=("n", "m"), explain=True)
    j(np.ones(2), 3, m=2)
    j(np.ones(2), 3, m=5)
    assert "static argument 'm' changed from 2 to 5" in j.retrace_log[-1]


def test_donation_is_an_accepted_hint():
    x = np.ones(3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        j = fl.jit(lambda x, y: x + y, donate_argnums=0)
        np.testing.assert_allclose(j(x, x), 2.0)
        k = fl.jit(lambda x, y: x + y, donate_argnames="y")
        np.testing.assert_allclose(k(x, y=x), 2.0)
    np.testing.assert_allclose(x, 1.0)     # still valid (JAX may have deleted it)
    assert j.donate_argnums == (0,) and j.donate_argnames == ("x",)
    assert k.donate_argnums == (1,) and k.donate_argnames == ("y",)
    with pytest.raises(TypeError, match="jit: donate_argnums must be an int"):
        fl.jit(lambda x: x, donate_argnums="x")


def test_static_argnames_match_jax():
    jax = pytest.importorskip("jax")
    j = jax.jit(_f, static_argnames=("n", "m"))
    np.testing.assert_allclose(j(np.ones(2), 3, m=2), [6.0, 6.0])
    np.testing.assert_allclose(jax.jit(_f, static_argnums=1)(np.ones(2), n=2), [2.0, 2.0])
    with pytest.raises(ValueError):
        jax.jit(_f, static_argnames="q")


# ------------------------------------------------ grad: holomorphic, allow_int

# JAX's messages (jax 0.10), stored
_MSG_COMPLEX_OUT = ("grad requires real-valued outputs (output dtype that is a sub-dtype of "
                    "np.floating), but got complex128. For holomorphic differentiation, pass "
                    "holomorphic=True.")
_MSG_HOLO_IN = "grad with holomorphic=True requires inputs with complex dtype, but got float64."
_MSG_HOLO_OUT = "grad with holomorphic=True requires outputs with complex dtype, but got float64."
_MSG_INT_IN = ("grad requires real- or complex-valued inputs (input dtype that is a sub-dtype "
               "of np.inexact), but got int64")


def test_holomorphic_grad():
    z = np.complex128(1 + 2j)
    assert fl.grad(lambda z: z ** 2, holomorphic=True)(z) == 2 * z     # (2+4j), as JAX
    d = fl.grad(lambda z: fnp.sin(z) * z, holomorphic=True)(z)
    np.testing.assert_allclose(d, np.cos(z) * z + np.sin(z), rtol=1e-14)
    zs = np.array([0.5 - 1j, 2 + 0.25j])
    g = fl.grad(lambda z: fnp.sum(fnp.exp(z) * z), holomorphic=True)(zs)
    np.testing.assert_allclose(g, np.exp(zs) * (1 + zs), rtol=1e-14)
    assert g.dtype == np.complex128
    assert fl.grad(lambda z: z * z, holomorphic=True)(np.complex64(1j)).dtype == np.complex64
    v, gv = fl.value_and_grad(lambda z: z ** 3, holomorphic=True)(z)
    assert v == z ** 3 and np.isclose(gv, 3 * z ** 2)
    np.testing.assert_allclose(fl.jit(fl.grad(lambda z: z ** 2, holomorphic=True))(z), 2 * z)


def test_holomorphic_errors_are_jaxs():
    z = np.complex128(1 + 2j)
    with pytest.raises(TypeError, match=_re(_MSG_COMPLEX_OUT)):
        fl.grad(lambda z: z ** 2)(z)
    with pytest.raises(TypeError, match=_re(_MSG_HOLO_IN)):
        fl.grad(lambda x: x ** 2, holomorphic=True)(1.0)
    with pytest.raises(TypeError, match=_re(_MSG_HOLO_OUT)):
        fl.grad(lambda z: fnp.sum(fnp.ones(2)), holomorphic=True)(np.complex128(1j))
    with pytest.raises(TypeError, match=_re(_MSG_INT_IN)):
        fl.grad(lambda x: x * 2.0)(np.int64(3))


def _re(msg):
    return re.escape(msg)


def test_allow_int():
    g = fl.grad(lambda x, i: x * i, argnums=(0, 1), allow_int=True)(2.0, 3)
    assert g[0] == 3.0
    assert g[1].dtype == fl.float0 and g[1].shape == ()
    out = fl.grad(lambda d: fnp.sum(d["x"] * 2.0), allow_int=True)(
        {"x": np.ones(2), "i": np.arange(3), "b": np.array([True, False])})
    np.testing.assert_allclose(out["x"], [2.0, 2.0])
    assert out["i"].dtype == fl.float0 and out["i"].shape == (3,)
    assert out["b"].dtype == fl.float0 and out["b"].shape == (2,)
    # integer inputs used in the computation: still float0, the floats still right
    v, g = fl.value_and_grad(lambda x, n: fnp.sum(x ** n), argnums=(0, 1),
                             allow_int=True)(np.array([1.0, 2.0]), np.int64(2))
    assert v == 5.0 and g[1].dtype == fl.float0
    np.testing.assert_allclose(g[0], [2.0, 4.0])
    with pytest.raises(TypeError, match="set allow_int to True"):
        fl.grad(lambda x: x * 2.0)(np.arange(3))


def test_grad_conveniences_match_jax():
    jax = pytest.importorskip("jax")
    import jax.numpy as jnp
    assert complex(jax.grad(lambda z: z ** 2, holomorphic=True)(1 + 2j)) == 2 + 4j
    assert jax.dtypes.float0 == fl.float0
    g = jax.grad(lambda x, i: x * i, argnums=(0, 1), allow_int=True)(2.0, 3)
    assert g[1].dtype == fl.float0
    with pytest.raises(TypeError, match=_re(_MSG_COMPLEX_OUT.replace("128", "64"))):
        jax.grad(lambda z: z ** 2)(jnp.complex64(1 + 2j))
    with pytest.raises(TypeError, match=_re(_MSG_HOLO_IN.replace("64", "32"))):
        jax.grad(lambda x: x ** 2, holomorphic=True)(np.float32(1.0))
    with pytest.raises(TypeError, match="set allow_int to True"):
        jax.grad(lambda x: x * 2.0)(3)
