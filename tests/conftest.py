"""Test-session settings.

Under CI (the ``CI`` environment variable, set by ``.ci/run``) Hypothesis runs
derandomized: the random-program tests explore the same examples on every run,
so a landing is never decided by a newly drawn example. Locally they keep
drawing new ones (and replay failures from ``.hypothesis/``)."""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
