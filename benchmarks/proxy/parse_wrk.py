"""One CSV line from wrk --latency output: requests/s, p50, p99 and the proxy's CPU per request."""
import re
import sys

path, round_, target, case, ticks, hz, duration = sys.argv[1:]
text = open(path, encoding="utf-8").read()


def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s*50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s*99%\s+(\S+)", text, re.M).group(1))
requests = rps * float(duration)
cpu = int(ticks) / int(hz) * 1e6 / requests if requests else 0.0
if re.search(r"Non-2xx or 3xx responses", text) or re.search(r"Socket errors", text):
    print(f"warning: {target} {case}: errors in wrk output", file=sys.stderr)
print(f"{round_},{target},{case},{rps:.0f},{p50:.2f},{p99:.2f},{cpu:.1f}")
