"""How fast the published aggregates and the public statistics are at scale.

Run from the project root:
  .venv/bin/python benchmarks/insights.py                 # SQLite
  .venv/bin/python benchmarks/insights.py --postgres      # PostgreSQL (DATABASE_URL, or
                                                          # postgres://postgres@127.0.0.1:5432/
                                                          # vigil_bench_insights)

Builds (once, then reuses) --tips synthetic tips (default one million) and
--cases cases (default 100,000) by bulk INSERT ... SELECT inside the database,
then times every function in TIMINGS --runs times and prints median and p95.
SQLite lives under --data-dir (its own VIGIL_DATA_DIR, like benchmarks/triage.py);
PostgreSQL in its own database, rebuilt with --rebuild or when the size or the
migrations change.

To time another view or function, add a line to TIMINGS (and its setup, if it
needs one, to `timings()`).
"""

import argparse
import hashlib
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUILD_VERSION = 1
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/vigil_bench_insights"
GOAL_MS = 300  # every dashboard view on PostgreSQL
REGIONS = ["XV-NO", "XV-CO", "XV-SO", "XV-EA", "XV-WE", "XV-CE"]
YEARS = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tips", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--data-dir", default="/tmp/vigil-bench-insights")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    data_dir = (
        Path(args.data_dir) / f"{'pg' if args.postgres else 'sqlite'}-{args.tips}-{args.cases}"
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["VIGIL_DATA_DIR"] = str(data_dir)
    # The test settings: plain static files (no collectstatic), an in-process cache.
    os.environ["DJANGO_SETTINGS_MODULE"] = "vigil.settings_test"
    os.environ["VIGIL_HTTPS"] = "0"
    os.environ["VIGIL_CACHE_URL"] = "locmem"
    os.environ["VIGIL_RATE_LIMIT"] = "1000000000"
    os.environ["VIGIL_ALLOWED_HOSTS"] = "testserver"
    if args.postgres:
        os.environ["DATABASE_URL"] = os.environ.get("DATABASE_URL") or POSTGRES_URL
        create_postgres_database(os.environ["DATABASE_URL"])
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    marker = data_dir / "build.json"
    wanted = {
        "version": BUILD_VERSION,
        "tips": args.tips,
        "cases": args.cases,
        "migrations": migrations_fingerprint(),
    }
    if args.rebuild or not marker.exists() or json.loads(marker.read_text()) != wanted:
        started = time.perf_counter()
        build(args.tips, args.cases)
        marker.write_text(json.dumps(wanted))
        print(f"built in {time.perf_counter() - started:,.0f} s")
    else:
        print(f"reusing the build in {data_dir}")
    print(
        f"\n== {connection.vendor}: {args.tips:,} tips, {args.cases:,} cases, "
        f"{args.runs} runs each ==="
    )
    started = time.perf_counter()
    call_command("refresh_aggregates", stdout=io.StringIO())
    print(
        f"vigil refresh_aggregates: {time.perf_counter() - started:,.2f} s "
        "(every view below reads its snapshots)"
    )
    print(f"{'what':<70}{'median ms':>10}{'p95 ms':>9}{'rows':>8}")
    for name, function in timings():
        times, size = [], 0
        function()  # one run to warm up, not timed
        for _ in range(args.runs):
            started = time.perf_counter()
            result = function()
            times.append((time.perf_counter() - started) * 1000)
            size = result if isinstance(result, int) else len(result)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name:<70}{statistics.median(times):>10.1f}{p95:>9.1f}{size:>8}")
    if connection.vendor == "postgresql":
        print(f"goal: every dashboard view under {GOAL_MS} ms on PostgreSQL")


def timings():
    """(name, function) pairs, timed in this order: the one list to extend."""
    from django.core.cache import cache
    from django.test import Client

    from vigil.cases.aggregates import case_counts
    from vigil.insights.tables import PLACE_TABLES
    from vigil.statistics import sources, tables
    from vigil.tips.aggregates import tip_counts

    client = Client()
    staff = Client()
    sign_in_policy_analyst(staff)

    def cold(function):
        def run():
            cache.clear()
            return function()

        return run

    def tables_from_cached_facts(measure, place=""):
        def run():
            sources.facts()  # warm: only the tables are computed
            cache.delete(f"statistics:tables:v1:{measure}:{place}")
            return len(tables.compute(measure, place).breakdowns)

        return run

    def page(path, state="cold", by=client):
        def run():
            if state != "warm":
                cache.clear()
            if state == "new process":
                sources._parsed.clear()  # as in a process that has not read the snapshots yet
            response = by.get(path)
            assert response.status_code == 200, response.status_code
            return len(response.content)

        return run

    # Every view after `refresh_aggregates`: in a process that has not decoded the
    # snapshots yet ("new process"), with the cache empty ("cold") and cached ("warm").
    views = [
        ("GET", client, "/statistics/?place=XV"),
        ("GET", client, "/statistics/"),
        ("GET", client, "/statistics/place.csv?place=XV"),
        ("API", client, "/api/v1/statistics?by=place,period&place=XV"),
        ("API", client, "/api/v1/statistics?measure=cases&by=exploitation&place=XV"),
        ("GET", staff, "/insights/"),
        ("GET", staff, "/insights/?level=subdivision&within=XV&measure=reports"),
        ("GET", staff, "/insights/places/XV/"),
        ("GET", staff, "/insights/places/XV-NO/"),
        ("CSV", staff, "/insights/places.csv?level=subdivision&within=XV"),
        *[("CSV", staff, f"/insights/places/XV-NO/{table}.csv") for table in PLACE_TABLES],
    ]
    view_timings = [
        (f"{path}, {state}", page(path, state, by=by))
        for _kind, by, path in views
        for state in ("new process", "cold", "warm")
    ]
    return [
        ("tips.aggregates.tip_counts() (live, refresh only)", tip_counts),
        ("cases.aggregates.case_counts() (live, refresh only)", case_counts),
        ("statistics.sources.collect() (snapshots decoded)", cold(sources.collect)),
        (
            "statistics.sources.collect() (snapshots not decoded yet)",
            cold(lambda: sources._parsed.clear() or sources.collect()),
        ),
        ("statistics tables, tips by country (facts cached)", tables_from_cached_facts("tips")),
        ("statistics tables, tips in XV (facts cached)", tables_from_cached_facts("tips", "XV")),
        ("statistics tables, cases in XV (facts cached)", tables_from_cached_facts("cases", "XV")),
        *view_timings,
    ]


def sign_in_policy_analyst(client) -> None:
    """A policy analyst of the bench hotline, signed in past the second factor as in the tests."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from vigil.accounts.models import Membership, Organisation, Person, Role

    hotline = Organisation.objects.get(slug="bench-hotline")
    person, _ = Person.objects.get_or_create(username="bench-policy-analyst")
    Membership.objects.get_or_create(person=person, organisation=hotline, role=Role.POLICY_ANALYST)
    device, _ = TOTPDevice.objects.get_or_create(
        user=person, name="authenticator", defaults={"confirmed": True}
    )
    client.force_login(person)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def migrations_fingerprint() -> str:
    names = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "vigil").glob("*/migrations/0*.py"))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]


def create_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not found:
            conn.execute(f'CREATE DATABASE "{name}"')


def row_template(model, instance, connection, generated):
    """(columns, SQL per column): each field's own conversion for one template instance
    (so encrypted fields hold real ciphertext), except the generated columns."""
    columns, select, params = [], [], []
    for field in model._meta.concrete_fields:
        columns.append(field.column)
        if field.column in generated:
            select.append(generated[field.column])
        else:
            select.append("%s")
            params.append(field.get_db_prep_save(getattr(instance, field.attname), connection))
    return columns, select, params


def pick(values: list[str], random_int: str) -> str:
    """SQL choosing one of `values` (string literals) by a random integer expression."""
    whens = " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(values))
    return f"(CASE ({random_int}) %% {len(values)} {whens} END)"


def build(tips: int, cases: int) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from vigil.accounts.models import Organisation
    from vigil.cases.models import Case, CaseExploitation, Child, Exploitation
    from vigil.regions.models import Place, PlaceKind
    from vigil.tips.models import Tip

    call_command("migrate", verbosity=0, interactive=False)
    pg = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        for model in (CaseExploitation, Case, Child, Tip):
            cursor.execute(f'DELETE FROM "{model._meta.db_table}"')  # noqa: S608
    hotline, _ = Organisation.objects.get_or_create(
        slug="bench-hotline", defaults={"name": "Bench Hotline", "kind": "hotline"}
    )
    agency, _ = Organisation.objects.get_or_create(
        slug="bench-agency", defaults={"name": "Bench Agency", "kind": "child_protection"}
    )
    country, _ = Place.objects.get_or_create(
        code="XV", defaults={"name": "Valdoria", "kind": PlaceKind.COUNTRY, "country_code": "XV"}
    )
    place_ids = []
    for code in REGIONS:
        region, _ = Place.objects.get_or_create(
            code=code,
            defaults={
                "name": code,
                "kind": PlaceKind.SUBDIVISION,
                "parent": country,
                "country_code": "XV",
            },
        )
        town, _ = Place.objects.get_or_create(
            code=f"{code}-T",
            defaults={
                "name": f"Town of {code}",
                "kind": PlaceKind.TOWN,
                "parent": region,
                "country_code": "XV",
            },
        )
        place_ids += [region.pk, town.pk]

    if pg:
        seq = "generate_series(0, %s - 1) AS n"
        rnd = "floor(random() * 1000000000)::bigint"
        uuid = "gen_random_uuid()"
        when = f"now() - (floor(random() * {YEARS * 365 * 86400}) || ' seconds')::interval"
        with_seq = ""
    else:
        seq = "seq"
        rnd = "abs(random())"
        uuid = "lower(hex(randomblob(16)))"
        when = (
            "strftime('%%Y-%%m-%%d %%H:%%M:%%f', 'now', "
            f"'-' || (abs(random()) % {YEARS * 365 * 86400}) || ' seconds')"
        )
        with_seq = (
            "WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < %s - 1) "
        )

    def insert(model, instance, generated, count):
        columns, select, params = row_template(model, instance, connection, generated)
        sql = (
            f'INSERT INTO "{model._meta.db_table}" ({", ".join(columns)}) '  # noqa: S608
            f"{with_seq}SELECT {', '.join(select)} FROM {seq}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [count, *params] if not pg else [*params, count])

    started = time.perf_counter()
    with transaction.atomic():
        insert(
            Tip,
            Tip(
                hotline=hotline, channel="web", narrative="Bench tip, not read.", country_code="XV"
            ),
            {
                "id": uuid,
                "reference": "'B-' || n",
                "created_at": when,
                "updated_at": when,
                "region_code": pick([*REGIONS, ""], rnd),
                "children_age": pick(["0-5", "6-11", "12-14", "12-14", "15-17", "15-17", ""], rnd),
                "children_gender": pick(["girl", "girl", "boy", "mixed", "other", ""], rnd),
            },
            tips,
        )
    print(f"  {tips:,} tips ({time.perf_counter() - started:.0f} s)", flush=True)
    ages = f"(CASE WHEN {rnd} %% 5 = 0 THEN NULL ELSE {rnd} %% 18 END)"
    places = " ".join(f"WHEN {i} THEN {p}" for i, p in enumerate(place_ids))
    with transaction.atomic():
        insert(
            Child,
            Child(organisation=agency, given_name="Bench", date_of_birth="2012-01-01"),
            {
                "id": uuid,
                "sex": pick(["female", "female", "male", "other", ""], rnd),
                "estimated_age": ages,
                "current_place_id": f"(CASE ({rnd}) %% {len(place_ids) + 1} {places} END)",
                "created_at": when,
                "updated_at": when,
            },
            cases,
        )
        child_table, case_table = Child._meta.db_table, Case._meta.db_table
        columns, select, params = row_template(
            Case,
            Case(organisation=agency, child_id=None, case_number="", identified_by="outreach"),
            connection,
            {
                "id": uuid,
                "case_number": "'B-' || substr(c.id::text, 1, 20)"
                if pg
                else "'B-' || substr(c.id, 1, 20)",
                "child_id": "c.id",
                "created_at": "c.created_at",
                "updated_at": "c.created_at",
            },
        )
        types = [e.value for e in Exploitation]
        with connection.cursor() as cursor:
            cursor.execute(
                f'INSERT INTO "{case_table}" ({", ".join(columns)}) '  # noqa: S608
                f'SELECT {", ".join(select)} FROM "{child_table}" c',
                params,
            )
            # Most cases have one type, some two, a few none.
            for share, offset in ((85, 0), (25, 3)):
                cursor.execute(
                    f'INSERT INTO "{CaseExploitation._meta.db_table}" (case_id, exploitation) '  # noqa: S608
                    f'SELECT id, {pick(types, f"({rnd} + {offset})")} FROM "{case_table}" '
                    f"WHERE {rnd} %% 100 < {share} ON CONFLICT DO NOTHING",
                    [],
                )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  {cases:,} cases ({time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
