"""The backend-parameterised suite: every primitive and transform on the device
backend (real CuPy where a GPU is present; the strict CPU stand-in everywhere).

Device results are compared with the NumPy backend's, which the rest of the
suite checks against NumPy and central differences.  Inside ``strict()`` no
host<->device copy or synchronisation may happen: the stand-in raises on one.
"""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import lax

from _device import assert_close, device  # noqa: F401  (fixture)
from _prim_table import ROWS


def _float_out(out):
    return all(np.asarray(o).dtype.kind == "f" for o in fl.tree_util.tree_leaves(out))


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_primitive_forward_and_derivatives(device, row):
    """Each row of the primitive table on the device: forward, vjp, jvp, jit,
    jit of vjp and vmap equal the host's, with no transfer inside."""
    if row.host_only:   # (row.host_only says why) a clear refusal, not a wrong answer
        with pytest.raises(NotImplementedError):
            row.f(*[device.put(a) for a in row.args()])
        return
    host = list(row.args())
    dev = [device.put(a) for a in host]
    want = row.f(*host)
    with device.strict():
        got = row.f(*dev)
    assert_close(device, got, want, rtol=1e-10, atol=1e-12)
    fi = row.grad_args(host)
    if not _float_out(want) or not fi:
        return

    def over(args):
        """row.f of the float operands, the others fixed to ``args``'s."""
        def g(*xs):
            full = list(args)
            for i, x in zip(fi, xs):
                full[i] = x
            return row.f(*full)
        return g
    g, gd = over(host), over(dev)
    xs_h = [host[i] for i in fi]
    xs_d = [dev[i] for i in fi]
    ct_h = fl.tree_util.tree_map(lambda o: np.cos(np.asarray(o)) + 0.5, want)
    ct_d = fl.tree_util.tree_map(device.put, ct_h)
    t_h = [np.sin(x) + 0.25 for x in xs_h]
    t_d = [device.put(t) for t in t_h]
    with device.strict():
        vjp_d = fl.vjp(gd, *xs_d)[1](ct_d)
        jvp_d = fl.jvp(gd, tuple(xs_d), tuple(t_d))[1]
        jit_d = fl.jit(gd)(*xs_d)
        jitvjp_d = fl.jit(lambda *xs: fl.vjp(gd, *xs)[1](ct_d))(*xs_d)
    vjp_h = fl.vjp(g, *xs_h)[1](ct_h)
    jvp_h = fl.jvp(g, tuple(xs_h), tuple(t_h))[1]
    assert_close(device, list(vjp_d), list(vjp_h), rtol=1e-9, atol=1e-12)
    assert_close(device, jvp_d, jvp_h, rtol=1e-9, atol=1e-12)
    assert_close(device, jit_d, want, rtol=1e-9, atol=1e-12)
    assert_close(device, list(jitvjp_d), list(vjp_h), rtol=1e-9, atol=1e-12)
    # batching: two lanes, every float operand batched
    lanes_h = [np.stack([x, 1.5 * x]) for x in xs_h]
    lanes_d = [device.put(v) for v in lanes_h]
    with device.strict():
        vm_d = fl.vmap(gd)(*lanes_d)
    vm_h = fl.vmap(g)(*lanes_h)
    assert_close(device, vm_d, vm_h, rtol=1e-9, atol=1e-12)


def _mlp(params, x):
    for w, b in params[:-1]:
        x = fnp.tanh(x @ w + b)
    w, b = params[-1]
    return x @ w + b


def _loss(params, x, y):
    return fnp.mean((_mlp(params, x) - y) ** 2)


def _params(rng, sizes, dtype):
    return [(rng.standard_normal((m, n)).astype(dtype) / np.sqrt(m),
             np.zeros(n, dtype)) for m, n in zip(sizes[:-1], sizes[1:])]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_transforms_on_the_device(device, dtype):
    rng = np.random.default_rng(0)
    ph = _params(rng, [5, 8, 3], dtype)
    xh = rng.standard_normal((4, 5)).astype(dtype)
    yh = rng.standard_normal((4, 3)).astype(dtype)
    pd, xd, yd = (fl.tree_util.tree_map(device.put, t) for t in (ph, xh, yh))
    rtol = 1e-5 if dtype == np.float32 else 1e-11
    cases = {
        "grad": lambda p, x, y: fl.grad(_loss)(p, x, y),
        "jit_grad": lambda p, x, y: fl.jit(fl.grad(_loss))(p, x, y),
        "value_and_grad": lambda p, x, y: fl.jit(fl.value_and_grad(_loss))(p, x, y),
        "per_example": lambda p, x, y: fl.jit(fl.vmap(fl.grad(_loss), (None, 0, 0)))(
            p, x[:, None], y[:, None]),
        "hvp": lambda p, x, y: fl.jvp(fl.grad(lambda q: _loss(q, x, y)), (p,), (p,))[1],
        "hessian_x": lambda p, x, y: fl.hessian(lambda z: _loss(p, z, y))(x),
        "jacfwd": lambda p, x, y: fl.jacfwd(lambda z: _mlp(p, z))(x),
        "jacrev": lambda p, x, y: fl.jit(fl.jacrev(lambda z: _mlp(p, z)))(x),
        "checkpoint": lambda p, x, y: fl.grad(lambda q: fnp.sum(fl.checkpoint(
            lambda r: _mlp(r, x))(q)))(p),
    }
    for name, case in cases.items():
        want = case(ph, xh, yh)
        with device.strict():
            got = case(pd, xd, yd)
        for g, w in zip(fl.tree_util.tree_leaves(got), fl.tree_util.tree_leaves(want)):
            assert device.is_dev(g), name
            assert_close(device, g, w, rtol=rtol, atol=rtol)


def test_control_flow_on_the_device(device):
    xh = np.linspace(0.1, 1.0, 6)
    xd = device.put(xh)

    def scan_f(x):
        def body(c, xi):
            c = c * 0.9 + fnp.sin(xi)
            return c, c * xi
        c, ys = lax.scan(body, x[0] * 0, x)
        return c + fnp.sum(ys)

    def cond_f(x):
        return lax.cond(fnp.sum(x) > 1.0, lambda v: fnp.sum(fnp.exp(v)),
                        lambda v: fnp.sum(v * v), x)

    def fori_f(x):
        return fnp.sum(lax.fori_loop(0, 4, lambda i, v: fnp.tanh(v) * 1.1, x))

    def while_f(x):
        return fnp.sum(lax.while_loop(lambda v: fnp.sum(v) < 20.0, lambda v: v * 1.5, x))

    for f in (scan_f, cond_f, fori_f, while_f):
        for g in (f, fl.grad(f), fl.jit(fl.grad(f)), fl.jit(f)):
            assert_close(device, g(xd), g(xh), rtol=1e-11)
    # scan and fori with static bounds run without a single sync
    with device.strict():
        fl.jit(fl.grad(scan_f))(xd)
        fl.grad(fori_f)(xd)


def test_custom_rules_on_the_device(device):
    @fl.custom_vjp
    def clip_grad(x):
        return x

    clip_grad.defvjp(lambda x: (x, None), lambda res, g: (fnp.clip(g, -0.5, 0.5),))

    @fl.custom_jvp
    def softplus(x):
        return fnp.log1p(fnp.exp(x))

    softplus.defjvp(lambda p, t: (softplus(p[0]), t[0] / (1 + fnp.exp(-p[0]))))

    def f(x):
        return fnp.sum(clip_grad(x) ** 2) + fnp.sum(softplus(x))

    xh = np.linspace(-2, 2, 5)
    xd = device.put(xh)
    with device.strict():
        got = fl.grad(f)(xd)
    assert_close(device, got, fl.grad(f)(xh))


def test_mixing_backends_is_an_error_naming_the_inputs(device):
    x = device.put(np.ones(3))
    with pytest.raises(ValueError, match=r"different backends.*input 0 f64\[3\] on .*"
                                         r"input 1 f64\[3\] on cpu.*device_put"):
        fnp.add(x, np.ones(3))
    with pytest.raises(ValueError, match="different backends"):
        fl.jit(lambda a, b: a * b)(x, np.ones(3))


def test_numpy_surface_on_the_device(device):
    rng = np.random.default_rng(3)
    ah, bh = rng.standard_normal((4, 3)), rng.standard_normal((3, 5))
    a, b = device.put(ah), device.put(bh)
    funs = [lambda a, b: fnp.einsum("ij,jk->ik", a, b), lambda a, b: fnp.concatenate([a.T, b], 1),
            lambda a, b: fnp.linalg.norm(a @ b), lambda a, b: fnp.cumsum(b, 1)[:, ::2],
            lambda a, b: fnp.where(a > 0, a, -a).max(0), lambda a, b: fnp.softmax(a @ b, 1),
            lambda a, b: fnp.linalg.inv(a.T @ a + 3.0), lambda a, b: fnp.outer(a[0], b[1]),
            lambda a, b: fnp.stack([a[0], b[:, 0]]), lambda a, b: a.reshape(-1)[[1, 5, 7]],
            lambda a, b: fnp.mean(a, 0) + fnp.var(b), lambda a, b: fnp.tril(a @ b[:, :4])]
    for k, f in enumerate(funs):
        with device.strict():
            got = f(a, b)
        assert_close(device, got, f(ah, bh), rtol=1e-10, atol=1e-12)


def test_default_backend_places_new_constants(device):
    fl.set_default_backend("cupy")
    try:
        assert device.is_dev(fnp.zeros(3)) and device.is_dev(fnp.arange(4))
        assert device.is_dev(fl.grad(lambda x: fnp.sum(x * fnp.ones(3)))(fnp.zeros(3)))
    finally:
        fl.set_default_backend("numpy")
    assert isinstance(fnp.zeros(3), np.ndarray)


def test_device_put_and_the_transfer_guard(device):
    tree = {"a": np.ones(2), "b": [np.zeros((2, 2))]}
    on = fl.device_put(tree, "cuda")
    assert all(device.is_dev(v) for v in fl.tree_util.tree_leaves(on))
    assert fl.device_put(on, "cuda")["a"] is on["a"]          # already there: no copy
    back = fl.device_put(on, "cpu")
    assert all(type(v) is np.ndarray for v in fl.tree_util.tree_leaves(back))
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match="transfer_guard.*host array of shape"):
            fl.device_put(np.ones(2), "cuda")
        with pytest.raises(RuntimeError, match="transfer_guard.*device array of shape"):
            fl.device_put(on["a"], "cpu")


def test_reading_a_device_value_back_is_checked_by_the_guard(device):
    """Python control flow on a traced device value (float(), bool()) reads it
    back: inside transfer_guard('disallow') that raises, naming the read."""
    x = device.put(np.array([0.5, 2.0]))

    def f(v):
        s = fnp.sum(v)
        return v * 2.0 if float(s) > 1.0 else v

    assert_close(device, fl.grad(lambda v: fnp.sum(f(v)))(x), np.full(2, 2.0))
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match=r"transfer_guard.*float\(\) of a traced"):
            fl.grad(lambda v: fnp.sum(f(v)))(x)
        with pytest.raises(RuntimeError, match=r"transfer_guard.*bool\(\) of a traced"):
            fl.jvp(lambda v: v if fnp.sum(v) > 0 else -v, (x,), (x,))


def test_cond_and_while_read_their_predicate_back(device):
    """cond and while_loop run host-driven: their predicate is read back from the
    device each time (a sync), which transfer_guard reports by name."""
    x = device.put(np.array([0.5, 2.0]))
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match="cond: reading its predicate back"):
            lax.cond(fnp.sum(x) > 0, lambda v: v, lambda v: -v, x)
        with pytest.raises(RuntimeError, match="while_loop: reading its predicate back"):
            lax.while_loop(lambda v: fnp.sum(v) < 9.0, lambda v: v * 2.0, x)


def test_an_elementwise_chain_and_its_sum_are_one_fused_kernel(device):
    """Under jit on the device, a 12-op elementwise chain feeding a sum is one
    generated kernel (ReductionKernel), with NumPy's numbers."""
    import shutil
    if device.kind == "fake" and shutil.which("g++") is None:
        pytest.skip("the CPU stand-in compiles generated kernels with g++ (not found)")
    from functorch_lite.transforms.jit import get_plan

    def chain(x):
        y = fnp.sin(x) * 2.0 + 1.0
        y = fnp.tanh(fnp.exp(y * 0.1)) * x - 0.5
        y = fnp.sqrt(fnp.abs(y)) + x
        return fnp.sum(y * y)

    xh = np.linspace(-1, 1, 1000).astype(np.float32)
    x = device.put(xh)
    plan = get_plan(fl.make_jaxpr(chain)(xh), device.ns)
    assert len(plan.steps) == 1
    with device.strict():
        got = fl.jit(chain)(x)
    assert_close(device, got, chain(xh), rtol=1e-5)
    fl.config.fusion = False
    try:
        assert len(get_plan(fl.make_jaxpr(chain)(xh), device.ns).steps) == 13
    finally:
        fl.config.fusion = True


def test_host_index_arrays_are_a_checked_transfer(device):
    x = device.put(np.arange(12.0).reshape(4, 3))
    idx = np.array([3, 0])
    assert_close(device, fnp.take(x, idx, axis=0), np.arange(12.0).reshape(4, 3)[idx])
    idx_d = device.put(idx)
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match="host index array of shape \\(2,\\) copied"):
            fnp.take(x, idx, axis=0)
        got = fnp.take(x, idx_d, axis=0)      # device indices: no copy
    assert_close(device, got, np.arange(12.0).reshape(4, 3)[idx])


def test_the_device_backend_is_a_registered_backend(device):
    """The stand-in (and real CuPy) register through the Backend protocol."""
    b = fl.backends.backend_of(device.ns)
    assert b is fl.backends.get_backend("cuda") and b.namespace is device.ns
    assert not (b.is_host or b.out_reuse or b.finiteness_probe or b.host_constants)
    x = device.put(np.zeros(3))
    assert fl.backends.backend_of(x) is b
    idx, ones = device.put(np.array([0, 0, 2])), device.put(np.ones(3))
    with device.strict():
        b.scatter_add(x, idx, ones)
    assert_close(device, x, np.array([2.0, 0.0, 1.0]))
    import scipy.special
    with device.strict():                           # cupyx.scipy.special: on the device
        e = b.special.erf(x)
    assert_close(device, e, scipy.special.erf(np.array([2.0, 0.0, 1.0])), rtol=1e-7)
    fl.backends.forget_cupy()
    assert fl.backends.backend_named("cupy") is None
    assert not fl.core.trace._extra_array_types     # NumPy alone: bind's fast path again


def test_one_hot_on_the_device(device):
    import functorch_lite.nn.functional as F
    t = fl.tensor(np.array([0, 2, 1]), device="cuda")
    with device.strict():
        out = F.one_hot(t, 3)
    assert out.is_cuda
    assert_close(device, out._v, np.eye(3, dtype=np.int64)[[0, 2, 1]])
    host = F.one_hot(fl.tensor(2), 4)              # a 0-d host index
    np.testing.assert_array_equal(host.numpy(), [0, 0, 1, 0])
