"""Synthetic child records with known true matches, to measure matching.

No real person is in them: given names come from the project's own list of
spellings (data/name_variants.txt), family names and places are built from
syllables. Each child is registered one to four times, and each registration
after the first is written the way records really drift: another spelling of
the name, a nickname, the names in the other order, an estimated age instead
of the date of birth, typos, empty fields, a name in Cyrillic script.
"""

import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

FIELDS = ("id", "child", "given", "family", "other", "sex", "dob", "age", "place", "caregiver")
ROLES = {
    "first_name": "given",
    "last_name": "family",
    "other_names": "other",
    "sex": "sex",
    "dob": "dob",
    "age": "age",
    "place": "place",
    "caregiver_name": "caregiver",
}
# How many registrations a child has, and how often.
REGISTRATIONS = ((1, 0.55), (2, 0.27), (3, 0.12), (4, 0.06))


def _split(text: str) -> list[str]:
    return text.split()


_ONSETS = _split("b d f g h j k l m n p r s t v z kh sh ch zh br dr gr kr tr st")
_NUCLEI = _split("a e i o u a e i o ai ou ei")
_CODAS = [*_split("n r l m s k t v"), "", "", "", ""]
_ENDINGS = _split("ov ova enko uk ic idze yan ian ani ou o a i ez es sson er ski ska oglu ie")
_CYRILLIC = (
    ("shch", "щ"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ya", "я"),
    ("yu", "ю"),
    ("yo", "ё"),
    ("ts", "ц"),
)
_CYRILLIC_LETTERS = dict(zip("abvgdezijklmnoprstufhyc", "абвгдезийклмнопрстуфхыц", strict=True))
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def _name_groups() -> list[list[str]]:
    text = resources.files("vigil.matching").joinpath("data/name_variants.txt").read_text()
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            groups.append([word.strip() for word in line.split(",") if word.strip().isalpha()])
    return groups


def _made_up_words(rng: random.Random, count: int, endings: list[str]) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        syllables = rng.randint(1, 3)
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_NUCLEI) + rng.choice(_CODAS) for _ in range(syllables)
        )
        words.add(word + rng.choice(endings))
    return sorted(words)


class _World:
    """The pools one synthetic population draws from (fixed by the seed)."""

    def __init__(self, rng: random.Random, count: int):
        self.groups = _name_groups()
        # A few given names are far commoner than the rest, as in life.
        self.group_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.groups))]
        rng.shuffle(self.group_weights)
        # About as many family names as there are families, so siblings share one.
        self.families = _made_up_words(rng, max(2000, count // 4), _ENDINGS)
        self.places = [word.capitalize() for word in _made_up_words(rng, 500, [""])]


def iter_records(count: int, seed: int = 1, as_of: date | None = None) -> Iterator[dict]:
    """`count` records; records with the same `child` are the same child."""
    rng = random.Random(seed)
    as_of = as_of or date.today()
    world = _World(rng, count)
    produced, child = 0, 0
    while produced < count:
        child += 1
        truth = _child(rng, world, as_of)
        copies = rng.choices(*zip(*REGISTRATIONS, strict=True))[0]
        for copy in range(min(copies, count - produced)):
            record = truth if copy == 0 else _drift(rng, world, truth, as_of)
            produced += 1
            yield {**record, "id": f"r{produced}", "child": f"c{child}"}


def _child(rng: random.Random, world: _World, as_of: date) -> dict:
    family = rng.choice(world.families)
    group = rng.choices(world.groups, weights=world.group_weights)[0]
    other_group = rng.choices(world.groups, weights=world.group_weights)[0]
    parent_group = rng.choices(world.groups, weights=world.group_weights)[0]
    born = as_of - timedelta(days=rng.randint(0, 18 * 365))
    return {
        "given": rng.choice(group).capitalize(),
        "group": group,
        "family": family.capitalize(),
        "other": other_group[0].capitalize() if rng.random() < 0.3 else "",
        "sex": rng.choice("FM"),
        "dob": born.isoformat(),
        "age": "",
        "place": rng.choice(world.places),
        "caregiver": f"{rng.choice(parent_group).capitalize()} {family.capitalize()}",
    }


def _drift(rng: random.Random, world: _World, truth: dict, as_of: date) -> dict:
    record = dict(truth)
    if rng.random() < 0.4:
        record["given"] = rng.choice(truth["group"]).capitalize()
    for field, chance in (("given", 0.12), ("family", 0.15), ("place", 0.05), ("caregiver", 0.1)):
        if record[field] and rng.random() < chance:
            record[field] = _typo(rng, record[field])
    if rng.random() < 0.08:
        record["given"], record["family"] = record["family"], record["given"]
    if rng.random() < 0.05:
        record["given"], record["family"] = _cyrillic(record["given"]), _cyrillic(record["family"])
    _drift_birth(rng, record, as_of)
    for field, chance in (("family", 0.03), ("sex", 0.05), ("place", 0.15), ("caregiver", 0.3)):
        if rng.random() < chance:
            record[field] = ""
    if rng.random() < 0.05:
        record["place"] = rng.choice(world.places)
    return record


def _drift_birth(rng: random.Random, record: dict, as_of: date) -> None:
    roll = rng.random()
    born = date.fromisoformat(record["dob"])
    if roll < 0.3:
        # Children without papers: a worker's estimate, often a year or two out.
        error = rng.choice((-2, -1, 0, 0, 0, 1, 2))
        record["age"] = str(max(0, (as_of - born).days // 365 + error))
        record["dob"] = ""
    elif roll < 0.35:
        record["dob"] = ""
    elif roll < 0.42:
        record["dob"] = _date_typo(rng, born)


def _date_typo(rng: random.Random, born: date) -> str:
    if born.day <= 12 and rng.random() < 0.5:
        try:
            return date(born.year, born.day, born.month).isoformat()
        except ValueError:
            return born.isoformat()
    shifted = born + timedelta(days=rng.choice((-10, -1, 1, 10, 30)))
    return shifted.isoformat()


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 3:
        return text
    position = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:position] + text[position + 1 :]
    if kind == 1:
        return text[:position] + rng.choice(_LETTERS) + text[position:]
    if kind == 2:
        return text[:position] + rng.choice(_LETTERS) + text[position + 1 :]
    return text[: position - 1] + text[position] + text[position - 1] + text[position + 1 :]


def _cyrillic(text: str) -> str:
    text = text.lower()
    for latin, letter in _CYRILLIC:
        text = text.replace(latin, letter)
    return "".join(_CYRILLIC_LETTERS.get(char, char) for char in text).capitalize()


def write_csv(path: str | Path, count: int, seed: int = 1, as_of: date | None = None) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(iter_records(count, seed, as_of))


def true_pairs(records: list[dict]) -> set[tuple[str, str]]:
    """Every pair of records of one child, each pair once with the smaller id first."""
    by_child: dict[str, list[str]] = {}
    for record in records:
        by_child.setdefault(record["child"], []).append(record["id"])
    return {
        (min(a, b), max(a, b))
        for ids in by_child.values()
        for index, a in enumerate(ids)
        for b in ids[index + 1 :]
    }
