"""Transition view of the primitive table for tests not yet reading it directly
(tests/test_jit.py, tests/test_device_backend.py): EXAMPLES[name] -> [(args, params)].
The rows live in tests/_prim_table.py; import from there."""
from _prim_table import examples

EXAMPLES = examples()
