"""grad's input and output checks, with JAX's messages (from api.py, which is
at the line limit)."""
from ..core.trace import get_aval


def _check_grad_inputs(leaves, holomorphic, allow_int, name):
    """JAX's input checks for grad; returns the mask of leaves to differentiate
    (False for integer/boolean inputs that allow_int lets through)."""
    mask = []
    for x in leaves:
        a = get_aval(x)
        dt = a.dtype
        if holomorphic and dt.kind != "c":
            raise TypeError(f"{name} with holomorphic=True requires inputs with complex "
                            f"dtype, but got {dt.name}.")
        if dt.kind in "biu":
            if not allow_int:
                raise TypeError(
                    f"{name} requires real- or complex-valued inputs (input dtype that is "
                    f"a sub-dtype of np.inexact), but got {dt.name} (shape {a.shape}). "
                    f"If you want to use Boolean- or integer-valued inputs, use vjp or "
                    f"set allow_int to True (or pass floating-point values, e.g. x.astype(float)).")
            mask.append(False)
        elif dt.kind not in "fc":
            raise TypeError(f"{name} requires real- or complex-valued inputs, but got "
                            f"{dt} (shape {a.shape})")
        else:
            mask.append(True)
    return mask


def _check_grad_output(out, holomorphic, name):
    a = get_aval(out)
    if a.shape != ():
        raise TypeError(
            f"{name} requires a scalar output, but the function returned "
            f"{a.str_short()} (shape {a.shape}, dtype {a.dtype}). Reduce it "
            f"(e.g. .sum()) or use vjp / jacrev for non-scalar outputs.")
    kind = a.dtype.kind
    if holomorphic:
        if kind != "c":
            raise TypeError(f"{name} with holomorphic=True requires outputs with complex "
                            f"dtype, but got {a.dtype.name}.")
    elif kind == "c":
        raise TypeError(
            f"{name} requires real-valued outputs (output dtype that is a sub-dtype of "
            f"np.floating), but got {a.dtype.name}. For holomorphic differentiation, "
            f"pass holomorphic=True. For differentiation of non-holomorphic functions "
            f"involving complex outputs, use vjp directly.")
    elif kind != "f":
        raise TypeError(f"{name} requires real-valued (floating-point) outputs, but the "
                        f"function returned {a.str_short()} (dtype {a.dtype})")
