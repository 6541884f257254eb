import numpy as np

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads

rng = np.random.default_rng(0)


def block(x, w):
    return fnp.tanh(fnp.tanh(x @ w) * 1.5) ** 2


def net(x, ws, remat):
    b = fl.checkpoint(block) if remat else block
    for w in ws:
        x = b(x, w)
    return fnp.sum(x)


def test_same_gradients_as_without():
    x = rng.standard_normal((4, 3))
    ws = [rng.standard_normal((3, 3)) * 0.5 for _ in range(3)]
    g0 = fl.grad(net, argnums=(0, 1))(x, ws, False)
    for g in (fl.grad(net, argnums=(0, 1))(x, ws, True),
              fl.jit(fl.grad(net, argnums=(0, 1)), static_argnums=2)(x, ws, True)):
        np.testing.assert_allclose(g[0], g0[0], rtol=1e-12)
        for a, b in zip(g[1], g0[1]):
            np.testing.assert_allclose(a, b, rtol=1e-12)


def test_backward_recomputes_instead_of_storing():
    x, w = rng.standard_normal((2, 3)), rng.standard_normal((3, 3))
    f = lambda x: fnp.sum(fl.checkpoint(block)(x, w))  # noqa: E731
    s = str(fl.make_jaxpr(fl.grad(f))(x))
    assert "checkpoint[" in s and "_recompute" in s
    # the reverse trace keeps only the checkpoint's inputs as residuals
    from functorch_lite.transforms.reverse import vjp_flat
    outs, refs, leaves, _ = vjp_flat(lambda x: ([f(x)], []), [x])
    node = refs[0][0]
    while node.prim.name != "checkpoint":
        node = node.parents[0][0]
    assert len(node.ins) == 2 and node.ins[0] is x


def test_checkpoint_composes_with_vmap_jvp_and_second_order():
    xs, w = rng.standard_normal((5, 2, 3)), rng.standard_normal((3, 3)) * 0.5
    f = lambda x: fnp.sum(fl.checkpoint(block)(x, w))   # noqa: E731
    ref = lambda x: fnp.sum(block(x, w))                  # noqa: E731
    np.testing.assert_allclose(fl.vmap(fl.grad(f))(xs), fl.vmap(fl.grad(ref))(xs), rtol=1e-12)
    np.testing.assert_allclose(fl.jit(fl.vmap(fl.grad(f)))(xs), fl.vmap(fl.grad(ref))(xs),
                               rtol=1e-12)
    check_grads(f, (xs[0],), order=2)
    t = rng.standard_normal((2, 3))
    np.testing.assert_allclose(fl.jvp(f, (xs[0],), (t,))[1], fl.jvp(ref, (xs[0],), (t,))[1])


def test_checkpoint_of_closure_over_traced_value():
    w = rng.standard_normal((3, 3))

    def f(w, x):
        return fnp.sum(fl.checkpoint(lambda x: block(x, w))(x))
    x = rng.standard_normal((2, 3))
    np.testing.assert_allclose(fl.grad(f)(w, x), fl.grad(lambda w, x: fnp.sum(block(x, w)))(w, x),
                               rtol=1e-12)
