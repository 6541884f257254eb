"""Global switches.

explain_retrace: when True, every jit cache miss (after the first trace)
logs which argument changed and how (logger ``functorch_lite.jit``).

fusion: when True (the default), jit plans compiled for a backend with a
fusion code generator (``Backend.fusion``) fuse chains of elementwise
equations (and such a chain feeding a reduce_sum) into one generated kernel
each (``backends/fusion.py``).  Read when a plan is compiled; backends without
one (NumPy's) never fuse.

disable_jit: when True, every ``jit``-compiled function runs its Python
eagerly, op by op (JAX's ``jax_disable_jit``); the context manager
``functorch_lite.disable_jit()`` sets it for one thread and block.
"""
explain_retrace = False
fusion = True
disable_jit = False
