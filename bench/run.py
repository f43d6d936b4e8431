"""`make bench`: load the production configuration with wrk and print how fast each page is.

Read bench/README.md first. In short: the data for BENCH_SIZE (small, medium, large) is built
once into its own database (BENCH_DB=sqlite or postgres), `manage.py serve` starts on
loopback with the production settings (debug off), and wrk, in its own process, loads each
page for BENCH_SECONDS after a warm-up, at 1 and 8 connections. The constant page /ping/ is
measured in the same run on the same server: every page is also shown as a share of it.
Throughout, BENCH_IDLE keep-alive connections are held open doing nothing, as browsers hold
them; then 50 clients load a signed-in thread at once, and the report says how evenly they
were served (answers per client, Jain's index) and the longest any request waited.

`python bench/run.py probe` is the part that runs inside Django (a subprocess with the
benchmark's settings): it picks the pages to load and counts each one's queries.

The parts beside this entry point: server.py (settings from the environment, the database,
the data and the server), load.py (signing in, wrk, idle connections, fairness) and
report.py (the lines printed, the targets, the results file) and watchers.py (a comment in a
community with 10,000 watchers, and the fan-out it sets off).
"""

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

from load import IdleConnections, build_specs, fairness, new_visitor_ms, page_weight, sign_in, wrk
from report import (
    format_fairness,
    format_row,
    format_watch,
    growth_report,
    machine,
    report,
    save,
    say,
)
from server import (
    CONNECTIONS,
    FAIR_CLIENTS,
    IDLE,
    ROOT,
    SECONDS,
    WARMUP,
    Server,
    environment,
    prepare,
)

GROWTH_PAGES = ["home", "community", "all posts", "thread 50", "thread 200", "tag", "archive"]


# --- One run ----------------------------------------------------------------------------------


def probe(env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "probe"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode:
        sys.exit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def watched_comments(
    env: dict[str, str], plan: dict[str, Any], sessions: list[dict[str, str]]
) -> dict[str, Any]:
    """Comments in a quiet community and in one with 10,000 watchers, and the fan-out the
    server's task worker does for them (bench/watchers.py), in a Django process of its own."""
    quiet = next(t["paths"] for t in plan["targets"] if t["name"] == "comment")
    job = {
        "sessions": sessions,
        "emails": plan["emails"],
        "quiet": quiet,
        "watched": plan["watched"],
    }
    say(
        f"\nComments in a community with {plan['watched']['watchers']:,} watchers "
        "and in quiet ones; then the fan-out..."
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "watchers", json.dumps(job)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(out.stderr)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run_size(
    db: str, size: str, *, pages: list[str] | None, connections: list[int]
) -> dict[str, Any]:
    env = environment(db, size)
    say(f"\n== {size} data on {db}{' with Redis' if env['REDIS_URL'] else ''} ==")
    prepare(env, size)
    plan = probe(env)
    log = ROOT / "var" / "bench" / f"server-{db}-{size}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    since = datetime.now(UTC).isoformat()
    server = Server(env, log)
    rows: list[dict[str, Any]] = []
    idle: IdleConnections | None = None
    fair: dict[str, Any] | None = None
    watch: dict[str, Any] | None = None
    try:
        server.settle()
        sessions = [sign_in(email, plan["password"]) for email in plan["emails"]]
        staff_sessions = [sign_in(plan["staff_email"], plan["password"])]
        targets = [t for t in plan["targets"] if pages is None or t["name"] in [*pages, "ceiling"]]
        idle = IdleConnections(IDLE)
        visitor_ms = new_visitor_ms()
        say(
            f"{IDLE} idle keep-alive connections held open: a new visitor waits {visitor_ms:.1f} ms"
        )
        memory = server.worker_rss_mb()
        for target in targets:
            people = staff_sessions if target.get("as") == "staff" else sessions
            specs = build_specs(target, people)
            html_kb, wire_kb = (0.0, 0.0)
            if target.get("method", "GET") == "GET":
                html_kb, wire_kb = page_weight(
                    target["paths"][0], people[0] if target["signed_in"] else None
                )
            for conns in connections:
                wrk(specs, conns, WARMUP)
                result = wrk(specs, conns, SECONDS)
                memory = max(memory, server.worker_rss_mb())
                row = {
                    "page": target["name"],
                    "path": target["paths"][0],
                    "signed_in": target["signed_in"],
                    "connections": conns,
                    **result,
                    "html_kb": html_kb,
                    "wire_kb": wire_kb,
                    "queries": target["queries"],
                }
                rows.append(row)
                say(format_row(row, None))
        if pages is None:
            slow = next(t for t in targets if t["name"] == "thread 50" and t["signed_in"])
            fair = fairness(slow["paths"][0], sessions, FAIR_CLIENTS, max(SECONDS, 5))
            fair["page"] = "thread 50 (signed in)"
            say(format_fairness(fair))
            watch = watched_comments(env, plan, sessions)
            say(format_watch(watch))
    finally:
        if idle is not None:
            idle.close()
        server.stop()
        subprocess.run(  # noqa: S603
            [sys.executable, __file__, "cleanup", since], env=env, cwd=ROOT, check=True
        )
    ceiling = {r["connections"]: r["rps"] for r in rows if r["page"] == "ceiling"}
    for row in rows:
        row["share"] = 100 * row["rps"] / ceiling[row["connections"]] if ceiling else None
    locked = log.read_text(errors="replace").count("database is locked")
    return {
        "db": db,
        "size": size,
        "redis": bool(env["REDIS_URL"]),
        "data": plan["data"],
        "rows": rows,
        "worker_rss_mb": round(memory, 1),
        "database_locked_errors": locked,
        "idle": {
            "connections": IDLE,
            "new_visitor_ms": round(visitor_ms, 1),
            "slowest_idle_reuse_ms": round(idle.slowest_ms, 1) if idle else None,
            "idle_failures": idle.failures if idle else None,
        },
        "fairness": fair,
        "watchers": watch,
    }


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `apt-get install wrk` (make bench does it when it can).")
    db = os.environ.get("BENCH_DB", "sqlite")
    size = os.environ.get("BENCH_SIZE", "medium")
    if db not in ("sqlite", "postgres"):
        sys.exit(f"BENCH_DB must be sqlite or postgres, not {db!r}.")
    if size not in ("small", "medium", "large"):
        sys.exit(f"BENCH_SIZE must be small, medium or large, not {size!r}.")
    started = datetime.now(UTC).isoformat(timespec="seconds")
    if os.environ.get("BENCH_GROWTH") == "1":
        runs = [
            run_size(db, s, pages=GROWTH_PAGES, connections=[8])
            for s in ("small", "medium", "large")
        ]
        for run in runs:
            report(run)
        growth_report(runs)
        path = save(f"{db}-growth", {"started": started, "machine": machine(), "runs": runs})
    else:
        # BENCH_PAGES: only these pages (comma-separated names, e.g. "search common"), without
        # the fairness and watchers runs; empty: every page.
        only = [p.strip() for p in os.environ.get("BENCH_PAGES", "").split(",") if p.strip()]
        run = run_size(db, size, pages=only or None, connections=CONNECTIONS)
        report(run)
        path = save(f"{db}-{size}", {"started": started, "machine": machine(), **run})
    say(f"\nWritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["watchers"]:
        sys.path.insert(0, str(ROOT))
        import watchers

        watchers.main(sys.argv[2])
    elif sys.argv[1:2] in (["probe"], ["cleanup"]):
        sys.path.insert(0, str(ROOT))
        from bench import probe

        probe.main() if sys.argv[1] == "probe" else probe.cleanup(sys.argv[2])
    else:
        main()
