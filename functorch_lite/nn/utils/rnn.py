"""torch.nn.utils.rnn: pad_sequence."""
import numpy as np

from ...facade._shape import stack
from ...facade._tensor import _wrap
from ...facade._ext_index import flip


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Stack variable-length tensors (L_i, *) padded to the longest:
    (L, B, *) or (B, L, *) with batch_first; differentiable in each sequence."""
    from ...facade._shape import cat
    L = max(s.shape[0] for s in sequences)
    out = []
    for s in sequences:
        n = L - s.shape[0]
        if n:
            pad = _wrap(np.full((n,) + tuple(s.shape[1:]), padding_value, s._v.dtype))
            s = cat([s, pad] if padding_side == "right" else [pad, s], 0)
        out.append(s)
    return stack(out, 0 if batch_first else 1)


__all__ = ["pad_sequence"]
del flip
