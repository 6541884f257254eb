"""Args/Returns/Example sections completing the docstrings of the JAX-style
top-level names, ``fl.debug`` and ``fl.backends`` (functorch_lite/__init__.py
applies them with ``core.mirror_docs.complete``).  Outputs checked when written."""

_FL = "    >>> import functorch_lite as fl\n    >>> import functorch_lite.numpy as fnp\n"
_SAME_JAX = "Differs from JAX: as the summary says; otherwise nothing."
_OWN = "Differs from JAX: JAX has no such function (this library's)."

TOP = {
    "fl.Array": ("    (none): not instantiable.", "Used with ``isinstance`` and in annotations.",
                 _SAME_JAX, _FL + "    >>> isinstance(fnp.ones(2), fl.Array)\n    True"),
    "fl.typeof": ("    x: an array, a number or a tracer.", "A ``ShapedArray`` (shape, dtype, weak type).",
                  _SAME_JAX, _FL + "    >>> fl.typeof(fnp.ones((2, 3)))\n    ShapedArray(f64[2,3])\n"
                  "    >>> fl.typeof(1.0)\n    ShapedArray(f64[], weak)"),
    "fl.ShapeDtypeStruct": (
        "    shape: a tuple of ints.\n    dtype: a dtype.\n    sharding: kept, meaning nothing here.\n"
        "    weak_type: a weakly typed scalar's stand-in.",
        "An object with ``shape``, ``dtype``, ``ndim``, ``size``.", _SAME_JAX,
        _FL + "    >>> import numpy as np\n    >>> s = fl.ShapeDtypeStruct((2, 3), np.float32)\n"
        "    >>> fl.eval_shape(lambda x: x.sum(0), s)\n    ShapeDtypeStruct(shape=(3,), dtype=float32)"),
    "fl.ClosedJaxpr": (
        "    jaxpr: the ``Jaxpr``.\n    consts: the constants' values, one per ``jaxpr.constvars``.",
        "A ClosedJaxpr: ``.jaxpr``, ``.consts``, ``.in_avals``, ``.out_avals``; prints as JAX's text.",
        _SAME_JAX, _FL + "    >>> cj = fl.make_jaxpr(lambda x: fnp.sin(x) * 2.0)(1.0)\n    >>> print(cj)\n"
        "    { lambda ; a:f64[]. let b:f64[] = sin a; c:f64[] = mul b 2.0:f64[] in (c,) }"),
    "fl.Jaxpr": (
        "    constvars: the constants' variables.\n    invars: the input variables.\n"
        "    outvars: the outputs (variables or literals).\n    eqns: the equations, in order.",
        "A Jaxpr (built by tracing, not by hand).", _SAME_JAX,
        _FL + "    >>> jaxpr = fl.make_jaxpr(lambda x: fnp.sin(x) * 2.0)(1.0).jaxpr\n"
        "    >>> [str(e.primitive) for e in jaxpr.eqns]\n    ['sin', 'mul']"),
    "fl.block_until_ready": ("    x: a pytree of arrays (and other leaves).", "``x`` itself.", _SAME_JAX,
                             _FL + "    >>> fl.block_until_ready({'a': fnp.ones(2)})\n    {'a': Array([1., 1.])}"),
    "fl.devices": ("    backend: a backend's name or alias (default: the default backend).",
                   "A list with one ``Device`` (``platform``, ``backend``, ``id``).", _SAME_JAX,
                   _FL + "    >>> fl.devices()\n    [Device(platform='cpu', backend='numpy', id=0)]"),
    "fl.default_backend": ("    (none)", "A backend name: ``'numpy'``, ``'cupy'`` or ``'dask'``.", _SAME_JAX,
                           _FL + "    >>> fl.default_backend()\n    'numpy'"),
    "fl.disable_jit": ("    disable: True to run jitted functions eagerly, False to re-enable jit.",
                       "A context manager.", _SAME_JAX,
                       _FL + "    >>> f = fl.jit(lambda x: x * 2)\n    >>> with fl.disable_jit():\n"
                       "    ...     print(f(3.0))\n    6.0"),
    "fl.device_put": ("    x: a pytree of arrays.\n    device: ``'cpu'``, ``'cuda'`` or a backend's name.\n"
                      "    chunks: Dask's chunk spec (``'dask'`` only).",
                      "The pytree with its array leaves on ``device``.",
                      "Differs from JAX: devices are backends ('cpu', 'cuda', 'dask'), not device objects.",
                      _FL + "    >>> import numpy as np\n    >>> fl.device_put(np.ones(2), 'cpu')\n    array([1., 1.])"),
    "fl.transfer_guard": ("    level: ``'allow'``, ``'log'``, ``'disallow'`` (and the ``'..._explicit'`` forms).",
                          "A context manager for this thread.", _SAME_JAX,
                          _FL + "    >>> import numpy as np\n    >>> with fl.transfer_guard('disallow'):\n"
                          "    ...     y = fl.device_put(np.ones(2), 'cpu')   # host to host: no transfer\n"
                          "    >>> y\n    array([1., 1.])"),
    "fl.set_default_backend": ("    name: a registered backend's name (``'numpy'``, ``'cupy'``, ``'dask'``).",
                               "None.", _OWN,
                               _FL + "    >>> fl.set_default_backend('numpy')\n    >>> fl.default_backend()\n    'numpy'"),
}

DEBUG = {
    "debug.print": ("    fmt: a ``str.format`` template.\n    *args: positional values (pytrees).\n"
                    "    ordered: keep the order of prints across effects (JAX's flag).\n"
                    "    **kwargs: named values.", "None.", _SAME_JAX,
                    _FL + "    >>> fl.debug.print('x = {}', 3.0)\n    x = 3.0\n"
                    "    >>> _ = fl.jit(lambda x: fl.debug.print('x = {x}', x=x) or x)(2.0)\n    x = 2.0"),
    "debug.callback": ("    fn: a Python function.\n    *args: its arguments (pytrees; real values are passed).\n"
                       "    **kwargs: its keyword arguments.", "None.", _SAME_JAX,
                       _FL + "    >>> import numpy as np\n"
                       "    >>> fl.debug.callback(lambda v: print('got', v), np.array([1.0]))\n    got [1.]"),
    "debug.to_dot": ("    obj: a ClosedJaxpr/Jaxpr, or a facade Tensor or its grad_fn.\n"
                     "    name: the graph's name.\n    source_info: label equations with their user line.",
                     "A string in Graphviz's DOT language.", _OWN,
                     _FL + "    >>> dot = fl.debug.to_dot(fl.make_jaxpr(lambda x: x * 2.0)(1.0))\n"
                     "    >>> dot.splitlines()[0]\n    'digraph \"jaxpr\" {'"),
    "debug.debug_nans": ("    enabled: the value of ``config.debug_nans`` inside the block.",
                         "A context manager: inside, a NaN produced from finite inputs raises\n"
                         "    FloatingPointError naming the operation and the user's line.", _SAME_JAX,
                         _FL + "    >>> import numpy as np\n    >>> with fl.debug.debug_nans():\n"
                         "    ...     with np.errstate(invalid='ignore'):\n"
                         "    ...         fnp.log(-1.0)\n    Traceback (most recent call last):\n"
                         "    ...\n    FloatingPointError: debug_nans: a NaN appeared ..."),
}

_B = "    >>> import numpy as np\n    >>> from functorch_lite import backends\n"
_BOWN = "Differs from JAX: JAX has no backend registry (this library's)."
BACKENDS = {
    "backends.available": ("    (none)", "A list of names, ``'numpy'`` first.", _BOWN,
                           _B + "    >>> backends.available()[0]\n    'numpy'"),
    "backends.known": ("    (none)", "A list of names.", _BOWN,
                       _B + "    >>> backends.known()\n    ['numpy', 'cupy', 'dask']"),
    "backends.backend_named": ("    name: a name or alias.", "A Backend, or None.", _BOWN,
                               _B + "    >>> backends.backend_named('numpy').name\n    'numpy'"),
    "backends.backend_of": ("    x: an array, a scalar or a namespace.\n    default: returned for unknown objects\n"
                            "        (else TypeError).", "A Backend.", _BOWN,
                            _B + "    >>> backends.backend_of(np.ones(2)).name\n    'numpy'"),
    "backends.namespace_of": ("    args: the inputs of one call.", "The namespace module (``numpy`` for host arrays).",
                              _BOWN, _B + "    >>> backends.namespace_of([np.ones(2), 3.0]).__name__\n    'numpy'"),
    "backends.get": ("    name: a backend's name (default: the default backend).", "The namespace module.",
                     _BOWN, _B + "    >>> backends.get('numpy') is np\n    True"),
    "backends.get_backend": ("    name: a name or alias (``'cpu'``, ``'cuda'``); default the default backend.",
                             "A Backend (RuntimeError naming why when it cannot run here).", _BOWN,
                             _B + "    >>> backends.get_backend('cpu').name\n    'numpy'"),
    "backends.registered": ("    (none)", "A list of Backends, NumPy's first.", _BOWN,
                            _B + "    >>> [b.name for b in backends.registered()][0]\n    'numpy'"),
}
