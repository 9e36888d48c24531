"""Writes vigil/vulnerability/data/world_bank.csv.gz from the World Bank files in ../shared.

Run from the repository root: `python tools/build_world_bank_data.py [SHARED_DATA_DIR]`.
Vigil never reads ../shared at run time; `vigil import_world_bank` loads the file written here.

Keeps countries only (ISO 3166-1 alpha-3 codes known to pycountry, plus Kosovo, XKX, which
the World Bank lists as an economy) and years from 2000. Region and income-group aggregates
(ARB, EUU, HIC, WLD…) are dropped. WGI uses a few codes of its own; they are mapped to ISO.
Missing values (empty cells, "NA") are left out: a missing value stays missing.
"""

import csv
import gzip
import io
import json
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "vigil" / "vulnerability" / "data" / "world_bank.csv.gz"
FIRST_YEAR = 2000

# WGI's own codes for economies whose ISO alpha-3 differs.
WGI_CODES = {"ADO": "AND", "ZAR": "COD", "ROM": "ROU", "TMP": "TLS", "WBG": "PSE", "KSV": "XKX"}
WGI_INDICATORS = {
    "VoiceandAccountability": "wgi.va.est",
    "PoliticalStability": "wgi.pv.est",
    "GovernmentEffectiveness": "wgi.ge.est",
    "RegulatoryQuality": "wgi.rq.est",
    "RuleofLaw": "wgi.rl.est",
    "ControlofCorruption": "wgi.cc.est",
}
COUNTRIES = {country.alpha_3 for country in pycountry.countries} | {"XKX"}


def _number(text: str) -> str | None:
    text = text.strip()
    if not text or text.upper() == "NA":
        return None
    value = float(text)
    # Compact, lossless enough for indicators published with a few significant digits.
    return f"{value:.6g}" if abs(value) < 1e6 else f"{value:.0f}"


def wdi_rows(shared: Path):
    for folder in sorted((shared / "country" / "wdi").iterdir()):
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        code = package["name"]
        with open(folder / "data.csv", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                alpha3, year = row["Country Code"], int(row["Year"])
                value = _number(row["Value"])
                if alpha3 in COUNTRIES and year >= FIRST_YEAR and value is not None:
                    yield alpha3, year, code, value


def wgi_rows(shared: Path):
    path = shared / "country" / "wgi" / "WB_WGI_1996-2019_long.csv.gz"
    with gzip.open(path, "rt", encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle):
            alpha3 = WGI_CODES.get(row["Code"], row["Code"])
            year = int(row["Year"])
            value = _number(row["Estimate"])
            if alpha3 in COUNTRIES and year >= FIRST_YEAR and value is not None:
                yield alpha3, year, WGI_INDICATORS[row["Indicator"]], value


def main(argv: list[str]) -> None:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    rows = sorted(set(wdi_rows(shared)) | set(wgi_rows(shared)))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["alpha3", "year", "indicator", "value"])
    writer.writerows(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes.
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(buffer.getvalue().encode("utf-8"))
    print(f"{len(rows)} values, {len({r[0] for r in rows})} countries -> {OUT}")


if __name__ == "__main__":
    main(sys.argv)
