"""`vigil seed_demo`: the fictional country Valdoria, its organisations, staff and tips."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from vigil.accounts.models import Organisation, Person
from vigil.demo import cases, country, learning, organisations, protocols, synthetic_tips
from vigil.directory.demo import seed_services
from vigil.regions.boundaries import load_demo_boundaries, load_shipped_boundaries
from vigil.regions.iso import seed_places
from vigil.vulnerability.importing import import_world_bank
from vigil.vulnerability.models import IndicatorValue


class Command(BaseCommand):
    help = (
        "Build the demo: the fictional country Valdoria (XV), its organisations, one person "
        "per role and synthetic tips. Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tips",
            type=int,
            default=300,
            help="How many synthetic tips the demo hotline should hold (default 300).",
        )

    def handle(self, *args, tips: int, **options):
        out = self.stdout
        with transaction.atomic():
            places = country.build_country()
            # Every ISO country and subdivision, their boundaries and Valdoria's, and
            # the shipped World Bank indicators: the maps and the index need them.
            places += seed_places().created
            load_shipped_boundaries()
            load_demo_boundaries()
            before = IndicatorValue.objects.count()
            import_world_bank()
            indicators = IndicatorValue.objects.count() - before
            orgs = organisations.build_organisations()
            people, logins = organisations.build_people()
            raw_key = organisations.issue_partner_key()
            rules = protocols.build_protocol() + protocols.build_on_call_shift()
            services = seed_services(
                Organisation.objects.filter(slug__in=organisations.ORGANISATIONS)
            )
        # The shipped screening instrument (idempotent: an unchanged file adds nothing).
        call_command("load_instruments", stdout=out)
        # The shipped courses (a course already here is left as its trainers made it).
        call_command("load_courses", stdout=out)
        attempts = learning.build_attempts()
        demo_cases = cases.build_cases()
        hotline = organisations.hotline()
        analyst = Person.objects.get(username=organisations.PEOPLE["analyst"][0])

        def progress(done, todo):
            out.write(f"  {done}/{todo} tips…")

        wanted = max(tips, 0)
        if hotline.tips.count() < wanted:
            out.write(f"Creating synthetic tips up to {wanted} (a few seconds per hundred)…")
        made = synthetic_tips.create_tips(
            wanted,
            hotline=hotline,
            analyst=analyst,
            partner=organisations.partner(),
            progress=progress,
        )

        news = (
            places,
            orgs,
            people,
            raw_key,
            rules,
            services,
            demo_cases,
            indicators,
            attempts,
            made,
        )
        if not any(news):
            out.write(self.style.SUCCESS("Nothing new: the demo data is already there."))
        else:
            out.write(
                self.style.SUCCESS(
                    f"Demo data for {country.NAME} ({country.CODE}): {places} places and "
                    f"helplines, {orgs} organisations, {people} people and memberships, "
                    f"{rules} protocol rules and on-call shifts, {services} services, "
                    f"{demo_cases} cases, {indicators} indicator values, {attempts} quiz attempts, "
                    f"{made} tips created."
                )
            )
        out.write(f"The demo hotline now holds {hotline.tips.count()} tips.")
        if raw_key:
            out.write("")
            out.write(f"Partner API key for {organisations.partner().name} (shown only once):")
            out.write(f"  {raw_key}")
            out.write("  Send it in the X-API-Key header to POST /api/v1/tips.")
        self._logins(logins + [cases.supervisor_login()])

    def _logins(self, logins):
        out = self.stdout
        width_user = max(len(login.username) for login in logins + [_Header])
        width_role = max(len(str(login.role)) for login in logins + [_Header])
        out.write("")
        out.write("Demo sign-ins at /accounts/login/:")
        for login in [_Header] + logins:
            out.write(
                f"  {login.username:<{width_user}}  {str(login.role):<{width_role}}  "
                f"{login.organisation}"
            )
        out.write(f"Password for all of them: {organisations.DEMO_PASSWORD}")
        out.write(
            self.style.WARNING(
                "This password is for the demo only. It is published in the source code: "
                "never use these accounts with real data."
            )
        )
        out.write(
            "On first sign-in each person sets up two-factor authentication: the page shows "
            "a QR code to scan with an authenticator app (TOTP)."
        )


class _Header:
    username = "username"
    role = "role"
    organisation = "organisation"
