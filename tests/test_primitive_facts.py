"""Facts every primitive declares (``core.primitive.defprim``), checked generically."""
import numpy as np

import functorch_lite as fl
from functorch_lite.core.ir import ShapedArray
from functorch_lite.primitives import add, reduce_sum, reshape, tanh, mul
from functorch_lite.transforms import reverse


def _recorded_nodes(f, *args):
    """The tape nodes ``fl.vjp`` records for f(*args) (kept for inspection)."""
    nodes = []
    orig = reverse.Node.__init__

    def spy(self, *a):
        orig(self, *a)
        nodes.append(self)
    reverse.Node.__init__ = spy
    try:
        out, pullback = fl.vjp(f, *args)
    finally:
        reverse.Node.__init__ = orig
    return nodes, out, pullback


def test_shape_only_rules_keep_avals_not_arrays():
    x = np.random.default_rng(0).normal(size=(4, 3))
    b = np.random.default_rng(1).normal(size=(3,))

    def f(x, b):
        return reduce_sum(reshape(tanh(add(x, b)), (12,)), (0,))

    nodes, out, pullback = _recorded_nodes(f, x, b)
    by_prim = {n.prim.name: n for n in nodes if n.prim is not None}
    for name in ("add", "reshape", "reduce_sum"):
        node = by_prim[name]
        assert node.prim.saves == "shapes"
        assert all(isinstance(v, ShapedArray) for v in node.ins), (name, node.ins)
        assert node.out is None
    # tanh's rule reads its output only
    assert by_prim["tanh"].ins == (None,) and by_prim["tanh"].out is not None
    gx, gb = pullback(np.float64(1.0))
    d = 1 - np.tanh(x + b) ** 2
    np.testing.assert_allclose(gx, d)
    np.testing.assert_allclose(gb, d.sum(0))


def test_grad_of_grad_through_shape_only_rules():
    # the avals kept by the inner tape serve an outer trace as well
    f = lambda x: reduce_sum(mul(add(x, 1.0), add(x, 1.0)), (0,))  # noqa: E731
    x = np.arange(3.0)
    np.testing.assert_allclose(fl.grad(lambda x: reduce_sum(fl.grad(f)(x), (0,)))(x),
                               np.full(3, 2.0))
