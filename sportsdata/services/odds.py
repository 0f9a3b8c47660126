"""Odds pulled from the ChatBet API into price history, and change events to `sports.updates`.

A price that is the same as the current row only moves its `last_seen_at`; a different price
retires the current row and inserts a new one; an Inactive answer retires every current price.
Fetches run in a small thread pool (HTTP only); all writes happen afterwards in one transaction,
and the change events are sent after it commits.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sportsdata.client import ChatBetClient, ChatBetError
from sportsdata.client.types import MatchOdds, Selection
from sportsdata.models import Fixture, Odds
from sportsdata.services.runs import NO_PROGRESS, SyncOutcome, SyncProgress

logger = logging.getLogger(__name__)

SPORTS_UPDATES_GROUP = "sports.updates"
ODDS_CHANGED_EVENT = "sports.odds_changed"


@dataclass(frozen=True, slots=True)
class OddsApplyResult:
    created: int
    retired: int
    unchanged: int
    active: int
    inactive: int
    events: tuple[dict[str, Any], ...]


_PRICE_STEP = Decimal("0.001")  # Odds.price decimal places
_LINE_STEP = Decimal("0.01")  # Odds.line decimal places


def _stored(sel: Selection) -> Selection:
    """The selection as the database will hold it, so comparing with stored rows is exact."""
    line = None if sel.line is None else sel.line.quantize(_LINE_STEP)
    return replace(
        sel, price=sel.price.quantize(_PRICE_STEP), line=line, name=sel.name[:200], bet_id=sel.bet_id[:40]
    )


def _same(row: Odds, sel: Selection) -> bool:
    return (
        row.price == sel.price and row.name == sel.name and row.line == sel.line and row.bet_id == sel.bet_id
    )


def _money(value: Any) -> str | None:
    return None if value is None else str(value)


def odds_apply(*, results: Sequence[tuple[Fixture, MatchOdds]], fetched_at: dt.datetime) -> OddsApplyResult:
    """Write one fetch of odds for each fixture. Must be called inside a transaction."""
    fixture_ids = [fixture.pk for fixture, _ in results]
    current: dict[tuple[int, str, str], Odds] = {
        (row.fixture_id, row.market, row.selection): row
        for row in Odds.objects.filter(fixture_id__in=fixture_ids, is_current=True)
    }
    current_by_fixture: dict[int, list[Odds]] = {}
    for stored in current.values():
        current_by_fixture.setdefault(stored.fixture_id, []).append(stored)
    retire: list[int] = []
    touch: list[int] = []
    create: list[Odds] = []
    active_ids: list[int] = []
    inactive_ids: list[int] = []
    events: list[dict[str, Any]] = []
    for fixture, odds in results:
        changes: list[dict[str, Any]] = []
        seen: set[tuple[int, str, str]] = set()
        if odds.active:
            active_ids.append(fixture.pk)
            for raw in odds.selections:
                sel = _stored(raw)
                key = (fixture.pk, sel.market[:40], sel.selection[:40])
                if key in seen:  # a payload repeating a selection: keep the first
                    continue
                seen.add(key)
                row = current.get(key)
                if row is not None and _same(row, sel):
                    touch.append(row.pk)
                    continue
                if row is not None:
                    retire.append(row.pk)
                create.append(
                    Odds(
                        fixture_id=fixture.pk,
                        market=key[1],
                        selection=key[2],
                        name=sel.name,
                        line=sel.line,
                        price=sel.price,
                        bet_id=sel.bet_id,
                        fetched_at=fetched_at,
                        last_seen_at=fetched_at,
                    )
                )
                changes.append({
                    "market": key[1], "selection": key[2], "name": sel.name,
                    "price": _money(sel.price), "previous": _money(row.price if row else None),
                })  # fmt: skip
        else:
            inactive_ids.append(fixture.pk)
        for row in current_by_fixture.get(fixture.pk, ()):
            if (row.fixture_id, row.market, row.selection) not in seen:
                retire.append(row.pk)
                changes.append({
                    "market": row.market, "selection": row.selection, "name": row.name,
                    "price": None, "previous": _money(row.price),
                })  # fmt: skip
        # The first prices of a fixture are not a change anyone is watching for.
        if changes and fixture.pk in current_by_fixture:
            events.append({
                "type": ODDS_CHANGED_EVENT, "fixture_id": fixture.pk, "fixture_provider_id": fixture.provider_id,
                "tournament_id": fixture.tournament_id, "status": "active" if odds.active else "inactive",
                "changes": changes, "at": fetched_at.isoformat(),
            })  # fmt: skip

    # Retire before insert: the partial unique index allows one current price per selection.
    if retire:
        Odds.objects.filter(pk__in=retire).update(is_current=False)
    if create:
        Odds.objects.bulk_create(create, batch_size=1000)
    if touch:
        # One range update by fixture instead of a huge id list; new rows already carry this time.
        Odds.objects.filter(fixture_id__in=active_ids, is_current=True).update(last_seen_at=fetched_at)
    if active_ids:
        Fixture.objects.filter(pk__in=active_ids).update(
            odds_status=Fixture.OddsStatus.ACTIVE, odds_fetched_at=fetched_at
        )
    if inactive_ids:
        Fixture.objects.filter(pk__in=inactive_ids).update(
            odds_status=Fixture.OddsStatus.INACTIVE, odds_fetched_at=fetched_at
        )
    if events:
        frozen = tuple(events)
        transaction.on_commit(lambda: odds_changes_broadcast(events=frozen))
    return OddsApplyResult(
        created=len(create),
        retired=len(retire),
        unchanged=len(touch),
        active=len(active_ids),
        inactive=len(inactive_ids),
        events=tuple(events),
    )


def odds_changes_broadcast(*, events: Sequence[dict[str, Any]]) -> None:
    """Send odds-change events to the `sports.updates` group. Best effort: a broken channel layer
    must not fail a sync whose data is already committed."""
    layer = get_channel_layer()
    if layer is None or not events:
        return

    async def send_all() -> None:
        for event in events:
            await layer.group_send(SPORTS_UPDATES_GROUP, event)

    try:
        async_to_sync(send_all)()
    except Exception as exc:  # noqa: BLE001 - see docstring
        logger.warning("could not broadcast %d odds events: %s", len(events), exc)


def _fetch(client: ChatBetClient, fixture: Fixture) -> MatchOdds | ChatBetError:
    try:
        return client.odds_get(
            fixture_id=fixture.provider_id,
            sport_id=fixture.tournament.sport.provider_id,
            tournament_id=fixture.tournament.provider_id,
        )
    except ChatBetError as exc:
        return exc


def odds_fetch_many(
    *, client: ChatBetClient, fixtures: Sequence[Fixture], progress: SyncProgress = NO_PROGRESS
) -> list[tuple[Fixture, MatchOdds | ChatBetError]]:
    progress.stage(name="odds", total=len(fixtures))

    def fetch(fixture: Fixture) -> MatchOdds | ChatBetError:
        result = _fetch(client, fixture)
        progress.advance()
        return result

    workers = max(1, min(settings.CHATBET_API_CONCURRENCY, len(fixtures)))
    if workers == 1:
        return [(fixture, fetch(fixture)) for fixture in fixtures]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="chatbet-odds") as pool:
        return list(zip(fixtures, pool.map(fetch, fixtures), strict=True))


def odds_pull(
    *,
    client: ChatBetClient,
    starts_from: dt.datetime | None = None,
    starts_until: dt.datetime | None = None,
    fixture_ids: Iterable[int] | None = None,
    progress: SyncProgress = NO_PROGRESS,
) -> SyncOutcome:
    """Fetch and store odds for the fixtures kicking off in [starts_from, starts_until]."""
    fixtures = Fixture.objects.select_related("tournament__sport").order_by("starts_at", "pk")
    if starts_from is not None:
        fixtures = fixtures.filter(starts_at__gte=starts_from)
    if starts_until is not None:
        fixtures = fixtures.filter(starts_at__lte=starts_until)
    if fixture_ids is not None:
        fixtures = fixtures.filter(pk__in=list(fixture_ids))
    fixture_list = list(fixtures)
    outcome = SyncOutcome(counts={"fixtures": len(fixture_list)})
    if not fixture_list:
        outcome.synced_anything = False  # not an error on its own, but nothing was synced
        return outcome
    fetched_at = timezone.now()
    pairs = odds_fetch_many(client=client, fixtures=fixture_list, progress=progress)
    good = [(f, r) for f, r in pairs if isinstance(r, MatchOdds)]
    failed = [(f, r) for f, r in pairs if not isinstance(r, MatchOdds)]
    for fixture, error in failed[:20]:
        outcome.errors.append(f"odds of fixture {fixture.provider_id}: {error}")
    if len(failed) > 20:
        outcome.errors.append(f"... and {len(failed) - 20} more fixtures failed")
    outcome.counts["failed"] = len(failed)
    if not good:
        outcome.synced_anything = False
        return outcome
    with transaction.atomic():
        applied = odds_apply(results=good, fetched_at=fetched_at)
    outcome.counts.update({
        "active": applied.active, "inactive": applied.inactive, "odds_created": applied.created,
        "odds_retired": applied.retired, "odds_unchanged": applied.unchanged, "events": len(applied.events),
    })  # fmt: skip
    return outcome


def odds_refresh_for_fixture(*, fixture_id: int, client: ChatBetClient) -> bool:
    """Fetch and store one fixture's odds now; False when the API failed (stored odds are kept)."""
    fixture = Fixture.objects.select_related("tournament__sport").get(pk=fixture_id)
    result = _fetch(client, fixture)
    if not isinstance(result, MatchOdds):
        logger.warning("odds refresh of fixture %s failed: %s", fixture.provider_id, result)
        return False
    with transaction.atomic():
        odds_apply(results=[(fixture, result)], fetched_at=timezone.now())
    return True
