"""The full docstring of ``scipy_odeint`` (an Example that tests/test_doctests.py
runs, checked against SciPy's); ``ode/__init__.py`` assigns it at import."""

SCIPY_ODEINT = """``odeint`` with the signature of ``scipy.integrate.odeint`` (and so of
``autograd.scipy.integrate.odeint``): differentiable in ``y0``, ``t`` and ``args``.

Args:
    func: ``func(y, t, *args) -> dy/dt`` (``func(t, y, *args)`` with
        ``tfirst=True``), written with ``functorch_lite.numpy``.
    y0: the initial state (an array or a scalar).
    t: the times to report, increasing, ``t[0]`` the time of ``y0``.
    args: extra arguments of ``func``, one tuple (a single value is wrapped).
    rtol: relative tolerance of the error estimate.
    atol: absolute tolerance of the error estimate.
    mxstep: the most steps between two reported times; 0 (SciPy's default)
        means no limit.
    hmax: the largest step; 0 means no limit.
    tfirst: ``func`` takes ``t`` first.

Returns:
    An array of shape ``(len(t),) + y0.shape``: the solution at each time.

Differs from SciPy: the solver is Dormand-Prince with adjoint gradients
(``odeint``'s), not LSODA, so values agree with SciPy's to the tolerances;
SciPy's options that would change the result (``Dfun``, ``full_output``,
``tcrit``, ``ml``/``mu``, ...) are not accepted; a scalar ``y0`` gives shape
``(len(t),)`` where SciPy gives ``(len(t), 1)``.

Example:
    ``dy/dt = -k y``, so ``y(t) = exp(-k t)``, and ``dy(2)/dk = -2 exp(-2k)``:

    >>> import numpy as np
    >>> import functorch_lite as fl
    >>> from functorch_lite.ode import scipy_odeint
    >>> def decay(y, t, k):
    ...     return -k * y
    >>> t = np.array([0.0, 1.0, 2.0])
    >>> scipy_odeint(decay, 1.0, t, args=(0.5,))
    Array([1.        , 0.60653066, 0.36787944])
    >>> dk = fl.grad(lambda k: scipy_odeint(decay, 1.0, t, args=(k,))[-1])(0.5)
    >>> bool(np.isclose(dk, -2 * np.exp(-1.0)))
    True
    >>> import scipy.integrate
    >>> np.allclose(scipy_odeint(decay, 1.0, t, args=(0.5,)),
    ...             scipy.integrate.odeint(decay, 1.0, t, args=(0.5,))[:, 0])
    True
"""
