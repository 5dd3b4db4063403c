"""The `velferd` console script: Django's management commands, with dashes allowed.

velferd migrate
velferd load-reference
velferd audit verify
velferd runserver
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "velferd.settings.dev")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    execute_from_command_line(["velferd", *args[1:]])


if __name__ == "__main__":
    main()
