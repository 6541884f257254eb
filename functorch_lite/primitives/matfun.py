"""Matrix functions for functorch_lite.scipy.linalg: lu, expm, sqrtm.

All work on stacks of square matrices (the last two axes); the batching rule
moves the batch axis to the front.  Derivative rules are written with
primitives, so they nest:

- ``lu(a) -> (lu, piv, perm)``: partial-pivoting LU, ``a[perm] = L U`` with L
  unit lower and U upper packed in ``lu``; ``piv`` are LAPACK's 0-based row
  interchanges (int32), ``perm`` the resulting row order (int32).  The kernel
  is written with the backend's own array operations (a loop over the n
  columns, vectorised over the batch), so it runs on every backend.  With
  X = L^-1 dA[perm] U^-1: dL = L tril(X, -1), dU = triu(X) U (as JAX).
- ``expm(a)``: scipy.linalg.expm's kernel (host backends).  The Frechet
  derivative in direction E is the upper-right block of expm([[A, E], [0, A]]);
  its adjoint is the same with A^T, so the rules bind expm itself.
- ``sqrtm(a)``: the principal square root (scipy.linalg.sqrtm, host backends,
  real results only).  dS solves S dS + dS S = dA, written as the Kronecker
  system (I (x) S^T + S (x) I) vec(dS) = vec(dA) and solved with ``solve``
  (n^2 unknowns: meant for small matrices); the adjoint uses its transpose.
"""
import numpy as np

from ..core.backend import backend_of
from ..core.ir import ShapedArray
from ..core.primitive import defprim, Primitive
from ..core.trace import get_aval
from . import _util as U
from . import cumulative as C
from .linalg import (_T, _mm, _front_batch, _check_square, solve, eye_like, tril_like,
                     ones_vector)

ew, shp = U.ew, U.shp


def _n(x):
    return get_aval(x).shape[-1]


def _host(xp, name):
    b = backend_of(xp)
    if not b.is_host:
        raise NotImplementedError(f"{name}: no kernel for the {b.name} backend yet "
                                  f"(scipy.linalg runs on host arrays only)")


# ------------------------------------------------------------------------ lu

def _lu_impl(xp, a):
    per_matrix = getattr(xp, "per_matrix", None)   # immutable arrays (Dask): NumPy's per matrix
    if per_matrix is not None:
        return list(per_matrix(lambda m: _lu_impl(np, m), "(n,n)->(n,n),(n),(n)", a,
                               (a.dtype, np.int32, np.int32)))
    shape = a.shape
    n = shape[-1]
    b = xp.array(a, copy=True).reshape((-1, n, n))
    nb = b.shape[0]
    rows = xp.arange(nb)
    piv = xp.zeros((nb, n), dtype=np.int32)
    perm = xp.array(xp.broadcast_to(xp.arange(n, dtype=np.int32), (nb, n)), copy=True)
    for k in range(n):
        p = k + xp.argmax(xp.abs(b[:, k:, k]), axis=1)
        piv[:, k] = p
        rk, rp = b[rows, k, :].copy(), b[rows, p, :].copy()
        b[rows, k, :], b[rows, p, :] = rp, rk
        qk, qp = perm[rows, k].copy(), perm[rows, p].copy()
        perm[rows, k], perm[rows, p] = qp, qk
        if k + 1 < n:
            pivot = b[:, k, k]
            safe = xp.where(pivot == 0, xp.ones_like(pivot), pivot)   # LAPACK: info > 0
            b[:, k + 1:, k] /= safe[:, None]
            b[:, k + 1:, k + 1:] -= b[:, k + 1:, k:k + 1] * b[:, k:k + 1, k + 1:]
    return [b.reshape(shape), piv.reshape(shape[:-1]), perm.reshape(shape[:-1])]


def _lu_abstract(a):
    _check_square("lu", a)
    idx = ShapedArray(a.shape[:-1], np.dtype(np.int32))
    return [ShapedArray(a.shape, a.dtype), idx, idx]


def perm_matrix(perm, like):
    """P with P[..., i, j] = (perm[..., i] == j), of like's dtype: P @ a = a[perm]."""
    n = _n(perm)
    iota = ew.sub(C.cumsum(_ones_int(perm, n), 0), np.int32(1))
    s = get_aval(perm).shape
    full = s + (n,)
    nd = len(s)
    pi = shp.broadcast_in_dim(perm, full, tuple(range(nd)))
    jj = shp.broadcast_in_dim(iota, full, (nd,))
    return ew.convert_element_type(ew.eq(pi, jj), get_aval(like).dtype)


def _ones_int(ref, n):
    return ones_vector(ref, n, np.int32)


def _lu_parts(lu_):
    n = _n(lu_)
    low = ew.add(ew.mul(lu_, tril_like(lu_, n, -1)), eye_like(lu_, n))
    up = ew.mul(lu_, ew.sub(1.0, tril_like(lu_, n, -1)))
    return low, up


def _lu_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    lu_, piv, perm = lu_p.bind(a)
    low, up = _lu_parts(lu_)
    pa = _mm(perm_matrix(perm, a), ta)
    x = _T(solve(_T(up), _T(solve(low, pa))))          # L^-1 dA_p U^-1
    n = _n(a)
    sl = tril_like(a, n, -1)
    dl = _mm(low, ew.mul(x, sl))
    du = _mm(ew.mul(x, ew.sub(1.0, sl)), up)
    return [lu_, piv, perm], [ew.add(dl, du), None, None]


def _lu_vjp(ct, ins, out, needs):
    c = ct[0]
    if c is None:
        return (None,)
    lu_, _, perm = out
    low, up = _lu_parts(lu_)
    n = _n(lu_)
    sl = tril_like(lu_, n, -1)
    su = ew.sub(1.0, sl)
    cx = ew.add(ew.mul(_mm(_T(low), ew.mul(c, sl)), sl), ew.mul(_mm(ew.mul(c, su), _T(up)), su))
    cap = solve(_T(low), _T(solve(up, _T(cx))))        # L^-T cX U^-T
    return (_mm(_T(perm_matrix(perm, lu_)), cap),)


lu_p: Primitive = defprim("lu", impl=_lu_impl, abstract=_lu_abstract, jvp=_lu_jvp, vjp=_lu_vjp,
               batch=lambda vals, dims: _front_batch(lu_p, vals, dims),
               saves="out", multiple_results=True)


def lu(a):
    """(lu, piv, perm) of a square matrix or a stack of them."""
    return lu_p.bind(a)


def pivots_to_permutation(piv, n):
    """The row order perm (a[perm] = L U) from LAPACK's row interchanges, with
    primitives: the interchanges applied in turn to 0..n-1 (batched)."""
    s = get_aval(piv).shape
    nd = len(s)
    iota = ew.sub(C.cumsum(_ones_int(piv, n), 0), np.int32(1))
    perm = shp.broadcast_in_dim(iota, s[:-1] + (n,), (nd - 1,))
    for k in range(min(s[-1], n)):
        pk = shp.reshape(shp.slice_(piv, (0,) * (nd - 1) + (k,), s[:-1] + (k + 1,)),
                         s[:-1] + (1,))
        pk = shp.broadcast_in_dim(pk, s[:-1] + (n,), tuple(range(nd)))
        at_k = ew.eq(shp.broadcast_in_dim(iota, s[:-1] + (n,), (nd - 1,)), np.int32(k))
        at_p = ew.eq(shp.broadcast_in_dim(iota, s[:-1] + (n,), (nd - 1,)), pk)
        vk = _take_col(perm, k, s[:-1], n)
        vp = _take_at(perm, at_p)
        perm = ew.select(at_k, vp, ew.select(at_p, vk, perm))
    return perm


def _take_col(x, k, lead, n):
    nd = len(lead)
    v = shp.slice_(x, (0,) * nd + (k,), lead + (k + 1,))
    return shp.broadcast_in_dim(shp.reshape(v, lead + (1,)), lead + (n,), tuple(range(nd + 1)))


def _take_at(x, mask):
    """x's entry where mask (one True per row) is set, broadcast along the row."""
    s = get_aval(x).shape
    v = U.red.reduce_sum(ew.select(mask, x, U.zeros_like(x)), (len(s) - 1,))
    return shp.broadcast_in_dim(v, s, tuple(range(len(s) - 1)))


# ---------------------------------------------------------------------- expm

def _expm_impl(xp, a):
    _host(xp, "expm")
    import scipy.linalg
    out = scipy.linalg.expm(a)
    return out.astype(a.dtype, copy=False)


def _square_abstract(name):
    def abstract(a):
        _check_square(name, a)
        return ShapedArray(a.shape, a.dtype)
    return abstract


def _block_upper(a, e):
    """[[a, e], [0, a]] for (..., n, n) blocks."""
    nd = get_aval(a).ndim
    top = shp.concatenate([a, e], nd - 1)
    bottom = shp.concatenate([U.zeros_like(a), a], nd - 1)
    return shp.concatenate([top, bottom], nd - 2)


def _upper_right(m, n):
    s = get_aval(m).shape
    lead = s[:-2]
    return shp.slice_(m, (0,) * len(lead) + (0, n), lead + (n, 2 * n))


def _expm_frechet(a, e):
    return _upper_right(expm_p.bind(_block_upper(a, e)), _n(a))


def _expm_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    return expm_p.bind(a), _expm_frechet(a, ta)


def _expm_vjp(ct, ins, out, needs):
    return (_expm_frechet(_T(ins[0]), ct),)


expm_p: Primitive = defprim("expm", impl=_expm_impl, abstract=_square_abstract("expm"), jvp=_expm_jvp,
                 vjp=_expm_vjp, batch=lambda vals, dims: _front_batch(expm_p, vals, dims),
                 saves="ins")


def expm(a):
    """The matrix exponential of a square matrix or a stack of them."""
    return expm_p.bind(a)


# --------------------------------------------------------------------- sqrtm

def _sqrtm_impl(xp, a):
    _host(xp, "sqrtm")
    import scipy.linalg
    n = a.shape[-1]
    flat = a.reshape((-1, n, n))
    out = np.empty(flat.shape, a.dtype)
    for i, m in enumerate(flat):
        r = scipy.linalg.sqrtm(m)
        if np.iscomplexobj(r):
            if np.max(np.abs(r.imag), initial=0.0) > 1e-8 * max(np.max(np.abs(r.real),
                                                                       initial=0.0), 1.0):
                raise ValueError("sqrtm: the matrix has no real principal square root "
                                 "(an eigenvalue on the negative real axis); complex "
                                 "results are not supported")
            r = r.real
        out[i] = r
    return out.reshape(a.shape)


def _kron(x, y):
    """kron over the last two axes (batched): out[.., i*n+k, j*n+l] = x[i, j] y[k, l]."""
    s = get_aval(x).shape
    lead, n = s[:-2], s[-1]
    nb = len(lead)
    full = lead + (n, n, n, n)                    # (i, k, j, l)
    bx = shp.broadcast_in_dim(x, full, tuple(range(nb)) + (nb, nb + 2))
    by = shp.broadcast_in_dim(y, full, tuple(range(nb)) + (nb + 1, nb + 3))
    return shp.reshape(ew.mul(bx, by), lead + (n * n, n * n))


def _sylvester_matrix(s):
    """K with K vec_r(X) = vec_r(S X + X S) (row-major vec)."""
    eye = shp.broadcast_to(eye_like(s, _n(s)), get_aval(s).shape)
    return ew.add(_kron(s, eye), _kron(eye, _T(s)))


def _vec_solve(k, m):
    s = get_aval(m).shape
    lead, n = s[:-2], s[-1]
    x = solve(k, shp.reshape(m, lead + (n * n, 1)))
    return shp.reshape(x, s)


def _sqrtm_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    s = sqrtm_p.bind(a)
    return s, _vec_solve(_sylvester_matrix(s), ta)


def _sqrtm_vjp(ct, ins, out, needs):
    return (_vec_solve(_T(_sylvester_matrix(out)), ct),)


sqrtm_p: Primitive = defprim("sqrtm", impl=_sqrtm_impl, abstract=_square_abstract("sqrtm"),
                  jvp=_sqrtm_jvp, vjp=_sqrtm_vjp,
                  batch=lambda vals, dims: _front_batch(sqrtm_p, vals, dims),
                  saves="out")


def sqrtm(a):
    """The principal square root of a square matrix or a stack of them."""
    return sqrtm_p.bind(a)


__all__ = ["lu", "expm", "sqrtm", "pivots_to_permutation", "perm_matrix"]
