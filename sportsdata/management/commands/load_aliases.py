"""`manage.py load_aliases`: add the data file's team and tournament aliases that are not stored yet.

`migrate` runs the same seeding; this command is for a data file changed without a migration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sportsdata.services.aliases import ALIASES_FILE, aliases_seed


class Command(BaseCommand):
    help = "Add the aliases of the data file (sportsdata/data/aliases.yaml) that are not stored yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, default=ALIASES_FILE, help="Aliases data file (YAML).")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = aliases_seed(path=options["file"])
        self.stdout.write(
            f"aliases added: {counts['team_aliases']} team, {counts['tournament_aliases']} tournament"
        )
