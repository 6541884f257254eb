"""``functorch_lite.tree``: JAX's ``jax.tree`` namespace over the pytrees of
``functorch_lite.tree_util`` (tuples, lists, dicts with sorted keys,
namedtuples, None as an empty node, registered classes).

    import functorch_lite as fl
    fl.tree.map(lambda x: x * 2, {"w": w, "b": b})

Each name is the ``tree_util`` function of the same meaning
(``map`` = ``tree_map``, ...).  What differs from JAX: the treedef prints
differently, and error messages name the first differing key path in one
line rather than JAX's multi-line report.
"""
from .core import tree_util as _tu

__all__ = ["all", "broadcast", "flatten", "flatten_with_path", "leaves", "leaves_with_path",
           "map", "map_with_path", "reduce", "structure", "transpose", "unflatten"]


def map(f, tree, *rest, is_leaf=None):  # JAX's name (shadows the builtin here)
    """``f`` applied to each leaf of ``tree`` (and the matching subtrees of
    ``rest``, each of which must have ``tree``'s structure or extend it)."""
    if not callable(f):
        raise TypeError(f"tree.map: f must be callable, got {type(f).__name__}")
    return _tu.tree_map(f, tree, *rest, is_leaf=is_leaf)


def map_with_path(f, tree, *rest, is_leaf=None):
    """``map`` whose ``f(path, leaf, *others)`` also receives the key path."""
    if not callable(f):
        raise TypeError(f"tree.map_with_path: f must be callable, got {type(f).__name__}")
    return _tu.tree_map_with_path(f, tree, *rest, is_leaf=is_leaf)


def leaves(tree, is_leaf=None):
    """The leaves, left to right (dicts by sorted key); None contributes none."""
    return _tu.tree_leaves(tree, is_leaf)


def leaves_with_path(tree, is_leaf=None):
    """``[(key_path, leaf), ...]``."""
    return _tu.tree_leaves_with_path(tree, is_leaf)


def structure(tree, is_leaf=None):
    """The treedef (hashable, comparable; ``.num_leaves``, ``.unflatten``)."""
    return _tu.tree_structure(tree, is_leaf)


def flatten(tree, is_leaf=None):
    """``(leaves, treedef)``."""
    return _tu.tree_flatten(tree, is_leaf)


def flatten_with_path(tree, is_leaf=None):
    """``([(key_path, leaf), ...], treedef)``."""
    return _tu.tree_flatten_with_path(tree, is_leaf)


def unflatten(treedef, leaves):
    """The tree of ``treedef`` with ``leaves`` (exactly ``treedef.num_leaves`` of them)."""
    return _tu.tree_unflatten_checked(treedef, leaves, "tree.unflatten")


def reduce(function, tree, initializer=_tu._LEAF, is_leaf=None):
    """``functools.reduce`` over the leaves (TypeError for an empty tree
    without ``initializer``)."""
    return _tu.tree_reduce(function, tree, initializer, is_leaf)


def all(tree, *, is_leaf=None):
    """True when every leaf is truthy (an empty tree: True)."""
    return _tu.tree_all(tree, is_leaf=is_leaf)


def transpose(outer_treedef, inner_treedef, pytree_to_transpose):
    """Outer-of-inner to inner-of-outer (``inner_treedef=None``: inferred)."""
    return _tu.tree_transpose(outer_treedef, inner_treedef, pytree_to_transpose)


def broadcast(prefix_tree, full_tree, is_leaf=None):
    """Repeat each leaf of ``prefix_tree`` over the matching subtree of ``full_tree``."""
    return _tu.tree_broadcast(prefix_tree, full_tree, is_leaf)


from .core.mirror_docs import document as _document  # noqa: E402
from .core._tree_docs import TREE_DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (core/_tree_docs.py)
from .core._tree_docs2 import TREE_DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
