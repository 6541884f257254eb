"""Matrix decompositions and solves: solve, slogdet, cholesky, eigh, qr, svd.

Every primitive works on stacks of matrices (any leading batch dims, the
matrix in the last two axes), so the batching rule only moves the batch axis
to the front.  inv/det/triangular solves are compositions of these (see
functorch_lite.numpy.linalg); NumPy has no triangular solver, so the rules
use ``solve`` on triangular factors as well.

Derivative rules are written with primitive wrappers so they nest.  Symmetric
inputs (cholesky, eigh) read only the lower triangle, as NumPy does: the
tangent is first symmetrised from its lower triangle, and the cotangent is
mapped back onto the lower triangle (diagonal once, strict lower part twice).
Complex matrices use conjugate transposes (Hermitian, unitary) and JAX's
complex convention (see cplx.py); LAPACK reads only the real part of a
Hermitian input's diagonal, and the rules do the same.
"""
from ..core.ir import ShapedArray
from ..core.trace import get_aval
from . import _util as U
from . import cplx as C
from ..core.primitive import defprim, Primitive
from ._linalg_util import (  # noqa: F401  (re-exported: matfun, jacobians use them)
    _nd, _dt, _T, _mm, _diag, ones_vector,
    eye_like, tril_like, _mask, _sym_from_lower, _to_lower, _row,
    _col, _safe_recip, _gap_matrix, _eye_like, _diag_embed, _front_batch,
    _check_float, _real_dt, _check_square)

ew, shp = U.ew, U.shp


# --------------------------------------------------------------------- solve
# solve(a, b): a (..., n, n), b (..., n, k) with the same batch dims.


def _solve_abstract(a, b):
    _check_square("solve", a)
    if b.dtype != a.dtype or b.ndim != a.ndim or b.shape[:-1] != a.shape[:-1]:
        raise ValueError(f"solve: right-hand side of shape {b.shape} ({b.dtype}) does not "
                         f"match the matrix of shape {a.shape} ({a.dtype})")
    return ShapedArray(b.shape, b.dtype)


def _solve_jvp(primals, tangents):
    a, b = primals
    ta, tb = tangents
    x = solve(a, b)
    rhs = tb
    if ta is not None:
        ax = ew.neg(_mm(ta, x))
        rhs = ax if rhs is None else ew.add(rhs, ax)
    return x, (None if rhs is None else solve(a, rhs))


def _solve_vjp(ct, ins, out, needs):
    a, _ = ins
    cb = solve(_T(a), ct)
    ca = ew.neg(_mm(cb, _T(out))) if needs[0] else None
    return ca, cb


def _solve_batch(vals, dims):
    (a, b), (da, db) = vals, dims
    if da is not None:
        return _front_batch(solve_p, vals, dims)
    # only the right-hand side is batched: fold the batch into its columns so the
    # matrix is factored once, not once per lane
    nd = _nd(b)
    b = U.moveaxis(b, db, nd - 1)                       # (..., n, k, B)
    s = get_aval(b).shape
    x = solve(a, shp.reshape(b, s[:-2] + (s[-2] * s[-1],)))
    return shp.reshape(x, s), nd - 1


solve_p = defprim(
    "solve", impl=lambda xp, a, b: xp.linalg.solve(a, b),
    abstract=_solve_abstract, jvp=_solve_jvp, vjp=_solve_vjp,
    batch=_solve_batch,
    saves="ins+out")


def solve(a, b):
    return solve_p.bind(a, b)


# ------------------------------------------------------------------- slogdet


def _slogdet_abstract(a):
    _check_square("slogdet", a)
    return [ShapedArray(a.shape[:-2], a.dtype), ShapedArray(a.shape[:-2], _real_dt(a))]


def _inv_T(a):
    return solve(_T(a), shp.broadcast_to(_eye_like(a), get_aval(a).shape))


def _slogdet_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    sign, logdet = slogdet_p.bind(a)
    t = U.red.reduce_sum(_diag(solve(a, ta)), (_nd(a) - 2,))     # tr(A^-1 dA)
    if _dt(a).kind != "c":
        return [sign, logdet], [None, t]
    # complex: d log|det| = Re(t), d sign = sign * i Im(t)
    re = C.real(t)
    return [sign, logdet], [ew.mul(sign, ew.sub(t, ew.convert_element_type(re, _dt(t)))), re]


def _slogdet_vjp(ct, ins, out, needs):
    cs, c = ct
    if _dt(ins[0]).kind == "c":
        # Re(cs dsign) + c Re(t) = Re(ct_t t) with ct_t = c + i Im(cs sign)
        if cs is None and c is None:
            return (None,)
        im = U.zeros_like(out[1]) if cs is None else C.imag(ew.mul(cs, out[0]))
        c = U.zeros_like(out[1]) if c is None else c
        return (ew.mul(_inv_T(ins[0]), _col(_col(C.complex_(c, im)))),)
    if c is None:
        return (None,)
    return (ew.mul(_inv_T(ins[0]), _col(_col(c))),)


slogdet_p: Primitive = defprim(
    "slogdet", impl=lambda xp, a: [xp.asarray(v) for v in xp.linalg.slogdet(a)],
    abstract=_slogdet_abstract, jvp=_slogdet_jvp, vjp=_slogdet_vjp,
    batch=lambda vals, dims: _front_batch(slogdet_p, vals, dims),
    saves="ins", multiple_results=True)

# ------------------------------------------------------------------ cholesky


def _chol_abstract(a):
    _check_square("cholesky", a)
    return ShapedArray(a.shape, a.dtype)


def _H(x):
    return C.conj(_T(x))


def _herm_from_lower(x):
    """Complex: the Hermitian matrix LAPACK sees, tril(x, -1) + its conjugate
    transpose + Re(diag(x)) (the imaginary part of the diagonal is ignored)."""
    low = ew.mul(x, _mask(x, "strict_lower"))
    d = ew.mul(C.to_complex(C.real(x)), _eye_like(x))
    return ew.add(ew.add(low, _H(low)), d)


def _chol_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    l = cholesky_p.bind(a)
    # dL = L Phi(L^-1 dA L^-H), dA read from its lower triangle
    if _dt(a).kind == "c":
        m = solve(l, _H(solve(l, _herm_from_lower(ta))))
    else:
        m = solve(l, _T(solve(l, _sym_from_lower(ta))))
    return l, _mm(l, ew.mul(m, _mask(m, "tril_half")))


def _chol_vjp(ct, ins, out, needs):
    l = out
    p = ew.mul(_mm(_T(l), ct), _mask(l, "tril_half"))
    lt = _T(l)
    if _dt(l).kind == "c":
        # L^-T P conj(L)^-1, then onto the lower triangle: (c + c^H) * tril_half
        s = solve(lt, _T(solve(_H(l), _T(p))))
        return (ew.mul(ew.add(s, _H(s)), _mask(s, "tril_half")),)
    s = _T(solve(lt, _T(solve(lt, p))))      # L^-T P L^-1
    return (_to_lower(s),)


cholesky_p: Primitive = defprim(
    "cholesky", impl=lambda xp, a: xp.linalg.cholesky(a),
    abstract=_chol_abstract, jvp=_chol_jvp, vjp=_chol_vjp,
    batch=lambda vals, dims: _front_batch(cholesky_p, vals, dims),
    saves="out")

# ---------------------------------------------------------------------- eigh
# (w, v): ascending eigenvalues and orthonormal eigenvectors (columns); reads
# the lower triangle (lower=True, NumPy's UPLO='L') or the upper one


def _sym_from(x, lower):
    return _sym_from_lower(x) if lower else _T(_sym_from_lower(_T(x)))


def _to_tri(g, lower):
    return _to_lower(g) if lower else _T(_to_lower(_T(g)))


def _eigh_abstract(a, lower):
    _check_square("eigh", a)
    return [ShapedArray(a.shape[:-1], _real_dt(a)), ShapedArray(a.shape, a.dtype)]


def _herm_from(x, lower):
    return _herm_from_lower(x) if lower else _T(_herm_from_lower(_T(x)))


def _eigh_jvp(primals, tangents, lower):
    (a,), (ta,) = primals, tangents
    w, v = eigh_p.bind(a, lower=lower)
    cplx = _dt(a).kind == "c"
    # P = V^H dA V; dw = Re(diag P), dv = V (F * P)  (JAX's rule)
    p = _mm(_H(v), _mm(_herm_from(ta, lower) if cplx else _sym_from(ta, lower), v))
    dw = C.real(_diag(p))
    dv = _mm(v, ew.mul(_gap_matrix(w), p))
    return [w, v], [dw, dv]


def _eigh_vjp(ct, ins, out, needs, lower):
    w, v = out
    cw, cv = ct
    inner = None
    if cw is not None:
        inner = _diag_embed(cw)
    if cv is not None:
        t = ew.mul(_gap_matrix(w), _mm(_T(v), cv))
        inner = t if inner is None else ew.add(inner, t)
    if _dt(v).kind != "c":
        return (_to_tri(_mm(v, _mm(inner, _T(v))), lower),)
    g = _mm(C.conj(v), _mm(inner, _T(v)))        # conj(V) cP V^T
    g = ew.add(g, _H(g))                         # onto the triangle LAPACK reads
    return (ew.mul(g, _mask(g, "tril_half")) if lower else
            _T(ew.mul(_T(g), _mask(g, "tril_half"))),)


eigh_p: Primitive = defprim(
    "eigh", impl=lambda xp, a, lower: list(xp.linalg.eigh(a, UPLO="L" if lower else "U")),
    abstract=_eigh_abstract, jvp=_eigh_jvp, vjp=_eigh_vjp,
    batch=lambda vals, dims, lower: _front_batch(eigh_p, vals, dims, lower=lower),
    saves="out", multiple_results=True)

# ------------------------------------------------------------------------ qr
# reduced QR: a (..., m, n) -> q (..., m, k), r (..., k, n), k = min(m, n).
# Derivatives need m >= n (r square and invertible), as in JAX.


def _qr_abstract(a):
    _check_float("qr", a)
    if a.ndim < 2:
        raise ValueError(f"qr: expected a matrix or a stack of them, got shape {a.shape}")
    m, n = a.shape[-2:]
    k = min(m, n)
    lead = a.shape[:-2]
    return [ShapedArray(lead + (m, k), a.dtype), ShapedArray(lead + (k, n), a.dtype)]


def _im_diag(x):
    """i Im(diag(x)) as a diagonal matrix."""
    return ew.mul(ew.sub(x, C.to_complex(C.real(x))), _eye_like(x))


def _qr_check_tall(r):
    k, n = get_aval(r).shape[-2:]
    if k < n:   # r is square exactly when m >= n
        raise NotImplementedError(f"qr: derivatives need a tall or square matrix (m >= n); "
                                  f"this one has n = {n} columns but rank {k}")


def _qr_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    q, r = qr_p.bind(a)
    _qr_check_tall(r)
    y = _T(solve(_T(r), _T(ta)))                 # dA R^-1
    x = _mm(_H(q), y)
    low = ew.mul(x, _mask(x, "strict_lower"))
    omega = ew.sub(low, _H(low))                 # skew-Hermitian; complex: + i Im(diag X)
    if _dt(a).kind == "c":                       # (R's diagonal stays real, as LAPACK's)
        omega = ew.add(omega, _im_diag(x))
    dq = ew.add(_mm(q, ew.sub(omega, x)), y)
    dr = _mm(ew.sub(x, omega), r)
    return [q, r], [dq, dr]


def _qr_vjp(ct, ins, out, needs):
    q, r = out
    _qr_check_tall(r)
    cq, cr = ct
    m = None
    if cr is not None:
        m = _mm(cr, _T(r))
    if cq is not None:
        qq = _mm(_T(q), cq)
        m = ew.neg(qq) if m is None else ew.sub(m, qq)
    # M + Omega^*(-M), Omega^*(c) = tril(c - c^H, -1) + i Im(diag c)
    gx = ew.sub(m, ew.mul(ew.sub(m, _H(m)), _mask(m, "strict_lower")))
    if _dt(q).kind == "c":
        gx = ew.sub(gx, _im_diag(m))
    h = _mm(C.conj(q), gx)
    if cq is not None:
        h = ew.add(h, cq)
    return (_T(solve(r, _T(h))),)                # H R^-T


qr_p: Primitive = defprim(
    "qr", impl=lambda xp, a: list(xp.linalg.qr(a, mode="reduced")),
    abstract=_qr_abstract, jvp=_qr_jvp, vjp=_qr_vjp,
    batch=lambda vals, dims: _front_batch(qr_p, vals, dims),
    saves="out", multiple_results=True)

# ----------------------------------------------------------------------- svd
# thin SVD: a (..., m, n) -> u (..., m, k), s (..., k), vh (..., k, n)


def _svd_abstract(a):
    _check_float("svd", a)
    if a.ndim < 2:
        raise ValueError(f"svd: expected a matrix or a stack of them, got shape {a.shape}")
    m, n = a.shape[-2:]
    k = min(m, n)
    lead = a.shape[:-2]
    return [ShapedArray(lead + (m, k), a.dtype), ShapedArray(lead + (k,), _real_dt(a)),
            ShapedArray(lead + (k, n), a.dtype)]


def _sq(x):
    return ew.mul(x, x)


def _svd_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    if _dt(a).kind == "c":
        return _svd_jvp_c(a, ta)
    u, s, vh = svd_p.bind(a)
    m, n = get_aval(a).shape[-2:]
    v = _T(vh)
    p = _mm(_T(u), _mm(ta, v))                   # U^T dA V (k x k)
    ds = _diag(p)
    f = _gap_matrix(_sq(s))                      # 1 / (s_j^2 - s_i^2)
    ps, sp = ew.mul(p, _row(s)), ew.mul(_col(s), p)
    du = _mm(u, ew.mul(f, ew.add(ps, _T(ps))))
    dv = _mm(v, ew.mul(f, ew.add(sp, _T(sp))))
    s_inv = _row(_safe_recip(s))
    if m > n:
        du = ew.add(du, ew.mul(ew.sub(_mm(ta, v), _mm(u, p)), s_inv))
    if n > m:
        dv = ew.add(dv, ew.mul(ew.sub(_mm(_T(ta), u), _mm(v, _T(p))), s_inv))
    return [u, s, vh], [du, ds, _T(dv)]


def _svd_vjp(ct, ins, out, needs):
    u, s, vh = out
    if _dt(u).kind == "c":
        return _svd_vjp_c(ct, out)
    cu, cs, cvh = ct
    v = _T(vh)
    m, n = get_aval(u).shape[-2], get_aval(vh).shape[-1]
    g = None if cs is None else _diag_embed(cs)
    extra = None
    s_inv = _row(_safe_recip(s))
    if cu is not None:
        j = ew.mul(_gap_matrix(_sq(s)), _mm(_T(u), cu))
        t = ew.mul(ew.add(j, _T(j)), _row(s))
        g = t if g is None else ew.add(g, t)
        if m > n:
            extra = _mm(ew.mul(ew.sub(cu, _mm(u, _mm(_T(u), cu))), s_inv), vh)
    if cvh is not None:
        cv = _T(cvh)
        k = ew.mul(_gap_matrix(_sq(s)), _mm(vh, cv))
        t = ew.mul(_col(s), ew.add(k, _T(k)))
        g = t if g is None else ew.add(g, t)
        if n > m:
            e2 = _mm(u, _T(ew.mul(ew.sub(cv, _mm(v, _mm(vh, cv))), s_inv)))
            extra = e2 if extra is None else ew.add(extra, e2)
    out_ct = _mm(u, _mm(g, vh)) if g is not None else None
    if extra is not None:
        out_ct = extra if out_ct is None else ew.add(out_ct, extra)
    return (out_ct,)


def _cmat(x):
    return C.to_complex(x)


def _svd_jvp_c(a, ta):
    """Complex: JAX's rule (P = U^H dA V; the diagonal i Im(P_ii) / s_i term fixes
    U's phase so that U^H dU stays skew-Hermitian with U's gauge)."""
    u, s, vh = svd_p.bind(a)
    m, n = get_aval(a).shape[-2:]
    v = _H(vh)
    p = _mm(_H(u), _mm(ta, v))
    ds = C.real(_diag(p))
    f = _cmat(_gap_matrix(_sq(s)))
    s_inv = _cmat(_row(_safe_recip(s)))
    dss, sds = ew.mul(p, _cmat(_row(s))), ew.mul(_cmat(_col(s)), p)
    d = ew.mul(ew.mul(ew.sub(p, _H(p)), 0.5), ew.mul(s_inv, _eye_like(p)))
    du = _mm(u, ew.add(ew.mul(f, ew.add(dss, _H(dss))), d))
    dv = _mm(v, ew.mul(f, ew.add(sds, _H(sds))))
    if m > n:
        dav = _mm(ta, v)
        du = ew.add(du, ew.mul(ew.sub(dav, _mm(u, _mm(_H(u), dav))), s_inv))
    if n > m:
        dahu = _mm(_H(ta), u)
        dv = ew.add(dv, ew.mul(ew.sub(dahu, _mm(v, _mm(vh, dahu))), s_inv))
    return [u, s, vh], [du, ds, _H(dv)]


def _svd_vjp_c(ct, out):
    """The transpose of _svd_jvp_c for the pairing Re(sum(a * b))."""
    u, s, vh = out
    cu, cs, cvh = ct
    m, n = get_aval(u).shape[-2], get_aval(vh).shape[-1]
    v = _H(vh)
    f = _cmat(_gap_matrix(_sq(s)))
    s_inv = _cmat(_row(_safe_recip(s)))
    cp, extra = None, None

    def acc(x, y):
        return y if x is None else ew.add(x, y)
    if cs is not None:
        cp = _cmat(_diag_embed(cs))
    if cu is not None:
        ck = _mm(_T(u), cu)
        g = ew.mul(f, ck)
        cp = acc(cp, ew.mul(ew.add(g, _H(g)), _cmat(_row(s))))
        cp = acc(cp, ew.mul(ew.mul(ew.sub(ck, _H(ck)), 0.5), ew.mul(s_inv, _eye_like(ck))))
        if m > n:   # (I - conj(U) U^T) W conj(Vh), W = cU / s
            w = ew.mul(cu, s_inv)
            extra = _mm(ew.sub(w, _mm(C.conj(u), _mm(_T(u), w))), C.conj(vh))
    if cvh is not None:
        cv = _H(cvh)
        g = ew.mul(f, _mm(_T(v), cv))
        cp = acc(cp, ew.mul(_cmat(_col(s)), ew.add(g, _H(g))))
        if n > m:   # conj(U) W^H (I - conj(V) V^T), W = cV / s
            wh = _H(ew.mul(cv, s_inv))
            extra = acc(extra, _mm(C.conj(u), ew.sub(wh, _mm(_mm(wh, C.conj(v)), _T(v)))))
    out_ct = None if cp is None else _mm(C.conj(u), _mm(cp, _T(v)))
    if extra is not None:
        out_ct = acc(out_ct, extra)
    return (out_ct,)


svd_p: Primitive = defprim(
    "svd", impl=lambda xp, a: list(xp.linalg.svd(a, full_matrices=False)),
    abstract=_svd_abstract, jvp=_svd_jvp, vjp=_svd_vjp,
    batch=lambda vals, dims: _front_batch(svd_p, vals, dims),
    saves="out", multiple_results=True)


def slogdet(a):
    return slogdet_p.bind(a)


def cholesky(a):
    return cholesky_p.bind(a)


def eigh(a, lower=True):
    return eigh_p.bind(a, lower=bool(lower))


def qr(a):
    return qr_p.bind(a)


def svd(a):
    return svd_p.bind(a)
