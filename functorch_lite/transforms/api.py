"""The public transforms: grad, value_and_grad, vjp, jvp, vmap, make_jaxpr."""
import functools
from typing import Any, Callable, Literal, Sequence, overload

import numpy as np

from .. import backends as _backends
from ..control._util import as_value as _as_value
from ..control._vjpfn import VJPFunction
from ..core import tree_util as tu
from ..core.backend import backend_of
from ..core.ir import ClosedJaxpr, ShapedArray
from ..core.ir import SourcedClosedJaxpr
from ..core._typevars import P, R
from ..core import array as _A
from ..core.trace import Tracer, get_aval, public, source_info
from ..core.tracing import trace_to_jaxpr
from ..primitives import _util as U
from ._grad_checks import _check_grad_inputs, _check_grad_output
from .batching import vmap_flat
from .jvp import JVPTracer, jvp_flat
from .reverse import backward_pass, vjp_flat


# --- functions written with Tensor methods (torch.func style): the facade's
# Tensor class provides __fl_value__ (Tensor -> array) and __fl_wrap__ (array or
# tracer -> Tensor); inputs that were Tensors reach the function as Tensors and
# the results come back as Tensors.

def _facade_wrap(leaves):
    for x in leaves:
        w = getattr(type(x), "__fl_wrap__", None)
        if w is not None:
            return w
    return None


def _rewrap(xs, originals, wrap):
    if wrap is None:
        return xs
    return [wrap(x) if hasattr(type(o), "__fl_wrap__") else x for x, o in zip(xs, originals)]


def _unwrap(x):
    conv = getattr(x, "__fl_value__", None)
    return conv() if conv is not None and not isinstance(x, Tracer) else x


def _wrap_out(tree, wrap):
    # a transform's output for user code: Tensors for a Tensor-written function,
    # otherwise immutable Arrays (plain values while an outer transform runs)
    if wrap is not None:
        return tu.tree_map(wrap, tree)
    t = type(tree)
    if t is np.ndarray or (t is tuple or t is list) and all(type(e) is np.ndarray
                                                             for e in tree):
        return public(tree)
    return tu.tree_map(public, tree)


def facade_adapter(fun, args, kwargs):
    """For transforms that hand ``fun`` raw tracers (jit, the Jacobians): if any
    argument leaf is a Tensor, return (g, array_args, array_kwargs, wrap) where
    ``g`` takes arrays, shows ``fun`` Tensors and returns arrays; ``wrap`` turns
    results back into Tensors.  Returns None when no Tensor is involved."""
    leaves, tree = tu.tree_flatten((args, kwargs))
    wrap = _facade_wrap(leaves)
    if wrap is None:
        return None
    mask = [hasattr(type(x), "__fl_wrap__") for x in leaves]

    def g(*a, **k):
        ls, tr = tu.tree_flatten((a, k))
        a2, k2 = tu.tree_unflatten(tr, [wrap(x) if m else x for x, m in zip(ls, mask)])
        return tu.tree_map(_unwrap, fun(*a2, **k2))
    g.__name__ = getattr(fun, "__name__", "fun")
    a, k = tu.tree_unflatten(tree, [_unwrap(x) for x in leaves])
    return g, a, k, wrap


def _argnums_tuple(argnums, nargs, name):
    single = isinstance(argnums, int)
    nums = (argnums,) if single else tuple(argnums)
    for a in nums:
        if not -nargs <= a < nargs:
            raise ValueError(f"{name}: argnums={argnums} but the function got {nargs} "
                             f"positional arguments")
    return single, tuple(a % nargs for a in nums)


def _check_float_leaves(leaves, name):
    for x in leaves:
        dt = get_aval(x).dtype
        if dt.kind not in "fc":
            raise TypeError(f"{name} requires floating-point inputs to differentiate, got "
                            f"{dt} (shape {get_aval(x).shape}); pass floats, e.g. "
                            f"x.astype(float), or exclude it from argnums")


def _zeros_for(x):
    """A zero cotangent/tangent like x, on x's backend."""
    if isinstance(x, (np.ndarray, np.generic, bool, int, float, complex)):
        a = get_aval(x)
        return np.zeros(a.shape, a.dtype)
    return U.zeros_like(x)


# ------------------------------------------------------------------ vjp/grad

@overload
def vjp(fun: Callable[..., R], *primals: Any,
        has_aux: Literal[False] = ...) -> tuple[R, VJPFunction]: ...
@overload
def vjp(fun: Callable[..., Any], *primals: Any,
        has_aux: Literal[True]) -> tuple[Any, VJPFunction, Any]: ...
@overload
def vjp(fun: Callable[..., Any], *primals: Any, has_aux: bool) -> tuple[Any, ...]: ...
def vjp(fun: Callable[..., Any], *primals: Any, has_aux: bool = False) -> tuple[Any, ...]:
    leaves, in_tree = tu.tree_flatten(primals)
    orig, wrap = leaves, _facade_wrap(leaves)
    leaves = [_as_value(x) for x in leaves]
    out_tree_box = []

    def flat_fun(*xs):
        out = fun(*tu.tree_unflatten(in_tree, _rewrap(xs, orig, wrap)))
        aux = None
        if has_aux:
            out, aux = _split_aux(out, "vjp")
        out_leaves, out_tree = tu.tree_flatten(out)
        out_leaves = [_unwrap(o) for o in out_leaves]
        aux_leaves, aux_tree = tu.tree_flatten(aux)
        aux_leaves = [_unwrap(o) for o in aux_leaves]
        out_tree_box.append((out_tree, aux_tree))
        return out_leaves, aux_leaves

    outs, refs, leaf_nodes, aux = vjp_flat(flat_fun, leaves, "vjp")
    out_tree, aux_tree = out_tree_box[0]
    out_avals = [get_aval(o) for o in outs]

    def vjp_fn(ct):
        ct_leaves, ct_tree = tu.tree_flatten(ct)
        if ct_tree != out_tree:
            raise ValueError(f"vjp_fn: cotangent structure {ct_tree} does not match the "
                             f"output structure {out_tree}")
        cts = []
        for c, a in zip(ct_leaves, out_avals):
            c = _as_value(c)
            ca = get_aval(c)
            if ca.shape != a.shape:
                raise ValueError(f"vjp_fn: cotangent shape {ca.shape} does not match the "
                                 f"output shape {a.shape}")
            cts.append(c)
        in_cts = backward_pass(refs, cts, leaf_nodes)
        in_cts = [_zeros_for(x) if c is None else _cast_like(c, x)
                  for c, x in zip(in_cts, leaves)]
        return _wrap_out(tuple(tu.tree_unflatten(in_tree, in_cts)), wrap)

    out = _wrap_out(tu.tree_unflatten(out_tree, outs), wrap)
    vjp_fn = VJPFunction(vjp_fn, out_tree, out_avals)   # a pytree: returnable from jit
    if has_aux:
        return out, vjp_fn, _wrap_out(tu.tree_unflatten(aux_tree, aux), wrap)
    return out, vjp_fn


def _cast_like(c, x):
    dt = get_aval(x).dtype
    return c if get_aval(c).dtype == dt else U.ew.convert_element_type(c, dt)


def _split_aux(out, name):
    if not (isinstance(out, (tuple, list)) and len(out) == 2):
        raise TypeError(f"{name}(has_aux=True): the function must return a pair "
                        f"(output, aux), got {type(out).__name__}")
    return out[0], out[1]


# JAX's float0: the dtype of the gradient of an integer or boolean input
# (grad(..., allow_int=True)); its arrays hold no data
float0 = np.dtype([("float0", np.void, 0)])


def value_and_grad(fun: Callable[P, Any], argnums: int | Sequence[int] = 0, has_aux: bool = False,
                   holomorphic: bool = False, allow_int: bool = False
                   ) -> Callable[P, tuple[Any, Any]]:
    """The value of ``fun`` and its gradient with respect to ``argnums``, as JAX's.

    ``holomorphic=True``: complex inputs and a complex scalar output; the result
    is the complex derivative f'(z).  Without it the output must be a real
    scalar (a complex output is JAX's TypeError naming holomorphic=True).
    ``allow_int=True``: integer and boolean inputs are accepted and their
    gradient is an array of dtype ``float0`` (JAX's zero-size dtype) of the
    input's shape; otherwise they raise JAX's TypeError."""
    @functools.wraps(fun)
    def vg(*args, **kwargs):
        single, nums = _argnums_tuple(argnums, len(args), "grad")
        diff = tuple(args[i] for i in nums)
        all_leaves, tree = tu.tree_flatten(diff)
        all_orig, wrap = all_leaves, _facade_wrap(all_leaves)
        all_leaves = [_as_value(x) for x in all_leaves]
        mask = _check_grad_inputs(all_leaves, holomorphic, allow_int, "grad")
        some_int = not all(mask)
        leaves = [x for x, m in zip(all_leaves, mask) if m] if some_int else all_leaves
        orig = [x for x, m in zip(all_orig, mask) if m] if some_int else all_orig
        box = []

        def full(xs):
            if not some_int:
                return xs
            it = iter(xs)
            return [next(it) if m else x for x, m in zip(all_orig, mask)]

        def flat_fun(*xs):
            new_args = list(args)
            xs = full(_rewrap(xs, orig, wrap))
            for i, sub in zip(nums, tu.tree_unflatten(tree, xs)):
                new_args[i] = sub
            out = fun(*new_args, **kwargs)
            aux = None
            if has_aux:
                out, aux = _split_aux(out, "grad")
            out = _as_value(out) if not isinstance(out, Tracer) else out
            _check_grad_output(out, holomorphic, "grad")
            aux_leaves, aux_tree = tu.tree_flatten(aux)
            box.append(aux_tree)
            return [out], [_unwrap(a) for a in aux_leaves]

        (value,), refs, leaf_nodes, aux = vjp_flat(flat_fun, leaves, "grad")
        _A.enter()   # the seed and the casts are the library's own values: plain
        try:
            one = U.ones_like(value)  # made by the output's own backend
            cts = backward_pass(refs, [one], leaf_nodes, release=True)
            grads = [_zeros_for(x) if c is None else _cast_like(c, x)
                     for c, x in zip(cts, leaves)]
        finally:
            _A.leave()
        if some_int:
            it = iter(grads)
            grads = [next(it) if m else np.zeros(get_aval(x).shape, float0)
                     for x, m in zip(all_leaves, mask)]
        g = _wrap_out(tu.tree_unflatten(tree, grads), wrap)
        g = g[0] if single else g
        value = _wrap_out(value, wrap)
        if has_aux:
            return (value, _wrap_out(tu.tree_unflatten(box[0], aux), wrap)), g
        return value, g
    return vg


def grad(fun: Callable[P, Any], argnums: int | Sequence[int] = 0, has_aux: bool = False,
         holomorphic: bool = False, allow_int: bool = False) -> Callable[P, Any]:
    """The gradient of a scalar-output ``fun`` with respect to ``argnums``
    (JAX's ``grad``, including ``holomorphic=`` and ``allow_int=``; see
    ``value_and_grad``)."""
    vg = value_and_grad(fun, argnums, has_aux, holomorphic, allow_int)

    @functools.wraps(fun)
    def g(*args, **kwargs):
        out, gr = vg(*args, **kwargs)
        return (gr, out[1]) if has_aux else gr
    return g


# ----------------------------------------------------------------------- jvp

@overload
def jvp(fun: Callable[..., R], primals: Sequence[Any], tangents: Sequence[Any],
        has_aux: Literal[False] = ...) -> tuple[R, R]: ...
@overload
def jvp(fun: Callable[..., Any], primals: Sequence[Any], tangents: Sequence[Any],
        has_aux: Literal[True]) -> tuple[Any, Any, Any]: ...
@overload
def jvp(fun: Callable[..., Any], primals: Sequence[Any], tangents: Sequence[Any],
        has_aux: bool) -> tuple[Any, ...]: ...
def jvp(fun: Callable[..., Any], primals: Sequence[Any], tangents: Sequence[Any],
        has_aux: bool = False) -> tuple[Any, ...]:
    if not isinstance(primals, (tuple, list)) or not isinstance(tangents, (tuple, list)):
        raise TypeError("jvp: primals and tangents must be tuples (one entry per argument)")
    p_leaves, p_tree = tu.tree_flatten(tuple(primals))
    t_leaves, t_tree = tu.tree_flatten(tuple(tangents))
    if p_tree != t_tree:
        raise ValueError(f"jvp: primals {p_tree} and tangents {t_tree} differ in structure")
    orig, wrap = p_leaves, _facade_wrap(p_leaves)
    p_leaves = [_as_value(x) for x in p_leaves]
    t_leaves = [_as_value(x) for x in t_leaves]
    for p, t in zip(p_leaves, t_leaves):
        pa, ta = get_aval(p), get_aval(t)
        if pa.shape != ta.shape:
            raise ValueError(f"jvp: primal shape {pa.shape} and tangent shape {ta.shape} "
                             f"differ; each tangent must have its primal's shape")
    box = []

    def flat_fun(*xs):
        out = fun(*tu.tree_unflatten(p_tree, _rewrap(xs, orig, wrap)))
        aux = None
        if has_aux:
            out, aux = _split_aux(out, "jvp")
            # aux leaves leave this jvp as their primal values (not dead tracers),
            # Tensor-wrapped ones included (rewrapped around the primal)
            tr = xs[0]._trace if xs else None

            def lower(a):
                v = _unwrap(a)
                if isinstance(v, JVPTracer) and v._trace is tr:
                    w = getattr(type(a), "__fl_wrap__", None)
                    return w(v.primal) if w is not None else v.primal
                return a
            aux = tu.tree_map(lower, aux)
        leaves, tree = tu.tree_flatten(out)
        box.append((tree, aux))
        return [_unwrap(o) for o in leaves]

    outs, touts = jvp_flat(flat_fun, p_leaves, t_leaves)
    out_tree, aux = box[0]
    touts = [_zeros_for(o) if t is None else t for o, t in zip(outs, touts)]
    res = (_wrap_out(tu.tree_unflatten(out_tree, outs), wrap),
           _wrap_out(tu.tree_unflatten(out_tree, touts), wrap))
    return (res + (aux,)) if has_aux else res


# ---------------------------------------------------------------------- vmap

def vmap(fun: Callable[P, R], in_axes: Any = 0, out_axes: Any = 0,
         axis_size: int | None = None) -> Callable[P, R]:
    @functools.wraps(fun)
    def batched(*args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:
            raise TypeError(f"vmap: keyword arguments ({', '.join(kwargs)}) are not batched; "
                            f"pass them positionally (in_axes then covers them)")
        leaves, in_tree = tu.tree_flatten(args)
        orig, wrap = leaves, _facade_wrap(leaves)
        leaves = [_as_value(x) for x in leaves]
        axes = tuple(in_axes) if isinstance(in_axes, list) else in_axes
        if isinstance(axes, tuple) and len(axes) != len(args):
            raise ValueError(f"vmap: in_axes {in_axes} has {len(axes)} entries but the "
                             f"function got {len(args)} arguments")
        dims = tu.broadcast_prefix(axes, args)
        size = axis_size
        norm: list[int | None] = []
        for x, d in zip(leaves, dims):
            if d is None:
                norm.append(None)
                continue
            nd = get_aval(x).ndim
            if not -nd <= d < nd:
                raise ValueError(f"vmap: in_axes {d} is out of range for an argument of "
                                 f"shape {get_aval(x).shape}")
            d %= nd
            n = get_aval(x).shape[d]
            if size is None:
                size = n
            elif size != n:
                raise ValueError(f"vmap: mapped axes have different sizes {size} and {n} "
                                 f"(in_axes={in_axes}, shape {get_aval(x).shape})")
            norm.append(d)
        if size is None:
            raise ValueError("vmap: no argument is mapped (all in_axes are None); pass "
                             "axis_size= to say how many lanes to run")
        box = []

        def flat_fun(*xs):
            # unmapped Python scalars reach fun as they were (as JAX's weak constants
            # do), not as traced 0-d arrays that Tensor code cannot take
            xs = [o if d is None and type(o) in (int, float, bool, complex) else x
                  for x, o, d in zip(xs, orig, norm)]
            out = fun(*tu.tree_unflatten(in_tree, _rewrap(xs, orig, wrap)))
            out_leaves, out_tree = tu.tree_flatten(out)
            box.append((out, out_tree))
            return [_unwrap(o) for o in out_leaves]

        def out_dims_fn(n):
            out, _ = box[0]
            return tu.broadcast_prefix(out_axes, out)

        outs = vmap_flat(flat_fun, leaves, norm, out_dims_fn, size)
        return _wrap_out(tu.tree_unflatten(box[0][1], outs), wrap)
    return batched


# ---------------------------------------------------------------- make_jaxpr

def _abstractify(x):
    if isinstance(x, Tracer):
        return x.aval
    if isinstance(x, ShapeDtypeStruct):
        return ShapedArray(x.shape, x.dtype, x.weak_type)
    return get_aval(_as_value(x) if not isinstance(x, (bool, int, float, complex)) else x)


def make_jaxpr(fun: Callable[..., Any], static_argnums: int | Sequence[int] = (),
               source_info: bool = False) -> Callable[..., ClosedJaxpr]:
    """``make_jaxpr(f)(*args)``: the ClosedJaxpr of ``f`` for these argument shapes.
    With ``source_info=True`` the result prints each equation's user ``file:line``
    (``# path:line`` after it; JAX's equivalent is ``jaxpr.pretty_print(source_info=True)``);
    it is otherwise the same ClosedJaxpr, and the default print is JAX's format."""
    if isinstance(static_argnums, int):
        static_argnums = (static_argnums,)

    @functools.wraps(fun)
    def jaxpr_maker(*args):
        dyn = [i for i in range(len(args)) if i not in static_argnums]
        leaves, tree = tu.tree_flatten(tuple(args[i] for i in dyn))
        avals = [_abstractify(x) for x in leaves]

        def flat_fun(*xs):
            new_args = list(args)
            for i, a in zip(dyn, tu.tree_unflatten(tree, xs)):
                new_args[i] = a
            return tu.tree_leaves(fun(*new_args))

        closed, _ = trace_to_jaxpr(flat_fun, avals)
        if source_info:
            return SourcedClosedJaxpr(closed.jaxpr, closed.consts)
        return closed
    return jaxpr_maker


def stop_gradient(x: R) -> R:
    return tu.tree_map(lambda v: U.ew.stop_gradient(_as_value(v)), x)


# ------------------------------------------------------- JAX's conveniences

class ShapeDtypeStruct:
    """A shape and a dtype standing for an array (JAX's): what ``eval_shape``
    returns for each output leaf, and accepted in place of an array by
    ``eval_shape`` and ``make_jaxpr``.  ``sharding`` is accepted and kept,
    meaning nothing here (one device per backend)."""
    __slots__ = ("shape", "dtype", "weak_type", "sharding")

    def __init__(self, shape, dtype, *, sharding=None, weak_type=False):
        try:
            shape = tuple(int(d) for d in shape)
        except TypeError:
            raise TypeError(f"ShapeDtypeStruct: shape must be a sequence of ints, got "
                            f"{shape!r}") from None
        if any(d < 0 for d in shape):
            raise ValueError(f"ShapeDtypeStruct: shape must not be negative, got {shape}")
        if dtype is None:
            raise TypeError("ShapeDtypeStruct: dtype must be given (not None)")
        try:
            dtype = np.dtype(dtype)
        except TypeError:
            raise TypeError(f"ShapeDtypeStruct: dtype {dtype!r} is not a dtype") from None
        self.shape, self.dtype = shape, dtype
        self.weak_type, self.sharding = bool(weak_type), sharding

    ndim = property(lambda self: len(self.shape))

    @classmethod
    def like(cls, x):
        """The shape, dtype and weak type of ``x`` (an array, a tracer or a
        ShapeDtypeStruct), as JAX's ``ShapeDtypeStruct.like``."""
        a = x.aval if isinstance(x, Tracer) else x
        if not hasattr(a, "shape"):     # a Python scalar: its canonical array
            a = np.asarray(a)
        return cls(a.shape, a.dtype, weak_type=bool(getattr(a, "weak_type", False)))

    @property
    def size(self):
        return int(np.prod(self.shape, dtype=np.int64))

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def __eq__(self, other):
        return (isinstance(other, ShapeDtypeStruct) and self.shape == other.shape and
                self.dtype == other.dtype and self.weak_type == other.weak_type)

    def __hash__(self):
        return hash((self.shape, self.dtype, self.weak_type))

    def __repr__(self):
        weak = ", weak_type=True" if self.weak_type else ""
        return f"ShapeDtypeStruct(shape={self.shape}, dtype={self.dtype.name}{weak})"


def eval_shape(fun: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """The shapes and dtypes ``fun(*args, **kwargs)`` would return, as a pytree
    of ``ShapeDtypeStruct``, found by tracing: no kernel runs on the inputs
    (constants the function builds itself are still made).  Inputs may be
    arrays, Python scalars (weakly typed, as JAX), ShapeDtypeStructs or
    anything with ``.shape`` and ``.dtype``, in any pytree."""
    if not callable(fun):
        raise TypeError(f"eval_shape: fun must be callable, got {type(fun).__name__}")
    leaves, tree = tu.tree_flatten((args, kwargs))
    avals = []
    for x in leaves:
        x = _unwrap(x)
        if isinstance(x, ShapeDtypeStruct):
            avals.append(ShapedArray(x.shape, x.dtype, x.weak_type))
            continue
        try:
            avals.append(get_aval(x))
        except TypeError:
            raise TypeError(f"eval_shape: argument leaf of type {type(x).__name__} is not "
                            f"an array, a scalar or a ShapeDtypeStruct") from None
    box = []

    def flat_fun(*xs):
        a, k = tu.tree_unflatten(tree, xs)
        out_leaves, out_tree = tu.tree_flatten(fun(*a, **k))
        box.append(out_tree)
        return [_unwrap(o) for o in out_leaves]

    _, out_avals = trace_to_jaxpr(flat_fun, avals, "eval_shape")
    return tu.tree_unflatten(box[0], [ShapeDtypeStruct(a.shape, a.dtype,
                                                       weak_type=a.weak_type)
                                      for a in out_avals])


def block_until_ready(x: R) -> R:
    """Wait until every array in the pytree ``x`` is computed, and return ``x``
    (JAX's).  Host (NumPy) arrays are always ready: a no-op; a device
    backend's arrays make that backend ``synchronize()`` (once per backend).
    Facade Tensors count by their arrays; other leaves are passed over."""
    seen = []
    for leaf in tu.tree_leaves(x):
        if isinstance(leaf, Tracer):
            continue
        b = backend_of(_unwrap(leaf), None)
        if b is not None and not b.is_host and b not in seen:
            seen.append(b)
            b.synchronize()
    return x


class Device:
    """One device as ``devices()`` lists it: ``platform`` ('cpu', 'cuda'),
    ``backend`` (the registered backend's name: 'numpy', 'cupy') and ``id``.
    ``str(d)`` ('cpu:0') is what ``device_put`` accepts."""
    __slots__ = ("platform", "backend", "id")

    def __init__(self, platform, backend, id=0):
        self.platform, self.backend, self.id = platform, backend, id

    device_kind = property(lambda self: self.platform)

    def __eq__(self, other):
        return isinstance(other, Device) and (self.backend, self.id) == (other.backend,
                                                                          other.id)

    def __hash__(self):
        return hash((self.backend, self.id))

    def __str__(self):
        return f"{self.platform}:{self.id}"

    def __repr__(self):
        return f"Device(platform={self.platform!r}, backend={self.backend!r}, id={self.id})"


def devices(backend: str | None = None) -> list[Device]:
    """The devices of ``backend`` (a registered backend's name or alias; None:
    the default backend), one per backend here: ``[Device('cpu', 'numpy', 0)]``.
    Differs from JAX: a multi-GPU machine still lists one CuPy device (the
    current one)."""
    if backend is not None and not isinstance(backend, str):
        raise TypeError(f"devices: backend must be a backend's name, got {backend!r}")
    try:
        b = _backends.get_backend(backend)
    except ValueError:
        raise ValueError(f"devices: unknown backend {backend!r}; choose from "
                         f"{_backends.available()}") from None
    return [Device(b.device or b.name, b.name, 0)]


def default_backend() -> str:
    """The name of the default backend in the Backend registry ('numpy' unless
    ``set_default_backend`` chose another).  Differs from JAX, which answers
    with a platform ('cpu', 'gpu'): ``devices()[0].platform`` is that here."""
    return _backends.default_backend()


__all__ = ["grad", "value_and_grad", "vjp", "jvp", "vmap", "make_jaxpr", "stop_gradient",
           "source_info", "float0", "ShapeDtypeStruct", "eval_shape", "block_until_ready",
           "Device", "devices", "default_backend"]


from ._api_docs import DOCS as _DOCS  # noqa: E402  (api.py is at the line limit)

for _name, _doc in _DOCS.items():
    globals()[_name].__doc__ = _doc
