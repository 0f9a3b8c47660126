"""Understanding without an LLM: intent, entities and dialogue context for one user message.

Pure Python (no ORM): the engine passes a `Catalog` built from the database and the stored
`DialogueContext`, calls `understand()`, and stores `next_context()` after the turn.
"""

from betting.harm import RgRequest
from conversations.assistant.understanding.catalog import (
    Catalog,
    CatalogSport,
    CatalogTeam,
    CatalogTournament,
)
from conversations.assistant.understanding.context import (
    DialogueContext,
    PendingClarification,
    context_with_clarification,
    context_with_fixture,
    context_with_pending_bet,
    next_context,
)
from conversations.assistant.understanding.core import understand
from conversations.assistant.understanding.intents import INTENTS
from conversations.assistant.understanding.result import Understanding

__all__ = [
    "INTENTS",
    "Catalog",
    "CatalogSport",
    "CatalogTeam",
    "CatalogTournament",
    "DialogueContext",
    "PendingClarification",
    "RgRequest",
    "Understanding",
    "context_with_clarification",
    "context_with_fixture",
    "context_with_pending_bet",
    "next_context",
    "understand",
]
