"""fl.tree, fl.tree_util (key paths, Partial, registration) and
fl.flatten_util.ravel_pytree, checked against JAX where it is installed and
against stored expected values everywhere."""
import collections
import dataclasses

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import tree_util as tu
from functorch_lite.flatten_util import ravel_pytree
from functorch_lite.test_util import check_grads

NT = collections.namedtuple("NT", "x y")


def _sample():
    return {"b": [1, (2, None)], "a": 3, "c": NT(4, [5])}


# --------------------------------------------------------------- fl.tree basics

def test_leaves_structure_flatten_unflatten():
    t = _sample()
    assert fl.tree.leaves(t) == [3, 1, 2, 4, 5]
    leaves, td = fl.tree.flatten(t)
    assert leaves == [3, 1, 2, 4, 5]
    assert td == fl.tree.structure(t)
    assert td.num_leaves == 5
    assert td.num_nodes == 11          # JAX's count (stored; checked below when JAX is here)
    assert fl.tree.unflatten(td, [10, 11, 12, 13, 14]) == \
        {"a": 10, "b": [11, (12, None)], "c": NT(13, [14])}
    assert td.unflatten(leaves) == t
    # None is an empty node, not a leaf, unless is_leaf says so
    assert fl.tree.leaves([None, 1]) == [1]
    assert fl.tree.leaves([None, 1], is_leaf=lambda x: x is None) == [None, 1]
    assert fl.tree.flatten(None)[0] == []
    assert fl.tree.structure(None).num_leaves == 0
    assert fl.tree.structure(1).num_leaves == 1
    # is_leaf stops the descent
    assert fl.tree.leaves({"a": (1, 2), "b": [3]}, is_leaf=lambda x: isinstance(x, tuple)) \
        == [(1, 2), 3]


def test_structure_distinguishes_containers():
    s = fl.tree.structure
    assert s((1, 2)) != s([1, 2])
    assert s({"a": 1}) != s({"b": 1})
    assert s([1, None]) != s([1, 2])
    assert s(NT(1, 2)) != s((1, 2))
    assert hash(s({"a": [1]})) == hash(s({"a": [7]}))


def test_map_and_prefix_trees():
    t = {"w": np.ones(2), "b": np.zeros(3)}
    out = fl.tree.map(lambda x: x + 1, t)
    np.testing.assert_array_equal(out["w"], 2 * np.ones(2))
    # a leaf of the first tree meets the whole matching subtree of the others (JAX's rule)
    assert fl.tree.map(lambda x, y: (x, y), [1, 2], [(3, 4), 5]) == [(1, (3, 4)), (2, 5)]
    # None in the first tree must meet None; None in the others sits under a leaf
    assert fl.tree.map(lambda x: x, {"a": None, "b": 1}) == {"a": None, "b": 1}
    assert fl.tree.map(lambda x, y: (x, y), {"a": 2, "b": 1}, {"a": None, "b": 1}) == \
        {"a": (2, None), "b": (1, 1)}
    with pytest.raises(ValueError, match=r"tree_map: .*\['a'\]"):
        fl.tree.map(lambda x, y: x, {"a": None, "b": 1}, {"a": 2, "b": 1})
    with pytest.raises(ValueError, match="tree_map"):
        fl.tree.map(lambda x, y: x, [1, 2], [1, 2, 3])
    with pytest.raises(TypeError, match="tree.map: f must be callable"):
        fl.tree.map(3, [1])


def test_reduce_all_transpose_broadcast():
    assert fl.tree.reduce(lambda a, b: a + b, [1, 2, 3]) == 6
    assert fl.tree.reduce(lambda a, b: a + b, {"x": [1, 2]}, 10) == 13
    with pytest.raises(TypeError):
        fl.tree.reduce(lambda a, b: a + b, [])
    assert fl.tree.all([1, (True, {"a": 2})]) is True
    assert fl.tree.all([1, 0]) is False
    assert fl.tree.all([]) is True
    outer, inner = fl.tree.structure([0, 0]), fl.tree.structure((0, 0))
    assert fl.tree.transpose(outer, inner, [(1, 2), (3, 4)]) == ([1, 3], [2, 4])
    assert fl.tree.transpose(outer, None, [(1, 2), (3, 4)]) == ([1, 3], [2, 4])
    assert fl.tree.transpose(fl.tree.structure({"a": 0, "b": 0}), None,
                             {"a": [1, 2], "b": [3, 4]}) == [{"a": 1, "b": 3},
                                                             {"a": 2, "b": 4}]
    with pytest.raises(TypeError, match="tree_transpose"):
        fl.tree.transpose(outer, inner, [(1, 2), (3, 4, 5)])
    assert fl.tree.broadcast([1, 2], [(0, 0), {"a": 0}]) == [(1, 1), {"a": 2}]


# ------------------------------------------------------------------- key paths

_PATHS = ["['a']", "['b'][0]", "['b'][1][0]", "['c'].x", "['c'].y[0]"]


def test_key_paths_and_keystr():
    pairs, td = fl.tree.flatten_with_path(_sample())
    assert [tu.keystr(p) for p, _ in pairs] == _PATHS
    assert [x for _, x in pairs] == [3, 1, 2, 4, 5]
    assert td == fl.tree.structure(_sample())
    assert pairs[1][0] == (tu.DictKey("b"), tu.SequenceKey(0))
    assert pairs[3][0] == (tu.DictKey("c"), tu.GetAttrKey("x"))
    assert tu.keystr(pairs[4][0], simple=True, separator="/") == "c/y/0"
    assert fl.tree.leaves_with_path([7]) == [((tu.SequenceKey(0),), 7)]
    assert str(tu.FlattenedIndexKey(2)) == "[<flat index 2>]"
    assert repr(tu.SequenceKey(1)) == "SequenceKey(idx=1)"
    out = fl.tree.map_with_path(lambda p, x, y: (tu.keystr(p), x + y), {"a": [1, 2]},
                                {"a": [10, 20]})
    assert out == {"a": [("['a'][0]", 11), ("['a'][1]", 22)]}
    assert tu.tree_map_with_path(lambda p, x: len(p), {"a": {"b": 1}}) == {"a": {"b": 2}}
    with pytest.raises(TypeError, match="keystr: keys"):
        tu.keystr("a")


def test_registered_classes_and_keys():
    @tu.register_pytree_node_class
    class Box:
        def __init__(self, a, b, tag):
            self.a, self.b, self.tag = a, b, tag

        def tree_flatten(self):
            return (self.a, self.b), self.tag

        @classmethod
        def tree_unflatten(cls, tag, children):
            return cls(*children, tag)

    b = Box(np.ones(2), 3.0, "t")
    doubled = fl.tree.map(lambda x: x * 2, b)
    assert isinstance(doubled, Box) and doubled.tag == "t" and doubled.b == 6.0
    assert [tu.keystr(p) for p, _ in fl.tree.leaves_with_path(b)] == \
        ["[<flat index 0>]", "[<flat index 1>]"]
    assert fl.tree.structure(Box(1, 2, "t")) != fl.tree.structure(Box(1, 2, "u"))
    g = fl.grad(lambda bx: fnp.sum(bx.a * bx.b))(b)
    np.testing.assert_allclose(g.a, 3 * np.ones(2))

    class Pair:
        def __init__(self, left, right):
            self.left, self.right = left, right

    tu.register_pytree_with_keys(
        Pair, lambda p: (((tu.GetAttrKey("left"), p.left), (tu.GetAttrKey("right"), p.right)),
                         None),
        lambda aux, ch: Pair(*ch))
    assert [tu.keystr(p) for p, _ in fl.tree.leaves_with_path({"p": Pair(1, [2])})] == \
        ["['p'].left", "['p'].right[0]"]
    assert fl.tree.leaves(Pair(1, 2)) == [1, 2]

    @dataclasses.dataclass
    class Params:
        w: object
        name: str

    tu.register_dataclass(Params, data_fields=["w"], meta_fields=["name"])
    p = fl.tree.map(lambda x: x + 1, Params(1, "n"))
    assert p == Params(2, "n")
    assert tu.keystr(fl.tree.leaves_with_path(p)[0][0]) == ".w"
    with pytest.raises(TypeError, match="register_pytree_node: cls"):
        tu.register_pytree_node(3, lambda x: x, lambda a, c: c)


def test_partial_is_a_pytree_through_transforms():
    p = tu.Partial(lambda a, x, scale=1.0: a * x * scale, np.array([1.0, 2.0]), scale=3.0)
    assert len(fl.tree.leaves(p)) == 2
    np.testing.assert_allclose(p(np.ones(2)), [3.0, 6.0])

    def apply(f, x):
        return fnp.sum(f(x))
    np.testing.assert_allclose(fl.jit(apply)(p, np.ones(2)), 9.0)
    g = fl.grad(apply)(p, np.ones(2))          # gradient with respect to the bound args
    assert isinstance(g, tu.Partial)
    np.testing.assert_allclose(g.args[0], [3.0, 3.0])
    np.testing.assert_allclose(g.keywords["scale"], 3.0)
    np.testing.assert_allclose(fl.vmap(apply, in_axes=(None, 0))(p, np.ones((4, 2))), 9.0)
    assert repr(tu.Partial(max, 1)) == "Partial(<built-in function max>, 1)"


def test_misc_tree_util():
    assert tu.all_leaves([1, np.ones(2)]) and not tu.all_leaves([1, [2]])
    assert tu.treedef_is_leaf(fl.tree.structure(1))
    assert not tu.treedef_is_leaf(fl.tree.structure([1]))
    td = tu.treedef_tuple([fl.tree.structure(1), fl.tree.structure([1, 2])])
    assert td == fl.tree.structure((0, [0, 0]))
    assert fl.tree.structure([0, 0]).flatten_up_to([(1, 2), 3]) == [(1, 2), 3]
    with pytest.raises(TypeError, match="tree.unflatten: treedef"):
        fl.tree.unflatten([1], [1])


def test_tree_matches_jax():
    jax = pytest.importorskip("jax")
    jtu = jax.tree_util
    t = _sample()
    assert jax.tree.leaves(t) == fl.tree.leaves(t)
    assert jax.tree.structure(t).num_nodes == fl.tree.structure(t).num_nodes
    assert [jtu.keystr(p) for p, _ in jtu.tree_flatten_with_path(t)[0]] == _PATHS
    assert jtu.keystr(jtu.tree_flatten_with_path(t)[0][4][0], simple=True,
                      separator="/") == "c/y/0"
    assert jax.tree.map(lambda x, y: (x, y), [1, 2], [(3, 4), 5]) == \
        fl.tree.map(lambda x, y: (x, y), [1, 2], [(3, 4), 5])
    assert jax.tree.transpose(jax.tree.structure([0, 0]), None, [(1, 2), (3, 4)]) == \
        ([1, 3], [2, 4])
    assert jax.tree.broadcast([1, 2], [(0, 0), {"a": 0}]) == [(1, 1), {"a": 2}]
    assert str(jtu.FlattenedIndexKey(2)) == "[<flat index 2>]"


# ------------------------------------------------------------------ ravel_pytree

def test_ravel_pytree_values_and_dtypes():
    t = {"a": np.ones(2, np.float32), "b": np.arange(3, dtype=np.int32)}
    flat, unravel = ravel_pytree(t)
    assert flat.dtype == np.float32                  # JAX: int32 joins float32 as float32
    np.testing.assert_array_equal(flat, [1, 1, 0, 1, 2])
    back = unravel(flat)
    assert back["a"].dtype == np.float32 and back["b"].dtype == np.int32
    np.testing.assert_array_equal(back["b"], [0, 1, 2])
    flat, _ = ravel_pytree([np.ones(2, np.float32), np.arange(2, dtype=np.int64)])
    assert flat.dtype == np.float32
    flat, _ = ravel_pytree([np.ones(2, np.float32), 1.0])   # a Python float is float64
    assert flat.dtype == np.float64
    flat, unravel = ravel_pytree([np.ones(2, np.int32), True])
    assert flat.dtype == np.int32 and unravel(flat)[1].dtype == np.bool_
    flat, unravel = ravel_pytree({})
    assert flat.shape == (0,) and flat.dtype == np.float32 and unravel(flat) == {}
    flat, unravel = ravel_pytree((np.ones((2, 3)), [None, np.zeros(())]))
    assert flat.shape == (7,)
    back = unravel(np.arange(7.0))
    np.testing.assert_array_equal(back[0], np.arange(6.0).reshape(2, 3))
    assert back[1][0] is None and back[1][1].shape == ()
    with pytest.raises(ValueError, match="unravel: expected a 1-D array of length 7"):
        unravel(np.ones(6))
    with pytest.raises(TypeError, match="ravel_pytree: leaf of type str"):
        ravel_pytree(["a"])


def test_ravel_pytree_float32_stays_float32():
    flat, unravel = ravel_pytree({"w": np.ones((2, 2), np.float32), "b": np.zeros(2, np.float32)})
    assert flat.dtype == np.float32
    assert all(v.dtype == np.float32 for v in fl.tree.leaves(unravel(flat)))


def _tree():
    r = np.random.default_rng(0)
    return {"w": r.standard_normal((2, 3)), "b": (r.standard_normal(3), r.standard_normal(()))}


def test_ravel_pytree_differentiable_both_ways():
    t = _tree()
    flat, unravel = ravel_pytree(t)

    def f(tree):
        v = ravel_pytree(tree)[0]
        return fnp.sum(fnp.sin(v) * v)

    def g(v):
        tr = unravel(v)
        return fnp.sum(tr["w"] ** 2) + fnp.sum(fnp.tanh(tr["b"][0])) * tr["b"][1]

    check_grads(lambda w, b0, b1: f({"w": w, "b": (b0, b1)}), (t["w"],) + t["b"], order=2,
                modes=("fwd", "rev"))
    check_grads(g, (flat,), order=2, modes=("fwd", "rev"))
    gr = fl.grad(f)(t)
    np.testing.assert_allclose(ravel_pytree(gr)[0], np.sin(flat) + flat * np.cos(flat),
                               rtol=1e-12)
    # jit-vs-eager and vmap-vs-loop
    np.testing.assert_allclose(fl.jit(g)(flat), g(flat), rtol=1e-12)
    np.testing.assert_allclose(fl.jit(lambda tr: ravel_pytree(tr)[0])(t), flat)
    vs = np.stack([flat, 2 * flat, -flat])
    np.testing.assert_allclose(fl.vmap(g)(vs), [g(v) for v in vs], rtol=1e-12)
    batched = {"w": np.stack([t["w"]] * 3), "b": (np.stack([t["b"][0]] * 3),
                                                  np.stack([t["b"][1]] * 3))}
    np.testing.assert_allclose(fl.vmap(lambda tr: ravel_pytree(tr)[0])(batched),
                               np.stack([flat] * 3))


def test_ravel_pytree_matches_jax():
    pytest.importorskip("jax")
    from jax.flatten_util import ravel_pytree as jravel
    t = {"a": np.ones(2, np.float32), "b": np.arange(3, dtype=np.int32)}
    jf, _ = jravel(t)
    f, _ = ravel_pytree(t)
    assert jf.dtype == f.dtype
    np.testing.assert_array_equal(np.asarray(jf), f)
    assert jravel({})[0].dtype == np.float32
    assert jravel([np.ones(2, np.int32), np.ones(1, np.bool_)])[0].dtype == np.int32
