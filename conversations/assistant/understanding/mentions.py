"""Team mentions in one message: resolution, ambiguity, "A vs B" pairs, backed teams, unknown names.

Works on the catalog's phrase matches plus the message tokens; the conversation context only
narrows an ambiguous word ("Madrid" right after talking about Real Madrid) or answers a pending
clarifying question ("City" when the question was Manchester City or Manchester United).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from conversations.assistant.understanding import aliases
from conversations.assistant.understanding.catalog import Catalog, Mention
from conversations.assistant.understanding.context import DialogueContext, PendingClarification
from conversations.assistant.understanding.text import Token, fold_phrase


def _words(text: str) -> list[str]:
    return text.split()


_ARTICLES = frozenset(
    _words(
        """
        the el la los las lo o a os as al do da del dos das de
            """
    )
)
_STRONG_LINKS = frozenset(
    {"vs", "v", "versus", "x", "contra", "against", "vrs", "beat", "beats", "face", "faces"}
)
_STRONG_LINK_PAIRS = frozenset(
    {("to", "beat"), ("to", "win", "against"), ("gana", "a"), ("ganar", "a"), ("vence", "o"), ("vencer", "o"),
     ("plays",), ("play",), ("juega", "contra"), ("joga", "contra"), ("take", "on"), ("takes", "on")}
)  # fmt: skip
_WEAK_LINKS = frozenset({"and", "y", "e", "or", "o", "ou", "with", "con", "com"})
_PICK_AFTER = (
    ("to", "win"), ("to", "beat"), ("beat",), ("beats",), ("wins",), ("win",), ("gana",), ("ganar",), ("vence",),
    ("vencer",), ("ganha",), ("ganhar",), ("para", "ganar"), ("pra", "ganhar"), ("para", "ganhar"),
    ("para", "vencer"), ("to", "cover"), ("or", "draw"), ("o", "empate"), ("ou", "empate"), ("winning",),
    ("ganando",), ("vencendo",), ("ganhando",),
)  # fmt: skip
# Cues that a team wins; in a list ("Celtic and PSG to win", "Flamengo, Benfica e Sporting
# vencendo") they apply to every team of the list: a combination, not a match between them.
_WIN_AFTER = (
    ("to", "win"), ("win",), ("wins",), ("winning",), ("gana",), ("ganar",), ("ganando",), ("vence",),
    ("vencer",), ("vencendo",), ("ganha",), ("ganhar",), ("ganhando",), ("para", "ganar"), ("pra", "ganhar"),
    ("para", "ganhar"), ("para", "vencer"),
)  # fmt: skip
# Cues before a team that it wins: "a vitória do Chelsea", "la victoria del Arsenal", "a win for
# Porto", "que gane el Betis", "que o Santos ganhe" is covered by the cues after.
_WIN_BEFORE = (
    ("win", "for"), ("victory", "for"), ("victoria", "del"), ("victoria", "de"), ("triunfo", "del"),
    ("triunfo", "de"), ("vitoria", "do"), ("vitoria", "da"), ("vitoria", "de"), ("triunfo", "do"),
    ("triunfo", "da"), ("que", "gane"), ("que", "ganhe"), ("que", "venza"), ("que", "venca"),
    ("si", "gana"), ("si", "ganan"), ("se", "ganha"), ("se", "ganhar"), ("se", "vencer"),
)  # fmt: skip
_LIST_LINKS = frozenset({"and", "y", "e"})
_PICK_BEFORE = frozenset({"on", "al", "a", "por", "no", "na", "em", "en", "back", "backing", "pelo", "pela"})
_SUGGEST_CUTOFF = 75
_SIGNED_AFTER_RE = re.compile(r"\s*[+-]\s?\d")
_ORDINALS = {
    "first": 0, "primero": 0, "primer": 0, "primeiro": 0, "primeira": 0, "former": 0, "1st": 0,
    "second": 1, "segundo": 1, "segunda": 1, "latter": 1, "2nd": 1,
}  # fmt: skip


@dataclass(slots=True)
class TeamFindings:
    teams: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    picks: list[str] = field(default_factory=list)
    win_picks: bool = False
    # A signed number right after a backed team ("Lakers -5.5") is a handicap line.
    signed_line: bool = False


def surface(tokens: list[Token], mention: Mention) -> str:
    first, last = tokens[mention.start], tokens[mention.end - 1]
    return (
        first.original if first is last else " ".join(t.original for t in tokens[mention.start : mention.end])
    )


def ordinal(words: list[str]) -> int | None:
    for word in words:
        if word in _ORDINALS:
            return _ORDINALS[word]
    return None


def resolve_clarification(
    words: list[str], mentions: list[Mention], pending: PendingClarification, catalog: Catalog
) -> str | None:
    candidates = pending.candidates
    for mention in mentions:
        if mention.kind == "team":
            hits = [c for c in mention.ids if c in candidates]
            if len(hits) == 1:
                return hits[0]
    team_words = catalog.index.team_words
    hits = [c for c in candidates if any(w in team_words.get(c, ()) for w in words)]
    if len(hits) == 1:
        return hits[0]
    position = ordinal(words)
    if position is not None and len(words) <= 4 and position < len(candidates):
        return candidates[position]
    return None


def find_teams(
    tokens: list[Token],
    words: list[str],
    mentions: list[Mention],
    catalog: Catalog,
    context: DialogueContext | None,
    sport: str | None,
    folded: str,
) -> TeamFindings:
    findings = TeamFindings()
    resolved: list[tuple[Mention, str]] = []
    for mention in mentions:
        if mention.kind == "derby":
            first, second = mention.ids
            resolved.extend(((mention, first), (mention, second)))
            findings.pairs.append((first, second))
            continue
        if mention.kind != "team":
            continue
        ids = mention.ids
        if len(ids) > 1 and sport:
            same_sport = tuple(
                i for i in ids if (team := catalog.team(i)) is not None and team.sport == sport
            )
            ids = same_sport or ids
        if len(ids) > 1 and context:
            known = [i for i in ids if i in context.last_teams]
            ids = tuple(known) if len(known) == 1 else ids
        if len(ids) == 1:
            resolved.append((mention, ids[0]))
        else:
            findings.ambiguous.append((surface(tokens, mention), list(ids)))
    for _mention, team_id in resolved:
        if team_id not in findings.teams:
            findings.teams.append(team_id)
    # Ambiguous words whose candidates include a team named outright elsewhere are just echoes.
    findings.ambiguous = [(s, ids) for s, ids in findings.ambiguous if not set(ids) & set(findings.teams)]
    _pair_up(words, [(m, t) for m, t in resolved if m.kind == "team"], findings)
    _find_picks(words, resolved, findings, [tokens[m.end - 1].end for m, _ in resolved], folded)
    return findings


def _gap(words: list[str], start: int, end: int) -> tuple[str, ...]:
    return tuple(w for w in words[start:end] if w not in _ARTICLES)


def _pair_up(words: list[str], resolved: list[tuple[Mention, str]], findings: TeamFindings) -> None:
    paired: set[int] = set()
    distinct = {team_id for _, team_id in resolved}
    for index in range(len(resolved) - 1):
        (left, left_id), (right, right_id) = resolved[index], resolved[index + 1]
        if index in paired or left_id == right_id:
            continue
        gap = _gap(words, left.end, right.start)
        strong = (len(gap) == 1 and gap[0] in _STRONG_LINKS) or gap in _STRONG_LINK_PAIRS
        weak = (not gap or (len(gap) == 1 and gap[0] in _WEAK_LINKS)) and len(distinct) == 2
        if strong or (weak and not findings.pairs):
            findings.pairs.append((left_id, right_id))
            paired.update((index, index + 1))


def _find_picks(
    words: list[str],
    resolved: list[tuple[Mention, str]],
    findings: TeamFindings,
    ends: list[int],
    folded: str,
) -> None:
    win_picks: list[str] = []
    prep_picks: list[str] = []
    for (mention, team_id), end in zip(resolved, ends, strict=True):
        if mention.kind != "team":
            continue
        after = tuple(words[mention.end : mention.end + 3])
        signed = bool(_SIGNED_AFTER_RE.match(folded, end))
        findings.signed_line = findings.signed_line or signed
        before = [
            w for w in words[max(0, mention.start - 4) : mention.start] if w not in ("the", "el", "o", "a")
        ]
        if (
            signed
            or any(after[: len(cue)] == cue for cue in _PICK_AFTER)
            # ("¿quién crees que gane, Barcelona o Madrid?" asks which of two, it backs neither)
            or (
                any(tuple(before[-len(cue) :]) == cue for cue in _WIN_BEFORE)
                and after[:1] not in (("o",), ("ou",), ("or",))
            )
        ):
            win_picks.append(team_id)
            continue
        if (before and before[-1] in _PICK_BEFORE) or (
            mention.start > 0 and words[mention.start - 1] in ("al", "pelo")
        ):
            prep_picks.append(team_id)
    _spread_win_picks(words, [(m, t) for m, t in resolved if m.kind == "team"], findings, win_picks)
    findings.win_picks = bool(win_picks)
    findings.picks = win_picks or prep_picks


def _spread_win_picks(
    words: list[str], resolved: list[tuple[Mention, str]], findings: TeamFindings, win_picks: list[str]
) -> None:
    """A win cue after a list of teams backs every team of the list; their loose pairing goes."""
    for index in range(len(resolved) - 1, 0, -1):
        (left, left_id), (right, right_id) = resolved[index - 1], resolved[index]
        gap = _gap(words, left.end, right.start)
        linked = not gap or (len(gap) == 1 and gap[0] in _LIST_LINKS)
        if right_id not in win_picks or left_id in win_picks or not linked:
            continue
        if any(left_id in pair and pair != (left_id, right_id) for pair in findings.pairs):
            continue  # "A to beat B and C to win": B is an opponent, not a pick
        if not _list_ends_in_win(words, resolved, index):
            continue
        win_picks.insert(win_picks.index(right_id), left_id)
        if (left_id, right_id) in findings.pairs:
            findings.pairs.remove((left_id, right_id))


def _list_ends_in_win(words: list[str], resolved: list[tuple[Mention, str]], index: int) -> bool:
    """Whether the team list that `resolved[index]` belongs to ends with a win cue."""
    while index < len(resolved):
        mention = resolved[index][0]
        after = tuple(words[mention.end : mention.end + 2])
        if any(after[: len(cue)] == cue for cue in _WIN_AFTER):
            return True
        if index + 1 >= len(resolved):
            return False
        gap = _gap(words, mention.end, resolved[index + 1][0].start)
        if gap and not (len(gap) == 1 and gap[0] in _LIST_LINKS):
            return False
        index += 1
    return False


# Right after these a club the alias data knows is that club, even as an everyday word in lowercase:
# "a qué hora juega boca" (not "boca", mouth), "quando joga o santos", "when do wolves play".
_PLAYS_BEFORE = frozenset({"juega", "juegan", "joga", "jogam", "vs", "versus", "contra", "against"})
_VERSUS = frozenset({"vs", "v", "versus", "contra", "against", "x"})


def unknown_names(
    tokens: list[Token], mentions: list[Mention], common: frozenset[str], vocabulary: frozenset[str]
) -> list[str]:
    """Names of teams the catalog does not carry: team-like names next to "vs"/"contra" or written
    capitalised, and clubs the alias data knows ("boca juniors" when no Boca fixture is synced)."""
    absent = [m for m in mentions if m.kind == "absent"]
    absent_at = {i for m in absent for i in range(m.start, m.end)}
    covered = {i for m in mentions if m.kind != "absent" for i in range(m.start, m.end)}

    def candidate(i: int) -> bool:
        token = tokens[i]
        return (
            i not in covered
            and token.text.isalpha()
            # A word of a club's name the alias data knows counts even when it is an everyday one
            # ("go ahead eagles vs heracles").
            and (i in absent_at or (token.text not in common and token.text not in vocabulary))
            and len(token.text) >= 2
        )

    found: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        if token.text not in _VERSUS:
            continue
        if token.text == "x" and not (
            0 < i < len(tokens) - 1 and tokens[i - 1].capitalized and tokens[i + 1].capitalized
        ):
            continue
        left = i - 1
        while left >= 0 and i - left <= 3 and candidate(left):
            left -= 1
        right = i + 1
        while right < len(tokens) and right - i <= 3 and candidate(right):
            right += 1
        for start, end in ((left + 1, i), (i + 1, right)):
            if start < end:
                found.append((start, end, " ".join(t.original for t in tokens[start:end])))
    run: list[int] = []
    for i in range(len(tokens) + 1):
        current = tokens[i] if i < len(tokens) else None
        if (
            current is not None
            and candidate(i)
            and current.capitalized
            and not current.sentence_start
            and not current.original.isupper()
        ):
            run.append(i)
            continue
        if run and len(run) <= 3:
            name = " ".join(tokens[j].original for j in run)
            if all(name not in n and n not in name for _, _, n in found):
                found.append((run[0], run[-1] + 1, name))
        run = []
    for mention in absent:
        span = (mention.start, mention.end)
        same = [i for i, (start, stop, _) in enumerate(found) if (start, stop) == span]
        if same:
            # Already read as a name (next to "vs", or capitalised): the club as the alias data spells it.
            found[same[0]] = (*span, mention.ids[0])
            continue
        first = tokens[mention.start]
        # One everyday word ("como", "nice") is never a club; a short one only when written as a name.
        before = [t.text for t in tokens[max(0, mention.start - 2) : mention.start]]
        if before and before[-1] in ("o", "a", "el", "la", "the", "os", "los"):
            before = before[:-1]
        cued = bool(before) and before[-1] in _PLAYS_BEFORE
        if (
            mention.end - mention.start == 1
            and not cued
            and (
                first.text in common
                or first.text in aliases.WEAK
                or (len(first.text) < 5 and not (first.capitalized and not first.sentence_start))
            )
        ):
            continue
        # A known club's name followed by words the catalog has never seen is another club that
        # starts the same way ("sporting cristal" is not Sporting CP): say what the user wrote.
        end = mention.end
        while (
            end < len(tokens)
            and end - mention.start < 4
            and end not in absent_at
            and tokens[end].text not in _VERSUS
            and candidate(end)
        ):
            end += 1
        name = (
            mention.ids[0]
            if end == mention.end
            else " ".join(t.original for t in tokens[mention.start : end])
        )
        if not any(start < end and mention.start < stop for start, stop, _ in found):
            found.append((mention.start, end, name))
    names: list[str] = []
    for _start, _end, name in sorted(found, key=lambda item: item[0]):
        if name not in names:
            names.append(name)
    return names[:4]


def suggest(catalog: Catalog, names: list[str]) -> list[str]:
    """Catalog teams whose full names look like the unknown ones (rapidfuzz, word order ignored)."""
    if not names:
        return []
    choices = catalog.index.full_team_names
    found: list[str] = []
    for name in names:
        folded = fold_phrase(name)
        if "absent" in catalog.index.phrases.get(folded, {}):
            continue  # a club we know by name is just not on the schedule: no look-alike
        for match, _score, _index in process.extract(
            folded, choices, scorer=fuzz.token_sort_ratio, limit=3, score_cutoff=_SUGGEST_CUTOFF
        ):
            team_id = catalog.index.phrases[match]["team"][1][0]
            if team_id not in found:
                found.append(team_id)
    return found[:5]
