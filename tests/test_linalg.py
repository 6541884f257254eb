"""fnp.linalg: forward vs NumPy, derivatives (order 2, fwd + rev), batching,
float32, lower-triangle semantics, norm subgradients and error messages."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads

L = fnp.linalg
rng = np.random.default_rng(42)


def randn(*s):
    return rng.standard_normal(s)


def spd(*lead, n=4):
    a = randn(*lead, n, n)
    return a @ np.swapaxes(a, -1, -2) + n * np.eye(n)


def distinct_sym(n=4):
    q, _ = np.linalg.qr(randn(n, n))
    return (q * np.arange(1.0, n + 1)) @ q.T


A = randn(4, 4) + 4 * np.eye(4)
B = randn(4, 2)
TALL, WIDE = randn(5, 3), randn(3, 5)


def leaves(x):
    return [np.asarray(v) for v in fl.tree_util.tree_leaves(x)]


def thin_svd(a):
    return L.svd(a, full_matrices=False)


# (name, our function, numpy function, args); each checked forward and order-2
CASES = [
    ("inv", L.inv, np.linalg.inv, (A,)),
    ("det", L.det, np.linalg.det, (A,)),
    ("slogdet", L.slogdet, lambda a: tuple(np.linalg.slogdet(a)), (A,)),
    ("solve_mat", L.solve, np.linalg.solve, (A, B)),
    ("solve_vec", L.solve, np.linalg.solve, (A, B[:, 0])),
    ("cholesky", L.cholesky, np.linalg.cholesky, (spd(),)),
    ("cholesky_upper", lambda a: L.cholesky(a, upper=True),
     lambda a: np.linalg.cholesky(a).T, (spd(),)),
    ("eigh", L.eigh, lambda a: tuple(np.linalg.eigh(a)), (distinct_sym(),)),
    ("eigh_U", lambda a: L.eigh(a, UPLO="U"), lambda a: tuple(np.linalg.eigh(a, "U")),
     (distinct_sym(),)),
    ("qr_square", L.qr, lambda a: tuple(np.linalg.qr(a)), (A,)),
    ("qr_tall", L.qr, lambda a: tuple(np.linalg.qr(a)), (TALL,)),
    ("svd_square", L.svd, lambda a: tuple(np.linalg.svd(a)), (A,)),
    ("svd_tall", thin_svd, lambda a: tuple(np.linalg.svd(a, full_matrices=False)), (TALL,)),
    ("svd_wide", thin_svd, lambda a: tuple(np.linalg.svd(a, full_matrices=False)), (WIDE,)),
    ("svdvals", lambda a: L.svd(a, compute_uv=False), lambda a: np.linalg.svd(a, compute_uv=False),
     (TALL,)),
]


@pytest.mark.parametrize("name,f,ref,args", CASES, ids=[c[0] for c in CASES])
def test_forward_and_grads(name, f, ref, args):
    got, want = leaves(f(*args)), leaves(ref(*args))
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.shape == w.shape and g.dtype == w.dtype
        np.testing.assert_allclose(g, w, rtol=1e-10, atol=1e-12)
    check_grads(f, args, order=2)


NORM_CASES = [
    ((5,), dict()), ((5,), dict(ord=2)), ((5,), dict(ord=1)), ((5,), dict(ord=np.inf)),
    ((5,), dict(ord=-np.inf)), ((5,), dict(ord=3)), ((5,), dict(ord=0.5)),
    ((3, 4), dict()), ((3, 4), dict(ord="fro")), ((3, 4), dict(ord="nuc")),
    ((3, 4), dict(ord=2)), ((3, 4), dict(ord=-2)), ((3, 4), dict(ord=1)),
    ((3, 4), dict(ord=-1)), ((3, 4), dict(ord=np.inf)), ((3, 4), dict(ord=-np.inf)),
    ((2, 3, 4), dict()), ((2, 3, 4), dict(axis=1)), ((2, 3, 4), dict(axis=-1, ord=1)),
    ((2, 3, 4), dict(axis=(0, 2))), ((2, 3, 4), dict(axis=(2, 0), ord=1)),
    ((2, 3, 4), dict(axis=(1, 2), ord=np.inf)), ((2, 3, 4), dict(axis=(-1, -2), ord="nuc")),
    ((2, 3, 4), dict(axis=(0, 1), ord=2)),
]


@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("shape,kw", NORM_CASES, ids=[f"{s}-{k}" for s, k in NORM_CASES])
def test_norm(shape, kw, keepdims):
    x = randn(*shape)
    f = lambda a: L.norm(a, keepdims=keepdims, **kw)  # noqa: E731
    want = np.linalg.norm(x, keepdims=keepdims, **kw)
    got = np.asarray(f(x))
    assert got.shape == np.shape(want)
    np.testing.assert_allclose(got, want, rtol=1e-10)
    if not keepdims:
        check_grads(f, (x,), order=2)


def test_norm_ord0_counts_nonzeros():
    x = np.array([0.0, 2.0, 0.0, -1.0])
    assert L.norm(x, 0) == 2.0
    np.testing.assert_array_equal(fl.grad(lambda v: L.norm(v, 0))(x), np.zeros(4))


@pytest.mark.parametrize("kw", [dict(), dict(ord=2), dict(ord=3), dict(ord=1),
                                dict(ord=np.inf)], ids=str)
def test_norm_grad_at_zero_is_zero(kw):
    g = fl.grad(lambda v: L.norm(v, **kw))(np.zeros(3))
    np.testing.assert_array_equal(g, np.zeros(3))
    for kwm in (dict(), dict(ord="fro"), dict(ord="nuc"), dict(ord=2)):
        gm = fl.grad(lambda m: L.norm(m, **kwm))(np.zeros((2, 3)))
        assert np.all(np.isfinite(gm))
    np.testing.assert_array_equal(fl.grad(L.norm)(np.zeros((2, 3))), np.zeros((2, 3)))
    np.testing.assert_array_equal(fl.hessian(L.norm)(np.zeros(3)), np.zeros((3, 3)))
    np.testing.assert_array_equal(fl.jacfwd(L.norm)(np.zeros(3)), np.zeros(3))


def test_lower_triangle_semantics():
    """cholesky and eigh ignore the strict upper triangle, as NumPy does: its
    gradient is zero and the lower entries carry the symmetric derivative."""
    a = spd()
    junk = a + np.triu(randn(4, 4), 1) * 10
    np.testing.assert_allclose(L.cholesky(junk), np.linalg.cholesky(junk))
    np.testing.assert_allclose(L.eigh(junk)[0], np.linalg.eigh(junk)[0])
    for f in (lambda m: fnp.sum(fnp.sin(L.cholesky(m))),
              lambda m: fnp.sum(L.eigh(m)[0] ** 3)):
        g = fl.grad(f)(junk)
        assert np.all(np.triu(g, 1) == 0)
    check_grads(L.cholesky, (junk,), order=2)


def _stack(fs):
    return [np.stack(x) for x in zip(*[leaves(f) for f in fs])]


BATCH_CASES = [
    ("inv", L.inv, (randn(3, 4, 4) + 4 * np.eye(4),)),
    ("det", L.det, (randn(3, 4, 4),)),
    ("slogdet", L.slogdet, (randn(3, 4, 4),)),
    ("solve", L.solve, (randn(3, 4, 4) + 4 * np.eye(4), randn(3, 4, 2))),
    ("cholesky", L.cholesky, (spd(3),)),
    ("eigh", L.eigh, (np.stack([distinct_sym() for _ in range(3)]),)),
    ("qr", L.qr, (randn(3, 5, 3),)),
    ("svd", thin_svd, (randn(3, 5, 3),)),
    ("norm2", lambda a: L.norm(a, 2), (randn(3, 4, 4),)),
]


@pytest.mark.parametrize("name,f,args", BATCH_CASES, ids=[c[0] for c in BATCH_CASES])
def test_batching_matches_loop(name, f, args):
    loop = _stack([f(*[a[i] for a in args]) for i in range(3)])
    for got in (leaves(fl.vmap(f)(*args)), leaves(f(*args)) if name != "norm2" else loop):
        for g, w in zip(got, loop):
            np.testing.assert_allclose(g, w, rtol=1e-10, atol=1e-12)

    def loss(*a):
        return sum(fnp.sum(fnp.sin(v)) for v in fl.tree_util.tree_leaves(f(*a)))
    gv = fl.vmap(fl.grad(loss))(*args)
    gl = np.stack([fl.grad(loss)(*[a[i] for a in args]) for i in range(3)])
    np.testing.assert_allclose(gv, gl, rtol=1e-9, atol=1e-12)
    # batched jvp (vmap over tangents) vs a loop
    t = [randn(*a.shape) for a in args]
    jv = fl.vmap(lambda *pt: fl.jvp(f, pt[:len(args)], pt[len(args):])[1])(*args, *t)
    jl = _stack([fl.jvp(f, tuple(a[i] for a in args), tuple(x[i] for x in t))[1]
                 for i in range(3)])
    for g, w in zip(leaves(jv), jl):
        np.testing.assert_allclose(g, w, rtol=1e-9, atol=1e-12)


def test_solve_broadcasts_batch_dims():
    a = randn(2, 1, 3, 3) + 3 * np.eye(3)
    b = randn(4, 3, 2)
    np.testing.assert_allclose(L.solve(a, b), np.linalg.solve(a, b))
    np.testing.assert_allclose(L.solve(a, b[0, :, 0]), np.linalg.solve(a, b[0, :, 0]))


@pytest.mark.parametrize("name,f,args", [
    ("inv", L.inv, (A,)), ("det", L.det, (A,)), ("solve", L.solve, (A, B)),
    ("cholesky", L.cholesky, (spd(),)), ("eigh", L.eigh, (distinct_sym(),)),
    ("qr", L.qr, (TALL,)), ("svd", thin_svd, (TALL,)), ("norm", L.norm, (A,)),
    ("nuc", lambda a: L.norm(a, "nuc"), (A,))], ids=lambda v: v if isinstance(v, str) else "")
def test_float32_stays_float32(name, f, args):
    args32 = tuple(a.astype(np.float32) for a in args)
    for v in leaves(f(*args32)):
        assert v.dtype == np.float32
    loss = lambda *a: sum(fnp.sum(v) for v in fl.tree_util.tree_leaves(f(*a)))  # noqa: E731
    gs = fl.grad(loss, argnums=tuple(range(len(args))))(*args32)
    assert all(g.dtype == np.float32 for g in gs)
    jaxpr = str(fl.make_jaxpr(fl.grad(loss))(*args32))
    assert "f64" not in jaxpr


def test_int_input_becomes_float64():
    assert L.inv(np.array([[2, 0], [0, 4]])).dtype == np.float64
    assert L.norm(np.array([3, 4])) == 5.0


@pytest.mark.parametrize("f,name", [(L.inv, "inv"), (L.det, "det"), (L.slogdet, "slogdet"),
                                    (L.cholesky, "cholesky"), (L.eigh, "eigh"),
                                    (lambda a: L.solve(a, np.ones(2)), "solve")])
def test_non_square_error_names_function_and_shape(f, name):
    with pytest.raises(np.linalg.LinAlgError, match=rf"{name}.*\(2, 3\)"):
        f(np.ones((2, 3)))
    with pytest.raises(np.linalg.LinAlgError, match=name):
        f(np.ones(3))


def test_other_errors():
    with pytest.raises(ValueError, match="solve.*right-hand side"):
        L.solve(A, np.ones(3))
    with pytest.raises(ValueError, match="invalid norm order 'fro' for vectors"):
        L.norm(np.ones(3), "fro")
    with pytest.raises(ValueError, match="improper number of dimensions"):
        L.norm(np.ones((2, 2, 2)), 2)
    with pytest.raises(np.exceptions.AxisError, match="norm: axis 3"):
        L.norm(np.ones((2, 2)), axis=3)
    with pytest.raises(TypeError, match="inv: unsupported dtype <U1"):
        L.inv(np.array([["a", "b"], ["c", "d"]]))
    with pytest.raises(NotImplementedError, match="full_matrices=False"):
        fl.grad(lambda a: fnp.sum(L.svd(a)[0]))(TALL)
    with pytest.raises(NotImplementedError, match="m >= n"):
        fl.grad(lambda a: fnp.sum(L.qr(a)[1]))(WIDE)
    # a concrete non-square full SVD still works (NumPy's answer)
    np.testing.assert_allclose(L.svd(TALL)[0], np.linalg.svd(TALL)[0])


def test_under_make_jaxpr_prints_primitives():
    s = str(fl.make_jaxpr(lambda a: L.det(L.inv(a)))(A))
    assert "solve" in s and "slogdet" in s


def test_degenerate_eigenvalues_give_finite_gradients():
    # eigenvalues gradient is fine even with repeated eigenvalues
    g = fl.grad(lambda m: fnp.sum(L.eigh(m)[0] ** 2))(np.eye(3))
    np.testing.assert_allclose(g, 2 * np.eye(3))
    g = fl.grad(lambda m: L.norm(m, "nuc"))(np.eye(3))
    np.testing.assert_allclose(g, np.eye(3))


@pytest.mark.parametrize("name,f,ref,args", CASES, ids=[c[0] for c in CASES])
def test_shape_rules_agree_with_kernels(name, f, ref, args):
    """make_jaxpr of f, its jvp and its vjp type-checks, and evaluating the jaxpr
    gives the eager values with the avals the shape rules promised (f32 too)."""
    from functorch_lite.core.eval import eval_closed_jaxpr
    from functorch_lite.core.ir import typecheck_jaxpr
    if name == "svd_square":
        f = thin_svd
    for dt in (np.float64, np.float32):
        xs = tuple(a.astype(dt) for a in args)
        ts = tuple(np.ones_like(a) for a in xs)
        progs = [f, lambda *a: fl.jvp(f, a, ts)[1],
                 lambda *a: fl.vjp(f, *a)[1](f(*xs))]
        for g in progs:
            closed = fl.make_jaxpr(g)(*xs)
            typecheck_jaxpr(closed.jaxpr)
            got = eval_closed_jaxpr(closed, *xs)
            want = leaves(g(*xs))
            for v, w, var in zip(got, want, closed.jaxpr.outvars):
                assert v.shape == w.shape == var.aval.shape
                assert v.dtype == w.dtype == var.aval.dtype == dt
                np.testing.assert_allclose(v, w, rtol=1e-4 if dt == np.float32 else 1e-12)


from _device import device  # noqa: F401,E402  (fixture)


def test_no_host_constants_leak_into_another_backend(device):
    """Rules build their identity/triangular masks and Jacobian bases on the
    input's backend: with a stand-in second backend, nothing mixes with host
    arrays (which the core reports as an error)."""
    ah = A @ A.T
    a = device.put(ah)
    funs = [L.inv, L.det, L.cholesky, L.eigh, L.qr, L.svd, lambda m: L.norm(m, "nuc"),
            lambda m: L.solve(m, m[:, 0]), lambda m: fnp.einsum("ij,jk->ik", m, m),
            fnp.trace, fnp.logsumexp, fnp.log_softmax, fnp.softplus]
    for f in funs:
        def loss(m):
            return sum(fnp.sum(fnp.sin(v)) for v in fl.tree_util.tree_leaves(f(m)))
        out = f(a)
        ct = fl.tree_util.tree_map(lambda o: o * 0 + 1, out)
        results = [out, fl.vjp(f, a)[1](ct), fl.jvp(f, (a,), (a * 0 + 1,))[1],
                   fl.vmap(f)(device.put(np.stack([ah, ah]))),
                   fl.jacrev(loss)(a), fl.hessian(loss)(a)]
        for v in fl.tree_util.tree_leaves(results):
            assert device.is_dev(v), type(v)
        np.testing.assert_allclose(device.host(results[-1]), fl.hessian(loss)(ah),
                                   rtol=1e-9, atol=1e-9)


def test_vmap_over_right_hand_sides_factors_once():
    a, bs = A, randn(5, 4, 2)
    got = fl.vmap(lambda b: L.solve(a, b))(bs)
    np.testing.assert_allclose(got, np.stack([np.linalg.solve(a, b) for b in bs]))
    got = fl.vmap(lambda b: L.solve(a, b), in_axes=2)(bs.transpose(1, 2, 0))
    np.testing.assert_allclose(got, np.stack([np.linalg.solve(a, b) for b in bs]))
    closed = fl.make_jaxpr(fl.vmap(lambda b: L.solve(a, b)))(bs)
    (eqn,) = [e for e in closed.jaxpr.eqns if e.primitive.name == "solve"]
    assert eqn.invars[0].aval.shape == (4, 4)        # the matrix is not broadcast
