"""Emails, links, accounts, plates and payment identifiers, with the hard cases."""

import pytest

from vigil.triage.checksums import is_eip55_address, is_iban, keccak256
from vigil.triage.entities import extract_entities


def found(text, kind, country="GB"):
    return [(e.value, e.normalized) for e in extract_entities(text, country) if e.kind == kind]


@pytest.mark.parametrize(
    ("text", "value", "normalized"),
    [
        ("mail Jane.Doe@Example.com now", "Jane.Doe@Example.com", "jane.doe@example.com"),
        ("write to jane at example dot com", "jane at example dot com", "jane@example.com"),
        ("jane(at)example(dot)org", "jane(at)example(dot)org", "jane@example.org"),
        ("kira [at] example [dot] net", "kira [at] example [dot] net", "kira@example.net"),
        (
            "or at jen dot hollis at example dot org.",
            "jen dot hollis at example dot org",
            "jen.hollis@example.org",
        ),
        (
            "Mon adresse : sandrine point morel arobase example point fr.",
            "sandrine point morel arobase example point fr",
            "sandrine.morel@example.fr",
        ),
        (
            "es shadowkidbr [arroba] example [ponto] com",
            "shadowkidbr [arroba] example [ponto] com",
            "shadowkidbr@example.com",
        ),
    ],
)
def test_it_finds_emails_written_out_or_plain(text, value, normalized):
    assert found(text, "email") == [(value, normalized)]


@pytest.mark.parametrize(
    "text",
    [
        "I found her on a listing at hotlocalgirls.example.com",
        "she works at home dot com is not an address",
        "meet me at the station at 5",
    ],
)
def test_it_does_not_invent_emails(text):
    assert found(text, "email") == []


def test_an_email_domain_is_not_also_a_link_nor_a_handle():
    kinds = {e.kind for e in extract_entities("contact payments@bellamgmt.example.com", "GB")}
    assert kinds == {"email"}


@pytest.mark.parametrize(
    ("text", "value", "normalized"),
    [
        ("see https://Example.COM/Path/ now", "https://Example.COM/Path/", "example.com/Path"),
        ("at www.example.org.", "www.example.org", "example.org"),
        ("ad on sweetgirlsnorth.co.uk, call", "sweetgirlsnorth.co.uk", "sweetgirlsnorth.co.uk"),
        ("group t.me/sweetcandygirlz today", "t.me/sweetcandygirlz", "t.me/sweetcandygirlz"),
    ],
)
def test_it_finds_links_and_normalises_them(text, value, normalized):
    assert found(text, "url") == [(value, normalized)]


@pytest.mark.parametrize("text", ["She left.It was late", "photo.jpg attached", "e.g. this"])
def test_it_does_not_take_words_for_domains(text):
    assert found(text, "url") == []


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("IG: @Lily_x", "instagram:lily_x"),
        ("insta lily_x99", "instagram:lily_x99"),
        ("he is on instagram @jay.b", "instagram:jay.b"),
        ("snap: dazza", "snapchat:dazza"),
        ("sc: trapkingmoe", "snapchat:trapkingmoe"),
        ("telegram candy_22", "telegram:candy_22"),
        ("tg @vip_costa", "telegram:vip_costa"),
        ("@el_guero22 on tiktok", "tiktok:el_guero22"),
        ("his snap is dazza_k99", "snapchat:dazza_k99"),
        ("on snap as dazza_k99.", "snapchat:dazza_k99"),
        ("snap (sc: trapkingmoe)", "snapchat:trapkingmoe"),
        ("Listing by user 'dcmanager_jobs' on telegram.", "telegram:dcmanager_jobs"),
        ("No Instagram ele é @rui.setubal.26.", "instagram:rui.setubal.26"),
        ("Insta dele: danibolado.mc.", "instagram:danibolado.mc"),
        ("line: mika_88", "line:mika_88"),
        ("message @someone_new", "unknown:someone_new"),
        ("It's not OnlyFans, it's on fansly as @bubblyb3lla.", "unknown:bubblyb3lla"),
    ],
)
def test_it_finds_accounts_with_their_platform(text, normalized):
    assert [n for _, n in found(text, "handle")] == [normalized]


@pytest.mark.parametrize(
    "text",
    [
        "we talked on line for hours",
        "she was on snap and then left",
        "he sent a signal to them",
        "recruited on instagram and then moved",
        "WhatsApp +44 7700 900123",
        "mail jane@example.com",
    ],
)
def test_it_does_not_take_ordinary_words_or_addresses_for_accounts(text):
    assert found(text, "handle") == []


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Silver van reg KX19 HBN brings them", "KX19HBN"),
        ("voiture AB-123-CD devant", "AB123CD"),
        ("un Seat gris, matrícula 4829 KLM.", "4829KLM"),
        ("ute rego CAR 12X.", "CAR12X"),
        ("Numberplate on his ute is 1ABC 234.", "1ABC234"),
        ("placas BKR-482-A de Baja California", "BKR482A"),
        ("com a matrícula LD-48-21-AB e", "LD4821AB"),
        ("Camionnette 1-ABC-234.", "1ABC234"),
        ("license plate 7abc123", "7ABC123"),
    ],
)
def test_it_finds_vehicle_plates(text, normalized):
    assert [n for _, n in found(text, "plate")] == [normalized]


@pytest.mark.parametrize(
    "text", ["The plate was broken", "COVID19 test", "reg number unknown", "I have 2 cats"]
)
def test_it_does_not_take_words_for_plates(text):
    assert found(text, "plate") == []


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("send to $JaneDoe on cashapp", "cashtag:$janedoe"),
        ("btc 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
        (
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 only",
            "btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ),
        (
            "wallet 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        ),
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "iban:GB82WEST12345698765432"),
    ],
)
def test_it_finds_payment_identifiers_whose_checksum_holds(text, normalized):
    assert [n for _, n in found(text, "payment")] == [normalized]


@pytest.mark.parametrize(
    "text",
    [
        "btc 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
        "wallet 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
        "IBAN GB82 WEST 1234 5698 7654 33",
        "it costs $100",
    ],
)
def test_it_ignores_payment_identifiers_that_fail_their_checksum(text):
    assert found(text, "payment") == []


def test_keccak_is_ethereums_not_sha3():
    assert keccak256(b"").hex() == (
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    )
    assert is_eip55_address("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")
    assert is_iban("FR1420041010050500013M02606")
