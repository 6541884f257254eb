"""The full docstrings of ``OptimizeResult`` and ``LbfgsInvHessProduct``
(fields, an Example that tests/test_doctests.py runs, checked against SciPy's);
``scipy/optimize/__init__.py`` assigns them at import."""

_SETUP = """    >>> import numpy as np
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite.scipy.optimize import minimize
    >>> def f(x):                       # minimum at (1, 2), Hessian 2 I
    ...     return fnp.sum((x - fnp.array([1.0, 2.0])) ** 2)
"""

OPTIMIZE_RESULT = f"""The result of :func:`minimize` (``scipy.optimize.OptimizeResult``): a
dict whose keys are also attributes.

Args:
    **fields: made by ``minimize``; the keys it sets are ``x`` (the
        solution, an Array), ``fun`` (``f(x)``), ``jac`` (the gradient at
        ``x``), ``hess_inv`` (BFGS: the dense approximation; L-BFGS-B: an
        :class:`LbfgsInvHessProduct`), ``nit`` (iterations), ``nfev``/``njev``
        (function and gradient evaluations: one ``value_and_grad`` call counts
        in both), ``status`` (0: converged), ``success`` and ``message``.

Returns:
    The dict; ``repr`` lists the fields sorted, as SciPy's.

As SciPy's; the arrays are Arrays (immutable), and the counts follow this
line search, so they may differ from SciPy's on the same problem.

Example:
{_SETUP}    >>> res = minimize(f, np.zeros(2), method="BFGS")
    >>> res.success, res["status"], res.message
    (True, 0, 'Optimization terminated successfully.')
    >>> np.allclose(res.x, [1.0, 2.0])
    True
    >>> sorted(res)
    ['fun', 'hess_inv', 'jac', 'message', 'nfev', 'nit', 'njev', 'status', 'success', 'x']
    >>> import scipy.optimize
    >>> ref = scipy.optimize.minimize(lambda x: np.sum((x - [1.0, 2.0]) ** 2), np.zeros(2),
    ...                               method="BFGS")
    >>> np.allclose(res.x, ref.x, atol=1e-6)
    True
"""

LBFGS_INV_HESS_PRODUCT = f"""L-BFGS's inverse-Hessian approximation as a linear operator (SciPy's
``scipy.optimize.LbfgsInvHessProduct``): what ``minimize(...,
method="L-BFGS-B").hess_inv`` is.

Args:
    sk: the last steps ``x_(k+1) - x_k``, shape (m, n), oldest first.
    yk: the matching gradient changes ``g_(k+1) - g_k``, shape (m, n).

Returns:
    The operator: ``H @ v`` (v of shape (n,) or (n, k)) and ``matvec(v)``
    apply it with L-BFGS's two-loop recursion; ``todense()`` is the (n, n)
    matrix; ``shape`` and ``dtype`` as a SciPy ``LinearOperator``'s.

As SciPy's class (same constructor, ``matvec``, ``todense``, ``@``); it is
not a ``scipy.sparse.linalg.LinearOperator`` subclass (SciPy is not needed).
The pairs come from this minimizer's path, so the matrix can differ from
SciPy's on the same problem.

Example:
{_SETUP}    >>> res = minimize(f, np.zeros(2), method="L-BFGS-B")
    >>> H = res.hess_inv
    >>> H.shape
    (2, 2)
    >>> np.allclose(H.todense(), 0.5 * np.eye(2))    # the inverse of f's Hessian
    True
    >>> np.allclose(H @ np.array([1.0, 0.0]), [0.5, 0.0])
    True
"""
