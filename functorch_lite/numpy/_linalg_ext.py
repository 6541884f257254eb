"""functorch_lite.numpy.linalg beyond the core: eig eigvals pinv lstsq matrix_power
matrix_rank multi_dot cond svdvals cross vecdot, and the Array API's linalg
extension spellings (matrix_norm vector_norm matrix_transpose outer trace
diagonal tensordot matmul).  All are compositions of the core primitives, so
they differentiate wherever those do.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ..primitives import cplx as C
from ..primitives import linalg as PL
from ..primitives import linalg_eig as PE
from . import _einsum as _E
from . import _matrix as _M
from ._base import _arr, _norm_axis
from ._linalg_core import (EigResult, LinAlgError, _float, _matrix, _square, inv, norm,
                           svd)


def _H(x):
    """Conjugate transpose of the last two axes."""
    return C.conj(PL._T(x))


def eig(a):
    """EigResult(eigenvalues, eigenvectors) of a general square matrix (stack);
    eigenvectors are the unit-norm columns.  Both are always complex (as JAX;
    NumPy returns real arrays when all eigenvalues happen to be real).
    Differentiable (eigenvectors only through phase-invariant functions, see
    primitives/linalg_eig.py); not on CuPy before its ``linalg.eig`` exists."""
    w, v = PE.eig(_square(a, "eig"))
    return EigResult(w, v)


def eigvals(a):
    """The eigenvalues of a general square matrix (stack), complex (see ``eig``)."""
    return eig(a)[0]


def _default_rtol(x):
    m, n = get_aval(x).shape[-2:]
    return max(m, n) * float(_np.finfo(PL.U.real_dtype(get_aval(x).dtype)).eps)


def _cut(s, rtol):
    """s_i if s_i > rtol * max(s) else 0, and the matching reciprocals."""
    smax = P.reduce_max(s, (len(get_aval(s).shape) - 1,))
    if not isinstance(rtol, (int, float)) and get_aval(rtol).shape:
        rtol = P.reshape(rtol, get_aval(rtol).shape + (1,))   # one per matrix of the stack
    tol = P.mul(P.reshape(smax, get_aval(smax).shape + (1,)), rtol)
    keep = P.gt(s, tol)
    recip = P.select(keep, P.div(1.0, P.select(keep, s, P.ones_like(s))), P.zeros_like(s))
    return keep, recip


def pinv(a, rcond=None, hermitian=False, *, rtol=None):
    """Moore-Penrose pseudo-inverse via the SVD: V diag(1/s) U^H with singular values
    at or below ``rtol * max(s)`` dropped (``rcond`` is NumPy's older name; default
    max(m, n) * eps, NumPy 2's).  Differentiable where the kept singular values are
    distinct (real matrices); ``hermitian`` only selects a faster LAPACK path in
    NumPy, so it is accepted and the result is the same."""
    if rcond is not None and rtol is not None:
        raise ValueError("pinv: pass rcond or rtol, not both")
    x = _matrix(a, "pinv")
    if hermitian not in (False, True):
        raise TypeError(f"pinv: hermitian must be a bool, got {hermitian!r}")
    tol = rtol if rtol is not None else rcond
    tol = _default_rtol(x) if tol is None else tol
    u, s, vh = PL.svd(x)
    _, recip = _cut(s, tol)
    k = get_aval(recip).shape
    vr = P.mul(_H(vh), P.reshape(recip, k[:-1] + (1, k[-1])))   # V diag(1/s)
    return _M.matmul(vr, _H(u))


def lstsq(a, b, rcond=None):
    """Least-squares solution of a @ x = b: (x, residuals, rank, s) as NumPy.
    x = pinv(a, rcond) @ b (rcond default: max(m, n) * eps, NumPy 2's), so it is
    differentiable.  residuals (squared 2-norms of b - a x per column) have
    NumPy's data-dependent shape eagerly (empty unless m > n and rank == n);
    traced, they are always computed when m > n.  rank and s carry no gradient."""
    x = _matrix(a, "lstsq")
    if len(get_aval(x).shape) != 2:
        raise LinAlgError(f"lstsq: a must be 2-D, got shape {get_aval(x).shape}")
    bb = _float(b, "lstsq")
    m, n = get_aval(x).shape
    bs = get_aval(bb).shape
    if len(bs) not in (1, 2) or bs[0] != m:
        raise LinAlgError(f"lstsq: b of shape {bs} does not fit a of shape {(m, n)} "
                          f"(need ({m},) or ({m}, k))")
    x, bb = P.promote(x, bb)
    p = pinv(x, rtol=rcond)
    sol = _M.matmul(p, bb)
    s = svdvals(x)
    rank = matrix_rank(x, rtol=rcond) if rcond is not None else matrix_rank(x)
    r = P.sub(_M.matmul(x, sol), bb)
    r2 = P.mul(C.real(r), C.real(r))
    if get_aval(r).dtype.kind == "c":
        r2 = P.add(r2, P.mul(C.imag(r), C.imag(r)))
    resid = P.reduce_sum(r2, (0,))
    if len(bs) == 1:
        resid = P.reshape(resid, (1,))
    # eagerly NumPy's data-dependent shape; any tracer (jit, vmap, grad): always kept
    if m <= n or (not isinstance(rank, Tracer) and int(rank) < n):
        resid = _np.zeros((0,), PL.U.real_dtype(get_aval(x).dtype))
    return sol, resid, rank, s


def matrix_power(a, n):
    """a @ a @ ... (n times) by repeated squaring; n = 0: the identity; n < 0: inv(a)**-n."""
    if isinstance(n, bool) or not isinstance(n, (int, _np.integer)):
        raise TypeError(f"matrix_power: exponent must be an integer, got {n!r}")
    x = _arr(a, "matrix_power")
    s = get_aval(x).shape
    if len(s) < 2 or s[-1] != s[-2]:
        raise LinAlgError(f"matrix_power: expected a square matrix (stack), shape (..., n, n), "
                          f"got {s}")
    if n == 0:
        eye = PL.eye_like(x, s[-1], get_aval(x).dtype) if _np.prod(s) else _np.zeros(s)
        return P.broadcast_to(eye, s)
    if n < 0:
        x, n = inv(x), -n
    result, base = None, x
    while n:
        if n & 1:
            result = base if result is None else _M.matmul(result, base)
        n >>= 1
        if n:
            base = _M.matmul(base, base)
    return result


def svdvals(x):
    """The singular values, descending (Array API linalg.svdvals)."""
    return svd(x, compute_uv=False)


def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    """Number of singular values above ``tol`` (absolute) or ``rtol * max(s)``
    (default max(m, n) * eps * max(s)), as NumPy; an integer, no gradient.  1-D: 1
    unless all zero."""
    x = _arr(A, "matrix_rank")
    if tol is not None and rtol is not None:
        raise ValueError("matrix_rank: pass tol or rtol, not both")
    x = _float(x, "matrix_rank")
    if len(get_aval(x).shape) < 2:
        return P.convert_element_type(P.reduce_max(P.ne(x, 0), (0,)) if
                                      get_aval(x).shape else P.ne(x, 0), _np.int64)
    s = P.stop_gradient(svdvals(x))
    if tol is not None:
        keep = P.gt(s, tol)
    else:
        keep, _ = _cut(s, _default_rtol(x) if rtol is None else rtol)
    return P.reduce_sum(P.convert_element_type(keep, _np.int64),
                        (len(get_aval(s).shape) - 1,))


def multi_dot(arrays, *, out=None):
    """The product of a chain of matrices, left to right (NumPy's multi_dot; the
    first may be 1-D (a row) and the last 1-D (a column)).  NumPy picks the cheapest
    order; the values agree up to rounding."""
    if out is not None:
        raise TypeError("multi_dot: out= is not supported (arrays are immutable here)")
    arrays = [_arr(a, "multi_dot") for a in arrays]
    if len(arrays) < 2:
        raise ValueError("multi_dot: expecting at least two arrays")
    for i, a in enumerate(arrays):
        nd = len(get_aval(a).shape)
        if nd != 2 and not (nd == 1 and i in (0, len(arrays) - 1)):
            raise ValueError(f"multi_dot: array {i} has {nd} dimensions; all must be 2-D "
                             f"(the first and last may be 1-D)")
    out = arrays[0]
    for a in arrays[1:]:
        out = _M.matmul(out, a)
    return out


def cond(x, p=None):
    """Condition number: s_max / s_min (p None or 2), s_min / s_max (-2), else
    norm(x, p) * norm(inv(x), p) (NumPy's cond)."""
    x = _matrix(x, "cond")
    if p in (None, 2, -2):
        s = svdvals(x)
        last = (len(get_aval(s).shape) - 1,)
        hi, lo = P.reduce_max(s, last), P.neg(P.reduce_max(P.neg(s), last))
        return P.div(hi, lo) if p != -2 else P.div(lo, hi)
    x = _square(x, "cond")
    return P.mul(norm(x, p, axis=(-2, -1)), norm(inv(x), p, axis=(-2, -1)))


def cross(x1, x2, /, *, axis=-1):
    """Cross product of 3-vectors along ``axis`` (the Array API's linalg.cross; the
    top-level ``cross`` also takes 2-vectors)."""
    return _cross(x1, x2, axis, axis, axis, "cross", allow2=False)


def _cross(a, b, axisa, axisb, axisc, name, allow2=True):
    a, b = _arr(a, name), _arr(b, name)
    a, b = P.promote(a, b)
    na, nb = len(get_aval(a).shape), len(get_aval(b).shape)
    a = P.moveaxis(a, _norm_axis(axisa, na, name), -1)
    b = P.moveaxis(b, _norm_axis(axisb, nb, name), -1)
    da, db = get_aval(a).shape[-1], get_aval(b).shape[-1]
    ok = (2, 3) if allow2 else (3,)
    if da not in ok or db not in ok:
        raise ValueError(f"{name}: incompatible dimensions for cross product (dimension must "
                         f"be {' or '.join(map(str, ok))}), got {da} and {db}")

    def comp(x, i, d):
        if i >= d:
            return None
        s = get_aval(x).shape
        return P.reshape(P.slice_(x, (0,) * len(s), s[:-1] + (i + 1,)) if i == 0 else
                         P.slice_(x, (0,) * (len(s) - 1) + (i,), s[:-1] + (i + 1,)), s[:-1])

    a0, a1, a2 = (comp(a, i, da) for i in range(3))
    b0, b1, b2 = (comp(b, i, db) for i in range(3))

    def d(p, q, r, t):   # p*t - q*r with missing (z) components as 0
        left = None if p is None or t is None else P.mul(p, t)
        right = None if q is None or r is None else P.mul(q, r)
        if right is None:
            return left
        return P.neg(right) if left is None else P.sub(left, right)

    c2 = d(a0, a1, b0, b1)
    if da == 2 and db == 2:
        return c2
    c0, c1 = d(a1, a2, b1, b2), d(a2, a0, b2, b0)
    zeros = P.zeros_like(c2)
    parts = [c if c is not None else zeros for c in (c0, c1, c2)]
    shape = _np.broadcast_shapes(*[get_aval(c).shape for c in parts])
    out = P.concatenate([P.reshape(P.broadcast_to(c, shape), shape + (1,)) for c in parts],
                        len(shape))
    return P.moveaxis(out, -1, _norm_axis(axisc, len(shape) + 1, name))


def vecdot(x1, x2, /, *, axis=-1):
    """sum(conj(x1) * x2, axis) with broadcasting (the Array API's vecdot)."""
    a, b = _arr(x1, "vecdot"), _arr(x2, "vecdot")
    a, b = P.promote(a, b)
    prod = P.mul(C.conj(a), b)
    nd = len(get_aval(prod).shape)
    for x in (a, b):   # the contracted axis must have one size in both
        s = get_aval(x).shape
        if not s or s[_norm_axis(axis, len(s), "vecdot")] != \
                get_aval(prod).shape[_norm_axis(axis, nd, "vecdot")]:
            raise ValueError(f"vecdot: the axis {axis} sizes of shapes {get_aval(a).shape} and "
                             f"{get_aval(b).shape} differ")
    return P.reduce_sum(prod, (_norm_axis(axis, nd, "vecdot"),))


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """Norm of the matrices in the last two axes (Array API linalg.matrix_norm)."""
    return norm(x, ord, axis=(-2, -1), keepdims=keepdims)


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """Vector norm over ``axis`` (None: the flattened array) (Array API linalg.vector_norm)."""
    x = _float(x, "vector_norm")
    if axis is None:
        s = get_aval(x).shape
        out = norm(P.reshape(x, (int(_np.prod(s)),)), ord, axis=0)
        return P.reshape(out, (1,) * len(s)) if keepdims else out
    if isinstance(axis, tuple) and len(axis) != 1:
        nd = len(get_aval(x).shape)
        axes = tuple(_norm_axis(a, nd, "vector_norm") for a in axis)
        rest = [i for i in range(nd) if i not in axes]
        y = P.transpose(x, tuple(rest) + axes)
        ys = get_aval(y).shape
        y = P.reshape(y, ys[:len(rest)] + (int(_np.prod(ys[len(rest):])),))
        out = norm(y, ord, axis=-1)
        if keepdims:
            out = P.reshape(out, tuple(1 if i in axes else d
                                       for i, d in enumerate(get_aval(x).shape)))
        return out
    return norm(x, ord, axis=axis if not isinstance(axis, tuple) else axis[0],
                keepdims=keepdims)


def matrix_transpose(x, /):
    """Swap the last two axes (Array API linalg.matrix_transpose)."""
    x = _arr(x, "matrix_transpose")
    if len(get_aval(x).shape) < 2:
        raise ValueError(f"matrix_transpose: needs at least 2 dimensions, got shape "
                         f"{get_aval(x).shape}")
    return PL._T(x)


def outer(x1, x2, /):
    """Outer product of two 1-D arrays (Array API linalg.outer)."""
    for x in (x1, x2):
        if len(get_aval(_arr(x, "outer")).shape) != 1:
            raise ValueError(f"outer: expects 1-D arrays, got shape "
                             f"{get_aval(_arr(x, 'outer')).shape}")
    return _E.outer(x1, x2)


def trace(x, /, *, offset=0, dtype=None):
    """Sum of the diagonals of the last two axes (Array API linalg.trace: unlike
    numpy.trace, the last two axes)."""
    return _E.trace(x, offset, -2, -1, dtype)


def diagonal(x, /, *, offset=0):
    """The diagonals of the last two axes (Array API linalg.diagonal)."""
    return _E.diagonal(x, offset, -2, -1)


def tensordot(x1, x2, /, *, axes=2):
    """numpy.tensordot (Array API linalg.tensordot)."""
    return _E.tensordot(x1, x2, axes)


def matmul(x1, x2, /):
    """numpy.matmul (Array API linalg.matmul)."""
    return _M.matmul(x1, x2)



def cross_np(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """numpy.cross: 3-vectors (or 2-vectors, giving the z component alone, as NumPy
    with both 2-D) along the given axes; ``axis`` overrides all three."""
    if axis is not None:
        axisa = axisb = axisc = axis
    return _cross(a, b, axisa, axisb, axisc, "cross")


def kron(a, b):
    """Kronecker product (numpy.kron): blocks a[i] * b, the ranks equalised by
    leading 1s; an outer product and one reshape, so it differentiates."""
    a, b = _arr(a, "kron"), _arr(b, "kron")
    a, b = P.promote(a, b)
    sa, sb = get_aval(a).shape, get_aval(b).shape
    nd = max(len(sa), len(sb))
    sa, sb = (1,) * (nd - len(sa)) + sa, (1,) * (nd - len(sb)) + sb
    a = P.reshape(a, tuple(d for x in sa for d in (x, 1)))
    b = P.reshape(b, tuple(d for x in sb for d in (1, x)))
    return P.reshape(P.mul(a, b), tuple(x * y for x, y in zip(sa, sb)))
