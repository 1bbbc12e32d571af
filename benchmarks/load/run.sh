#!/usr/bin/env bash
# Load scenario: virtual users through the gateway of the distributed mode (every service its own
# process, PostgreSQL, RabbitMQ) on the day invitations go out: team members and politicians read
# their start data and invitations and answer them, administrators read the lists. Reports
# throughput, p50/p95/p99 and errors (expected: 0) per request. Needs dotnet, and either running
# servers named by KU_TEST_RABBITMQ_URI and KU_TEST_POSTGRES or the Debian packages
# rabbitmq-server and postgresql (then it starts private ones on free loopback ports and stops
# them at the end). Writes benchmarks/results/load.md (or OUT); progress goes to standard error.
# Exits non-zero when any request failed.
#
#   benchmarks/load/run.sh
#   USERS=200 DURATION=60 benchmarks/load/run.sh     # virtual users (200), seconds of load (60)
#   THINK_MS=1000 benchmarks/load/run.sh             # mean pause between a user's requests (1000; 0.5–1.5×)
#   ADMINISTRATOR_USERS=20 benchmarks/load/run.sh    # of the users, administrators (a tenth)
set -euo pipefail

exec "$(dirname "$0")/../run-driver.sh" Load load
