"""Still more Args/Returns/Example sections (functorch_lite/__init__.py applies
them with ``core.mirror_docs.complete``); outputs checked when written (against
the mirrored library where one has the name)."""

_T = "    >>> import functorch_lite as torch\n"
_SUM = "Differs from {lib}: as the summary says; otherwise nothing."

FUNC = {
    "func.make_functional": (
        "    model: an ``nn.Module``.\n"
        "    disable_autograd_tracking: detach the returned parameters.",
        "``(fmodel, params)``: ``fmodel(params, *args)`` runs the model with ``params``\n"
        "    (a tuple, in ``parameters()`` order).", _SUM.format(lib="functorch"),
        _T + "    >>> from functorch_lite.func import make_functional\n"
        "    >>> fmodel, params = make_functional(torch.nn.Linear(2, 1))\n"
        "    >>> len(params), fmodel(params, torch.ones(1, 2)).shape\n    (2, torch.Size([1, 1]))"),
    "func.make_functional_with_buffers": (
        "    model: an ``nn.Module``.\n    disable_autograd_tracking: detach the returned parameters.",
        "``(fmodel, params, buffers)``: ``fmodel(params, buffers, *args)``.", _SUM.format(lib="functorch"),
        _T + "    >>> from functorch_lite.func import make_functional_with_buffers\n"
        "    >>> fmodel, params, buffers = make_functional_with_buffers(torch.nn.BatchNorm1d(2))\n"
        "    >>> len(params), len(buffers)\n    (2, 3)"),
    "func.combine_state_for_ensemble": (
        "    models: modules of one architecture.",
        "``(fmodel, params, buffers)`` with each parameter and buffer stacked on a new\n"
        "    leading axis, for ``vmap(fmodel)``.", _SUM.format(lib="functorch"),
        _T + "    >>> from functorch_lite.func import combine_state_for_ensemble\n"
        "    >>> fmodel, params, buffers = combine_state_for_ensemble([torch.nn.Linear(2, 1) for _ in range(3)])\n"
        "    >>> params[0].shape\n    torch.Size([3, 1, 2])"),
    "func.functionalize": (
        "    func: a function of Tensors.\n    remove: ``'mutations'`` or ``'mutations_and_views'``.",
        "``func`` itself (its in-place operations are already seen by every transform).",
        "Differs from PyTorch: no rewriting happens (none is needed here).",
        _T + "    >>> from functorch_lite.func import functionalize\n    >>> def f(x):\n"
        "    ...     y = x.clone()\n    ...     y.add_(1)\n    ...     return y\n"
        "    >>> functionalize(f)(torch.zeros(2))\n    tensor([1., 1.])"),
    "func.replace_all_batch_norm_modules_": (
        "    root: a module.", "``root``, changed in place.", _SUM.format(lib="PyTorch"),
        _T + "    >>> from functorch_lite.func import replace_all_batch_norm_modules_\n"
        "    >>> net = torch.nn.Sequential(torch.nn.BatchNorm1d(2))\n"
        "    >>> _ = replace_all_batch_norm_modules_(net)\n"
        "    >>> net[0].running_mean is None, net[0].track_running_stats\n    (True, False)"),
}

AUTOGRAD = {
    "autograd.Variable": (
        "    data: a Tensor or array (default: an empty float32 Tensor).\n"
        "    requires_grad: make the result require grad.\n    volatile: accepted; no effect (as PyTorch 0.4+).",
        "A Tensor sharing ``data``'s values.", _SUM.format(lib="PyTorch"),
        _T + "    >>> from functorch_lite.autograd import Variable\n"
        "    >>> Variable(torch.ones(2), requires_grad=True)\n    tensor([1., 1.], requires_grad=True)\n"
        "    >>> isinstance(torch.ones(1), Variable)\n    True"),
    "autograd.gradcheck": (
        "    func: a function of Tensors.\n    inputs: a Tensor or a tuple (float64, requiring grad).\n"
        "    eps: the finite-difference step.\n    atol: absolute tolerance.\n    rtol: relative tolerance.\n"
        "    raise_exception: raise on a mismatch (else return False).",
        "True when the gradients agree.", _SUM.format(lib="PyTorch"),
        _T + "    >>> from functorch_lite.autograd import gradcheck\n"
        "    >>> x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)\n"
        "    >>> gradcheck(lambda t: (t ** 2).sum(), (x,))\n    True"),
}
FORWARD_AD = {
    "forward_ad.enter_dual_level": (
        "    (none)", "The new level's index (0 for the outermost).", _SUM.format(lib="PyTorch"),
        "    >>> import functorch_lite.autograd.forward_ad as fwAD\n"
        "    >>> level = fwAD.enter_dual_level()\n    >>> level\n    0\n    >>> fwAD.exit_dual_level()"),
    "forward_ad.exit_dual_level": (
        "    level: the innermost level's index (checked when given).", "None.", _SUM.format(lib="PyTorch"),
        "    >>> import functorch_lite.autograd.forward_ad as fwAD\n"
        "    >>> level = fwAD.enter_dual_level()\n    >>> fwAD.exit_dual_level(level=level)"),
}

LINALG = {
    "linalg.qr": ("    a: a matrix (or a stack).\n    mode: ``'reduced'``, ``'complete'``, ``'r'``.",
                  "A ``QRResult(Q, R)`` (R alone for ``'r'``).", _SUM.format(lib="NumPy"),
                  "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
                  "    >>> q, r = fnp.linalg.qr(np.array([[4.0, 1.0], [1.0, 3.0]]))\n"
                  "    >>> print(np.round(q @ r, 6))\n    [[4. 1.]\n     [1. 3.]]"),
    "linalg.svd": ("    a: a matrix (or a stack).\n    full_matrices: square U and Vh.\n"
                   "    compute_uv: False: the singular values alone.\n    hermitian: use eigh.",
                   "An ``SVDResult(U, S, Vh)`` (S alone without compute_uv).", _SUM.format(lib="NumPy"),
                   "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
                   "    >>> print(fnp.linalg.svd(np.array([[3.0, 0.0], [0.0, 4.0]])).S)\n    [4. 3.]"),
    "linalg.eig": ("    a: a square matrix (or a stack).",
                   "An ``EigResult(eigenvalues, eigenvectors)``, complex always (as JAX's).",
                   "Differs from NumPy: complex results even for real eigenvalues (JAX's rule).",
                   "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
                   "    >>> print(fnp.linalg.eig(np.array([[2.0, 0.0], [0.0, 3.0]])).eigenvalues)\n"
                   "    [2.+0.j 3.+0.j]"),
    "linalg.eigvals": ("    a: a square matrix (or a stack).", "The eigenvalues, complex always (as JAX's).",
                       "Differs from NumPy: complex results even for real eigenvalues (JAX's rule).",
                       "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
                       "    >>> print(fnp.linalg.eigvals(np.array([[2.0, 0.0], [0.0, 3.0]])))\n"
                       "    [2.+0.j 3.+0.j]"),
}

NN = {
    "nn.AvgPool2d": (
        "    kernel_size: int or pair.\n    stride: int or pair (default kernel_size).\n"
        "    padding: int or pair.\n    ceil_mode: must be False.\n    count_include_pad: must be True.\n"
        "    divisor_override: must be None.",
        "A module averaging ``(N, C, H, W)`` windows.", _SUM.format(lib="PyTorch"),
        _T + "    >>> torch.nn.AvgPool2d(2)(torch.arange(16.0).reshape(1, 1, 4, 4))\n"
        "    tensor([[[[ 2.5000,  4.5000],\n              [10.5000, 12.5000]]]])"),
    "nn.normalize": (
        "    x: an array or a Tensor.\n    axis: the axis.\n    mean: a precomputed mean.\n"
        "    variance: a precomputed variance.\n    epsilon: added to the variance.\n    where: a mask.",
        "``standardize``'s result.", "Differs from JAX: JAX removed this name (use ``standardize``).",
        "    >>> import numpy as np\n    >>> from functorch_lite import nn\n"
        "    >>> print(nn.normalize(np.array([1.0, 2.0, 3.0])))\n    [-1.22473569  0.          1.22473569]"),
    "init.trunc_normal_": (
        "    t: the Tensor to fill in place.\n    mean: the mean.\n    std: the standard deviation.\n"
        "    a: the lower bound.\n    b: the upper bound.\n    generator: a ``torch.Generator``.",
        "``t``, filled: PyTorch's numbers after the same seed.", _SUM.format(lib="PyTorch"),
        _T + "    >>> _ = torch.manual_seed(0)\n    >>> torch.nn.init.trunc_normal_(torch.empty(4))\n"
        "    tensor([ 1.5410, -0.2934,  0.4033,  0.5684])"),
}

SCIPY_LINALG = {
    "linalg.cho_factor": ("    a: a symmetric positive-definite matrix.\n    lower: keep the lower factor.\n"
                          "    overwrite_a: accepted as SciPy's.\n    check_finite: accepted as SciPy's.",
                          "``(c, lower)`` for ``cho_solve``.", _SUM.format(lib="SciPy"),
                          "    >>> import numpy as np\n    >>> from functorch_lite.scipy import linalg\n"
                          "    >>> c_and_lower = linalg.cho_factor(np.array([[4.0, 1.0], [1.0, 3.0]]))\n"
                          "    >>> print(linalg.cho_solve(c_and_lower, np.array([1.0, 2.0])))\n"
                          "    [0.09090909 0.63636364]"),
    "linalg.lu_factor": ("    a: a square matrix.\n    overwrite_a: accepted as SciPy's.\n"
                         "    check_finite: accepted as SciPy's.", "``(lu, piv)`` for ``lu_solve``.",
                         _SUM.format(lib="SciPy"),
                         "    >>> import numpy as np\n    >>> from functorch_lite.scipy import linalg\n"
                         "    >>> lu, piv = linalg.lu_factor(np.array([[4.0, 1.0], [1.0, 3.0]]))\n"
                         "    >>> print(piv)\n    [0 1]"),
    "linalg.lu": ("    a: a matrix.\n    permute_l: return ``(P @ L, U)``.\n"
                  "    overwrite_a: accepted as SciPy's.\n    check_finite: accepted as SciPy's.",
                  "``(P, L, U)`` with ``a = P @ L @ U``.", _SUM.format(lib="SciPy"),
                  "    >>> import numpy as np\n    >>> from functorch_lite.scipy import linalg\n"
                  "    >>> a = np.array([[1.0, 2.0], [3.0, 4.0]])\n    >>> p, l, u = linalg.lu(a)\n"
                  "    >>> bool(np.allclose(p @ l @ u, a))\n    True"),
}

OTHER = {
    "checkpoint.checkpoint_sequential": (
        "    functions: a Sequential or a list of modules.\n    segments: how many checkpointed chunks.\n"
        "    input: the input Tensor.\n    use_reentrant: PyTorch's switch.\n    **kwargs: as PyTorch's.",
        "The output of the whole sequence.", _SUM.format(lib="PyTorch"),
        _T + "    >>> from functorch_lite.utils.checkpoint import checkpoint_sequential\n"
        "    >>> seq = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1))\n"
        "    >>> checkpoint_sequential(seq, 2, torch.ones(3, 2, requires_grad=True), use_reentrant=False).shape\n"
        "    torch.Size([3, 1])"),
}

TOP = {
    "fl.TracerConversionError": (
        "    (raised by the library, not by users)", "An exception.",
        "Differs from JAX: the common base of JAX's kinds (ConcretizationTypeError, "
        "TracerBoolConversionError, TracerIntegerConversionError, ...), each raised where JAX raises it.",
        "    >>> import functorch_lite as fl\n    >>> try:\n    ...     fl.jit(lambda x: float(x))(1.0)\n"
        "    ... except fl.TracerConversionError as e:\n    ...     print(type(e).__name__)\n"
        "    ConcretizationTypeError"),
    "fl.UnexpectedTracerError": (
        "    (raised by the library, not by users)", "An exception.", _SUM.format(lib="JAX"),
        "    >>> import functorch_lite as fl\n    >>> leaked = []\n"
        "    >>> _ = fl.grad(lambda x: leaked.append(x) or x * 1.0)(1.0)\n    >>> leaked[0] + 1.0\n"
        "    Traceback (most recent call last):\n    ...\n    functorch_lite...UnexpectedTracerError: A traced value created inside grad ..."),
    "fl.seed": ("    (none)", "The new seed (an int).", _SUM.format(lib="PyTorch"),
                "    >>> import functorch_lite as torch\n    >>> isinstance(torch.seed(), int)\n    True"),
    "fl.checkpoint_policies": (
        "    (none): a namespace of policies.",
        "The policies: ``nothing_saveable``, ``everything_saveable``, ``dots_saveable``,\n"
        "    ``checkpoint_dots``, ``save_only_these_names``, ... (pass one as ``checkpoint(policy=)``).",
        _SUM.format(lib="JAX"),
        "    >>> import functorch_lite as fl\n    >>> import functorch_lite.numpy as fnp\n"
        "    >>> f = fl.checkpoint(lambda x: fnp.sin(fnp.sin(x)), policy=fl.checkpoint_policies.nothing_saveable)\n"
        "    >>> print(fl.grad(f)(1.0))\n    0.36003948908962097"),
}
LAX = {
    "lax.custom_linear_solve": (
        "    matvec: the linear map ``x -> A x``.\n    b: the right-hand side.\n"
        "    solve: ``solve(matvec, b) -> x``.\n    transpose_solve: the solve for the transposed map\n"
        "        (needed for reverse mode unless ``symmetric``).\n    symmetric: the map is symmetric.\n"
        "    has_aux: ``solve`` returns ``(x, aux)``.",
        "``x`` with ``A x = b``, differentiated implicitly.", _SUM.format(lib="JAX"),
        "    >>> import numpy as np\n    >>> from functorch_lite import lax\n"
        "    >>> print(lax.custom_linear_solve(lambda x: 2.0 * x, np.array([4.0]), lambda mv, b: b / 2.0))\n    [2.]"),
    "lax.custom_root": (
        "    f: the function whose root is sought.\n    initial_guess: the starting point.\n"
        "    solve: ``solve(f, initial_guess) -> root``.\n"
        "    tangent_solve: ``tangent_solve(g, y)`` solving the linearised ``g(x) = y``.\n"
        "    has_aux: ``solve`` returns ``(root, aux)``.",
        "The root, differentiated by the implicit function theorem.", _SUM.format(lib="JAX"),
        "    >>> import functorch_lite as fl\n    >>> import functorch_lite.numpy as fnp\n"
        "    >>> from functorch_lite import lax\n    >>> def sqrt(a):\n"
        "    ...     return lax.custom_root(lambda x: x ** 2 - a, 1.0, lambda f, x0: fnp.sqrt(a),\n"
        "    ...                            lambda g, y: y / (2.0 * fnp.sqrt(a)))\n"
        "    >>> print(fl.grad(sqrt)(4.0))\n    0.25"),
}
NUMPY2 = {
    "numpy.row_stack": ("    tup: a sequence of arrays.", "``vstack(tup)``.", "Differs from NumPy: NumPy 2 deprecated row_stack.",
                        "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
                        "    >>> print(fnp.row_stack((np.array([1, 2]), np.array([3, 4]))))\n    [[1 2]\n     [3 4]]"),
    "numpy.unique_values": ("    x: an array.\n    size: the static result length under jit.\n    fill_value: the padding.",
                            "The distinct values, sorted.",
                            "Differs from NumPy: sorted (NumPy 2.3's unique_values may return them unsorted).",
                            "    >>> import numpy as np\n    >>> import functorch_lite.numpy as fnp\n"
                            "    >>> print(fnp.unique_values(np.array([3, 1, 3, 2])))\n    [1 2 3]"),
}
