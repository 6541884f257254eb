"""functorch_lite.func against torch.func: every case of tests/_func_cases.py
run on functorch_lite, compared with the values torch 2.13 gave (stored in
tests/_func_expected.py) and, where torch is installed, with torch live."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.func  # noqa: F401

from _func_cases import CASES, leaves_fl, leaves_torch
from _func_expected import EXPECTED


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_matches_stored_torch_values(name):
    got = leaves_fl(CASES[name](fl))
    want = EXPECTED[name]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.shape == w.shape
        np.testing.assert_allclose(g, w, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_matches_torch_live(name):
    torch = pytest.importorskip("torch")
    import torch.func  # noqa: F401
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        want = leaves_torch(CASES[name](torch))
    finally:
        torch.set_default_dtype(old)
    got = leaves_fl(CASES[name](fl))
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=1e-6, atol=1e-9)


def test_grad_keeps_dict_insertion_order():
    g = fl.func.grad(lambda p: (p["z"] * p["a"]).sum())(
        {"z": fl.ones(2), "a": fl.ones(3)[:2] * 2})
    assert list(g) == ["z", "a"]
    assert g["z"].tolist() == [2.0, 2.0]


def test_vmap_randomness():
    x = fl.zeros(5, 3)
    with pytest.raises(RuntimeError, match="randomness"):
        fl.func.vmap(lambda a: a + fl.rand(3))(x)
    same = fl.func.vmap(lambda a: a + fl.rand(3), randomness="same")(x)
    assert np.allclose(same._v, same._v[:1])
    diff = fl.func.vmap(lambda a: a + fl.randn(3), randomness="different")(x)
    assert diff.shape == (5, 3) and not np.allclose(diff._v, diff._v[:1])
    # rand_like and dropout draw per lane too; nested 'different' vmaps differ everywhere
    d2 = fl.func.vmap(fl.func.vmap(lambda a: fl.rand_like(a), randomness="different"),
                      randomness="different")(fl.zeros(2, 4, 3))
    assert len({tuple(np.round(r, 12)) for r in d2._v.reshape(8, 3)}) == 8
    with pytest.raises(RuntimeError, match="randomness"):
        fl.func.vmap(lambda a: fl.nn.functional.dropout(a, 0.5))(x)
    with pytest.raises(RuntimeError, match="randomness are"):
        fl.func.vmap(lambda a: a, randomness="sometimes")


def test_vmap_errors_and_passthrough():
    x = fl.ones(4, 3)
    with pytest.raises(ValueError, match="same size"):
        fl.func.vmap(lambda a, b: a + b)(x, fl.ones(3, 3))
    with pytest.raises(ValueError, match="non-Tensor"):
        fl.func.vmap(lambda a, n: a * n, in_dims=(0, 0))(x, 3)
    with pytest.raises(ValueError, match="at least one input"):
        fl.func.vmap(lambda a: a, in_dims=None)(x)
    with pytest.raises(ValueError, match="only return Tensors"):
        fl.func.vmap(lambda a: 3)(x)
    assert fl.func.vmap(lambda a, n: a * n, in_dims=(0, None))(x, 3).tolist() == \
        [[3.0] * 3] * 4
    # top-level vmap: torch's spelling with Tensors, JAX's with arrays
    assert fl.vmap(lambda a: a.sum(), in_dims=1)(x).shape == (3,)
    assert fl.vmap(lambda a: a.sum(), in_axes=1)(np.ones((4, 3))).shape == (3,)


def test_functional_call_strict_and_restores():
    m = fl.nn.Linear(3, 2)
    w = m.weight
    with pytest.raises(RuntimeError, match="missing key"):
        fl.func.functional_call(m, {"weight": fl.zeros(2, 3)}, (fl.ones(1, 3),),
                                strict=True)
    out = fl.func.functional_call(m, ({"weight": fl.zeros(2, 3)}, {"bias": fl.ones(2)}),
                                  fl.ones(1, 3))
    assert out.tolist() == [[1.0, 1.0]] and m.weight is w
    with pytest.raises(ValueError, match="multiple dictionaries"):
        fl.func.functional_call(m, ({"bias": fl.ones(2)}, {"bias": fl.ones(2)}), fl.ones(3))


class _RunningStats(fl.nn.Module):
    """A stand-in for a BatchNorm: running statistics as buffers."""

    def __init__(self):
        super().__init__()
        self.register_buffer("running_mean", fl.zeros(3))
        self.register_buffer("running_var", fl.ones(3))
        self.track_running_stats = True

    def forward(self, x):
        return x


def test_replace_all_batch_norm_modules_():
    root = fl.nn.Sequential(fl.nn.Linear(3, 3), _RunningStats())
    assert fl.func.replace_all_batch_norm_modules_(root) is root
    bn = root[1]
    assert bn.running_mean is None and bn.running_var is None
    assert bn.track_running_stats is False
    assert [n for n, _ in root.named_buffers()] == []


def test_make_functional_and_combine_state():
    ms = [fl.nn.Linear(3, 2) for _ in range(3)]
    fmodel, params = fl.func.make_functional(ms[0])
    x = fl.ones(4, 3)
    assert np.allclose(fmodel(params, x)._v, ms[0](x)._v)
    fmodel, params, buffers = fl.func.combine_state_for_ensemble(ms)
    out = fl.func.vmap(fmodel, in_dims=(0, 0, None))(params, buffers, x)
    for i, m in enumerate(ms):
        assert np.allclose(out._v[i], m(x)._v)


def test_functionalize_runs_the_function():
    def f(x):
        y = x.clone()
        y[0] = y[0] * 3
        return y
    x = fl.ones(3)
    assert fl.func.functionalize(f)(x).tolist() == [3.0, 1.0, 1.0]
    assert fl.func.grad(lambda a: fl.func.functionalize(f)(a).sum())(x).tolist() == \
        [3.0, 1.0, 1.0]
    with pytest.raises(RuntimeError, match="remove"):
        fl.func.functionalize(f, remove="views")


def test_backward_inside_transform_is_an_error():
    def f(x):
        (x * 2).sum().backward()
        return x.sum()
    with pytest.raises(RuntimeError, match="func.grad"):
        fl.func.grad(f)(fl.ones(3))


def test_argnums_errors():
    with pytest.raises(RuntimeError, match="argnums"):
        fl.func.grad(lambda x: x.sum(), argnums=1)(fl.ones(2))
    with pytest.raises(RuntimeError, match="Tensors"):
        fl.func.grad(lambda x, n: x.sum() * n, argnums=1)(fl.ones(2), 3)


def test_function_rules_and_errors():
    class Sq(fl.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        @fl.autograd.once_differentiable
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            assert not g.requires_grad
            return 2 * x * g

    x = fl.tensor(np.array([1.0, 2.0]))
    with pytest.raises(RuntimeError, match="vmap staticmethod or set generate_vmap_rule"):
        fl.func.vmap(Sq.apply)(x)
    with pytest.raises(RuntimeError, match="jvp staticmethod"):
        fl.func.jvp(Sq.apply, (x,), (x,))
    assert fl.func.grad(lambda a: Sq.apply(a).sum())(x).tolist() == [2.0, 4.0]

    class SqV(Sq):
        @staticmethod
        def vmap(info, in_dims, x):
            assert info.batch_size == 2 and in_dims == (0,)
            return x * x + 1, 0     # +1: this rule is the one used

    assert fl.func.vmap(SqV.apply)(x).tolist() == [2.0, 5.0]
    with pytest.raises(NotImplementedError, match="staged"):
        fl.jit(lambda a: Sq.apply(a))(x)


def test_forward_ad_levels_and_errors():
    fwAD = fl.autograd.forward_ad
    x = fl.tensor(np.array([1.0, 2.0]))
    with pytest.raises(RuntimeError, match="dual_level"):
        fwAD.make_dual(x, x)
    with fwAD.dual_level() as lvl:
        assert lvl == 0
        with pytest.raises(RuntimeError, match="different size"):
            fwAD.make_dual(x, fl.ones(3, dtype=fl.float64))
        d = fwAD.make_dual(x, fl.ones(2, dtype=fl.float64))
        assert fwAD.unpack_dual(x).tangent is None
        with fwAD.dual_level():
            e = fwAD.make_dual(d, fl.ones(2, dtype=fl.float64) * 3)
            inner = fwAD.unpack_dual(e.exp()).tangent          # d/dx at the inner level
        outer = fwAD.unpack_dual(inner).tangent                # its derivative (outer)
        np.testing.assert_allclose(outer._v, 3 * np.exp([1.0, 2.0]))


def test_autograd_functional_errors():
    AF = fl.autograd.functional
    with pytest.raises(RuntimeError, match="independent of input 1"):
        AF.jacobian(lambda a, b: a * 2, (fl.ones(2), fl.ones(2)), strict=True)
    with pytest.raises(ValueError, match="requires `vectorize=True`"):
        AF.jacobian(lambda a: a, fl.ones(2), strategy="forward-mode")
    with pytest.raises(RuntimeError, match="v can only be None"):
        AF.vjp(lambda a: a * 2, fl.ones(2))
    with pytest.raises(TypeError, match="Tensor or a tuple"):
        AF.jacobian(lambda a: a, [fl.ones(2)])
