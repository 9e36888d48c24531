"""A small, complete course document for tests, in English and French."""

import copy

BASE = {
    "format": "vigil-course",
    "version": 1,
    "slug": "test-course",
    "audience": "community",
    "age_min": None,
    "age_max": None,
    "sector": "",
    "languages": ["en", "fr"],
    "pass_mark": 70,
    "title": {"en": "Spotting exploitation", "fr": "Repérer l'exploitation"},
    "summary": {"en": "A short course.", "fr": "Un cours court."},
    "lessons": [
        {
            "slug": "first",
            "title": {"en": "First lesson", "fr": "Première leçon"},
            "body": {"en": "## Signs\n\n- Someone holds the ID", "fr": "## Signes\n\n- Pièce"},
        },
        {
            "slug": "second",
            "title": {"en": "Second lesson", "fr": "Deuxième leçon"},
            "body": {"en": "Report at **/report/**.", "fr": "Signalez sur **/report/**."},
        },
    ],
    "questions": [],
    "sources": [{"publisher": "ILO", "title": "Indicators of forced labour", "year": 2012}],
}


def _choice(key, correct):
    return {
        "key": key,
        "correct": correct,
        "text": {"en": f"Answer {key}", "fr": f"Réponse {key}"},
        "explanation": {"en": f"Because {key}", "fr": f"Parce que {key}"},
    }


def document(questions=10, slug="test-course", multiple=(9,)) -> dict:
    """Questions q1..qN, answers a, b, c; a is right, and b too in the `multiple` ones."""
    data = copy.deepcopy(BASE)
    data["slug"] = slug
    for number in range(1, questions + 1):
        kind = "multiple" if number in multiple else "single"
        choices = [_choice("a", True), _choice("b", kind == "multiple"), _choice("c", False)]
        data["questions"].append(
            {
                "key": f"q{number}",
                "kind": kind,
                "text": {"en": f"Question {number}?", "fr": f"Question {number} ?"},
                "choices": choices,
            }
        )
    return data
