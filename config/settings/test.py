"""Settings for the test suite: fast hashing, mail kept in memory, tasks run inline."""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Static files come from the apps' folders, as under `make run` before collectstatic: a fresh
# clone has no STATIC_ROOT, and tests fetch icons and scripts through WhiteNoise.
WHITENOISE_USE_FINDERS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A test database in a file, not in memory: with an in-memory database the live server's
    # threads and the test share ONE connection, whose transaction state they trample
    # (a browser test once hung CI for an hour). In a file each thread has its own
    # connection and SQLite's locks work as they do in production. One file per run, in
    # memory-backed /dev/shm where there is one (a disk would spend the time in fsync).
    # mkdtemp makes a private directory with an unguessable name.
    _SHM = "/dev/shm"  # noqa: S108
    _TEST_DIR = tempfile.mkdtemp(prefix="practica-test-", dir=_SHM if os.path.isdir(_SHM) else None)
    atexit.register(shutil.rmtree, _TEST_DIR, ignore_errors=True)
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_TEST_DIR, "db.sqlite3")}  # noqa: F405
