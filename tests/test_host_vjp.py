"""The ``host_vjp`` trait: each declared host rule gives, bit for bit, what the
primitive's own vjp rule gives through ``bind`` (edge values, dtypes, 0-d and
broadcast operands, NumPy scalars), and backward passes use it only with no
transform active."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core import array as _A
from functorch_lite.core.ir import ShapedArray
from functorch_lite.core.primitive import REGISTRY
from functorch_lite.transforms import reverse

HOSTED = sorted((p for p in REGISTRY.values() if p.host_vjp is not None),
                key=lambda p: p.name)
EDGE = [0.0, -0.0, 1.0, -2.5, 0.3, np.inf, -np.inf, np.nan, 1e200, -1e-300]


def _values(dtype, n, seed):
    rng = np.random.default_rng(seed)
    v = np.array(EDGE + list(rng.standard_normal(n)), dtype=np.float64)
    rng.shuffle(v)
    if np.dtype(dtype).kind == "c":
        w = np.array(EDGE + list(rng.standard_normal(n)))
        rng.shuffle(w)
        v = v + 1j * w
    with np.errstate(over="ignore"):
        return v.astype(dtype)


def _tape(prim, vals):
    """What a reverse tape keeps for ``prim`` applied to ``vals``: (ins, out)."""
    with np.errstate(all="ignore"):
        out = prim.impl(np, *vals)
    if prim.keeps_ins:
        ins = tuple(vals)
    elif prim.keeps_shapes:
        ins = tuple(ShapedArray(v.shape, v.dtype) if getattr(v, "shape", ()) else v
                    for v in vals)
    else:
        ins = (None,) * len(vals)
    return ins, (out if prim.keeps_out else None), out


def _same_bits(a, b):
    if a is None or b is None:
        return a is None and b is None
    return (type(a) is type(b) and a.dtype == b.dtype and np.shape(a) == np.shape(b)
            and np.asarray(a).tobytes() == np.asarray(b).tobytes())


def _check(prim, vals, ct, needs):
    ins, out, _ = _tape(prim, vals)
    _A.enter()   # as inside backward_pass: the rule's results stay plain ndarrays
    try:
        with np.errstate(all="ignore"):
            host = prim.host_vjp(ct, ins, out, needs)
            ref = prim.vjp(ct, ins, out, needs)
    finally:
        _A.leave()
    if host is None:
        return False
    assert len(host) == len(ref)
    for h, r in zip(host, ref):
        assert _same_bits(h, r), (prim.name, vals, ct, needs, h, r)
    if len(ref) == 2 and ref[0] is ref[1]:      # x * x, add: one array for both
        assert host[0] is host[1]
    return True


def test_some_primitives_declare_host_vjp():
    names = {p.name for p in HOSTED}
    assert {"sin", "tanh", "mul", "add", "sub", "div", "exp", "log"} <= names


@pytest.mark.parametrize("prim", HOSTED, ids=lambda p: p.name)
@pytest.mark.parametrize("dtype", ["float32", "float64", "complex128"])
def test_host_vjp_matches_the_rule_bit_for_bit(prim, dtype):
    n = 10
    x = _values(dtype, n, 0)
    ct = _values(dtype, n, 1)
    ct[::3] = 0                                  # zero cotangents meet inf/nan derivatives
    nargs = 1 if prim.impl.__code__.co_argcount == 2 else 2
    if nargs == 1:
        assert _check(prim, [x], ct, (True,))
        _check(prim, [x[:1].reshape(())], ct[:1].reshape(()), (True,))  # may decline
        return
    y = _values(dtype, n, 2)
    covered = False
    for needs in [(True, True), (True, False), (False, True)]:
        covered |= _check(prim, [x, y], ct, needs)
        # a constant operand: a 0-d array (the facade's) or a NumPy scalar (fl.grad's)
        for c in (np.asarray(y[4]), np.asarray(y.dtype.type(np.nan)), y.dtype.type(1.5),
                  y.dtype.type(np.inf)):
            _check(prim, [x, c], ct, needs)
            _check(prim, [c, x], ct, needs)
        _check(prim, [x, y[:1]], ct, needs)      # broadcast: the rule sums; host declines
        _check(prim, [x, x], ct, needs)          # one array twice (x * x)
    assert covered


def test_host_vjp_declines_what_it_does_not_cover():
    mul = REGISTRY["mul"]
    x = np.arange(3.0)
    # a broadcast operand and another dtype: the primitive rule's business
    assert mul.host_vjp(x, (x, np.ones(1)), None, (True, True)) is None
    assert mul.host_vjp(x, (x, np.ones(3, np.float32)), None, (True, True)) is None
    sin = REGISTRY["sin"]
    assert sin.host_vjp(x, (np.ones(3, np.float32),), None, (True,)) is None


def test_backward_uses_host_rules_only_with_no_transform(monkeypatch):
    calls = []
    sin = REGISTRY["sin"]
    orig = sin.host_vjp
    monkeypatch.setattr(sin, "host_vjp", lambda *a, **k: calls.append(1) or orig(*a, **k))
    x = np.linspace(-1, 1, 5)
    g = fl.grad(lambda x: fnp.sum(fnp.sin(x)))(x)
    np.testing.assert_array_equal(g, np.cos(x))
    assert calls == [1]
    calls.clear()
    gg = fl.grad(lambda x: fnp.sum(fl.grad(lambda y: fnp.sum(fnp.sin(y)))(x)))(x)
    np.testing.assert_allclose(gg, -np.sin(x))
    assert calls == []                          # recorded backward: the primitive rules
    t = fl.tensor(x, requires_grad=True)
    fl.sin(t).sum().backward()
    assert calls == [1]
    calls.clear()
    t = fl.tensor(x, requires_grad=True)
    (g1,) = fl.autograd.grad(fl.sin(t).sum(), t, create_graph=True)
    assert calls == []
    g1.sum().backward()
    np.testing.assert_allclose(t.grad.numpy(), -np.sin(x))


def test_host_and_rule_paths_give_the_same_gradients():
    """The chain workload's gradient, once through the host rules and once with
    them switched off (rule_hook forces the primitive rules), bit for bit."""
    def f(x):
        for _ in range(5):
            x = fnp.tanh(fnp.sin(x) * 1.5 + 0.25) / (1.0 + fnp.exp(-x)) - fnp.log(2.0 + x * x)
        return fnp.sum(x)
    x = _values("float64", 6, 3)
    x = x[np.abs(x) < 1e3]
    with np.errstate(all="ignore"):
        host = fl.grad(f)(x)
    reverse.rule_hook = lambda node, ct: node.prim.vjp(ct, node.ins, node.out, node.needs,
                                                       **node.params)
    try:
        with np.errstate(all="ignore"):
            ref = fl.grad(f)(x)
    finally:
        reverse.rule_hook = None
    assert host.tobytes() == ref.tobytes()


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_facade_chain_matches_torch(dtype):
    torch = pytest.importorskip("torch")
    x0 = _values(dtype, 8, 4)
    x0 = x0[np.isfinite(x0) & (np.abs(x0) < 1e3)]
    outs = []
    for T in (fl, torch):
        x = T.tensor(x0, requires_grad=True)
        y = x
        for _ in range(4):
            y = T.tanh(T.sin(y) * 1.5 + 0.25) * y - y / 3.0
        y.sum().backward()
        outs.append(x.grad.numpy())
    assert outs[0].dtype == np.dtype(dtype)
    np.testing.assert_allclose(outs[0], outs[1], rtol=1e-5 if dtype == "float32" else 1e-12)


def test_stored_chain_gradient():
    """A value stored from PyTorch (checked without peers)."""
    x = fl.tensor([0.5, -1.0, 2.0], dtype=fl.float64, requires_grad=True)
    y = x
    for _ in range(3):
        y = fl.tanh(fl.sin(y) * 1.5 + 0.25)
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), EXPECTED, rtol=1e-12)


EXPECTED = [0.037984841178447554, 0.15973200549019817, -0.003221096838770378]  # torch 2.13


@pytest.mark.parametrize("attr", ["vjp", "host_vjp"])
def test_check_grads_catches_a_wrong_host_rule_or_rule(attr, monkeypatch):
    from functorch_lite.test_util import check_grads
    monkeypatch.setattr(REGISTRY["sin"], attr, lambda ct, ins, out, needs: (ct,))
    with pytest.raises(AssertionError):
        check_grads(fnp.sin, (np.array([0.3, 1.2]),), order=1, modes=("rev",))


def test_host_rules_off_runs_the_rules(monkeypatch):
    calls = []
    sin = REGISTRY["sin"]
    monkeypatch.setattr(sin, "host_vjp", lambda *a: calls.append(1))
    monkeypatch.setattr(reverse, "host_rules", False)
    x = np.linspace(-1, 1, 5)
    np.testing.assert_array_equal(fl.grad(lambda x: fnp.sum(fnp.sin(x)))(x), np.cos(x))
    assert calls == []
