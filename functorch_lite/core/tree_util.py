"""Pytrees: nested tuples, lists, dicts (sorted keys), namedtuples, None, and
registered classes, flattened to a list of leaves plus a hashable treedef."""

_registry = {}


def register_pytree_node(cls, flatten, unflatten):
    """flatten(obj) -> (children, aux); unflatten(aux, children) -> obj."""
    _registry[cls] = (flatten, unflatten)
    return cls


class PyTreeDef:
    __slots__ = ("kind", "aux", "children", "num_leaves")

    def __init__(self, kind, aux, children):
        self.kind = kind          # None for a leaf, else a node type
        self.aux = aux
        self.children = tuple(children)
        self.num_leaves = 1 if kind is None and aux == "leaf" else sum(
            c.num_leaves for c in self.children)

    def _key(self):
        return (self.kind, self.aux, self.children)

    def __eq__(self, other):
        return isinstance(other, PyTreeDef) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        if self.kind is None:
            return "*" if self.aux == "leaf" else "None"
        name = getattr(self.kind, "__name__", str(self.kind))
        return f"PyTreeDef({name}, {list(self.children)})"

    def unflatten(self, leaves):
        return tree_unflatten(self, leaves)


_LEAF = PyTreeDef(None, "leaf", ())
_NONE = PyTreeDef(None, "none", ())


def _is_namedtuple(x):
    return isinstance(x, tuple) and hasattr(type(x), "_fields")


def _flatten(x, leaves, is_leaf):
    if is_leaf is not None and is_leaf(x):
        leaves.append(x)
        return _LEAF
    if x is None:
        return _NONE
    t = type(x)
    if t is tuple or t is list:
        return PyTreeDef(t, len(x), [_flatten(c, leaves, is_leaf) for c in x])
    if t is dict:
        keys = sorted(x)
        return PyTreeDef(dict, tuple(keys), [_flatten(x[k], leaves, is_leaf) for k in keys])
    if t in _registry:
        children, aux = _registry[t][0](x)
        return PyTreeDef(t, aux, [_flatten(c, leaves, is_leaf) for c in children])
    if _is_namedtuple(x):
        return PyTreeDef(t, None, [_flatten(c, leaves, is_leaf) for c in x])
    leaves.append(x)
    return _LEAF


def tree_flatten(tree, is_leaf=None):
    leaves = []
    treedef = _flatten(tree, leaves, is_leaf)
    return leaves, treedef


def _unflatten(td, it):
    if td.kind is None:
        return next(it) if td.aux == "leaf" else None
    children = [_unflatten(c, it) for c in td.children]
    if td.kind is tuple:
        return tuple(children)
    if td.kind is list:
        return children
    if td.kind is dict:
        return dict(zip(td.aux, children))
    if td.kind in _registry:
        return _registry[td.kind][1](td.aux, children)
    return td.kind(*children)  # namedtuple


def tree_unflatten(treedef, leaves):
    leaves = list(leaves)
    if len(leaves) != treedef.num_leaves:
        raise ValueError(f"tree_unflatten: treedef {treedef} expects {treedef.num_leaves} "
                         f"leaves, got {len(leaves)}")
    return _unflatten(treedef, iter(leaves))


def tree_leaves(tree, is_leaf=None):
    return tree_flatten(tree, is_leaf)[0]


def tree_structure(tree, is_leaf=None):
    return tree_flatten(tree, is_leaf)[1]


def tree_map(f, tree, *rest, is_leaf=None):
    leaves, treedef = tree_flatten(tree, is_leaf)
    others = []
    for r in rest:
        rl, rdef = tree_flatten(r, is_leaf)
        if rdef != treedef:
            raise ValueError(f"tree_map: tree structures differ: {treedef} vs {rdef}")
        others.append(rl)
    return tree_unflatten(treedef, [f(*xs) for xs in zip(leaves, *others)])


def treedef_children(treedef):
    return list(treedef.children)


def broadcast_prefix(prefix, tree, is_leaf=None):
    """Expand ``prefix`` (a pytree prefix of ``tree``) to one entry per leaf of tree.

    A leaf of the prefix (an int, None, ...) stands for the whole subtree under it.
    """
    out = []

    def rec(p, t):
        if isinstance(p, (tuple, list)) and not _is_namedtuple(p):
            if not isinstance(t, (tuple, list)) or len(p) != len(t):
                raise ValueError(f"prefix {p!r} does not match the structure of the value "
                                 f"({type(t).__name__})")
            for pc, tc in zip(p, t):
                rec(pc, tc)
        elif isinstance(p, dict):
            if not isinstance(t, dict) or sorted(p) != sorted(t):
                raise ValueError(f"prefix {p!r} does not match the structure of the value")
            for k in sorted(p):
                rec(p[k], t[k])
        else:
            out.extend([p] * len(tree_leaves(t, is_leaf)))

    rec(prefix, tree)
    return out
