"""More matrix primitives: ``eig`` (general eigendecomposition) and
``qr_complete`` (QR with the full m x m Q).

eig: a (..., n, n) real or complex -> eigenvalues w (..., n) and unit-norm
eigenvectors v (..., n, n) as columns, always complex (JAX's choice; NumPy
returns real arrays when every eigenvalue happens to be real, a dtype that
depends on the values).  Derivatives (JAX's forward rule, and its transpose
for reverse mode, in JAX's complex convention): with M = V^-1 dA V and
F_ij = 1 / (w_j - w_i) off the diagonal, dw = diag(M) and
dv = V (F * M) - V diag(Re(diag(V^H V (F * M)))), the last term keeping each
eigenvector at unit norm.  An eigenvector's phase is arbitrary, so only
phase-invariant functions of v (|v|, v v^H ...) have meaningful derivatives;
repeated eigenvalues have none (F is set to 0 there).

qr_complete: the extra columns of Q (m > n) are any orthonormal completion,
so it has no derivative (JAX refuses too); mode='reduced' has one.
"""
import numpy as np

from ..core.ir import ShapedArray
from ..core.primitive import defprim, Primitive
from . import _util as U
from . import cplx as C
from . import linalg as L

ew, shp, red = U.ew, U.shp, U.red


def _cdtype(dt):
    return np.dtype(np.complex64 if np.dtype(dt) in (np.float32, np.complex64)
                    else np.complex128)


def _eig_abstract(a):
    if a.dtype.kind not in "fc":
        raise TypeError(f"eig: needs a floating-point or complex matrix, got dtype {a.dtype} "
                        f"(shape {a.shape}); cast it with .astype(float)")
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        raise ValueError(f"eig: expected a square matrix or a stack of them, shape "
                         f"(..., n, n), got shape {a.shape}")
    cd = _cdtype(a.dtype)
    return [ShapedArray(a.shape[:-1], cd), ShapedArray(a.shape, cd)]


def _eig_impl(xp, a):
    w, v = xp.linalg.eig(a)
    cd = _cdtype(a.dtype)
    return [w.astype(cd, copy=False), v.astype(cd, copy=False)]


def _eig_jvp(primals, tangents):
    (a,), (ta,) = primals, tangents
    w, v = eig_p.bind(a)
    ta = C.to_complex(ta)
    m = L.solve(v, L._mm(ta, v))                 # V^-1 dA V
    dw = L._diag(m)
    dv = L._mm(v, ew.mul(L._gap_matrix(w), m))
    # keep unit norm: subtract v_j Re(v_j^H dv_j)
    r = C.real(red.reduce_sum(ew.mul(C.conj(v), dv), (L._nd(v) - 2,)))
    dv = ew.sub(dv, ew.mul(v, L._row(C.to_complex(r))))
    return [w, v], [dw, dv]


def _eig_vjp(ct, ins, out, needs):
    (a,), (w, v) = ins, out
    cw, cv = ct
    parts = []
    if cw is not None:
        parts.append(L._diag_embed(cw))
    if cv is not None:
        s = C.real(red.reduce_sum(ew.mul(cv, v), (L._nd(v) - 2,)))
        c1 = ew.sub(cv, ew.mul(C.conj(v), L._row(C.to_complex(s))))
        parts.append(ew.mul(L._gap_matrix(w), L._mm(L._T(v), c1)))
    if not parts:
        return (None,)
    cm = parts[0] if len(parts) == 1 else ew.add(parts[0], parts[1])
    ca = L.solve(L._T(v), L._mm(cm, L._T(v)))    # V^-T cM V^T
    return (ca if U.aval(a).dtype.kind == "c" else
            ew.convert_element_type(C.real(ca), U.aval(a).dtype),)


eig_p: Primitive = defprim(
    "eig", impl=_eig_impl, abstract=_eig_abstract, jvp=_eig_jvp, vjp=_eig_vjp,
    batch=lambda vals, dims: L._front_batch(eig_p, vals, dims),
    saves="ins+out", multiple_results=True)


def eig(a):
    """(eigenvalues, eigenvectors) of a square matrix (stack), both complex."""
    return eig_p.bind(a)


# ------------------------------------------------------------- qr_complete

def _qrc_abstract(a):
    if a.dtype.kind not in "fc":
        raise TypeError(f"qr: needs a floating-point or complex matrix, got {a.dtype}")
    if a.ndim < 2:
        raise ValueError(f"qr: expected a matrix or a stack of them, got shape {a.shape}")
    m, n = a.shape[-2:]
    lead = a.shape[:-2]
    return [ShapedArray(lead + (m, m), a.dtype), ShapedArray(lead + (m, n), a.dtype)]


_NO_DERIV = ("qr(mode='complete') of a tall matrix: the extra columns of Q are an "
             "arbitrary orthonormal completion, so Q has no derivative (JAX refuses too); "
             "differentiate mode='reduced'")

def _qrc_no_derivative(*args, **params):
    raise NotImplementedError(_NO_DERIV)


# the rules exist only to refuse clearly (a missing rule would fail obscurely)
qr_complete_p: Primitive = defprim(
    "qr_complete", impl=lambda xp, a: list(xp.linalg.qr(a, mode="complete")),
    abstract=_qrc_abstract, jvp=_qrc_no_derivative, vjp=_qrc_no_derivative,
    batch=lambda vals, dims: L._front_batch(qr_complete_p, vals, dims),
    saves="nothing", multiple_results=True)


def qr_complete(a):
    """(Q (m x m), R (m x n)) of a (stack of) matrices; not differentiable."""
    return qr_complete_p.bind(a)
