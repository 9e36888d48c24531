import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from vigil.core import crypto, secrets_file
from vigil.tips.models import Author, Tip, TipAttachment, TipMessage
from vigil.tips.tests.factories import TipFactory, photo_bytes

NARRATIVE = "A girl of about 14 is brought to the car wash every night."
PHONES = "07700 900123"


@pytest.fixture
def keyring(settings, tmp_path):
    """A secrets file of our own with one data key, as a fresh install has."""
    path = tmp_path / "secrets.json"
    old_key = secrets_file.new_data_key()
    secrets_file.write(path, {"secret_key": "x", "data_keys": [old_key], "other": "kept"})
    settings.SECRETS_FILE = path
    settings.VIGIL_DATA_KEYS = [old_key]
    settings.VIGIL_DATA_KEYS_FROM_ENV = False
    return path, old_key


def stored_keys(path) -> list[str]:
    return [key["id"] for key in json.loads(path.read_text())["data_keys"]]


def raw_values(table: str, columns: list[str]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608
        return [value for row in cursor.fetchall() for value in row if value]


def make_tip(hotline) -> Tip:
    tip = TipFactory(hotline=hotline, narrative=NARRATIVE, phone_numbers=PHONES)
    TipMessage.objects.create(tip=tip, author_kind=Author.REPORTER, body="It happened again.")
    TipAttachment.objects.create(
        tip=tip, content=photo_bytes(), content_type="image/jpeg", width=64, height=48, size=1
    )
    return tip


def test_it_re_encrypts_every_value_under_a_new_key_and_retires_the_old_one(
    keyring, hotline, settings
):
    path, old_key = keyring
    tips = [make_tip(hotline) for _ in range(3)]
    assert raw_values("tips_tip", ["narrative"])[0].startswith(f"v1:{old_key['id']}:")

    call_command("rotate_keys", batch_size=2)

    (new_id,) = stored_keys(path)
    assert new_id != old_key["id"]
    assert settings.VIGIL_DATA_KEYS[0]["id"] == new_id
    assert json.loads(path.read_text())["other"] == "kept"
    raw = (
        raw_values("tips_tip", ["narrative", "phone_numbers"])
        + raw_values("tips_tipmessage", ["body"])
        + raw_values("tips_tipattachment", ["content"])
    )
    assert len(raw) == 3 * 4
    assert all(value.startswith(f"v1:{new_id}:") for value in raw)
    for tip in tips:
        tip = Tip.objects.get(pk=tip.pk)
        assert tip.narrative == NARRATIVE
        assert tip.phone_numbers == PHONES
        assert tip.children_description == ""
        assert tip.messages.get().body == "It happened again."
        assert tip.attachments.get().content == photo_bytes()


def test_it_stops_without_half_rotating_when_a_value_is_under_an_unknown_key(
    keyring, hotline, settings
):
    path, old_key = keyring
    make_tip(hotline)
    # A value written under a key that has since been lost from the keyring.
    lost_key = secrets_file.new_data_key()
    settings.VIGIL_DATA_KEYS = [lost_key, old_key]
    orphan = TipFactory(hotline=hotline, narrative="written under a lost key")
    settings.VIGIL_DATA_KEYS = [old_key]
    before = raw_values("tips_tip", ["narrative"])

    with pytest.raises(CommandError, match=f"Tip.narrative of row {orphan.pk}"):
        call_command("rotate_keys")

    assert raw_values("tips_tip", ["narrative"]) == before
    assert old_key["id"] in stored_keys(path)
    assert Tip.objects.exclude(pk=orphan.pk).get().narrative == NARRATIVE


def test_it_refuses_to_edit_the_file_when_keys_come_from_the_environment(
    keyring, hotline, settings
):
    path, old_key = keyring
    settings.VIGIL_DATA_KEYS_FROM_ENV = True
    before = path.read_text()

    with pytest.raises(CommandError, match="--reencrypt-only"):
        call_command("rotate_keys")

    assert path.read_text() == before


def test_it_re_encrypts_under_the_first_environment_key_without_touching_any_file(
    keyring, hotline, settings
):
    path, old_key = keyring
    tip = make_tip(hotline)
    settings.VIGIL_DATA_KEYS_FROM_ENV = True
    new_key = secrets_file.new_data_key()
    settings.VIGIL_DATA_KEYS = [new_key, old_key]
    before = path.read_text()

    call_command("rotate_keys", reencrypt_only=True)

    assert path.read_text() == before
    assert all(
        value.startswith(f"v1:{new_key['id']}:")
        for value in raw_values("tips_tip", ["narrative", "phone_numbers"])
    )
    settings.VIGIL_DATA_KEYS = [new_key]
    assert Tip.objects.get(pk=tip.pk).narrative == NARRATIVE
    assert crypto.current_key_id() == new_key["id"]
