"""`vigil import_boundaries`: outlines of places from GeoJSON, for maps."""

from django.core.management.base import BaseCommand, CommandError

from vigil.regions import boundaries

SHOWN_UNMATCHED = 20


class Command(BaseCommand):
    help = (
        "Import place boundaries from a GeoJSON FeatureCollection (plain or .gz). Without a "
        "path, load the Natural Earth countries and states/provinces shipped with Vigil. Run "
        "`vigil seed_places` first so the places exist."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="GeoJSON file; omit for the shipped files.")
        parser.add_argument(
            "--level",
            choices=boundaries.LEVELS,
            help="Match countries (by ISO_A3, or ADM0_A3 where ISO_A3 is -99) or "
            "subdivisions (by iso_3166_2). Default: try both, then a `code` property.",
        )
        parser.add_argument(
            "--code-property",
            metavar="NAME",
            help="Property holding each feature's place code (ISO 3166 code or alpha-3).",
        )
        parser.add_argument(
            "--simplify",
            type=float,
            metavar="TOLERANCE",
            help="Douglas–Peucker tolerance in degrees; 0 keeps every point. Default: "
            + ", ".join(
                f"{level} {boundaries.DEFAULT_TOLERANCE[level]}" for level in boundaries.LEVELS
            )
            + ".",
        )
        parser.add_argument("--source", help="Where the file comes from, stored with each row.")

    def handle(self, *args, path, level, code_property, simplify, source, **options):
        if simplify is not None and simplify < 0:
            raise CommandError("--simplify must be 0 or more (degrees).")
        try:
            if path:
                results = [
                    boundaries.import_boundaries(
                        path,
                        level=level,
                        code_property=code_property,
                        tolerance=simplify,
                        source=source,
                    )
                ]
            else:
                if level or code_property or source:
                    raise CommandError(
                        "--level, --code-property and --source apply to a file you name; "
                        "the shipped files know their own."
                    )
                results = boundaries.load_shipped_boundaries(tolerance=simplify)
        except boundaries.BoundaryFileError as exc:
            raise CommandError(str(exc)) from exc

        for result in results:
            self.stdout.write(
                f"{result.source}: {result.matched} places matched, "
                f"{len(result.unmatched)} features unmatched, {result.skipped} without polygons; "
                f"{result.points_before} points simplified to {result.points_after}."
            )
            if result.unmatched:
                shown = ", ".join(result.unmatched[:SHOWN_UNMATCHED])
                more = len(result.unmatched) - SHOWN_UNMATCHED
                self.stdout.write(
                    f"  No place for: {shown}" + (f" and {more} more" if more > 0 else "")
                )
        if not any(result.matched for result in results):
            raise CommandError(
                "No feature matched a place. Run `vigil seed_places` first, or name the "
                "property that holds the code with --code-property."
            )
        self.stdout.write(self.style.SUCCESS("Boundaries stored."))
