"""torch.utils._pytree's order for the func transforms: dicts flatten in
insertion order (JAX, and ``functorch_lite.tree_util``, sort the keys).

Built on the core pytree: a marking pass wraps each dict (and OrderedDict) in
``_Ordered``, a node registered with an insertion-order flatten whose
unflatten gives back a dict of the original type; tuples, lists, namedtuples,
None and registered classes flatten as the core flattens them.
"""
import collections

from ..core import tree_util as tu


class _Ordered:
    __slots__ = ("d",)

    def __init__(self, d):
        self.d = d


def _flat(o):
    return list(o.d.values()), (type(o.d), tuple(o.d))


def _unflat(aux, children):
    cls, keys = aux
    return cls(zip(keys, children))


tu.register_pytree_node(_Ordered, _flat, _unflat)


def _mark(x):
    t = type(x)
    if t is dict or t is collections.OrderedDict:
        return _Ordered(t((k, _mark(v)) for k, v in x.items()))
    if t is tuple or t is list:
        return t(_mark(c) for c in x)
    if isinstance(x, tuple) and hasattr(t, "_fields"):
        return t(*[_mark(c) for c in x])
    return x


def tree_flatten(tree):
    """(leaves, spec) with dict entries in insertion order (PyTorch's)."""
    return tu.tree_flatten(_mark(tree))


def tree_unflatten(spec, leaves):
    return tu.tree_unflatten(spec, list(leaves))


def broadcast_dims(prefix, tree, what):
    """``prefix`` (an int/None, or a tuple/list/dict matching ``tree``'s top
    levels) expanded to one entry per leaf of ``tree``, PyTorch's in_dims rule."""
    out = []

    def rec(p, t, path):
        if isinstance(p, (tuple, list)):
            if not isinstance(t, (tuple, list)) or len(p) != len(t):
                raise ValueError(f"vmap: {what}={prefix!r} is not compatible with the "
                                 f"structure of the inputs at {path or 'the top'}: "
                                 f"{type(t).__name__} of length "
                                 f"{len(t) if hasattr(t, '__len__') else '-'}")
            for i, (pc, tc) in enumerate(zip(p, t)):
                rec(pc, tc, f"{path}[{i}]")
        elif isinstance(p, dict):
            if not isinstance(t, dict) or set(p) != set(t):
                raise ValueError(f"vmap: {what}={prefix!r} is not compatible with the "
                                 f"structure of the inputs at {path or 'the top'}")
            for k in t:
                rec(p[k], t[k], f"{path}[{k!r}]")
        elif p is None or (isinstance(p, int) and not isinstance(p, bool)):
            out.extend([p] * len(tree_flatten(t)[0]))
        else:
            raise ValueError(f"vmap: {what} must be an int, None or a (nested) tuple/list/"
                             f"dict of them matching the inputs; got {p!r} at "
                             f"{path or 'the top'}")
    rec(prefix, tree, "")
    return out
