"""Instrument definitions for tests: the shipped file, and a small one easy to add up."""

import copy
import json
import uuid

from vigil.screening.instruments import DATA_DIR, load_instrument, load_instrument_data

SHIPPED = DATA_DIR / "child-trafficking-screen.json"
CHILD = "cases.child"


def shipped_data() -> dict:
    with SHIPPED.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_shipped():
    return load_instrument(SHIPPED).instrument


def both(en: str) -> dict:
    return {"en": en, "fr": f"{en} (fr)"}


def option(key: str, score: int, red_flag: bool = False) -> dict:
    entry = {"id": key, "label": both(key), "score": score}
    if red_flag:
        entry["red_flag"] = True
    return entry


def tiny_data(**changes) -> dict:
    """Three questions (max 2 + 2 + 3 = 7) in two domains; bands 0–1, 2–4, 5+."""
    data = {
        "slug": "tiny",
        "version": "1",
        "languages": ["en", "fr"],
        "title": both("Tiny screen"),
        "red_flag_action": both("Refer now."),
        "sources": [
            {
                "id": "ilo",
                "title": "ILO Indicators of Forced Labour",
                "publisher": "ILO",
                "year": "2012",
                "url": "https://www.ilo.org/",
            }
        ],
        "domains": [
            {"id": "work", "label": both("Work")},
            {"id": "control", "label": both("Control")},
        ],
        "questions": [
            {
                "id": "works",
                "domain": "work",
                "text": both("Works?"),
                "guidance": both("Ask gently."),
                "sources": ["ilo"],
                "options": [option("no", 0), option("some", 1), option("a-lot", 2)],
            },
            {
                "id": "paid",
                "domain": "work",
                "text": both("Paid?"),
                "options": [option("yes", 0), option("no", 2)],
            },
            {
                "id": "leave",
                "domain": "control",
                "text": both("Can leave?"),
                "options": [option("yes", 0), option("no", 3, red_flag=True)],
            },
        ],
        "bands": [
            {
                "min_score": 0,
                "max_score": 1,
                "concern": "none",
                "label": both("None"),
                "action": both("Carry on."),
            },
            {
                "min_score": 2,
                "max_score": 4,
                "concern": "possible",
                "label": both("Possible"),
                "action": both("Assess."),
            },
            {
                "min_score": 5,
                "max_score": None,
                "concern": "clear",
                "label": both("Clear"),
                "action": both("Refer."),
            },
        ],
    }
    data.update(changes)
    return copy.deepcopy(data)


def load_tiny(**changes):
    return load_instrument_data(tiny_data(**changes)).instrument


def answers_for(instrument, **chosen) -> dict[int, int]:
    """{question id: option id} from question key=option key (hyphens as underscores)."""
    questions = {q.key.replace("-", "_"): q for q in instrument.questions.all()}
    result = {}
    for question_key, option_key in chosen.items():
        question = questions[question_key]
        result[question.pk] = question.options.get(key=option_key).pk
    return result


def new_subject() -> uuid.UUID:
    return uuid.uuid4()
