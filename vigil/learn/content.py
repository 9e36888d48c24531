"""A course document read in one language."""

from django.utils.translation import get_language


def language_for(document: dict, wanted: str | None = None) -> str:
    """The page's language if the course has it, else the course's first language."""
    wanted = (wanted or get_language() or "").split("-")[0]
    return wanted if wanted in document["languages"] else document["languages"][0]


def in_language(texts, language: str) -> str:
    """A {language: text} value in one language, else in any language it has."""
    if not isinstance(texts, dict):
        return ""
    return texts.get(language) or next((text for text in texts.values() if text), "")


def localise(document: dict, language: str) -> dict:
    """The document with every {language: text} replaced by the text in `language`."""
    first = document["languages"][0]

    def pick(texts: dict) -> str:
        return texts.get(language) or texts.get(first, "")

    return {
        **document,
        "language": language,
        "title": pick(document["title"]),
        "summary": pick(document["summary"]),
        "lessons": [
            {**lesson, "title": pick(lesson["title"]), "body": pick(lesson["body"])}
            for lesson in document["lessons"]
        ],
        "questions": [
            {
                **question,
                "text": pick(question["text"]),
                "choices": [
                    {
                        **choice,
                        "text": pick(choice["text"]),
                        "explanation": pick(choice["explanation"]),
                    }
                    for choice in question["choices"]
                ],
            }
            for question in document["questions"]
        ],
    }
