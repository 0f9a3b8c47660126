from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _aliases_seed_after_migrate(*, using: str = "default", **_: Any) -> None:
    """Aliases from the data file after every migrate (and test-database flush); idempotent."""
    from sportsdata.models import TeamAlias, TournamentAlias
    from sportsdata.services.aliases import aliases_seed

    tables = connections[using].introspection.table_names()
    if TeamAlias._meta.db_table in tables and TournamentAlias._meta.db_table in tables:
        aliases_seed(using=using)


class SportsdataConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sportsdata"

    def ready(self) -> None:
        post_migrate.connect(_aliases_seed_after_migrate, sender=self, dispatch_uid="sportsdata.aliases_seed")
