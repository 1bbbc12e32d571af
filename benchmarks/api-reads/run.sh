#!/usr/bin/env bash
# API reads benchmark: the services' main list endpoints, each served in-process to a signed-in
# client, against a raw ADO.NET query of the same rows from the same database, on SQLite and
# PostgreSQL, at 1, 20 and 100 items. Needs dotnet, and for PostgreSQL either a server named by
# KU_TEST_POSTGRES or the Debian package postgresql (then it starts a private one on a free
# loopback port and stops it at the end). Writes benchmarks/results/api-reads.md (or OUT); progress
# and the services' logs go to standard error.
#
#   benchmarks/api-reads/run.sh
#   ROUNDS=5 DURATION=5 benchmarks/api-reads/run.sh   # rounds (3), seconds per case and candidate (3)
#   CONCURRENCY=8 benchmarks/api-reads/run.sh         # requests under way at once (4)
#   PROVIDERS=sqlite benchmarks/api-reads/run.sh      # databases (sqlite postgres)
#   PAGE_SIZES="1 20 100" benchmarks/api-reads/run.sh # items per list
set -euo pipefail

exec "$(dirname "$0")/../run-driver.sh" ApiReads api-reads
