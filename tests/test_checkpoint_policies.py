"""checkpoint(policy=, static_argnums=, prevent_cse=), checkpoint_policies,
checkpoint_name and print_saved_residuals (JAX's gradient-checkpointing page)."""
from functools import partial

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import ad_checkpoint as adc
from functorch_lite.test_util import check_grads

rng = np.random.default_rng(0)
CP = fl.checkpoint_policies


def g(W, x):
    return jnp.sin(jnp.dot(W, x))


def gn(W, x):
    return jnp.sin(adc.checkpoint_name(jnp.dot(W, x), "y"))


def f(W1, W2, W3, x, layer=g):
    for W in (W1, W2, W3):
        x = layer(W, x)
    return x


ARGS = (rng.normal(size=(5, 4)), rng.normal(size=(6, 5)), rng.normal(size=(7, 6)),
        rng.normal(size=4))


def _descr(fn):
    return [(a.shape, d) for a, d in adc.saved_residuals(fn, *ARGS)]


def test_saved_residuals_follow_the_policy():
    plain = _descr(f)
    assert ((5,), "output of dot_general") in plain and ((5,), "output of sin") in plain
    per_layer = _descr(lambda *a: f(*a[:3], a[3], layer=fl.checkpoint(g)))
    assert not any("dot_general" in d for _, d in per_layer)
    dots = _descr(fl.checkpoint(f, policy=CP.dots_saveable))
    assert sorted(s for s, d in dots if d == "output of dot_general") == [(5,), (6,), (7,)]
    assert not any(d == "output of cos" for _, d in dots)
    nothing = _descr(fl.checkpoint(f, policy=CP.nothing_saveable))
    assert all(d.startswith("from the argument") or s == (7,) for s, d in nothing)
    named = _descr(fl.checkpoint(partial(f, layer=gn),
                                 policy=CP.save_only_these_names("y")))
    assert sorted(s for s, d in named if d == "named 'y'") == [(5,), (6,), (7,)]
    # memory: fewer residual bytes as less is saved
    b = [adc.residual_bytes(fn, *ARGS) for fn in (
        f, fl.checkpoint(f, policy=CP.dots_saveable), fl.checkpoint(f))]
    assert b[0] > b[1] > b[2]


def test_print_saved_residuals(capsys):
    adc.print_saved_residuals(fl.checkpoint(f, policy=CP.dots_saveable), *ARGS)
    out = capsys.readouterr().out.splitlines()
    assert "f64[5,4] from the argument W1" in out
    assert "f64[5] output of dot_general" in out


@pytest.mark.parametrize("policy", [None, CP.everything_saveable, CP.nothing_saveable,
                                    CP.dots_saveable, CP.dots_with_no_batch_dims_saveable,
                                    CP.save_only_these_names("y"),
                                    CP.save_any_names_but_these("y"),
                                    CP.save_anything_except_these_names("y"),
                                    CP.save_from_both_policies(CP.dots_saveable,
                                                               CP.save_only_these_names("y"))])
def test_gradients_equal_under_every_policy(policy):
    loss0 = lambda *a: jnp.sum(f(*a, layer=gn))            # noqa: E731
    loss = lambda *a: jnp.sum(fl.checkpoint(partial(f, layer=gn), policy=policy)(*a))  # noqa
    want = fl.grad(loss0, argnums=(0, 1, 2, 3))(*ARGS)
    for got in (fl.grad(loss, argnums=(0, 1, 2, 3))(*ARGS),
                fl.jit(fl.grad(loss, argnums=(0, 1, 2, 3)))(*ARGS)):
        for a, b in zip(got, want):
            np.testing.assert_allclose(a, b, rtol=1e-12)
    check_grads(lambda x: loss(*ARGS[:3], x), (ARGS[3],), order=2)
    xs = rng.normal(size=(3, 4))
    np.testing.assert_allclose(fl.vmap(fl.grad(lambda x: loss(*ARGS[:3], x)))(xs),
                               fl.vmap(fl.grad(lambda x: loss0(*ARGS[:3], x)))(xs), rtol=1e-12)


def test_static_argnums_and_decorator_forms():
    calls = []

    @partial(fl.checkpoint, static_argnums=(1,), prevent_cse=False)
    def h(x, n):
        calls.append(n)
        for _ in range(n):
            x = jnp.sin(x)
        return x
    x = np.array(0.7)
    want = np.cos(np.sin(np.sin(0.7))) * np.cos(np.sin(0.7)) * np.cos(0.7)
    np.testing.assert_allclose(fl.grad(h)(x, 3), want)
    np.testing.assert_allclose(fl.grad(h)(x, 3), want)
    assert len(calls) == 1                          # cached per static value
    np.testing.assert_allclose(fl.grad(h)(x, 1), np.cos(0.7))
    with pytest.raises(TypeError, match="hashable"):
        h(x, [1])
    assert fl.remat is fl.checkpoint and adc.remat is fl.checkpoint
    with pytest.raises(TypeError, match="policy"):
        fl.checkpoint(g, policy="dots")


def test_checkpoint_name_is_identity_everywhere():
    x = rng.normal(size=3)
    f1 = lambda x: jnp.sum(adc.checkpoint_name(jnp.sin(x), "s") ** 2)   # noqa: E731
    np.testing.assert_allclose(f1(x), np.sum(np.sin(x) ** 2))
    check_grads(f1, (x,), order=2)
    assert "checkpoint_name" in str(fl.make_jaxpr(f1)(x))
    np.testing.assert_allclose(fl.vmap(lambda v: adc.checkpoint_name(v, "a"))(x), x)
    tree = adc.checkpoint_name({"a": x, "b": (x,)}, "t")
    np.testing.assert_allclose(tree["b"][0], x)
