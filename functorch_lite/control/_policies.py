"""Checkpoint policies (JAX's ``jax.checkpoint_policies``) and the
``checkpoint_name`` marker primitive they can select by name.

A policy is ``policy(prim, *in_avals, **params) -> bool``: True when the value
an equation produces may be saved for the backward pass instead of being
recomputed there.  ``checkpoint(f, policy=...)`` asks it of each equation that
produces a residual of f's VJP (``checkpoint.py``)."""
from ..core import tree_util as tu
from ..core.ir import ShapedArray
from ..core.primitive import Primitive, defprim
from ..primitives.contractions import dot_general_p
from ._util import as_value


def _name_batch(vals, dims, name):
    return name_p.bind(vals[0], name=name), dims[0]


# an identity that carries a name through every transform (jit keeps it: a
# policy reads it after tracing); its derivative is the identity
name_p: Primitive = defprim(
    "checkpoint_name", impl=lambda xp, x, name: x,
    abstract=lambda x, name: ShapedArray(x.shape, x.dtype, x.weak_type),
    jvp=lambda primals, tangents, name: (name_p.bind(primals[0], name=name), tangents[0]),
    vjp=lambda ct, ins, out, needs, name: (ct,), batch=_name_batch, saves="nothing")


def checkpoint_name(x, name):
    """Tag ``x`` with ``name`` for ``save_only_these_names``-style policies (JAX's
    ``jax.ad_checkpoint.checkpoint_name``); returns x unchanged (a pytree too)."""
    return tu.tree_map(lambda v: name_p.bind(as_value(v), name=str(name)), x)


def everything_saveable(prim, *avals, **params):
    """Save every residual (no recomputation: plain reverse mode)."""
    return True


def nothing_saveable(prim, *avals, **params):
    """Save only the checkpointed function's inputs (the default)."""
    return False


def dots_saveable(prim, *avals, **params):
    """Save the results of matrix products (dot_general); recompute the rest."""
    return prim is dot_general_p


checkpoint_dots = dots_saveable


def dots_with_no_batch_dims_saveable(prim, *avals, **params):
    """Save dot_general results that have no batch dimensions."""
    if prim is not dot_general_p:
        return False
    (_, _), (lb, rb) = params["dimension_numbers"]
    return not lb and not rb


checkpoint_dots_with_no_batch_dims = dots_with_no_batch_dims_saveable


def save_only_these_names(*names):
    """A policy saving only values tagged by ``checkpoint_name`` with these names."""
    keep = frozenset(names)

    def policy(prim, *avals, **params):
        return prim is name_p and params["name"] in keep
    return policy


def save_any_names_but_these(*names):
    """A policy saving every named value except these names (unnamed ones are
    recomputed)."""
    drop = frozenset(names)

    def policy(prim, *avals, **params):
        return prim is name_p and params["name"] not in drop
    return policy


def save_anything_except_these_names(*names):
    """A policy saving everything except values tagged with these names."""
    drop = frozenset(names)

    def policy(prim, *avals, **params):
        return not (prim is name_p and params["name"] in drop)
    return policy


def save_from_both_policies(left, right):
    """Save what either policy saves."""
    def policy(prim, *avals, **params):
        return left(prim, *avals, **params) or right(prim, *avals, **params)
    return policy


class checkpoint_policies:  # noqa: N801 - JAX's name (a namespace there too)
    """JAX's ``jax.checkpoint_policies`` (no offloading policies: one memory)."""
    everything_saveable = staticmethod(everything_saveable)
    nothing_saveable = staticmethod(nothing_saveable)
    dots_saveable = staticmethod(dots_saveable)
    checkpoint_dots = staticmethod(dots_saveable)
    dots_with_no_batch_dims_saveable = staticmethod(dots_with_no_batch_dims_saveable)
    checkpoint_dots_with_no_batch_dims = staticmethod(dots_with_no_batch_dims_saveable)
    save_only_these_names = staticmethod(save_only_these_names)
    save_any_names_but_these = staticmethod(save_any_names_but_these)
    save_anything_except_these_names = staticmethod(save_anything_except_these_names)
    save_from_both_policies = staticmethod(save_from_both_policies)
