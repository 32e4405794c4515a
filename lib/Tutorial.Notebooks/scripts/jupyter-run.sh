#!/usr/bin/env bash
# Executes one notebook in Jupyter with the stock .NET Interactive kernel, the way a learner's Jupyter would.
# Usage: lib/Tutorial.Notebooks/scripts/jupyter-run.sh notebooks/NN-name.ipynb [OUT_DIR]
# Needs Debian's jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client (installed here when missing and root).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
notebook="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-$root/artifacts/jupyter}"
mkdir -p "$out"

if ! command -v jupyter-nbconvert >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client >/dev/null
  else
    echo "error: Jupyter is missing; install it with: sudo apt-get install -y jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client" >&2
    exit 2
  fi
fi

# The kernel spec runs 'dotnet interactive jupyter', which finds the repository's tool manifest from the notebook's folder.
cd "$root"
dotnet tool restore >/dev/null
kernels="$root/artifacts/jupyter-kernels"
mkdir -p "$kernels/kernels"
dotnet dotnet-interactive jupyter install --path "$kernels/kernels" >/dev/null

# Run from the notebook's folder so relative #r paths resolve as in the editor.
cd "$(dirname "$notebook")"
PYDEVD_DISABLE_FILE_VALIDATION=1 JUPYTER_PATH="$kernels" jupyter nbconvert --to notebook --execute \
  --ExecutePreprocessor.timeout=300 --output-dir "$out" "$notebook"
