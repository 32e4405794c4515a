#!/usr/bin/env bash
# Runs benchmark suites in Release and saves BenchmarkDotNet's own results in results/ (next to this script): per suite its
# JSON export (*-report-brief.json, which lesson 11 reads with BenchmarkResult.Load) and its GitHub markdown table, plus
# environment.txt (machine, runtime and load of the latest run). Any arguments go to BenchmarkDotNet; the default is
# every suite with its own jobs.
#   tests/Tutorial.Benchmarks/run-and-save.sh                                   # full run
#   tests/Tutorial.Benchmarks/run-and-save.sh --filter '*' --job short          # a few minutes
#   tests/Tutorial.Benchmarks/run-and-save.sh --filter '*WorkerPool*'           # one suite (its files are replaced)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
results="$here/results"
artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT
if [ "$#" -eq 0 ]; then set -- --filter '*'; fi

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# BenchmarkDotNet stamps each summary (and so each JSON export's Title) with the local time the suite started: make it UTC.
TZ=UTC dotnet run -c Release --project "$here" -- "$@" --artifacts "$artifacts"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$results"
shopt -s nullglob
copied=0
for f in "$artifacts"/results/*-report-brief.json "$artifacts"/results/*-report-github.md; do
  cp "$f" "$results/"
  copied=$((copied + 1))
done
if [ "$copied" -eq 0 ]; then
  echo "BenchmarkDotNet wrote no results (did the filter match?): $results is unchanged." >&2
  exit 1
fi

{
  echo "# Where and how the latest run of run-and-save.sh was measured (each suite's JSON carries its own run date in its Title)."
  echo "started_utc: $started"
  echo "finished_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "arguments: $*"
  echo "commit: $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$here" diff --quiet HEAD -- "$here/../../lib" "$here" ":(exclude)$here/results" 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "os: $(uname -srm)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc) logical cores"
  echo "memory: $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1048576}')"
  echo "dotnet_sdk: $(dotnet --version)"
  echo "runtime: $(dotnet --list-runtimes | grep Microsoft.NETCore.App | tail -n 1 | cut -d' ' -f1-2)"
  echo "load_average_before: $load_before"
  echo "load_average_after: $load_after"
  echo "note: BenchmarkDotNet's own environment header is at the top of each *-report-github.md."
} > "$results/environment.txt"
echo "Saved results in $results"
