"""Starts each published target, times it to /health/ready and reads its RSS at ready, idle and after load."""
import datetime
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

work, starts, variants, *targets = sys.argv[1:]
starts = int(starts)
variants = [v.strip() for v in variants.split(";") if v.strip()]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except Exception:
        return False


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def environment(target, port, data, variant):
    env = dict(os.environ)
    env.update({
        "ASPNETCORE_URLS": f"http://127.0.0.1:{port}",
        # Not Production: there the portal (in the host) insists on a certificate-protected key ring.
        "ASPNETCORE_ENVIRONMENT": "Staging",
        "Logging__LogLevel__Default": "Warning",
        "Auth__Authority": f"http://127.0.0.1:{port}",
        "Auth__RequireHttpsMetadata": "false",
        "Database__Provider": "Sqlite",
        "Database__DataDirectory": data,
        "Messaging__Transport": "InMemory",
        "Seeds__Enabled": "false",
        "DataProtection__KeysPath": os.path.join(data, "keys"),
    })
    if variant != "default":
        for pair in variant.split():
            key, value = pair.split("=", 1)
            env[key] = value
    return env


# What "after load" means: a few seconds of reads each target answers without a token.
LOAD_PATHS = {"Host": "/api/regions/openapi.json", "Gateway": "/api/docs/"}


def measure(target, variant):
    # "Label=Project": the project's build under work/Label (e.g. a ReadyToRun publish of the host).
    label, _, project = target.partition("=")
    project = project or label
    port = free_port()
    data = tempfile.mkdtemp(prefix=f"ku-footprint-{label}-")
    dll = os.path.join(work, label, f"KollegialtUtbyte.{project}.dll")
    started = time.monotonic()
    process = subprocess.Popen(["dotnet", dll], cwd=os.path.join(work, label), env=environment(project, port, data, variant),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = started + 120
        while not answers(f"http://127.0.0.1:{port}/health/ready"):
            if process.poll() is not None or time.monotonic() > deadline:
                return None
            time.sleep(0.05)
        ready = time.monotonic() - started
        at_ready = rss_mb(process.pid)
        time.sleep(10)
        idle = rss_mb(process.pid)
        path = LOAD_PATHS.get(project, "/health/ready")
        subprocess.run(["wrk", "-t1", "-c16", "-d10s", f"http://127.0.0.1:{port}{path}"], stdout=subprocess.DEVNULL, check=False)
        loaded = rss_mb(process.pid)
        return ready, at_ready, idle, loaded
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(data, ignore_errors=True)


results = {}
for round_ in range(starts):
    for target in targets:
        for variant in variants:
            outcome = measure(target, variant)
            if outcome:
                results.setdefault((target, variant), []).append(outcome)
            print(f"{target} [{variant}] start {round_ + 1}: {outcome}", file=sys.stderr)

load = os.getloadavg()
print("# Footprint: time to ready and memory")
print()
print(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores (load average at the end {load[0]:.1f}); "
      f"{starts} starts per target and setting, medians; Release build, SQLite, in-memory messaging, no seed data, environment Staging.")
print("Command: `benchmarks/footprint/run.sh` (see benchmarks/README.md). Times taken while other work ran on the machine")
print("are indicative only (they include the machine's queueing); compare settings within one run.")
print()
print("| process | setting | ready s (first start) | ready s (median) | RSS at ready MB | RSS idle 10 s MB | RSS after 10 s of reads MB |")
print("|---|---|---:|---:|---:|---:|---:|")
for target in targets:
    for variant in variants:
        runs = results.get((target, variant), [])
        if not runs:
            print(f"| {target.partition('=')[0]} | `{variant}` | did not get ready | | | | |")
            continue
        median = [statistics.median(r[i] for r in runs) for i in range(4)]
        print(f"| {target.partition('=')[0]} | `{variant}` | {runs[0][0]:.2f} | {median[0]:.2f} | {median[1]:.0f} | {median[2]:.0f} | {median[3]:.0f} |")
print()
print("Targets: embedded host ready < 3 s warm and < 150 MB after load; each service < 100 MB.")
