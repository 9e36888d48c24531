"""Load the courses shipped with Vigil (or given files) and publish them.

A course the deployment already has is left alone (its trainers may have
edited it) unless --update is given; then it is replaced and published as a
new version only if the file differs, so certificates keep pointing at the
version their holder passed.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vigil.learn import files

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "courses"


class Command(BaseCommand):
    help = "Load and publish course files (default: the courses shipped with Vigil)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="course files (.json)")
        parser.add_argument(
            "--update", action="store_true", help="replace courses that already exist"
        )

    def handle(self, *args, paths, update, **options):
        paths = paths or sorted(SHIPPED.glob("*.json"))
        for path in paths:
            try:
                data = files.parse(path.read_bytes())
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror}") from None
            except files.CourseFileError as error:
                raise CommandError(f"{path}:\n  " + "\n  ".join(error.problems)) from None
            course = files.Course.objects.filter(slug=data["slug"]).first()
            if course is not None and not update:
                self.stdout.write(
                    f"{data['slug']}: already here, left as it is (--update replaces)"
                )
                continue
            before = course.published_id if course else None
            version = files.import_document(data)
            state = "unchanged" if version.pk == before else f"published version {version.number}"
            self.stdout.write(f"{data['slug']}: {state}")
