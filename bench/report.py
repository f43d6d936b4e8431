"""The benchmark's output: each row as it is measured, the report against the targets of
issue 6, the machine it ran on, and the results written to bench/results/.

Part of `make bench` (bench/run.py); read bench/README.md first.
"""

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from server import RESULTS

# The targets of issue 6, for medium data at 8 connections.
ANON_SHARE, ANON_P99 = 25.0, 50.0
SIGNED_SHARE, SIGNED_P99 = 10.0, 100.0
WRITE_RPS, WRITE_P99 = 100.0, 150.0


def say(line: str) -> None:
    print(line, flush=True)


# --- Output -----------------------------------------------------------------------------------

HEADER = (
    f"{'page':<24} {'conns':>5} {'req/s':>8} {'% ceil':>7} {'p50 ms':>7} {'p99 ms':>7} "
    f"{'max ms':>7} {'errors':>6} {'KB html':>8} {'KB wire':>8} {'queries':>7}"
)


def format_row(row: dict[str, Any], share: float | None) -> str:
    name = row["page"] + (" (signed in)" if row["signed_in"] else "")
    share_text = f"{share:.0f}%" if share is not None else "-"
    return (
        f"{name:<24} {row['connections']:>5} {row['rps']:>8.0f} {share_text:>7} "
        f"{row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f} {row['max_ms']:>7.0f} {row['errors']:>6} "
        f"{row['html_kb']:>8.1f} {row['wire_kb']:>8.1f} {row['queries']:>7}"
    )


def format_fairness(fair: dict[str, Any]) -> str:
    return (
        f"{fair['clients']} clients at once on {fair['page']}, with the idle connections held: "
        f"{fair['answers']} answers, {fair['min_per_client']}-{fair['max_per_client']} per "
        f"client ({fair['starved']} got none), Jain's index {fair['jain']:.2f}, "
        f"p99 {fair['p99_ms']:.0f} ms, longest wait {fair['max_ms']:.0f} ms, "
        f"errors {fair['errors']}"
    )


def format_watch(watch: dict[str, Any]) -> str:
    backlog, solo = watch["backlog"], watch["solo"]
    n = f"{watch['watchers']:,}"
    rows = [
        ("its threads, nobody watching", watch["unwatched_ms"]),
        (f"{n} watching, worker idle", solo["post_ms"]),
        (f"{n} watching, during fan-out", watch["watched_ms"]),
        ("quiet communities, during fan-out", watch["quiet_ms"]),
    ]
    lines = [
        f"Comment POSTs in {watch['community']}, one at a time {watch['pause_s']:g} s apart "
        '("worker idle": each waits for the fan-out before), ms:',
        f"  {'where':<36} {'n':>3} {'p50':>7} {'mean':>7} {'max':>7}",
        *(
            f"  {name:<36} {ms['n']:>3} {ms['p50']:>7.1f} {ms['mean']:>7.1f} {ms['max']:>7.1f}"
            for name, ms in rows
        ),
    ]
    queries = watch.get("queries")
    if queries:
        lines.append(
            f"Queries per comment POST (in process): {queries['unwatched']} with nobody "
            f"watching, {queries['watched']} with {watch['watchers']:,} watching."
        )
    if not watch["recorded"]:
        lines.append("  No activity was recorded for these comments: no fan-out to time.")
        return "\n".join(lines)
    lines += [
        f"Fan-out by the server's task worker: the {backlog['comments']} watched comments made "
        f"{backlog['notifications']:,} notifications, all done {backlog['seconds']:.1f} s after "
        f"the last POST (worker peak {backlog['worker_peak_mb']:.0f} MB).",
        f"One comment at a time with the worker idle: {solo['notifications']:,} notifications "
        f"in {solo['fanout_s']} s (median of {len(solo['fanout_all_s'])}: "
        f"{', '.join(f'{x:g}' for x in solo['fanout_all_s'])} s), from its activity to the "
        f"last one, {solo['per_second']}/s (worker peak {solo['worker_peak_mb']:.0f} MB).",
    ]
    return "\n".join(lines)


def verdicts(run: dict[str, Any]) -> list[str]:
    """The issue's targets, for 8 connections: what passed and what did not."""
    lines = []
    for row in run["rows"]:
        if row["connections"] != 8 or row["page"] == "ceiling":
            continue
        name = row["page"] + (" (signed in)" if row["signed_in"] else "")
        if row["page"] == "comment":
            if run["db"] == "postgres":
                ok = row["rps"] >= WRITE_RPS and row["p99_ms"] <= WRITE_P99 and not row["errors"]
                want = f"≥ {WRITE_RPS:.0f}/s, p99 ≤ {WRITE_P99:.0f} ms"
            else:
                ok = not row["errors"] and not run["database_locked_errors"]
                want = "no error, no 'database is locked'"
        else:
            share, p99 = (SIGNED_SHARE, SIGNED_P99) if row["signed_in"] else (ANON_SHARE, ANON_P99)
            ok = row["share"] >= share and row["p99_ms"] <= p99 and not row["errors"]
            want = f"≥ {share:.0f}% of ceiling, p99 ≤ {p99:.0f} ms"
        lines.append(f"  {'meets' if ok else 'MISSES':<7} {name:<26} {want}")
    for signed_in in (False, True):
        thread = next(
            (r for r in run["rows"] if r["page"] == "thread 50" and r["signed_in"] == signed_in),
            None,
        )
        if thread:
            ok = thread["html_kb"] <= 60
            name = "weight of thread 50" + (" (in)" if signed_in else "")
            lines.append(
                f"  {'meets' if ok else 'MISSES':<7} {name:<26} ≤ 60 KB HTML "
                f"({thread['html_kb']:.1f} KB, {thread['wire_kb']:.1f} KB on the wire)"
            )
    idle = run.get("idle")
    if idle:
        ok = idle["new_visitor_ms"] < 1000 and not idle["idle_failures"]
        lines.append(
            f"  {'meets' if ok else 'MISSES':<7} {'idle connections':<26} a new visitor answered "
            f"< 1 s with {idle['connections']} idle ones open ({idle['new_visitor_ms']:.0f} ms)"
        )
    fair = run.get("fairness")
    if fair:
        ok = not fair["starved"] and fair["jain"] >= 0.9 and not fair["errors"]
        lines.append(
            f"  {'meets' if ok else 'MISSES':<7} {'fairness':<26} every client served, "
            f"Jain ≥ 0.90 ({fair['jain']:.2f}, {fair['starved']} starved, "
            f"longest wait {fair['max_ms'] / 1000:.1f} s)"
        )
    watch = run.get("watchers")
    if watch:
        # As fast as with nobody watching: within a quarter (and 5 ms) of its median.
        quiet, watched = watch["unwatched_ms"]["p50"], watch["solo"]["post_ms"]["p50"]
        ok = watched <= quiet * 1.25 + 5
        lines.append(
            f"  {'meets' if ok else 'MISSES':<7} {'comment, 10,000 watchers':<26} p50 as with "
            f"nobody watching ({watched:.0f} ms against {quiet:.0f} ms)"
        )
    ok = run["worker_rss_mb"] < 200
    lines.append(f"  {'meets' if ok else 'MISSES':<7} {'memory per worker':<26} < 200 MB "
                 f"({run['worker_rss_mb']:.0f} MB)")  # fmt: skip
    return lines


def report(run: dict[str, Any]) -> None:
    say(f"\n{run['size']} data on {run['db']}: {run['data']}")
    say(HEADER)
    for row in run["rows"]:
        say(format_row(row, row["share"]))
    if run.get("fairness"):
        say("\n" + format_fairness(run["fairness"]))
    if run.get("watchers"):
        say("\n" + format_watch(run["watchers"]))
    say(f"\nLargest server worker: {run['worker_rss_mb']:.0f} MB. "
        f"'database is locked' in the server log: {run['database_locked_errors']}.")  # fmt: skip
    say("Targets (8 connections):")
    for line in verdicts(run):
        say(line)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "system": platform.platform()}  # fmt: skip


def save(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M")
    path = RESULTS / f"{stamp}-{name}.json"
    path.write_text(json.dumps(payload, indent=2) + "\n")
    return path


def growth_report(runs: list[dict[str, Any]]) -> None:
    by = {
        run["size"]: {(r["page"], r["signed_in"]): r["p50_ms"] for r in run["rows"]} for run in runs
    }
    say("\nGrowth of p50 latency at 8 connections (target: medium → large ≤ +25 %)")
    say(f"{'page':<24} {'small':>8} {'medium':>8} {'large':>8} {'growth':>8}")
    for key, medium in by["medium"].items():
        name = key[0] + (" (signed in)" if key[1] else "")
        small, large = by["small"].get(key, 0), by["large"].get(key, 0)
        growth = 100 * (large - medium) / medium if medium else 0
        say(f"{name:<24} {small:>8.1f} {medium:>8.1f} {large:>8.1f} {growth:>+7.0f}%")
