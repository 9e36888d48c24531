"""The demo's organisations, one person per role, and a partner's API key.

People and organisations are invented. The one password is for the demo only:
anyone who reads this file knows it.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from vigil.accounts.models import ApiKey, Membership, Organisation, OrganisationKind, Person, Role

DEMO_PASSWORD = "valdoria demo only"  # noqa: S105 - published on purpose, demo data only
HOTLINE_SLUG = "valdoria-hotline"
PARTNER_SLUG = "childsafe-international-valdoria"
PARTNER_KEY_NAME = "Demo partner reporting app"

# slug → (name, kind, jurisdiction)
ORGANISATIONS = {
    HOTLINE_SLUG: (
        "Valdoria Child Trafficking Hotline",
        OrganisationKind.HOTLINE,
        "XV",
    ),
    "valdoria-child-protection": (
        "Valdoria Child Protection Agency",
        OrganisationKind.CHILD_PROTECTION,
        "XV",
    ),
    "valdoria-police-atu": (
        "National Police Anti-Trafficking Unit",
        OrganisationKind.LAW_ENFORCEMENT,
        "XV",
    ),
    "harbour-house": ("Harbour House Shelter (NGO)", OrganisationKind.SHELTER, "XV"),
    "centrava-legal-aid": ("Centrava Legal Aid Clinic", OrganisationKind.LEGAL_AID, "XV-CE"),
    "mirenfeld-secondary": ("Mirenfeld Secondary School", OrganisationKind.SCHOOL, "XV-CE"),
    "highvale-health": ("Highvale Community Health Centre", OrganisationKind.HEALTH, "XV-HI"),
    PARTNER_SLUG: (
        "ChildSafe International – Valdoria Office",
        OrganisationKind.INTERNATIONAL,
        "XV",
    ),
}

# role → (username, display name, organisation slug)
PEOPLE = {
    Role.ANALYST: ("demo-analyst", "Ilse Marrow", HOTLINE_SLUG),
    Role.CASE_WORKER: ("demo-caseworker", "Tomas Vennick", "valdoria-child-protection"),
    Role.SUPERVISOR: ("demo-supervisor", "Noor Calder", HOTLINE_SLUG),
    Role.LIAISON: ("demo-liaison", "Sgt. Ren Okafor-Lind", "valdoria-police-atu"),
    Role.SERVICE_PROVIDER: ("demo-provider", "Mara Estevel", "harbour-house"),
    Role.POLICY_ANALYST: ("demo-policy", "Dario Quell", "valdoria-child-protection"),
    Role.TRAINER: ("demo-trainer", "Lena Arkwright", PARTNER_SLUG),
    Role.ORG_ADMIN: ("demo-admin", "Yusuf Brandel", HOTLINE_SLUG),
}


@dataclass
class Login:
    username: str
    role: str
    organisation: str


def build_organisations() -> int:
    created = 0
    for slug, (name, kind, jurisdiction) in ORGANISATIONS.items():
        created += Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "jurisdiction": jurisdiction}
        )[1]
    return created


def build_people() -> tuple[int, list[Login]]:
    """One person per role; existing people keep whatever password they have set since."""
    created = 0
    logins = []
    password_hash = None
    for role, (username, display_name, slug) in PEOPLE.items():
        organisation = Organisation.objects.get(slug=slug)
        person = Person.objects.filter(username=username).first()
        if person is None:
            # argon2 is slow on purpose: hash the shared demo password once.
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            # example.org never delivers: with the console mail backend the demo's
            # notifications are printed, never sent.
            person = Person.objects.create(
                username=username,
                display_name=display_name,
                email=f"{username}@example.org",
                password=password_hash,
            )
            created += 1
        created += Membership.objects.get_or_create(
            person=person, organisation=organisation, role=role
        )[1]
        logins.append(Login(username, Role(role).label, organisation.name))
    return created, logins


def hotline() -> Organisation:
    return Organisation.objects.get(slug=HOTLINE_SLUG)


def partner() -> Organisation:
    return Organisation.objects.get(slug=PARTNER_SLUG)


def issue_partner_key() -> str | None:
    """The raw key when it is created now; None when it exists (it cannot be shown again)."""
    organisation = partner()
    if organisation.api_keys.filter(name=PARTNER_KEY_NAME, revoked_at__isnull=True).exists():
        return None
    _key, raw = ApiKey.issue(organisation, PARTNER_KEY_NAME)
    return raw
