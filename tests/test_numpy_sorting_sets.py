"""Sorting, searching and sets (issue 13 item 4), and the integer-only primitives
of primitives/numeric.py (and/or/not/shift_left/shift_right/searchsorted): forward
vs NumPy, vmap vs a loop, jit vs eager, no tangents.  Stored expected values keep
the checks meaningful without the oracle libraries."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.primitives import numeric as N


# ------------------------------------------------------ integer-only primitives
_A = np.array([[5, 3, -7], [0, 12, 9]])
_B = np.array([1, 2, 3])
INT_PRIMS = [(N.and_p, np.bitwise_and), (N.or_p, np.bitwise_or),
             (N.shift_left_p, np.left_shift), (N.shift_right_p, np.right_shift),
             (N.idiv_p, np.floor_divide)]


@pytest.mark.parametrize("prim,ref", INT_PRIMS, ids=lambda p: getattr(p, "name", ""))
def test_integer_binary_primitives(prim, ref):
    want = ref(_A, _B)
    np.testing.assert_array_equal(prim.bind(_A, _B), want)
    np.testing.assert_array_equal(fl.jit(lambda a, b: prim.bind(a, b))(_A, _B), want)
    got = fl.vmap(lambda a: prim.bind(a, _B))(_A)
    np.testing.assert_array_equal(got, np.stack([ref(a, _B) for a in _A]))
    _, t = fl.jvp(lambda a: prim.bind(a, _B), (_A,), (np.ones_like(_A),))
    assert t is None or not np.any(np.asarray(t))
    with pytest.raises(TypeError, match=prim.name):  # the shape rule's check
        fl.make_jaxpr(lambda a, b: prim.bind(a, b))(np.ones(3), np.ones(3))


def test_stored_values_for_the_integer_primitives():
    # CI without NumPy's oracle semantics drift: the exact values
    np.testing.assert_array_equal(fnp.bitwise_and(_A, _B), [[1, 2, 1], [0, 0, 1]])
    np.testing.assert_array_equal(fnp.left_shift(_A, _B), [[10, 12, -56], [0, 48, 72]])
    np.testing.assert_array_equal(fnp.right_shift(_A, _B), [[2, 0, -1], [0, 3, 1]])
    np.testing.assert_array_equal(fnp.invert(np.array([0, 5, -1])), [-1, -6, 0])
    np.testing.assert_array_equal(fnp.invert(np.array([True, False])), [False, True])


def test_invert_and_bool_rules():
    assert N.invert_p.bind(np.array([True])).dtype == np.bool_
    np.testing.assert_array_equal(fl.vmap(fnp.invert)(_A), np.invert(_A))
    with pytest.raises(TypeError, match="invert"):
        fnp.invert(np.ones(2))
    with pytest.raises(TypeError, match="left_shift"):
        fnp.left_shift(np.array([True]), np.array([True]))


def test_searchsorted_primitive_batching():
    a = np.array([[0.0, 1.0, 2.0, 3.0], [-1.0, 0.5, 0.6, 9.0]])
    v = np.array([[0.5, 2.0, 3.5], [0.55, -2.0, 9.0]])
    for side in ("left", "right"):
        want = np.stack([np.searchsorted(x, y, side) for x, y in zip(a, v)])
        np.testing.assert_array_equal(fl.vmap(lambda x, y: fnp.searchsorted(x, y, side))(a, v),
                                      want)
        np.testing.assert_array_equal(
            fl.vmap(lambda y: fnp.searchsorted(a[0], y, side))(v),
            np.stack([np.searchsorted(a[0], y, side) for y in v]))
        np.testing.assert_array_equal(
            fl.jit(lambda x, y: fnp.searchsorted(x, y, side))(a[1], v[1]),
            np.searchsorted(a[1], v[1], side))
    np.testing.assert_array_equal(fnp.searchsorted(a[0], v[0]), [1, 2, 4])  # stored
    np.testing.assert_array_equal(fnp.searchsorted(np.array([3.0, 1.0, 2.0]), 2.5,
                                                   sorter=np.array([1, 2, 0])), 2)
    with pytest.raises(ValueError, match="searchsorted: a must be 1-d"):
        fnp.searchsorted(a, 1.0)


# ------------------------------------------------------------------ sorting

def test_sort_descending_is_stable_and_jax_like():
    x = np.array([1.0, 3.0, 3.0, 2.0, np.nan, 1.0])
    np.testing.assert_array_equal(fnp.argsort(x, descending=True), [4, 1, 2, 3, 0, 5])
    np.testing.assert_array_equal(fnp.argsort(x), np.argsort(x, kind="stable"))
    np.testing.assert_array_equal(fnp.sort(x, descending=True)[1:], [3.0, 3.0, 2.0, 1.0, 1.0])
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    np.testing.assert_array_equal(fnp.argsort(x, descending=True),
                                  jnp.argsort(x, descending=True, stable=True))


def test_sort_gradients_and_batching():
    from functorch_lite.test_util import check_grads
    x = np.array([[0.3, -1.2, 2.5, 0.9], [1.1, 0.2, -0.4, 3.0]])
    check_grads(lambda v: fnp.sort(v, axis=1), (x,), order=2)
    check_grads(lambda v: fnp.sort(v, axis=0, descending=True), (x,), order=2)
    np.testing.assert_allclose(fl.vmap(fnp.sort)(x), np.sort(x, axis=1))
    np.testing.assert_allclose(fl.jit(lambda v: fnp.sort(v, axis=None))(x), np.sort(x, None))
    assert fnp.sort(x.astype(np.float32)).dtype == np.float32


def test_top_k_matches_jax():
    x = np.array([[0.3, -1.2, 2.5, 0.9, 2.5], [1.1, 0.2, -0.4, 3.0, 0.0]])
    vals, idx = fl.lax.top_k(x, 3)
    np.testing.assert_array_equal(idx, [[2, 4, 3], [3, 0, 1]])  # ties: lower index first
    np.testing.assert_array_equal(vals, [[2.5, 2.5, 0.9], [3.0, 1.1, 0.2]])
    from functorch_lite.test_util import check_grads
    check_grads(lambda v: fl.lax.top_k(v, 2)[0], (x[1],), order=2)
    vv, ii = fl.vmap(lambda r: fl.lax.top_k(r, 2))(x)
    np.testing.assert_array_equal(ii, idx[:, :2])
    with pytest.raises(ValueError, match="top_k: k=6"):
        fl.lax.top_k(x, 6)
    jax = pytest.importorskip("jax")
    jv, ji = jax.lax.top_k(x, 3)
    np.testing.assert_array_equal(idx, ji)
    np.testing.assert_allclose(vals, jv)


def test_lexsort_partition():
    keys = (np.array([3, 1, 2, 1]), np.array([0, 1, 0, 1]))
    np.testing.assert_array_equal(fnp.lexsort(keys), np.lexsort(keys))
    np.testing.assert_array_equal(fnp.lexsort(keys), [2, 0, 1, 3])
    x = np.array([5.0, 1.0, 4.0, 2.0, 3.0])
    p = fnp.partition(x, 2)
    assert p[2] == np.partition(x, 2)[2] and (p[:2] <= p[2]).all() and (p[3:] >= p[2]).all()
    ap = fnp.argpartition(x, 2)
    assert x[ap][2] == 3.0
    with pytest.raises(ValueError, match="partition: kth 7"):
        fnp.partition(x, 7)


# ------------------------------------------------------------------ sets

def test_unique_outside_and_inside_jit():
    x = np.array([3.0, 1.0, np.nan, 3.0, 2.0, np.nan])
    u, i, inv, c = fnp.unique(x, True, True, True)
    for got, want in zip((u, i, inv, c), np.unique(x, True, True, True)):
        np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(c, [1, 1, 2, 2])  # stored: NaNs grouped (equal_nan)
    f = fl.jit(lambda v: fnp.unique(v, return_counts=True, size=6, fill_value=-1.0))
    uj, cj = f(x)
    np.testing.assert_array_equal(uj[:4], u)
    np.testing.assert_array_equal(uj[4:], [-1.0, -1.0])
    np.testing.assert_array_equal(cj, [1, 1, 2, 2, 0, 0])
    with pytest.raises(ValueError, match="unique: the output size depends"):
        fl.jit(fnp.unique)(x)
    # vmap: each lane its own unique values, padded to size
    xs = np.array([[1, 1, 2], [3, 3, 3]])
    np.testing.assert_array_equal(fl.vmap(lambda r: fnp.unique(r, size=2))(xs), [[1, 2], [3, 3]])


def test_array_api_unique_family():
    x = np.array([[2.0, np.nan], [2.0, 1.0]])
    r = fnp.unique_all(x)
    assert r._fields == ("values", "indices", "inverse_indices", "counts")
    np.testing.assert_array_equal(r.values, [1.0, 2.0, np.nan])  # NaNs distinct
    np.testing.assert_array_equal(r.counts, [1, 2, 1])
    assert r.inverse_indices.shape == x.shape
    np.testing.assert_array_equal(fnp.unique_inverse(x).inverse_indices, [[1, 2], [1, 0]])
    np.testing.assert_array_equal(fnp.unique_counts(x).counts, [1, 2, 1])
    np.testing.assert_array_equal(fnp.unique_values(x), [1.0, 2.0, np.nan])
    j = fl.jit(lambda v: fnp.unique_all(v, size=4))(x)
    np.testing.assert_array_equal(j.counts, [1, 2, 1, 0])
    np.testing.assert_array_equal(j.inverse_indices, r.inverse_indices)


def test_unique_gradient_flows_to_first_occurrence():
    x = np.array([2.0, 1.0, 2.0, 3.0])
    np.testing.assert_array_equal(fl.grad(lambda v: fnp.sum(fnp.unique(v) ** 2))(x),
                                  [4.0, 2.0, 0.0, 6.0])


def test_set_operations_with_and_without_size():
    a, b = np.array([1, 4, 2, 9, 4]), np.array([4, 7, 1, 3])
    for name, want in [("intersect1d", [1, 4]), ("union1d", [1, 2, 3, 4, 7, 9]),
                       ("setdiff1d", [2, 9]), ("setxor1d", [2, 3, 7, 9])]:
        f = getattr(fnp, name)
        np.testing.assert_array_equal(f(a, b), want)
        np.testing.assert_array_equal(f(a, b), getattr(np, name)(a, b))
        got = fl.jit(lambda u, v, _f=f: _f(u, v, size=7, fill_value=-1))(a, b)
        np.testing.assert_array_equal(got, want + [-1] * (7 - len(want)))
        with pytest.raises(ValueError, match=f"{name}: the output size depends"):
            fl.jit(f)(a, b)
    _, i1, i2 = fnp.intersect1d(a, b, return_indices=True)
    np.testing.assert_array_equal(i1, [0, 1])
    np.testing.assert_array_equal(i2, [2, 0])


def test_isin():
    x = np.array([[1.0, np.nan], [7.0, 4.5]])
    t = np.array([7.0, 1.0, np.nan])
    np.testing.assert_array_equal(fnp.isin(x, t), [[True, False], [True, False]])
    np.testing.assert_array_equal(fnp.isin(x, t, invert=True), np.isin(x, t, invert=True))
    np.testing.assert_array_equal(fl.jit(fnp.isin)(x, t), np.isin(x, t))
    np.testing.assert_array_equal(fl.vmap(lambda r: fnp.isin(r, t))(x), np.isin(x, t))
    np.testing.assert_array_equal(fnp.isin(x, np.array([])), np.zeros((2, 2), bool))
