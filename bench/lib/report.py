"""Writes bench/run's Markdown report from the raw figures it left in its work folder.

usage: report.py <work dir> <report.md> <seconds per run> <rounds> <latency rate> <starts> <JVM options>
Every figure is given with its spread (median, min-max over the runs); each ratio is against the
baseline measured in the same run; each target says whether this run met it.
"""
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime, timezone

work, report, secs, rounds, rate, starts, jvm_opts = sys.argv[1:8]


def lines(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def read_json(name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def cmd(*args):
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception as e:  # a missing tool is reported, not fatal
        return f"unknown ({e})"


def spread(values, fmt="{:.0f}"):
    if not values:
        return "–"
    med = statistics.median(values)
    if len(values) == 1:
        return fmt.format(med)
    return f"{fmt.format(med)} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def verdict(ok):
    return "met" if ok else "**not met**"


def meminfo_gib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    return 0


cpu = "unknown"
with open("/proc/cpuinfo") as f:
    for line in f:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break

out = []
w = out.append
w(f"# SmartTown benchmark, {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M')} UTC")
w("")
w("Written by `bench/run`. Figures are medians with (min–max) over the runs; ratios compare with the")
w("baseline measured in the same run on the same machine.")
w("")
w("## Machine and versions")
w("")
w(f"- CPU: {os.cpu_count()} cores ({cpu}); memory {meminfo_gib():.1f} GiB; {platform.platform()}")
w(f"- Java: {cmd(os.path.join(os.environ['JAVA_HOME'], 'bin', 'java') if os.environ.get('JAVA_HOME') else 'java', '-version')}")
w(f"- Quarkus: 3.33.2 (services and both baseline apps); PostgreSQL: {cmd('psql', '-h', '127.0.0.1', '-U', 'postgres', '-Atc', 'show server_version')}")
w(f"- Load tools: {cmd('wrk', '-v')}; {cmd('pgbench', '--version')}; node {cmd('node', '--version')}")
w(f"- JVM options of every app measured (`dev/service-jvm-options`, as `./smarttown up` runs the services): `{jvm_opts}`")
w(f"- Runs: {starts} starts per service; {rounds} rounds of {secs} s per throughput comparison; latency at {rate} requests/s")
w("")

results = []  # (target, figure, met)
# The same targets against the second baselines (bench/README.md, "Targets"): what our code adds on
# top of the stack it is built on, and what the service adds to its own statements' cost.
against_second = []  # (target, figure, met)

# --- startup -------------------------------------------------------------------------------
startup = {}
for name, _run, ready_ms, rss_kb, quarkus_s, cpu_ms in lines("startup.tsv"):
    s = startup.setdefault(name, {"ready": [], "rss": [], "quarkus": [], "cpu": []})
    s["ready"].append(float(ready_ms))
    s["cpu"].append(float(cpu_ms))
    s["rss"].append(float(rss_kb) / 1024)
    if quarkus_s:
        s["quarkus"].append(float(quarkus_s) * 1000)
if startup:
    w("## Startup and memory per service")
    w("")
    w("Launch (`java -jar quarkus-run.jar`) to the first 200 of its readiness URL; RSS one second after")
    w("its first real request (an authenticated API call; `/hello` for the bare app). CPU: user + system")
    w("time the process used until ready, which depends less on what else the machine does than wall time.")
    w("")
    w("| app | launch → ready, ms | Quarkus' own \"started in\", ms | CPU until ready, ms | RSS after first request, MB | ready ratio | CPU ratio | RSS ratio | ready / CPU / RSS against the stack app |")
    w("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    bare = startup.get("bare-app")
    stack = startup.get("stack-app")

    def ratio(app, baseline, figure):
        return statistics.median(app[figure]) / max(statistics.median(baseline[figure]), 1)

    for name, s in startup.items():
        ready_ratio = rss_ratio = cpu_ratio = stack_ratios = "–"
        # The gateway has no database, broker or Hibernate: the stack app is not its baseline.
        if stack and name not in ("bare-app", "stack-app", "gateway"):
            stack_ratios = " / ".join(f"{ratio(s, stack, figure):.2f}×" for figure in ("ready", "cpu", "rss"))
            for label, figure in (("startup", "ready"), ("RSS", "rss")):
                r = ratio(s, stack, figure)
                against_second.append((f"{name}: {label} ≤ 1.3× the stack app", f"{r:.2f}×", r <= 1.3))
        if bare and name != "bare-app":
            rr, mr, cr = (ratio(s, bare, figure) for figure in ("ready", "rss", "cpu"))
            ready_ratio, rss_ratio, cpu_ratio = f"{rr:.2f}×", f"{mr:.2f}×", f"{cr:.2f}×"
            if name != "stack-app":
                results.append((f"{name}: startup ≤ 1.3× bare", ready_ratio, rr <= 1.3))
                results.append((f"{name}: RSS ≤ 1.3× bare", rss_ratio, mr <= 1.3))
        w(f"| {name} | {spread(s['ready'])} | {spread(s['quarkus'])} | {spread(s['cpu'])} | {spread(s['rss'])} | {ready_ratio} | {cpu_ratio} | {rss_ratio} | {stack_ratios} |")
    w("")
    if stack:
        w("The stack app (`bench/stack-app`) is the second baseline: the services' own extensions, configured as")
        w("commons configures a service (database with Flyway at start, broker, Keycloak), around one entity and one")
        w("endpoint. Its ratio to the bare app is what the stack costs; a service's ratio to it is what our code adds.")
        w("")

steps = {}
for name, step, ms in lines("startup-steps.tsv"):
    steps.setdefault(name, []).append((int(ms), step))
if steps:
    w("Where the start goes: one more, untimed start of each app with `-Dquarkus.debug.print-startup-times=true`,")
    w("Quarkus' record of its runtime startup steps (the JVM's own start before the first step is not among them;")
    w("loading the classes a step needs is part of its time).")
    w("")
    w("| app | all steps, ms | the five longest, ms |")
    w("| --- | --- | --- |")
    for name, timed in steps.items():
        timed.sort(reverse=True)
        longest = "; ".join(f"{step} {ms}" for ms, step in timed[:5])
        w(f"| {name} | {sum(ms for ms, _ in timed)} | {longest} |")
    w("")

# --- gateway -------------------------------------------------------------------------------
gw = {label: {"rps": [], "p50": [], "p99": [], "svc_us": [], "gw_us": []} for label in ("direct", "gateway")}
errors = 0
rounds = {}
for label, round_, rps, non2xx, lat, svc_us, gw_us in lines("gateway.tsv"):
    lat = json.loads(lat)
    rounds.setdefault(round_, {})[label] = (float(rps), int(non2xx or 0) + lat["errors"], lat, float(svc_us), float(gw_us))
# A round in which either path had an answer other than 2xx (an expired token, a service away) measures
# something else: it is left out of every figure and counted instead.
discarded = 0
pair_ratios = []
pair_added = []
for round_, paths in sorted(rounds.items()):
    if len(paths) < 2 or any(path[1] for path in paths.values()):
        discarded += 1
        errors += sum(path[1] for path in paths.values())
        continue
    for label, (rps, _errors, lat, svc_us, gw_us) in paths.items():
        gw[label]["rps"].append(rps)
        gw[label]["svc_us"].append(svc_us)
        gw[label]["gw_us"].append(gw_us)
        gw[label]["p50"].append(lat["latencyMs"]["p50"])
        gw[label]["p99"].append(lat["latencyMs"]["p99"])
    pair_ratios.append(paths["gateway"][0] / paths["direct"][0])
    pair_added.append(paths["gateway"][2]["latencyMs"]["p50"] - paths["direct"][2]["latencyMs"]["p50"])
if pair_ratios:
    w("## Gateway overhead")
    w("")
    w("`GET /api/coworking/spaces` with the same token, straight to coworking-service and through a")
    w("gateway (its own instance, user rate limit lifted so that it does not answer 429). Throughput:")
    w(f"`wrk -t2 -c16`; latency: open model at {rate} requests/s, each latency counted from when the")
    w("request was due (no coordinated omission). CPU per request: what the service's and the gateway's")
    w("processes used during the wrk run, divided by its requests (on a machine whose cores the load tool,")
    w("the gateway, the service and the database share, the gateway's CPU is taken from the service's).")
    w("")
    w("| path | throughput, req/s | p50, ms | p99, ms | service CPU per request, µs | gateway CPU per request, µs |")
    w("| --- | --- | --- | --- | --- | --- |")
    for label in ("direct", "gateway"):
        g = gw[label]
        gw_cpu = spread(g["gw_us"]) if label == "gateway" else "–"
        w(f"| {label} | {spread(g['rps'])} | {spread(g['p50'], '{:.2f}')} | {spread(g['p99'], '{:.2f}')} | {spread(g['svc_us'])} | {gw_cpu} |")
    # Each round measures direct and gateway back to back, so a round's own difference and ratio are
    # the least disturbed by a machine whose speed drifts; the figures are the medians of those.
    added = statistics.median(pair_added)
    kept = statistics.median(pair_ratios)
    w("")
    w(f"The gateway adds **{added:.2f} ms** at p50 (median of the rounds' own differences: "
      f"{', '.join(f'{d:+.2f}' for d in pair_added)} ms) and keeps **{kept:.0%}** of direct throughput (median of the "
      f"rounds' own ratios: {', '.join(f'{r:.0%}' for r in pair_ratios)}); rounds left out for non-2xx answers "
      f"or errors: {discarded} ({errors} such answers).")
    w("")
    results.append(("gateway adds ≤ 1 ms at p50", f"{added:.2f} ms", added <= 1.0))
    results.append(("gateway keeps ≥ 75 % of direct throughput", f"{kept:.0%}", kept >= 0.75))

# --- telemetry -----------------------------------------------------------------------------
readings = [json.loads(j) for _r, j in lines("readings.tsv")]
alerts = read_json("alerts.json")
if readings or alerts:
    w("## Telemetry")
    w("")
    if readings:
        rps = [r["readingsPerSecond"] for r in readings]
        b50 = [r["batchLatencyMs"]["p50"] for r in readings if r["batchLatencyMs"]["p50"] is not None]
        b99 = [r["batchLatencyMs"]["p99"] for r in readings if r["batchLatencyMs"]["p99"] is not None]
        bad = sum(r["notAccepted"] + r["failedBatches"] for r in readings)
        w(f"- Readings accepted per second (`POST /api/care/readings` on care-service, batches of 1,000 heart-rate")
        w(f"  readings over the demo bands, 4 connections): **{spread(rps)}**; per batch p50 {spread(b50)} ms,")
        w(f"  p99 {spread(b99)} ms; readings not accepted or batches failed: {bad}.")
        results.append(("≥ 20,000 readings/s", f"{statistics.median(rps):,.0f}/s", statistics.median(rps) >= 20000))
    if alerts:
        a = alerts["sosToStreamMs"]
        w(f"- SOS reading POSTed → the alert on the live stream (`/api/care/alerts/stream` through the gateway),")
        w(f"  {alerts['iterations']} round trips while {alerts['backgroundReadingsPerSecond']:,} readings/s flow:")
        w(f"  **p50 {a['p50']} ms, p99 {a['p99']} ms** (max {a['max']} ms; missed within 5 s: {alerts['missed']}).")
        if a["p99"] is not None:
            results.append(("SOS → stream p99 ≤ 250 ms", f"{a['p99']} ms", a["p99"] <= 250 and alerts["missed"] == 0))
    w("")

# --- bookings ------------------------------------------------------------------------------
bookings = read_json("bookings.json")
pg = lines("pgbench.tsv")
if bookings and pg:
    pg_tps = float(pg[0][0])
    ratio = bookings["bookingsPerSecond"] / pg_tps if pg_tps else 0
    w("## Bookings")
    w("")
    w(f"- coworking-service, `POST /api/coworking/bookings` at {bookings['connections']} connections (one founder and")
    w(f"  one meeting room each, consecutive free slots; every rule checked, outbox event written):")
    w(f"  **{bookings['bookingsPerSecond']}/s** (latency p50 {bookings['latencyMs']['p50']} ms, p99 {bookings['latencyMs']['p99']} ms;")
    w(f"  refused {bookings['refused']} {json.dumps(bookings['refusals'])}, failed {bookings['failed']}).")
    w(f"- pgbench, the equivalent INSERT into the same `booking` table with the same exclusion")
    w(f"  constraint, 16 clients: **{pg_tps:.0f}/s** (average latency {pg[0][1]} ms).")
    w(f"- Ratio: **{ratio:.0%}** of pgbench.")
    tx = lines("pgbench-booking-tx.tsv")
    if tx and float(tx[0][0]) > 0:
        tx_tps = float(tx[0][0])
        w(f"- pgbench sending the statements the service sends for a booking (the idempotency key, the space,")
        w(f"  the policy, the member locked, the rules' query, the space's lock, the INSERT, the outbox row, the")
        w(f"  stored answer; one transaction, prepared; the outbox relay's statements left out), {tx[0][2]} bookings")
        w(f"  (the service's count, rounded down to a multiple of 16), 16 clients:")
        w(f"  **{tx_tps:.0f}/s** (average latency {tx[0][1]} ms). The service reaches **{bookings['bookingsPerSecond'] / tx_tps:.0%}**")
        w(f"  of the database's own rate for a whole booking; the bare INSERT is {pg_tps / tx_tps:.1f}× as fast as the")
        w(f"  whole booking's statements. One extra statement per transaction picks the client's slot.")
        share = bookings["bookingsPerSecond"] / tx_tps
        against_second.append(("bookings ≥ 60 % of pgbench sending the booking's own statements", f"{share:.0%}",
                                share >= 0.6))
    cpu = read_json("bookings-cpu.json")
    if cpu and cpu["units"]:
        parts = ", ".join(f"{name} {micros}" for name, micros in cpu["serviceMicrosPerUnit"].items())
        w(f"- CPU per booking created in the measured run (refused attempts' CPU included): the service")
        w(f"  **{cpu['serviceTotalMicrosPerUnit']} µs** ({parts}), PostgreSQL's {cpu.get('databaseConnections', '?')} backends")
        w(f"  for it **{cpu['databaseMicrosPerUnit']} µs**. Compiler time here means the service was still warming up;")
        w(f"  the event loops are the booking path itself.")
    w("")
    results.append(("bookings ≥ 60 % of pgbench", f"{ratio:.0%}", ratio >= 0.6))

# --- memory --------------------------------------------------------------------------------
memory = lines("memory.tsv")
if memory:
    w("## Idle memory of the running suite")
    w("")
    w("RSS of each process group started by `./smarttown up`, 20 s after one request to each service.")
    w("")
    w("| process | RSS, MB |")
    w("| --- | --- |")
    total = None
    for name, kb in memory:
        mb = int(kb) / 1024
        if name == "services":
            total = mb
            w(f"| **the five services** | **{mb:.0f}** |")
        else:
            w(f"| {name} | {mb:.0f} |")
    w("")
    if total is not None:
        results.append(("the suite (five services) ≤ 1.2 GB idle", f"{total:.0f} MB", total <= 1.2 * 1024))

w("## Targets")
w("")
w("| target | this run | |")
w("| --- | --- | --- |")
for target, figure, met in results:
    w(f"| {target} | {figure} | {verdict(met)} |")
w("")
if against_second:
    w("The same targets against the second baselines, which split each gap into what the stack (or the")
    w("database's own work for a booking) costs and what our code adds (see bench/README.md, \"Targets\"):")
    w("")
    w("| target | this run | |")
    w("| --- | --- | --- |")
    for target, figure, met in against_second:
        w(f"| {target} | {figure} | {verdict(met)} |")
    w("")

os.makedirs(os.path.dirname(report), exist_ok=True)
with open(report, "w", encoding="utf-8") as f:
    f.write("\n".join(out))
