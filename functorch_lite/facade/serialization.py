"""save/load for tensors, state dicts and nested checkpoints as ``.npz``
(never pickle).

Layout: one ``.npy`` member per tensor or array (``a0``, ``a1``, ...) and a
manifest, ``__functorch_lite__``: UTF-8 JSON (stored as a uint8 array) that
describes the saved object's tree: dicts (string or integer keys), lists,
tuples, numbers, strings, None and references to the arrays.  That covers
a module's ``state_dict``, an optimizer's (integer keys, tuples of betas) and
a checkpoint dict holding both.

``load`` reads with ``allow_pickle=False`` and refuses what it did not
write, naming the file and what it found: a PyTorch ``.pt`` (a zip whose
members are not ``.npy``), string or object arrays, members the manifest
does not name.  Files written before the manifest existed (one numeric
array per state-dict key, ``__tensor__`` for a single tensor) still load.
"""
import collections
import json
import os
import zipfile

import numpy as np

from . import _types as T
from ._tensor import Tensor, _on_dev, _to_host, _wrap

_MANIFEST = "__functorch_lite__"
_FORMAT = 1
_SINGLE = "__tensor__"        # the pre-manifest layouts' keys
_DEVICE = "__cuda_keys__"


class _Writer:
    def __init__(self):
        self.arrays = {}

    def node(self, obj, where):
        """The manifest node of ``obj`` (its arrays go to self.arrays)."""
        if isinstance(obj, Tensor) or isinstance(obj, np.ndarray):
            key = f"a{len(self.arrays)}"
            cuda = isinstance(obj, Tensor) and _on_dev(obj._v)
            if isinstance(obj, Tensor):
                v = _to_host(obj._v, f"torch.save of the cuda tensor at {where}") if cuda \
                    else np.asarray(obj._v)
            else:
                v = obj
            if v.dtype.kind not in "biufc":
                raise TypeError(f"save: the array at {where} has dtype {v.dtype}; only "
                                f"numeric arrays can be saved (.npz, no pickle)")
            self.arrays[key] = v
            return {"t": "tensor" if isinstance(obj, Tensor) else "array", "k": key,
                    "cuda": cuda, "grad": bool(isinstance(obj, Tensor) and obj.requires_grad
                                               and obj.grad_fn is None)}
        if obj is None or isinstance(obj, (bool, str)):
            return {"t": "v", "v": obj}
        if isinstance(obj, (int, np.integer)):
            return {"t": "v", "v": int(obj)}
        if isinstance(obj, (float, np.floating)):
            f = float(obj)
            return {"t": "f", "v": repr(f)}      # repr keeps inf/nan and every bit
        if isinstance(obj, T.dtype):
            return {"t": "dtype", "v": obj.name}
        if isinstance(obj, dict):
            items = []
            for k, v in obj.items():
                if isinstance(k, bool) or not isinstance(k, (str, int, np.integer)):
                    raise TypeError(f"save: dict keys must be strings or integers, got "
                                    f"{k!r} at {where}")
                items.append([k if isinstance(k, str) else int(k), isinstance(k, str),
                              self.node(v, f"{where}[{k!r}]")])
            return {"t": "ordered" if isinstance(obj, collections.OrderedDict) else "dict",
                    "items": items}
        if isinstance(obj, (list, tuple)):
            return {"t": "list" if isinstance(obj, list) else "tuple",
                    "items": [self.node(v, f"{where}[{i}]") for i, v in enumerate(obj)]}
        raise TypeError(f"save: the value at {where} is a {type(obj).__name__}; only "
                        f"tensors, arrays, numbers, strings, None and dicts/lists/tuples of "
                        f"them can be saved (.npz, no pickle)")


def save(obj, f):
    """torch.save without pickle: ``obj`` is a Tensor, or dicts/lists/tuples of
    tensors, arrays, numbers, strings and None (a state_dict, an optimizer's
    state_dict, a checkpoint dict).  Differs from PyTorch: arbitrary Python
    objects (modules, functions) are refused; save their state_dict instead."""
    w = _Writer()
    tree = w.node(obj, "the top level")
    manifest = json.dumps({"format": _FORMAT, "tree": tree}).encode()
    arrays = dict(w.arrays)
    arrays[_MANIFEST] = np.frombuffer(manifest, np.uint8)
    if isinstance(f, (str, os.PathLike)):
        with open(f, "wb") as fh:  # exact path (np.savez would append .npz)
            np.savez(fh, **arrays)
    else:
        np.savez(f, **arrays)


def _target(map_location):
    if map_location is None:
        return None
    if isinstance(map_location, dict):
        map_location = map_location.get("cuda:0", map_location.get("cuda", "cpu"))
    return T.device(map_location)


def _name(f):
    return os.fspath(f) if isinstance(f, (str, os.PathLike)) else repr(f)


def _refuse(f, what):
    return ValueError(f"torch.load: {_name(f)} is not a file functorch_lite.save wrote: "
                      f"{what}. functorch_lite reads only its own .npz files (never "
                      f"pickle); a PyTorch checkpoint must be converted with PyTorch "
                      f"(e.g. numpy arrays per key, then np.savez) first.")


def _members(f):
    """The zip members' names, checked: every one must be a .npy array."""
    pos = f.tell() if hasattr(f, "tell") else None
    try:
        with zipfile.ZipFile(f) as z:
            names = z.namelist()
    except zipfile.BadZipFile:
        raise _refuse(f, "it is not a zip (.npz) archive") from None
    finally:
        if pos is not None:
            f.seek(pos)
    bad = [n for n in names if not n.endswith(".npy")]
    if bad:
        pt = " (a PyTorch .pt checkpoint)" if any(n.endswith("data.pkl") for n in bad) else ""
        raise _refuse(f, f"it holds members that are not .npy arrays{pt}: {bad[:4]}")
    return [n[:-4] for n in names]


def load(f, map_location=None, weights_only=True):
    """torch.load of a file functorch_lite.save wrote.  Entries saved from cuda
    tensors come back on the device (as in PyTorch); ``map_location='cpu'``
    keeps everything on the host, 'cuda' moves all.  Anything else (a PyTorch
    .pt, a foreign .npz) is refused with an error naming the file."""
    where = _target(map_location)
    keys = _members(f)
    with np.load(f, allow_pickle=False) as data:
        arrays = {}
        for k in keys:
            try:
                a = np.array(data[k])
            except ValueError as e:      # object arrays: never unpickled
                raise _refuse(f, f"its array {k!r} holds Python objects (allow_pickle "
                                 f"is never used) ({e})") from None
            if a.dtype.kind not in "biufc" and k != _DEVICE:
                raise _refuse(f, f"its array {k!r} has dtype {a.dtype}")
            arrays[k] = a
    if _MANIFEST in arrays:
        try:
            man = json.loads(arrays.pop(_MANIFEST).tobytes().decode())
        except (UnicodeDecodeError, ValueError):
            raise _refuse(f, "its manifest is not valid JSON") from None
        if not isinstance(man, dict) or man.get("format") != _FORMAT:
            raise _refuse(f, f"its manifest has an unknown format {man.get('format')!r}"
                          if isinstance(man, dict) else "its manifest is not an object")
        r = _Reader(f, arrays, where)
        out = r.node(man.get("tree"))
        unused = sorted(set(arrays) - r.used)
        if unused:
            raise _refuse(f, f"it holds arrays its manifest does not name: {unused[:4]}")
        return out
    return _load_legacy(f, arrays, where)


def _check_cuda(where, any_cuda):
    if where is None and any_cuda:
        from . import cuda as _cuda
        if not _cuda.is_available():
            raise RuntimeError("Attempting to deserialize object on a CUDA device but "
                               "torch.cuda.is_available() is False. If you are running on "
                               "a CPU-only machine, please use torch.load with "
                               "map_location=torch.device('cpu') to map your storages to "
                               "the CPU.")


class _Reader:
    def __init__(self, f, arrays, where):
        self.f, self.arrays, self.where, self.used = f, arrays, where, set()

    def node(self, n):
        if not isinstance(n, dict) or "t" not in n:
            raise _refuse(self.f, f"its manifest has a malformed entry {str(n)[:60]}")
        t = n["t"]
        if t in ("tensor", "array"):
            k = n.get("k")
            if k not in self.arrays:
                raise _refuse(self.f, f"its manifest names a missing array {k!r}")
            self.used.add(k)
            v = self.arrays[k]
            if t == "array":
                return v
            _check_cuda(self.where, n.get("cuda"))
            x = _wrap(v)
            if (self.where is None and n.get("cuda")) or (
                    self.where is not None and self.where.type == "cuda"):
                x = x.to("cuda")
            if n.get("grad"):
                x.requires_grad_(True)
            return x
        if t == "v":
            return n["v"]
        if t == "f":
            return float(n["v"])
        if t == "dtype":
            return T.as_dtype(n["v"])
        if t in ("dict", "ordered"):
            d = collections.OrderedDict() if t == "ordered" else {}
            for k, is_str, v in n["items"]:
                d[k if is_str else int(k)] = self.node(v)
            return d
        if t in ("list", "tuple"):
            items = [self.node(v) for v in n["items"]]
            return items if t == "list" else tuple(items)
        raise _refuse(self.f, f"its manifest has an entry of unknown kind {t!r}")


def _load_legacy(f, arrays, where):
    """Files from before the manifest: one numeric array per state-dict key."""
    cuda = set(arrays.pop(_DEVICE).tolist()) if _DEVICE in arrays else set()
    for k, a in arrays.items():
        if a.dtype.kind not in "biufc":
            raise _refuse(f, f"its array {k!r} has dtype {a.dtype}")
    _check_cuda(where, bool(cuda))
    out = {k: _wrap(a) for k, a in arrays.items()}
    for k in out:
        if (where is None and k in cuda) or (where is not None and where.type == "cuda"):
            out[k] = out[k].to("cuda")
    if list(out) == [_SINGLE]:
        return out[_SINGLE]
    return collections.OrderedDict(out)


from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs2 import SERIALIZATION_DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (facade/_docs2.py)
