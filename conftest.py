# Root conftest: makes pytest import functorch_lite from this checkout (its
# directory goes first on sys.path), whatever is pip-installed.
