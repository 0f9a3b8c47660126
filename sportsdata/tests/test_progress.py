"""The sync reports its progress per stage, and the command draws a bar only in a terminal."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from sportsdata.client import chatbet_client
from sportsdata.models import Fixture, Tournament
from sportsdata.services import SyncProgress, sportsdata_sync_all


class Recorder(SyncProgress):
    def __init__(self) -> None:
        self.stages: list[tuple[str, int]] = []
        self.done: dict[str, int] = {}

    def stage(self, *, name: str, total: int) -> None:
        self.stages.append((name, total))
        self.done[name] = 0

    def advance(self, *, count: int = 1) -> None:
        self.done[self.stages[-1][0]] += count


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def demo(settings):
    settings.CHATBET_API_BASE_URL = "demo"


@pytest.mark.django_db
def test_sync_reports_every_request_of_each_stage(demo):
    progress = Recorder()
    sportsdata_sync_all(client=chatbet_client(), progress=progress)
    assert [name for name, _ in progress.stages] == ["fixtures", "odds"]
    totals = dict(progress.stages)
    assert totals["fixtures"] == Tournament.objects.count()
    assert totals["odds"] == Fixture.objects.count()
    assert progress.done == totals


@pytest.mark.django_db
def test_command_draws_bars_in_a_terminal_only(demo):
    terminal = Terminal()
    call_command("sync_sportsdata", stdout=io.StringIO(), stderr=terminal)
    drawn = terminal.getvalue()
    assert "fixtures" in drawn
    assert "odds" in drawn
    assert f"{Fixture.objects.count()}/{Fixture.objects.count()}" in drawn

    piped = io.StringIO()
    call_command("sync_sportsdata", stdout=io.StringIO(), stderr=piped)
    assert piped.getvalue() == ""

    quiet = Terminal()
    call_command("sync_sportsdata", "--no-progress", stdout=io.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""
