"""Pytrees: nested tuples, lists, dicts (sorted keys), namedtuples, None, and
registered classes, flattened to a list of leaves plus a hashable treedef.

As JAX's: None is a node with no children (not a leaf) unless ``is_leaf``
says so; ``is_leaf`` is asked first, on every subtree.  Key paths
(``tree_flatten_with_path``) name each leaf by the entries leading to it:
``SequenceKey`` (tuple/list index), ``DictKey``, ``GetAttrKey`` (namedtuple
field) and ``FlattenedIndexKey`` (a registered class without key names).
"""
import functools as _functools
from dataclasses import dataclass as _dataclass
from typing import Any

_registry: dict[Any, Any] = {}       # type -> (flatten, unflatten)
_key_registry: dict[Any, Any] = {}   # type -> flatten_with_keys, for classes registered with keys


def register_pytree_node(cls, flatten, unflatten, flatten_with_keys=None):
    """Make ``cls`` a pytree node: ``flatten(obj) -> (children, aux)``,
    ``unflatten(aux, children) -> obj`` (aux must be hashable and comparable).
    ``flatten_with_keys(obj) -> (((key, child), ...), aux)`` optionally names
    the children in key paths (else they are ``FlattenedIndexKey(i)``)."""
    if not isinstance(cls, type):
        raise TypeError(f"register_pytree_node: cls must be a class, got {cls!r}")
    if not callable(flatten) or not callable(unflatten):
        raise TypeError("register_pytree_node: flatten and unflatten must be callables")
    _registry[cls] = (flatten, unflatten)
    if flatten_with_keys is not None:
        _key_registry[cls] = flatten_with_keys
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
        try:
            return hash(self._key())
        except TypeError:   # unhashable aux data (a dict, as JAX allows): equality decides
            return hash((self.kind, self.children))

    def __repr__(self):
        if self.kind is None:
            return "*" if self.aux == "leaf" else "None"
        name = getattr(self.kind, "__name__", str(self.kind))
        return f"PyTreeDef({name}, {list(self.children)})"

    def unflatten(self, leaves):
        return tree_unflatten(self, leaves)

    @property
    def num_nodes(self):
        """Nodes of the tree, leaves and None included (JAX's count)."""
        return 1 + sum(c.num_nodes for c in self.children)

    def flatten_up_to(self, tree):
        """The subtrees of ``tree`` at this treedef's leaves (this treedef must be
        a prefix of ``tree``'s structure)."""
        return _flatten_up_to_leaves(self, tree, "flatten_up_to")


_LEAF = PyTreeDef(None, "leaf", ())
_NONE = PyTreeDef(None, "none", ())


def _is_namedtuple(x):
    return isinstance(x, tuple) and hasattr(type(x), "_fields")


def _sorted_keys(d):
    try:
        return sorted(d)
    except TypeError as e:   # keys of mixed types (JAX's error kind and words)
        raise ValueError(f"Comparator raised exception while sorting pytree dictionary "
                         f"keys: {e}") from e


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
        keys = _sorted_keys(x)
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
    """``f`` applied leaf by leaf.  Each tree of ``rest`` must have ``tree``'s
    structure or extend it (a leaf of ``tree`` meets the whole subtree there),
    as JAX's."""
    leaves, treedef = tree_flatten(tree, is_leaf)
    others = []
    for r in rest:
        rl, rdef = tree_flatten(r, is_leaf)
        if rdef != treedef:
            rl = _flatten_up_to_leaves(treedef, r, "tree_map")
        others.append(rl)
    return tree_unflatten(treedef, [f(*xs) for xs in zip(leaves, *others)])


def treedef_children(treedef):
    return list(treedef.children)


def tree_unflatten_checked(treedef, leaves, who):
    if not isinstance(treedef, PyTreeDef):
        raise TypeError(f"{who}: treedef must be a PyTreeDef, got {type(treedef).__name__}")
    return tree_unflatten(treedef, leaves)


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


# ------------------------------------------------------------ more of JAX's API

def register_pytree_with_keys(cls, flatten_with_keys, unflatten, flatten=None):
    """JAX's ``register_pytree_with_keys``: ``flatten_with_keys(obj)`` returns
    ``(((key, child), ...), aux)``; ``flatten`` (children without keys) is derived
    from it when not given."""
    if flatten is None:
        def flatten(x):
            kids, aux = flatten_with_keys(x)
            return [c for _, c in kids], aux
    return register_pytree_node(cls, flatten, unflatten, flatten_with_keys)


def register_pytree_node_class(cls):
    """Class decorator (JAX's): ``cls`` flattens with its method ``tree_flatten()``
    -> (children, aux) and rebuilds with the classmethod
    ``tree_unflatten(aux, children)``."""
    register_pytree_node(cls, lambda x: x.tree_flatten(), cls.tree_unflatten)
    return cls


def register_pytree_with_keys_class(cls):
    """Class decorator: ``tree_flatten_with_keys()`` and ``tree_unflatten``."""
    flatten = (lambda x: x.tree_flatten()) if hasattr(cls, "tree_flatten") else None
    register_pytree_with_keys(cls, lambda x: x.tree_flatten_with_keys(),
                              cls.tree_unflatten, flatten)
    return cls


def register_dataclass(cls, data_fields, meta_fields):
    """Register a dataclass: ``data_fields`` are children, ``meta_fields`` go in
    the treedef (hashable).  Keys are ``GetAttrKey(field)``."""
    data_fields, meta_fields = tuple(data_fields), tuple(meta_fields)

    def flatten_with_keys(x):
        return ([(GetAttrKey(n), getattr(x, n)) for n in data_fields],
                tuple(getattr(x, n) for n in meta_fields))

    def unflatten(aux, children):
        return cls(**dict(zip(data_fields, children)), **dict(zip(meta_fields, aux)))
    return register_pytree_with_keys(cls, flatten_with_keys, unflatten)


@_dataclass(frozen=True)
class SequenceKey:
    """Key-path entry: index ``idx`` of a tuple or list (``[0]``)."""
    idx: int

    def __str__(self):
        return f"[{self.idx!r}]"


@_dataclass(frozen=True)
class DictKey:
    """Key-path entry: key ``key`` of a dict (``['a']``)."""
    key: object

    def __str__(self):
        return f"[{self.key!r}]"


@_dataclass(frozen=True)
class GetAttrKey:
    """Key-path entry: attribute ``name`` (namedtuple fields, dataclasses: ``.x``)."""
    name: str

    def __str__(self):
        return f".{self.name}"


@_dataclass(frozen=True)
class FlattenedIndexKey:
    """Key-path entry: the i-th child of a registered class without key names."""
    key: int

    def __str__(self):
        return f"[<flat index {self.key}>]"


def keystr(keys, *, simple=False, separator=""):
    """A key path as text: ``"['b'][0].x"``; with ``simple=True`` the bare keys
    joined by ``separator`` (``"b/0/x"`` for separator="/"), as JAX's keystr."""
    if not isinstance(keys, tuple):
        raise TypeError(f"keystr: keys must be a key path (a tuple of key entries), "
                        f"got {type(keys).__name__}")
    if not simple:
        return separator.join(str(k) for k in keys)

    def bare(k):
        for a in ("idx", "key", "name"):
            if hasattr(k, a):
                return str(getattr(k, a))
        return str(k)
    return separator.join(bare(k) for k in keys)


def _children_with_keys(x):
    """(keyed children, node kind, aux) of one node, or None for a leaf/None."""
    t = type(x)
    if t is tuple or t is list:
        return [(SequenceKey(i), c) for i, c in enumerate(x)]
    if t is dict:
        return [(DictKey(k), x[k]) for k in sorted(x)]
    if t in _registry:
        fk = _key_registry.get(t)
        if fk is not None:
            return list(fk(x)[0])
        return [(FlattenedIndexKey(i), c) for i, c in enumerate(_registry[t][0](x)[0])]
    if _is_namedtuple(x):
        return [(GetAttrKey(f), c) for f, c in zip(t._fields, x)]
    return None


def tree_flatten_with_path(tree, is_leaf=None):
    """``([(key_path, leaf), ...], treedef)``: the leaves of ``tree_flatten``,
    each with the tuple of key entries that leads to it."""
    out = []

    def rec(x, path):
        if is_leaf is not None and is_leaf(x):
            out.append((path, x))
            return
        if x is None:
            return
        kids = _children_with_keys(x)
        if kids is None:
            out.append((path, x))
            return
        for k, c in kids:
            rec(c, path + (k,))
    rec(tree, ())
    return out, tree_structure(tree, is_leaf)


def tree_leaves_with_path(tree, is_leaf=None):
    """``[(key_path, leaf), ...]`` in ``tree_leaves`` order."""
    return tree_flatten_with_path(tree, is_leaf)[0]


def _flatten_up_to(treedef, tree, who, path=()):
    """The subtrees of ``tree`` at the leaves of ``treedef`` (a prefix of it)."""
    out = []

    def rec(td, x, path):
        if td.kind is None:
            if td.aux == "leaf":
                out.append(x)
            elif x is not None:
                raise ValueError(f"{who}: tree structures differ at key path "
                                 f"{keystr(path) or '(root)'}: expected None, got "
                                 f"{type(x).__name__}")
            return
        t = type(x)
        if t is not td.kind:
            raise ValueError(f"{who}: tree structures differ at key path "
                             f"{keystr(path) or '(root)'}: expected a {td.kind.__name__}, "
                             f"got {t.__name__}")
        sub = _flatten(x, [], lambda y: y is not x)   # one level: the children are leaves
        if sub.aux != td.aux or len(sub.children) != len(td.children):
            raise ValueError(f"{who}: tree structures differ at key path "
                             f"{keystr(path) or '(root)'}: {td} vs {sub}")
        kids = _children_with_keys(x)
        for ctd, (k, c) in zip(td.children, kids):
            rec(ctd, c, path + (k,))
    rec(treedef, tree, path)
    return out


def _flatten_up_to_leaves(treedef, tree, who):
    if treedef.kind is None and treedef.aux == "leaf":
        return [tree]
    return _flatten_up_to(treedef, tree, who)


def tree_map_with_path(f, tree, *rest, is_leaf=None):
    """``tree_map`` whose ``f`` also receives each leaf's key path first:
    ``f(path, leaf, *others)``."""
    pairs, treedef = tree_flatten_with_path(tree, is_leaf)
    others = [_flatten_up_to_leaves(treedef, r, "tree_map_with_path") for r in rest]
    return tree_unflatten(treedef, [f(p, x, *xs) for (p, x), *xs
                                    in zip(pairs, *others)] if others else
                          [f(p, x) for p, x in pairs])


def tree_reduce(function, tree, initializer=_LEAF, is_leaf=None):
    """``functools.reduce(function, leaves(tree)[, initializer])``; an empty tree
    without an initializer is a TypeError, as Python's reduce."""
    leaves = tree_leaves(tree, is_leaf)
    if initializer is _LEAF:
        return _functools.reduce(function, leaves)
    return _functools.reduce(function, leaves, initializer)


def tree_all(tree, *, is_leaf=None):
    """True when every leaf is truthy (``all(leaves(tree))``)."""
    return all(tree_leaves(tree, is_leaf))


def tree_transpose(outer_treedef, inner_treedef, pytree_to_transpose):
    """Turn an outer-of-inner tree into an inner-of-outer one (a list of pairs
    into a pair of lists).  ``inner_treedef=None`` takes the structure of the
    first inner subtree, as JAX does."""
    if not isinstance(outer_treedef, PyTreeDef):
        raise TypeError("tree_transpose: outer_treedef must be a PyTreeDef")
    inners = _flatten_up_to_leaves(outer_treedef, pytree_to_transpose, "tree_transpose")
    if inner_treedef is None:
        if not inners:
            raise ValueError("tree_transpose: inner_treedef=None needs at least one "
                             "inner subtree")
        inner_treedef = tree_structure(inners[0])
    if not isinstance(inner_treedef, PyTreeDef):
        raise TypeError("tree_transpose: inner_treedef must be a PyTreeDef or None")
    cols = []
    for sub in inners:
        ls, td = tree_flatten(sub)
        if td != inner_treedef:
            raise TypeError(f"tree_transpose: an inner subtree has structure {td}, "
                            f"expected {inner_treedef}")
        cols.append(ls)
    n = inner_treedef.num_leaves
    rows = [tree_unflatten(outer_treedef, [c[i] for c in cols]) for i in range(n)]
    return tree_unflatten(inner_treedef, rows)


def tree_broadcast(prefix_tree, full_tree, is_leaf=None):
    """Repeat each leaf of ``prefix_tree`` over the matching subtree of
    ``full_tree``: the result has ``full_tree``'s structure."""
    treedef = tree_structure(prefix_tree, is_leaf)
    subs = _flatten_up_to_leaves(treedef, full_tree, "tree_broadcast")
    out = [tree_map(lambda _, v=v: v, s, is_leaf=is_leaf)
           for v, s in zip(tree_leaves(prefix_tree, is_leaf), subs)]
    return tree_unflatten(treedef, out)


def all_leaves(iterable, is_leaf=None):
    """True when every item of ``iterable`` is a leaf (flattens to itself)."""
    for x in iterable:
        td = tree_structure(x, is_leaf)
        if not (td.kind is None and td.aux == "leaf"):
            return False
    return True


def treedef_is_leaf(treedef):
    return treedef.num_nodes == 1


def treedef_tuple(treedefs):
    """The treedef of a tuple whose children have the given treedefs."""
    treedefs = tuple(treedefs)
    return PyTreeDef(tuple, len(treedefs), treedefs)


class Partial(_functools.partial):
    """``functools.partial`` as a pytree (JAX's ``tree_util.Partial``): the bound
    positional and keyword arguments are its children, the function is static,
    so a Partial can be passed through jit, vmap, grad and scan."""

    def __repr__(self):
        args = [repr(self.func)] + [repr(a) for a in self.args] + \
            [f"{k}={v!r}" for k, v in self.keywords.items()]
        return f"Partial({', '.join(args)})"


register_pytree_node(
    Partial, lambda p: ((p.args, p.keywords), p.func),
    lambda func, ch: Partial(func, *ch[0], **ch[1]))
