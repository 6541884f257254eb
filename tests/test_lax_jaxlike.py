"""The lax surface JAX's tutorials use: switch, map, select, the dynamic
slices (traced starts), elementwise ops without promotion, conv_general_dilated
(values and gradients), dot's TypeError.  Reference values from NumPy loops
(stored/recomputed here) and, where installed, jax itself."""
import itertools

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import lax
from functorch_lite.test_util import check_grads


def _conv_ref(x, w, strides, pads, ld, rd, groups):
    """A direct NCHW/OIHW loop (NumPy), the definition the tests compare with."""
    n, c = x.shape[:2]
    ns = x.ndim - 2
    # lhs dilation: insert zeros
    sp = tuple((s - 1) * d + 1 for s, d in zip(x.shape[2:], ld))
    xd = np.zeros((n, c) + sp, x.dtype)
    xd[(slice(None), slice(None)) + tuple(slice(None, None, d) for d in ld)] = x
    xp = np.pad(xd, [(0, 0), (0, 0)] + list(pads))
    o, ipg = w.shape[:2]
    k = w.shape[2:]
    keff = tuple((a - 1) * d + 1 for a, d in zip(k, rd))
    out_sp = tuple((s - ke) // st + 1 for s, ke, st in zip(xp.shape[2:], keff, strides))
    out = np.zeros((n, o) + out_sp)
    for b, oc in itertools.product(range(n), range(o)):
        gi = oc // (o // groups)
        for pos in itertools.product(*[range(m) for m in out_sp]):
            acc = 0.0
            for ic in range(ipg):
                for off in itertools.product(*[range(a) for a in k]):
                    idx = tuple(p * st + q * d for p, st, q, d in zip(pos, strides, off, rd))
                    acc += xp[(b, gi * ipg + ic) + idx] * w[(oc, ic) + off]
            out[(b, oc) + pos] = acc
    assert ns == len(out_sp)
    return out


CONV_CASES = [  # (x shape, w shape, strides, padding, lhs_dil, rhs_dil, groups)
    ((1, 2, 5, 5), (3, 2, 3, 3), (1, 1), "SAME", None, None, 1),
    ((2, 2, 6, 5), (2, 1, 2, 3), (2, 1), "VALID", None, (2, 1), 2),
    ((1, 1, 4, 4), (1, 1, 3, 3), (1, 1), ((1, 2), (0, 1)), (2, 2), None, 1),
    ((2, 3, 7), (4, 3, 3), (2,), "SAME", None, None, 1),
]


@pytest.mark.parametrize("case", range(len(CONV_CASES)))
def test_conv_general_dilated_values_and_grads(case):
    xs, ws, st, pad, ld, rd, g = CONV_CASES[case]
    rng = np.random.default_rng(case)
    x, w = rng.normal(size=xs), rng.normal(size=ws)
    ns = len(xs) - 2
    f = lambda x, w: lax.conv_general_dilated(x, w, st, pad, ld, rd,  # noqa: E731
                                              feature_group_count=g)
    got = f(x, w)
    ldv, rdv = ld or (1,) * ns, rd or (1,) * ns
    if isinstance(pad, str):
        sp = [(s - 1) * d + 1 for s, d in zip(xs[2:], ldv)]
        keff = [(k - 1) * d + 1 for k, d in zip(ws[2:], rdv)]
        pads = []
        for n_, k_, s_ in zip(sp, keff, st):
            tot = 0 if pad == "VALID" else max((-(-n_ // s_) - 1) * s_ + k_ - n_, 0)
            pads.append((tot // 2, tot - tot // 2))
    else:
        pads = pad
    np.testing.assert_allclose(got, _conv_ref(x, w, st, pads, ldv, rdv, g), atol=1e-10)
    check_grads(f, (x, w), order=2 if case == 3 else 1, modes=("rev", "fwd"))
    jax = pytest.importorskip("jax")
    x32, w32 = x.astype(np.float32), w.astype(np.float32)   # jax runs 32-bit here
    want = jax.lax.conv_general_dilated(x32, w32, st, pad, ld, rd, feature_group_count=g)
    gw = jax.grad(lambda w: (jax.lax.conv_general_dilated(
        x32, w, st, pad, ld, rd, feature_group_count=g) ** 2).sum())(w32)
    np.testing.assert_allclose(got, np.asarray(want), atol=1e-4)
    np.testing.assert_allclose(fl.grad(lambda w: jnp.sum(f(x, w) ** 2))(w), np.asarray(gw),
                               rtol=1e-4, atol=1e-3)


def test_conv_layouts_and_vmap():
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(2, 5, 5, 3)), rng.normal(size=(3, 3, 3, 4))   # NHWC, HWIO
    got = lax.conv_general_dilated(x, w, (1, 1), "SAME",
                                   dimension_numbers=("NHWC", "HWIO", "NHWC"))
    ref = lax.conv_general_dilated(x.transpose(0, 3, 1, 2), w.transpose(3, 2, 0, 1), (1, 1),
                                   "SAME").transpose(0, 2, 3, 1)
    np.testing.assert_allclose(got, ref, atol=1e-12)
    one = lambda xi: lax.conv_general_dilated(xi[None], w, (1, 1), "SAME",  # noqa: E731
                                              dimension_numbers=("NHWC", "HWIO", "NHWC"))[0]
    np.testing.assert_allclose(fl.vmap(one)(x), got, atol=1e-12)
    np.testing.assert_allclose(fl.jit(one)(x[0]), got[0], atol=1e-12)


def test_dynamic_slices_traced_and_clamped():
    x = np.arange(10.0)
    assert list(lax.dynamic_slice(x, (8,), (3,))) == [7.0, 8.0, 9.0]    # clamped, as JAX
    f = fl.jit(lambda x, i: lax.dynamic_slice(x, (i,), (3,)))
    assert list(f(x, 2)) == [2.0, 3.0, 4.0] and list(f(x, -4)) == [0.0, 1.0, 2.0]
    m = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(fl.jit(lambda m, i, j: lax.dynamic_slice(m, (i, j), (2, 2)))(
        m, 1, 2), m[1:3, 2:4])
    u = fl.jit(lambda m, i: lax.dynamic_update_slice(m, np.full((1, 2), -1.0), (i, 1)))(m, 2)
    want = m.copy()
    want[2, 1:3] = -1
    np.testing.assert_array_equal(u, want)
    big = np.array([1e20, 1.0])         # exact: no x + (u - x) rounding
    assert lax.dynamic_update_slice(big, np.array([1.0]), (0,))[0] == 1.0
    # gradients in both operands; vmap over the start
    check_grads(lambda m, up: lax.dynamic_update_slice(m, up, (1, 1)),
                (m, np.ones((2, 2))), order=2)
    check_grads(lambda m: lax.dynamic_slice(m, (1, 1), (2, 2)), (m,), order=2)
    got = fl.vmap(lambda i: lax.dynamic_slice(x, (i,), (2,)))(np.array([0, 3, 9]))
    np.testing.assert_array_equal(got, [[0, 1], [3, 4], [8, 9]])
    assert float(lax.dynamic_index_in_dim(x, 4, keepdims=False)) == 4.0
    d = lax.dynamic_update_index_in_dim(m, np.zeros(4), 1, 0)
    assert d[1].sum() == 0 and d[0].sum() == m[0].sum()


def test_switch_map_select():
    br = [lambda x: x + 1.0, lambda x: x * 2.0, lambda x: -x]
    assert [float(lax.switch(i, br, 3.0)) for i in (-5, 0, 1, 2, 7)] == [4.0, 4.0, 6.0, -3.0,
                                                                          -3.0]
    got = fl.vmap(lambda i, x: lax.switch(i, br, x))(np.array([0, 1, 2]), np.ones(3))
    np.testing.assert_array_equal(got, [2.0, 2.0, -1.0])
    assert float(fl.grad(lambda x: lax.switch(1, br, x))(3.0)) == 2.0
    assert float(fl.jit(lambda i, x: lax.switch(i, br, x))(2, 3.0)) == -3.0
    np.testing.assert_array_equal(lax.map(lambda v: v * 2, np.arange(5.0)), np.arange(5.0) * 2)
    for bs in (2, 5, 7):
        np.testing.assert_array_equal(lax.map(lambda v: {"a": v ** 2}, np.arange(5.0),
                                              batch_size=bs)["a"], np.arange(5.0) ** 2)
    np.testing.assert_array_equal(lax.select(np.array([True, False]), np.ones(2), np.zeros(2)),
                                  [1.0, 0.0])
    with pytest.raises(TypeError, match="boolean"):
        lax.select(np.array([1, 0]), np.ones(2), np.zeros(2))


def test_elementwise_no_promotion_and_errors():
    assert float(lax.add(1.0, 2.0)) == 3.0
    assert lax.mul(np.ones(2, np.float32), 2.0).dtype == np.float32
    with pytest.raises(TypeError, match="same dtypes"):
        lax.add(np.ones(2, np.float32), np.ones(2))
    np.testing.assert_allclose(lax.rsqrt(4.0), 0.5)
    np.testing.assert_allclose(lax.logistic(0.0), 0.5)
    assert float(lax.round(2.5)) == 3.0 and float(lax.round(2.5, 1)) == 2.0
    assert float(lax.rem(-7.0, 3.0)) == -1.0               # C's fmod sign, as JAX's
    assert lax.stop_gradient({"a": 1.0})["a"] == 1.0
    assert float(fl.grad(lambda x: x * lax.stop_gradient(x))(3.0)) == 3.0
    np.testing.assert_array_equal(lax.iota(np.int32, 3), [0, 1, 2])
    np.testing.assert_array_equal(lax.dot_general(np.ones((2, 3)), np.ones((3, 4)),
                                                  (((1,), (0,)), ((), ()))), np.full((2, 4), 3))
    # JAX raises TypeError for a dot shape mismatch (pages catch it so)
    with pytest.raises(TypeError):
        jnp.dot(jnp.ones(3), jnp.ones(4))
    with pytest.raises(ValueError):          # and NumPy code catching ValueError still works
        jnp.matmul(jnp.ones((2, 3)), jnp.ones((4, 2)))
    with pytest.raises(TypeError, match="contracting"):
        lax.dot(np.ones(3), np.ones(4))


def test_traced_index_of_constant_under_jit_and_loops():
    # a constant built inside the function, indexed by a traced integer
    assert int(fl.jit(lambda i: lax.dynamic_index_in_dim(jnp.arange(10), i, 0, False))(3)) == 3
    arr = jnp.arange(5.0)
    assert float(lax.fori_loop(0, 5, lambda i, c: c + lax.dynamic_index_in_dim(
        arr, i, 0, False), 0.0)) == 10.0
