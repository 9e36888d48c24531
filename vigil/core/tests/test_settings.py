import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from vigil.core import secrets_file

ROOT = Path(__file__).resolve().parents[3]


def _vigil(args, env_extra, tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("VIGIL_", "DATABASE_URL", "DJANGO_"))
    }
    env.update({"VIGIL_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "vigil.settings"})
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "vigil", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_generates_local_secrets_once_readable_only_by_the_owner(tmp_path):
    path = tmp_path / "secrets.json"
    first = secrets_file.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secrets_file.load_or_create(path) == first
    assert len(first["data_keys"]) == 1
    assert set(first) == {"secret_key", "data_keys", "index_key", "receipt_salt"}
    assert json.loads(path.read_text()) == first


def test_debug_is_off_unless_asked(tmp_path):
    script = "from django.conf import settings; print(settings.DEBUG)"
    off = _vigil(["shell", "--no-imports", "-c", script], {}, tmp_path)
    on = _vigil(["shell", "--no-imports", "-c", script], {"VIGIL_DEBUG": "1"}, tmp_path)
    assert off.stdout.strip() == "False", off.stderr
    assert on.stdout.strip() == "True", on.stderr


def test_deploy_checks_are_clean_with_production_settings(tmp_path):
    result = _vigil(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {"VIGIL_ALLOWED_HOSTS": "vigil.example.org", "VIGIL_EMAIL_HOST": "smtp.example.org"},
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert (tmp_path / "secrets.json").exists()


def test_keys_from_the_environment_win_over_the_local_file(tmp_path):
    script = "from django.conf import settings; print(settings.VIGIL_DATA_KEYS[0]['id'])"
    key = "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5MDE="
    result = _vigil(
        ["shell", "--no-imports", "-c", script], {"VIGIL_DATA_KEYS": f"envkey:{key}"}, tmp_path
    )
    assert result.stdout.strip() == "envkey", result.stderr
