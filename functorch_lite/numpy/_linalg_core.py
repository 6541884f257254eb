"""functorch_lite.numpy.linalg's core: solve inv det slogdet cholesky eigh qr svd norm.

inv/det are compositions (solve against the identity; sign * exp(logabsdet)),
so the primitive set stays at solve, slogdet, cholesky, eigh, qr and svd
(functorch_lite/primitives/linalg.py).  Everything works on stacks of
matrices in the last two axes, as NumPy does.  Integer inputs become float64.

norm has a zero (sub)gradient where the norm is zero instead of NaN: the
square root is taken of a value that is replaced by 1 where it is 0 and the
result is then selected back to 0, so no 0 * inf reaches the gradient.
"""
from typing import NamedTuple, Any

import numpy as _np

from ..core.trace import Tracer, get_aval
from .. import primitives as P
from ..primitives import cplx as C
from ..primitives import linalg as PL
from ..primitives import linalg_eig as PE
from ._base import _arr

LinAlgError = _np.linalg.LinAlgError


# NumPy 2's named results (also pytrees: namedtuples flatten like tuples)
class SVDResult(NamedTuple):
    U: Any
    S: Any
    Vh: Any


class EighResult(NamedTuple):
    eigenvalues: Any
    eigenvectors: Any


class EigResult(NamedTuple):
    eigenvalues: Any
    eigenvectors: Any


class SlogdetResult(NamedTuple):
    sign: Any
    logabsdet: Any


class QRResult(NamedTuple):
    Q: Any
    R: Any


def _float(x, name):
    x = _arr(x)
    a = get_aval(x)
    if a.dtype.kind in "biu":
        return P.convert_element_type(x, _np.float64)
    if a.dtype.kind not in "fc":
        raise TypeError(f"{name}: unsupported dtype {a.dtype} (shape {a.shape}); "
                        f"functorch_lite.numpy.linalg works on floating-point and complex "
                        f"arrays")
    return x


def _square(x, name):
    x = _float(x, name)
    s = get_aval(x).shape
    if len(s) < 2 or s[-1] != s[-2]:
        raise LinAlgError(f"{name}: expected a square matrix or a stack of square matrices "
                          f"(shape (..., n, n)), got shape {s}")
    return x


def _matrix(x, name):
    x = _float(x, name)
    s = get_aval(x).shape
    if len(s) < 2:
        raise LinAlgError(f"{name}: expected an array of at least 2 dimensions (..., m, n), "
                          f"got shape {s}")
    return x


def _eye(x):
    a = get_aval(x)
    return P.broadcast_to(PL.eye_like(x, a.shape[-1]), a.shape)


def solve(a, b):
    """x with a @ x == b.  b of shape (n,) is a vector; otherwise (..., n, k)."""
    a = _square(a, "solve")
    b = _float(b, "solve")
    a, b = P.promote(a, b)
    sa, sb = get_aval(a).shape, get_aval(b).shape
    n = sa[-1]
    vector = len(sb) == 1
    if vector:
        b = P.reshape(b, (n, 1)) if sb[0] == n else b
    sb2 = get_aval(b).shape
    if len(sb2) < 2 or sb2[-2] != n:
        raise ValueError(f"solve: right-hand side of shape {sb} does not fit the matrix of "
                         f"shape {sa} (need (n,) or (..., n, k) with n = {n})")
    try:
        batch = _np.broadcast_shapes(sa[:-2], sb2[:-2])
    except ValueError:
        raise ValueError(f"solve: batch dimensions of {sa} and {sb} do not broadcast") from None
    a = P.broadcast_to(a, batch + sa[-2:])
    b = P.broadcast_to(b, batch + sb2[-2:])
    x = PL.solve(a, b)
    return P.reshape(x, batch + (n,)) if vector else x


def inv(a):
    a = _square(a, "inv")
    return PL.solve(a, _eye(a))


def slogdet(a):
    """SlogdetResult(sign, logabsdet), as NumPy.  A real matrix's sign has zero
    derivative; a complex one's sign is a phase and has one (as JAX)."""
    sign, logdet = PL.slogdet(_square(a, "slogdet"))
    return SlogdetResult(sign, logdet)


def det(a):
    # det = sign * exp(log|det|): its derivative det * tr(A^-1 dA) comes out of
    # the slogdet rule; at a singular matrix the value is 0 (its gradient is not
    # defined by this route).
    sign, logdet = PL.slogdet(_square(a, "det"))
    return P.mul(sign, P.exp(logdet))


def cholesky(a, upper=False):
    """Lower factor L with a = L L^H; reads the lower triangle of a, as NumPy does
    (``upper=True``: L^H).  Complex: the real part of the diagonal, as LAPACK."""
    l = PL.cholesky(_square(a, "cholesky"))
    return C.conj(PL._T(l)) if upper else l


def eigh(a, UPLO="L"):
    """(eigenvalues ascending, eigenvectors as columns); reads the lower triangle
    (UPLO='L', NumPy's default) or the upper one (UPLO='U')."""
    a = _square(a, "eigh")
    if UPLO not in ("L", "U"):
        raise ValueError(f"eigh: UPLO must be 'L' or 'U', got {UPLO!r}")
    w, v = PL.eigh(a, lower=UPLO == "L")
    return EighResult(w, v)


def eigvalsh(a, UPLO="L"):
    return eigh(a, UPLO)[0]


def qr(a, mode="reduced"):
    """QRResult(Q, R) (NumPy's modes 'reduced', 'complete' and 'r'; 'raw', LAPACK's
    Householder form, is not offered).  'complete' of a tall matrix has no
    derivative (its extra columns are arbitrary, as in JAX)."""
    a = _matrix(a, "qr")
    if mode not in ("reduced", "complete", "r"):
        raise ValueError(f"qr: mode={mode!r} is not supported; use 'reduced', 'complete' or "
                         f"'r' ('raw' is LAPACK's internal form, not offered)")
    m, n = get_aval(a).shape[-2:]
    if mode == "complete" and m > n:
        q, r = PE.qr_complete(a)
    else:
        q, r = PL.qr(a)
    return r if mode == "r" else QRResult(q, r)


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """(u, s, vh) as NumPy.  Derivatives use the thin factors; full_matrices=True
    on a non-square traced matrix is not supported (pass full_matrices=False)."""
    a = _matrix(a, "svd")
    m, n = get_aval(a).shape[-2:]
    if compute_uv and full_matrices and m != n:
        if not isinstance(a, Tracer):
            return SVDResult(*_np.linalg.svd(a, full_matrices=True))
        raise NotImplementedError(
            f"svd: full_matrices=True of a non-square {m}x{n} matrix has no derivative "
            f"(the extra columns are arbitrary); pass full_matrices=False")
    if hermitian not in (False, True):
        raise TypeError(f"svd: hermitian must be a bool, got {hermitian!r}")
    u, s, vh = PL.svd(a)   # hermitian=True is a LAPACK speed hint: same values here
    return SVDResult(u, s, vh) if compute_uv else s


# ---------------------------------------------------------------------- norm

def _safe_sqrt(s):
    """sqrt with a zero gradient at 0 (a subgradient) rather than 0 * inf."""
    zero = P.eq(s, 0.0)
    return P.select(zero, P.zeros_like(s), P.sqrt(P.select(zero, P.ones_like(s), s)))


def _safe_root(s, p):
    zero = P.eq(s, 0.0)
    return P.select(zero, P.zeros_like(s), P.pow(P.select(zero, P.ones_like(s), s), 1.0 / p))


def _norm_axes(axis, nd):
    axes = (axis,) if isinstance(axis, (int, _np.integer)) else tuple(axis)
    out = []
    for a in axes:
        if not -nd <= a < nd:
            raise _np.exceptions.AxisError(f"norm: axis {a} is out of bounds for an array of "
                                           f"dimension {nd}")
        out.append(int(a) % nd)
    if len(set(out)) != len(out):
        raise ValueError(f"norm: duplicate axes given: {axis}")
    return tuple(out)


def _sum(x, axes):
    return P.reduce_sum(x, tuple(sorted(axes)))


def _vector_norm(x, ord, ax):
    ax = (ax,)
    if ord is None or ord == 2:
        return _safe_sqrt(_sum(P.mul(x, x), ax))
    if isinstance(ord, str):
        raise ValueError(f"norm: invalid norm order {ord!r} for vectors")
    if ord == _np.inf:
        return P.reduce_max(P.abs(x), ax)
    if ord == -_np.inf:
        return P.neg(P.reduce_max(P.neg(P.abs(x)), ax))
    if ord == 0:
        return _sum(P.convert_element_type(P.ne(x, 0.0), get_aval(x).dtype), ax)
    if ord == 1:
        return _sum(P.abs(x), ax)
    p = float(ord)
    return _safe_root(_sum(P.pow(P.abs(x), p), ax), p)


def _matrix_norm(x, ord, r, c):
    if ord is None or ord == "fro":
        return _safe_sqrt(_sum(P.mul(x, x), (r, c)))
    if ord in (2, -2, "nuc"):
        nd = get_aval(x).ndim
        rest = [i for i in range(nd) if i not in (r, c)]
        s = PL.svd(P.transpose(x, tuple(rest) + (r, c)))[1]
        last = (len(rest),)
        if ord == 2:
            return P.reduce_max(s, last)
        if ord == -2:
            return P.neg(P.reduce_max(P.neg(s), last))
        return P.reduce_sum(s, last)
    if ord in (1, -1, _np.inf, -_np.inf):
        if ord in (1, -1):       # largest absolute column sum
            sum_ax, pick_ax = r, c
        else:                    # largest absolute row sum
            sum_ax, pick_ax = c, r
        t = _sum(P.abs(x), (sum_ax,))
        pick_ax -= pick_ax > sum_ax
        if ord in (1, _np.inf):
            return P.reduce_max(t, (pick_ax,))
        return P.neg(P.reduce_max(P.neg(t), (pick_ax,)))
    raise ValueError(f"norm: invalid norm order {ord!r} for matrices")


def norm(x, ord=None, axis=None, keepdims=False):
    """NumPy's vector and matrix norms (``ord``, ``axis``, ``keepdims``).  Complex
    input: the norms of ``|x|`` (except the singular-value ones, 2/-2/'nuc' of a matrix)."""
    x = _float(x, "norm")
    shape = get_aval(x).shape
    nd = len(shape)
    matrix = (axis is None and nd == 2 and ord is not None) or (
        axis is not None and not isinstance(axis, (int, _np.integer)) and len(axis) == 2)
    if get_aval(x).dtype.kind == "c" and not (matrix and ord in (2, -2, "nuc")):
        x = P.abs(x)
    if axis is None:
        if ord is None:
            out = _safe_sqrt(P.reduce_sum(P.mul(x, x), tuple(range(nd))))
            return P.reshape(out, (1,) * nd) if keepdims else out
        if nd not in (1, 2):
            raise ValueError(f"norm: improper number of dimensions to norm: ord={ord!r} with "
                             f"axis=None needs a 1-D or 2-D array, got shape {shape}")
        axis = tuple(range(nd))
    axes = _norm_axes(axis, nd)
    if len(axes) == 1:
        out = _vector_norm(x, ord, axes[0])
    elif len(axes) == 2:
        out = _matrix_norm(x, ord, axes[0], axes[1])
    else:
        raise ValueError(f"norm: improper number of dimensions to norm (axis={axis}, "
                         f"shape {shape})")
    if keepdims:
        out = P.reshape(out, tuple(1 if i in axes else d for i, d in enumerate(shape)))
    return out
