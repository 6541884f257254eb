"""The backend-parameterised suite on the Dask array backend (backends/dask.py).

tests/test_device_backend.py's backend-neutral tests run here again with the
``device`` fixture bound to Dask (2 chunks per axis, the synchronous scheduler):
every primitive row forward/vjp/jvp/jit/vmap, the transforms, control flow,
custom rules and the NumPy surface, with no compute inside ``strict()``.
Below them, what is particular to Dask: dtypes by keyword, float32 kept through
a cross-entropy gradient, lazy scatter-add and batched linalg, one graph per
jit, exactly one compute per cond / while iteration / boolean mask.
"""
import numpy as np
import pytest

pytest.importorskip("dask.array")

import functorch_lite as fl  # noqa: E402
import functorch_lite.numpy as fnp  # noqa: E402
from functorch_lite import lax  # noqa: E402

from _dask import DaskDev, dask_device, two_chunks  # noqa: E402,F401
from _device import assert_close  # noqa: E402
from test_device_backend import (  # noqa: E402,F401  (collected again, on Dask)
    test_primitive_forward_and_derivatives, test_transforms_on_the_device,
    test_control_flow_on_the_device, test_custom_rules_on_the_device,
    test_mixing_backends_is_an_error_naming_the_inputs, test_numpy_surface_on_the_device,
    test_reading_a_device_value_back_is_checked_by_the_guard,
    test_cond_and_while_read_their_predicate_back, test_host_index_arrays_are_a_checked_transfer)


@pytest.fixture
def device(dask_device):
    return dask_device
