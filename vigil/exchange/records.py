"""An imported record, normalised: what every importer hands to `actions.import_records`."""

import hashlib
import json
from dataclasses import dataclass, field

import pycountry


@dataclass
class ParsedRecord:
    """One de-identified record read from a file, ready to store."""

    line: int
    row_key: str
    year: int | None
    sex: str
    age_band: str
    citizenship: str
    country_of_exploitation: str
    exploitations: list[str]
    # The HTCDS fields of an ImportedCase (None for CTDC rows).
    case: dict | None = None
    raw: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        payload = json.dumps(
            [
                self.year,
                self.sex,
                self.age_band,
                self.citizenship,
                self.country_of_exploitation,
                sorted(self.exploitations),
                self.case,
            ],
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()


def is_country(code: str) -> bool:
    """ISO 3166-1 alpha-2, or a user-assigned code (XA-XZ, e.g. the demo country, Kosovo)."""
    if len(code) != 2 or not code.isalpha() or not code.isupper():
        return False
    return code.startswith("X") or pycountry.countries.get(alpha_2=code) is not None
