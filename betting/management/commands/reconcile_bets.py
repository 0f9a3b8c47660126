"""`manage.py reconcile_bets [BET_ID ...]`: settle unconfirmed bets from the account balance now
(all of them when no id is given); prints what each came to."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from betting import services
from betting.selectors import bets_unconfirmed


class Command(BaseCommand):
    help = "Reconcile unconfirmed bets (sent, outcome unknown) from the account balance."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bet_ids", nargs="*", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        pks = options["bet_ids"] or list(bets_unconfirmed().values_list("pk", flat=True))
        for pk in pks:
            bet = services.bet_reconcile(bet_pk=pk, now=now)
            if bet is None:
                self.stdout.write(f"bet {pk}: not found")
            else:
                note = f" ({bet.resolution})" if bet.resolution else ""
                self.stdout.write(f"bet {pk}: {bet.status}{note}")
