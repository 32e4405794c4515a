#!/usr/bin/env bash
# Executes one notebook in Jupyter with the stock .NET Interactive kernel, the way a learner's Jupyter would, and fails
# (exit 1) at the first cell that fails. The kernel is set up by .devcontainer/setup-jupyter.sh (the dev container's
# Jupyter fallback) into a private folder, artifacts/jupyter, so the machine's own Jupyter folders are left alone.
# Usage: lib/Tutorial.Notebooks/scripts/jupyter-run.sh notebooks/NN-name.ipynb [OUT_DIR]   (OUT_DIR: artifacts/jupyter/out)
set -euo pipefail
[ $# -ge 1 ] && [ -f "$1" ] || { echo "usage: $0 NOTEBOOK.ipynb [OUT_DIR]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../../.." && pwd)"
notebook="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-$root/artifacts/jupyter/out}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

jupyter_dir="$root/artifacts/jupyter"
"$root/.devcontainer/setup-jupyter.sh" --jupyter-dir "$jupyter_dir"

# Run from the notebook's folder, as VS Code's Jupyter extension does, so relative #r paths resolve as in the editor and
# the kernel's `dotnet interactive` finds the repository's tool manifest.
cd "$(dirname "$notebook")"
PYDEVD_DISABLE_FILE_VALIDATION=1 JUPYTER_PATH="$jupyter_dir" /usr/bin/jupyter nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=.net-csharp --ExecutePreprocessor.timeout=300 --output-dir "$out" "$notebook"
