"""Negation and hypothetical cues, tested on the plain functions."""

import re

import pytest

from vigil.triage.negation import (
    ALL_LANGUAGES,
    clause_start,
    cue_before,
    cue_before_any,
    cue_inside,
    deferred_to_adulthood,
    fold,
    held_by_owner,
    is_negated,
    tip_languages,
)
from vigil.triage.word_rules import words_of


def span(text: str, words: str) -> tuple[int, int]:
    start = fold(text).index(fold(words))
    return start, start + len(words)


def negated(text: str, words: str, language: str) -> bool:
    start, end = span(text, words)
    return is_negated(text, start, end, language)


def test_folding_keeps_every_offset_and_drops_accents_and_capitals():
    text = "Ela NÃO tem passaporte; él está AQUÍ — l’enfant, Ñandú, İstanbul"
    folded = fold(text)
    assert len(folded) == len(text)
    assert "ela nao tem passaporte; el esta aqui" in folded
    assert "l'enfant, nandu" in folded


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "There is no sign of injuries on her arms.", "injuries"),
        ("en", "She is not a minor.", "minor"),
        ("en", "I don't think they took her passport.", "took her passport"),
        ("en", "He never hit her, as far as I know.", "hit her"),
        ("en", "Nothing suggests she is being sold.", "being sold"),
        ("en", "The doctor found her without bruises.", "bruises"),
        ("en", "She denies any debt to the agency.", "debt"),
        ("en", "He doesnt keep her ID.", "keep her id"),
        ("fr", "Elle n'a aucune blessure visible.", "blessure"),
        ("fr", "Il ne lui a pas pris son passeport.", "pris son passeport"),
        ("fr", "Pas de bleus sur les bras.", "bleus"),
        ("fr", "Sans dette envers personne.", "dette"),
        ("fr", "Il ne la frappe jamais.", "frappe"),
        ("es", "No tiene moretones.", "moretones"),
        ("es", "Nunca le quitaron el pasaporte.", "quitaron el pasaporte"),
        ("es", "Sin ninguna deuda con el patrón.", "deuda"),
        ("es", "Ningún golpe, ninguna herida.", "golpe"),
        ("pt", "Não há sinais de hematomas.", "hematomas"),
        ("pt", "Ela nunca foi agredida.", "agredida"),
        ("pt", "Sem nenhuma dívida com o patrão.", "divida"),
        ("pt", "Nenhum documento foi retido.", "documento foi retido"),
    ],
)
def test_a_negation_cue_before_a_mention_negates_it(language, text, words):
    assert negated(text, words, language)


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "If she were underage, that would be trafficking.", "underage"),
        ("en", "I wonder whether he keeps her passport.", "keeps her passport"),
        ("en", "He might be selling her online.", "selling her"),
        ("en", "She could be fifteen, hard to say.", "fifteen"),
        ("en", "Call us in case she is moved again.", "moved again"),
        ("fr", "Si elle est mineure, appelez-nous.", "mineure"),
        ("fr", "Au cas où il garderait ses papiers.", "garderait ses papiers"),
        ("fr", "Il pourrait la frapper.", "frapper"),
        ("es", "Si es menor de edad, avisen.", "menor de edad"),
        ("es", "Quizás le pegan en casa.", "pegan"),
        ("es", "Tal vez le quitaron el pasaporte.", "quitaron el pasaporte"),
        ("es", "Podría estar encerrada.", "encerrada"),
        ("pt", "Se ela for menor, é grave.", "menor"),
        ("pt", "Caso ela tenha dívidas, avise.", "dividas"),
        ("pt", "Talvez ele bata nela.", "bata nela"),
        ("pt", "Ele poderia estar trancado.", "trancado"),
    ],
)
def test_a_hypothetical_cue_before_a_mention_sets_it_aside(language, text, words):
    assert negated(text, words, language)


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "Not only did he take her passport, he beats her.", "take her passport"),
        ("en", "No doubt he keeps her passport.", "keeps her passport"),
        ("en", "No injuries, but she has a tattoo of his name.", "tattoo"),
        ("en", "She has no passport, he keeps it.", "he keeps it"),
        ("en", "I'm not sure. He took her passport.", "took her passport"),
        ("en", "She can't go out and she has bruises on her arms.", "bruises"),
        ("fr", "Sans doute il garde ses papiers.", "garde ses papiers"),
        ("fr", "Non seulement il la frappe, mais il garde ses papiers.", "frappe"),
        ("fr", "Pas de blessure mais des brûlures de cigarette.", "brulures de cigarette"),
        ("es", "Sin duda le quitaron el pasaporte.", "quitaron el pasaporte"),
        ("es", "No solo le pegan, también la encierran.", "pegan"),
        ("es", "No hay golpes, pero sí está encerrada.", "encerrada"),
        ("es", "Sí, le quitaron el pasaporte.", "quitaron el pasaporte"),
        ("pt", "Não só bate nela como fica com o dinheiro.", "bate nela"),
        ("pt", "Sem dúvida ele guarda os documentos.", "guarda os documentos"),
        ("pt", "Não tem hematomas, mas vive trancada.", "trancada"),
        ("pt", "Ela se mudou e agora vive trancada.", "trancada"),
        ("fr", "Elle est si jeune et elle est enfermée.", "enfermee"),
    ],
)
def test_pseudo_negations_and_clause_breaks_do_not_negate(language, text, words):
    assert not negated(text, words, language)


def test_a_cue_reaches_only_a_few_words_back():
    text = "No one saw it happen that night at the motel, the man hit her."
    start, _ = span(text, "hit her")
    assert cue_before(text, start, "en") is None
    text = "No one saw anything when the man hit her."
    start, _ = span(text, "hit her")
    assert cue_before(text, start, "en") is None  # "no" is seven words back


def test_clause_start_is_after_a_full_stop_a_but_or_a_new_subject():
    text = "She has no passport, he keeps it."
    assert text[clause_start(text, text.index("keeps")) :].startswith("he keeps")
    text = "No bruises but burns."
    assert text[clause_start(text, text.index("burns")) :].strip() == "burns."


def test_a_negation_inside_the_evidence_counts_only_where_the_pattern_allows_it():
    pattern = re.compile(r"escort\W+(?:\w+\W+){0,3}?minor")
    text = "she works as an escort, not a minor"
    start = text.index("escort")
    assert (
        cue_inside(text, start, len(text), "en", lambda t: pattern.search(t) is not None) == "not"
    )

    own = re.compile(r"not allowed to leave")
    text = "she is not allowed to leave"
    start = text.index("not")
    assert cue_inside(text, start, len(text), "en", lambda t: own.search(t) is not None) is None


def test_a_negation_inside_the_evidence_stops_at_a_comma():
    pattern = re.compile(r"girl\W+(?:\w+\W+){0,6}?sold for sex")
    text = "a girl, without papers, sold for sex"
    assert cue_inside(text, 0, len(text), "en", lambda t: pattern.search(t) is not None) is None


def test_spanish_si_with_an_accent_is_yes_not_if():
    text = "Sí, la encierran."
    start, _ = span(text, "encierran")
    assert cue_before(text, start, "es", original=text) is None
    text = "Si la encierran, avisen."
    assert cue_before(text, start, "es", original=text) == "si"


def test_the_reflexive_se_is_not_a_portuguese_if():
    text = "Ela se mudou para a casa do patrão."
    start, _ = span(text, "mudou")
    assert cue_before(text, start, "pt") is None
    text = "Se ela mudou para a casa do patrão, avise."
    assert cue_before(text, text.index("mudou"), "pt") == "se"


def test_spanish_y_se_is_not_the_portuguese_and_if():
    text = fold("El tipo las lleva al hotel y se queda con todo lo que ganan.")
    assert cue_before_any(text, text.index("todo"), ("es", "pt")) is None
    text = fold("E se ela ficar com o dinheiro?")
    assert cue_before_any(text, text.index("ficar"), ("pt",)) is not None


@pytest.mark.parametrize(
    ("text", "words", "owner"),
    [
        ("She keeps her passport in a drawer.", "keeps her passport", True),
        ("He keeps her passport in a drawer.", "keeps her passport", False),
        ("She is paid and keeps her own papers.", "keeps her own papers", True),
        ("She has no phone of her own.", "has no phone", False),
        ("Elle garde son argent elle-même.", "garde son argent", True),
        ("Le patron garde son argent.", "garde son argent", False),
        ("Fui a verla: tiene su celular.", "tiene su celular", True),
        ("El jefe tiene su celular.", "tiene su celular", False),
        ("Disse a mesma coisa: o tio fica com o dinheiro.", "fica com o dinheiro", False),
    ],
)
def test_it_tells_the_owner_holding_her_things_from_someone_else(text, words, owner):
    folded = fold(text)
    start, end = span(text, words)
    assert held_by_owner(folded, start, end) is owner


def test_a_negated_belief_or_a_rumour_covers_the_clause_it_opens():
    text = fold("I see no reason to think that those girls are locked in")
    assert cue_before_any(text, text.index("locked"), ALL_LANGUAGES) is not None
    text = fold("There are rumours going round that the girls upstairs are locked in")
    assert cue_before_any(text, text.index("locked"), ALL_LANGUAGES) == "rumours"
    text = fold("I think that the two girls upstairs are locked in")
    assert cue_before_any(text, text.index("locked"), ALL_LANGUAGES) is None


def test_a_marriage_put_after_the_child_turns_18_is_deferred_to_adulthood():
    text = fold("She will marry him after she turns 18, not before.")
    assert deferred_to_adulthood(text, text.index("him") + 3)
    text = fold("Ils vont la marier après sa majorité.")
    assert deferred_to_adulthood(text, text.index("marier") + 6)
    text = fold("She will marry him next month. She turns 18 in 2030.")
    assert not deferred_to_adulthood(text, text.index("him") + 3)


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("Os rapazes dormem no armazém da loja com o patrão.", ("pt",)),
        ("El patrón no les paga y los niños duermen en el taller.", ("es",)),
        ("Elle dort dans la cuisine et le patron garde ses papiers.", ("fr",)),
        ("She sleeps in the back of the shop and he keeps her papers.", ("en",)),
        ("Call 0123.", ALL_LANGUAGES),
    ],
)
def test_the_language_of_a_tip_decides_which_cues_apply(text, languages):
    assert tip_languages(words_of(fold(text))[0]) == languages
