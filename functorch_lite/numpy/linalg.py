"""functorch_lite.numpy.linalg: NumPy's linalg names (and the Array API's linalg
extension), differentiable, on stacks of matrices in the last two axes.

The core (solve inv det slogdet cholesky eigh qr svd norm) is in _linalg_core,
the rest (eig eigvals pinv lstsq matrix_power matrix_rank multi_dot cond svdvals
cross vecdot matrix_norm vector_norm matrix_transpose outer trace diagonal
tensordot matmul) in _linalg_ext.  Results with several parts are NumPy 2's
named tuples (SVDResult, EighResult, EigResult, SlogdetResult, QRResult).
Complex matrices: every value and every derivative (JAX's convention).
"""
from ._linalg_core import (LinAlgError, SVDResult, EighResult, EigResult,  # noqa: F401
                           SlogdetResult, QRResult, norm, inv, solve, det, slogdet, cholesky,
                           qr, svd, eigh, eigvalsh)
from ._linalg_ext import (eig, eigvals, pinv, lstsq, matrix_power, matrix_rank,  # noqa: F401
                          multi_dot, cond, svdvals, cross, vecdot, matrix_norm, vector_norm,
                          matrix_transpose, outer, trace, diagonal, tensordot, matmul)

__all__ = ["norm", "inv", "solve", "det", "slogdet", "cholesky", "qr", "svd", "eigh",
           "eigvalsh", "LinAlgError", "eig", "eigvals", "pinv", "lstsq", "matrix_power",
           "matrix_rank", "multi_dot", "cond", "svdvals", "cross", "vecdot", "matrix_norm",
           "vector_norm", "matrix_transpose", "outer", "trace", "diagonal", "tensordot",
           "matmul", "SVDResult", "EighResult", "EigResult", "SlogdetResult", "QRResult"]


# Faithful mirrors (core/mirror_docs.py): names that take the same arguments and
# give the same results as the listed library's get its one-line docstring; a
# name that differs has its own docstring instead.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402

_mirror(globals(), "numpy.linalg", (
    "det", "eigvalsh", "inv"
), lacks={
})

# the named results' docstrings (fields, Example): numpy/_docs2.py
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs2 import LINALG_DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)
