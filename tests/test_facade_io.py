"""fl.save/fl.load of nested checkpoints (optimizer state included), refusal
of foreign files, copy.deepcopy and pickle of tensors, modules and state."""
import copy
import io
import pickle
import zipfile

import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite.nn as nn
import functorch_lite.optim as optim


def _trained():
    torch.manual_seed(0)
    m = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
    o = optim.Adam(m.parameters(), lr=0.01, betas=(0.8, 0.99))
    for _ in range(2):
        o.zero_grad()
        m(torch.ones(5, 3)).pow(2).sum().backward()
        o.step()
    return m, o


def test_checkpoint_round_trip_with_optimizer_state(tmp_path):
    m, o = _trained()
    ck = {"epoch": 7, "loss": 0.25, "note": "x", "none": None, "inf": float("-inf"),
          "model": m.state_dict(), "optimizer": o.state_dict()}
    torch.save(ck, tmp_path / "ck.pt")
    back = torch.load(tmp_path / "ck.pt")
    assert (back["epoch"], back["loss"], back["note"], back["none"]) == (7, 0.25, "x", None)
    assert back["inf"] == float("-inf")
    assert list(back["model"]) == list(m.state_dict())
    pg = back["optimizer"]["param_groups"][0]
    assert pg["betas"] == (0.8, 0.99) and pg["params"] == [0, 1, 2, 3]
    m2, _ = _trained()
    o2 = optim.Adam(m2.parameters(), lr=0.5)
    m2.load_state_dict(back["model"])
    o2.load_state_dict(back["optimizer"])
    assert o2.param_groups[0]["lr"] == 0.01
    for p, q in zip(m.parameters(), m2.parameters()):
        s, s2 = o.state[p], o2.state[q]
        assert s["step"] == s2["step"] == 2
        np.testing.assert_array_equal(np.asarray(s["exp_avg"]), np.asarray(s2["exp_avg"]))
    # both continue identically
    for mm, oo in ((m, o), (m2, o2)):
        oo.zero_grad()
        mm(torch.ones(5, 3)).pow(2).sum().backward()
        oo.step()
    for p, q in zip(m.parameters(), m2.parameters()):
        np.testing.assert_array_equal(p.detach().numpy(), q.detach().numpy())


def test_load_refuses_foreign_files(tmp_path):
    pt = tmp_path / "model.pt"
    with zipfile.ZipFile(pt, "w") as z:       # the layout of a PyTorch checkpoint
        z.writestr("model/data.pkl", b"\x80\x02}q\x00.")
        z.writestr("model/data/0", b"\x00" * 16)
    with pytest.raises(ValueError, match=r"model\.pt is not a file functorch_lite.save "
                                         r"wrote.*PyTorch \.pt"):
        torch.load(pt)
    np.savez(tmp_path / "s.npz", a=np.array(["x", "y"]))
    with pytest.raises(ValueError, match="s.npz.*dtype <U1"):
        torch.load(tmp_path / "s.npz")
    (tmp_path / "t.txt").write_text("hello")
    with pytest.raises(ValueError, match="not a zip"):
        torch.load(tmp_path / "t.txt")
    buf = io.BytesIO()
    torch.save({"w": torch.ones(2)}, buf)
    data = dict(np.load(io.BytesIO(buf.getvalue())))
    data["extra"] = np.ones(3)
    p = tmp_path / "extra.npz"
    np.savez(p, **data)
    with pytest.raises(ValueError, match="does not name: \\['extra'\\]"):
        torch.load(p)


def test_save_refuses_objects(tmp_path):
    with pytest.raises(TypeError, match=r"\['f'\] is a function"):
        torch.save({"f": lambda: 0}, tmp_path / "bad.npz")
    with pytest.raises(TypeError, match="keys must be strings or integers"):
        torch.save({(1, 2): torch.ones(1)}, tmp_path / "bad.npz")


def test_deepcopy_and_pickle():
    m, o = _trained()
    m2 = copy.deepcopy(m)
    w, w2 = m[0].weight, m2[0].weight
    assert type(w2) is nn.Parameter and w2.requires_grad and w2 is not w
    np.testing.assert_array_equal(w.detach().numpy(), w2.detach().numpy())
    with torch.no_grad():
        w2.add_(1)
    assert not np.array_equal(w.detach().numpy(), w2.detach().numpy())
    sd = copy.deepcopy(m.state_dict())
    assert list(sd) == list(m.state_dict())
    m3 = pickle.loads(pickle.dumps(m))
    np.testing.assert_array_equal(m3[2].bias.detach().numpy(), m[2].bias.detach().numpy())
    osd = pickle.loads(pickle.dumps(o.state_dict()))
    assert osd["state"][0]["step"] == 2
    t = torch.arange(4.).requires_grad_()
    t.grad = torch.ones(4)
    c = copy.deepcopy(t)
    assert c.requires_grad and c.grad.tolist() == [1.0] * 4
    with pytest.raises(RuntimeError, match="graph leaves"):
        copy.deepcopy(t * 2)
    assert pickle.loads(pickle.dumps(t * 2)).tolist() == [0., 2., 4., 6.]
