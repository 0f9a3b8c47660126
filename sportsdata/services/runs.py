"""SyncRun bookkeeping: every prefetch run is one row with its status, counts and error."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from chatbet_site.metrics import sync_run_observe
from sportsdata.models import SyncRun

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class SyncOutcome:
    """What one sync step did. `errors` are non-fatal (the run is partial); a fatal error raises."""

    counts: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    synced_anything: bool = True

    def merge(self, other: SyncOutcome, *, prefix: str = "") -> None:
        for key, value in other.counts.items():
            self.counts[f"{prefix}{key}"] = value
        self.errors.extend(other.errors)


class SyncProgress:
    """Where a sync is, for a terminal progress bar: a stage with its number of items, then one
    `advance` per item done. The base class ignores everything (scheduled jobs pass nothing)."""

    def stage(self, *, name: str, total: int) -> None:
        """A new stage starts with `total` items."""

    def advance(self, *, count: int = 1) -> None:
        """`count` more items of the current stage are done."""


NO_PROGRESS = SyncProgress()

ABANDONED_AFTER = dt.timedelta(hours=1)


def _worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(worker: str) -> bool:
    """Whether the process that started a run still runs (known only on the same host)."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def syncruns_abandoned_close(*, kind: str, now: dt.datetime) -> int:
    """Fail runs of `kind` left `running` by a worker that died: its process is gone (same host)
    or the run is older than ABANDONED_AFTER. Their data writes were transactional, so the new
    run simply completes the work."""
    closed = 0
    for run in SyncRun.objects.filter(kind=kind, status=SyncRun.Status.RUNNING):
        if run.started_at > now - ABANDONED_AFTER and _alive(str(run.counts.get("worker", ""))):
            continue
        run.status, run.finished_at = SyncRun.Status.FAILED, now
        run.error = "abandoned: the worker stopped before finishing"
        run.save(update_fields=["status", "finished_at", "error"])
        closed += 1
    if closed:
        logger.warning("closed %d abandoned %s sync run(s)", closed, kind)
    return closed


def syncrun_execute(*, kind: str, step: Callable[[], SyncOutcome]) -> SyncRun:
    """Run `step` as one SyncRun. Any exception marks the run failed (and is logged, not raised):
    the step writes in one transaction, so the last good data stays as it was."""
    started = timezone.now()
    syncruns_abandoned_close(kind=kind, now=started)
    run = SyncRun.objects.create(kind=kind, started_at=started, counts={"worker": _worker()})
    status = SyncRun.Status.SUCCESS
    error = ""
    counts: dict[str, Any] = {}
    try:
        outcome = step()
    except Exception as exc:  # noqa: BLE001 - a scheduled job must record any failure, not crash beat
        logger.warning("sync %s failed: %s", kind, exc)
        status, error = SyncRun.Status.FAILED, f"{type(exc).__name__}: {exc}"
    else:
        counts = outcome.counts
        if outcome.errors:
            status = SyncRun.Status.PARTIAL if outcome.synced_anything else SyncRun.Status.FAILED
            error = "\n".join(outcome.errors)[:10000]
    finished = timezone.now()
    run.status, run.error, run.counts = status, error, counts
    run.finished_at = finished
    run.duration_ms = int((finished - started).total_seconds() * 1000)
    run.save(update_fields=["status", "error", "counts", "finished_at", "duration_ms"])
    logger.info("sync %s %s in %d ms: %s", kind, status, run.duration_ms, counts)
    sync_run_observe(run)  # observability hook (issue 10)
    return run
