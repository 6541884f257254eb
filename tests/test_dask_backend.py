"""The backend-parameterised suite on the Dask array backend (backends/dask.py).

tests/test_device_backend.py's backend-neutral tests run here again with the
``device`` fixture bound to Dask (2 chunks per axis, the synchronous scheduler):
every primitive row forward/vjp/jvp/jit/vmap, the transforms, control flow,
custom rules and the NumPy surface, with no compute inside ``strict()``.
Below them, what is particular to Dask: dtypes by keyword, float32 kept through
a cross-entropy gradient, lazy scatter-add and batched linalg, one graph per
jit, exactly one compute per cond / while iteration / boolean mask.
"""
import numpy as np
import pytest

pytest.importorskip("dask.array")

import functorch_lite as fl  # noqa: E402
import functorch_lite.numpy as fnp  # noqa: E402
from functorch_lite import lax  # noqa: E402

from _dask import DaskDev, dask_device, two_chunks  # noqa: E402,F401
from _device import assert_close  # noqa: E402
from test_device_backend import (  # noqa: E402,F401  (collected again, on Dask)
    test_primitive_forward_and_derivatives, test_transforms_on_the_device,
    test_control_flow_on_the_device, test_custom_rules_on_the_device,
    test_mixing_backends_is_an_error_naming_the_inputs, test_numpy_surface_on_the_device,
    test_reading_a_device_value_back_is_checked_by_the_guard,
    test_cond_and_while_read_their_predicate_back, test_host_index_arrays_are_a_checked_transfer)


@pytest.fixture
def device(dask_device):
    return dask_device


# ----------------------------------------------------- what is Dask's own

def _np(x):
    return fl.device_put(x, "cpu")


def test_creation_takes_numpys_positional_dtype(dask_device):
    """Dask reads zeros(shape, float32) as chunks=float32; the namespace does not."""
    ns = dask_device.ns
    for make in (ns.zeros, ns.ones, ns.empty):
        assert make((3, 2), np.float32).dtype == np.float32
    assert ns.full((2,), 1.5, dtype=np.float32).dtype == np.float32
    x = dask_device.put(np.ones(4, np.float32))
    assert fnp.zeros_like(x).dtype == np.float32 and dask_device.is_dev(fnp.zeros_like(x))


def _xent(params, x, labels):
    w, b = params
    logp = fl.nn.log_softmax(x @ w + b, axis=1)
    return -fnp.mean(fnp.sum(fl.nn.one_hot(labels, 3, dtype=logp.dtype) * logp, axis=1))


def test_float32_cross_entropy_gradient_stays_float32(dask_device):
    r = np.random.default_rng(0)
    ph = (r.standard_normal((4, 3)).astype(np.float32), np.zeros(3, np.float32))
    xh, lh = r.standard_normal((6, 4)).astype(np.float32), np.array([0, 2, 1, 1, 0, 2])
    pd = fl.tree_util.tree_map(dask_device.put, ph)
    xd, ld = dask_device.put(xh), dask_device.put(lh)
    want = fl.grad(_xent)(ph, xh, lh)
    jg = fl.jit(fl.grad(_xent))
    jg(pd, xd, ld)        # compiling places one_hot's iota on Dask once (a checked copy)
    with dask_device.strict():
        got = jg(pd, xd, ld)
        eager = fl.grad(_xent)(pd, xd, ld)
    for g, e, w in zip(got, eager, want):
        assert g.dtype == np.float32 and e.dtype == np.float32
        np.testing.assert_allclose(_np(g), w, rtol=2e-6, atol=1e-7)
        np.testing.assert_allclose(_np(e), w, rtol=2e-6, atol=1e-7)


def test_scatter_add_is_lazy_and_keeps_the_chunks(dask_device):
    from functorch_lite.primitives.indexing import scatter_add
    xh, uh = np.arange(15.0).reshape(5, 3), np.ones((4, 3))
    idx = np.array([0, 4, 2, -1])                      # -1 is row 4 again: summed
    x = fl.device_put(xh, "dask", chunks=(2, 2))
    i, u = dask_device.put(idx), dask_device.put(uh)
    with dask_device.strict():
        out = scatter_add(x, i, u)
    assert out.chunks == x.chunks
    want = xh.copy()
    np.add.at(want, idx, uh)
    np.testing.assert_array_equal(_np(out), want)
    np.testing.assert_array_equal(_np(x), xh)          # the operand is untouched


def test_batched_linalg_runs_per_batch_chunk(dask_device):
    r = np.random.default_rng(1)
    a = r.standard_normal((4, 3, 3))
    spd = a @ a.transpose(0, 2, 1) + 3 * np.eye(3)
    x = fl.device_put(spd, "dask", chunks=(2, 2, 3))   # two batch chunks; matrices split too
    with dask_device.strict():
        w, v = fnp.linalg.eigh(x)
        s, ld = fnp.linalg.slogdet(x)
        c = fnp.linalg.cholesky(x)
    assert w.numblocks[0] == 2                         # parallel over the batch
    np.testing.assert_allclose(_np(w), np.linalg.eigh(spd)[0], rtol=1e-12)
    np.testing.assert_allclose(_np(ld), np.linalg.slogdet(spd)[1], rtol=1e-12)
    np.testing.assert_allclose(_np(c), np.linalg.cholesky(spd), rtol=1e-12)


def test_reshape_that_splits_unevenly_falls_back_to_one_chunk(dask_device):
    xh = np.arange(24.0).reshape(6, 4)
    x = fl.device_put(xh, "dask", chunks=(4, 3))
    with dask_device.strict():
        y = fnp.reshape(x, (4, 6))
    np.testing.assert_array_equal(_np(y), xh.reshape(4, 6))


def _mlp_loss(p, x, y):
    h = fnp.tanh(x @ p[0] + p[1])
    return fnp.mean((h @ p[2] - y) ** 2)


def test_a_jitted_training_step_is_one_graph_computed_once(dask_device):
    r = np.random.default_rng(2)
    ph = [r.standard_normal((8, 16)).astype(np.float32) / 3, np.zeros(16, np.float32),
          r.standard_normal((16, 2)).astype(np.float32) / 4]
    xh, yh = r.standard_normal((40, 8)).astype(np.float32), r.standard_normal((40, 2)).astype(
        np.float32)

    def step(p, x, y):
        v, g = fl.value_and_grad(_mlp_loss)(p, x, y)
        return v, [a - np.float32(0.1) * b for a, b in zip(p, g)]
    want = step(ph, xh, yh)
    p = [fl.device_put(a, "dask") for a in ph]
    x = fl.device_put(xh, "dask", chunks=(10, 8))
    y = fl.device_put(yh, "dask", chunks=(10, 2))
    with dask_device.strict():
        v, new = fl.jit(step)(p, x, y)                 # builds the graph, runs nothing
    import dask
    n = dask_device.counter.n
    v_, *new_ = dask.compute(v, *new)
    assert dask_device.counter.n == n + 1
    np.testing.assert_allclose(v_, want[0], rtol=1e-5)
    for a, b in zip(new_, want[1]):
        assert a.dtype == np.float32
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_cond_while_and_masks_compute_only_what_they_need(dask_device):
    """cond reads its predicate (one compute per call), while_loop one per
    iteration, a boolean mask and nonzero one each; nothing else computes."""
    xh = np.array([0.5, -2.0, 1.5, 3.0])
    x = dask_device.put(xh)
    c = dask_device.counter

    def counted(f, *a):
        n = c.n
        out = f(*a)
        return out, c.n - n
    out, k = counted(lambda v: lax.cond(fnp.sum(v) > 0, lambda u: u * 2.0, lambda u: -u, v), x)
    assert k == 1 and dask_device.is_dev(out)
    np.testing.assert_array_equal(_np(out), xh * 2)
    out, k = counted(lambda v: lax.while_loop(lambda u: fnp.sum(u) < 50.0,
                                              lambda u: u * 2.0, v), x)
    assert k == 6     # predicates on sums 3, 6, 12, 24, 48 (true), 96 (false): 5 bodies
    np.testing.assert_array_equal(_np(out), xh * 32)
    masked = fl.grad(lambda v: fnp.sum(v[v > 0] ** 2))       # the mask through fl's indexing
    out, k = counted(masked, x)
    assert k == 1
    np.testing.assert_array_equal(_np(out), np.where(xh > 0, 2 * xh, 0))
    out, k = counted(fnp.nonzero, x > 1)
    assert k == 1
    np.testing.assert_array_equal(_np(out[0]), np.nonzero(xh > 1)[0])
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match="transfer_guard.*depends on the data"):
            masked(x)


def test_default_backend_dask_places_new_constants(dask_device):
    fl.set_default_backend("dask")
    try:
        assert dask_device.is_dev(fnp.zeros(3)) and dask_device.is_dev(fnp.arange(4))
        assert dask_device.is_dev(fl.grad(lambda x: fnp.sum(x * fnp.ones(3)))(fnp.zeros(3)))
    finally:
        fl.set_default_backend("numpy")
    assert isinstance(fnp.zeros(3), np.ndarray)


def test_device_put_chunks(dask_device):
    x = fl.device_put(np.zeros((6, 4)), "dask", chunks=(3, 2))
    assert x.chunks == ((3, 3), (2, 2))
    assert fl.device_put(x, "dask", chunks=(2, 4)).chunks == ((2, 2, 2), (4,))
    with pytest.raises(ValueError, match="chunks= is for device 'dask'"):
        fl.device_put(np.zeros(3), "cpu", chunks=2)
    assert fl.backends.backend_of(x) is fl.backends.get_backend("dask")
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match="transfer_guard"):
            fl.device_put(x, "cpu")


def test_the_facades_in_place_idioms_update_dask_tensors(dask_device):
    """w -= lr * w.grad, add_, an optimizer step: the tensor's own Dask array
    is updated (no rebinding of a name), backward runs, persist keeps graphs small."""
    from functorch_lite.backends import dask as D
    wh = np.arange(6.0).reshape(2, 3)
    w = fl.tensor(dask_device.put(wh), requires_grad=True)
    assert w.device.type == "dask" and not w.is_cuda
    alias = w._v
    for _ in range(3):
        loss = (w * w).sum()
        loss.backward()
        with fl.no_grad():
            w -= 0.1 * w.grad
        w.grad = None
        D.persist(w)
        assert w._v is alias and len(w._v.dask) == w._v.npartitions   # data only
    np.testing.assert_allclose(_np(w._v), wh * 0.8 ** 3, rtol=1e-14)
    with fl.no_grad():
        w.add_(1.0)
    np.testing.assert_allclose(_np(w._v), wh * 0.8 ** 3 + 1, rtol=1e-14)
    p = fl.nn.Parameter(fl.tensor(dask_device.put(wh)))
    opt = fl.optim.SGD([p], lr=0.5, momentum=0.9)
    (p * p).sum().backward()
    with pytest.raises(TypeError, match="SGD.step: a parameter on dask holds an immutable"):
        opt.step()                       # a clear refusal, not a silently unchanged p
