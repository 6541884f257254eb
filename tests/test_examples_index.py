"""Every program in examples/ is listed on the site's examples page (docs/conf.py
writes it from the files at each build) and runs in the test suite: its file
name appears in a test module, or it is one of JAX's pages, which
tests/test_jax_pages.py runs by listing examples/jax/ (a ``.partN.py`` file
continues its page, ``run_pages.py`` is the runner those tests call)."""
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")


def _programs():
    for dirpath, dirnames, files in os.walk(EXAMPLES):
        dirnames[:] = [d for d in dirnames if not d.startswith(("_", "."))]
        for f in files:
            if f.endswith(".py") and not f.startswith("_"):
                yield os.path.relpath(os.path.join(dirpath, f), EXAMPLES)


def test_every_example_runs_in_the_suite():
    tests = os.path.join(ROOT, "tests")
    text = "".join(open(os.path.join(tests, f), encoding="utf-8").read()
                   for f in os.listdir(tests) if f.endswith(".py") and f != os.path.basename(__file__))
    missing = [p for p in _programs()
               if os.path.basename(p) not in text and not p.startswith("jax" + os.sep)]
    assert not missing, f"examples no test runs: {missing}"


def test_the_examples_page_lists_every_example():
    spec = importlib.util.spec_from_file_location("_docs_conf", os.path.join(ROOT, "docs", "conf.py"))
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    page = os.path.join(ROOT, "docs", "examples.md")
    conf._write_examples_index(None)
    text = open(page, encoding="utf-8").read()
    for p in _programs():
        assert f"`examples/{p.replace(os.sep, '/')}`" in text, p
