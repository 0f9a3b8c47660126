"""Prompt-injection markers in a user message (en/es/pt): only flagged here, the engine decides.

Harm signals and responsible-gambling requests live in the one harm module, `betting.harm`.
"""

from __future__ import annotations

import re

_INJECTION_RE = re.compile(
    r"(?:\b(?:ignore|disregard|forget|override|bypass)\b.{0,30}\b(?:instructions?|rules|prompts?|guidelines|"
    r"guardrails|restrictions|safety|limits)\b"
    r"|(?:^|[\n.!?]\s*)(?:system|developer|assistant|admin)\s*:"
    r"|\b(?:developer|dev|god|admin|debug|jailbreak|dan) mode\b|\bjailbreak\w*"
    r"|\bno confirmation (?:needed|required|necessary)|\bwithout (?:asking (?:for )?|any |a )?confirm\w*"
    r"|\bskip (?:the )?confirm\w*|\bdon'?t ask (?:me )?(?:for )?confirm\w*"
    r"|\bsin (?:pedir )?confirma\w*|\bno (?:me )?pidas confirma\w*|\bsem (?:pedir )?confirma\w*"
    r"|\b(?:ignor[aeo]\w*|olvid[aeo]\w*|esquec[ae]\w*|desconsider[ae]\w*|salt[ae]\w*|pul[ae]\w*)\b.{0,30}"
    r"\b(?:instrucciones|instrucoes|reglas|regras|indicaciones|orientacoes|restricciones|restricoes)\b"
    r"|\b(?:you are now|from now on you are|pretend (?:to be|you are)|act as (?:an? )?(?:unrestricted|unfiltered))"
    r"|\b(?:reveal|show|print) (?:me )?(?:your |the )?(?:system )?prompt|\bsystem prompt"
    r"|<\|im_start\|>|\[/?inst\]|<<sys>>)"
)


def injection_suspected(folded: str) -> bool:
    return bool(_INJECTION_RE.search(folded))


def injection_spans(folded: str) -> list[tuple[int, int]]:
    """Where the markers are: they are not part of what the person asks for."""
    return [m.span() for m in _INJECTION_RE.finditer(folded)]
