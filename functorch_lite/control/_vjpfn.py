"""The function ``vjp`` returns, as a pytree (JAX's vjp returns a
``tree_util.Partial`` whose leaves are the residuals), so it can be returned
from ``jit``, passed through ``tree_map`` or stored in a carry.

Called directly it runs the tape's backward pass (as before).  Flattened, its
backward pass is traced once into a jaxpr whose constants (the residuals: the
values the rules saved, or an enclosing jit's traced values) become the leaves;
unflattening gives a function that runs that jaxpr on those leaves."""
from ..core import tree_util as tu
from ..core.ir import ClosedJaxpr, Jaxpr
from ..core.trace import public
from ..core.tracing import trace_to_jaxpr
from ._util import as_value, run_jaxpr


class VJPFunction:
    """``vjp``'s second result: ``f_vjp(cotangent) -> tuple of input cotangents``;
    a pytree whose leaves are its residual arrays."""
    __slots__ = ("_fn", "_out_tree", "_out_avals", "__weakref__")

    def __init__(self, fn, out_tree, out_avals):
        self._fn, self._out_tree, self._out_avals = fn, out_tree, tuple(out_avals)

    def __call__(self, ct):
        return self._fn(ct)

    def __repr__(self):
        return f"<vjp function of outputs {self._out_tree}>"


def _unwrap(x):
    conv = getattr(x, "__fl_value__", None)
    return conv() if conv is not None else as_value(x)


def _flatten(v):
    box = []

    def flat(*cts):
        res = v._fn(tu.tree_unflatten(v._out_tree, list(cts)))
        leaves, t = tu.tree_flatten(res)
        box.append(t)
        return [_unwrap(x) for x in leaves]
    closed, _ = trace_to_jaxpr(flat, [a.strip_weak() for a in v._out_avals], "vjp_fn")
    j = closed.jaxpr
    hoisted = ClosedJaxpr(Jaxpr([], list(j.constvars) + list(j.invars), j.outvars, j.eqns), [])
    return list(closed.consts), _Aux(hoisted, v._out_tree, v._out_avals, box[0])


class _Aux:
    """The static half of a flattened vjp function (compared by identity of its
    jaxpr: two flattenings of one function trace equal jaxprs)."""
    __slots__ = ("jaxpr", "out_tree", "out_avals", "res_tree")

    def __init__(self, jaxpr, out_tree, out_avals, res_tree):
        self.jaxpr, self.out_tree, self.out_avals, self.res_tree = \
            jaxpr, out_tree, out_avals, res_tree

    def __eq__(self, other):
        return isinstance(other, _Aux) and other.jaxpr is self.jaxpr

    def __hash__(self):
        return id(self.jaxpr)


def _unflatten(aux, consts):
    consts = list(consts)

    def fn(ct):
        leaves, t = tu.tree_flatten(ct)
        if t != aux.out_tree:
            raise ValueError(f"vjp_fn: cotangent structure {t} does not match the output "
                             f"structure {aux.out_tree}")
        outs = run_jaxpr(aux.jaxpr, *consts, *[as_value(c) for c in leaves])
        return tu.tree_unflatten(aux.res_tree, public(outs))
    return VJPFunction(fn, aux.out_tree, aux.out_avals)


tu.register_pytree_node(VJPFunction, _flatten, _unflatten)
