"""Valdoria, the fictional demo country (user-assigned ISO code XV).

Every name here is invented. The hotline's number is in Ofcom's range kept
for drama (0808 157 0xxx), so it can never ring a real person.
"""

from vigil.regions.models import Helpline, HelplineKind, Place, PlaceKind

CODE = "XV"
# ISO 3166 leaves XAA–XZZ to users too: the alpha-3 that tables and exports show.
ALPHA3 = "XVA"
NAME = "Valdoria"
HOTLINE_NUMBER = "0808 157 0900"

# region code → (region name, towns)
REGIONS = {
    "XV-NO": ("Northmarch", ["Kelbury", "Astrenn", "Marrowick", "Dunhollow"]),
    "XV-CO": ("Corrandine Coast", ["Port Salvan", "Brenmouth", "Tidesend", "Olvaro", "Gullhaven"]),
    "XV-CE": ("Centrava", ["Valdora City", "Mirenfeld", "Castellan", "Orrin Cross"]),
    "XV-HI": ("Highvale", ["Stonebarrow", "Eldermoor", "Pinecrest"]),
    "XV-LA": ("Lacustra", ["Lakemere", "Vessany", "Reedwater", "Isolde Bay"]),
    "XV-SO": ("Solvary", ["Sunmarrow", "Dravecourt", "Ambermill", "Calloway"]),
}

HELPLINES = [
    (HelplineKind.EMERGENCY, "Emergency (police, ambulance)", "112", "24/7", 0),
    (HelplineKind.CHILD_HELPLINE, "Valdoria Child Helpline", "116 111", "24/7", 1),
    (
        HelplineKind.TRAFFICKING_HOTLINE,
        "Valdoria Child Trafficking Hotline",
        HOTLINE_NUMBER,
        "Every day 7:00–23:00",
        2,
    ),
]


def town_code(region_code: str, town: str) -> str:
    return f"{region_code}-{town.replace(' ', '')[:6].upper()}"


def build_country() -> int:
    """Create the country, its regions, towns and helplines; returns how many rows were new."""
    created = 0
    country, new = Place.objects.get_or_create(
        code=CODE,
        defaults={"name": NAME, "kind": PlaceKind.COUNTRY, "country_code": CODE, "alpha3": ALPHA3},
    )
    created += new
    for region_code, (region_name, towns) in REGIONS.items():
        region, new = Place.objects.get_or_create(
            code=region_code,
            defaults={
                "name": region_name,
                "kind": PlaceKind.SUBDIVISION,
                "parent": country,
                "country_code": CODE,
            },
        )
        created += new
        for town in towns:
            created += Place.objects.get_or_create(
                code=town_code(region_code, town),
                defaults={
                    "name": town,
                    "kind": PlaceKind.TOWN,
                    "parent": region,
                    "country_code": CODE,
                },
            )[1]
    for kind, name, number, hours, order in HELPLINES:
        created += Helpline.objects.get_or_create(
            jurisdiction=CODE,
            kind=kind,
            number=number,
            defaults={"name": name, "hours": hours, "order": order},
        )[1]
    return created
