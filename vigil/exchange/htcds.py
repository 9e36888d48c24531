"""Cases in the Human Trafficking Case Data Standard (HTCDS 2.0, IOM, CC BY 4.0).

The mapping, one row per exported column (``FIELDS`` below is the same table in code):

| HTCDS field                  | export    | computed from
| ---------------------------- | --------- | -------------
| vgl_ExportId                 | both      | a random id made for each export (HtcdsExport.id)
| vgl_RecordId                 | both      | a random id per case and export; never the case number
| org_Name                     | both      | the exporting organisation's name
| org_ShippingCountry          | both      | its jurisdiction's country (ISO 3166-1 alpha-2)
| prs_Gender                   | both      | Child.sex: female→Feminine, male→Masculine,
|                              |           | other→NonConforming, not known→NonSpecifiedUnknown
| vgl_AgeBand                  | both      | age when the case was opened (date of birth, else the
|                              |           | estimated age) in CTDC's bands: 0-8, 9-17, 18-20 … 48+
| prs_Citizenship              | both      | Child.nationality (alpha-2)
| prs_MailingCountry           | both      | country of the child's current place
| prs_MailingState             | both      | region (ISO 3166-2) of the child's current place
| vic_TraffickingStatus        | both      | PossibleVictimOfTrafficking when the case has a type of
|                              |           | exploitation or the "trafficked" concern, else blank:
|                              |           | Vigil records no formal determination
| vic_TypeOfExploitation       | both      | CaseExploitation, see EXPLOITATION (multi, sorted)
| cas_Status                   | both      | Case.status, see CASE_STATUS (closed as transferred →
|                              |           | ClosedReferred)
| cas_ReasonForCaseClosure     | both      | the closure reason's English label (no free text)
| con_Consent                  | both      | the case has a consent that is not revoked
| vgl_YearOpened               | both      | year the case was opened
| vgl_CaseNumber               | full only | Case.case_number
| prs_FirstName                | full only | Child.given_name
| prs_SecondName               | full only | Child.family_name
| vgl_OtherNames               | full only | Child.other_names (one per line → "; ")
| prs_Birthdate                | full only | Child.date_of_birth (ISO 8601)
| prs_PrimaryLanguage          | full only | Child.languages as recorded
| prs_MailingCity              | full only | name of the current place when below region level
| vgl_OpenedOn                 | full only | date the case was opened
| cco_CaseComment              | full only | Case.summary (free text)
| vic_DetailsOfVulnerabilities | full only | Case.risk_reasons (free text)
| vgl_ClosureNote              | full only | Case.closure_note (free text)
| vgl_Caregivers               | full only | "relationship: name" per caregiver; never their contact

`vgl_` marks fields Vigil adds where HTCDS has none; every other name is checked against
the shipped field list (data/HTCDS_Field_Standards_2.0.csv). Multi-select values are lists
in JSON and joined with ";" in CSV (HTCDS's Salesforce origin). Cases closed as duplicates
are not exported.
"""

import csv
import io
import json
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils import translation

from vigil.cases.models import Case, CaseStatus, ClosureReason, Exploitation
from vigil.exchange.records import ParsedRecord, is_country
from vigil.regions.models import PlaceKind

DATA = Path(__file__).parent / "data"
STANDARD = "HTCDS 2.0"
CITATION = "Human Trafficking Case Data Standard (HTCDS) by IOM, licensed under CC BY 4.0."
MULTI_SEPARATOR = ";"


@dataclass(frozen=True)
class Field:
    name: str
    full_only: bool = False
    multi: bool = False
    boolean: bool = False


FIELDS = (
    Field("vgl_ExportId"),
    Field("vgl_RecordId"),
    Field("org_Name"),
    Field("org_ShippingCountry"),
    Field("prs_Gender"),
    Field("vgl_AgeBand"),
    Field("prs_Citizenship", multi=True),
    Field("prs_MailingCountry"),
    Field("prs_MailingState"),
    Field("vic_TraffickingStatus"),
    Field("vic_TypeOfExploitation", multi=True),
    Field("cas_Status"),
    Field("cas_ReasonForCaseClosure"),
    Field("con_Consent", boolean=True),
    Field("vgl_YearOpened"),
    Field("vgl_CaseNumber", full_only=True),
    Field("prs_FirstName", full_only=True),
    Field("prs_SecondName", full_only=True),
    Field("vgl_OtherNames", full_only=True),
    Field("prs_Birthdate", full_only=True),
    Field("prs_PrimaryLanguage", full_only=True),
    Field("prs_MailingCity", full_only=True),
    Field("vgl_OpenedOn", full_only=True),
    Field("cco_CaseComment", full_only=True),
    Field("vic_DetailsOfVulnerabilities", full_only=True),
    Field("vgl_ClosureNote", full_only=True),
    Field("vgl_Caregivers", full_only=True),
)
BY_NAME = {field.name: field for field in FIELDS}
DEIDENTIFIED_FIELDS = tuple(f.name for f in FIELDS if not f.full_only)
FULL_FIELDS = tuple(f.name for f in FIELDS)
IDENTIFYING_FIELDS = frozenset(f.name for f in FIELDS if f.full_only)

EXPLOITATION = {
    Exploitation.SEXUAL: "SexualExploitation",
    Exploitation.LABOUR: "ForcedLabour",
    Exploitation.DOMESTIC: "Servitude",
    Exploitation.MARRIAGE: "ForcedMarriage",
    Exploitation.CRIMINAL: "Other",
    Exploitation.BEGGING: "ForcedBegging",
    Exploitation.MILITARY: "ForcedMilitaryByNonStateActors",
    Exploitation.ORGANS: "OrganRemoval",
    Exploitation.OTHER: "Other",
}
EXPLOITATION_TYPES = (
    "ForcedLabour",
    "SexualExploitation",
    "ChildLabour",
    "ForcedMarriage",
    "Servitude",
    "ForcedMilitaryByNonStateActors",
    "OrganRemoval",
    "ForcedBegging",
    "ForcedAdoption",
    "Surrogacy",
    "Other",
)
GENDER = {"female": "Feminine", "male": "Masculine", "other": "NonConforming", "": ""}
GENDERS = (
    "Feminine",
    "Masculine",
    "TransgenderFeminine",
    "TransgenderMasculine",
    "NonConforming",
    "NonSpecifiedUnknown",
)
# HTCDS gender → the sex the statistics count by (cases.Sex values).
SEX_OF_GENDER = {
    "Feminine": "female",
    "Masculine": "male",
    "TransgenderFeminine": "other",
    "TransgenderMasculine": "other",
    "NonConforming": "other",
    "NonSpecifiedUnknown": "",
    "": "",
}
CASE_STATUS = {
    CaseStatus.OPEN: "Active",
    CaseStatus.ACTIVE: "Active",
    CaseStatus.REOPENED: "Active",
    CaseStatus.FOLLOW_UP: "FollowUp",
    CaseStatus.CLOSED: "Closed",
}
CASE_STATUSES = ("Active", "FollowUp", "Closed", "ClosedReferred")
TRAFFICKING_STATUSES = (
    "PossibleVictimOfTrafficking",
    "ActualVictimOfTrafficking",
    "NotAVictimOfTrafficking",
)

# CTDC's age bands (ageBroad), written with one hyphen: both sources count together.
AGE_BANDS = (
    (0, 8, "0-8"),
    (9, 17, "9-17"),
    (18, 20, "18-20"),
    (21, 23, "21-23"),
    (24, 26, "24-26"),
    (27, 29, "27-29"),
    (30, 38, "30-38"),
    (39, 47, "39-47"),
    (48, 200, "48+"),
)
AGE_BAND_NAMES = tuple(name for _, _, name in AGE_BANDS)


def standard_field_names() -> set[str]:
    """Every field name (with prefix) in the shipped HTCDS 2.0 field list."""
    with open(DATA / "HTCDS_Field_Standards_2.0.csv", newline="", encoding="utf-8") as handle:
        return {
            row["Field Name including Prefix"].strip()
            for row in csv.DictReader(handle)
            if row["Field Name including Prefix"].strip()
        }


def age_band(age: int | None) -> str:
    if age is None or age < 0:
        return ""
    return next(name for low, high, name in AGE_BANDS if low <= age <= high)


def _age_at(date_of_birth: str, estimated_age: int | None, on: date) -> int | None:
    try:
        born = date.fromisoformat(date_of_birth)
    except (TypeError, ValueError):
        return estimated_age
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _region_and_town(place) -> tuple[str, str, str]:
    """(country, region code, name of a place below region) of a child's current place."""
    if place is None:
        return "", "", ""
    town = "" if place.kind in (PlaceKind.COUNTRY, PlaceKind.SUBDIVISION) else place.name
    region, current = "", place
    while current is not None:
        if current.kind == PlaceKind.SUBDIVISION:
            region = current.code
            break
        current = current.parent
    return place.country_code, region, town


def cases_to_export(organisation):
    return (
        Case.objects.filter(organisation=organisation)
        .exclude(closure_reason=ClosureReason.DUPLICATE)
        .select_related(
            "child",
            "child__current_place__parent__parent__parent",
        )
        .prefetch_related("exploitations", "concerns", "consents", "child__caregivers")
        .order_by("created_at", "case_number")
    )


def case_record(case: Case, *, export_id: str, full: bool) -> dict:
    """One case as an HTCDS record; identifying fields only when `full`."""
    child = case.child
    opened = case.created_at.date()
    country, region, town = _region_and_town(child.current_place)
    exploitations = sorted({EXPLOITATION[e.exploitation] for e in case.exploitations.all()})
    trafficked = bool(exploitations) or any(c.concern == "trafficked" for c in case.concerns.all())
    if case.status == CaseStatus.CLOSED and case.closure_reason == ClosureReason.TRANSFERRED:
        status = "ClosedReferred"
    else:
        status = CASE_STATUS[case.status]
    with translation.override("en"):
        closure = str(ClosureReason(case.closure_reason).label) if case.closure_reason else ""
    record = {
        "vgl_ExportId": export_id,
        "vgl_RecordId": uuid.uuid4().hex,
        "org_Name": case.organisation.name,
        "org_ShippingCountry": case.organisation.jurisdiction.split("-")[0],
        "prs_Gender": GENDER.get(child.sex, ""),
        "vgl_AgeBand": age_band(_age_at(child.date_of_birth, child.estimated_age, opened)),
        "prs_Citizenship": [child.nationality] if child.nationality else [],
        "prs_MailingCountry": country,
        "prs_MailingState": region,
        "vic_TraffickingStatus": "PossibleVictimOfTrafficking" if trafficked else "",
        "vic_TypeOfExploitation": exploitations,
        "cas_Status": status,
        "cas_ReasonForCaseClosure": closure,
        "con_Consent": any(consent.is_active for consent in case.consents.all()),
        "vgl_YearOpened": str(opened.year),
    }
    if full:
        record.update(
            {
                "vgl_CaseNumber": case.case_number,
                "prs_FirstName": child.given_name,
                "prs_SecondName": child.family_name,
                "vgl_OtherNames": "; ".join(
                    name.strip() for name in child.other_names.splitlines() if name.strip()
                ),
                "prs_Birthdate": child.date_of_birth,
                "prs_PrimaryLanguage": child.languages,
                "prs_MailingCity": town,
                "vgl_OpenedOn": opened.isoformat(),
                "cco_CaseComment": case.summary,
                "vic_DetailsOfVulnerabilities": case.risk_reasons,
                "vgl_ClosureNote": case.closure_note,
                "vgl_Caregivers": "; ".join(
                    f"{c.relationship or 'caregiver'}: {c.name}" for c in child.caregivers.all()
                ),
            }
        )
    return record


def records_for(organisation, *, export_id: str, full: bool) -> list[dict]:
    return [
        case_record(case, export_id=export_id, full=full) for case in cases_to_export(organisation)
    ]


def _cell(field: Field, value) -> str:
    if field.multi:
        return MULTI_SEPARATOR.join(value)
    if field.boolean:
        return "" if value is None else ("true" if value else "false")
    return "" if value is None else str(value)


def to_csv(records: list[dict], *, full: bool) -> str:
    columns = FULL_FIELDS if full else DEIDENTIFIED_FIELDS
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(BY_NAME[name], record.get(name)) for name in columns])
    return out.getvalue()


def to_json(records: list[dict], *, export_id: str, organisation, full: bool, created_at) -> str:
    document = {
        "standard": STANDARD,
        "citation": CITATION,
        "export_id": export_id,
        "organisation": organisation.name,
        "scope": "full" if full else "deidentified",
        "created_at": created_at.isoformat(),
        "fields": list(FULL_FIELDS if full else DEIDENTIFIED_FIELDS),
        "records": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


# Reading -------------------------------------------------------------------------------


class FileError(ValueError):
    """A file that cannot be imported; `problems` lists every reason, with line numbers."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


# Columns without which an HTCDS file cannot be counted.
REQUIRED_COLUMNS = ("vgl_RecordId", "prs_Gender", "prs_Citizenship", "vic_TypeOfExploitation")


def _from_cell(field: Field | None, value):
    value = "" if value is None else value
    if field is not None and field.multi:
        if isinstance(value, list):
            return [str(v).strip() for v in value if str(v).strip()]
        return [part.strip() for part in str(value).split(MULTI_SEPARATOR) if part.strip()]
    if field is not None and field.boolean:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        return {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}.get(
            text, None if text == "" else text
        )
    return str(value).strip()


def read(text: str, *, json_format: bool) -> tuple[list[str], list[tuple[int, dict]]]:
    """(columns, [(line or record number, record)]) of an HTCDS file; header checked."""
    if json_format:
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise FileError([f"The file is not valid JSON: {exc}."]) from None
        raw = document.get("records") if isinstance(document, dict) else document
        if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
            raise FileError(['The JSON must be a list of records or an object with "records".'])
        columns = list(document.get("fields") or []) if isinstance(document, dict) else []
        if not columns:
            columns = sorted({key for record in raw for key in record})
        numbered = list(enumerate(raw, start=1))
    else:
        reader = csv.DictReader(io.StringIO(text))
        columns = [c.strip() for c in reader.fieldnames or []]
        reader.fieldnames = columns
        numbered = [(reader.line_num, row) for row in reader]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise FileError([f"Missing columns: {', '.join(missing)}."])
    records = [
        (number, {name: _from_cell(BY_NAME.get(name), row.get(name)) for name in columns})
        for number, row in numbered
    ]
    return columns, records


def parsed_records(text: str, *, json_format: bool) -> tuple[list, list[str]]:
    """(ParsedRecords, identifying columns dropped) of an HTCDS file, or FileError.

    Imported records are statistics, not live cases: the identifying fields of a full
    export are never stored. A file with any bad value imports nothing.
    """
    columns, rows = read(text, json_format=json_format)
    dropped = [c for c in columns if c in IDENTIFYING_FIELDS]
    problems: list[str] = []
    seen: set[str] = set()
    parsed = []
    where = "Record" if json_format else "Line"

    def bad(number, name, value, expected):
        problems.append(f"{where} {number}: {name} {value!r} {expected}.")

    for number, row in rows:
        record_id = row.get("vgl_RecordId", "")
        if not record_id:
            bad(number, "vgl_RecordId", record_id, "must not be blank")
        elif record_id in seen:
            bad(number, "vgl_RecordId", record_id, "appears twice in the file")
        seen.add(record_id)
        gender = row.get("prs_Gender", "")
        if gender not in GENDERS and gender != "":
            bad(number, "prs_Gender", gender, f"is not one of {', '.join(GENDERS)}")
        citizenship = row.get("prs_Citizenship", [])
        for code in citizenship:
            if not is_country(code):
                bad(number, "prs_Citizenship", code, "is not an ISO 3166 alpha-2 code")
        for name in ("prs_MailingCountry", "org_ShippingCountry"):
            if row.get(name) and not is_country(row[name]):
                bad(number, name, row[name], "is not an ISO 3166 alpha-2 code")
        types = row.get("vic_TypeOfExploitation", [])
        for value in types:
            if value not in EXPLOITATION_TYPES:
                bad(number, "vic_TypeOfExploitation", value, "is not an HTCDS type")
        choices = (
            ("cas_Status", CASE_STATUSES),
            ("vic_TraffickingStatus", TRAFFICKING_STATUSES),
            ("vgl_AgeBand", AGE_BAND_NAMES),
        )
        for name, allowed in choices:
            if row.get(name) and row[name] not in allowed:
                bad(number, name, row[name], f"is not one of {', '.join(allowed)}")
        consent = row.get("con_Consent")
        if consent not in (True, False, None):
            bad(number, "con_Consent", consent, "is not true, false or blank")
        year = None
        if row.get("vgl_YearOpened"):
            try:
                year = int(row["vgl_YearOpened"])
            except ValueError:
                bad(number, "vgl_YearOpened", row["vgl_YearOpened"], "is not a year")
            else:
                if not 1900 <= year <= 2100:
                    bad(number, "vgl_YearOpened", year, "is out of range")
        if len(problems) >= 50:
            problems.append("Stopped after 50 problems; nothing was imported.")
            break
        if problems:
            continue
        parsed.append(
            ParsedRecord(
                line=number,
                row_key=record_id,
                year=year,
                sex=SEX_OF_GENDER[gender],
                age_band=row.get("vgl_AgeBand", ""),
                # Statistics count a person once, by the first citizenship recorded.
                citizenship=citizenship[0] if citizenship else "",
                country_of_exploitation="",
                exploitations=sorted(set(types)),
                case={
                    "export_id": row.get("vgl_ExportId", ""),
                    "organisation_name": row.get("org_Name", ""),
                    "organisation_country": row.get("org_ShippingCountry", ""),
                    "gender": gender,
                    "citizenship": MULTI_SEPARATOR.join(citizenship),
                    "mailing_country": row.get("prs_MailingCountry", ""),
                    "mailing_state": row.get("prs_MailingState", ""),
                    "trafficking_status": row.get("vic_TraffickingStatus", ""),
                    "case_status": row.get("cas_Status", ""),
                    "closure_reason": row.get("cas_ReasonForCaseClosure", ""),
                    "consent": consent,
                },
            )
        )
    if problems:
        raise FileError(problems)
    return parsed, dropped


def imported_record(case) -> dict:
    """An ImportedCase back as the de-identified HTCDS record it was read from."""
    record = case.record
    return {
        "vgl_ExportId": case.export_id,
        "vgl_RecordId": record.row_key,
        "org_Name": case.organisation_name,
        "org_ShippingCountry": case.organisation_country,
        "prs_Gender": case.gender,
        "vgl_AgeBand": record.age_band,
        "prs_Citizenship": [c for c in case.citizenship.split(MULTI_SEPARATOR) if c],
        "prs_MailingCountry": case.mailing_country,
        "prs_MailingState": case.mailing_state,
        "vic_TraffickingStatus": case.trafficking_status,
        "vic_TypeOfExploitation": sorted(e.exploitation for e in record.exploitations.all()),
        "cas_Status": case.case_status,
        "cas_ReasonForCaseClosure": case.closure_reason,
        "con_Consent": case.consent,
        "vgl_YearOpened": "" if record.year is None else str(record.year),
    }
