"""vmap: in_axes / out_axes variants (ints, negatives, None, pytree prefixes);
nesting; axis_size.  Every primitive's batching rule against a Python loop is
table-driven (tests/_prim_table.py, tests/test_primitive_registry.py)."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core.primitive import REGISTRY


def test_every_higher_order_primitive_has_a_batching_rule():
    # the table's vmap test batches every first-order primitive; those carrying
    # jaxprs batch their sub-jaxprs and are read here from the one registry
    higher = {n: p for n, p in REGISTRY.items() if p.higher_order}
    assert {"cond", "while", "scan", "pjit", "checkpoint", "custom_jvp_call",
            "custom_vjp_call", "while_rev_fwd", "while_rev_bwd"} <= set(higher)
    missing = [n for n, p in higher.items() if p.batch is None]
    assert not missing, f"higher-order primitives without a batching rule: {missing}"


def test_in_axes_variants():
    x, y = np.arange(6.0).reshape(2, 3), np.arange(3.0)
    f = lambda a, b: a * b + 1.0   # noqa: E731
    np.testing.assert_allclose(fl.vmap(f, (0, None))(x, y), x * y + 1)
    np.testing.assert_allclose(fl.vmap(f, (1, 0))(x, y), (x * y[None, :] + 1).T)
    np.testing.assert_allclose(fl.vmap(f, (-1, 0))(x, y), (x * y[None, :] + 1).T)
    np.testing.assert_allclose(fl.vmap(f, [0, None])(x, y), x * y + 1)
    # pytree prefix: a dict argument, one leaf mapped, one not
    g = lambda d: d["w"] @ d["x"]   # noqa: E731
    d = {"w": np.ones((2, 3)), "x": np.arange(12.0).reshape(4, 3)}
    np.testing.assert_allclose(fl.vmap(g, ({"w": None, "x": 0},))(d),
                               np.stack([d["w"] @ xi for xi in d["x"]]))
    # a tuple argument with a single int prefix for the whole tuple
    h = lambda p: p[0] - p[1]   # noqa: E731
    np.testing.assert_allclose(fl.vmap(h)((x, 2 * x)), -x)


def test_out_axes_variants():
    x = np.arange(6.0).reshape(2, 3)
    f = lambda a: (a * 2.0, fnp.sum(a))   # noqa: E731
    a, s = fl.vmap(f, out_axes=(1, 0))(x)
    np.testing.assert_allclose(a, (x * 2).T)
    np.testing.assert_allclose(s, x.sum(1))
    a, s = fl.vmap(f, out_axes=-1)(x)
    np.testing.assert_allclose(a, (x * 2).T)
    # out_axes=None for an output that does not depend on the mapped axis
    c, s = fl.vmap(lambda a: (np.ones(2), fnp.sum(a)), out_axes=(None, 0))(x)
    np.testing.assert_allclose(c, np.ones(2))
    with pytest.raises(ValueError, match="out_axes=None"):
        fl.vmap(lambda a: a, out_axes=None)(x)
    # dict output with a dict prefix
    out = fl.vmap(lambda a: {"p": a, "q": a + 1.0}, out_axes={"p": 0, "q": 1})(x)
    np.testing.assert_allclose(out["q"], (x + 1).T)


def test_nested_vmap():
    x, y = np.arange(6.0).reshape(2, 3), np.arange(4.0)
    outer = fl.vmap(fl.vmap(lambda a, b: a * b, (0, None)), (None, 0))(x, y)
    assert outer.shape == (4, 2, 3)
    np.testing.assert_allclose(outer, y[:, None, None] * x[None])
    # matrix-vector products per pair, written as vmap of vmap of a dot
    A = np.random.default_rng(0).standard_normal((2, 3, 4, 5))
    v = np.random.default_rng(1).standard_normal((3, 5))
    r = fl.vmap(fl.vmap(lambda m, w: m @ w, (0, 0)), (0, None))(A, v)
    np.testing.assert_allclose(r, np.einsum("abij,bj->abi", A, v))
    # vmap of grad of vmap
    g = fl.vmap(fl.grad(lambda w: fnp.sum(fl.vmap(lambda r: fnp.sin(r @ w))(x))))(
        np.ones((2, 3)))
    np.testing.assert_allclose(g[0], (np.cos(x @ np.ones(3))[:, None] * x).sum(0))


def test_axis_size_without_mapped_inputs():
    out = fl.vmap(lambda a: a * 2.0, in_axes=None, axis_size=3)(np.ones(2))
    assert out.shape == (3, 2)
    with pytest.raises(ValueError, match="axis_size"):
        fl.vmap(lambda a: a, in_axes=None)(np.ones(2))


def test_vmap_errors():
    with pytest.raises(ValueError, match="different sizes"):
        fl.vmap(lambda a, b: a + b)(np.ones(2), np.ones(3))
    with pytest.raises(ValueError, match="out of range"):
        fl.vmap(lambda a: a, in_axes=2)(np.ones((2, 2)))


def test_vmap_of_python_if_on_batched_value_points_at_cond():
    from functorch_lite.core.errors import TracerConversionError
    with pytest.raises(TracerConversionError, match="lax.cond"):
        fl.vmap(lambda a: a if a > 0 else -a)(np.ones(2))


def test_at_updates_under_vmap_including_fresh_zeros():
    # the known PyTorch gap: build a zeros array inside the mapped function and write into it
    import functorch_lite.numpy as fnp
    x = np.arange(12.0).reshape(3, 4)

    def f(r):
        z = fnp.at(fnp.zeros(r.shape))[0].set(r[1] * 2)
        return fnp.at(z)[2].add(r[3])
    np.testing.assert_array_equal(fl.vmap(f)(x), np.stack([f(r) for r in x]))
    g = lambda r, i: fnp.at(r)[i].multiply(3.0)  # noqa: E731  - a batched index too
    idx = np.array([0, 1, 2])
    np.testing.assert_array_equal(fl.vmap(g)(x, idx), np.stack([g(r, i) for r, i in zip(x, idx)]))
    np.testing.assert_array_equal(fl.jit(fl.vmap(g))(x, idx), fl.vmap(g)(x, idx))
    pe = fl.vmap(fl.grad(lambda v: fnp.sum(v.at[1].set(v[0] ** 2))))(x)
    np.testing.assert_array_equal(pe, np.stack([[1 + 2 * r[0], 0, 1, 1] for r in x]))
