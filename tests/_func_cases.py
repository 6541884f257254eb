"""Cases shared by tests/test_func.py and the script that stores their expected
values (tests/_func_expected.py): each takes a torch-like namespace ``M``
(functorch_lite or torch) and returns a pytree of tensors; leaves are compared
in PyTorch's pytree order (dicts in insertion order)."""
import numpy as np

R = np.random.default_rng(1234)
X = R.normal(size=(4, 3))
Y = R.normal(size=(4, 3))
W1 = R.normal(size=(5, 3)) * 0.5
B1 = R.normal(size=(5,)) * 0.1
W2 = R.normal(size=(2, 5)) * 0.5
B2 = R.normal(size=(2,)) * 0.1
T = np.array([1, 0, 1, 1])
V3 = R.normal(size=(3,))


def t(M, a):
    return M.tensor(np.asarray(a))


def mlp(M, scale=1.0):
    m = M.nn.Sequential(M.nn.Linear(3, 5), M.nn.Tanh(), M.nn.Linear(5, 2)).double()
    with M.no_grad():
        for p, v in zip(m.parameters(), (W1 * scale, B1, W2, B2 * scale)):
            p.copy_(t(M, v))
    return m


def loss_fn(M, out, target):
    return M.nn.functional.cross_entropy(out, target)


def c_grad_dict(M):
    x = t(M, X)
    p = {"w": t(M, V3), "b": t(M, V3[:2])}
    return M.func.grad(lambda p: ((x @ p["w"]).sin().sum() * p["b"].sum()))(p)


def c_grad_and_value_aux(M):
    def f(a, b):
        y = (a * b).tanh()
        return y.sum(), {"y": y, "n": a.norm()}
    return M.func.grad_and_value(f, argnums=(0, 1), has_aux=True)(t(M, X), t(M, Y))


def c_vjp(M):
    out, fn = M.func.vjp(lambda a, b: {"s": a.sin() * b, "c": (a @ b.T).cos()},
                         t(M, X), t(M, Y))
    return out, fn({"s": t(M, Y), "c": t(M, np.ones((4, 4)))})


def c_jvp_aux(M):
    return M.func.jvp(lambda a: (a.exp().sum(0), a.sum()), (t(M, X),), (t(M, Y),),
                      has_aux=True)


def c_linearize(M):
    out, fn = M.func.linearize(lambda a: (a.sin() * a).sum(1), t(M, X))
    return out, fn(t(M, Y))


def c_jacrev(M):
    f = lambda a, b: (a.sin() @ b, a.sum())   # noqa: E731
    return M.func.jacrev(f, argnums=(0, 1), chunk_size=2)(t(M, X[:2]), t(M, V3))


def c_jacfwd(M):
    return M.func.jacfwd(lambda a, b: (a * b).exp(), argnums=1)(t(M, X[0]), t(M, V3))


def c_hessian(M):
    return M.func.hessian(lambda a: (a.sin() * a.cos().sum()).sum())(t(M, V3))


def c_vmap_dims(M):
    def f(a, d, s, scale=1.0):
        return (a * d["b"]).sum(0) * s * scale, a[:, None] * 2
    return M.func.vmap(f, in_dims=(1, {"b": 0}, None), out_dims=(0, 2), chunk_size=2)(
        t(M, X), {"b": t(M, Y.T)}, 3.0, scale=2.0)


def c_per_sample_grads(M):
    model = mlp(M)
    params = {k: v.detach() for k, v in model.named_parameters()}

    def compute_loss(params, sample, target):
        out = M.func.functional_call(model, params, (sample.unsqueeze(0),))
        return loss_fn(M, out, target.unsqueeze(0))
    return M.func.vmap(M.func.grad(compute_loss), in_dims=(None, 0, 0))(
        params, t(M, X), t(M, T))


def c_ensemble(M):
    models = [mlp(M, s) for s in (1.0, 0.5, -1.0)]
    params, buffers = M.func.stack_module_state(models)

    def fmodel(params, buffers, x):
        return M.func.functional_call(models[0], (params, buffers), (x,))
    return (M.func.vmap(fmodel, in_dims=(0, 0, None))(params, buffers, t(M, X)),
            [p.shape[0] for p in params.values()] and list(params.values())[0])


def c_functional_call_tied(M):
    m = M.nn.Sequential(M.nn.Linear(3, 3, bias=False), M.nn.Linear(3, 3, bias=False))
    m = m.double()
    m[1].weight = m[0].weight
    new = t(M, np.eye(3) * 2)
    return M.func.functional_call(m, {"0.weight": new}, (t(M, X),))


def c_maml(M):
    w = M.tensor(V3, requires_grad=True)
    x = t(M, X)
    g = M.func.grad(lambda v: ((x @ v).sin() ** 2).sum())(w)
    ((w - 0.1 * g) ** 2).sum().backward()
    return w.grad


def c_jvp_hessian_vec(M):
    f = lambda a: (a.sin() ** 2).sum()   # noqa: E731
    return M.func.jvp(M.func.grad(f), (t(M, V3),), (t(M, V3 * 0 + 1),))


CASES = {k[2:]: v for k, v in list(globals().items()) if k.startswith("c_")}


def leaves_torch(tree):
    import torch
    return [np.asarray(x.detach()) if hasattr(x, "detach") else np.asarray(x)
            for x in torch.utils._pytree.tree_leaves(tree)]


def leaves_fl(tree):
    from functorch_lite.func._pytree import tree_flatten
    return [np.asarray(x._v) if hasattr(x, "_v") else np.asarray(x)
            for x in tree_flatten(tree)[0]]


# ------------------------------------------- autograd.functional / forward_ad

def _two(M):
    return t(M, X[0]), t(M, Y[:2])


def _f2(x, y):
    return (x.exp() * y).sum(0), (x * x).sum()


def c_af_jacobian(M):
    AF = M.autograd.functional
    return (AF.jacobian(_f2, _two(M)), AF.jacobian(_f2, _two(M), vectorize=True),
            AF.jacobian(_f2, _two(M), vectorize=True, strategy="forward-mode"),
            AF.jacobian(lambda a: a.sin() * 2, t(M, V3)))


def c_af_hessian(M):
    AF = M.autograd.functional
    g = lambda a: (a.sin() ** 2).sum() * a.cos().sum()   # noqa: E731
    return (AF.hessian(g, t(M, V3)),
            AF.hessian(lambda a, b: (a.sin() * b.sum(0)).sum(), _two(M)))


def c_af_vjp_jvp(M):
    AF = M.autograd.functional
    return (AF.vjp(_f2, _two(M), (t(M, np.ones(3)), t(M, 2.0))),
            AF.jvp(_f2, _two(M), (t(M, np.ones(3)), t(M, np.ones((2, 3))))),
            AF.vjp(lambda a: (a ** 2).sum(), t(M, V3)))


def c_af_hvp_vhp(M):
    AF = M.autograd.functional
    g = lambda a: (a.sin() ** 2).sum() * a.cos().sum()   # noqa: E731
    return AF.hvp(g, t(M, V3), t(M, X[1])), AF.vhp(g, t(M, V3), t(M, X[1]))


def c_af_create_graph(M):
    w = M.tensor(V3, requires_grad=True)
    J = M.autograd.functional.jacobian(lambda x: x.sin() ** 2, w, create_graph=True)
    J.sum().backward()
    return w.grad


def c_forward_ad_module(M):
    fwAD = M.autograd.forward_ad
    model = mlp(M)
    with fwAD.dual_level():
        out = model(fwAD.make_dual(t(M, X), t(M, Y)))
        p, tan = fwAD.unpack_dual(out)
        q = fwAD.unpack_dual(M.nn.functional.softmax(fwAD.make_dual(t(M, X), t(M, Y)),
                                                     dim=1)).tangent
    return p, tan, q


def c_function_new_style(M):
    class Cube(M.autograd.Function):
        generate_vmap_rule = True

        @staticmethod
        def forward(x):
            return x ** 3

        @staticmethod
        def setup_context(ctx, inputs, output):
            ctx.save_for_backward(inputs[0])
            ctx.save_for_forward(inputs[0])
            ctx.x = inputs[0]

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * 3 * x ** 2 + 1      # the +1 shows this backward is used

        @staticmethod
        def jvp(ctx, t_):
            return t_ * 3 * ctx.x ** 2 + 2   # the +2 shows this jvp is used

    x = t(M, V3)
    xe = M.tensor(V3, requires_grad=True)
    Cube.apply(xe).sum().backward()
    return (M.func.grad(lambda a: Cube.apply(a).sum())(x), xe.grad,
            M.func.jvp(Cube.apply, (x,), (t(M, np.ones(3)),))[1],
            M.func.vmap(Cube.apply)(t(M, X)))


CASES = {k[2:]: v for k, v in list(globals().items()) if k.startswith("c_")}
