"""Sphinx configuration: the guides (Markdown, through MyST) and an API reference
generated from the docstrings (autodoc + napoleon). Built in CI with warnings as
errors: `python3 -m sphinx -W --keep-going -b html docs docs/_build/html`."""
import os
import sys

sys.path.insert(0, os.path.abspath(".."))

project = "functorch_lite"
author = "functorch_lite developers"
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_default_options = {"members": True, "undoc-members": False}
autodoc_member_order = "bysource"
# `Tensor` methods are many; their signatures come from the code
autodoc_typehints = "description"
napoleon_google_docstring = True
napoleon_numpy_docstring = True
html_theme = "alabaster"
html_title = "functorch_lite"
suppress_warnings = ["myst.header"]


def _skip_foreign(app, what, name, obj, skip, options):
    """Names a module re-exports from NumPy (``fnp.ndarray``, ``fnp.dtype``...) are
    NumPy's, documented there; the reference lists only this library's objects."""
    mod = getattr(obj, "__module__", None)
    if isinstance(mod, str) and not mod.startswith("functorch_lite"):
        return True
    return None


def _write_examples_index(app):
    """docs/examples.md, made at each build from the files in examples/ (each
    file's docstring says what it shows), so the index cannot go stale."""
    import ast
    root = os.path.join(os.path.dirname(__file__), "..", "examples")
    lines = ["# Examples", "",
             "Every file in `examples/` runs in the test suite at small sizes "
             "(`tests/test_examples.py` and the per-module example tests).", ""]
    for dirpath, dirnames, files in sorted(os.walk(root)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", ".")))
        for f in sorted(files):
            if not f.endswith(".py") or f.startswith("_"):
                continue
            path = os.path.join(dirpath, f)
            with open(path, encoding="utf-8") as fh:
                doc = ast.get_docstring(ast.parse(fh.read())) or "(no description)"
            rel = os.path.relpath(path, os.path.join(root, ".."))
            lines += [f"## `{rel}`", "", doc, ""]
    out = os.path.join(os.path.dirname(__file__), "examples.md")
    text = "\n".join(lines)
    if not os.path.exists(out) or open(out, encoding="utf-8").read() != text:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)


def setup(app):
    app.connect("autodoc-skip-member", _skip_foreign)
    app.connect("builder-inited", _write_examples_index)
