"""`manage.py backup` and `manage.py restore`, run as an operator runs them: real processes
on separate sites (their own database and files), on the engine the suite runs on
(SQLite by default; PostgreSQL when DATABASE_URL says so, as in CI's second pass)."""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from unittest.mock import ANY
from urllib.parse import quote

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
DB = settings.DATABASES["default"]
ENGINE = "postgresql" if "postgresql" in DB["ENGINE"] else "sqlite"
OTHER_ENGINE = "sqlite" if ENGINE == "postgresql" else "postgresql"


class Site:
    """A Practica site of its own, driven through manage.py in separate processes."""

    def __init__(self, database_url: str, media: Path) -> None:
        self.database_url = database_url
        self.media = media

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "LOG_FORMAT")}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.local",  # files on disk, in self.media
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.media),
        )
        return env

    def manage(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env(), **env},
            capture_output=True,
            text=True,
            timeout=300,
            check=check,
        )

    def python(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code).stdout

    def content(self) -> str:
        """Every row of every table, as `dumpdata` writes it (ordered by key)."""
        return self.manage("dumpdata", "--indent", "0").stdout

    def query(self, sql: str) -> list[tuple]:
        """Rows straight from the site's database, without starting Django."""
        if ENGINE == "sqlite":
            path = Path(self.database_url.removeprefix("sqlite:///"))
            if not path.exists():
                return []
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                return db.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.database_url) as db:
            return db.execute(sql).fetchall()

    def table_count(self) -> int:
        sql = (
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            if ENGINE == "sqlite"
            else "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        rows = self.query(sql)
        return rows[0][0] if rows else 0

    def emails(self) -> list[str]:
        return [row[0] for row in self.query("SELECT email FROM accounts_user ORDER BY email")]

    def files(self) -> dict[str, str]:
        if not self.media.exists():
            return {}
        return {
            str(path.relative_to(self.media)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.media.rglob("*"))
            if path.is_file()
        }


@contextmanager
def new_database(tmp: Path) -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards."""
    if ENGINE == "sqlite":
        yield f"sqlite:///{tmp / f'db-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    import psycopg

    name = f"practica_backup_{uuid.uuid4().hex[:10]}"
    auth = quote(DB["USER"] or "", safe="")
    if DB["PASSWORD"]:
        auth += ":" + quote(DB["PASSWORD"], safe="")
    server = f"postgres://{auth}@{DB['HOST'] or '127.0.0.1'}:{DB['PORT'] or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def new_site(tmp_path):
    """Make empty sites (no tables, no files) on demand."""
    with ExitStack() as stack:

        def make() -> Site:
            folder = tmp_path / uuid.uuid4().hex[:8]
            folder.mkdir()
            return Site(stack.enter_context(new_database(folder)), folder / "media")

        yield make


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo site (every kind of row, uploaded files), its content and its backup."""
    tmp = tmp_path_factory.mktemp("demo")
    with new_database(tmp) as url:
        site = Site(url, tmp / "media")
        site.manage("migrate", "--no-input")
        site.manage("seed_demo")
        archive = tmp / "backup.tar.gz"
        result = site.manage("backup", "--output", str(archive))
        yield {"site": site, "archive": archive, "output": result.stdout, "content": site.content()}


def read_manifest(archive: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


def rewrite(source: Path, target: Path, *, manifest=None, members=None, extra=()) -> Path:
    """A copy of the archive with a changed manifest, members or extra tar entries."""
    with tarfile.open(source, "r:gz") as tar, tarfile.open(target, "w:gz") as out:
        contents = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
        original = json.loads(contents.pop("manifest.json"))
        contents.update(members or {})
        for name, data in contents.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
        for info, data in extra:
            out.addfile(info, io.BytesIO(data) if data is not None else None)
        new_manifest = manifest(original) if manifest else original
        raw = json.dumps(new_manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(raw)
        out.addfile(info, io.BytesIO(raw))
    return target


def refused(site: Site, archive: Path, *args: str) -> str:
    result = site.manage("restore", str(archive), *args, check=False)
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


# --- The round trip -----------------------------------------------------------------------


def test_backup_writes_one_archive_with_a_manifest_of_everything(demo):
    manifest = read_manifest(demo["archive"])
    site = demo["site"]

    assert manifest["format"] == "practica-backup"
    assert manifest["format_version"] == 1
    assert manifest["database"]["engine"] == ENGINE
    assert manifest["app_version"] == "0.1.0"
    assert manifest["created_at"].endswith("Z")
    applied = site.query("SELECT app, name FROM django_migrations")
    assert manifest["migrations"] == sorted(f"{app}.{name}" for app, name in applied)
    assert len(applied) > 20
    assert "accounts.0001_initial" in manifest["migrations"]
    # Every uploaded file, with its checksum; and the database copy.
    files = site.files()
    assert len(files) >= 5
    assert manifest["files"] == {
        "included": True,
        "count": len(files),
        "storage": "django.core.files.storage.FileSystemStorage",
    }
    assert {f"files/{name}": sha for name, sha in files.items()} == {
        name: entry["sha256"]
        for name, entry in manifest["members"].items()
        if name.startswith("files/")
    }
    assert manifest["database"]["member"] in manifest["members"]
    assert f"{len(files)} stored files" in demo["output"]
    assert (demo["archive"].stat().st_mode & 0o777) == 0o600


def test_restore_on_a_new_machine_gives_back_equal_content(demo, new_site):
    target = new_site()

    result = target.manage("restore", str(demo["archive"]))

    assert f"{len(demo['site'].files())} files written" in result.stdout
    assert target.content() == demo["content"]
    assert target.files() == demo["site"].files()
    assert "chair@example.org" in target.emails()  # not two empty dumps


def test_restore_refuses_a_site_with_accounts_unless_forced(demo, new_site):
    target = new_site()
    target.manage("restore", str(demo["archive"]))
    target.python(
        "from practica.accounts.models import User; "
        "User.objects.create_user('keeper@example.org', 'a-long-password-1')"
    )
    before = target.emails()

    message = refused(target, demo["archive"])

    assert f"already has {len(before)} accounts" in message
    assert "--force" in message
    assert "keeper@example.org" in target.emails()

    target.manage("restore", str(demo["archive"]), "--force")
    assert target.emails() == demo["site"].emails()


def test_restore_refuses_a_site_with_stored_files_unless_forced(demo, new_site):
    target = new_site()
    (target.media / "library").mkdir(parents=True)
    (target.media / "library" / "mine.pdf").write_bytes(b"%PDF-1.4 mine")

    message = refused(target, demo["archive"])

    assert "already has stored files" in message and "--force" in message
    assert target.table_count() == 0
    target.manage("restore", str(demo["archive"]), "--force")
    assert target.emails() == demo["site"].emails()
    # The archive's files are written; one it does not have is left in place.
    assert target.files() == {**demo["site"].files(), "library/mine.pdf": ANY}
    assert (target.media / "library" / "mine.pdf").read_bytes() == b"%PDF-1.4 mine"


@pytest.mark.skipif(ENGINE != "postgresql", reason="pg_dump is for PostgreSQL")
def test_backup_refuses_a_pg_dump_older_than_the_server(demo, tmp_path):
    old_tool = tmp_path / "bin" / "pg_dump"
    old_tool.parent.mkdir()
    old_tool.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    old_tool.chmod(0o755)
    archive = tmp_path / "never.tar.gz"
    path = f"{old_tool.parent}:{os.environ['PATH']}"

    result = demo["site"].manage("backup", "--output", str(archive), check=False, PATH=path)

    assert result.returncode != 0
    assert "pg_dump is version 9 but the database needs" in result.stderr
    assert "client tools" in result.stderr
    assert not archive.exists()


# --- Refusals, before anything changes -------------------------------------------------------


def test_restore_refuses_an_archive_of_another_database_engine(demo, new_site, tmp_path):
    def other_engine(manifest):
        manifest["database"]["engine"] = OTHER_ENGINE
        return manifest

    archive = rewrite(demo["archive"], tmp_path / "other.tar.gz", manifest=other_engine)
    target = new_site()

    message = refused(target, archive)

    assert f"holds a {OTHER_ENGINE} database but this site uses {ENGINE}" in message
    assert target.table_count() == 0


def test_restore_refuses_an_archive_from_a_newer_version(demo, new_site, tmp_path):
    def newer(manifest):
        manifest["migrations"].append("accounts.9999_from_the_future")
        manifest["app_version"] = "9.0.0"
        return manifest

    archive = rewrite(demo["archive"], tmp_path / "newer.tar.gz", manifest=newer)
    target = new_site()

    message = refused(target, archive)

    assert "newer version of Practica (9.0.0" in message
    assert "accounts.9999_from_the_future" in message
    assert target.table_count() == 0


def unusable(archive: Path) -> str:
    """Why the archive reader refuses `archive` (the check restore makes before anything)."""
    from practica.core.backup import BackupError
    from practica.core.backup import archive as reader

    with pytest.raises(BackupError) as caught, reader.open_archive(archive) as opened:
        for _name, member in opened.stream():
            member.read()
    return caught.value.message


def test_damaged_archives_are_refused(demo, tmp_path):
    data = demo["archive"].read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(data[: len(data) // 2])
    flipped = tmp_path / "flipped.tar.gz"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    not_tar = tmp_path / "notes.tar.gz"
    not_tar.write_text("my notes")

    assert "damaged or cut short" in unusable(cut)
    assert "damaged" in unusable(flipped)
    assert "not a gzip-compressed tar archive" in unusable(not_tar)
    assert "There is no file at" in unusable(tmp_path / "missing.tar.gz")


def test_restore_checks_every_checksum_before_changing_anything(demo, new_site, tmp_path):
    # A file whose bytes changed after the manifest was written is caught by its checksum
    # although it comes after the database in the archive: the database is not touched.
    manifest = read_manifest(demo["archive"])
    last_file = sorted(name for name in manifest["members"] if name.startswith("files/"))[-1]
    size = manifest["members"][last_file]["size"]
    tampered = rewrite(demo["archive"], tmp_path / "t.tar.gz", members={last_file: b"x" * size})
    target = new_site()

    assert f"{last_file} is damaged: its checksum does not match" in refused(target, tampered)
    assert target.table_count() == 0
    assert target.files() == {}


def _entry(name: str, data: bytes | None = b"evil", kind: bytes = tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.size = len(data) if data is not None else 0
    return info, data


def hostile(demo, path: Path, entry) -> Path:
    """The demo archive with one more entry, which even its manifest lists."""
    info, data = entry

    def listed(manifest):
        digest = hashlib.sha256(data or b"").hexdigest()
        manifest["members"][info.name] = {"size": info.size, "sha256": digest}
        return manifest

    return rewrite(demo["archive"], path, manifest=listed, extra=[entry])


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        (_entry("files/../../evil.txt"), "points outside"),
        (_entry("files/library/../../../evil.txt"), "points outside"),
        (_entry("/var/evil.txt"), "points outside"),
        (_entry("database/../evil.txt"), "points outside"),
        (_entry("elsewhere/evil.txt"), "points outside"),
        (_entry("files/evil\n.txt"), "points outside"),
        (_entry("files/link", None, tarfile.SYMTYPE, "/etc/passwd"), "only files are allowed"),
        (_entry("files/hard", None, tarfile.LNKTYPE, "/etc/passwd"), "only files are allowed"),
        (_entry("files/dev", None, tarfile.CHRTYPE), "only files are allowed"),
        (_entry("files/library", None, tarfile.DIRTYPE), "only files are allowed"),
        (_entry(f"database/db.{'sqlite3' if ENGINE == 'sqlite' else 'pgdump'}"), "twice"),
    ],
)
def test_hostile_archives_are_refused(demo, tmp_path, entry, says):
    assert says in unusable(hostile(demo, tmp_path / "h.tar.gz", entry))


def test_restore_refuses_a_hostile_archive_and_writes_nothing(demo, new_site, tmp_path):
    archive = hostile(demo, tmp_path / "h.tar.gz", _entry("files/../../evil.txt"))
    target = new_site()

    assert "points outside" in refused(target, archive)
    assert not list(tmp_path.rglob("evil*"))
    assert target.table_count() == 0
    assert target.files() == {}


def test_members_the_manifest_does_not_list_are_refused(demo, tmp_path):
    planted = _entry("files/library/planted.pdf")
    archive = rewrite(demo["archive"], tmp_path / "x.tar.gz", extra=[planted])

    assert "files/library/planted.pdf, which the manifest does not list" in unusable(archive)


# --- A consistent copy while the site writes -----------------------------------------------------

WRITER = """
import os
from pathlib import Path
from django.db import transaction
from practica.accounts.models import User
from practica.notifications.models import Notification

user = User.objects.get(email="member@example.org")
stop = Path(os.environ["STOP_FILE"])
batch = 0
while not stop.exists():
    batch += 1
    with transaction.atomic():  # twenty rows that exist together or not at all
        Notification.objects.bulk_create(
            Notification(recipient=user, kind="test", title=f"batch {batch}")
            for _ in range(20)
        )
    print(batch, flush=True)
"""


def test_backup_while_the_site_writes_is_a_consistent_copy(demo, new_site, tmp_path):
    source = demo["site"]
    stop = tmp_path / "stop"
    env = {**source.env(), "STOP_FILE": str(stop)}
    writer = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", WRITER],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    archives = []
    committed_before = []
    try:
        for _ in range(5):  # wait for the writer to be well under way
            assert writer.stdout.readline(), "the writer stopped"
        for round_ in range(2):
            line = writer.stdout.readline()
            committed_before.append(int(line))
            archive = tmp_path / f"during-{round_}.tar.gz"
            source.manage("backup", "--output", str(archive))
            archives.append(archive)
    finally:
        stop.touch()
        writer.communicate(timeout=120)  # drains its output, so that it never blocks on it
    assert writer.returncode == 0
    count_batches = (
        "SELECT title, count(*) FROM notifications_notification WHERE kind = 'test' GROUP BY title"
    )
    written = dict(source.query(count_batches))
    for archive, before in zip(archives, committed_before, strict=True):
        copy = new_site()
        copy.manage("restore", str(archive))
        batches = dict(copy.query(count_batches))
        assert len(batches) < len(written)  # the writer went on after the backup
        # Everything committed before the backup began is there...
        assert {f"batch {n}" for n in range(1, before + 1)} <= set(batches)
        # ...and no transaction is there by halves.
        assert set(batches.values()) == {20}, batches
        numbers = sorted(int(title.split()[1]) for title in batches)
        assert numbers == list(range(1, len(numbers) + 1))


def test_stored_files_go_through_the_storage_api_so_s3_is_backed_up_alike():
    """Local and S3 storage are read and written the same way; any Django storage works."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import InMemoryStorage

    from practica.core.backup import BackupError, files

    source, target = InMemoryStorage(), InMemoryStorage()
    source.save("library/2026/11/a.pdf", ContentFile(b"%PDF a"))
    source.save("b.txt", ContentFile(b"b"))

    assert list(files.names(source)) == ["b.txt", "library/2026/11/a.pdf"]
    assert list(files.names(target)) == []

    def put(name, data):
        return files.put(target, name, io.BytesIO(data), sha256=hashlib.sha256(data).hexdigest())

    assert put("library/2026/11/a.pdf", b"%PDF a") is True
    assert put("library/2026/11/a.pdf", b"%PDF a") is False  # the same content is kept
    assert put("library/2026/11/a.pdf", b"%PDF changed") is True  # other content replaced
    with target.open("library/2026/11/a.pdf") as stored:
        assert stored.read() == b"%PDF changed"
    assert list(files.names(target)) == ["library/2026/11/a.pdf"]  # no renamed duplicate
    with pytest.raises(BackupError):
        put("../outside.pdf", b"x")
