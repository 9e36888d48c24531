"""Reading CTDC files: the Counter-Trafficking Data Collaborative's victim records.

Columns used (others, such as names and centroids of countries, are ignored):
yearOfRegistration, gender (Female/Male), ageBroad (0--8, 9--17, 18--20 … 48+),
citizenship and CountryOfExploitation (ISO alpha-2; "0" or blank when not known),
isForcedLabour, isSexualExploit (1.0 / 0.0 / blank) and, when a file has them, CTDC's
other type flags (isOtherExploit, isForcedMarriage, isSlaveryAndPractices, …), mapped to
HTCDS types in TYPE_FLAGS. Records of *identified* victims: detection, not prevalence.
Attribution: "Source: Counter-Trafficking Data Collaborative (CTDC)".
"""

import csv
import io

from vigil.exchange.htcds import AGE_BAND_NAMES, FileError
from vigil.exchange.records import ParsedRecord, is_country

ATTRIBUTION = "Source: Counter-Trafficking Data Collaborative (CTDC)"
REQUIRED_COLUMNS = (
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "citizenship",
    "isForcedLabour",
    "isSexualExploit",
    "CountryOfExploitation",
)
# CTDC flag column → HTCDS type of exploitation.
TYPE_FLAGS = {
    "isForcedLabour": "ForcedLabour",
    "isSexualExploit": "SexualExploitation",
    "isForcedMarriage": "ForcedMarriage",
    "isSlaveryAndPractices": "Servitude",
    "isForcedMilitary": "ForcedMilitaryByNonStateActors",
    "isOrganRemoval": "OrganRemoval",
    "isOtherExploit": "Other",
}
SEX = {"female": "female", "male": "male", "transgender/nonconforming": "other", "": ""}
UNKNOWN = {"", "0", "-99", "NA", "N/A", "-"}
TRUE = {"1", "1.0", "true"}
FALSE = {"0", "0.0", "false", ""}
MAX_PROBLEMS = 50


def _country(value: str, column: str, line: int, problems: list[str]) -> str:
    value = value.strip()
    if value in UNKNOWN:
        return ""
    if not is_country(value):
        problems.append(f"Line {line}: {column} {value!r} is not an ISO 3166 alpha-2 code.")
    return value


def read(text: str) -> list[ParsedRecord]:
    """Every row of a CTDC file, or FileError listing all problems with line numbers."""
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]
    reader.fieldnames = columns
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise FileError([f"Missing columns: {', '.join(missing)}."])
    flags = [c for c in TYPE_FLAGS if c in columns]
    problems: list[str] = []
    records = []
    for row in reader:
        line = reader.line_num
        year_text = (row["yearOfRegistration"] or "").strip()
        year = None
        if year_text not in UNKNOWN:
            try:
                year = int(float(year_text))
            except ValueError:
                problems.append(f"Line {line}: yearOfRegistration {year_text!r} is not a year.")
            else:
                if not 1900 <= year <= 2100:
                    problems.append(f"Line {line}: yearOfRegistration {year} is out of range.")
        gender = (row["gender"] or "").strip()
        if gender.lower() not in SEX:
            problems.append(f"Line {line}: gender {gender!r} is not Female, Male or blank.")
        band = (row["ageBroad"] or "").strip().replace("--", "-")
        if band and band not in AGE_BAND_NAMES:
            problems.append(f"Line {line}: ageBroad {row['ageBroad']!r} is not a CTDC age band.")
        types = []
        for column in flags:
            value = (row[column] or "").strip().lower()
            if value in TRUE:
                types.append(TYPE_FLAGS[column])
            elif value not in FALSE:
                problems.append(f"Line {line}: {column} {row[column]!r} is not 1, 0 or blank.")
        records.append(
            ParsedRecord(
                line=line,
                row_key=str(line),
                year=year,
                sex=SEX.get(gender.lower(), ""),
                age_band=band,
                citizenship=_country(row["citizenship"] or "", "citizenship", line, problems),
                country_of_exploitation=_country(
                    row["CountryOfExploitation"] or "", "CountryOfExploitation", line, problems
                ),
                exploitations=sorted(set(types)),
            )
        )
        if len(problems) >= MAX_PROBLEMS:
            problems.append("Stopped after 50 problems; nothing was imported.")
            break
    if problems:
        raise FileError(problems)
    return records
