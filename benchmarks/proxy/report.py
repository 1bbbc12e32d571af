"""The proxy benchmark's markdown: medians over the rounds, and the ratios the targets speak of."""
import csv
import datetime
import os
import statistics
import sys

path, rss_kb, rounds, duration, connections, threads, gateway_env = sys.argv[1:]
rows = list(csv.DictReader(open(path, encoding="utf-8")))


def median(target, case, field):
    values = [float(r[field]) for r in rows if r["target"] == target and r["case"] == case]
    return statistics.median(values) if values else float("nan")


cases = [("get", "GET small JSON, public route"), ("post", "POST 10 KB, public route"), ("get-token", "GET small JSON, bearer token")]
load = os.getloadavg()
print("# Proxy benchmark: gateway (YARP) vs nginx vs direct")
print()
print(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
      f"(load average at the end {load[0]:.1f}); wrk -t{threads} -c{connections}, {rounds} interleaved rounds of {duration} s per case, medians."
      + (f" Gateway environment: `{gateway_env}`." if gateway_env else ""))
print("Command: `benchmarks/proxy/run.sh` (see benchmarks/README.md). Numbers measured while other work ran on the")
print("machine are indicative only; the ratios within one run are what count, and the script is the reference.")
print()
print("| case | target | req/s | p50 ms | p99 ms | proxy CPU µs/req |")
print("|---|---|---:|---:|---:|---:|")
for case, title in cases:
    for target in ("direct", "nginx", "gateway"):
        cpu = "—" if target == "direct" else f"{median(target, case, 'cpu_us_per_request'):.0f}"
        print(f"| {title} | {target} | {median(target, case, 'rps'):.0f} | {median(target, case, 'p50_ms'):.2f} | {median(target, case, 'p99_ms'):.2f} | {cpu} |")
print()
print("| ratio | measured | target |")
print("|---|---:|---:|")
get = median("gateway", "get", "rps") / median("nginx", "get", "rps")
post = median("gateway", "post", "rps") / median("nginx", "post", "rps")
cpu_get = median("gateway", "get", "cpu_us_per_request") / median("nginx", "get", "cpu_us_per_request")
p99_get = median("gateway", "get", "p99_ms") / median("nginx", "get", "p99_ms")
token = median("gateway", "get-token", "cpu_us_per_request") / median("gateway", "get", "cpu_us_per_request")
print(f"| gateway / nginx req/s, GET | {get:.2f}× | ≥ 0.9× |")
print(f"| gateway / nginx req/s, POST 10 KB | {post:.2f}× | ≥ 0.8× |")
print(f"| gateway / nginx p99, GET | {p99_get:.2f}× | ≤ 1× |")
print(f"| gateway / nginx CPU per request, GET | {cpu_get:.2f}× | ≤ 2× |")
print(f"| gateway CPU per request, token / public | {token:.2f}× | ≤ 1.5× |")
print(f"| gateway / direct req/s, GET | {median('gateway', 'get', 'rps') / median('direct', 'get', 'rps'):.2f}× | — |")
print()
print(f"Gateway RSS after the run: {int(rss_kb) / 1024:.0f} MB.")
