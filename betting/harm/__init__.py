"""The one harm module of the product, used by understanding, betting and the engines alike.

- `signals`: harm in a user's message (under 18, borrowing, chasing, despair, loss of control).
- `requests`: responsible-gambling requests (self-exclusion, a break, limits, reality check, help).
- `promotion`: promotional phrases that must never reach a user, and the caveat that replaces them.
- `resources`: where to get help, per language.
"""

from betting.harm.promotion import banned_phrases, caveat, scrub_banned
from betting.harm.requests import RgRequest, duration_spans, rg_request
from betting.harm.resources import HelpResource, help_resources
from betting.harm.signals import (
    HARM_SIGNALS,
    HarmAssessment,
    HarmSignal,
    Severity,
    age_spans,
    harm_signals,
)
from betting.harm.text import fold

__all__ = [
    "HARM_SIGNALS",
    "HarmAssessment",
    "HarmSignal",
    "HelpResource",
    "RgRequest",
    "Severity",
    "age_spans",
    "banned_phrases",
    "caveat",
    "duration_spans",
    "fold",
    "harm_signals",
    "help_resources",
    "rg_request",
    "scrub_banned",
]
