"""Full docstrings of the pytree functions users meet first, ``fl.tree``'s
and ``fl.tree_util``'s (tree.py and tree_util.py assign them at import)."""

_TREE = """    tree: a pytree: nested tuples, lists, dicts (visited in sorted-key
        order), None (a node with no leaves), namedtuples and registered
        classes; anything else is a leaf."""
_IS_LEAF = """    is_leaf: optional predicate; a subtree for which it returns True is
        treated as one leaf (not descended into)."""
_TREEDEF_DIFF = """``repr`` of a treedef is ``PyTreeDef(dict, [*, *])`` rather than JAX's
``PyTreeDef({'a': *, 'b': *})``."""

MAP = f"""Apply ``f`` to every leaf of ``tree`` and rebuild the same structure
(``jax.tree.map``).

Args:
    f: a function of as many arguments as there are trees.
{_TREE}
    *rest: more trees, each with ``tree``'s structure or extending it (a
        leaf of ``tree`` meets the whole subtree there); their leaves are
        ``f``'s further arguments.
{_IS_LEAF}

Returns:
    A pytree of ``tree``'s structure holding ``f(leaf, *other_leaves)``.
    Mismatched structures raise ValueError naming both.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import numpy as np
    >>> import functorch_lite as fl
    >>> params = {{"w": np.ones(2), "b": 0.5}}
    >>> fl.tree.map(lambda x: x * 2, params)
    {{'b': 1.0, 'w': array([2., 2.])}}
    >>> fl.tree.map(lambda a, b: a + b, (1, 2), (10, 20))
    (11, 22)
"""

LEAVES = f"""The leaves of a pytree, left to right (``jax.tree.leaves``).

Args:
{_TREE}
{_IS_LEAF}

Returns:
    A list of the leaves (dict entries in sorted-key order; None contributes
    none).

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> fl.tree.leaves({{"b": (2, 3), "a": 1, "c": None}})
    [1, 2, 3]
"""

FLATTEN = f"""The leaves of a pytree and its structure (``jax.tree.flatten``).

Args:
{_TREE}
{_IS_LEAF}

Returns:
    ``(leaves, treedef)``: the list of leaves, and a hashable, comparable
    ``PyTreeDef`` that ``unflatten`` rebuilds from leaves
    (``treedef.num_leaves`` says how many).

Differs from JAX: {_TREEDEF_DIFF}

Example:
    >>> import functorch_lite as fl
    >>> leaves, treedef = fl.tree.flatten({{"a": 1, "b": (2, 3)}})
    >>> leaves
    [1, 2, 3]
    >>> fl.tree.unflatten(treedef, [4, 5, 6])
    {{'a': 4, 'b': (5, 6)}}
"""

UNFLATTEN = """Rebuild a pytree from a structure and leaves (``jax.tree.unflatten``).

Args:
    treedef: a ``PyTreeDef`` from ``flatten`` or ``structure``.
    leaves: an iterable of exactly ``treedef.num_leaves`` leaves.

Returns:
    The pytree of ``treedef``'s structure with ``leaves`` in order.  A wrong
    number of leaves raises ValueError.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> treedef = fl.tree.structure([0, (0, 0)])
    >>> fl.tree.unflatten(treedef, ["a", "b", "c"])
    ['a', ('b', 'c')]
"""

STRUCTURE = f"""The structure of a pytree, without its leaves (``jax.tree.structure``).

Args:
{_TREE}
{_IS_LEAF}

Returns:
    A ``PyTreeDef``: hashable, comparable, with ``num_leaves``,
    ``unflatten(leaves)`` and ``children()``.

Differs from JAX: {_TREEDEF_DIFF}

Example:
    >>> import functorch_lite as fl
    >>> fl.tree.structure((1, [2, 3])).num_leaves
    3
    >>> fl.tree.structure((1, 2)) == fl.tree.structure(("a", "b"))
    True
"""

REDUCE = f"""Fold ``function`` over the leaves of a pytree (``jax.tree.reduce``),
as ``functools.reduce(function, leaves(tree), initializer)``.

Args:
    function: a function of two arguments (the accumulator, a leaf).
{_TREE}
    initializer: the first accumulator (default: the first leaf).
{_IS_LEAF}

Returns:
    The accumulated value.  An empty tree without ``initializer`` raises
    TypeError, as ``functools.reduce``.

Differs from JAX: nothing in arguments or results.

Example:
    >>> import functorch_lite as fl
    >>> fl.tree.reduce(lambda acc, x: acc + x, [1, 2, (3, 4)])
    10
    >>> fl.tree.reduce(max, {{"a": 3, "b": [7, 1]}}, initializer=0)
    7
"""

TREE_DOCS = {"map": MAP, "leaves": LEAVES, "flatten": FLATTEN, "unflatten": UNFLATTEN,
             "structure": STRUCTURE, "reduce": REDUCE}


def _util(doc, name):
    """``fl.tree``'s docstring for ``jax.tree_util``'s spelling of the name."""
    return (doc.replace(f"``jax.tree.{name}``", f"``jax.tree_util.tree_{name}``")
            .replace("fl.tree.map", "fl.tree_util.tree_map")
            .replace("fl.tree.leaves", "fl.tree_util.tree_leaves")
            .replace("fl.tree.flatten", "fl.tree_util.tree_flatten")
            .replace("fl.tree.unflatten", "fl.tree_util.tree_unflatten")
            .replace("fl.tree.structure", "fl.tree_util.tree_structure")
            .replace("fl.tree.reduce", "fl.tree_util.tree_reduce"))


TREE_UTIL_DOCS = {f"tree_{n}": _util(d, n) for n, d in TREE_DOCS.items()}
