"""Synthetic tips for the demo, made through the same path as real ones.

Each tip is validated by TipForm and stored by actions.submit_tip (encrypted,
routed, audited). Tip number i comes from a random generator seeded with i, so
any run makes the same tips and a larger run only adds the missing ones.

Phone numbers are only from ranges reserved for fiction: UK 020 7946 0xxx,
North American 555-01xx and French 01 99 00 xx xx (written as Valdorians
dial them: Valdoria borrows the UK numbering plan, see VIGIL_PHONE_REGION).
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from vigil.accounts.models import Organisation
from vigil.demo import country, narratives
from vigil.tips import actions
from vigil.tips.forms import TipForm
from vigil.tips.models import Channel, Status, Tip, TipMessage

SEED = "valdoria-demo-1"
SPREAD_DAYS = 120
LANGUAGES = ("en", "fr", "es", "ar")
# Index i % 20 picks the language: 9 English, 5 French, 3 Spanish, 3 Arabic in 20.
LANGUAGE_CYCLE = ["en"] * 9 + ["fr"] * 5 + ["es"] * 3 + ["ar"] * 3

_DIGIT_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "fr": ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
    "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
}
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def fictional_phone(rng: random.Random, language: str) -> str:
    """A number from a range reserved for drama, written the way people write them."""
    kind = rng.choice(["uk", "uk", "us", "fr"])
    if kind == "uk":
        # Ofcom's drama range (07700 900xxx is reserved too, but libphonenumber
        # rejects it, so it would never link in the demo).
        line = f"0{rng.randrange(1000):03d}"
        digits = f"0207946{line}"
        styles = [
            f"020 7946 {line}",
            f"+44 20 7946 {line}",
            f"020-7946-{line}",
            f"+44207946{line}",
            f"(020) 7946 {line}",
            f"020 7946 O{line[1:]}",  # letter O for zero, to dodge filters
            " ".join(digits),
        ]
    elif kind == "us":
        area = rng.choice(["202", "312", "415", "617"])
        line = f"01{rng.randrange(100):02d}"
        # Valdoria dials like the UK (see VIGIL_PHONE_REGION): foreign numbers carry a prefix.
        digits = f"001{area}555{line}"
        styles = [
            f"+1 ({area}) 555-{line}",
            f"+1-{area}-555-{line}",
            f"+1 {area} 555 {line}",
            f"001 {area}.555.{line}",
            f"+1{area}555{line}",
        ]
    else:
        a, b = rng.randrange(100), rng.randrange(100)
        digits = f"0033199 00{a:02d}{b:02d}".replace(" ", "")
        styles = [
            f"+33 1 99 00 {a:02d} {b:02d}",
            f"+33 (0)1 99 00 {a:02d} {b:02d}",
            f"0033 1.99.00.{a:02d}.{b:02d}",
            f"+33199 00{a:02d}{b:02d}",
        ]
    if language in _DIGIT_WORDS and rng.random() < 0.08:
        words = _DIGIT_WORDS[language]
        return " ".join(words[int(d)] for d in digits)
    if language == "ar" and rng.random() < 0.4:
        return digits.translate(_ARABIC_DIGITS)
    return rng.choice(styles)


def fictional_handle(rng: random.Random) -> str:
    word = rng.choice(narratives.HANDLE_WORDS)
    handle = f"{word}{rng.choice(['_', '.', ''])}{rng.choice(narratives.HANDLE_WORDS)}"
    handle += str(rng.randrange(2000, 2013)) if rng.random() < 0.5 else "_xv"
    platform = rng.choice(narratives.PLATFORMS)
    return rng.choice(
        [f"{platform}: @{handle}", f"@{handle} on {platform}", f"{platform} {handle}"]
    )


def fictional_plate(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTVWXZ"
    number = rng.randrange(100, 1000)
    pair = rng.choice(letters) + rng.choice(letters)
    return rng.choice(
        [
            f"XV {number} {pair}",
            f"{number}-{pair}{rng.choice(letters)}",
            f"plate starts {str(number)[:2]}…",
            f"VD-{number}{rng.randrange(10)}-{rng.choice(letters)}",
        ]
    )


VEHICLES = {
    "en": ["white van", "dark grey saloon", "blue minibus", "black 4x4"],
    "fr": ["camionnette blanche", "berline gris foncé", "minibus bleu", "4x4 noir"],
    "es": ["furgoneta blanca", "turismo gris oscuro", "microbús azul", "todoterreno negro"],
    "ar": ["شاحنة بيضاء", "سيارة رمادية داكنة", "حافلة صغيرة زرقاء", "سيارة دفع رباعي سوداء"],
}
CONTACT = {
    "en": "You can call me on {phone} in the evening.",
    "fr": "Vous pouvez m'appeler au {phone} le soir.",
    "es": "Pueden llamarme al {phone} por la tarde.",
    "ar": "يمكنكم الاتصال بي على {phone} في المساء.",
}


@dataclass
class TipPlan:
    """One synthetic tip: the form data, its channel and what happens to it later."""

    form_data: dict
    channel: str
    language: str
    created_at: datetime.datetime
    status: str
    question: str = ""
    answer: str = ""
    closed_reason: str = ""


def plan(index: int, now: datetime.datetime) -> TipPlan:
    rng = random.Random(f"{SEED}-{index}")
    language = LANGUAGE_CYCLE[index % len(LANGUAGE_CYCLE)]
    scenario = rng.choice(narratives.SCENARIOS)
    region_code = rng.choice(list(country.REGIONS))
    town = rng.choice(country.REGIONS[region_code][1])
    age_band = rng.choice(scenario.ages)
    low = {"0-5": 3, "6-11": 7, "12-14": 12, "15-17": 15, "mixed": 9}[age_band]
    slots = {
        "town": town,
        "name": rng.choice(narratives.NICKNAMES),
        "age": low + rng.randrange(3),
        "when": rng.choice(narratives.WHEN[language]),
    }
    narrative = rng.choice(scenario.narratives[language]).format(**slots)
    danger = rng.random() < scenario.danger_rate
    if danger:
        narrative = narratives.DANGER_LEAD[language] + narrative

    phones = [fictional_phone(rng, language) for _ in range(rng.choice([0, 1, 1, 2]))]
    if phones and rng.random() < 0.4:
        narrative += " " + narratives.PHONE_LEAD[language].format(phone=phones[0])
    handles = [fictional_handle(rng) for _ in range(2 if rng.random() < 0.3 else 1)]
    vehicle = ""
    if rng.random() < scenario.with_vehicle:
        vehicle = f"{rng.choice(VEHICLES[language])}, {fictional_plate(rng)}"

    created_at = now - datetime.timedelta(seconds=rng.uniform(0, SPREAD_DAYS * 86400))
    channel = rng.choices([Channel.WEB, Channel.API, Channel.SMS], weights=[6, 2.5, 1.5])[0]
    form_data = {
        "narrative": narrative,
        "immediate_danger": danger,
        "country": country.CODE,
        "region": region_code,
    }
    if channel != Channel.SMS:
        # Text messages carry the story alone; the forms ask for the rest.
        occurred = created_at.date() - datetime.timedelta(days=rng.randrange(0, 10))
        form_data |= {
            "town": town,
            "place_description": rng.choice(scenario.places[language]),
            "occurred_on": occurred.isoformat() if rng.random() < 0.6 else "",
            "occurred_when": slots["when"] if rng.random() < 0.5 else "",
            "children_count": rng.randint(*scenario.counts),
            "children_age": age_band,
            "children_gender": rng.choice(scenario.genders),
            "controllers_description": rng.choice(scenario.controllers[language]).format(**slots),
            "vehicles": vehicle,
            "phone_numbers": "\n".join(phones),
            "online_accounts": "\n".join(handles) if rng.random() < scenario.with_handle else "",
            "contact_details": (
                CONTACT[language].format(phone=fictional_phone(rng, language))
                if rng.random() < 0.15
                else ""
            ),
        }

    status = rng.choices(
        [Status.NEW, Status.IN_REVIEW, "asked", Status.ESCALATED, Status.REFERRED, Status.CLOSED],
        weights=[55, 15, 10, 7, 6, 7],
    )[0]
    tip_plan = TipPlan(form_data, channel, language, created_at, status)
    if status == "asked" and channel == Channel.SMS:
        # Questions to SMS reporters go out by text message: not from demo data.
        tip_plan.status = Status.IN_REVIEW
    elif status == "asked":
        tip_plan.status = Status.AWAITING_REPORTER
        question = rng.randrange(len(narratives.QUESTIONS[language]))
        tip_plan.question = narratives.QUESTIONS[language][question]
        if rng.random() < 0.5:
            tip_plan.answer = narratives.ANSWERS[language][question]
    elif status == Status.CLOSED:
        tip_plan.closed_reason = rng.choice(narratives.CLOSED_REASONS)
    return tip_plan


def create_tip(tip_plan: TipPlan, *, analyst, partner: Organisation) -> Tip:
    # One transaction: the analysis hooks run on commit, so they see the tip's
    # backdated arrival (recency, deadlines) rather than the moment of seeding.
    with transaction.atomic():
        return _create_tip(tip_plan, analyst=analyst, partner=partner)


def _create_tip(tip_plan: TipPlan, *, analyst, partner: Organisation) -> Tip:
    form = TipForm(data={k: v for k, v in tip_plan.form_data.items() if v not in ("", None)})
    if not form.is_valid():
        raise ValueError(f"synthetic tip does not validate: {form.errors.as_json()}")
    tip, _receipt = actions.submit_tip(
        form.tip_fields(),
        channel=tip_plan.channel,
        language=tip_plan.language,
        source_organisation=partner if tip_plan.channel == Channel.API else None,
        # An SMS reporter follows up by replying from the same phone.
        with_receipt=tip_plan.channel != Channel.SMS,
    )
    if tip_plan.question:
        actions.ask_reporter(tip, analyst, tip_plan.question)
        if tip_plan.answer:
            actions.add_reporter_message(tip, tip_plan.answer)
    elif tip_plan.status != Status.NEW:
        actions.set_status(tip, analyst, tip_plan.status, tip_plan.closed_reason)
    _backdate(tip, tip_plan.created_at)
    return tip


def _backdate(tip: Tip, created_at: datetime.datetime) -> None:
    # created_at is auto_now_add, so the spread over past months is set afterwards.
    now = timezone.now()
    Tip.objects.filter(pk=tip.pk).update(created_at=created_at, updated_at=created_at)
    for step, message in enumerate(TipMessage.objects.filter(tip=tip).order_by("created_at"), 1):
        at = min(created_at + datetime.timedelta(hours=6 * step), now)
        TipMessage.objects.filter(pk=message.pk).update(created_at=at)
        Tip.objects.filter(pk=tip.pk).update(updated_at=at)


def create_tips(total: int, *, hotline: Organisation, analyst, partner, progress=None) -> int:
    """Bring the hotline up to `total` synthetic tips; returns how many were made."""
    existing = Tip.objects.filter(hotline=hotline).count()
    if existing >= total:
        return 0
    now = timezone.now()
    made = 0
    for index in range(existing, total):
        create_tip(plan(index, now), analyst=analyst, partner=partner)
        made += 1
        if progress and made % 100 == 0:
            progress(made, total - existing)
    return made
