"""Exports in HTCDS fields: de-identified by default, full only under an agreement, audited."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from vigil.audit.models import Action, AuditEvent
from vigil.exchange import htcds
from vigil.exchange.models import HtcdsExport, Scope

IDENTIFYING = ("Amina", "Testchild", "Aminah", "Bilal", "Othername", "2011-04-02", "Portavel")
IDENTIFYING += ("Fatou", "Synthetic case for tests", "seen working at night")


def export_url(org):
    return reverse("exchange:export", args=[org.slug])


def test_every_htcds_name_is_in_the_shipped_standard():
    standard = htcds.standard_field_names()
    for field in htcds.FIELDS:
        assert field.name.startswith("vgl_") or field.name in standard, field.name


def test_a_deidentified_csv_leaves_out_names_birth_dates_and_case_numbers(
    signed_in, supervisor, hotline, cases
):
    response = signed_in(supervisor).post(
        export_url(hotline), {"format": "csv", "scope": "deidentified"}
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    for secret in IDENTIFYING + tuple(case.case_number for case in cases):
        assert secret not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    assert list(rows[0]) == list(htcds.DEIDENTIFIED_FIELDS)
    amina = next(row for row in rows if row["prs_Gender"] == "Feminine")
    assert amina["vgl_AgeBand"] == "9-17"
    assert amina["prs_Citizenship"] == "PH"
    assert amina["prs_MailingCountry"] == "XV"
    assert amina["prs_MailingState"] == "XV-NO"
    assert amina["vic_TypeOfExploitation"] == "ForcedLabour"
    assert amina["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"
    assert amina["cas_Status"] == "Active"
    bilal = next(row for row in rows if row["prs_Gender"] == "Masculine")
    assert bilal["vgl_AgeBand"] == "9-17"
    export = HtcdsExport.objects.get()
    assert {row["vgl_ExportId"] for row in rows} == {export.id.hex}
    assert len({row["vgl_RecordId"] for row in rows}) == 2


def test_each_export_gives_records_new_ids(hotline, cases):
    call_command("export_htcds", "--organisation", hotline.slug, stdout=(first := io.StringIO()))
    call_command("export_htcds", "--organisation", hotline.slug, stdout=(second := io.StringIO()))
    ids = [
        {r["vgl_RecordId"] for r in csv.DictReader(io.StringIO(out.getvalue()))}
        for out in (first, second)
    ]
    assert ids[0] and not ids[0] & ids[1]


def test_the_export_is_audited_with_its_count_and_agreement(
    signed_in, supervisor, hotline, cases, deidentified_agreement
):
    signed_in(supervisor).post(
        export_url(hotline),
        {"format": "json", "scope": "deidentified", "agreement": deidentified_agreement.pk},
    )

    export = HtcdsExport.objects.get()
    assert export.agreement == deidentified_agreement
    event = AuditEvent.objects.get(action=Action.EXPORT, object_id=str(export.pk))
    assert event.actor == supervisor
    assert event.organisation == hotline
    assert "2 records" in event.summary
    assert str(deidentified_agreement.pk) in event.summary
    # A de-identified export does not mark each case as exported.
    assert not AuditEvent.objects.filter(object_type="cases.case", action=Action.EXPORT)


def test_a_full_export_under_an_agreement_has_the_identifying_fields(
    signed_in, supervisor, hotline, cases, full_agreement
):
    response = signed_in(supervisor).post(
        export_url(hotline),
        {"format": "json", "scope": "full", "agreement": full_agreement.pk},
    )

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["scope"] == "full"
    assert document["citation"] == htcds.CITATION
    amina = next(r for r in document["records"] if r["prs_FirstName"] == "Amina")
    assert amina["prs_SecondName"] == "Testchild"
    assert amina["prs_Birthdate"] == "2011-04-02"
    assert amina["prs_MailingCity"] == "Portavel"
    assert amina["vgl_CaseNumber"] == cases[0].case_number
    assert amina["vgl_Caregivers"] == "aunt: Fatou Guardian"
    assert amina["vgl_RecordId"] != cases[0].case_number
    export = HtcdsExport.objects.get()
    assert export.scope == Scope.FULL
    assert AuditEvent.objects.get(action=Action.EXPORT, object_id=str(export.pk)).actor == (
        supervisor
    )
    exported_cases = AuditEvent.objects.filter(object_type="cases.case", action=Action.EXPORT)
    assert {e.object_id for e in exported_cases} == {str(case.pk) for case in cases}


@pytest.mark.parametrize("with_agreement", ["none", "deidentified", "revoked"])
def test_a_full_export_is_refused_without_an_active_full_agreement(
    signed_in, supervisor, hotline, cases, deidentified_agreement, full_agreement, with_agreement
):
    from vigil.exchange.actions import revoke_agreement

    data = {"format": "csv", "scope": "full"}
    if with_agreement == "deidentified":
        data["agreement"] = deidentified_agreement.pk
    if with_agreement == "revoked":
        revoke_agreement(supervisor, full_agreement, "Partner closed")
        data["agreement"] = full_agreement.pk

    response = signed_in(supervisor).post(export_url(hotline), data)

    assert response.status_code == 403
    assert b"Amina" not in response.content
    assert not HtcdsExport.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_the_command_refuses_a_full_export_without_an_agreement(hotline, cases):
    with pytest.raises(CommandError, match="agreement"):
        call_command("export_htcds", "--organisation", hotline.slug, "--full")
    assert not HtcdsExport.objects.exists()


def test_the_command_exports_in_full_under_the_agreement(hotline, cases, full_agreement, tmp_path):
    out = tmp_path / "full.csv"
    call_command(
        "export_htcds",
        "--organisation", hotline.slug,
        "--agreement", str(full_agreement.pk),
        "--full",
        "--out", str(out),
        stderr=io.StringIO(),
    )  # fmt: skip

    rows = list(csv.DictReader(out.open()))
    assert {row["prs_FirstName"] for row in rows} == {"Amina", "Bilal"}
    event = AuditEvent.objects.get(object_type="exchange.htcdsexport")
    assert event.actor is None and event.actor_label == "command line"
    assert "full" in event.summary


def test_the_command_exports_deidentified_by_default(hotline, cases):
    out = io.StringIO()
    call_command("export_htcds", "--organisation", hotline.slug, "--format", "json", stdout=out)
    document = json.loads(out.getvalue())
    assert document["scope"] == "deidentified"
    assert "Amina" not in out.getvalue()
    assert set(document["records"][0]) == set(htcds.DEIDENTIFIED_FIELDS)


def test_another_organisations_agreement_cannot_be_named(hotline, other_org, cases, full_agreement):
    with pytest.raises(CommandError, match="No such agreement"):
        call_command(
            "export_htcds", "--organisation", other_org.slug,
            "--agreement", str(full_agreement.pk), "--full",
        )  # fmt: skip
