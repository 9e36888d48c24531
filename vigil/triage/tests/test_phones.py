"""Phone numbers: every disguise reporters use, and the digits that are not phones."""

import pytest
from django.test import override_settings

from vigil.triage.entities import extract_entities
from vigil.triage.phones import find_phones


def phones(text, country="GB"):
    return [(text[s:e], n) for s, e, n in find_phones(text, country)]


@pytest.mark.parametrize(
    ("text", "country", "value", "normalized"),
    [
        ("call 07700 900123 tonight", "GB", "07700 900123", "+447700900123"),
        (
            "zero seven seven zero zero nine zero zero one two three",
            "GB",
            "zero seven seven zero zero nine zero zero one two three",
            "+447700900123",
        ),
        ("number 07700 9OO 123", "GB", "07700 9OO 123", "+447700900123"),
        ("O7700-900-123", "GB", "O7700-900-123", "+447700900123"),
        ("0️⃣7️⃣7️⃣0️⃣0️⃣9️⃣0️⃣0️⃣1️⃣2️⃣3️⃣", "GB", "0️⃣7️⃣7️⃣0️⃣0️⃣9️⃣0️⃣0️⃣1️⃣2️⃣3️⃣", "+447700900123"),
        ("text 07700📞900📞123 now", "GB", "07700📞900📞123", "+447700900123"),
        ("رقمه ٠٧٧٠٠٩٠٠١٢٣", "GB", "٠٧٧٠٠٩٠٠١٢٣", "+447700900123"),
        (
            "five0five five five five 0 one four three",
            "US",
            "five0five five five five 0 one four three",
            "+15055550143",
        ),
        ("+44 (0) 7700 900123", "FR", "+44 (0) 7700 900123", "+447700900123"),
        (
            "seven seven oh oh nine oh oh one two three",
            "GB",
            "seven seven oh oh nine oh oh one two three",
            "+447700900123",
        ),
        (
            "appelez le zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
            "FR",
            "zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
            "+33612345678",
        ),
        (
            "número: seis cuatro cinco, doce, treinta y ocho, noventa.",
            "ES",
            "seis cuatro cinco, doce, treinta y ocho, noventa",
            "+34645123890",
        ),
        (
            "liga para nove um dois três quatro cinco seis sete oito",
            "PT",
            "nove um dois três quatro cinco seis sete oito",
            "+351912345678",
        ),
        ("06.12.34.56.78", "FR", "06.12.34.56.78", "+33612345678"),
        ("(202) 555-0143", "US", "(202) 555-0143", "+12025550143"),
        ("O2O 7946 O5I8", "GB", "O2O 7946 O5I8", "+442079460518"),
        ("His phone: ٠٦٥٠\u200f ٢١ ٤٨ ٧٧.", "MA", "٠٦٥٠\u200f ٢١ ٤٨ ٧٧", "+212650214877"),
        ("reach me on 0044 20 7946 0402", "US", "0044 20 7946 0402", "+442079460402"),
        ("Meu celular é (0xx19) 99821-4470", "BR", "(0xx19) 99821-4470", "+5519998214470"),
        ("El encargado atiende al 11 15 3482-7716.", "AR", "11 15 3482-7716", "+5491134827716"),
    ],
)
def test_it_finds_disguised_numbers_and_keeps_the_original_span(text, country, value, normalized):
    assert phones(text, country) == [(value, normalized)]


def test_it_parses_an_explicit_country_code_in_any_country():
    assert phones("WhatsApp +33 6 12 34 56 78", "GB") == [("+33 6 12 34 56 78", "+33612345678")]


def test_it_splits_two_numbers_written_side_by_side():
    assert phones("07700 900123 07700 900456") == [
        ("07700 900123", "+447700900123"),
        ("07700 900456", "+447700900456"),
    ]


def test_it_leaves_a_date_glued_to_a_number_out():
    assert phones("12/03/2024 07700 900123") == [("07700 900123", "+447700900123")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("We met on 2024-03-12 at 21:30.", "GB"),
        ("Meeting 12/03/2024, then 13/03/2024", "FR"),
        ("She paid $1,200,000 for it", "US"),
        ("it cost 2 500 000 euros", "FR"),
        ("case ref 2025550143", "US"),
        ("order no. 020 7946 0321", "GB"),
        ("Born in 1998, 2001 and 2004", "GB"),
        ("she is 14 and he is 35", "GB"),
        ("plate KX19 HBN seen at 22:15", "GB"),
        ("IBAN GB82 WEST 1234 5698 7654 32", "GB"),
        ("wallet 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "GB"),
        ("one two three four", "GB"),
        ("o meu irmão e o primo", "PT"),
        ("555-0123", "US"),
    ],
)
def test_it_does_not_take_other_numbers_for_phones(text, country):
    kinds = {e.kind: e.normalized for e in extract_entities(text, country)}
    assert "phone" not in kinds


def test_a_reference_word_does_not_hide_a_number_introduced_as_a_phone():
    assert phones("Woman's phone on the ticket: 404-555-0117.", "US") == [
        ("404-555-0117", "+14045550117")
    ]


@override_settings(VIGIL_PHONE_REGION="GB")
def test_a_country_unknown_to_libphonenumber_falls_back_to_the_setting():
    assert phones("call 07700 900123", "XV") == [("07700 900123", "+447700900123")]


@override_settings(VIGIL_PHONE_REGION="")
def test_without_a_region_only_international_numbers_are_found():
    assert phones("call 07700 900123 or +44 7700 900456", "XV") == [
        ("+44 7700 900456", "+447700900456")
    ]
