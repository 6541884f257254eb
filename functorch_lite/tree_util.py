"""``functorch_lite.tree_util``: JAX's ``jax.tree_util`` (the implementation
lives in ``functorch_lite/core/tree_util.py``, which the transforms use).

Covers tree_flatten/unflatten/leaves/structure/map/reduce/all/transpose/
broadcast, the ``*_with_path`` variants with key paths (``SequenceKey``,
``DictKey``, ``GetAttrKey``, ``FlattenedIndexKey``, ``keystr``), ``Partial``,
and registration (``register_pytree_node``, ``register_pytree_node_class``,
``register_pytree_with_keys[_class]``, ``register_dataclass``).
"""
from .core.tree_util import (  # noqa: F401
    DictKey, FlattenedIndexKey, GetAttrKey, Partial, PyTreeDef, SequenceKey, all_leaves,
    broadcast_prefix, keystr, register_dataclass, register_pytree_node,
    register_pytree_node_class, register_pytree_with_keys, register_pytree_with_keys_class,
    tree_all, tree_broadcast, tree_flatten, tree_flatten_with_path, tree_leaves,
    tree_leaves_with_path, tree_map, tree_map_with_path, tree_reduce, tree_structure,
    tree_transpose, tree_unflatten, treedef_children, treedef_is_leaf, treedef_tuple)

__all__ = [
    "DictKey", "FlattenedIndexKey", "GetAttrKey", "Partial", "PyTreeDef", "SequenceKey",
    "all_leaves", "keystr", "register_dataclass", "register_pytree_node",
    "register_pytree_node_class", "register_pytree_with_keys",
    "register_pytree_with_keys_class", "tree_all", "tree_broadcast", "tree_flatten",
    "tree_flatten_with_path", "tree_leaves", "tree_leaves_with_path", "tree_map",
    "tree_map_with_path", "tree_reduce", "tree_structure", "tree_transpose",
    "tree_unflatten", "treedef_children", "treedef_is_leaf", "treedef_tuple"]


# Faithful mirrors (core/mirror_docs.py): same arguments and results as
# jax.tree_util's (the PyTreeDef's methods and equality included).
from .core.mirror_docs import mirror as _mirror  # noqa: E402

_mirror(globals(), "jax.tree_util", (
    "PyTreeDef", "tree_flatten", "tree_leaves", "tree_structure", "tree_unflatten",
    "treedef_children", "treedef_is_leaf"))

from .core.mirror_docs import document as _document  # noqa: E402
from .core._tree_docs import TREE_UTIL_DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (core/_tree_docs.py)
from .core._tree_docs2 import TREE_UTIL_DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
