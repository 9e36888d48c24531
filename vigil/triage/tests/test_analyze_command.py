import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from vigil.tips.tests.factories import TipFactory
from vigil.triage.models import PriorityReason, TipAnalysis, TipEntity, TipLink
from vigil.triage.pipeline import analyse_tip

ROOT = Path(__file__).resolve().parents[3]

TIPS = [
    {
        "id": "gb-1",
        "country": "GB",
        "text": "She is 14. They took her passport. Call 07700 900123.",
        "immediate_danger": True,
    },
    {
        "id": "fr-1",
        "country": "FR",
        "text": "Rien de particulier à signaler.",
        "phone_numbers": "01 99 00 12 34",
        "contact_details": "07700 900999",
    },
]


def lines(*items) -> str:
    return "".join(json.dumps(item) + "\n" for item in items)


def analyze(*args, stdin: str | None = None) -> list[dict]:
    out = io.StringIO()
    kwargs = {"stdin": io.StringIO(stdin)} if stdin is not None else {}
    call_command("analyze", *args, stdout=out, **kwargs)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_it_analyses_a_file_of_json_lines(tmp_path):
    source = tmp_path / "tips.jsonl"
    source.write_text(lines(*TIPS), encoding="utf-8")

    gb, fr = analyze(str(source))

    assert gb["id"] == "gb-1"
    entities = {(e["type"], e["normalized"]) for e in gb["entities"]}
    assert {("phone", "+447700900123"), ("age", 14)} <= entities
    for entity in gb["entities"]:
        assert TIPS[0]["text"][entity["start"] : entity["end"]] == entity["value"]
        assert "field" not in entity
    passport = next(i for i in gb["indicators"] if i["id"] == "confiscated-documents")
    assert "passport" in TIPS[0]["text"][passport["start"] : passport["end"]]
    assert passport["title"]
    assert gb["priority"] == 5
    assert gb["reasons"][0] == {
        "code": "immediate_danger",
        "label": "A child is in immediate danger (the reporter said so)",
        "contribution": 40,
    }
    # Structured fields are read and say where they were found; contact details never.
    assert [(e["type"], e["normalized"], e["field"]) for e in fr["entities"]] == [
        ("phone", "+33199001234", "phone_numbers")
    ]
    assert fr["priority"] == 1
    assert not TipEntity.objects.exists()


@pytest.mark.django_db
def test_it_reads_standard_input_and_reports_bad_lines_without_stopping():
    text = (
        lines(TIPS[0])
        + "this is not json\n"
        + "\n"
        + lines({"id": 7, "text": 12})
        + lines({"id": "x", "country": "GB", "text": "ok", "received_at": "yesterday"})
        + lines(TIPS[1])
    )

    results = analyze(stdin=text)

    assert [r.get("id") for r in results] == ["gb-1", None, 7, "x", "fr-1"]
    assert results[1] == {"line": 2, "error": "not valid JSON (UTF-8)"}
    assert results[2] == {"id": 7, "line": 4, "error": "'text' must be a string"}
    assert "received_at" in results[3]["error"]
    assert results[4]["priority"] == 1


@pytest.mark.django_db
def test_it_fails_when_nothing_could_be_read(tmp_path):
    with pytest.raises(CommandError, match="no tip could be read"):
        analyze(stdin="nope\n[1, 2]\n")
    with pytest.raises(CommandError, match="cannot read"):
        analyze(str(tmp_path / "missing.jsonl"))


def test_it_works_without_a_database(tmp_path):
    # An empty database file: not migrated, so the shipped catalogue is used.
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "vigil.settings_test",
        "VIGIL_DATA_DIR": str(tmp_path),
    }
    run = subprocess.run(
        [sys.executable, "-m", "vigil", "analyze"],
        input=lines(TIPS[0]),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    (result,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert result["priority"] == 5
    assert "confiscated-documents" in {i["id"] for i in result["indicators"]}


def test_reanalyze_analyses_stored_tips_in_batches(hotline):
    first = TipFactory(hotline=hotline, country_code="GB", narrative="Call 07700 900123.")
    second = TipFactory(hotline=hotline, country_code="GB", narrative="Ring 07700 900123 now.")
    TipFactory(hotline=hotline, narrative="Nothing to see.")
    out = io.StringIO()

    call_command("reanalyze", batch=2, stdout=out)

    assert TipAnalysis.objects.count() == 3
    assert TipLink.objects.filter(from_tip=first, to_tip=second).exists()
    assert TipLink.objects.filter(from_tip=second, to_tip=first).exists()
    assert "2/3 tips (0 failed)" in out.getvalue()
    assert "Analysed 3 tips." in out.getvalue()


def test_reanalyze_only_missing_leaves_analysed_tips_alone(hotline):
    done = TipFactory(hotline=hotline, narrative="Already analysed.")
    analyse_tip(done)
    analysed_at = TipAnalysis.objects.get(tip=done).analysed_at
    missed = TipFactory(hotline=hotline, narrative="Its hook failed.")
    out = io.StringIO()

    call_command("reanalyze", "--only-missing", stdout=out)

    assert TipAnalysis.objects.get(tip=done).analysed_at == analysed_at
    assert TipAnalysis.objects.filter(tip=missed).exists()
    assert "Analysed 1 tips." in out.getvalue()
    assert PriorityReason.objects.filter(analysis__tip=missed).exists()


def test_reanalyze_since_a_date_and_rejects_a_bad_one(hotline):
    from vigil.tips.models import Tip

    old = TipFactory(hotline=hotline, narrative="Old report.")
    Tip.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00:00Z")
    new = TipFactory(hotline=hotline, narrative="New report.")

    call_command("reanalyze", "--since", "2024-01-01", stdout=io.StringIO())

    assert not TipAnalysis.objects.filter(tip=old).exists()
    assert TipAnalysis.objects.filter(tip=new).exists()
    with pytest.raises(CommandError, match="--since"):
        call_command("reanalyze", "--since", "last week", stdout=io.StringIO())


def test_reanalyze_sets_the_deadlines_of_the_new_priority(hotline):
    from vigil.triage.models import TipDeadline
    from vigil.triage.tests.workflow_data import build_protocol

    build_protocol()
    tip = TipFactory(
        hotline=hotline,
        immediate_danger=True,
        narrative="A girl of 14 is sold for sex at the motel; he keeps her passport.",
    )
    assert not TipDeadline.objects.filter(tip=tip).exists()

    call_command("reanalyze", stdout=io.StringIO())

    assert TipAnalysis.objects.get(tip=tip).priority == 5
    assert set(TipDeadline.objects.filter(tip=tip).values_list("kind", flat=True)) == {
        "acknowledge",
        "escalate",
    }
