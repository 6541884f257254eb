"""Run JAX documentation pages (MyST markdown with ``{code-cell}`` blocks) cell
by cell, with only the imports changed to functorch_lite, and compare each
cell with the same cell run under jax.

    python3 examples/jax/run_pages.py PAGE.md [...] [--lib fl|jax] [--json OUT]

A cell "runs" when it completes (or raises where the page marks it
``raises-exception``); it "agrees" when, in addition, the numbers it prints
match jax's (same count, rtol 1e-3).  Runs in JAX's 32-bit mode
(``config.update("jax_enable_x64", False)``) so dtypes print as JAX's.
"""
import contextlib
import glob
import io
import json
import re
import signal
import sys

_IMPORTS = [
    (r"^(\s*)import jax\.numpy as (\w+)", r"\1import functorch_lite.numpy as \2"),
    (r"^(\s*)import jax\.scipy as (\w+)", r"\1import functorch_lite.scipy as \2"),
    (r"^(\s*)import jax\.tree_util as (\w+)", r"\1import functorch_lite.tree_util as \2"),
    (r"^(\s*)import jax$", r"\1import functorch_lite as jax"),
    (r"^(\s*)import jax\s*#.*$", r"\1import functorch_lite as jax"),
    (r"^(\s*)from jax(\.[\w.]+)? import", r"\1from functorch_lite\2 import"),
    (r"^(\s*)import jax\.(\w+)( as (\w+))?$", r"\1import functorch_lite.\2 as \4"),
]


def cells(path):
    """(source, raises) for each ``{code-cell}`` block of a MyST page, or each
    ``# %% cell N`` block of a page exported here (examples/jax/*.py)."""
    text = open(path).read()
    out = []
    if path.endswith(".py"):
        # a long page continues in <page>.part2.py, ... (files stay readable)
        stem = path[:-3]
        for part in sorted(glob.glob(glob.escape(stem) + ".part*.py")):
            body = open(part).read()
            text += "\n" + body[body.index("# %% cell"):]
        parts = re.split(r"^# %% cell \d+( raises-exception)?\n", text, flags=re.M)
        # parts: [docstring, flag, body, flag, body, ...]
        return [(body, bool(flag)) for flag, body in zip(parts[1::2], parts[2::2])]
    for m in re.finditer(r"```\{code-cell\}[^\n]*\n(.*?)```", text, re.S):
        body = m.group(1)
        raises = "raises-exception" in body.split("\n", 3)[0:3].__str__()
        lines = [ln for ln in body.split("\n") if not ln.startswith(":tags:")
                 and not ln.startswith(":id:") and not ln.startswith(":outputId:")]
        out.append(("\n".join(lines), raises))
    return out


def convert(src, imports=True):
    """IPython magics made plain Python (``%timeit stmt`` runs stmt once), and
    with ``imports`` the jax imports changed to functorch_lite."""
    lines = []
    for ln in src.split("\n"):
        s = ln.strip()
        indent = ln[:len(ln) - len(ln.lstrip())]
        if s.startswith("%%timeit"):
            continue
        if s.startswith("%timeit"):
            ln = indent + re.sub(r"^(-\w+\s*\d*\s+)*", "", s[len("%timeit"):].strip())
        elif s.startswith("%") or s.startswith("!"):
            continue
        if imports:
            for pat, rep in _IMPORTS:
                ln = re.sub(pat, rep, ln)
        lines.append(ln)
    return "\n".join(lines)


class _Timeout(Exception):
    pass


def _alarm(*_):
    raise _Timeout("cell took too long")


def run_page(path, lib="fl", timeout=60):
    """[(status, stdout)] per cell: status 'ok', 'raised-as-page-says', or an error."""
    ns = {"__name__": "__main__"}
    if lib == "fl":
        import functorch_lite as fl
        fl.config.update("jax_enable_x64", False)
    results = []
    signal.signal(signal.SIGALRM, _alarm)
    for src, raises in cells(path):
        code = convert(src, imports=lib == "fl")
        buf = io.StringIO()
        status = "ok"
        signal.alarm(timeout)
        try:
            with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
                exec(compile(code, path, "exec"), ns)
            if raises:
                status = "ok (page expects an error; none raised)"
        except _Timeout:
            status = "timeout"
        except BaseException as e:  # noqa: BLE001 - a cell's own error is its result
            status = "raised-as-page-says" if raises else f"{type(e).__name__}: {e}"[:300]
        finally:
            signal.alarm(0)
        results.append((status, buf.getvalue()))
    return results


_NUM = re.compile(r"-?\d+\.?\d*(?:[eE][-+]?\d+)?|nan|inf")


def numbers(s):
    s = re.sub(r"0x[0-9a-fA-F]+", "", s)        # object addresses
    s = re.sub(r"(float|int|uint|bfloat|complex)\d+", "", s)
    s = re.sub(r"\b[fiu]\d+\[", "[", s)
    out = []
    for t in _NUM.findall(s):
        try:
            out.append(float(t))
        except ValueError:
            pass
    return out


def agree(a, b):
    import numpy as np
    na, nb = numbers(a), numbers(b)
    if len(na) != len(nb):
        return False
    return bool(np.allclose(na, nb, rtol=1e-3, atol=1e-5, equal_nan=True)) if na else True


def main():
    args = sys.argv[1:]
    lib = "fl"
    out_json = None
    if "--lib" in args:
        i = args.index("--lib")
        lib = args[i + 1]
        del args[i:i + 2]
    if "--json" in args:
        i = args.index("--json")
        out_json = args[i + 1]
        del args[i:i + 2]
    report = {}
    for p in args:
        report[p] = run_page(p, lib)
    if out_json:
        json.dump(report, open(out_json, "w"))
    for p, res in report.items():
        ok = sum(1 for s, _ in res if s.startswith("ok") or s == "raised-as-page-says")
        print(f"{p}: {ok} of {len(res)} cells run")


if __name__ == "__main__":
    main()
