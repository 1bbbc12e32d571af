#!/usr/bin/env bash
# Event path benchmark: outbox commit → RabbitMQ (quorum queue) → consumer with inbox, on
# PostgreSQL, against raw RabbitMQ.Client publish/consume of the same messages, in one run.
# Needs dotnet, and either running servers named by KU_TEST_RABBITMQ_URI and KU_TEST_POSTGRES or
# the Debian packages rabbitmq-server and postgresql (then it starts private ones on free loopback
# ports and stops them at the end). Writes benchmarks/results/event-path.md (or OUT); progress
# and the hosts' logs go to standard error.
#
#   benchmarks/event-path/run.sh
#   ROUNDS=5 MESSAGES=2000 benchmarks/event-path/run.sh   # rounds (3), messages per throughput round (1000)
#   CONCURRENCY=32 benchmarks/event-path/run.sh           # sends under way at once in the throughput rounds (16)
#   LATENCY_MESSAGES=500 benchmarks/event-path/run.sh     # one-in-flight samples per round (200)
#   BREAKDOWN=0 benchmarks/event-path/run.sh              # without the MassTransit-without-outbox row
set -euo pipefail

exec "$(dirname "$0")/../run-driver.sh" EventPath event-path
