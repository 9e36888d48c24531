"""The screening form built from an instrument: one optional choice per question."""

import pytest
from django.utils import translation

from vigil.screening.forms import ScreeningForm, field_name
from vigil.screening.instruments import current_instrument

from .factories import load_shipped, load_tiny

pytestmark = pytest.mark.django_db


def test_it_has_one_optional_radio_per_question_with_guidance_and_not_asked_first():
    instrument = current_instrument(load_shipped().slug)

    form = ScreeningForm(instrument)

    questions = list(instrument.questions.all())
    assert list(form.fields)[:-1] == [field_name(q) for q in questions]
    first = form.fields[field_name(questions[0])]
    assert not first.required
    assert first.label == "Where has the child mostly slept during the past month?"
    assert first.help_text.startswith("Why:")
    assert first.choices[0] == ("", "Not asked")
    assert [domain.key for domain, _fields in form.domains()][:3] == ["living", "schooling", "work"]


def test_it_speaks_french_and_falls_back_to_english():
    instrument = load_tiny()
    instrument.questions.filter(key="paid").update(text_fr="")

    with translation.override("fr"):
        form = ScreeningForm(instrument)

    assert form.fields["q-works"].label == "Works? (fr)"
    assert form.fields["q-paid"].label == "Paid?"


def test_its_answers_are_the_questions_asked_by_id():
    instrument = load_tiny()
    works = instrument.questions.get(key="works")
    some = works.options.get(key="some")

    form = ScreeningForm(instrument, data={"q-works": str(some.pk), "q-paid": "", "notes": "x"})

    assert form.is_valid(), form.errors
    assert form.answers() == {works.pk: some.pk}
    assert form.cleaned_data["notes"] == "x"


def test_an_option_of_another_question_is_a_form_error_not_a_crash():
    instrument = load_tiny()
    wrong = instrument.questions.get(key="leave").options.get(key="no")

    form = ScreeningForm(instrument, data={"q-works": str(wrong.pk)})

    assert not form.is_valid()
    assert "q-works" in form.errors
