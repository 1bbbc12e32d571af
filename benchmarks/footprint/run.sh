#!/usr/bin/env bash
# Footprint benchmark: time to /health/ready and resident memory (at ready, idle, after load) of
# the embedded host, the gateway and (with SERVICES) each service, from their Release build,
# under each GC setting in VARIANTS. Needs dotnet, wrk, python3. Writes benchmarks/results/footprint.md.
#
#   benchmarks/footprint/run.sh
#   STARTS=5 benchmarks/footprint/run.sh                              # starts per target and variant (3)
#   SERVICES="Regions Meetings Feedback Identity Notifications" benchmarks/footprint/run.sh
#   READY_TO_RUN=1 benchmarks/footprint/run.sh                       # also the host published ReadyToRun (HostReadyToRun)
#   VARIANTS="default;DOTNET_gcServer=0;DOTNET_gcServer=0 DOTNET_GCgen0size=0x2000000" benchmarks/footprint/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/ku-footprint.XXXXXX)"
TARGETS="Host Gateway ${SERVICES:-}"

# The build output, not publish: the host's publish trips over the modules' identical appsettings files.
echo "Building (Release)…"
for target in $TARGETS; do
  dotnet build "$ROOT/services/$target" -c Release -clp:ErrorsOnly >/dev/null
  ln -s "$ROOT/services/$target/bin/Release/net10.0" "$WORK/$target"
done

# ReadyToRun needs a publish (and the crossgen2 package from NuGet); the modules' identical
# appsettings files are the only duplicates, and the host's own wins as in the build output.
if [ "${READY_TO_RUN:-0}" = 1 ]; then
  dotnet publish "$ROOT/services/Host" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -p:ErrorOnDuplicatePublishOutputFiles=false -o "$WORK/HostReadyToRun" -clp:ErrorsOnly >/dev/null
  TARGETS="$TARGETS HostReadyToRun=Host"
fi

# Outside Development the identity module wants a signing key it is given.
openssl genrsa -out "$WORK/signing.pem" 2048 2>/dev/null
export Identity__SigningKeys__0__Path="$WORK/signing.pem"

python3 "$ROOT/benchmarks/footprint/measure.py" "$WORK" "${STARTS:-3}" "${VARIANTS:-default;DOTNET_gcServer=0}" $TARGETS \
  >"${OUT:-$ROOT/benchmarks/results/footprint.md}"
cat "${OUT:-$ROOT/benchmarks/results/footprint.md}"
