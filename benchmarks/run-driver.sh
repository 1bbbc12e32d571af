#!/usr/bin/env bash
# Builds one benchmark driver (a project under benchmarks/) in Release and runs it, its settings
# passed on in the environment. The report goes to benchmarks/results/<report>.md (or OUT);
# progress and the hosts' logs go to standard error. Called by the benchmarks' run.sh scripts:
#
#   benchmarks/run-driver.sh EventPath event-path
set -euo pipefail

PROJECT="$1"
REPORT="$2"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(realpath -m "${OUT:-$ROOT/benchmarks/results/$REPORT.md}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building (Release)…" >&2
dotnet build "$ROOT/benchmarks/$PROJECT" -c Release -clp:ErrorsOnly >/dev/null

OUT="$OUT" dotnet "$ROOT/benchmarks/$PROJECT/bin/Release/net10.0/KollegialtUtbyte.Benchmarks.$PROJECT.dll" >&2
