#!/bin/bash
# Everything issue 6 needs a GPU for, as one prepared command for the device tool:
#   run(command="bash benchmarks/gpu_check.sh", timeout_s=540)
# (CuPy, PyTorch, pytest and opt_einsum are preinstalled there; nothing is fetched.)
# Writes pytest.log, bench.log and gpu.json under $OUT.
set -o pipefail
export PYTHONUNBUFFERED=1 PYTHONPATH=$PWD
OUT=${OUT:-/tmp/fl_gpu_out}; mkdir -p "$OUT"
nvidia-smi -L
python3 -c "import cupy, torch, numpy; print('cupy', cupy.__version__, 'torch', torch.__version__, 'numpy', numpy.__version__)"
# the backend-parameterised suite: its [cupy] cases run on the real GPU
timeout 240 python3 -m pytest -q -p no:cacheprovider -k "cupy or gpu" \
    tests/test_device_backend.py tests/test_facade_device.py tests/test_numpy_backend.py \
    tests/test_linalg.py tests/test_backends.py tests/test_bench_device.py 2>&1 | tee "$OUT/pytest.log"
# every fusible primitive's generated kernel, compiled by CuPy and run on the GPU
FL_FUSION_TESTS_ON=cupy timeout 120 python3 -m pytest -q -p no:cacheprovider \
    tests/test_fusion.py 2>&1 | tee "$OUT/fusion.log"
timeout 200 python3 benchmarks/bench_gpu.py --quick --json "$OUT/gpu.json" 2>&1 | tee "$OUT/bench.log"
