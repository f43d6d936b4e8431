"""A consistent copy of the database, and loading it back, for SQLite and PostgreSQL.

SQLite: the online backup API copies the database in one step, inside one read
transaction, so the copy is a snapshot even while the site writes (WAL lets the writers
go on). PostgreSQL: `pg_dump` reads everything in one snapshot; its custom format is
loaded with `pg_restore` in one transaction. Connection details reach the PostgreSQL
tools through PG* environment variables, never on a command line that `ps` shows.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from .errors import BackupError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
DUMP_NAME = {SQLITE: "db.sqlite3", POSTGRESQL: "db.pgdump"}
_TOOL_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")


def engine() -> str:
    """The site's database engine, as the manifest names it."""
    if connection.vendor not in DUMP_NAME:
        raise BackupError(_("Backups support SQLite and PostgreSQL, not %s.") % connection.vendor)
    return str(connection.vendor)


def applied_migrations() -> list[str]:
    """Every migration recorded as applied, as "app.name", sorted."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def known_migrations() -> set[str]:
    """Every migration this version of the code has."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def account_count() -> int:
    """How many accounts the site has (0 when its tables do not exist yet)."""
    user_model = get_user_model()
    if user_model._meta.db_table not in connection.introspection.table_names():
        return 0
    return int(user_model.objects.count())


def dump(target: Path) -> dict[str, Any]:
    """Write a consistent copy of the database to `target`; what the manifest records."""
    if engine() == SQLITE:
        # One self-contained file in the archive (no -wal beside it), checked once written.
        _sqlite_copy(_sqlite_path(), target, journal_mode="DELETE")
        _sqlite_check(target)
        return {"engine": SQLITE}
    server = _pg_server_major()
    tool, tool_version = _pg_tool("pg_dump", at_least=server)
    _pg_run([tool, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])
    return {"engine": POSTGRESQL, "server_version": server, "pg_dump_version": tool_version}


def load(source: Path, *, dump_info: dict[str, Any]) -> None:
    """Replace the site's database with the copy in `source` (checked beforehand)."""
    connections.close_all()  # nothing of ours may hold the database while it is replaced
    if engine() == SQLITE:
        _sqlite_check(source)
        _sqlite_copy(source, _sqlite_path(), journal_mode="WAL")
        return
    # pg_restore reads the archive formats of its own and older versions of pg_dump.
    needed = int(dump_info.get("pg_dump_version") or dump_info.get("server_version") or 0)
    tool, _version = _pg_tool("pg_restore", at_least=needed)
    command = [tool, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    with connection.cursor():
        has_tables = bool(connection.introspection.table_names())
    connections.close_all()
    if has_tables:
        command += ["--clean", "--if-exists"]  # drop what the dump holds, then load it
    _pg_run([*command, f"--dbname={connection.settings_dict['NAME']}", str(source)])


# --- SQLite -------------------------------------------------------------------------------


def _sqlite_path() -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupError(_("The database is in memory: there is nothing to back up."))
    return Path(name)


def _sqlite_check(path: Path) -> None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        result = str(exc)
    if result != "ok":
        raise BackupError(_("The database copy is damaged: %s") % result)


def _sqlite_copy(source: Path, target: Path, *, journal_mode: str) -> None:
    """Copy `source` into `target` page by page, in one step (one consistent snapshot)."""
    if not source.exists():
        raise BackupError(_("There is no database at %s.") % source)
    try:
        src = sqlite3.connect(source, timeout=60)
        dst = sqlite3.connect(target, timeout=60)
        try:
            src.backup(dst)  # pages=-1: everything in one step, inside one read transaction
            dst.execute(f"PRAGMA journal_mode={journal_mode}")
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(_("SQLite could not copy the database: %s") % exc) from exc


# --- PostgreSQL ---------------------------------------------------------------------------


def _pg_server_major() -> int:
    with connection.cursor():
        return int(connection.pg_version) // 10000  # type: ignore[attr-defined]


def _pg_tool(name: str, *, at_least: int) -> tuple[str, int]:
    """The path and major version of a PostgreSQL client tool at least `at_least`."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _("%(tool)s was not found: install the PostgreSQL client tools (version %(v)s or "
              "newer, e.g. the postgresql-client package).") % {"tool": name, "v": at_least}
        )  # fmt: skip
    output = subprocess.run(  # noqa: S603
        [path, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = _TOOL_VERSION.search(output)
    version = int(match.group(1)) if match else 0
    if version < at_least:
        raise BackupError(
            _("%(tool)s is version %(tool_v)s but the database needs %(v)s or newer: install "
              "the PostgreSQL %(v)s client tools.") % {
                "tool": name, "tool_v": version or "?", "v": at_least}
        )  # fmt: skip
    return path, version


def _pg_env() -> dict[str, str]:
    settings_dict = connection.settings_dict
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    if sslmode := settings_dict.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = str(sslmode)
    return env


def _pg_run(command: list[str]) -> None:
    result = subprocess.run(  # noqa: S603
        command, env=_pg_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(_("%(tool)s failed: %(error)s") % {
            "tool": tool, "error": result.stderr.strip()[-2000:]})  # fmt: skip
