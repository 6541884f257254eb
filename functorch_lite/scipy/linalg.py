"""functorch_lite.scipy.linalg: scipy.linalg's names, differentiable (as jax.scipy.linalg).

Built on functorch_lite.numpy.linalg (solve, cholesky) and, for lu, expm and
sqrtm, on the primitives of ``primitives/matfun.py`` (scipy.linalg kernels;
derivative rules written with primitives).  Matrices are the last two axes;
leading axes are a batch, as NumPy (scipy.linalg itself mostly takes single
matrices).  Integer inputs become float64; float32 stays float32.

Differences from SciPy/JAX:

- ``solve_triangular`` reads only the triangle named by ``lower`` (as scipy)
  and solves with an LU solve of that triangle: the same values to rounding,
  and a gradient that lives on that triangle only.
- ``cho_factor`` returns ``(c, lower)`` with the other triangle zeroed (scipy
  leaves it as garbage); ``check_finite``/``overwrite_*`` are accepted and ignored.
- ``lu_factor`` returns ``(lu, piv)`` with scipy's 0-based pivots (int32 as in
  JAX); ``lu`` returns ``(p, l, u)``.
"""
import numpy as _np

from ..core.trace import get_aval
from .. import numpy as fnp
from .. import primitives as P
from ..primitives import linalg as PL
from ..primitives import matfun as MF

__all__ = ["solve_triangular", "cholesky", "cho_factor", "cho_solve", "lu_factor",
           "lu_solve", "lu", "expm", "sqrtm", "block_diag", "solve", "inv", "det"]


def _float(x, name, arg="a"):
    x = fnp.asarray(x)
    dt = get_aval(x).dtype
    if dt.kind in "biu":
        return P.convert_element_type(x, _np.float64)
    if dt.kind != "f":
        raise TypeError(f"{name}: {arg} must be real floating point (or integer), got "
                        f"dtype {dt}")
    return x


def _square(x, name, arg="a"):
    x = _float(x, name, arg)
    s = get_aval(x).shape
    if len(s) < 2 or s[-1] != s[-2]:
        raise ValueError(f"{name}: {arg} must be a square matrix (shape (..., n, n)), "
                         f"got shape {s}")
    return x


def _rhs(a, b, name):
    """b promoted with a, as a (..., n, k) matrix, and whether it was a vector."""
    b = _float(b, name, "b")
    a, b = P.promote(a, b)
    n = get_aval(a).shape[-1]
    sb = get_aval(b).shape
    if len(sb) == 0 or sb[-1 if len(sb) == 1 else -2] != n:
        raise ValueError(f"{name}: b of shape {sb} does not fit a of shape "
                         f"{get_aval(a).shape} (need (n,) or (..., n, k) with n = {n})")
    return a, b, len(sb) == 1


def _tri(a, lower, unit_diagonal=False):
    t = fnp.tril(a) if lower else fnp.triu(a)
    if unit_diagonal:
        eye = PL.eye_like(a, get_aval(a).shape[-1])      # on a's backend
        t = fnp.add(fnp.multiply(t, fnp.subtract(1.0, eye)), eye)
    return t


def solve_triangular(a, b, trans=0, lower=False, unit_diagonal=False, overwrite_b=False,
                     check_finite=True):
    """x with op(T) x = b, T the lower (``lower=True``) or upper triangle of a
    (its diagonal taken as ones with ``unit_diagonal``), op = identity
    (``trans`` 0 / 'N'), transpose (1 / 'T') or conjugate transpose (2 / 'C')."""
    a = _square(a, "scipy.linalg.solve_triangular")
    a, b, _ = _rhs(a, b, "scipy.linalg.solve_triangular")
    if trans in (0, "N"):
        t = _tri(a, lower, unit_diagonal)
    elif trans in (1, 2, "T", "C"):
        t = fnp.swapaxes(_tri(a, lower, unit_diagonal), -1, -2)
    else:
        raise ValueError(f"solve_triangular: trans must be 0, 1, 2, 'N', 'T' or 'C', got "
                         f"{trans!r}")
    return fnp.linalg.solve(t, b)


def solve(a, b, lower=False, overwrite_a=False, overwrite_b=False, check_finite=True,
          assume_a="gen"):
    """x with a x = b (``assume_a`` 'pos' solves through Cholesky)."""
    a = _square(a, "scipy.linalg.solve")
    a, b, _ = _rhs(a, b, "scipy.linalg.solve")
    if assume_a in ("pos", "positive definite"):
        return cho_solve(cho_factor(a, lower=lower), b)
    if assume_a not in ("gen", "general", "sym", "symmetric", "her", "hermitian"):
        raise ValueError(f"solve: unknown assume_a {assume_a!r}")
    return fnp.linalg.solve(a, b)


def inv(a, overwrite_a=False, check_finite=True):
    """The inverse of a."""
    return fnp.linalg.inv(_square(a, "scipy.linalg.inv"))


def det(a, overwrite_a=False, check_finite=True):
    """The determinant of a."""
    return fnp.linalg.det(_square(a, "scipy.linalg.det"))


def cholesky(a, lower=False, overwrite_a=False, check_finite=True):
    """The Cholesky factor of a symmetric positive definite a: upper U with
    a = U^T U by default (scipy's default, unlike NumPy), lower L with
    ``lower=True``.  Reads the lower triangle of a."""
    return fnp.linalg.cholesky(_square(a, "scipy.linalg.cholesky"), upper=not lower)


def cho_factor(a, lower=False, overwrite_a=False, check_finite=True):
    """``(c, lower)`` for cho_solve; c is cholesky(a, lower) (the other triangle
    zero, where scipy leaves arbitrary values)."""
    return cholesky(a, lower=lower), lower


def cho_solve(c_and_lower, b, overwrite_b=False, check_finite=True):
    """x with a x = b, given ``(c, lower) = cho_factor(a)``."""
    if not (isinstance(c_and_lower, tuple) and len(c_and_lower) == 2):
        raise TypeError("cho_solve: c_and_lower must be the pair (c, lower) from cho_factor")
    c, lower = c_and_lower
    c = _square(c, "scipy.linalg.cho_solve", "c")
    if lower:
        y = solve_triangular(c, b, lower=True)
        return solve_triangular(c, y, trans=1, lower=True)
    y = solve_triangular(c, b, trans=1, lower=False)
    return solve_triangular(c, y, lower=False)


def lu_factor(a, overwrite_a=False, check_finite=True):
    """``(lu, piv)``: L (unit diagonal, below) and U packed in one matrix, and
    the 0-based row interchanges (int32), as scipy.linalg.lu_factor."""
    a = _square(a, "scipy.linalg.lu_factor")
    lu_, piv, _ = MF.lu(a)
    return lu_, piv


def lu_solve(lu_and_piv, b, trans=0, overwrite_b=False, check_finite=True):
    """x with a x = b (``trans`` 0), a^T x = b (1 or 2), given lu_factor(a)."""
    if not (isinstance(lu_and_piv, tuple) and len(lu_and_piv) == 2):
        raise TypeError("lu_solve: lu_and_piv must be the pair (lu, piv) from lu_factor")
    lu_, piv = lu_and_piv
    lu_ = _square(lu_, "scipy.linalg.lu_solve", "lu (of lu_and_piv)")
    lu_, b, _ = _rhs(lu_, b, "scipy.linalg.lu_solve")
    n = get_aval(lu_).shape[-1]
    pm = MF.perm_matrix(MF.pivots_to_permutation(fnp.asarray(piv), n), lu_)
    if trans in (0, "N"):
        y = solve_triangular(lu_, fnp.matmul(pm, b), lower=True, unit_diagonal=True)
        return solve_triangular(lu_, y, lower=False)
    if trans not in (1, 2, "T", "C"):
        raise ValueError(f"lu_solve: trans must be 0, 1 or 2, got {trans!r}")
    y = solve_triangular(lu_, b, trans=1, lower=False)
    z = solve_triangular(lu_, y, trans=1, lower=True, unit_diagonal=True)
    return fnp.matmul(fnp.swapaxes(pm, -1, -2), z)


def lu(a, permute_l=False, overwrite_a=False, check_finite=True):
    """``(p, l, u)`` with a = p @ l @ u (``permute_l``: ``(p @ l, u)``), as scipy."""
    a = _square(a, "scipy.linalg.lu")
    lu_, piv, perm = MF.lu(a)
    l = fnp.add(fnp.tril(lu_, -1), PL.eye_like(a, get_aval(a).shape[-1]))
    u = fnp.triu(lu_)
    # a[perm] = l @ u, so a = p @ l @ u with p the transpose of the row permutation
    p = fnp.swapaxes(MF.perm_matrix(perm, a), -1, -2)
    if permute_l:
        return fnp.matmul(p, l), u
    return p, l, u


def expm(A, *, upper_triangular=False, max_squarings=16):
    """The matrix exponential (scipy.linalg.expm's kernel); its derivative in
    direction E is the upper-right block of expm([[A, E], [0, A]]), so every
    order works.  ``upper_triangular``/``max_squarings`` are JAX's and ignored."""
    return MF.expm(_square(A, "scipy.linalg.expm", "A"))


def sqrtm(A, disp=True, blocksize=64):
    """The principal square root S of A (S @ S = A; scipy.linalg.sqrtm's kernel,
    real input with real root).  Derivative: S dS + dS S = dA, solved as a
    Kronecker system (n^2 unknowns: meant for small matrices)."""
    return MF.sqrtm(_square(A, "scipy.linalg.sqrtm", "A"))


def block_diag(*arrs):
    """The block diagonal matrix of the given 2-D (or 0-/1-D, as scipy) blocks."""
    if not arrs:
        return fnp.zeros((1, 0))
    blocks = []
    for i, a in enumerate(arrs):
        a = fnp.asarray(a)
        nd = len(get_aval(a).shape)
        if nd > 2:
            raise ValueError(f"block_diag: argument {i} has {nd} dimensions; blocks must "
                             f"be at most 2-D")
        blocks.append(fnp.reshape(a, (1, -1)) if nd < 2 else a)
    dt = fnp.result_type(*blocks)
    rows = sum(get_aval(b).shape[0] for b in blocks)
    cols = sum(get_aval(b).shape[1] for b in blocks)
    out, r, c = [], 0, 0
    for b in blocks:
        h, w = get_aval(b).shape
        out.append(fnp.pad(fnp.asarray(b, dtype=dt), ((r, rows - r - h), (c, cols - c - w))))
        r, c = r + h, c + w
    res = out[0]
    for o in out[1:]:
        res = fnp.add(res, o)
    return res
