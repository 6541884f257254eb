"""lax.conv_general_dilated with batch_group_count > 1 (XLA's semantics, as
JAX defines them): values against a NumPy definition, stored JAX output and
JAX itself where installed; gradients to order 2 in both modes; the weight
gradient of a feature-grouped convolution as a batch-grouped one (JAX's
transpose rule); vmap against a loop; jit against eager."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import lax
from functorch_lite.test_util import check_grads


def _ref(x, w, strides, padding, bg):
    """Definition: the lhs batch splits into bg contiguous groups; group b is
    convolved (NumPy loops, NC.../OI...) with the b-th slice of the output features."""
    n, o = x.shape[0], w.shape[0]
    nb, ob = n // bg, o // bg
    outs = []
    for b in range(bg):
        xb, wb = x[b * nb:(b + 1) * nb], w[b * ob:(b + 1) * ob]
        xp = np.pad(xb, [(0, 0), (0, 0)] + list(padding))
        k = wb.shape[2:]
        out_sp = tuple((s - kk) // st + 1 for s, kk, st in zip(xp.shape[2:], k, strides))
        y = np.zeros((nb, ob) + out_sp)
        for pos in np.ndindex(*out_sp):
            win = tuple(slice(p * st, p * st + kk) for p, st, kk in zip(pos, strides, k))
            patch = xp[(slice(None), slice(None)) + win]          # nb, C, k...
            y[(slice(None), slice(None)) + pos] = np.tensordot(
                patch, wb, axes=(list(range(1, patch.ndim)), list(range(1, wb.ndim))))
        outs.append(y)
    return np.concatenate(outs, axis=1)


CASES = [  # x shape, w shape, strides, padding pairs, batch_group_count
    ((6, 2, 5), (6, 2, 2), (1,), [(0, 0)], 3),
    ((4, 3, 6, 5), (4, 3, 3, 2), (2, 1), [(1, 1), (0, 1)], 2),
    ((2, 1, 4, 4), (2, 1, 2, 2), (1, 1), [(0, 0), (1, 0)], 2),
]

# jax.lax.conv_general_dilated(x, w, (1,), "VALID", batch_group_count=3), jax 0.10.2
X0 = np.arange(48.0).reshape(6, 2, 4) % 7 - 3
W0 = np.arange(24.0).reshape(6, 2, 2) % 5 - 2
JAX_Y0 = [[[10, 8, -1], [-3, -4, -5], [-4, 10, 10], [12, -1, 0], [-5, -3, -1], [-5, -7, -2]],
          [[8, -1, -3], [-4, -5, 1], [10, 10, 10], [-1, 0, 1], [-3, -1, 8], [-7, -2, 10]]]


def _conv(st, pads, bg, **kw):
    return lambda x, w: lax.conv_general_dilated(x, w, st, pads, batch_group_count=bg, **kw)


def test_stored_jax_values():
    y = lax.conv_general_dilated(X0, W0, (1,), "VALID", batch_group_count=3)
    np.testing.assert_array_equal(y, JAX_Y0)
    np.testing.assert_array_equal(_ref(X0, W0, (1,), [(0, 0)], 3), JAX_Y0)


@pytest.mark.parametrize("case", range(len(CASES)))
def test_values_grads_vmap_jit(case):
    xs, ws, st, pads, bg = CASES[case]
    rng = np.random.default_rng(case)
    x, w = rng.normal(size=xs), rng.normal(size=ws)
    f = _conv(st, pads, bg)
    y = f(x, w)
    np.testing.assert_allclose(y, _ref(x, w, st, pads, bg), atol=1e-12)
    np.testing.assert_allclose(fl.jit(f)(x, w), y, atol=1e-12)
    check_grads(f, (x, w), order=2, modes=("fwd", "rev"))
    # vmap over a leading axis of both operands against a loop
    xb, wb = rng.normal(size=(3,) + xs), rng.normal(size=(3,) + ws)
    want = np.stack([f(xb[i], wb[i]) for i in range(3)])
    np.testing.assert_allclose(fl.vmap(f)(xb, wb), want, atol=1e-12)
    np.testing.assert_allclose(fl.vmap(f, in_axes=(None, 0))(x, wb),
                               np.stack([f(x, wb[i]) for i in range(3)]), atol=1e-12)
    np.testing.assert_allclose(fl.jit(fl.vmap(f))(xb, wb), want, atol=1e-12)


def test_weight_gradient_of_feature_groups_is_a_batch_grouped_conv():
    # JAX's transpose rule: d/dw of a feature-grouped conv is a conv whose lhs is
    # the input with batch and features swapped, grouped over the batch
    rng = np.random.default_rng(7)
    g, n, ipg, o, L, k = 2, 3, 2, 4, 7, 3
    x, w = rng.normal(size=(n, g * ipg, L)), rng.normal(size=(o, ipg, k))
    ct = rng.normal(size=(n, o, L - k + 1))

    def loss(w):
        return fnp.sum(lax.conv_general_dilated(x, w, (1,), "VALID",
                                                feature_group_count=g) * ct)
    gw = fl.grad(loss)(w)
    via = lax.conv_general_dilated(x.transpose(1, 0, 2), ct.transpose(1, 0, 2), (1,), "VALID",
                                   batch_group_count=g)           # (ipg, o, k)
    np.testing.assert_allclose(gw, via.transpose(1, 0, 2), atol=1e-12)


def test_errors_as_jax():
    x, w = np.ones((6, 4, 5)), np.ones((6, 4, 2))
    with pytest.raises(ValueError, match="at most one"):
        lax.conv_general_dilated(x, np.ones((6, 2, 2)), (1,), "VALID", feature_group_count=2,
                                 batch_group_count=3)
    with pytest.raises(ValueError, match="batch_group_count=4 must divide"):
        lax.conv_general_dilated(x, w, (1,), "VALID", batch_group_count=4)
    with pytest.raises(ValueError, match="batch_group_count=3 must divide"):
        lax.conv_general_dilated(x[:5], w, (1,), "VALID", batch_group_count=3)


@pytest.mark.parametrize("case", range(len(CASES)))
def test_against_jax(case):
    jax = pytest.importorskip("jax")
    xs, ws, st, pads, bg = CASES[case]
    rng = np.random.default_rng(case)
    x, w = rng.normal(size=xs), rng.normal(size=ws)
    with jax.enable_x64(True):
        jf = lambda x, w: jax.lax.conv_general_dilated(  # noqa: E731
            x, w, st, pads, batch_group_count=bg)
        want = np.asarray(jf(x, w))
        gx, gw = jax.grad(lambda x, w: (jf(x, w) ** 2).sum(), argnums=(0, 1))(x, w)
    f = _conv(st, pads, bg)
    np.testing.assert_allclose(f(x, w), want, atol=1e-12)
    got = fl.grad(lambda x, w: fnp.sum(f(x, w) ** 2), argnums=(0, 1))(x, w)
    np.testing.assert_allclose(got[0], np.asarray(gx), atol=1e-10)
    np.testing.assert_allclose(got[1], np.asarray(gw), atol=1e-10)
