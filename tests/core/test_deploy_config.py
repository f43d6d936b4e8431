"""docs/deploy/nginx.conf, the sample reverse proxy of README's production recipe, agrees
with what the app does: the same body limit, the header that tells the app a request was
HTTPS, an idle timeout towards the app below the app server's; and nginx accepts it."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from practica.core.management.commands import serve

CONF = Path(__file__).resolve().parents[2] / "docs" / "deploy" / "nginx.conf"


def test_the_proxy_refuses_the_bodies_the_app_refuses():
    text = CONF.read_text()
    limit = settings.PRACTICA_UPLOAD_MAX_MB + settings.PRACTICA_REQUEST_FIELDS_MB
    assert re.search(rf"^\s*client_max_body_size {limit}m;", text, re.M)
    # The production settings trust exactly this header for HTTPS.
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    production = (CONF.parents[2] / "config" / "settings" / "production.py").read_text()
    assert '("HTTP_X_FORWARDED_PROTO", "https")' in production
    upstream_idle = re.search(r"^\s*keepalive_timeout (\d+)s;", text, re.M)
    assert upstream_idle and int(upstream_idle.group(1)) * 1000 < serve.HEADER_TIMEOUT_MS


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed")
def test_nginx_accepts_the_sample(tmp_path):
    subprocess.run(  # noqa: S603
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",  # noqa: S607
         "-subj", "/CN=practica.example.org", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = re.sub(
        r"/etc/letsencrypt/\S+/fullchain\.pem", str(tmp_path / "cert.pem"), CONF.read_text()
    )
    site = re.sub(r"/etc/letsencrypt/\S+/privkey\.pem", str(tmp_path / "key.pem"), site)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ client_body_temp_path {tmp_path}; include {tmp_path}/site.conf; }}\n"
    )
    done = subprocess.run(  # noqa: S603
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],  # noqa: S607
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
