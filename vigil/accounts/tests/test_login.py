"""Staff sign-in with a password: answers, lockout, timing, where it leads."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from vigil.accounts.tests.factories import PASSWORD
from vigil.accounts.tests.quick_hashing import QUICK_HASHERS, QuickArgon2Hasher, rehash

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_argon2(settings):
    settings.PASSWORD_HASHERS = QUICK_HASHERS


LOGIN = "/accounts/login/"
WRONG = "not the passphrase at all"


@pytest.fixture
def trainer(quick_argon2, trainer):
    rehash(trainer)
    return trainer


@pytest.fixture
def analyst(quick_argon2, analyst):
    rehash(analyst)
    return analyst


class CountingArgon2Hasher(QuickArgon2Hasher):
    """argon2 itself, counting each time it does its slow work."""

    calls: list[str] = []

    def encode(self, password, salt):
        self.calls.append("encode")
        return super().encode(password, salt)

    def verify(self, password, encoded):
        self.calls.append("verify")
        return super().verify(password, encoded)


def sign_in(client, username, password=PASSWORD, **query):
    url = LOGIN + (f"?{'&'.join(f'{k}={v}' for k, v in query.items())}" if query else "")
    return client.post(url, {"username": username, "password": password})


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_it_shows_the_sign_in_form(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert 'name="username"' in response.text and 'name="password"' in response.text
    assert "Sign in</button>" in response.text


def test_it_signs_in_a_trainer_with_a_password_alone(client, trainer):
    response = sign_in(client, "trainer")
    assert response.status_code == 302
    assert response["Location"] == reverse("learn:trainer")
    page = client.get(reverse("accounts:home"))
    assert page.status_code == 200
    assert "Trainer · Valdoria Hotline" in page.text


def test_it_sends_people_who_see_personal_data_on_to_two_factor(client, analyst):
    response = sign_in(client, "analyst")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/?next=%2Finbox%2F"
    # Signed in with a password only: no tip is within reach yet.
    assert client.get("/inbox/")["Location"].startswith("/accounts/two-factor/")


@pytest.mark.parametrize("username", ["analyst", "nobody"])
def test_it_gives_the_same_answer_for_a_wrong_password_and_an_unknown_person(
    client, analyst, username
):
    response = sign_in(client, username, WRONG)
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text
    assert "_auth_user_id" not in client.session


def test_it_does_the_slow_hashing_for_unknown_people_too(client, analyst, settings):
    # Registered under argon2's own name, so it also checks the stored hashes.
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingArgon2Hasher"]
    CountingArgon2Hasher.calls.clear()
    sign_in(client, "nobody", WRONG)
    unknown = list(CountingArgon2Hasher.calls)
    CountingArgon2Hasher.calls.clear()
    sign_in(client, "analyst", WRONG)
    known = list(CountingArgon2Hasher.calls)
    # One argon2 run each: the answer takes as long whether the account exists or not.
    assert unknown == ["encode"]
    assert known == ["verify"]


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/inbox/?status=new", "/inbox/?status=new"),
        # Anything else: the trainer's own landing page.
        ("https://evil.example/", "/learn/trainer/"),
        ("//evil.example/", "/learn/trainer/"),
        ("/\\evil.example/", "/learn/trainer/"),
        ("javascript:alert(1)", "/learn/trainer/"),
    ],
)
def test_it_only_follows_next_to_local_paths(client, trainer, next_url, expected):
    response = client.post(LOGIN, {"username": "trainer", "password": PASSWORD, "next": next_url})
    assert response["Location"] == expected


def test_it_keeps_a_local_next_through_two_factor(client, analyst):
    response = client.post(
        LOGIN, {"username": "analyst", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/accounts/two-factor/?next=%2Finbox%2F"
    response = client.post(LOGIN, {"username": "analyst", "password": PASSWORD, "next": "/audit/"})
    assert response["Location"] == "/accounts/two-factor/?next=%2Faudit%2F"


def test_it_locks_an_account_after_five_failures_even_against_the_right_password(client, trainer):
    for _ in range(4):
        assert sign_in(client, "trainer", WRONG).status_code == 200
    fifth = sign_in(client, "trainer", WRONG)
    assert fifth.status_code == 429
    locked = sign_in(client, "trainer")
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.text
    assert "Try again in 15 minutes." in locked.text
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_does_not_tell_whether_the_account_exists(client, trainer):
    answers = {}
    for username in ["trainer", "nobody"]:
        for _ in range(5):
            sign_in(client, username, WRONG)
        response = sign_in(client, username, WRONG)
        answers[username] = (response.status_code, without_csrf(response.text))
    assert answers["trainer"] == answers["nobody"]
    assert answers["trainer"][0] == 429
    assert "trainer" not in answers["trainer"][1]


def test_the_lockout_ends_after_the_cooloff(client, trainer, settings):
    for _ in range(5):
        sign_in(client, "trainer", WRONG)
    assert sign_in(client, "trainer").status_code == 429
    # As if the cool-off had passed: move the recorded failures back in time.
    past = timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    assert AccessAttempt.objects.filter(username="trainer").update(attempt_time=past) == 1
    response = sign_in(client, "trainer")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(trainer.pk)
    # A success clears the slate.
    assert not AccessAttempt.objects.filter(username="trainer").exists()


def test_the_lockout_of_one_account_leaves_the_others_alone(client, trainer, analyst):
    for _ in range(5):
        sign_in(client, "trainer", WRONG)
    assert sign_in(client, "analyst").status_code == 302


def test_failures_record_no_address_or_browser(client, trainer):
    client.post(
        LOGIN,
        {"username": "trainer", "password": WRONG},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Reporter's Phone",
    )
    attempt = AccessAttempt.objects.get(username="trainer")
    assert attempt.ip_address != "203.0.113.9"
    assert "Phone" not in attempt.user_agent


def test_it_signs_out_only_by_post(signed_in, analyst):
    client = signed_in(analyst)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session
