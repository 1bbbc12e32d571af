#!/usr/bin/env bash
# Proxy benchmark: the gateway (YARP) against nginx (keepalive upstream) and against no proxy,
# all in front of the same backend, in interleaved rounds. Needs dotnet, nginx (nginx-light),
# wrk, curl and python3. Writes benchmarks/results/proxy.md and the raw proxy.csv next to it.
#
#   benchmarks/proxy/run.sh                          # 3 rounds of 10 s per case
#   ROUNDS=5 DURATION=20 benchmarks/proxy/run.sh
#   CONNECTIONS=32 THREADS=1                         # wrk's -c and -t (the defaults)
#   GATEWAY_ENV="DOTNET_gcServer=0" benchmarks/proxy/run.sh   # extra environment for the gateway
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-1}"
OUT="${OUT:-$ROOT/benchmarks/results/proxy.md}"
WORK="$(mktemp -d /tmp/ku-proxy-bench.XXXXXX)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() {
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1" >&2
  exit 1
}

echo "Building (Release)…"
dotnet publish "$ROOT/benchmarks/ProxyBackend" -c Release -o "$WORK/backend" -clp:ErrorsOnly >/dev/null
dotnet publish "$ROOT/services/Gateway" -c Release -o "$WORK/gateway" -clp:ErrorsOnly >/dev/null

BACKEND_PORT=$(free_port)
NGINX_PORT=$(free_port)
GATEWAY_PORT=$(free_port)

BENCH_INFO="$WORK/info" ASPNETCORE_URLS="http://127.0.0.1:$BACKEND_PORT" \
  dotnet "$WORK/backend/KollegialtUtbyte.Benchmarks.ProxyBackend.dll" >"$WORK/backend.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$BACKEND_PORT/api/bench/small"
for _ in $(seq 1 100); do [ -s "$WORK/info" ] && break; sleep 0.1; done
ISSUER=$(sed -n 's/^ISSUER=//p' "$WORK/info")
TOKEN=$(sed -n 's/^TOKEN=//p' "$WORK/info")

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 30m;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
    }
  }
}
NGINX
nginx -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
PIDS+=($NGINX_PID)
wait_for "http://127.0.0.1:$NGINX_PORT/api/bench/small"

# shellcheck disable=SC2086
env ASPNETCORE_URLS="http://127.0.0.1:$GATEWAY_PORT" ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  Auth__Authority="$ISSUER" Auth__RequireHttpsMetadata=false \
  Gateway__Destinations__regions__Address="http://127.0.0.1:$BACKEND_PORT" \
  Gateway__Routes__bench__PathPrefix=/api/bench Gateway__Routes__bench__Destination=regions Gateway__Routes__bench__Public=true \
  Gateway__Routes__secure__PathPrefix=/api/secure Gateway__Routes__secure__Destination=regions \
  Gateway__RateLimits__PerUser__PermitLimit=1000000000 Gateway__RateLimits__PerIp__PermitLimit=1000000000 \
  ${GATEWAY_ENV:-} \
  dotnet "$WORK/gateway/KollegialtUtbyte.Gateway.dll" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=($GATEWAY_PID)
wait_for "http://127.0.0.1:$GATEWAY_PORT/api/bench/small"
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT/api/secure/small" \
  || { echo "the gateway refused the benchmark token; see $WORK/gateway.log" >&2; exit 1; }

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = string.rep("x", 10240)
wrk.headers["Content-Type"] = "application/octet-stream"
LUA
cat >"$WORK/token.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

# CPU ticks (user + system) of a process and its children (nginx's workers).
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

CSV="$WORK/results.csv"
echo "round,target,case,rps,p50_ms,p99_ms,cpu_us_per_request" >"$CSV"
run_case() { # round target port pid case
  local round=$1 target=$2 port=$3 pid=$4 case=$5 path script=() before after
  case "$case" in
    get) path=/api/bench/small ;;
    post) path=/api/bench/upload; script=(-s "$WORK/post.lua") ;;
    get-token) path=/api/secure/small; script=(-s "$WORK/token.lua") ;;
  esac
  before=0; after=0
  [ "$pid" = 0 ] || before=$(cpu_ticks "$pid")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "http://127.0.0.1:$port$path" >"$WORK/wrk.txt"
  [ "$pid" = 0 ] || after=$(cpu_ticks "$pid")
  python3 "$ROOT/benchmarks/proxy/parse_wrk.py" "$WORK/wrk.txt" "$round" "$target" "$case" "$((after - before))" "$(getconf CLK_TCK)" "$DURATION" >>"$CSV"
  tail -1 "$CSV"
}

echo "Warming up…"
for port in "$BACKEND_PORT" "$NGINX_PORT" "$GATEWAY_PORT"; do
  wrk -t1 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$port/api/bench/small" >/dev/null
  wrk -t1 -c"$CONNECTIONS" -d3s -s "$WORK/post.lua" "http://127.0.0.1:$port/api/bench/upload" >/dev/null
done
wrk -t1 -c"$CONNECTIONS" -d3s -s "$WORK/token.lua" "http://127.0.0.1:$GATEWAY_PORT/api/secure/small" >/dev/null

for round in $(seq 1 "$ROUNDS"); do
  for case in get post get-token; do
    run_case "$round" direct "$BACKEND_PORT" 0 "$case"
    run_case "$round" nginx "$NGINX_PORT" "$NGINX_PID" "$case"
    run_case "$round" gateway "$GATEWAY_PORT" "$GATEWAY_PID" "$case"
  done
done

GATEWAY_RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$GATEWAY_PID/status")
cp "$CSV" "${OUT%.md}.csv"
python3 "$ROOT/benchmarks/proxy/report.py" "$CSV" "$GATEWAY_RSS_KB" "$ROUNDS" "$DURATION" "$CONNECTIONS" "$THREADS" "${GATEWAY_ENV:-}" >"$OUT"
cat "$OUT"
