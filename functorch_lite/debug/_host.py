"""Host callbacks that return values: ``pure_callback`` and ``io_callback`` (JAX's).

Each is one primitive calling a Python function on NumPy arrays and returning
arrays of declared shapes and dtypes.  ``pure_callback`` is pure: jit's passes
may drop it when nothing reads its results (as XLA does), and under ``vmap``
its ``vmap_method`` says how lanes reach the function.  ``io_callback`` has
the ``effect`` trait, so it is kept and never merged; under ``vmap`` it runs
lane by lane, and an ordered one refuses ``vmap``.  Neither has a derivative:
a jvp or a cotangent reaching one raises JAX's ValueError (wrap the function in
``custom_jvp``/``custom_vjp`` to give it one).
"""
import numpy as np

from ..core import dtypes
from ..core import tree_util as tu
from ..core.ir import ShapedArray
from ..core.primitive import defprim
from ..core.trace import Tracer, check_read_back
from ..core.trace import state as _state
from ..primitives import _util as U
from ..primitives import shape as shp
from ._callback import _lane

VMAP_METHODS = ("sequential", "sequential_unrolled", "expand_dims", "broadcast_all")


class HostFunction:
    """The ``callback`` param: the user's function, its arguments' tree and
    keyword arguments, and its results' tree."""
    __slots__ = ("fn", "in_tree", "kwargs", "out_tree", "name", "skip")

    def __init__(self, fn, in_tree, kwargs, out_tree, name, skip=0):
        self.fn, self.in_tree, self.kwargs = fn, in_tree, kwargs
        self.out_tree, self.name, self.skip = out_tree, name, skip

    def __call__(self, xp, args, result_avals):
        host = []
        for a in args[self.skip:]:
            check_read_back(a, self.name)
            host.append(np.asarray(a))
        out = self.fn(*tu.tree_unflatten(self.in_tree, host), **self.kwargs)
        leaves, tree = tu.tree_flatten(out)
        if tree != self.out_tree:
            raise RuntimeError(f"{self.name}: the callback returned {tree}, but "
                               f"result_shape_dtypes declares {self.out_tree}")
        res = []
        for i, (v, a) in enumerate(zip(leaves, result_avals)):
            v = np.asarray(v)
            if v.shape != a.shape:
                raise RuntimeError(f"{self.name}: incorrect output shape for return value "
                                   f"#{i}: expected {a.shape}, actual {v.shape}")
            if v.dtype != a.dtype:
                raise RuntimeError(f"{self.name}: incorrect output dtype for return value "
                                   f"#{i}: expected {a.dtype}, actual {v.dtype}")
            res.append(v if xp is np else xp.asarray(v))
        return res

    def __repr__(self):
        return getattr(self.fn, "__name__", type(self.fn).__name__)


def _impl(xp, *args, callback, result_avals, **params):
    return callback(xp, args, result_avals)


def _abstract(*avals, callback, result_avals, **params):
    return list(result_avals)


def _no_jvp(what):
    # also the vjp rule: under grad JAX fails in its jvp, with this message
    def rule(*a, **k):
        raise ValueError(f"{what} callbacks do not support JVP. Please use `jax.custom_jvp` "
                         f"to use callbacks while taking gradients.")
    return rule


def _sequential(prim, vals, dims, size, params):
    lanes = [prim.bind(*[_lane(v, d, i) for v, d in zip(vals, dims)], **params)
             for i in range(size)]
    n = len(params["result_avals"])
    return [shp.concatenate([shp.reshape(lane[k], (1,) + U.aval(lane[k]).shape)
                             for lane in lanes], 0) for k in range(n)]


def _pure_batch(vals, dims, callback, result_avals, vmap_method):
    size = U.batch_size(vals, dims)
    params = dict(callback=callback, result_avals=result_avals, vmap_method=vmap_method)
    if vmap_method in ("sequential", "sequential_unrolled"):
        out = _sequential(pure_callback_p, vals, dims, size, params)
    elif vmap_method in ("expand_dims", "broadcast_all"):
        lead = size if vmap_method == "broadcast_all" else 1
        args = []
        for v, d in zip(vals, dims):
            if d is None:
                a = U.aval(v)
                v = shp.broadcast_in_dim(v, (lead,) + a.shape, tuple(range(1, a.ndim + 1)))
            else:
                v = U.moveaxis(v, d, 0)
            args.append(v)
        batched = tuple(ShapedArray((size,) + a.shape, a.dtype) for a in result_avals)
        out = pure_callback_p.bind(*args, callback=callback, result_avals=batched,
                                   vmap_method=vmap_method)
    else:
        raise NotImplementedError(
            f"vmap is only supported for the pure_callback primitive when vmap_method is one "
            f"of {', '.join(repr(m) for m in VMAP_METHODS)}. Got vmap_method={vmap_method!r}: "
            f"pass vmap_method= to pure_callback")
    return out, [0] * len(out)


def _io_batch(vals, dims, callback, result_avals, ordered):
    if ordered:
        raise ValueError("Cannot `vmap` ordered IO callback.")
    size = U.batch_size(vals, dims)
    params = dict(callback=callback, result_avals=result_avals, ordered=False)
    out = _sequential(io_callback_p, vals, dims, size, params)
    return out, [0] * len(out)


# vjp_fwd raises too: under grad JAX fails in the forward pass, before any
# other check (a non-scalar output, say), so the error kind is the same
pure_callback_p = defprim("pure_callback", impl=_impl, abstract=_abstract,
                          jvp=_no_jvp("Pure"), vjp=_no_jvp("Pure"), batch=_pure_batch,
                          vjp_fwd=_no_jvp("Pure"),
                          saves="nothing", multiple_results=True, no_fold=True)
io_callback_p = defprim("io_callback", impl=_impl, abstract=_abstract, jvp=_no_jvp("IO"),
                        vjp=_no_jvp("IO"), vjp_fwd=_no_jvp("IO"), batch=_io_batch,
                        saves="nothing",
                        multiple_results=True, effect=True, no_fold=True)


def _result_avals(name, result_shape_dtypes):
    leaves, tree = tu.tree_flatten(result_shape_dtypes)
    avals = []
    for x in leaves:
        if not (hasattr(x, "shape") and hasattr(x, "dtype")):
            raise TypeError(f"{name}: result_shape_dtypes must be a pytree of objects with "
                            f".shape and .dtype (jax.ShapeDtypeStruct, arrays), got {x!r}")
        dt = np.dtype(x.dtype)
        if not dtypes.X64 and dtypes.canonicalize_dtype(dt) != dt:
            raise ValueError(f"{name}: result_shape_dtypes cannot specify 64-bit types when "
                             f"`jax_enable_x64` is disabled (got {dt})")
        avals.append(ShapedArray(tuple(x.shape), dt))
    return tuple(avals), tree


def _bind(prim, name, callback, result_shape_dtypes, args, kwargs, **params):
    avals, out_tree = _result_avals(name, result_shape_dtypes)
    leaves, in_tree = tu.tree_flatten(args)
    vals = []
    for x in leaves:
        conv = getattr(x, "__fl_value__", None)
        x = conv() if conv is not None else x
        vals.append(x if isinstance(x, Tracer) else dtypes.canonicalize_value(np.asarray(x)))
    skip = 0
    stack = _state.stack
    if stack and not any(isinstance(v, Tracer) for v in vals):
        # constants only, inside a transform: stage the call into the innermost
        # one (under jit it then runs at each call, not once while tracing)
        if not vals:
            vals, skip = [np.zeros((), np.float32)], 1    # a placeholder operand
        trace = stack[-1].trace
        vals = [trace.full_raise(v) for v in vals]
    fn = HostFunction(callback, in_tree, kwargs, out_tree, name, skip)
    out = prim.bind(*vals, callback=fn, result_avals=avals, **params)
    return tu.tree_unflatten(out_tree, out)


def pure_callback(callback, result_shape_dtypes, *args, sharding=None, vmap_method=None,
                  **kwargs):
    """Call a pure Python function on NumPy arrays from traced code (``jax.pure_callback``).

    Args:
        callback: ``(*args, **kwargs) -> pytree of arrays``, run on the host with
            NumPy arrays; it must be pure (jit may drop or repeat a call).
        result_shape_dtypes: the results' pytree of ``ShapeDtypeStruct`` (or
            arrays): the shapes and dtypes ``callback`` must return.
        *args: array pytrees passed to ``callback``.
        sharding: only None (one device per backend here).
        vmap_method: how ``vmap`` calls it: ``"sequential"`` (once per lane),
            ``"expand_dims"`` (once, unbatched arguments given a leading axis of
            1), ``"broadcast_all"`` (once, all arguments broadcast to the batch);
            None makes ``vmap`` an error, as JAX's.
        **kwargs: passed to ``callback`` as they are.

    Returns:
        The results, as ``result_shape_dtypes``.  Not differentiable (ValueError
        under ``grad``/``jvp``, as JAX's); give it a ``custom_jvp``.

    Example:
        >>> import numpy as np
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> def host_sin(x):
        ...     return np.sin(x)
        >>> def f(x):
        ...     return fl.pure_callback(host_sin, fl.ShapeDtypeStruct(x.shape, x.dtype), x,
        ...                             vmap_method="sequential")
        >>> print(fl.jit(f)(fnp.array([0.0, 1.0])))
        [0.         0.84147098]
        >>> print(fl.vmap(f)(fnp.array([0.0, 1.0])))
        [0.         0.84147098]
    """
    if sharding is not None:
        raise NotImplementedError("pure_callback: sharding= is not supported (one device "
                                  "per backend here); leave it None")
    if vmap_method not in VMAP_METHODS + (None,):
        raise ValueError(f"pure_callback: vmap_method must be one of {VMAP_METHODS} or None, "
                         f"got {vmap_method!r}")
    return _bind(pure_callback_p, "pure_callback", callback, result_shape_dtypes, args,
                 kwargs, vmap_method=vmap_method)


def io_callback(callback, result_shape_dtypes, *args, sharding=None, ordered=False,
                **kwargs):
    """Call an impure Python function from traced code (``jax.experimental.io_callback``).

    Unlike ``pure_callback`` it is never dropped or merged by jit, and
    ``ordered=True`` keeps calls in program order (here every call runs in
    program order; ordered only refuses ``vmap``, as JAX's).  Under ``vmap`` an
    unordered one runs once per lane.  Not differentiable (ValueError).

    Args:
        callback: ``(*args, **kwargs) -> pytree of arrays`` (or None).
        result_shape_dtypes: the results' pytree of ``ShapeDtypeStruct``, or None.
        *args: array pytrees passed to ``callback``.
        sharding: only None.
        ordered: whether calls keep program order (and refuse ``vmap``).
        **kwargs: passed to ``callback`` as they are.

    Returns:
        The results, as ``result_shape_dtypes``.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> from functorch_lite.experimental import io_callback
        >>> seen = []
        >>> def log(x):
        ...     seen.append(float(x))
        >>> def f(x):
        ...     io_callback(log, None, x)
        ...     return x * 2
        >>> print(fl.jit(f)(fnp.array(3.0)))
        6.0
        >>> seen
        [3.0]
    """
    if sharding is not None:
        raise NotImplementedError("io_callback: sharding= is not supported (one device "
                                  "per backend here); leave it None")
    return _bind(io_callback_p, "io_callback", callback, result_shape_dtypes, args, kwargs,
                 ordered=bool(ordered))
