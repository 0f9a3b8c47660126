"""Odds changes reach `sports.updates` subscribers on the Redis channel layer after commit."""

from __future__ import annotations

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from sportsdata.models import Fixture
from sportsdata.services import (
    ODDS_CHANGED_EVENT,
    SPORTS_UPDATES_GROUP,
    odds_sync_upcoming,
    sportsdata_sync_all,
)


@pytest.mark.django_db(transaction=True)
async def test_price_change_is_broadcast(api, fake):
    layer = get_channel_layer()
    assert type(layer).__name__ == "RedisChannelLayer"
    channel = await layer.new_channel()
    await layer.group_add(SPORTS_UPDATES_GROUP, channel)

    await database_sync_to_async(sportsdata_sync_all)(client=api)
    # The first load of prices is not a change: nothing is sent.
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(layer.receive(channel), timeout=0.5)

    fake.dataset["odds"]["27907678"]["result"]["home"] = 2.05
    await database_sync_to_async(odds_sync_upcoming)(client=api)
    event = await asyncio.wait_for(layer.receive(channel), timeout=5)
    fixture = await database_sync_to_async(Fixture.objects.get)(provider_id="27907678")
    assert event["type"] == ODDS_CHANGED_EVENT
    assert event["fixture_id"] == fixture.pk
    assert event["tournament_id"] == fixture.tournament_id
    assert event["changes"] == [
        {"market": "result", "selection": "home", "name": "Barcelona", "price": "2.050", "previous": "2.100"}
    ]
    # Exactly one event: the unchanged fixtures stay quiet.
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(layer.receive(channel), timeout=0.5)
