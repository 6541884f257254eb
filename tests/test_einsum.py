"""einsum (opt_einsum path, cached), tensordot, inner, outer, vdot, trace, diagonal."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.numpy import _einsum
from functorch_lite.test_util import check_grads

rng = np.random.default_rng(7)


def r(*s):
    return rng.standard_normal(s)


EINSUM_CASES = [
    ("ij,jk->ik", (r(3, 4), r(4, 5))),
    ("ij,jk", (r(3, 4), r(4, 5))),
    ("ij,jk,kl->il", (r(3, 4), r(4, 5), r(5, 2))),
    ("abc,cd,db->a", (r(2, 3, 4), r(4, 5), r(5, 3))),
    ("ijk,ikl,lm->jm", (r(2, 3, 4), r(2, 4, 5), r(5, 3))),
    ("bij,bjk->bik", (r(2, 3, 4), r(2, 4, 5))),
    ("...ij,...jk->...ik", (r(2, 3, 4), r(4, 5))),
    ("i...,i...->...", (r(3, 2), r(3, 2))),
    ("ii->i", (r(3, 3),)),
    ("ii", (r(3, 3),)),
    ("iij,jk->ik", (r(3, 3, 4), r(4, 2))),
    ("ij->", (r(3, 4),)),
    ("ji", (r(3, 4),)),
    ("i,i", (r(3), r(3))),
    ("i,j->ij", (r(3), r(4))),
    ("ij,ij->i", (r(3, 4), r(3, 4))),
    ("ij,kl->ijkl", (r(2, 3), r(2, 2))),
    ("i,i,i->i", (r(3), r(3), r(3))),
    ("ij,i->", (r(3, 1), r(3))),
    (",ij->ij", (r(), r(2, 2))),
    ("ij,jk,kl,lm,mn->in", (r(2, 3), r(3, 4), r(4, 3), r(3, 2), r(2, 2))),
]


@pytest.mark.parametrize("subs,args", EINSUM_CASES, ids=[c[0] for c in EINSUM_CASES])
def test_einsum_forward_and_grads(subs, args):
    got, want = fnp.einsum(subs, *args), np.einsum(subs, *args)
    assert np.shape(got) == np.shape(want)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    check_grads(lambda *a: fnp.einsum(subs, *a), args, order=2)


def test_einsum_runs_as_dot_general():
    jaxpr = fl.make_jaxpr(lambda a, b, c: fnp.einsum("ij,jk,kl->il", a, b, c))(
        r(30, 4), r(4, 30), r(30, 2))
    names = [e.primitive.name for e in jaxpr.jaxpr.eqns]
    assert names.count("dot_general") == 2
    # opt_einsum contracts the small pair first: b @ c, then a @ (b c)
    first = jaxpr.jaxpr.eqns[0]
    assert [v.aval.shape for v in first.invars] == [(4, 30), (30, 2)]


def test_einsum_path_is_cached():
    _einsum._plan.cache_clear()
    a, b = r(3, 4), r(4, 5)
    fnp.einsum("ij,jk->ik", a, b)
    info = _einsum.einsum_path_cache_info()
    assert (info.hits, info.misses) == (0, 1)
    fnp.einsum("ij,jk->ik", r(3, 4), r(4, 5))
    fl.grad(lambda x: fnp.sum(fnp.einsum("ij,jk->ik", x, b)))(a)
    info = _einsum.einsum_path_cache_info()
    assert (info.hits, info.misses) == (2, 1)
    fnp.einsum("ij,jk->ik", r(3, 4), r(4, 6))     # new shapes: a new path
    assert _einsum.einsum_path_cache_info().misses == 2


def test_einsum_batching_and_dtypes():
    a, b = r(3, 2, 4), r(3, 4, 5)
    got = fl.vmap(lambda x, y: fnp.einsum("ij,jk->ik", x, y))(a, b)
    np.testing.assert_allclose(got, np.stack([a[i] @ b[i] for i in range(3)]))
    got = fl.vmap(lambda x: fnp.einsum("ii->", x))(r(3, 4, 4))
    assert got.shape == (3,)
    a32 = a.astype(np.float32)
    assert fnp.einsum("bij,bjk->bik", a32, b.astype(np.float32)).dtype == np.float32
    g = fl.grad(lambda x: fnp.sum(fnp.einsum("bij,bjk->bik", x, x.transpose(0, 2, 1))))(a32)
    assert g.dtype == np.float32
    assert fnp.einsum("ij,j->i", np.ones((2, 2), int), np.ones(2, int)).dtype == np.int64


def test_einsum_errors():
    with pytest.raises(ValueError, match="operand"):
        fnp.einsum("ij,jk->ik", r(2, 2))
    with pytest.raises(ValueError, match="has 2 indices but its operand has shape"):
        fnp.einsum("ij->i", r(2, 2, 2))
    with pytest.raises(ValueError, match="index 'j' has sizes 3 and 4"):
        fnp.einsum("ij,jk->ik", r(2, 3), r(4, 2))
    with pytest.raises(ValueError, match="repeats an index"):
        fnp.einsum("ij->jj", r(2, 2))
    with pytest.raises(ValueError, match="output index 'z'"):
        fnp.einsum("ij->z", r(2, 2))


@pytest.mark.parametrize("offset", [-2, -1, 0, 1, 3, 5])
@pytest.mark.parametrize("axes", [(0, 1), (1, 2), (2, 0), (-1, -2)])
def test_diagonal_and_trace(offset, axes):
    x = r(2, 3, 4)
    np.testing.assert_array_equal(fnp.diagonal(x, offset, *axes), np.diagonal(x, offset, *axes))
    np.testing.assert_allclose(fnp.trace(x, offset, *axes), np.trace(x, offset, *axes))
    if abs(offset) < 3:
        check_grads(lambda v: fnp.diagonal(v, offset, *axes), (x,), order=2)
        check_grads(lambda v: fnp.trace(v, offset, *axes), (x,), order=2)


def test_trace_diagonal_misc():
    m = np.arange(9).reshape(3, 3)
    assert fnp.trace(m) == 12 and fnp.trace(m).dtype == np.int64
    np.testing.assert_array_equal(fl.grad(fnp.trace)(np.ones((3, 3))), np.eye(3))
    got = fl.vmap(fnp.diagonal)(r(4, 3, 3))
    assert got.shape == (4, 3)
    with pytest.raises(ValueError, match="diagonal: needs an array of at least 2"):
        fnp.diagonal(r(3))
    with pytest.raises(ValueError, match="axis1 and axis2 cannot be the same"):
        fnp.diagonal(r(3, 3), 0, 1, 1)


PRODUCTS = [
    ("tensordot2", lambda a, b: fnp.tensordot(a, b), lambda a, b: np.tensordot(a, b),
     (r(2, 3, 4), r(3, 4, 5))),
    ("tensordot1", lambda a, b: fnp.tensordot(a, b, 1), lambda a, b: np.tensordot(a, b, 1),
     (r(2, 3), r(3, 4))),
    ("tensordot0", lambda a, b: fnp.tensordot(a, b, 0), lambda a, b: np.tensordot(a, b, 0),
     (r(2), r(3))),
    ("tensordot_pairs", lambda a, b: fnp.tensordot(a, b, ([0, 2], [2, 0])),
     lambda a, b: np.tensordot(a, b, ([0, 2], [2, 0])), (r(2, 3, 4), r(4, 5, 2))),
    ("inner", fnp.inner, np.inner, (r(2, 3), r(4, 3))),
    ("inner_vec", fnp.inner, np.inner, (r(3), r(3))),
    ("inner_scalar", fnp.inner, np.inner, (r(), r(2))),
    ("outer", fnp.outer, np.outer, (r(2, 2), r(3))),
    ("vdot", fnp.vdot, np.vdot, (r(2, 2), r(4))),
]


@pytest.mark.parametrize("name,f,ref,args", PRODUCTS, ids=[c[0] for c in PRODUCTS])
def test_products(name, f, ref, args):
    got, want = f(*args), ref(*args)
    assert np.shape(got) == np.shape(want)
    np.testing.assert_allclose(got, want, rtol=1e-12)
    check_grads(f, args, order=2)


def test_product_errors():
    with pytest.raises(ValueError, match="tensordot: shape mismatch"):
        fnp.tensordot(r(2, 3), r(2, 3), 1)
    with pytest.raises(ValueError, match="inner: last dimensions"):
        fnp.inner(r(2), r(3))
    with pytest.raises(ValueError, match="vdot: arrays of 2 and 3"):
        fnp.vdot(r(2), r(3))
