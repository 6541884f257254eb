"""torch.utils.data on the facade: datasets, samplers, collation, DataLoader
(with worker processes), random_split, and the batch orders PyTorch 2.13
gives after the same manual_seed (stored here; compared live where torch is
installed); torch.utils.checkpoint, torch.testing, default device, accelerator."""
import collections

import numpy as np
import pytest

import functorch_lite as torch
from functorch_lite.utils.checkpoint import checkpoint
from functorch_lite.utils.data import (BatchSampler, ConcatDataset, DataLoader,
                                       IterableDataset, RandomSampler, SequentialSampler,
                                       Subset, SubsetRandomSampler, TensorDataset,
                                       default_collate, get_worker_info, random_split)


def _ds(torch, TensorDataset):
    x = torch.arange(20.).reshape(10, 2)
    return TensorDataset(x, torch.arange(10))


def _orders(torch, data):
    """The label order of several shuffled loaders after manual_seed(0)."""
    torch.manual_seed(0)
    ds = _ds(torch, data.TensorDataset)
    out = []
    for kw in (dict(batch_size=3, shuffle=True), dict(batch_size=3, shuffle=True,
                                                      drop_last=True)):
        out.append([b[1].tolist() for b in data.DataLoader(ds, **kw)])
    g = torch.Generator().manual_seed(1)
    out.append([b[1].tolist() for b in data.DataLoader(ds, batch_size=4, shuffle=True,
                                                        generator=g)])
    a, b = data.random_split(ds, [0.7, 0.3])
    out.append([list(a.indices), list(b.indices)])
    out.append([b[1].tolist() for b in data.DataLoader(ds, batch_size=3, shuffle=True,
                                                        num_workers=2)])
    out.append([b[1].tolist() for b in data.DataLoader(
        ds, sampler=data.RandomSampler(ds, replacement=True, num_samples=5), batch_size=5)])
    out.append([b[1].tolist() for b in data.DataLoader(
        ds, sampler=data.SubsetRandomSampler([1, 5, 7]), batch_size=2)])
    out.append(torch.rand(2).tolist())
    return out


EXPECTED = [                                # torch 2.13
    [[6, 7, 1], [4, 2, 0], [9, 8, 3], [5]],
    [[2, 4, 7], [0, 8, 9], [5, 3, 6]],
    [[4, 6, 9, 2], [3, 1, 0, 7], [8, 5]],
    [[7, 1, 0, 3, 4, 9, 8], [5, 6, 2]],
    [[7, 4, 9], [1, 0, 3], [5, 6, 2], [8]],
    [[8, 8, 4, 8, 4]],
    [[7, 1], [5]],
    [0.37341737747192383, 0.3051000237464905],
]


def test_shuffled_orders_match_pytorch():
    from functorch_lite.utils import data
    got = _orders(torch, data)
    assert got == EXPECTED
    real = pytest.importorskip("torch")
    import torch.utils.data as tdata
    assert got == _orders(real, tdata)


def test_batches_collate_and_lengths():
    ds = _ds(torch, TensorDataset)
    batches = list(DataLoader(ds, batch_size=4))
    assert [tuple(b[0].shape) for b in batches] == [(4, 2), (4, 2), (2, 2)]
    assert batches[2][1].tolist() == [8, 9] and batches[0][0].dtype == torch.float32
    assert len(DataLoader(ds, batch_size=3)) == 4
    assert len(DataLoader(ds, batch_size=3, drop_last=True)) == 3
    nob = list(DataLoader(ds, batch_size=None, sampler=[3, 1]))
    assert nob[0][1].item() == 3 and nob[1][0].tolist() == [2.0, 3.0]
    assert [b[1].tolist() for b in DataLoader(ds, batch_sampler=[[0, 1], [5]])] == \
        [[0, 1], [5]]
    b = default_collate([{"a": 1.5, "b": np.array([1, 2]), "c": "s"},
                         {"a": 2.5, "b": np.array([3, 4]), "c": "t"}])
    assert b["a"].dtype == torch.float64 and b["b"].tolist() == [[1, 2], [3, 4]]
    assert b["c"] == ["s", "t"]
    t = default_collate([(1, 2.0), (3, 4.0)])
    assert isinstance(t, list) and t[0].dtype == torch.int64 and t[1].dtype == torch.float64
    P = collections.namedtuple("P", "x y")
    p = default_collate([P(1, 2), P(3, 4)])
    assert isinstance(p, P) and p.x.tolist() == [1, 3]
    with pytest.raises(RuntimeError, match="each element in list of batch should be of "
                                           "equal size"):
        default_collate([[1, 2], [3]])
    with pytest.raises(TypeError, match="default_collate: batch must contain tensors"):
        default_collate([object(), object()])


def test_datasets_and_samplers():
    ds = _ds(torch, TensorDataset)
    cat = ConcatDataset([ds, Subset(ds, [9, 8])])
    assert len(cat) == 12 and cat[10][1].item() == 9 and cat[-1][1].item() == 8
    assert len(ds + ds) == 20
    assert list(SequentialSampler(range(3))) == [0, 1, 2]
    assert list(BatchSampler(range(5), 2, False)) == [[0, 1], [2, 3], [4]]
    assert list(BatchSampler(range(5), 2, True)) == [[0, 1], [2, 3]]
    torch.manual_seed(3)
    assert sorted(RandomSampler(range(6))) == list(range(6))
    assert sorted(SubsetRandomSampler([4, 2])) == [2, 4]
    a, b = random_split(range(10), [3, 7], generator=torch.Generator().manual_seed(42))
    assert list(a) == [2, 6, 1] and list(b) == [8, 4, 5, 0, 9, 3, 7]   # torch 2.13's split
    with pytest.raises(ValueError, match="Sum of input lengths does not equal"):
        random_split(range(10), [3, 3])
    with pytest.raises(AssertionError, match="Size mismatch between tensors"):
        TensorDataset(torch.ones(3), torch.ones(4))


def test_loader_argument_errors():
    ds = _ds(torch, TensorDataset)
    with pytest.raises(ValueError, match="sampler option is mutually exclusive with shuffle"):
        DataLoader(ds, shuffle=True, sampler=[1])
    with pytest.raises(ValueError, match="batch_sampler option is mutually exclusive"):
        DataLoader(ds, batch_sampler=[[1]], batch_size=2)

    class It(IterableDataset):
        def __iter__(self):
            return iter(range(7))
    with pytest.raises(ValueError, match="expected unspecified shuffle option"):
        DataLoader(It(), shuffle=True)


class _Sharded(IterableDataset):
    def __iter__(self):
        info = get_worker_info()
        if info is None:
            return iter(range(8))
        return iter(range(info.id, 8, info.num_workers))


def _boom(i):
    if i == 3:
        raise ValueError("bad sample 3")
    return i


class _Bad(torch.utils.data.Dataset):
    def __getitem__(self, i):
        return _boom(i)

    def __len__(self):
        return 6


def test_worker_processes():
    ds = _ds(torch, TensorDataset)
    plain = [b[1].tolist() for b in DataLoader(ds, batch_size=3)]
    assert [b[1].tolist() for b in DataLoader(ds, batch_size=3, num_workers=2)] == plain
    seen = []
    got = list(DataLoader(_Sharded(), batch_size=2, num_workers=2,
                          worker_init_fn=lambda w: seen.append(w)))
    assert sorted(x for b in got for x in b.tolist()) == list(range(8))
    assert get_worker_info() is None
    with pytest.raises(ValueError, match="Caught ValueError in DataLoader worker process"):
        list(DataLoader(_Bad(), batch_size=2, num_workers=2))


def test_checkpoint_recomputes_with_same_gradient():
    w = torch.nn.Parameter(torch.tensor([1., 2., 3.], dtype=torch.float64))
    x = torch.tensor([0.5, -1., 2.], dtype=torch.float64, requires_grad=True)

    def f(a):
        return torch.nn.functional.dropout((a * w).sin(), 0.5) * 2
    torch.manual_seed(0)
    y = checkpoint(f, x, use_reentrant=True)
    assert y.grad_fn.name() == "CheckpointFunctionBackward"
    y.sum().backward()
    gx, gw = x.grad.clone(), w.grad.clone()
    x.grad = w.grad = None
    torch.manual_seed(0)
    f(x).sum().backward()
    np.testing.assert_allclose(gx.numpy(), x.grad.numpy())
    np.testing.assert_allclose(gw.numpy(), w.grad.numpy())


def test_testing_assert_close_messages():
    torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.000001]))
    with pytest.raises(AssertionError, match=r"Tensor-likes are not close!\n\nMismatched "
                                             r"elements: 1 / 3 \(33.3%\)\nGreatest absolute "
                                             r"difference: 0.0999999046325683\d at index "
                                             r"\(1,\) \(up to 1e-05 allowed\)"):
        torch.testing.assert_close(torch.tensor([1., 2., 3.]), torch.tensor([1., 2.1, 3.]))
    with pytest.raises(AssertionError, match="Scalars are not close!"):
        torch.testing.assert_close(1.0, 1.1)
    with pytest.raises(AssertionError, match="attribute 'dtype' do not match: torch.float32 "
                                             "!= torch.float64"):
        torch.testing.assert_close(torch.ones(2), torch.ones(2, dtype=torch.float64))
    with pytest.raises(ValueError, match="Both 'rtol' and 'atol'"):
        torch.testing.assert_close(1.0, 1.0, rtol=1e-3)
    torch.testing.assert_close({"a": [torch.ones(1)]}, {"a": [torch.ones(1)]})


def test_default_device_and_accelerator():
    assert torch.get_default_device() == torch.device("cpu")
    torch.set_default_device("cpu")
    assert torch.zeros(2).device == torch.device("cpu")
    if not torch.cuda.is_available():
        assert torch.accelerator.is_available() is False
        assert torch.accelerator.current_accelerator() is None
        assert torch.accelerator.device_count() == 0
        with pytest.raises(RuntimeError, match="CUDA is not available"):
            torch.set_default_device("cuda")
        assert torch.get_default_device() == torch.device("cpu")
