#!/usr/bin/env bash
# The Jupyter fallback for when the Polyglot Notebooks extension is unavailable: installs Python 3 and Jupyter (from apt)
# and registers the .NET Interactive kernels (.net-csharp, .net-fsharp, .net-powershell) from the repository's pinned
# local tool (.config/dotnet-tools.json), so VS Code's Jupyter extension, or any Jupyter, runs the lessons.
#
# Usage: .devcontainer/setup-jupyter.sh [--jupyter-dir DIR]
#   DIR  the Jupyter data folder whose kernels/ gets the kernel specs. Default: ${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter},
#        the user's folder that Jupyter and VS Code's Jupyter extension search. With another DIR, run Jupyter with
#        JUPYTER_PATH=DIR (that is what .ci/run does, to leave the machine's own Jupyter folders alone).
#
# Runs on Ubuntu (the dev container's noble image) and Debian (CI), as root or as a user with password-less sudo.
# Safe to run again: it installs only what is missing and rewrites the kernel specs.
set -euo pipefail

jupyter_dir="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}"
while [ $# -gt 0 ]; do
  case "$1" in
    --jupyter-dir) [ $# -ge 2 ] || { echo "error: --jupyter-dir needs a folder" >&2; exit 2; }; jupyter_dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (usage: $0 [--jupyter-dir DIR])" >&2; exit 2 ;;
  esac
done
mkdir -p "$jupyter_dir/kernels"
jupyter_dir="$(cd "$jupyter_dir" && pwd)"   # a relative DIR means relative to where the script was called from
kernels="$jupyter_dir/kernels"
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1
export PYDEVD_DISABLE_FILE_VALIDATION=1   # silences ipykernel's debugger warning about frozen modules

# The same package names exist on Debian 12 and Ubuntu 24.04; they pull in python3.
packages=(python3 jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client)

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    echo "error: installing ${missing[*]} needs root; run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || { echo "error: no apt-get here; install ${missing[*]} (or pip install nbconvert nbclient ipykernel jupyter-client) yourself" >&2; exit 1; }
  echo "setup-jupyter: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The kernel spec runs `dotnet interactive jupyter`: the pinned local tool, found from the notebook's folder upward.
dotnet tool restore >/dev/null
dotnet dotnet-interactive jupyter install --path "$kernels" >/dev/null

[ -f "$kernels/.net-csharp/kernel.json" ] || { echo "error: no .net-csharp kernel spec was written to $kernels" >&2; exit 1; }
# The system's Jupyter (not a python3 that a version manager may put first on PATH) must see the kernel. The list is
# read whole before grep looks at it: `grep -q` stops at the first match, and the broken pipe fails the listing itself.
listed=$(JUPYTER_PATH="$jupyter_dir${JUPYTER_PATH:+:$JUPYTER_PATH}" /usr/bin/jupyter kernelspec list) \
  || { echo "error: jupyter kernelspec list failed" >&2; exit 1; }
grep -q '^ *\.net-csharp ' <<<"$listed" \
  || { echo "error: Jupyter does not list the .net-csharp kernel from $kernels:" >&2; echo "$listed" >&2; exit 1; }
echo "setup-jupyter: Jupyter $(/usr/bin/jupyter nbconvert --version) with the .NET (C#) kernel in $kernels"
