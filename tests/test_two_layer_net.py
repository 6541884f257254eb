"""The seeds' two-layer net trained with fl.grad matches hand-written NumPy."""
import os
import runpy

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "examples", "two_layer_net_grad.py")


def test_two_layer_net_matches_numpy_backprop():
    mod = runpy.run_path(EXAMPLE, run_name="example")
    assert mod["main"](500) <= 1e-10
