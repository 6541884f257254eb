"""functorch_lite.numpy.linalg beyond the core, NumPy 2's named results, qr's
modes, and linalg on complex matrices: values against NumPy, check_grads order 2
(fwd and rev) where differentiable, vmap against a loop, jit against eager."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads

L = fnp.linalg
R = np.random.default_rng(0)
A = R.standard_normal((4, 3))
SQ = R.standard_normal((3, 3)) + 3 * np.eye(3)
B = R.standard_normal(4)
Z = SQ + 1j * R.standard_normal((3, 3))
HPD = Z @ Z.conj().T + 3 * np.eye(3)


def test_named_results():
    r = L.svd(A, full_matrices=False)
    assert type(r).__name__ == "SVDResult" and r.U.shape == (4, 3) and r.S.shape == (3,)
    assert r.Vh.shape == (3, 3) and isinstance(r, tuple)
    e = L.eigh(SQ + SQ.T)
    assert type(e).__name__ == "EighResult" and e.eigenvectors.shape == (3, 3)
    np.testing.assert_allclose(e.eigenvalues, np.linalg.eigh(SQ + SQ.T).eigenvalues)
    s = L.slogdet(SQ)
    assert type(s).__name__ == "SlogdetResult"
    np.testing.assert_allclose((s.sign, s.logabsdet), np.linalg.slogdet(SQ))
    q = L.qr(A)
    assert type(q).__name__ == "QRResult" and q.Q.shape == (4, 3) and q.R.shape == (3, 3)
    assert type(L.eig(SQ)).__name__ == "EigResult"
    # pytrees: grad through a named field, vmap returns the named tuple
    g = fl.grad(lambda a: fnp.sum(L.svd(a, full_matrices=False).S))(A)
    np.testing.assert_allclose(g, np.linalg.svd(A, full_matrices=False)[0]
                               @ np.linalg.svd(A, full_matrices=False)[2])
    assert type(fl.vmap(L.slogdet)(np.stack([SQ, SQ]))).__name__ == "SlogdetResult"


def test_qr_modes():
    for a in (A, A.T, SQ):
        for mode in ("reduced", "complete"):
            q, r = L.qr(a, mode=mode)
            q2, r2 = np.linalg.qr(a, mode=mode)
            assert q.shape == q2.shape and r.shape == r2.shape
            np.testing.assert_allclose(q @ r, a, atol=1e-12)
            np.testing.assert_allclose(np.abs(r), np.abs(r2), atol=1e-12)
            np.testing.assert_allclose(q.T @ q, np.eye(q.shape[1]), atol=1e-12)
        np.testing.assert_allclose(np.abs(L.qr(a, mode="r")), np.abs(np.linalg.qr(a, "r")),
                                   atol=1e-12)
    q = fl.jit(lambda a: L.qr(a, mode="complete").Q)(A)
    assert q.shape == (4, 4)
    qs = fl.vmap(lambda a: L.qr(a, mode="complete").Q)(np.stack([A, 2 * A]))
    np.testing.assert_allclose(qs[1], L.qr(2 * A, mode="complete").Q, atol=1e-12)
    with pytest.raises(NotImplementedError, match="mode='complete'.*no derivative"):
        fl.grad(lambda a: fnp.sum(L.qr(a, mode="complete").Q))(A)
    check_grads(lambda a: L.qr(a, mode="complete").R, (SQ,), order=1)   # square: reduced
    with pytest.raises(ValueError, match="qr: mode='raw'"):
        L.qr(A, mode="raw")


def _close(a, b, tol=1e-10):
    np.testing.assert_allclose(a, b, rtol=tol, atol=tol)


def test_values_against_numpy():
    _close(L.pinv(A), np.linalg.pinv(A))
    _close(L.pinv(Z), np.linalg.pinv(Z))
    _close(L.pinv(np.outer(B, B[:3])), np.linalg.pinv(np.outer(B, B[:3])))  # rank 1
    for bb in (B, np.stack([B, 2 * B], 1)):
        for got, want in zip(L.lstsq(A, bb), np.linalg.lstsq(A, bb)):
            _close(got, want)
    for n in (0, 1, 2, 3, 5, -1, -2):
        _close(L.matrix_power(SQ, n), np.linalg.matrix_power(SQ, n))
    assert L.matrix_rank(A) == 3 and L.matrix_rank(np.ones((3, 3))) == 1
    assert L.matrix_rank(np.ones((3, 3)), tol=10.0) == 0
    _close(L.multi_dot([A, SQ, SQ.T, B[:3]]), np.linalg.multi_dot([A, SQ, SQ.T, B[:3]]))
    _close(L.multi_dot([B, A, SQ]), np.linalg.multi_dot([B, A, SQ]))
    for p in (None, 2, -2, 1, -1, np.inf, -np.inf, "fro", "nuc"):
        _close(L.cond(SQ, p), np.linalg.cond(SQ, p))
    _close(L.svdvals(A), np.linalg.svdvals(A))
    v, w = R.standard_normal((2, 3)), R.standard_normal(3)
    _close(L.cross(v, w), np.linalg.cross(v, w))
    _close(L.vecdot(Z, Z[0]), np.linalg.vecdot(Z, Z[0]))
    _close(L.matrix_norm(Z), np.linalg.matrix_norm(Z))
    _close(L.matrix_norm(A, ord=1, keepdims=True), np.linalg.matrix_norm(A, ord=1, keepdims=True))
    _close(L.vector_norm(Z, ord=1), np.linalg.vector_norm(Z, ord=1))
    _close(L.vector_norm(A, axis=(0, 1), keepdims=True),
           np.linalg.vector_norm(A, axis=(0, 1), keepdims=True))
    _close(L.vector_norm(A, axis=1, ord=3), np.linalg.vector_norm(A, axis=1, ord=3))
    st = np.stack([SQ, 2 * SQ])
    _close(L.trace(st), np.linalg.trace(st))
    _close(L.diagonal(st, offset=1), np.linalg.diagonal(st, offset=1))
    _close(L.matrix_transpose(st), np.linalg.matrix_transpose(st))
    _close(L.outer(B, B[:2]), np.linalg.outer(B, B[:2]))
    _close(L.tensordot(A, A, axes=([0], [0])), np.linalg.tensordot(A, A, axes=([0], [0])))
    _close(L.matmul(A, SQ), np.linalg.matmul(A, SQ))
    w1 = np.sort_complex(L.eigvals(SQ))
    _close(w1, np.sort_complex(np.linalg.eigvals(SQ).astype(complex)))
    assert L.eig(SQ).eigenvalues.dtype == np.complex128
    assert L.eig(SQ.astype(np.float32)).eigenvectors.dtype == np.complex64
    w, v = L.eig(Z)
    _close(Z @ v, v * w)
    _close(np.linalg.norm(v, axis=0), np.ones(3))
    # top-level kron, cross, vecdot
    for sa, sb in [((2, 3), (4, 5)), ((3,), (2, 2)), ((2, 2, 2), (3, 1))]:
        a, b = R.standard_normal(sa), R.standard_normal(sb)
        _close(fnp.kron(a, b), np.kron(a, b))
    a, b = R.standard_normal((4, 3)), R.standard_normal((4, 3))
    _close(fnp.cross(a, b), np.cross(a, b))
    _close(fnp.cross(a.T, b.T, axis=0), np.cross(a.T, b.T, axis=0))
    _close(fnp.cross(a[:, :2], b[:, :2]), a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0])
    _close(fnp.vecdot(a, b), np.vecdot(a, b))


def test_complex_matrices():
    _close(L.det(Z), np.linalg.det(Z))
    _close(L.inv(Z), np.linalg.inv(Z))
    s, ld = L.slogdet(Z)
    assert ld.dtype == np.float64
    _close(s, np.linalg.slogdet(Z).sign)
    _close(L.solve(Z, Z[:, 0]), np.linalg.solve(Z, Z[:, 0]))
    _close(L.cholesky(HPD), np.linalg.cholesky(HPD))
    _close(L.cholesky(HPD, upper=True), np.linalg.cholesky(HPD, upper=True))
    _close(L.eigh(HPD).eigenvalues, np.linalg.eigvalsh(HPD))
    assert L.eigh(HPD).eigenvalues.dtype == np.float64
    _close(L.svd(Z).S, np.linalg.svd(Z).S)
    for o in (None, 1, 2, np.inf, "fro", "nuc", -2):
        _close(L.norm(Z, o), np.linalg.norm(Z, o))
    _close(L.norm(Z[0], 3), np.linalg.norm(Z[0], 3))
    # derivatives: the holomorphic ones and slogdet's phase
    for f in (L.det, L.inv, lambda z: L.slogdet(z).sign, lambda z: L.slogdet(z).logabsdet,
              lambda z: L.solve(z, z[:, :1]), L.norm, lambda z: L.vecdot(z, z[0]),
              lambda z: L.eigvals(z)):
        check_grads(f, (Z,), order=2)
    # cholesky reads the lower triangle and the diagonal's real part (LAPACK)
    x = np.tril(HPD) + np.triu(Z, 1) + 0.3j * np.eye(3)
    _close(L.cholesky(x), np.linalg.cholesky(x))
    check_grads(L.cholesky, (x,), order=2)
    for uplo in ("L", "U"):
        check_grads(lambda x: L.eigh(x, uplo).eigenvalues, (x,), order=2)
        check_grads(lambda x: fnp.abs(L.eigh(x, uplo).eigenvectors), (x,), order=2)
    zt = np.concatenate([Z, Z[:1] * 1j])                     # tall: 4 x 3
    for m in (Z, zt):
        check_grads(lambda a: L.qr(a).Q, (m,), order=2)
        check_grads(lambda a: L.qr(a).R, (m,), order=2)
    for m in (Z, zt, zt.T):
        check_grads(L.svdvals, (m,), order=2)
        # U diag(s) Vh is gauge-free: its derivative is exact
        check_grads(lambda a: (lambda u, s, vh: (u * s) @ vh)(*L.svd(a, full_matrices=False)),
                    (m,), order=1)


@pytest.mark.parametrize("name,f,args", [
    ("pinv", L.pinv, (A,)), ("lstsq", lambda a: L.lstsq(a, B)[0], (A,)),
    ("lstsq_resid", lambda a: L.lstsq(a, B)[1], (A,)),
    ("matrix_power3", lambda a: L.matrix_power(a, 3), (SQ,)),
    ("matrix_power-2", lambda a: L.matrix_power(a, -2), (SQ,)),
    ("cond", L.cond, (SQ,)), ("cond1", lambda a: L.cond(a, 1), (SQ,)),
    ("cross", lambda a: L.cross(a[0], a[1:]), (SQ,)), ("kron", fnp.kron, (A, SQ)),
    ("multi_dot", lambda a: L.multi_dot([a, a.T, a]), (A,)),
    ("eigvals", L.eigvals, (SQ,)), ("eigvec_abs", lambda a: fnp.abs(L.eig(a)[1]), (SQ,)),
    ("vector_norm", lambda a: L.vector_norm(a, axis=(0, 1)), (A,)),
    ("matrix_norm_nuc", lambda a: L.matrix_norm(a, ord="nuc"), (A,))])
def test_derivatives_vmap_jit(name, f, args):
    order = 1 if name == "eigvec_abs" else 2
    check_grads(f, args, order=order, modes=("fwd", "rev"))
    batched = [np.stack([a, 1.1 * a]) for a in args]
    got = fl.vmap(f)(*batched)
    for k in range(2):
        _close(got[k], f(*[b[k] for b in batched]))
    _close(fl.jit(f)(*args), f(*args))


def test_complex_linalg_gradients_against_jax():
    # JAX differentiates (X + X^H)/2; NumPy's cholesky reads the lower triangle
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    def f(m, x):
        c = m.linalg.cholesky(x)
        return m.sum((c - m.sin(c)) ** 2)
    ours = fl.grad(lambda x: f(fnp, x), holomorphic=True)(HPD)
    theirs = np.asarray(jax.grad(lambda x: f(jnp, x), holomorphic=True)(HPD))
    folded = np.tril(theirs, -1) + np.conj(np.triu(theirs, 1)).T + np.diag(np.diag(theirs))
    _close(ours, folded, 1e-8)
    # eigh likewise (eigenvalues and the phase-invariant |v|**2)

    def g(m, x):
        w, v = m.linalg.eigh(x)
        return m.sum(w * m.arange(3.0)) + m.sum(m.abs(v) ** 2 * m.arange(9.0).reshape(3, 3))
    ours = fl.grad(lambda x: g(fnp, x))(HPD)
    theirs = np.asarray(jax.grad(lambda x: g(jnp, x))(HPD))
    folded = np.tril(theirs, -1) + np.conj(np.triu(theirs, 1)).T + np.diag(np.diag(theirs))
    _close(ours, folded, 1e-8)
    # qr reads the whole matrix: JAX's gradient exactly

    def h(m, x):
        q, r = m.linalg.qr(x)
        return (m.sum(m.abs(q * m.arange(12.0).reshape(4, 3)) ** 2)
                + m.sum(m.real(r) * m.arange(9.0).reshape(3, 3)))
    zt = np.concatenate([Z, Z[:1] * 1j])
    _close(fl.grad(lambda x: h(fnp, x))(zt), jax.grad(lambda x: h(jnp, x))(zt), 1e-8)

    def k(m, x):   # svd: gauge-invariant functions of U and Vh, and s
        u, s, vh = m.linalg.svd(x, full_matrices=False)
        return (m.sum(s * m.arange(3.0)) + m.sum(m.abs(u * m.arange(12.0).reshape(4, 3)) ** 2)
                + m.sum(m.abs(vh) ** 3))
    _close(fl.grad(lambda x: k(fnp, x))(zt), jax.grad(lambda x: k(jnp, x))(zt), 1e-8)


def test_float32_kept():
    a32, s32 = A.astype(np.float32), SQ.astype(np.float32)
    for out in (L.pinv(a32), L.lstsq(a32, B.astype(np.float32))[0], L.matrix_power(s32, 3),
                L.cond(s32), L.svdvals(a32), fnp.kron(a32, s32), L.cross(s32[0], s32[1])):
        assert out.dtype == np.float32


@pytest.mark.parametrize("call,exc,pattern", [
    (lambda: L.matrix_power(SQ, 1.5), TypeError, "matrix_power: exponent must be an integer"),
    (lambda: L.matrix_power(A, 2), np.linalg.LinAlgError, "matrix_power: expected a square"),
    (lambda: L.multi_dot([A]), ValueError, "multi_dot: expecting at least two"),
    (lambda: L.multi_dot([A, np.ones((3, 3, 3))]), ValueError, "multi_dot: array 1 has 3"),
    (lambda: L.cross(np.ones(2), np.ones(2)), ValueError, "cross: incompatible dimensions"),
    (lambda: L.eig(A), np.linalg.LinAlgError, "eig: expected a square"),
    (lambda: L.lstsq(A, np.ones(3)), np.linalg.LinAlgError, "lstsq: b of shape"),
    (lambda: L.pinv(A, rcond=1e-3, rtol=1e-3), ValueError, "pinv: pass rcond or rtol"),
    (lambda: L.det(np.array([["a"]])), TypeError, "unsupported dtype"),
])
def test_errors(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()
