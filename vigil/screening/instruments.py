"""Instrument files: checking them, loading them as versions, and scoring answers.

A file (see data/README.md) is checked as a whole and every problem is
reported in plain words. Loading a file whose content is already one of the
instrument's versions does nothing; otherwise it becomes a new version, and
that version becomes the active one. Versions are never changed by loading,
so the results that used a version keep pointing at what was asked.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch

from vigil.screening.models import (
    LANGUAGES,
    Band,
    Concern,
    Domain,
    Instrument,
    Option,
    Question,
    Source,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

TOP_FIELDS = {
    "slug",
    "version",
    "languages",
    "title",
    "description",
    "red_flag_action",
    "sources",
    "domains",
    "questions",
    "bands",
    "active",
}
REQUIRED_TOP = ("slug", "languages", "title", "red_flag_action", "sources", "domains")
SOURCE_FIELDS = {"id", "title", "publisher", "year", "url", "used_for"}
DOMAIN_FIELDS = {"id", "label"}
QUESTION_FIELDS = {"id", "domain", "text", "guidance", "sources", "options"}
OPTION_FIELDS = {"id", "label", "score", "red_flag"}
BAND_FIELDS = {"min_score", "max_score", "concern", "label", "meaning", "action"}


class InstrumentError(ValueError):
    """An instrument file or definition with problems; `problems` lists them all."""

    def __init__(self, problems: list[str], where: str = ""):
        self.problems = problems
        heading = f"{where} is not a valid instrument:" if where else "Not a valid instrument:"
        super().__init__("\n".join([heading, *(f"- {problem}" for problem in problems)]))


# Checking --------------------------------------------------------------------------------


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _slug_ok(value) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= 60
        and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    )


class _Checker:
    def __init__(self, languages: list[str]):
        self.languages = languages
        self.problems: list[str] = []

    def add(self, problem: str) -> None:
        self.problems.append(problem)

    def unknown_fields(self, where: str, entry: dict, allowed: set[str]) -> None:
        for name in sorted(set(entry) - allowed):
            self.add(f"{where}: unknown field “{name}”.")

    def text(self, where: str, value, *, required: bool = True) -> None:
        """A {language: text} object: English always, every declared language when required."""
        if not required and (
            value is None
            or (isinstance(value, dict) and not any(str(v or "").strip() for v in value.values()))
        ):
            return  # an optional text left out
        if not isinstance(value, dict):
            self.add(f'{where}: must be an object of texts by language, e.g. {{"en": "…"}}.')
            return
        for language in sorted(set(value) - set(LANGUAGES)):
            self.add(f"{where}: unknown language “{language}”.")
        for language, text in value.items():
            if language in LANGUAGES and not isinstance(text, str):
                self.add(f"{where} [{language}]: must be text.")
        wanted = self.languages if required else ["en"]
        for language in wanted:
            if language in LANGUAGES and not str(value.get(language) or "").strip():
                self.add(f"{where}: no text in “{language}”.")


def instrument_problems(data) -> list[str]:
    """What is wrong with an instrument definition, in plain words (empty when fine)."""
    if not isinstance(data, dict):
        return ["The file must hold one JSON object."]
    languages = data.get("languages")
    if not isinstance(languages, list) or not languages:
        languages_ok = False
        languages = ["en"]
    else:
        languages_ok = True
    check = _Checker([language for language in languages if isinstance(language, str)])
    check.unknown_fields("The file", data, TOP_FIELDS)
    for name in REQUIRED_TOP:
        if name not in data:
            check.add(f"Missing field “{name}”.")
    if "slug" in data and not _slug_ok(data["slug"]):
        check.add("“slug” must be letters, digits and hyphens (at most 60).")
    if "version" in data and (
        not isinstance(data["version"], str | int) or len(str(data["version"])) > 40
    ):
        check.add('“version” must be a short label such as "2025.1" (at most 40 characters).')
    if "active" in data and not isinstance(data["active"], bool):
        check.add("“active” must be true or false.")
    if "languages" in data:
        if not languages_ok:
            check.add('“languages” must be a list of language codes, e.g. ["en", "fr"].')
        else:
            for language in languages:
                if language not in LANGUAGES:
                    check.add(
                        f"Unknown language “{language}” in “languages” "
                        f"(known: {', '.join(LANGUAGES)})."
                    )
            if "en" not in languages:
                check.add("“languages” must include “en”: English is the fallback.")
            if len(set(languages)) != len(languages):
                check.add("A language appears twice in “languages”.")
    if "title" in data:
        check.text("Title", data["title"])
    check.text("Description", data.get("description"), required=False)
    if "red_flag_action" in data:
        check.text("Red-flag action", data["red_flag_action"])

    source_ids = _check_sources(check, data.get("sources"))
    domain_ids = _check_domains(check, data.get("domains"))
    max_total = _check_questions(check, data.get("questions"), domain_ids, source_ids)
    _check_bands(check, data.get("bands"), max_total)
    return check.problems


def _entries(check: _Checker, value, name: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add(f"“{name}” must be a list.")
        return []
    return value


def _check_ids(check: _Checker, where_kind: str, entries: list) -> set[str]:
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            check.add(f"{where_kind} {number}: must be an object.")
            continue
        key = entry.get("id")
        if key is None:
            check.add(f"{where_kind} {number}: missing field “id”.")
        elif not _slug_ok(key):
            check.add(f"{where_kind} {number}: “id” must be letters, digits and hyphens.")
        elif key in seen:
            check.add(f"{where_kind} “{key}”: duplicate id.")
        else:
            seen.add(key)
    return seen


def _name(kind: str, entry, number: int) -> str:
    key = entry.get("id") if isinstance(entry, dict) else None
    return f"{kind} “{key}”" if key else f"{kind} {number}"


def _check_sources(check: _Checker, value) -> set[str]:
    entries = _entries(check, value, "sources")
    if value is not None and not entries:
        check.add("At least one source is needed: cite what the questions are built on.")
    ids = _check_ids(check, "Source", entries)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        where = _name("Source", entry, number)
        check.unknown_fields(where, entry, SOURCE_FIELDS)
        for name in ("title", "publisher", "year", "url"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                check.add(f"{where}: missing field “{name}”.")
        url = entry.get("url")
        if isinstance(url, str) and url and not url.startswith(("https://", "http://")):
            check.add(f"{where}: “url” must start with https:// or http://.")
    return ids


def _check_domains(check: _Checker, value) -> set[str]:
    entries = _entries(check, value, "domains")
    ids = _check_ids(check, "Domain", entries)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        where = _name("Domain", entry, number)
        check.unknown_fields(where, entry, DOMAIN_FIELDS)
        if "label" not in entry:
            check.add(f"{where}: missing field “label”.")
        else:
            check.text(f"{where} label", entry["label"])
    return ids


def _check_questions(check: _Checker, value, domain_ids: set[str], source_ids: set[str]) -> int:
    """Check the questions; return the highest total score they allow."""
    if value is None:
        check.add("Missing field “questions”.")
        return 0
    entries = _entries(check, value, "questions")
    if isinstance(value, list) and not entries:
        check.add("An instrument needs at least one question.")
    _check_ids(check, "Question", entries)
    max_total = 0
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            continue
        where = _name("Question", entry, number)
        check.unknown_fields(where, entry, QUESTION_FIELDS)
        for name in ("domain", "text", "options"):
            if name not in entry:
                check.add(f"{where}: missing field “{name}”.")
        if "domain" in entry and entry["domain"] not in domain_ids:
            check.add(f"{where}: unknown domain “{entry['domain']}”.")
        if "text" in entry:
            check.text(f"{where} text", entry["text"])
        check.text(f"{where} guidance", entry.get("guidance"), required=False)
        sources = entry.get("sources", [])
        if not isinstance(sources, list):
            check.add(f"{where}: “sources” must be a list of source ids.")
        else:
            for key in sources:
                if key not in source_ids:
                    check.add(f"{where}: unknown source “{key}”.")
        options = entry.get("options")
        if "options" in entry and (not isinstance(options, list) or len(options) < 2):
            check.add(f"{where}: needs a list of at least two options.")
            continue
        if options is None:
            continue
        _check_ids(check, f"{where} option", options)
        scores = []
        for option_number, option in enumerate(options, start=1):
            if not isinstance(option, dict):
                continue
            option_where = f"{where}, {_name('option', option, option_number)}"
            check.unknown_fields(option_where, option, OPTION_FIELDS)
            if "label" not in option:
                check.add(f"{option_where}: missing field “label”.")
            else:
                check.text(f"{option_where} label", option["label"])
            score = option.get("score")
            if "score" not in option:
                check.add(f"{option_where}: missing field “score”.")
            elif not _is_int(score) or not 0 <= score <= 100:
                check.add(f"{option_where}: the score must be a whole number from 0 to 100.")
            else:
                scores.append(score)
            if "red_flag" in option and not isinstance(option["red_flag"], bool):
                check.add(f"{option_where}: “red_flag” must be true or false.")
        max_total += max(scores, default=0)
    return max_total


def _check_bands(check: _Checker, value, max_total: int) -> None:
    if value is None:
        check.add("Missing field “bands”.")
        return
    entries = _entries(check, value, "bands")
    if isinstance(value, list) and not entries:
        check.add("At least one band is needed.")
    ranges = []
    for number, entry in enumerate(entries, start=1):
        where = f"Band {number}"
        if not isinstance(entry, dict):
            check.add(f"{where}: must be an object.")
            continue
        check.unknown_fields(where, entry, BAND_FIELDS)
        for name in ("min_score", "concern", "label", "action"):
            if name not in entry:
                check.add(f"{where}: missing field “{name}”.")
        if "max_score" not in entry:
            check.add(f"{where}: missing field “max_score” (null for “and above”).")
        if "concern" in entry and entry["concern"] not in Concern.values:
            check.add(f"{where}: “concern” must be one of {', '.join(Concern.values)}.")
        for name in ("label", "action"):
            if name in entry:
                check.text(f"{where} {name}", entry[name])
        check.text(f"{where} meaning", entry.get("meaning"), required=False)
        low, high = entry.get("min_score"), entry.get("max_score")
        if not _is_int(low) or low < 0 or (high is not None and not _is_int(high)):
            check.add(f"{where}: scores must be whole numbers (max_score may be null).")
            continue
        if high is not None and high < low:
            check.add(f"{where}: max_score {high} is below min_score {low}.")
            continue
        ranges.append((low, high, where))
    problems = band_coverage_problems([(low, high) for low, high, _where in ranges], max_total)
    for problem in problems:
        check.add(problem)


def band_coverage_problems(ranges: list[tuple[int, int | None]], max_total: int) -> list[str]:
    """Bands must cover every total from 0 to the highest possible, each total exactly once."""
    if not ranges:
        return []
    problems = []
    ordered = sorted(ranges, key=lambda pair: pair[0])
    if ordered[0][0] != 0:
        problems.append(f"The bands leave a gap: totals 0 to {ordered[0][0] - 1} have no band.")
    for (low, high), (next_low, next_high) in zip(ordered, ordered[1:], strict=False):
        shown = f"{low}–{'…' if high is None else high}"
        next_shown = f"{next_low}–{'…' if next_high is None else next_high}"
        if high is None or next_low <= high:
            problems.append(f"The bands {shown} and {next_shown} overlap.")
        elif next_low > high + 1:
            problems.append(
                f"The bands leave a gap: totals {high + 1} to {next_low - 1} have no band."
            )
    last_high = ordered[-1][1]
    if last_high is not None and last_high < max_total:
        problems.append(
            f"The bands leave a gap: totals {last_high + 1} to {max_total} (the highest "
            "possible) have no band. Raise the last max_score or leave it empty (null)."
        )
    return problems


# The canonical definition ----------------------------------------------------------------


def _texts(value, languages) -> dict[str, str]:
    value = value or {}
    return {language: (value.get(language) or "").strip() for language in LANGUAGES}


def definition_from_data(data: dict) -> dict:
    """A checked file's content in canonical form (what `definition_of` returns from the DB)."""
    languages = list(data["languages"])
    return {
        "slug": data["slug"],
        "edition": str(data.get("version", "")),
        "languages": languages,
        "title": _texts(data["title"], languages),
        "description": _texts(data.get("description"), languages),
        "red_flag_action": _texts(data["red_flag_action"], languages),
        "sources": [
            {
                "id": source["id"],
                "title": source["title"].strip(),
                "publisher": source["publisher"].strip(),
                "year": source["year"].strip(),
                "url": source["url"].strip(),
                "used_for": (source.get("used_for") or "").strip(),
            }
            for source in data["sources"]
        ],
        "domains": [
            {"id": domain["id"], "label": _texts(domain["label"], languages)}
            for domain in data["domains"]
        ],
        "questions": [
            {
                "id": question["id"],
                "domain": question["domain"],
                "text": _texts(question["text"], languages),
                "guidance": _texts(question.get("guidance"), languages),
                "sources": list(question.get("sources", [])),
                "options": [
                    {
                        "id": option["id"],
                        "label": _texts(option["label"], languages),
                        "score": option["score"],
                        "red_flag": bool(option.get("red_flag", False)),
                    }
                    for option in question["options"]
                ],
            }
            for question in data["questions"]
        ],
        "bands": [
            {
                "min_score": band["min_score"],
                "max_score": band["max_score"],
                "concern": band["concern"],
                "label": _texts(band["label"], languages),
                "meaning": _texts(band.get("meaning"), languages),
                "action": _texts(band["action"], languages),
            }
            for band in sorted(data["bands"], key=lambda band: band["min_score"])
        ],
    }


def _db_texts(obj, name: str) -> dict[str, str]:
    return {language: getattr(obj, f"{name}_{language}").strip() for language in LANGUAGES}


def with_definition(queryset):
    """Instruments with everything `definition_of` and `score` read, in a few queries."""
    return queryset.prefetch_related(
        "sources",
        "domains",
        "bands",
        Prefetch(
            "questions",
            queryset=Question.objects.select_related("domain").prefetch_related("options"),
        ),
    )


def definition_of(instrument: Instrument) -> dict:
    """An instrument version in canonical form, for comparing with a file."""
    return {
        "slug": instrument.slug,
        "edition": instrument.edition,
        "languages": instrument.language_list,
        "title": _db_texts(instrument, "title"),
        "description": _db_texts(instrument, "description"),
        "red_flag_action": _db_texts(instrument, "red_flag_action"),
        "sources": [
            {
                "id": source.key,
                "title": source.title.strip(),
                "publisher": source.publisher.strip(),
                "year": source.year.strip(),
                "url": source.url.strip(),
                "used_for": source.used_for.strip(),
            }
            for source in instrument.sources.all()
        ],
        "domains": [
            {"id": domain.key, "label": _db_texts(domain, "label")}
            for domain in instrument.domains.all()
        ],
        "questions": [
            {
                "id": question.key,
                "domain": question.domain.key,
                "text": _db_texts(question, "text"),
                "guidance": _db_texts(question, "guidance"),
                "sources": question.source_keys.split(),
                "options": [
                    {
                        "id": option.key,
                        "label": _db_texts(option, "label"),
                        "score": option.score,
                        "red_flag": option.red_flag,
                    }
                    for option in question.options.all()
                ],
            }
            for question in instrument.questions.all()
        ],
        "bands": [
            {
                "min_score": band.min_score,
                "max_score": band.max_score,
                "concern": band.concern,
                "label": _db_texts(band, "label"),
                "meaning": _db_texts(band, "meaning"),
                "action": _db_texts(band, "action"),
            }
            for band in sorted(instrument.bands.all(), key=lambda band: band.min_score)
        ],
    }


def data_from_definition(definition: dict) -> dict:
    """A canonical definition back in file form (the shape `instrument_problems` checks)."""
    data = {key: value for key, value in definition.items() if key != "edition"}
    data["version"] = definition["edition"]
    return data


def problems_of(instrument: Instrument) -> list[str]:
    """What is wrong with a stored version (after admin edits), in plain words."""
    instrument = with_definition(Instrument.objects.filter(pk=instrument.pk)).get()
    return instrument_problems(data_from_definition(definition_of(instrument)))


# Loading ---------------------------------------------------------------------------------


def read_instrument_file(path) -> dict:
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise InstrumentError(["No such file."], where=str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InstrumentError([f"Not a JSON file: {error}"], where=str(path)) from None


def instrument_files(paths=()) -> list[Path]:
    """The files named, with directories expanded to their *.json; the shipped ones by default."""
    files = []
    for path in [Path(p) for p in paths] or [DATA_DIR]:
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return files


def _create_version(definition: dict, *, active: bool, created_by=None, note="") -> Instrument:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return _create_rows(definition, active=active, created_by=created_by, note=note)
        except IntegrityError:
            continue  # another load took that version number at the same moment
    raise RuntimeError(f"could not record a new version of {definition['slug']}")


def _create_rows(definition: dict, *, active: bool, created_by, note: str) -> Instrument:
    slug = definition["slug"]
    last = Instrument.objects.filter(slug=slug).aggregate(last=Max("version"))["last"] or 0
    if active:
        Instrument.objects.filter(slug=slug, active=True).update(active=False)
    instrument = Instrument.objects.create(
        slug=slug,
        version=last + 1,
        edition=definition["edition"][:40],
        languages=" ".join(definition["languages"]),
        active=active,
        created_by=created_by,
        note=note[:300],
        **{
            f"{name}_{language}": definition[name][language]
            for name in ("title", "description", "red_flag_action")
            for language in LANGUAGES
        },
    )
    Source.objects.bulk_create(
        Source(instrument=instrument, key=source["id"], order=order, **_source_fields(source))
        for order, source in enumerate(definition["sources"])
    )
    domains = {}
    for order, domain in enumerate(definition["domains"]):
        domains[domain["id"]] = Domain.objects.create(
            instrument=instrument, key=domain["id"], order=order, **_flat(domain, ("label",))
        )
    for order, entry in enumerate(definition["questions"]):
        question = Question.objects.create(
            instrument=instrument,
            domain=domains[entry["domain"]],
            key=entry["id"],
            order=order,
            source_keys=" ".join(entry["sources"]),
            **_flat(entry, ("text", "guidance")),
        )
        Option.objects.bulk_create(
            Option(
                question=question,
                key=option["id"],
                order=option_order,
                score=option["score"],
                red_flag=option["red_flag"],
                **_flat(option, ("label",)),
            )
            for option_order, option in enumerate(entry["options"])
        )
    Band.objects.bulk_create(
        Band(
            instrument=instrument,
            order=order,
            min_score=band["min_score"],
            max_score=band["max_score"],
            concern=band["concern"],
            **_flat(band, ("label", "meaning", "action")),
        )
        for order, band in enumerate(definition["bands"])
    )
    return instrument


def _source_fields(source: dict) -> dict:
    return {name: source[name] for name in ("title", "publisher", "year", "url", "used_for")}


def _flat(entry: dict, names) -> dict:
    return {f"{name}_{language}": entry[name][language] for name in names for language in LANGUAGES}


@dataclass(frozen=True)
class Loaded:
    instrument: Instrument
    created: bool


def load_instrument_data(data: dict, *, where: str = "", created_by=None, note="") -> Loaded:
    """Check a definition and store it as a new version unless one already has this content."""
    problems = instrument_problems(data)
    if problems:
        raise InstrumentError(problems, where=where)
    definition = definition_from_data(data)
    versions = with_definition(Instrument.objects.filter(slug=definition["slug"]))
    for version in versions:
        # Any version, not only the newest: a file loaded once is not loaded
        # again over the versions an admin has made since.
        if definition_of(version) == definition:
            return Loaded(version, created=False)
    instrument = _create_version(
        definition, active=data.get("active", True), created_by=created_by, note=note
    )
    return Loaded(instrument, created=True)


def load_instrument(path, *, created_by=None) -> Loaded:
    """Load one instrument file (see `load_instrument_data`)."""
    return load_instrument_data(
        read_instrument_file(path),
        where=str(path),
        created_by=created_by,
        note=f"Loaded {Path(path).name}",
    )


@transaction.atomic
def new_version_from(instrument: Instrument, *, created_by=None) -> Instrument:
    """An inactive copy of a version, numbered after the last one, for an admin to edit."""
    source = with_definition(Instrument.objects.filter(pk=instrument.pk)).get()
    return _create_version(
        definition_of(source),
        active=False,
        created_by=created_by,
        note=f"Copied from version {instrument.version}",
    )


@transaction.atomic
def activate(instrument: Instrument) -> None:
    """Make this the version offered for new screenings (the others of its slug stop being)."""
    Instrument.objects.filter(slug=instrument.slug, active=True).exclude(pk=instrument.pk).update(
        active=False
    )
    if not instrument.active:
        instrument.active = True
        instrument.save(update_fields=["active"])


def current_instrument(slug: str) -> Instrument | None:
    """The active version of an instrument, with its questions loaded; None when there is none."""
    return with_definition(Instrument.objects.filter(slug=slug, active=True)).first()


# Scoring ---------------------------------------------------------------------------------


class ScreeningError(ValueError):
    """Answers that do not belong to the instrument."""


@dataclass(frozen=True)
class DomainScore:
    domain: Domain
    score: int
    max_score: int
    answered: int
    not_asked: int


@dataclass(frozen=True)
class Outcome:
    total: int
    band: Band | None
    red_flags: bool
    red_flag_answers: list[Option]
    per_domain: list[DomainScore]
    answered: list[tuple[Question, Option]]
    not_asked: list[Question] = field(default_factory=list)

    @property
    def concern(self) -> str:
        """The band's level, raised to "clear" by any red-flag answer."""
        if self.red_flags:
            return Concern.CLEAR
        return self.band.concern if self.band else Concern.NONE

    @property
    def complete(self) -> bool:
        return not self.not_asked


def _ids(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, Question | Option):
        return value.pk
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ScreeningError(f"“{value}” is not an answer id.") from None


def score(instrument: Instrument, answers: Mapping) -> Outcome:
    """Score answers {question id: option id} given with an instrument version.

    A question missing from the answers (or answered None) was not asked: it
    counts neither as zero nor as concern, and is listed in `not_asked`.
    """
    questions = list(instrument.questions.all())
    by_id = {question.pk: question for question in questions}
    chosen: dict[int, Option] = {}
    for raw_question, raw_option in answers.items():
        question_id, option_id = _ids(raw_question), _ids(raw_option)
        if question_id is None:
            raise ScreeningError("An answer has no question.")
        question = by_id.get(question_id)
        if question is None:
            raise ScreeningError(
                f"Question {question_id} is not part of {instrument.slug} v{instrument.version}."
            )
        if option_id is None:
            continue
        option = next((o for o in question.options.all() if o.pk == option_id), None)
        if option is None:
            raise ScreeningError(f"Option {option_id} is not an answer to question “{question}”.")
        chosen[question.pk] = option

    answered = [(question, chosen[question.pk]) for question in questions if question.pk in chosen]
    not_asked = [question for question in questions if question.pk not in chosen]
    total = sum(option.score for _question, option in answered)
    band = next((band for band in instrument.bands.all() if band.contains(total)), None)
    red = [option for _question, option in answered if option.red_flag]
    per_domain = []
    for domain in instrument.domains.all():
        in_domain = [question for question in questions if question.domain_id == domain.pk]
        if not in_domain:
            continue
        per_domain.append(
            DomainScore(
                domain=domain,
                score=sum(chosen[q.pk].score for q in in_domain if q.pk in chosen),
                max_score=sum(q.max_score for q in in_domain),
                answered=sum(1 for q in in_domain if q.pk in chosen),
                not_asked=sum(1 for q in in_domain if q.pk not in chosen),
            )
        )
    return Outcome(
        total=total,
        band=band,
        red_flags=bool(red),
        red_flag_answers=red,
        per_domain=per_domain,
        answered=answered,
        not_asked=not_asked,
    )
