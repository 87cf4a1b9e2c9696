"""Production settings (KVP_ENV=production): refusal to start with unsafe values, and what they switch on.

Settings are read once per process, so each case imports them in a fresh interpreter."""

from __future__ import annotations

import json
import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
SHOW_SETTINGS = """
import json, os
from django.conf import settings
import django; django.setup()
print(json.dumps({
    "synthetic": settings.KVP_ACCEPT_SYNTHETIC_IDS,
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "proxy": settings.SECURE_PROXY_SSL_HEADER,
    "origins": settings.CSRF_TRUSTED_ORIGINS,
    "messages": settings.MESSAGE_STORAGE,
    "umask": (lambda old: (os.umask(old), old)[1])(os.umask(0)),
}))
"""

KVP_COMMAND = "import sys; from kvp.__main__ import main; sys.argv = ['kvp', {args}]; main()"


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: the browser tests set it in this process; a deployment never has it.
        if not key.startswith(("KVP_", "DATABASE_URL", "PYTEST", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    env.update(
        PYTHONPATH=str(SRC),
        DJANGO_SETTINGS_MODULE="kvp.settings",
        KVP_ENV="production",
        KVP_SECRET_KEY=secrets.token_urlsafe(50),
        KVP_ALLOWED_HOSTS="kvp.nav.example",
        KVP_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        KVP_DATA_DIR=str(tmp_path),
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value != ""}


def run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - this interpreter, with code from this file
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("override", "refusal"),
    [
        ({"KVP_SECRET_KEY": ""}, "KVP_SECRET_KEY"),
        ({"KVP_SECRET_KEY": "insecure-development-key-change-me-in-production"}, "KVP_SECRET_KEY"),
        ({"KVP_SECRET_KEY": "short"}, "KVP_SECRET_KEY"),
        ({"KVP_DEBUG": "1"}, "KVP_DEBUG"),
        ({"KVP_ALLOWED_HOSTS": ""}, "KVP_ALLOWED_HOSTS"),
        ({"KVP_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "SMTP only"),
    ],
)
def test_production_refuses_to_start_with_an_unsafe_value(
    tmp_path: Path, override: dict[str, str], refusal: str
) -> None:
    result = run("import kvp.settings", production_env(tmp_path, **override))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert refusal in result.stderr


def test_development_still_starts_with_the_development_secret(tmp_path: Path) -> None:
    env = production_env(tmp_path, KVP_ENV="development", KVP_SECRET_KEY="", KVP_EMAIL_BACKEND="")
    assert run("import kvp.settings", env).returncode == 0


def test_production_switches_on_every_protection(tmp_path: Path) -> None:
    env = production_env(
        tmp_path,
        KVP_ACCEPT_SYNTHETIC_IDS="1",  # asked for, and still refused
        KVP_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        KVP_CSRF_TRUSTED_ORIGINS="https://kvp.nav.example",
    )
    result = run(SHOW_SETTINGS, env)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["synthetic"] is False
    assert shown["session_secure"] is True
    assert shown["csrf_secure"] is True
    assert shown["hsts"] >= 365 * 24 * 60 * 60
    assert shown["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert shown["origins"] == ["https://kvp.nav.example"]
    assert shown["messages"] == "django.contrib.messages.storage.session.SessionStorage"
    assert shown["umask"] == 0o077


def test_the_deploy_check_reports_nothing_and_the_database_is_private(tmp_path: Path) -> None:
    """The finding: the SQLite file was created readable by every user of the machine."""
    tmp_path.chmod(0o700)
    env = production_env(tmp_path)
    migrated = run(KVP_COMMAND.format(args="'migrate', '--noinput'"), env)
    assert migrated.returncode == 0, migrated.stderr
    assert stat.S_IMODE((tmp_path / "kvp.sqlite3").stat().st_mode) == 0o600
    result = run(KVP_COMMAND.format(args="'check', '--deploy', '--database', 'default', '--fail-level', 'DEBUG'"), env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_refuses_a_database_file_others_can_read(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    database = tmp_path / "kvp.sqlite3"
    database.touch(mode=0o644)
    database.chmod(0o644)
    env = production_env(tmp_path)
    result = run(KVP_COMMAND.format(args="'check', '--deploy'"), env)
    assert result.returncode != 0
    assert "kvp.E001" in result.stderr
