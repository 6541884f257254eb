"""Full docstrings of the rest of ``fl.tree``, ``fl.tree_util`` and
``fl.flatten_util`` (tree.py, tree_util.py and flatten_util.py assign them at
import).  Each Example's output is JAX's, checked when written."""

_TREE = "    tree: a pytree (nested tuples, lists, dicts, None, registered classes)."
_ISLEAF = "    is_leaf: optional predicate marking subtrees to treat as leaves."
_SAME = "Differs from JAX: nothing in arguments or results."
_NOPATHLEAF = ("Differs from JAX: no ``is_leaf_takes_path`` (``is_leaf`` receives the\n"
               "subtree only).")


def _doc(summary, args, returns, example, differs=_SAME, imp="    >>> import functorch_lite as fl"):
    return (f"{summary}\n\nArgs:\n{args}\n\nReturns:\n    {returns}\n\n{differs}\n\n"
            f"Example:\n{imp}\n{example}\n")


_ALL = ("True when every leaf is truthy (``{j}``).", f"{_TREE}\n{_ISLEAF}",
        "A bool (True for a tree without leaves).")
_BCAST = ("Repeat each leaf of ``prefix_tree`` over the matching subtree of\n``full_tree`` (``{j}``).",
          "    prefix_tree: a tree whose structure is a prefix of full_tree's.\n"
          "    full_tree: the tree giving the result's structure.\n" + _ISLEAF,
          "A pytree of ``full_tree``'s structure.")
_FWP = ("The leaves with their key paths, and the treedef (``{j}``).", f"{_TREE}\n{_ISLEAF}",
        "``([(key_path, leaf), ...], treedef)``; a key path is a tuple of\n"
        "    ``DictKey``/``SequenceKey``/``GetAttrKey``/``FlattenedIndexKey`` entries.")
_LWP = ("The leaves with their key paths (``{j}``).", f"{_TREE}\n{_ISLEAF}",
        "``[(key_path, leaf), ...]`` in ``leaves`` order.")
_MWP = ("``map`` whose function also receives each leaf's key path (``{j}``).",
        "    f: called as ``f(path, leaf, *other_leaves)``.\n" + _TREE +
        "\n    *rest: more trees of the same structure.\n" + _ISLEAF,
        "A pytree of ``tree``'s structure holding f's results.")
_TR = ("Turn an outer-of-inner tree into an inner-of-outer one (``{j}``): a list\n"
       "of pairs into a pair of lists.",
       "    outer_treedef: the outer structure.\n"
       "    inner_treedef: the inner structure (None: that of the first inner subtree).\n"
       "    pytree_to_transpose: a tree of outer_treedef whose leaves are inner trees.",
       "The transposed pytree.")


def _pair(spec, j, call, out, differs=_SAME):
    summary, args, returns = spec
    return _doc(summary.format(j=j), args, returns, f"    >>> {call}\n    {out}", differs)


TREE_DOCS = {
    "tree.all": _pair(_ALL, "jax.tree.all", "fl.tree.all([1, (True, 2)]), fl.tree.all([1, 0])", "(True, False)"),
    "tree.broadcast": _pair(_BCAST, "jax.tree.broadcast", "fl.tree.broadcast([1, 2], [(0, 0), 0])", "[(1, 1), 2]"),
    "tree.flatten_with_path": _pair(_FWP, "jax.tree.flatten_with_path",
                               "fl.tree.flatten_with_path({'a': 1, 'b': [2]})[0]",
                               "[((DictKey(key='a'),), 1), ((DictKey(key='b'), SequenceKey(idx=0)), 2)]",
                               _NOPATHLEAF),
    "tree.leaves_with_path": _pair(_LWP, "jax.tree.leaves_with_path",
                              "fl.tree.leaves_with_path({'a': 1, 'b': [2]})",
                              "[((DictKey(key='a'),), 1), ((DictKey(key='b'), SequenceKey(idx=0)), 2)]",
                              _NOPATHLEAF),
    "tree.map_with_path": _pair(_MWP, "jax.tree.map_with_path",
                           "fl.tree.map_with_path(lambda p, x: fl.tree_util.keystr(p), {'a': 1, 'b': [2]})",
                           "{'a': \"['a']\", 'b': [\"['b'][0]\"]}", _NOPATHLEAF),
    "tree.transpose": _pair(_TR, "jax.tree.transpose",
                       "fl.tree.transpose(fl.tree.structure([0, 0]), fl.tree.structure((0, 0)), [(1, 2), (3, 4)])",
                       "([1, 3], [2, 4])"),
}

_TU = "    >>> from functorch_lite import tree_util"
TREE_UTIL_DOCS = {
    "tree_all": _pair(_ALL, "jax.tree_util.tree_all", "fl.tree_util.tree_all([1, (True, 2)])", "True"),
    "tree_broadcast": _pair(_BCAST, "jax.tree_util.tree_broadcast",
                            "fl.tree_util.tree_broadcast([1, 2], [(0, 0), 0])", "[(1, 1), 2]"),
    "tree_flatten_with_path": _pair(_FWP, "jax.tree_util.tree_flatten_with_path",
                                    "fl.tree_util.tree_flatten_with_path({'a': 1})[0]",
                                    "[((DictKey(key='a'),), 1)]", _NOPATHLEAF),
    "tree_leaves_with_path": _pair(_LWP, "jax.tree_util.tree_leaves_with_path",
                                   "fl.tree_util.tree_leaves_with_path([1, {'b': 2}])",
                                   "[((SequenceKey(idx=0),), 1), ((SequenceKey(idx=1), DictKey(key='b')), 2)]",
                                   _NOPATHLEAF),
    "tree_map_with_path": _pair(_MWP, "jax.tree_util.tree_map_with_path",
                                "fl.tree_util.tree_map_with_path(lambda p, x: len(p), [1, [2]])",
                                "[1, [2]]", _NOPATHLEAF),
    "tree_transpose": _pair(_TR, "jax.tree_util.tree_transpose",
                            "fl.tree_util.tree_transpose(fl.tree_util.tree_structure([0, 0]), "
                            "fl.tree_util.tree_structure((0, 0)), [(1, 2), (3, 4)])",
                            "([1, 3], [2, 4])"),
    "treedef_tuple": _doc("The treedef of a tuple whose children have the given treedefs\n"
                          "(``jax.tree_util.treedef_tuple``).",
                          "    treedefs: an iterable of ``PyTreeDef``\\ s.", "A ``PyTreeDef``.",
                          "    >>> s = fl.tree_util.treedef_tuple([fl.tree_util.tree_structure(1),\n"
                          "    ...                                 fl.tree_util.tree_structure([1, 2])])\n"
                          "    >>> s.num_leaves\n    3"),
    "all_leaves": _doc("Whether every item of ``iterable`` is a leaf (``jax.tree_util.all_leaves``).",
                       f"    iterable: the candidates.\n{_ISLEAF}", "A bool.",
                       "    >>> fl.tree_util.all_leaves([1, 2.0]), fl.tree_util.all_leaves([1, (2,)])\n"
                       "    (True, False)"),
    "keystr": _doc("A key path as text (``jax.tree_util.keystr``).",
                   "    keys: a key path (a tuple of key entries).\n"
                   "    simple: the bare keys joined by ``separator`` instead of Python syntax.\n"
                   "    separator: the joiner for ``simple=True``.",
                   "A string such as ``\"['b'][0].x\"`` (or ``\"b/0/x\"`` with simple and \"/\").",
                   f"{_TU}\n    >>> tree_util.keystr((tree_util.DictKey('a'), tree_util.SequenceKey(0)))\n"
                   "    \"['a'][0]\""),
    "DictKey": _doc("Key-path entry for a dict's key (``jax.tree_util.DictKey``).",
                    "    key: the dict key.", "A frozen dataclass; prints in a path as ``['a']``.",
                    f"{_TU}\n    >>> tree_util.DictKey('a')\n    DictKey(key='a')"),
    "SequenceKey": _doc("Key-path entry for a tuple's or list's index (``jax.tree_util.SequenceKey``).",
                        "    idx: the index.", "A frozen dataclass; prints in a path as ``[1]``.",
                        f"{_TU}\n    >>> tree_util.SequenceKey(1)\n    SequenceKey(idx=1)"),
    "GetAttrKey": _doc("Key-path entry for an attribute (``jax.tree_util.GetAttrKey``):\n"
                       "namedtuple fields, dataclass fields.",
                       "    name: the attribute name.", "A frozen dataclass; prints in a path as ``.x``.",
                       f"{_TU}\n    >>> tree_util.GetAttrKey('x')\n    GetAttrKey(name='x')"),
    "FlattenedIndexKey": _doc("Key-path entry for the i-th child of a registered class without\n"
                              "key names (``jax.tree_util.FlattenedIndexKey``).",
                              "    key: the child's index.", "A frozen dataclass.",
                              f"{_TU}\n    >>> tree_util.FlattenedIndexKey(0)\n    FlattenedIndexKey(key=0)"),
    "Partial": _doc("``functools.partial`` as a pytree (``jax.tree_util.Partial``): the bound\n"
                    "arguments are its children and the function is static, so a Partial can\n"
                    "be passed through ``jit`` and the other transforms.",
                    "    func: the function.\n    *args: bound positional arguments (leaves).\n"
                    "    **kw: bound keyword arguments (leaves).",
                    "A callable pytree: ``Partial(f, a)(b) == f(a, b)``.",
                    "    >>> import operator\n"
                    "    >>> p = fl.tree_util.Partial(operator.add, 1.0)\n"
                    "    >>> p(2.0), fl.tree_util.tree_leaves(p)\n    (3.0, [1.0])"),
    "register_pytree_node": _doc(
        "Make a class a pytree node (``jax.tree_util.register_pytree_node``).",
        "    cls: the class.\n    flatten: ``obj -> (children, aux)`` (aux hashable, comparable).\n"
        "    unflatten: ``(aux, children) -> obj``.\n"
        "    flatten_with_keys: optional ``obj -> (((key, child), ...), aux)`` for key paths.",
        "``cls``; instances are then flattened, mapped and traced through as nodes.",
        "    >>> class Point:\n    ...     def __init__(self, x, y):\n    ...         self.x, self.y = x, y\n"
        "    >>> _ = fl.tree_util.register_pytree_node(\n"
        "    ...     Point, lambda p: ((p.x, p.y), None), lambda aux, ch: Point(*ch))\n"
        "    >>> fl.tree_util.tree_leaves(Point(1, 2)), fl.tree_util.tree_map(lambda v: v * 10, Point(1, 2)).y\n"
        "    ([1, 2], 20)",
        "Differs from JAX: returns ``cls`` (JAX's returns None)."),
    "register_pytree_node_class": _doc(
        "Class decorator making a class a pytree node through its methods\n"
        "(``jax.tree_util.register_pytree_node_class``).",
        "    cls: a class with ``tree_flatten(self) -> (children, aux)`` and the\n"
        "        classmethod ``tree_unflatten(cls, aux, children)``.",
        "``cls`` itself, registered.",
        "    >>> @fl.tree_util.register_pytree_node_class\n    ... class Box:\n"
        "    ...     def __init__(self, a):\n    ...         self.a = a\n"
        "    ...     def tree_flatten(self):\n    ...         return (self.a,), None\n"
        "    ...     @classmethod\n    ...     def tree_unflatten(cls, aux, children):\n"
        "    ...         return cls(*children)\n"
        "    >>> fl.tree_util.tree_map(lambda v: v + 1, Box(1)).a\n    2"),
    "register_pytree_with_keys_class": _doc(
        "Class decorator making a class a pytree node with key paths\n"
        "(``jax.tree_util.register_pytree_with_keys_class``).",
        "    cls: a class with ``tree_flatten_with_keys(self) -> (((key, child), ...), aux)``\n"
        "        and the classmethod ``tree_unflatten(cls, aux, children)``.",
        "``cls`` itself, registered.",
        "    >>> @fl.tree_util.register_pytree_with_keys_class\n    ... class Named:\n"
        "    ...     def __init__(self, a):\n    ...         self.a = a\n"
        "    ...     def tree_flatten_with_keys(self):\n"
        "    ...         return ((fl.tree_util.GetAttrKey('a'), self.a),), None\n"
        "    ...     @classmethod\n    ...     def tree_unflatten(cls, aux, children):\n"
        "    ...         return cls(*children)\n"
        "    >>> fl.tree_util.tree_leaves_with_path(Named(3))\n    [((GetAttrKey(name='a'),), 3)]"),
    "register_pytree_with_keys": _doc(
        "Make a class a pytree node with key paths\n(``jax.tree_util.register_pytree_with_keys``).",
        "    cls: the class.\n"
        "    flatten_with_keys: ``obj -> (((key, child), ...), aux)``.\n"
        "    unflatten: ``(aux, children) -> obj``.\n"
        "    flatten: optional ``obj -> (children, aux)`` (derived when omitted).",
        "``cls``.",
        "    >>> class K:\n    ...     def __init__(self, a):\n    ...         self.a = a\n"
        "    >>> _ = fl.tree_util.register_pytree_with_keys(\n"
        "    ...     K, lambda k: (((fl.tree_util.GetAttrKey('a'), k.a),), None), lambda aux, ch: K(*ch))\n"
        "    >>> fl.tree_util.tree_leaves_with_path(K(3))\n    [((GetAttrKey(name='a'),), 3)]",
        "Differs from JAX: returns ``cls`` (JAX's returns None)."),
    "register_dataclass": _doc(
        "Register a dataclass as a pytree node (``jax.tree_util.register_dataclass``).",
        "    cls: the dataclass.\n    data_fields: the fields that are children (leaves or subtrees).\n"
        "    meta_fields: the fields kept static in the treedef (hashable).",
        "``cls`` itself; its key paths are ``GetAttrKey(field)``.",
        "    >>> import dataclasses\n    >>> @dataclasses.dataclass\n    ... class Layer:\n"
        "    ...     w: float\n    ...     name: str\n"
        "    >>> _ = fl.tree_util.register_dataclass(Layer, data_fields=['w'], meta_fields=['name'])\n"
        "    >>> fl.tree_util.tree_map(lambda v: v * 2, Layer(1.0, 'fc'))\n    Layer(w=2.0, name='fc')",
        "Differs from JAX: ``data_fields`` and ``meta_fields`` are required (JAX infers\n"
        "them from the dataclass when omitted); no ``drop_fields``."),
}

RAVEL_PYTREE = _doc(
    "Flatten a pytree of arrays into one 1-D array (``jax.flatten_util.ravel_pytree``).",
    "    pytree: a pytree of arrays and numbers.",
    "``(flat, unravel)``: the leaves raveled and concatenated (promoted to a\n"
    "    common dtype), and ``unravel(flat_like)`` rebuilding the pytree, each\n"
    "    leaf with its own shape and dtype.  Differentiable, traceable.",
    "    >>> flat, unravel = ravel_pytree({'a': np.ones(2), 'b': np.float64(3.0)})\n"
    "    >>> print(flat)\n    [1. 1. 3.]\n    >>> unravel(flat * 2)\n"
    "    {'a': Array([2., 2.]), 'b': Array(6.)}",
    "Differs from JAX: nothing in arguments or results (NumPy arrays come back).",
    imp="    >>> import numpy as np\n    >>> from functorch_lite.flatten_util import ravel_pytree")
