"""Betting tools, registered on import: markets (compare, recommend), slips (simulate, balance,
propose, change the stake, place, cancel) and responsible-gambling actions.

Thin adapters: validate the arguments, resolve the match through the sports tools, call one
betting service or selector, shape a compact result. The rules live in betting.services.
"""

from conversations.assistant.tools.betting import markets, protection, simulate, slips
from conversations.assistant.tools.betting.markets import market_view

__all__ = ["market_view", "markets", "protection", "simulate", "slips"]
