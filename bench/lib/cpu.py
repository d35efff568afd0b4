#!/usr/bin/env python3
"""CPU time of one JVM's threads, grouped by kind, and of the PostgreSQL backends serving one database.

  cpu.py ms PID                                            (CPU the process has used so far, in ms;
                                                             0 once it has ended)
  cpu.py snapshot PID DATABASE > before.json
  cpu.py spent before.json after.json UNITS > spent.json   (microseconds of CPU per unit of work)
  cpu.py jit-snapshot PID... > before.json
  cpu.py jit-share before.json after.json                  (the JIT compilers' share of each JVM's CPU
                                                             in between, in %, the highest of the JVMs)

A service's CPU per request says little while its JIT compilers still work: the groups separate
the event loops (the request path) from the compilers, the collector and the rest; the backends
show what the database spent on the same work.
"""
import json
import os
import re
import subprocess
import sys

TICK = os.sysconf("SC_CLK_TCK")

# Thread names (comm, at most 15 characters) → the group reported.
GROUPS = [
    (r"^vert\.x-eventloo", "event loops"),
    (r"^vert\.x-worker|^executor-thread", "worker threads"),
    (r"^C2 Compiler", "C2 compiler"),
    (r"^C1 Compiler", "C1 compiler"),
    (r"GC|^VM Thread|^G1|^Serial", "GC and VM"),
]


def cpu_ticks(stat_path):
    """utime + stime of /proc/.../stat; the command name may hold spaces, so split after ')'."""
    with open(stat_path) as f:
        text = f.read()
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def group(comm):
    for pattern, name in GROUPS:
        if re.search(pattern, comm):
            return name
    return "other threads"


def snapshot(pid, database=None):
    # The process's own figure also holds threads that have ended (the JVM retires idle compiler
    # threads), which the per-thread figures lose.
    process = cpu_ticks(f"/proc/{pid}/stat")
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                comm = f.read().strip()
            threads[tid] = [comm, cpu_ticks(f"/proc/{pid}/task/{tid}/stat")]
        except OSError:
            pass  # the thread ended meanwhile
    if database is None:
        return {"process": process, "threads": threads, "backends": {}}
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-At", "-c",
                          f"select pid from pg_stat_activity where datname = '{database}'"],
                         capture_output=True, text=True, check=True).stdout.split()
    backends = {}
    for backend in out:
        try:
            backends[backend] = cpu_ticks(f"/proc/{backend}/stat")
        except OSError:
            pass  # the connection closed meanwhile
    return {"process": process, "threads": threads, "backends": backends}


def spent(before, after, units):
    groups = {}
    for tid, (comm, ticks) in after["threads"].items():
        start = before["threads"].get(tid, [comm, 0])[1]
        name = group(comm)
        groups[name] = groups.get(name, 0) + ticks - start
    total = after["process"] - before["process"]
    ended = total - sum(groups.values())
    if ended > 0:
        groups["threads that ended"] = ended
    # A connection opened meanwhile counts from zero; one closed meanwhile is lost (the pool keeps
    # its connections, so neither happens in a steady run).
    database = sum(ticks - before["backends"].get(pid, 0) for pid, ticks in after["backends"].items())
    per_unit = lambda ticks: round(ticks / TICK / units * 1e6) if units else None
    return {"units": units,
            "serviceMicrosPerUnit": {name: per_unit(ticks) for name, ticks in sorted(groups.items())},
            "serviceTotalMicrosPerUnit": per_unit(total),
            "databaseMicrosPerUnit": per_unit(database),
            "databaseConnections": len(after["backends"])}


def jit_share(before, after):
    """Percent of each JVM's CPU its C1 and C2 compiler threads used in between; the highest."""
    shares = []
    for pid, later in after.items():
        spent_ms = spent(before[pid], later, 1)["serviceMicrosPerUnit"]
        total = sum(spent_ms.values())
        compiling = spent_ms.get("C1 compiler", 0) + spent_ms.get("C2 compiler", 0)
        shares.append(round(100 * compiling / total) if total else 0)
    return max(shares)


if __name__ == "__main__":
    if sys.argv[1] == "ms":
        try:
            print(cpu_ticks(f"/proc/{sys.argv[2]}/stat") * 1000 // TICK)
        except OSError:
            print(0)
    elif sys.argv[1] == "snapshot":
        print(json.dumps(snapshot(sys.argv[2], sys.argv[3])))
    elif sys.argv[1] == "spent":
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            print(json.dumps(spent(json.load(b), json.load(a), int(sys.argv[4]))))
    elif sys.argv[1] == "jit-snapshot":
        print(json.dumps({pid: snapshot(pid) for pid in sys.argv[2:]}))
    elif sys.argv[1] == "jit-share":
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            print(jit_share(json.load(b), json.load(a)))
    else:
        sys.exit(__doc__)
