#!/usr/bin/env bash
# The README's test command. Installs what the tests need (as root, from Debian's packages),
# starts one RabbitMQ and one PostgreSQL on loopback for the whole run, builds the solution,
# checks formatting, runs every test, and ends with one total line:
#   N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

log() { printf '\n== %s\n' "$*" >&2; }

# --- what the machine needs -------------------------------------------------
missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/docker-compose ] || missing+=(docker-compose)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
fi

# --- servers for the run ----------------------------------------------------
# Tests use these through KU_TEST_RABBITMQ_URI / KU_TEST_POSTGRES; a test that must stop its
# broker starts a private one. Without these variables every test process starts its own.
work=$(mktemp -d /tmp/ku-test-run.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

cleanup() {
  [ -n "${rabbit_pid:-}" ] && kill -TERM "$rabbit_pid" 2>/dev/null && wait "$rabbit_pid" 2>/dev/null
  [ -d "$work/pg/data" ] && as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${KU_TEST_RABBITMQ_URI:-}" ]; then
  log "starting RabbitMQ"
  rabbit_port=$(free_port); dist_port=$(free_port)
  mkdir -p "$work/rabbit"
  echo '[].' > "$work/rabbit/enabled_plugins"
  printf 'loopback_users = none\nlisteners.tcp.default = 127.0.0.1:%s\nlog.console = false\n' "$rabbit_port" > "$work/rabbit/rabbitmq.conf"
  HOME="$work/rabbit" RABBITMQ_NODENAME="ku-run-$rabbit_port@localhost" RABBITMQ_NODE_PORT=$rabbit_port \
    RABBITMQ_DIST_PORT=$dist_port RABBITMQ_MNESIA_BASE="$work/rabbit/mnesia" RABBITMQ_LOG_BASE="$work/rabbit/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$work/rabbit/enabled_plugins" RABBITMQ_CONFIG_FILE="$work/rabbit/rabbitmq" \
    /usr/lib/rabbitmq/bin/rabbitmq-server >"$work/rabbit/out.log" 2>&1 &
  rabbit_pid=$!
  for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/$rabbit_port) 2>/dev/null && break; sleep 0.2; done
  (exec 3<>/dev/tcp/127.0.0.1/$rabbit_port) 2>/dev/null || { cat "$work/rabbit/out.log" >&2; echo "RabbitMQ did not start" >&2; exit 1; }
  export KU_TEST_RABBITMQ_URI="amqp://guest:guest@127.0.0.1:$rabbit_port/"
fi

if [ -z "${KU_TEST_POSTGRES:-}" ]; then
  log "starting PostgreSQL"
  pg_port=$(free_port)
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg" && chmod 755 "$work"
  as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
    || { echo "initdb failed" >&2; exit 1; }
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null \
    || { cat "$work/pg/log" >&2; echo "PostgreSQL did not start" >&2; exit 1; }
  export KU_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

# --- build, style, tests ----------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building"
dotnet build KollegialtUtbyte.sln -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

log "checking formatting (dotnet format --verify-no-changes)"
format_failed=0
dotnet format KollegialtUtbyte.sln --verify-no-changes --no-restore -v q || format_failed=1

log "running tests"
results="$work/results"
mkdir -p "$results"
# The fault campaign (tests/Resilience.Tests) runs its short size unless KU_FAULT_CAMPAIGN says
# otherwise (full, or off) and writes its summary table here, printed after the tests.
export KU_FAULT_CAMPAIGN_SUMMARY="$work/fault-campaign.md"
dotnet test KollegialtUtbyte.sln --no-build -nologo --logger "trx" --results-directory "$results" 2>&1 | tee "$work/test.log"
test_status=${PIPESTATUS[0]}
if [ -s "$KU_FAULT_CAMPAIGN_SUMMARY" ]; then
  log "fault campaign (${KU_FAULT_CAMPAIGN:-short})"
  cat "$KU_FAULT_CAMPAIGN_SUMMARY"
fi

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 7, Skipped: 0, Total: 7 ...";
# an assembly whose every test was skipped says "Skipped! - ...").
# Assemblies run in parallel and two summaries can share a line, so take every match, not lines.
summary='(Passed|Failed|Skipped)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+'
read -r passed failed skipped < <(grep -oE "$summary" "$work/test.log" | awk -F'[:,]' \
  '{ f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
expected=$(dotnet sln KollegialtUtbyte.sln list | grep -c 'Tests\.csproj$')
reported=$(grep -oE "$summary" "$work/test.log" | wc -l)
if [ "$reported" -lt "$expected" ]; then
  echo "Only $reported of $expected test projects reported results (a test host crashed?)" >&2
  failed=$((failed + expected - reported))
fi
if [ "$format_failed" -ne 0 ]; then
  echo "Formatting differs from .editorconfig: run 'dotnet format KollegialtUtbyte.sln'" >&2
  failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$test_status" -eq 0 ] && [ "$failed" -eq 0 ]
