"""A dozen invented services of the demo's organisations in Valdoria (XV).

Names, numbers and addresses are fictional: phone numbers are in Ofcom's
drama range (0808 157 0xxx) and emails at example.org, which never delivers.
"""

from vigil.directory.models import Service, ServiceType
from vigil.regions.models import Place

# organisation slug → [(name, type, area codes, min age, max age, languages, capacity,
#                       places available, hours, phone, email, description)]
SERVICES = {
    "valdoria-child-protection": [
        (
            "Emergency child protection response",
            ServiceType.SAFETY,
            [],
            0,
            17,
            "en,fr",
            None,
            None,
            "24/7 on-call social worker",
            "0808 157 0910",
            "oncall@cpa.example.org",
            "A social worker meets the child within hours, assesses risk and arranges "
            "immediate safe care.",
        ),
        (
            "Family tracing and reunification",
            ServiceType.FAMILY_TRACING,
            [],
            0,
            17,
            "en,fr,ar",
            None,
            None,
            "Mon–Fri 8:00–17:00",
            "0808 157 0911",
            "tracing@cpa.example.org",
            "Traces parents and relatives, assesses whether return is safe and supports "
            "reunification.",
        ),
    ],
    "harbour-house": [
        (
            "Harbour House emergency shelter",
            ServiceType.SHELTER,
            ["XV-CO"],
            10,
            17,
            "en,fr,ro",
            12,
            3,
            "Admissions 24/7",
            "0808 157 0920",
            "admissions@harbourhouse.example.org",
            "Safe, staffed accommodation for girls and boys who have escaped exploitation.",
        ),
        (
            "Harbour House counselling",
            ServiceType.MENTAL_HEALTH,
            ["XV-CO-PORTSA", "XV-CO-BRENMO"],
            6,
            21,
            "en,fr",
            20,
            5,
            "Mon–Sat 9:00–18:00",
            "0808 157 0921",
            "counselling@harbourhouse.example.org",
            "Trauma-informed individual and group counselling, art and play therapy.",
        ),
        (
            "Life skills and vocational training",
            ServiceType.VOCATIONAL_TRAINING,
            ["XV-CO"],
            15,
            24,
            "en",
            15,
            None,
            "Mon–Fri 9:00–15:00",
            "0808 157 0922",
            "training@harbourhouse.example.org",
            "Six-month courses in catering, tailoring and mechanics with a paid placement.",
        ),
    ],
    "centrava-legal-aid": [
        (
            "Legal aid for child victims",
            ServiceType.LEGAL_AID,
            ["XV-CE", "XV-HI"],
            None,
            None,
            "en,fr",
            40,
            8,
            "Mon–Fri 9:00–17:00",
            "0808 157 0930",
            "help@centravalegal.example.org",
            "A lawyer for the child in criminal proceedings, compensation claims and "
            "residence applications.",
        ),
        (
            "Identity documents and repatriation",
            ServiceType.DOCUMENTS,
            [],
            0,
            25,
            "en,fr,ar,ro",
            None,
            None,
            "Tue and Thu 10:00–16:00",
            "0808 157 0931",
            "documents@centravalegal.example.org",
            "Birth registration, identity papers and safe, assisted return to the country "
            "of origin.",
        ),
    ],
    "mirenfeld-secondary": [
        (
            "Catch-up classes and school re-entry",
            ServiceType.EDUCATION,
            ["XV-CE-MIRENF"],
            11,
            18,
            "en",
            25,
            10,
            "School days 8:00–16:00",
            "0808 157 0940",
            "office@mirenfeld.example.org",
            "Assessment, catch-up classes and a mentor for children returning to school.",
        ),
    ],
    "highvale-health": [
        (
            "Child health examinations",
            ServiceType.HEALTH,
            ["XV-HI"],
            0,
            17,
            "en",
            None,
            None,
            "Every day 8:00–20:00",
            "0808 157 0950",
            "clinic@highvalehealth.example.org",
            "Medical examination, treatment, sexual and reproductive health care by "
            "trained paediatric staff.",
        ),
        (
            "Youth psychosocial support group",
            ServiceType.MENTAL_HEALTH,
            ["XV-HI-STONEB"],
            12,
            18,
            "en",
            10,
            2,
            "Wednesdays 16:00–18:00",
            "0808 157 0951",
            "youth@highvalehealth.example.org",
            "A weekly peer group led by a psychologist.",
        ),
    ],
    "childsafe-international-valdoria": [
        (
            "Cross-border case management",
            ServiceType.OTHER,
            [],
            0,
            17,
            "en,fr,ar,ro,uk",
            None,
            None,
            "Mon–Fri 9:00–17:00",
            "0808 157 0960",
            "valdoria@childsafe.example.org",
            "Coordinates with child-protection services abroad when a child was moved "
            "across borders.",
        ),
        (
            "Safe house for unaccompanied children",
            ServiceType.SHELTER,
            ["XV-NO", "XV-LA"],
            6,
            17,
            "en,ar,uk",
            8,
            1,
            "Admissions 24/7",
            "0808 157 0961",
            "safehouse@childsafe.example.org",
            "Small family-style safe house with round-the-clock staff.",
        ),
    ],
}


def seed_services(organisations) -> int:
    """List the demo services of the given organisations; returns how many were new.

    Safe to run again: a service that exists (by organisation and name) is left as it is.
    """
    by_slug = {organisation.slug: organisation for organisation in organisations}
    codes = {code for rows in SERVICES.values() for row in rows for code in row[2]}
    places = {place.code: place for place in Place.objects.filter(code__in=codes)}
    created = 0
    for slug, rows in SERVICES.items():
        organisation = by_slug.get(slug)
        if organisation is None:
            continue
        for row in rows:
            name, kind, area_codes, min_age, max_age, languages, capacity, available = row[:8]
            hours, phone, email, description = row[8:]
            service, new = Service.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={
                    "service_type": kind,
                    "description": description,
                    "min_age": min_age,
                    "max_age": max_age,
                    "languages": languages,
                    "capacity": capacity,
                    "places_available": available,
                    "hours": hours,
                    "phone": phone,
                    "email": email,
                },
            )
            if new:
                service.areas.set([places[code] for code in area_codes if code in places])
                created += 1
    return created
