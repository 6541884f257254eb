"""functorch_lite.optimizers: optax-style transformations vs optax and the
facade's torch.optim classes; the driver styles vs autograd.misc.optimizers
and jax.example_libraries.optimizers; jit, vmap, float32."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import optimizers as fo
from functorch_lite.optimizers import example_libraries as fex
from functorch_lite.optimizers import misc as fmisc

rng = np.random.default_rng(0)
P0 = {"w": rng.normal(size=(3, 2)), "b": rng.normal(size=2)}
GS = [{"w": rng.normal(size=(3, 2)), "b": rng.normal(size=2)} for _ in range(5)]

CASES = [
    ("sgd", (0.1,), dict(momentum=0.9, nesterov=True)),
    ("sgd", (0.1,), {}),
    ("adam", (0.01,), {}),
    ("adamw", (0.01,), dict(weight_decay=0.1)),
    ("rmsprop", (0.01,), dict(centered=True, momentum=0.5, eps=0.0)),
    ("rmsprop", (0.01,), dict(eps=0.0)),
    ("adagrad", (0.1,), {}),
    ("lamb", (0.01,), dict(weight_decay=0.1)),
]


def _run(opt, params, grads):
    s = opt.init(params)
    for g in grads:
        u, s = opt.update(g, s, params)
        params = fo.apply_updates(params, u)
    return params


def _total(p):
    return float(sum(np.sum(np.asarray(v)) for v in p.values()))


# sum of all parameters after the 5 updates (stored so CI without optax checks values)
STORED = [4.4835976667, 2.7642418059, 2.9280235843, 2.9135965397, 3.0347073996,
          2.8643013966, 3.0044544202, 2.8916032974]


@pytest.mark.parametrize("k", range(len(CASES)))
def test_vs_stored_and_optax(k):
    name, args, kw = CASES[k]
    got = _run(getattr(fo, name)(*args, **kw), P0, GS)
    assert _total(got) == pytest.approx(STORED[k], abs=1e-9)
    optax = pytest.importorskip("optax")
    _x64()
    ref = _run_optax(optax, getattr(optax, name)(*args, **kw))
    for key in P0:
        np.testing.assert_allclose(np.asarray(got[key]), ref[key], rtol=1e-12, atol=1e-14)


def _x64():
    import jax
    jax.config.update("jax_enable_x64", True)   # as the other oracle tests do
    return jax


def _run_optax(optax, opt):
    import jax.numpy as xnp
    p = {k: xnp.asarray(v) for k, v in P0.items()}
    s = opt.init(p)
    for g in GS:
        u, s = opt.update({k: xnp.asarray(v) for k, v in g.items()}, s, p)
        p = optax.apply_updates(p, u)
    return {k: np.asarray(v) for k, v in p.items()}


def _facade(cls, kw, steps=5):
    import functorch_lite as torch
    ps = [torch.tensor(P0["w"].copy(), requires_grad=True),
          torch.tensor(P0["b"].copy(), requires_grad=True)]
    opt = cls(ps, **kw)
    for g in GS[:steps]:
        ps[0].grad = torch.tensor(g["w"])
        ps[1].grad = torch.tensor(g["b"])
        opt.step()
    return {"w": ps[0].detach().numpy(), "b": ps[1].detach().numpy()}


FACADE = [
    ("SGD", dict(lr=0.1), fo.sgd(0.1)),
    ("SGD", dict(lr=0.1, momentum=0.9), fo.sgd(0.1, momentum=0.9)),
    ("SGD", dict(lr=0.1, momentum=0.9, nesterov=True), fo.nesterov(0.1, 0.9)),
    ("SGD", dict(lr=0.1, momentum=0.8), fo.momentum(0.1, 0.8)),
    ("Adam", dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6), fo.adam(0.01, 0.8, 0.99, 1e-6)),
    ("AdamW", dict(lr=0.01, weight_decay=0.1), fo.adamw(0.01, weight_decay=0.1)),
    ("RMSprop", dict(lr=0.01, alpha=0.9), fo.rmsprop(0.01, decay=0.9)),
    ("RMSprop", dict(lr=0.01, alpha=0.9, momentum=0.5, centered=True),
     fo.rmsprop(0.01, decay=0.9, momentum=0.5, centered=True)),
    ("Adagrad", dict(lr=0.1, eps=0.0, initial_accumulator_value=0.1),
     fo.adagrad(0.1, 0.1, eps=0.0)),
]


@pytest.mark.parametrize("k", range(len(FACADE)))
def test_equal_to_facade_optim(k):
    name, kw, opt = FACADE[k]
    ref = _facade(getattr(fl.optim, name), kw)
    got = _run(opt, P0, GS)
    for key in P0:
        np.testing.assert_allclose(np.asarray(got[key]), ref[key], rtol=1e-13, atol=1e-15)


def test_jit_and_vmap_and_float32():
    opt = fo.chain(fo.clip_by_global_norm(1.0), fo.adam(fo.exponential_decay(0.1, 2, 0.5)))
    p32 = {k: v.astype(np.float32) for k, v in P0.items()}
    g32 = [{k: v.astype(np.float32) for k, v in g.items()} for g in GS]

    def step(p, s, g):
        u, s = opt.update(g, s, p)
        return fo.apply_updates(p, u), s
    eager_p, jit_p = p32, p32
    es = js = opt.init(p32)
    jstep = fl.jit(step)
    for g in g32:
        eager_p, es = step(eager_p, es, g)
        jit_p, js = jstep(jit_p, js, g)
    for key in P0:
        assert np.asarray(eager_p[key]).dtype == np.float32
        np.testing.assert_allclose(np.asarray(jit_p[key]), np.asarray(eager_p[key]), rtol=1e-6)
    # vmap over a batch of independent parameter sets equals a loop
    pb = {k: np.stack([v, 2 * v]) for k, v in P0.items()}
    gb = {k: np.stack([v, -v]) for k, v in GS[0].items()}
    sb = fl.vmap(opt.init)(pb)
    ub, _ = fl.vmap(lambda g, s, p: opt.update(g, s, p))(gb, sb, pb)
    for i in range(2):
        pi = {k: v[i] for k, v in pb.items()}
        ui, _ = opt.update({k: v[i] for k, v in gb.items()}, opt.init(pi), pi)
        for key in P0:
            np.testing.assert_allclose(np.asarray(ub[key])[i], np.asarray(ui[key]), rtol=1e-12)


def test_clip_by_global_norm_and_schedules():
    g = {"a": np.array([3.0, 4.0])}
    u, _ = fo.clip_by_global_norm(1.0).update(g, fo.EmptyState())
    np.testing.assert_allclose(np.asarray(u["a"]), [0.6, 0.8])
    u, _ = fo.clip_by_global_norm(10.0).update(g, fo.EmptyState())
    np.testing.assert_allclose(np.asarray(u["a"]), [3.0, 4.0])
    scheds = [fo.exponential_decay(1.0, 3, 0.5, staircase=True), fo.linear_schedule(1.0, 0.0, 4),
              fo.cosine_decay_schedule(2.0, 5, alpha=0.1),
              fo.warmup_cosine_decay_schedule(0.0, 1.0, 2, 8, end_value=0.1),
              fo.piecewise_constant_schedule(1.0, {2: 0.5, 4: 0.1}), fo.constant_schedule(0.3)]
    stored = [[1, 1, 1, .5, .5, .5, .25, .25, .25], [1, .75, .5, .25, 0, 0, 0, 0, 0],
              None, None, [1, 1, .5, .5, .05, .05, .05, .05, .05], [.3] * 9]
    vals = [[float(s(jnp.asarray(i, dtype=np.int32))) for i in range(9)] for s in scheds]
    for v, e in zip(vals, stored):
        if e is not None:
            np.testing.assert_allclose(v, e, atol=1e-12)
    optax = pytest.importorskip("optax")
    _x64()
    refs = [optax.exponential_decay(1.0, 3, 0.5, staircase=True), optax.linear_schedule(1.0, 0.0, 4),
            optax.cosine_decay_schedule(2.0, 5, alpha=0.1),
            optax.warmup_cosine_decay_schedule(0.0, 1.0, 2, 8, end_value=0.1),
            optax.piecewise_constant_schedule(1.0, {2: 0.5, 4: 0.1}), optax.constant_schedule(0.3)]
    for v, r in zip(vals, refs):
        np.testing.assert_allclose(v, [float(r(i)) for i in range(9)], rtol=1e-6, atol=1e-7)


def test_bad_input_errors():
    with pytest.raises(TypeError, match="chain: argument 0"):
        fo.chain(3)
    with pytest.raises(TypeError, match="adam: learning_rate"):
        fo.adam("fast")
    with pytest.raises(ValueError, match="add_decayed_weights"):
        fo.adamw(0.1).update(GS[0], fo.adamw(0.1).init(P0))
    with pytest.raises(ValueError, match="adam: grad"):
        fmisc.adam(lambda x, i: np.ones(3), np.ones(2), num_iters=1)


def _quad_grad(x, i):
    return {"a": 2 * (x["a"] - 1.0) + 0.1 * i, "b": 4 * x["b"] ** 3}


MISC = [("adam", dict(step_size=0.1)), ("sgd", dict(step_size=0.1, mass=0.8)),
        ("rmsprop", dict(step_size=0.05))]
MISC_STORED = [0.43994346, 0.9517303012, 0.4453783851]


@pytest.mark.parametrize("k", range(len(MISC)))
def test_misc_drivers_vs_autograd(k):
    name, kw = MISC[k]
    x0 = {"a": np.array([0.5, -1.0]), "b": np.array([0.7])}
    seen = []
    got = getattr(fmisc, name)(_quad_grad, x0, callback=lambda x, i, g: seen.append(i),
                               num_iters=20, **kw)
    assert seen == list(range(20))
    assert _total(got) == pytest.approx(MISC_STORED[k], abs=1e-9)
    ao = pytest.importorskip("autograd.misc.optimizers")
    ref = getattr(ao, name)(_quad_grad, x0, num_iters=20, **kw)
    for key in x0:
        np.testing.assert_allclose(np.asarray(got[key]), ref[key], rtol=1e-13)


EXL = [("sgd", (0.1,)), ("momentum", (0.1, 0.9)), ("nesterov", (0.1, 0.9)),
       ("adagrad", (0.1,)), ("rmsprop", (0.01,)), ("rmsprop_momentum", (0.01,)),
       ("adam", (0.01,)), ("adamax", (0.01,))]


@pytest.mark.parametrize("k", range(len(EXL)))
def test_example_libraries_vs_jax(k):
    name, args = EXL[k]
    init, update, get = getattr(fex, name)(*args)
    s = init(P0)
    jupdate = fl.jit(update)
    for i, g in enumerate(GS):
        s = jupdate(i, g, s) if i % 2 else update(i, g, s)
    got = get(s)
    assert np.asarray(got["w"]).shape == (3, 2)
    eo = pytest.importorskip("jax.example_libraries.optimizers")
    jax = _x64()
    ri, ru, rg = getattr(eo, name)(*args)
    rs = ri({k2: jax.numpy.asarray(v) for k2, v in P0.items()})
    for i, g in enumerate(GS):
        rs = ru(i, {k2: jax.numpy.asarray(v) for k2, v in g.items()}, rs)
    ref = rg(rs)
    for key in P0:
        np.testing.assert_allclose(np.asarray(got[key]), np.asarray(ref[key]), rtol=1e-12,
                                   atol=1e-14)


from _device import device  # noqa: E402,F401  (fixture: the CuPy stand-in, and CuPy on a GPU)

DEVICE_OPTS = [fo.adam(0.01), fo.adamw(0.01, weight_decay=0.1), fo.sgd(0.1, momentum=0.9),
               fo.rmsprop(0.01, centered=True), fo.adagrad(0.1), fo.lamb(0.01),
               fo.chain(fo.clip_by_global_norm(1.0), fo.adam(fo.exponential_decay(0.1, 2, 0.5)))]


@pytest.mark.parametrize("k", range(len(DEVICE_OPTS)))
def test_on_the_device_backend_without_transfers(device, k):  # noqa: F811
    opt = DEVICE_OPTS[k]
    ref = _run(opt, P0, GS)
    put = lambda t: {key: device.put(v) for key, v in t.items()}  # noqa: E731
    p, gs = put(P0), [put(g) for g in GS]
    with device.strict():        # state made and updated on the device, nothing read back
        got = _run(opt, p, gs)
    for key in P0:
        np.testing.assert_allclose(device.host(got[key]), np.asarray(ref[key]), rtol=1e-12)
