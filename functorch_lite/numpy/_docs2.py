"""Docstrings of ``from_dlpack`` and of linalg's named results (fields, what
makes one, an Example that tests/test_doctests.py runs); ``numpy/__init__.py``
and ``numpy/linalg.py`` assign them at import."""

FROM_DLPACK = """An array sharing (or, with ``copy=True``, copying) the memory of any
object with ``__dlpack__`` (a PyTorch tensor, a CuPy/NumPy array, a facade Tensor).

Args:
    x: the producer: anything with ``__dlpack__`` (and ``__dlpack_device__``).
    device: the backend to place the result on ('cpu', 'cuda', a backend's
        name); default: where ``x``'s memory is (host memory gives a NumPy
        array, CUDA memory the CUDA backend's array when it is available).
    copy: True copies, False insists on sharing, None (default) shares when
        it can.

Returns:
    An immutable ``Array`` of ``x``'s shape and dtype (float32 stays float32).

Raises:
    TypeError: ``x`` has no ``__dlpack__``, or it is a tensor that requires
        grad (the array would drop its gradient: pass ``x.detach()``).

As ``jax.numpy.from_dlpack`` / ``numpy.from_dlpack`` (same arguments); the
result is an immutable ``Array``, and where the memory is shared the
producer's later in-place writes show through it (so copy when in doubt).

Example:
    A NumPy array (any producer works alike: ``torch.arange(3.0)`` gives the
    same; CI runs this without PyTorch):

    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> t = np.arange(3.0, dtype=np.float32)
    >>> a = fnp.from_dlpack(t)
    >>> a
    Array([0., 1., 2.], dtype=float32)
    >>> t[0] = 5.0                  # shared memory: the array sees the write
    >>> a
    Array([5., 1., 2.], dtype=float32)
    >>> b = fnp.from_dlpack(t, copy=True)
    >>> t[1] = 7.0
    >>> b
    Array([5., 1., 2.], dtype=float32)
"""


def _result(summary, fields, made_by, differs, example):
    """A named result's docstring: its fields, the function that returns it,
    NumPy 2's class of the same name, an Example producing one."""
    return (f"{summary}\n\nArgs:\n{fields}\n\nReturns:\n    A NamedTuple (unpack it as a "
            f"tuple, read the fields by name; a pytree under jit/vmap/grad), returned "
            f"by ``{made_by}``.\n\nAs ``numpy.linalg.{made_by.split('(')[0]}``'s result "
            f"class of the same name (same fields, same order){differs}.\n\n"
            f"Example:\n    >>> import numpy as np\n"
            f"    >>> import functorch_lite.numpy as fnp\n"
            f"    >>> a = np.array([[2.0, 1.0], [1.0, 2.0]])\n{example}")


LINALG_DOCS = {
    "SVDResult": _result(
        "The result of :func:`svd`: ``a == U @ diag(S) @ Vh``.",
        "    U: the left singular vectors, shape (..., M, K).\n"
        "    S: the singular values, descending, shape (..., K).\n"
        "    Vh: the right singular vectors, transposed, shape (..., K, N).",
        "svd(a)", "", """    >>> U, S, Vh = fnp.linalg.svd(a)
    >>> S
    Array([3., 1.])
    >>> np.allclose(U @ np.diag(S) @ Vh, a)
    True
    >>> np.allclose(S, np.linalg.svd(a).S)
    True
"""),
    "EighResult": _result(
        "The result of :func:`eigh`: ascending eigenvalues of a Hermitian matrix and "
        "its orthonormal eigenvectors (columns).",
        "    eigenvalues: real, ascending, shape (..., M).\n"
        "    eigenvectors: shape (..., M, M), column i for eigenvalue i.",
        "eigh(a)", "", """    >>> w, v = fnp.linalg.eigh(a)
    >>> w
    Array([1., 3.])
    >>> fnp.linalg.eigh(a).eigenvectors.shape
    (2, 2)
    >>> np.allclose(w, np.linalg.eigh(a).eigenvalues)
    True
"""),
    "EigResult": _result(
        "The result of :func:`eig`: eigenvalues and right eigenvectors (columns) of a "
        "general square matrix.",
        "    eigenvalues: shape (..., M), not sorted.\n"
        "    eigenvectors: shape (..., M, M), column i for eigenvalue i, unit norm.",
        "eig(a)", "; the fields are always complex, as JAX's (NumPy's are real when every "
        "eigenvalue is)", """    >>> w, v = fnp.linalg.eig(a)
    >>> w
    Array([3.+0.j, 1.+0.j])
    >>> np.allclose(w, np.linalg.eig(a).eigenvalues)
    True
"""),
    "SlogdetResult": _result(
        "The result of :func:`slogdet`: ``det(a) == sign * exp(logabsdet)``, without "
        "the overflow of ``det``.",
        "    sign: +1, -1 or 0 (a unit-modulus complex for complex input), shape (...).\n"
        "    logabsdet: ``log|det(a)|`` (-inf for a singular matrix), shape (...).",
        "slogdet(a)", "; the fields are 0-d Arrays, not NumPy scalars",
        """    >>> sign, logabsdet = fnp.linalg.slogdet(a)
    >>> sign, logabsdet
    (Array(1.), Array(1.09861229))
    >>> float(np.linalg.slogdet(a).logabsdet)
    1.0986122886681096
"""),
    "QRResult": _result(
        "The result of :func:`qr`: ``a == Q @ R`` with orthonormal columns in ``Q`` and "
        "``R`` upper triangular.",
        "    Q: shape (..., M, K).\n    R: shape (..., K, N).",
        "qr(a)", "", """    >>> Q, R = fnp.linalg.qr(a)
    >>> np.allclose(Q @ R, a), np.allclose(R, np.triu(R))
    (True, True)
    >>> np.allclose(R, np.linalg.qr(a).R)
    True
"""),
}
