"""More Args/Returns/Example sections (functorch_lite/__init__.py applies them
with ``core.mirror_docs.complete``); outputs checked when written (against
the mirrored library where one has the name)."""

_NP = "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
_T = "    >>> import functorch_lite as torch\n"
_SUM = "Differs from {lib}: as the summary says; otherwise nothing."

NUMPY = {
    "numpy.softmax": ("    x: an array.\n    axis: the axis (or axes).", "An array shaped as ``x``.",
                      "Differs from NumPy: NumPy has none (this is ``jax.nn.softmax``).",
                      _NP + "    >>> print(fnp.softmax(np.array([1.0, 2.0, 3.0])))\n    [0.09003057 0.24472847 0.66524096]"),
    "numpy.log_softmax": ("    x: an array.\n    axis: the axis (or axes).", "An array shaped as ``x``.",
                          "Differs from NumPy: NumPy has none (this is ``jax.nn.log_softmax``).",
                          _NP + "    >>> print(fnp.log_softmax(np.array([1.0, 2.0])))\n    [-1.31326169 -0.31326169]"),
    "numpy.logsumexp": ("    x: an array.\n    axis: the axis (None: all).\n    keepdims: keep reduced axes.",
                        "An array.", "Differs from NumPy: NumPy has none (``scipy.special.logsumexp``'s values).",
                        _NP + "    >>> print(fnp.logsumexp(np.array([1.0, 2.0, 3.0])))\n    3.40760596444438"),
    "numpy.sigmoid": ("    x: an array.", "An array shaped as ``x``.",
                      "Differs from NumPy: NumPy has none (``scipy.special.expit``'s values).",
                      _NP + "    >>> print(fnp.sigmoid(np.array([0.0, 2.0])))\n    [0.5        0.88079708]"),
    "numpy.softplus": ("    x: an array.", "An array shaped as ``x``.",
                       "Differs from NumPy: NumPy has none (``jax.nn.softplus``'s values).",
                       _NP + "    >>> print(fnp.softplus(np.array([0.0, 1.0])))\n    [0.69314718 1.31326169]"),
    "numpy.msort": ("    a: an array.", "``sort(a, axis=0)``.", "Differs from NumPy: NumPy 2 removed msort.",
                    _NP + "    >>> print(fnp.msort(np.array([[3, 1], [1, 2]])))\n    [[1 1]\n     [3 2]]"),
    "numpy.in1d": ("    ar1: an array (flattened).\n    ar2: the test values.\n"
                   "    assume_unique: as NumPy's.\n    invert: negate the result.", "A 1-D bool array.",
                   "Differs from NumPy: NumPy 2 deprecated in1d (use isin).",
                   _NP + "    >>> print(fnp.in1d(np.array([1, 2, 3]), np.array([2])))\n    [False  True False]"),
    "numpy.argpartition": ("    a: an array.\n    kth: the index (or indices) to place.\n    axis: the axis.\n"
                           "    kind: accepted as NumPy's.\n    order: must be None.",
                           "Indices arranging ``a`` as ``partition`` does.", _SUM.format(lib="NumPy"),
                           _NP + "    >>> print(fnp.argpartition(np.array([3.0, 1.0, 2.0]), 1))\n    [1 2 0]"),
    "numpy.stop_gradient": ("    x: an array (or a pytree).", "``x``, with a zero derivative.",
                            "Differs from NumPy: NumPy has none (JAX's ``lax.stop_gradient``).",
                            "    >>> import functorch_lite as fl\n    >>> import functorch_lite.numpy as fnp\n"
                            "    >>> print(fl.grad(lambda x: fnp.stop_gradient(x) * x)(3.0))\n    3.0"),
    "numpy.at": ("    x: an array (or a tracer).", "A helper: ``fnp.at(x)[idx].set(v)`` (``.add``, ``.multiply``,\n"
                 "    ``.min``, ``.max``, ``.get``) returns a new array.",
                 "Differs from NumPy: NumPy has none (JAX's ``x.at[idx]``, as a function).",
                 _NP + "    >>> x = fnp.zeros(3)\n    >>> print(fnp.at(x)[1].set(5.0), x)\n    [0. 5. 0.] [0. 0. 0.]"),
    "numpy.finfo": ("    type: a float dtype or an array.", "An object with bits, eps, max, min, smallest_normal.",
                    _SUM.format(lib="NumPy"), _NP + "    >>> fnp.finfo(np.float32).eps\n    1.1920928955078125e-07"),
    "numpy.iinfo": ("    type: an integer dtype or an array.", "An object with bits, max, min.",
                    _SUM.format(lib="NumPy"), _NP + "    >>> fnp.iinfo(np.int8).max\n    127"),
    "numpy.can_cast": ("    from_: a dtype or an array.\n    to: a dtype.\n    casting: NumPy's casting rule.",
                       "A bool.", _SUM.format(lib="NumPy"),
                       _NP + "    >>> fnp.can_cast(np.int32, np.float64)\n    True"),
    "numpy.isdtype": ("    dtype: a dtype.\n    kind: a kind name, a dtype, or a tuple of them.", "A bool.",
                      _SUM.format(lib="NumPy"), _NP + "    >>> fnp.isdtype(np.float32, 'real floating')\n    True"),
}

OTHER = {
    "testing.assert_close": (
        "    actual: a Tensor, array, number, or a sequence/mapping of them.\n    expected: the same.\n"
        "    allow_subclasses: as PyTorch's.\n    rtol: relative tolerance (default by dtype).\n"
        "    atol: absolute tolerance (default by dtype).\n    equal_nan: NaNs compare equal.\n"
        "    check_device: compare devices.\n    check_dtype: compare dtypes.\n"
        "    check_layout: as PyTorch's (strided only here).\n    check_stride: as PyTorch's.\n"
        "    msg: a message (or a function of the default one).",
        "None; AssertionError (\"Tensor-likes are not close!\" and the mismatches) otherwise.",
        _SUM.format(lib="PyTorch"),
        _T + "    >>> torch.testing.assert_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0 + 1e-7]))\n"
        "    >>> torch.testing.assert_close(torch.tensor([1.0]), torch.tensor([1.1]))\n"
        "    Traceback (most recent call last):\n    ...\n    AssertionError: Tensor-likes are not close!\n    ..."),
    "testing.make_tensor": (
        "    *shape: the shape.\n    dtype: the dtype (keyword).\n    device: the device.\n"
        "    low: the lowest value.\n    high: one above the highest.\n    requires_grad: as PyTorch's.\n"
        "    noncontiguous: as PyTorch's.\n    exclude_zero: replace zeros.\n    memory_format: as PyTorch's.",
        "A Tensor drawn from the facade's generator.", _SUM.format(lib="PyTorch"),
        _T + "    >>> _ = torch.manual_seed(0)\n"
        "    >>> torch.testing.make_tensor(3, dtype=torch.float32, low=0, high=1)\n    tensor([0.4963, 0.7682, 0.0885])"),
    "checkpoint.checkpoint": (
        "    function: the function to checkpoint.\n    *args: its arguments.\n"
        "    use_reentrant: PyTorch's switch (both forms recompute in backward).\n"
        "    context_fn: as PyTorch's.\n    determinism_check: as PyTorch's.\n    debug: as PyTorch's.\n"
        "    preserve_rng_state: replay the random state in the recomputation.\n"
        "    **kwargs: keyword arguments of ``function``.",
        "``function(*args)``; its intermediate values are recomputed during backward.",
        _SUM.format(lib="PyTorch"),
        _T + "    >>> from functorch_lite.utils.checkpoint import checkpoint\n"
        "    >>> x = torch.tensor([1.0, 2.0], requires_grad=True)\n"
        "    >>> checkpoint(lambda t: (t.sin() * 2).sum(), x, use_reentrant=False).backward()\n"
        "    >>> x.grad\n    tensor([ 1.0806, -0.8323])"),
    "ode.odeint": (
        "    func: ``dy/dt = func(y, t, *args)`` (pytrees allowed).\n    y0: the initial state.\n"
        "    t: increasing times; ``t[0]`` is y0's.\n    *args: extra arguments of func (differentiable).\n"
        "    rtol: relative tolerance.\n    atol: absolute tolerance.\n    mxstep: the most steps per interval.\n"
        "    hmax: the largest step.\n    adjoint: reverse mode by the adjoint ODE (else through the steps).",
        "The states at every time of ``t`` (leading axis), as JAX's.", _SUM.format(lib="JAX"),
        "    >>> import numpy as np\n    >>> from functorch_lite.ode import odeint\n"
        "    >>> print(odeint(lambda y, t: -y, np.array([1.0]), np.array([0.0, 1.0]))[-1])\n    [0.36787944]"),
    "optimize.minimize": (
        "    fun: the objective ``fun(x, *args)``, a scalar.\n    x0: the starting point (1-D).\n"
        "    args: extra arguments.\n    method: ``'BFGS'`` (default) or ``'L-BFGS-B'``.\n"
        "    jac: None (the gradient comes from ``grad``).\n    bounds: for L-BFGS-B.\n"
        "    tol: the tolerance.\n    callback: called with each iterate.\n    options: SciPy's options.\n"
        "    jit: compile the objective and its gradient.",
        "An ``OptimizeResult`` (``x``, ``fun``, ``success``, ``nit``, ...).", _SUM.format(lib="JAX"),
        "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
        "    >>> from functorch_lite.scipy.optimize import minimize\n"
        "    >>> r = minimize(lambda x: fnp.sum((x - 3.0) ** 2), np.zeros(2))\n"
        "    >>> r.success, np.round(r.x, 6)\n    (True, array([3., 3.]))"),
    "optimizers.apply_updates": (
        "    params: a pytree of arrays.\n    updates: a pytree of the same structure.",
        "The new parameters.", _SUM.format(lib="optax"),
        "    >>> import numpy as np\n    >>> import functorch_lite.optimizers as optim\n"
        "    >>> optim.apply_updates({'w': np.array([1.0])}, {'w': np.array([0.5])})\n    {'w': Array([1.5])}"),
    "optimizers.global_norm": (
        "    updates: a pytree of arrays.", "A 0-d array.", _SUM.format(lib="optax"),
        "    >>> import numpy as np\n    >>> import functorch_lite.optimizers as optim\n"
        "    >>> print(optim.global_norm({'a': np.array([3.0]), 'b': np.array([4.0])}))\n    5.0"),
}
