"""The scientific-layer examples run at small sizes and learn: a neural ODE
(odeint + optimizers.adam), a GP hyperparameter fit (minimize L-BFGS-B) and an
MLP trained with optimizers.adam."""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(name, *args):
    env = dict(os.environ, PYTHONPATH=ROOT, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    r = subprocess.run([sys.executable, os.path.join(ROOT, "examples", name), *args],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_neural_ode_fit_learns():
    out = run("neural_ode.py", "25")
    first, final = map(float, re.search(r"first loss ([\d.]+) final loss ([\d.]+)", out).groups())
    assert final < 0.8 * first


def test_gp_hyperparameters_by_lbfgs():
    out = run("gp_lbfgs.py", "40")
    assert "CONVERGENCE" in out
    before, after = map(float, re.search(r"nlml ([-\d.]+) -> ([-\d.]+)", out).groups())
    assert after < before - 10
    assert float(out.strip().splitlines()[-1].split()[-1]) < 0.2


def test_mlp_trained_with_optimizers_adam():
    out = run("mlp_adam.py", "100")
    assert float(re.search(r"accuracy ([\d.]+)", out).group(1)) > 0.95
