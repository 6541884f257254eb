"""nn.Module.register_full_backward_hook / register_full_backward_pre_hook:
stored PyTorch 2.13 values, and the same programs run against torch when it
is installed."""
import pytest

import functorch_lite as fl


def _l(g):
    return None if g is None else g.tolist()


def _linear_program(T):
    lin = T.nn.Linear(3, 2)
    with T.no_grad():
        lin.weight.copy_(T.tensor([[1., 2., 3.], [-1., 0.5, 0.]]))
        lin.bias.copy_(T.tensor([0.1, -0.2]))
    rec = []
    h = lin.register_full_backward_hook(
        lambda m, gi, go: rec.append(("hook", [_l(g) for g in gi], [_l(g) for g in go])))
    lin.register_full_backward_pre_hook(lambda m, go: rec.append(("pre", [_l(g) for g in go])))
    x = T.tensor([[1., 2., 3.], [0., 1., -1.]], requires_grad=True)
    (lin(x) * T.tensor([[1., 2.], [3., 4.]])).sum().backward()
    lin(T.tensor([[1., 2., 3.]])).sum().backward()      # no input requires grad
    h.remove()
    lin(x).sum().backward()                            # the pre-hook only
    lin.register_full_backward_hook(lambda m, gi, go: (gi[0] * 2,))
    x.grad = None
    lin(x).sum().backward()
    rec.append(("x.grad", x.grad.tolist()))
    return rec


LINEAR_STORED = [
    ("pre", [[[1.0, 2.0], [3.0, 4.0]]]),
    ("hook", [[[-1.0, 3.0, 3.0], [-1.0, 8.0, 9.0]]], [[[1.0, 2.0], [3.0, 4.0]]]),
    ("pre", [[[1.0, 1.0]]]),
    ("hook", [None], [[[1.0, 1.0]]]),
    ("pre", [[[1.0, 1.0], [1.0, 1.0]]]),
    ("pre", [[[1.0, 1.0], [1.0, 1.0]]]),
    ("x.grad", [[0.0, 5.0, 6.0], [0.0, 5.0, 6.0]]),   # grad_input replaced (doubled)
]


def _two_inputs_program(T):
    class Two(T.nn.Module):
        def forward(self, a, b, scale):
            return a * b * scale, a + b, b * 2

    m, rec = Two(), []
    m.register_full_backward_hook(
        lambda m, gi, go: rec.append(([_l(g) for g in gi], [_l(g) for g in go])))
    m.register_full_backward_pre_hook(lambda m, go: (go[0] * 10, go[1], go[2]))
    a, b = T.tensor([1., 2.], requires_grad=True), T.tensor([3., -1.])
    y, z, _ = m(a, b, 2.0)
    (y.sum() + (z * z).sum()).backward()
    rec.append(a.grad.tolist())
    a.grad = None
    y, z, _ = m(a, b, 2.0)
    y.sum().backward()
    rec.append(a.grad.tolist())
    return rec


TWO_STORED = [
    # b does not require grad: zeros in grad_input; the float: None
    ([[68.0, -18.0], [0.0, 0.0], None], [[10.0, 10.0], [8.0, 2.0], None]),
    [68.0, -18.0],                       # the pre-hook's x10 on grad_output[0] counted
    ([[60.0, -20.0], [0.0, 0.0], None], [[10.0, 10.0], None, None]),
    [60.0, -20.0],
]


def _sequential_program(T):
    T.manual_seed(0)
    seq = T.nn.Sequential(T.nn.Linear(3, 4), T.nn.Tanh(), T.nn.Linear(4, 1))
    rec = []
    seq.register_full_backward_hook(
        lambda m, gi, go: rec.append(("seq", [tuple(g.shape) for g in gi],
                                      [tuple(g.shape) for g in go], round(go[0].sum().item(), 5))))
    seq[1].register_full_backward_hook(
        lambda m, gi, go: rec.append(("tanh", [tuple(g.shape) for g in gi])))
    x = T.ones(2, 3, requires_grad=True)
    (seq(x) * 3).sum().backward()
    return rec


SEQ_STORED = [("tanh", [(2, 4)]), ("seq", [(2, 3)], [(2, 1)], 6.0)]


@pytest.mark.parametrize("program,stored", [(_linear_program, LINEAR_STORED),
                                            (_two_inputs_program, TWO_STORED),
                                            (_sequential_program, SEQ_STORED)])
def test_stored(program, stored):
    assert program(fl) == stored


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("program", [_linear_program, _two_inputs_program,
                                     _sequential_program])
def test_against_torch(program):
    torch = pytest.importorskip("torch")
    assert program(fl) == program(torch)


def test_grad_input_values_of_sequential_against_linear_algebra():
    seq = fl.nn.Sequential(fl.nn.Linear(3, 4), fl.nn.Linear(4, 2))
    got = {}
    seq.register_full_backward_hook(lambda m, gi, go: got.update(gi=gi[0], go=go[0]))
    x = fl.randn(5, 3, requires_grad=True)
    w = fl.randn(5, 2)
    (seq(x) * w).sum().backward()
    want = w @ seq[1].weight @ seq[0].weight
    assert fl.allclose(got["gi"], want.detach(), atol=1e-5)
    assert fl.allclose(got["go"], w)
    assert fl.allclose(x.grad, got["gi"])


def test_wrong_length_replacement_and_no_grad_input_replacement_raise():
    lin = fl.nn.Linear(2, 2)
    lin.register_full_backward_hook(lambda m, gi, go: (gi[0], gi[0]))
    with pytest.raises(RuntimeError, match="invalid number of grad_input"):
        lin(fl.ones(1, 2, requires_grad=True)).sum().backward()
    lin2 = fl.nn.Linear(2, 2)
    lin2.register_full_backward_hook(lambda m, gi, go: (fl.ones(1, 2),))
    with pytest.raises(RuntimeError, match="no input requires gradient"):
        lin2(fl.ones(1, 2)).sum().backward()


def test_no_hooks_run_under_no_grad_and_forward_hooks_still_do():
    lin, seen = fl.nn.Linear(2, 2), []
    lin.register_full_backward_hook(lambda m, gi, go: seen.append("bw"))
    lin.register_forward_hook(lambda m, a, o: seen.append("fw"))
    with fl.no_grad():
        lin(fl.ones(1, 2))
    assert seen == ["fw"]


def test_in_place_on_a_hooked_input_bumps_the_callers_version():
    class Doubling(fl.nn.Module):
        def forward(self, a):
            return a.mul_(2)

    m = Doubling()
    m.register_full_backward_hook(lambda m, gi, go: None)
    x = fl.tensor([0., 1.], requires_grad=True)
    y = x.exp()                     # saves its output, which the module overwrites
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        m(y).sum().backward()
