"""The op table of tests/test_facade_ops.py: each case is an expression over
``torch`` (the facade or PyTorch), ``F`` (nn.functional) and the inputs
``x`` (3x4, float64, requires grad), ``y`` (3x4), ``m`` (4x4), ``v`` (4,),
``i`` (int64 indices), ``b`` (bool mask).  The first output's values, its
grad_fn name, dtype, and the gradient of sum(out * w) with respect to x are
compared with PyTorch 2.13 (stored in _facade_ops_expected.py)."""
import numpy as np

X = np.array([[0.5, -1.2, 2.0, 0.3], [1.5, 0.7, -0.4, -2.2], [0.1, 0.9, 1.1, -0.6]])
Y = np.array([[1.0, 0.2, -0.3, 0.8], [-0.5, 1.7, 0.4, 0.6], [2.1, -0.9, 0.3, 0.2]])
M = np.array([[2.0, 0.3, 0.1, 0.0], [0.3, 1.5, 0.2, 0.1], [0.1, 0.2, 1.8, 0.4],
              [0.0, 0.1, 0.4, 1.2]])


def inputs(torch):
    x = torch.tensor(X, dtype=torch.float64, requires_grad=True)
    y = torch.tensor(Y, dtype=torch.float64)
    m = torch.tensor(M, dtype=torch.float64, requires_grad=True)
    return dict(x=x, y=y, m=m, v=torch.tensor([0.3, -0.2, 1.0, 0.5], dtype=torch.float64),
                i=torch.tensor([[0, 2, 1, 0], [2, 2, 0, 1]]), j=torch.tensor([2, 0, 2]),
                b=torch.tensor(X > 0.4))


CASES = [
    "torch.index_select(x, 1, torch.tensor([3, 0, 3]))",
    "x.gather(0, i[:, :3])",
    "x.scatter(0, i[:, :3], y)",
    "x.scatter_add(0, i, y[:2])",
    "x.index_add(0, j, y)",
    "x.masked_fill(b, -1.5)",
    "x.masked_select(b)",
    "torch.take(x, torch.tensor([[0, 5], [11, 2]]))",
    "x.sort(1).values",
    "x.sort(0, descending=True).values",
    "x.topk(2, dim=1).values",
    "torch.tril(x, 1)",
    "x.triu(-1)",
    "x.flip(0, 1)",
    "torch.roll(x, 1, 1)",
    "torch.roll(x, 2)",
    "torch.diag(x[0])",
    "torch.diag(m, 1)",
    "torch.diag_embed(x)",
    "torch.trace(m)",
    "torch.movedim(x.reshape(3, 2, 2), 0, -1)",
    "x.narrow(1, 1, 2)",
    "x.unfold(1, 2, 1)",
    "x.repeat_interleave(2, dim=0)",
    "torch.diff(x, dim=1)",
    "torch.cumprod(x, 1)",
    "torch.cumsum(x, 0)",
    "torch.prod(x, 1)",
    "torch.logsumexp(x, 1)",
    "torch.softmax(x, 0)",
    "torch.log_softmax(x, 1)",
    "torch.amin(x, 1)",
    "torch.aminmax(x, dim=0).max",
    "torch.var_mean(x, 1)[0]",
    "torch.std_mean(x, 0)[1]",
    "torch.erf(x)",
    "torch.erfc(x)",
    "torch.lgamma(x.abs() + 0.5)",
    "torch.digamma(x.abs() + 0.5)",
    "torch.atan2(x, y)",
    "torch.hypot(x, y)",
    "torch.logaddexp(x, y)",
    "torch.lerp(x, y, 0.3)",
    "torch.addmm(y[:, :3], x, m[:, :3])",
    "torch.addmv(v[:3], x, v, beta=0.5, alpha=2.0)",
    "torch.baddbmm(x.reshape(3, 2, 2), x.reshape(3, 2, 2), y.reshape(3, 2, 2))",
    "torch.einsum('ij,jk->ik', x, m)",
    "torch.kron(x[:2, :2], m[:2, :2])",
    "torch.cross(x[:, :3], y[:, :3], dim=1)",
    "torch.cdist(x, y)",
    "torch.tan(x)",
    "torch.sinh(x)",
    "torch.asin(x / 3)",
    "torch.atan(x)",
    "torch.log2(x.abs() + 1)",
    "torch.trunc(x * 3)",
    "F.gelu(x)",
    "F.silu(x)",
    "F.elu(x)",
    "F.hardtanh(x)",
    "F.normalize(x)",
    "F.cosine_similarity(x, y)",
    "F.pairwise_distance(x, y)",
    "torch.linalg.det(m)",
    "torch.linalg.inv(m)",
    "torch.linalg.vector_norm(x, dim=1)",
    "torch.linalg.solve(m, x.t())",
    "torch.meshgrid(x[0], v, indexing='ij')[1]",
    "torch.hstack([x, y])",
    "x.unflatten(1, (2, 2))",
]
