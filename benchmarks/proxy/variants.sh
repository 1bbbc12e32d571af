#!/usr/bin/env bash
# Gateway settings side by side: one backend, one gateway per variant (each variant a list of
# environment settings, "-" for none), GET small JSON and POST 10 KB against each in interleaved
# rounds. Prints one CSV line per run (requests/s, p99, the gateway's CPU µs per request) and the
# medians per variant. No nginx: for the targets, use run.sh (GATEWAY_ENV there for one variant).
#
#   benchmarks/proxy/variants.sh - "DOTNET_gcServer=0" "OTEL_SDK_DISABLED=true"
#   ROUNDS=3 DUR=5 benchmarks/proxy/variants.sh ...
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROUNDS=${ROUNDS:-3}; DUR=${DUR:-5}
W=$(mktemp -d /tmp/ku-proxy-variants.XXXXXX)
dotnet publish "$ROOT/benchmarks/ProxyBackend" -c Release -o "$W/backend" -clp:ErrorsOnly >/dev/null
dotnet publish "$ROOT/services/Gateway" -c Release -o "$W/gateway" -clp:ErrorsOnly >/dev/null
GW="$W/gateway"; BE="$W/backend"
fp() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PIDS=(); cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }; trap cleanup EXIT
BP=$(fp)
BENCH_INFO="$W/info" ASPNETCORE_URLS="http://127.0.0.1:$BP" dotnet "$BE/KollegialtUtbyte.Benchmarks.ProxyBackend.dll" >"$W/be.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 300); do curl -fs -o /dev/null http://127.0.0.1:$BP/api/bench/small && break; sleep 0.1; done
ISSUER=$(sed -n 's/^ISSUER=//p' "$W/info")
PORTS=(); GPIDS=(); VARS=("$@")
for v in "${VARS[@]}"; do
  GP=$(fp); EXTRA=""; [ "$v" = "-" ] || EXTRA="$v"
  env ASPNETCORE_URLS="http://127.0.0.1:$GP" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Auth__Authority="$ISSUER" Auth__RequireHttpsMetadata=false \
    Gateway__Destinations__regions__Address="http://127.0.0.1:$BP" \
    Gateway__Routes__bench__PathPrefix=/api/bench Gateway__Routes__bench__Destination=regions Gateway__Routes__bench__Public=true \
    Gateway__Routes__secure__PathPrefix=/api/secure Gateway__Routes__secure__Destination=regions \
    Gateway__RateLimits__PerUser__PermitLimit=1000000000 Gateway__RateLimits__PerIp__PermitLimit=1000000000 \
    $EXTRA dotnet "$GW/KollegialtUtbyte.Gateway.dll" >"$W/gw$GP.log" 2>&1 &
  GPIDS+=($!); PIDS+=($!); PORTS+=($GP)
done
for GP in "${PORTS[@]}"; do for i in $(seq 1 300); do curl -fs -o /dev/null http://127.0.0.1:$GP/api/bench/small && break; sleep 0.1; done; done
cat >"$W/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = string.rep("x", 10240)
wrk.headers["Content-Type"] = "application/octet-stream"
LUA
for GP in "${PORTS[@]}"; do wrk -t1 -c32 -d3s http://127.0.0.1:$GP/api/bench/small >/dev/null; wrk -t1 -c32 -d2s -s $W/post.lua http://127.0.0.1:$GP/api/bench/upload >/dev/null; done
ticks() { awk '{print $14 + $15}' /proc/$1/stat; }
echo "round,variant,case,rps,p99,cpu_us" | tee "$W/runs.csv"
for r in $(seq 1 $ROUNDS); do
  for c in get post; do
    for i in "${!PORTS[@]}"; do
      GP=${PORTS[$i]}; P=${GPIDS[$i]}
      if [ $c = get ]; then a=(http://127.0.0.1:$GP/api/bench/small); else a=(-s $W/post.lua http://127.0.0.1:$GP/api/bench/upload); fi
      b=$(ticks $P); wrk -t1 -c32 -d${DUR}s --latency "${a[@]}" > $W/w.txt; e=$(ticks $P)
      rps=$(sed -n 's/Requests\/sec:\s*//p' $W/w.txt); p99=$(awk '$1=="99%"{print $2}' $W/w.txt)
      cpu=$(python3 -c "print(round(($e-$b)/$(getconf CLK_TCK)*1e6/($rps*$DUR),1))")
      echo "$r,${VARS[$i]},$c,$rps,$p99,$cpu" | tee -a "$W/runs.csv"
    done
  done
done
echo
echo "medians (req/s, CPU µs per request):"
python3 - "$W/runs.csv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for variant in dict.fromkeys(r["variant"] for r in rows):
    parts = []
    for case in ("get", "post"):
        mine = [r for r in rows if r["variant"] == variant and r["case"] == case]
        parts.append(f"{case} {statistics.median(float(r['rps']) for r in mine):.0f} req/s {statistics.median(float(r['cpu_us']) for r in mine):.0f} µs")
    print(f"{variant}: " + ", ".join(parts))
PY
