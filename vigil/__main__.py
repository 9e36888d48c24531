"""The `vigil` console command: Django's manage.py with the project's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
    if sys.argv[1:2] == ["match"]:
        # `vigil match` reads and writes files only: no app, model or database,
        # so it skips django.setup() (a third of a second on every run).
        from vigil.matching.management.commands.match import Command

        Command().run_from_argv(sys.argv)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
