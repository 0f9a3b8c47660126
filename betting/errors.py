"""The one exception of the betting domain: an action refused by a rule, with a stable code."""

from __future__ import annotations

from typing import Any


class BettingRefused(Exception):
    """The action is not allowed; `code` is stable and `data` holds the figures to explain why."""

    def __init__(self, code: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.data = data or {}
