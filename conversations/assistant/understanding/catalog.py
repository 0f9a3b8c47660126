"""The catalog of teams, tournaments and sports that mentions are resolved against.

The engine builds a `Catalog` from the database (or anything else) once per data version; the
phrase index is built on first use and cached on the object. Names are matched accent-folded, by
tiers: full names and official aliases, then short forms, short names and nicknames (the alias table, matched to catalog items by `aliases.name_key`), then partial names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from conversations.assistant.understanding import aliases
from conversations.assistant.understanding.aliases import AliasGroup, AliasTable
from conversations.assistant.understanding.text import fold_phrase

TIER_NAME = 0
TIER_SHORT = 1
TIER_PARTIAL = 2
# Clubs the alias data knows but the catalog does not carry: found only to be named as unknown.
TIER_ABSENT = 3
_MAX_WORDS = 6
# fuzz.ratio a mistyped two- or three-word name must reach ("reak madrid" -> "real madrid" is 91).
_FUZZY_PHRASE_CUTOFF = 88


@dataclass(frozen=True, slots=True)
class CatalogSport:
    id: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CatalogTeam:
    """`names` holds every language variant; other names come from the catalog's alias table."""

    id: str
    names: tuple[str, ...]
    sport: str | None = None


@dataclass(frozen=True, slots=True)
class CatalogTournament:
    id: str
    names: tuple[str, ...]
    sport: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A catalog phrase found in the text; `start`/`end` are token positions (end exclusive)."""

    kind: str  # "team" | "tournament" | "sport" | "derby" | "absent" (ids: the club's name)
    ids: tuple[str, ...]
    start: int
    end: int
    tier: int


@dataclass(slots=True)
class _Entry:
    tier: int
    ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CatalogIndex:
    phrases: dict[str, dict[str, tuple[int, tuple[str, ...]]]]
    max_words: int
    # Every word of every phrase; typo corrections only ever target the distinctive ones.
    vocabulary: frozenset[str]
    # The words of what the catalog carries (absent clubs' names left out).
    carried_words: frozenset[str]
    deletes: dict[str, tuple[str, ...]]
    team_words: dict[str, frozenset[str]]
    # Full team names (tier 0, one team each), for suggestions.
    full_team_names: tuple[str, ...]
    # Word -> the two- and three-word team and tournament names holding it (fuzzy matching).
    phrases_by_word: dict[str, tuple[str, ...]]


@dataclass(frozen=True, eq=False)
class Catalog:
    teams: tuple[CatalogTeam, ...]
    tournaments: tuple[CatalogTournament, ...] = ()
    sports: tuple[CatalogSport, ...] = ()
    aliases: AliasTable = field(default_factory=AliasTable)

    @cached_property
    def index(self) -> CatalogIndex:
        return _build_index(self)

    @cached_property
    def _teams_by_id(self) -> dict[str, CatalogTeam]:
        return {team.id: team for team in self.teams}

    @cached_property
    def _tournaments_by_id(self) -> dict[str, CatalogTournament]:
        return {tournament.id: tournament for tournament in self.tournaments}

    def team(self, team_id: str) -> CatalogTeam | None:
        return self._teams_by_id.get(team_id)

    def tournament(self, tournament_id: str) -> CatalogTournament | None:
        return self._tournaments_by_id.get(tournament_id)

    def team_name(self, team_id: str) -> str:
        team = self.team(team_id)
        return team.names[0] if team else team_id

    def scan(self, words: list[str], weak_allowed: Callable[[int], bool]) -> list[Mention]:
        """Greedy longest-phrase matching over folded words, left to right, after mistyped
        multi-word names are fixed (`fix_phrases`)."""
        index = self.index
        words = self.fix_phrases(words)
        mentions: list[Mention] = []
        position, count = 0, len(words)
        while position < count:
            found = None
            for length in range(min(index.max_words, count - position), 0, -1):
                phrase = words[position] if length == 1 else " ".join(words[position : position + length])
                entries = index.phrases.get(phrase)
                if not entries:
                    continue
                if length == 1 and (
                    phrase.isdigit() or (phrase in aliases.WEAK and not weak_allowed(position))
                ):
                    continue
                kind, (tier, ids) = min(entries.items(), key=_entry_rank)
                found = Mention(kind=kind, ids=ids, start=position, end=position + length, tier=tier)
                break
            if found is None:
                found = self._after_contraction(words, position)
            if found is None:
                position += 1
                continue
            mentions.append(found)
            position = found.end
        return mentions

    def _after_contraction(self, words: list[str], position: int) -> Mention | None:
        """A name that starts with an article, written after the contraction that swallows it:
        "al verde" / "del verde" for "El Verde", "do galo" / "no galo" for "o Galo". The mention
        covers the words after the contraction, so "al" still reads as backing the team."""
        article = _CONTRACTIONS.get(words[position])
        if article is None:
            return None
        index = self.index
        for length in range(min(index.max_words, len(words) - position - 1), 0, -1):
            phrase = " ".join((article, *words[position + 1 : position + 1 + length]))
            entries = {
                kind: entry
                for kind, entry in index.phrases.get(phrase, {}).items()
                if kind in ("team", "tournament") and entry[0] <= TIER_SHORT
            }
            if entries:
                kind, (tier, ids) = min(entries.items(), key=_entry_rank)
                return Mention(kind=kind, ids=ids, start=position + 1, end=position + 1 + length, tier=tier)
        return None

    def fix_phrases(self, words: list[str]) -> list[str]:
        """Two- and three-word spans with one unknown word that rapidfuzz finds close to a name
        holding their other words ("reak madrid", "man untd"), replaced by that name. Spans keep
        their length, so positions in `words` stay valid; only whole words are ever compared."""
        index = self.index
        fixed = list(words)
        for length in (3, 2):
            for start in range(len(fixed) - length + 1):
                gram = fixed[start : start + length]
                unknown = [w for w in gram if w not in index.vocabulary]
                if len(unknown) != 1 or len(unknown[0]) < 3 or not unknown[0].isalpha():
                    continue
                choices = {
                    phrase
                    for word in gram
                    for phrase in index.phrases_by_word.get(word, ())
                    if phrase.count(" ") == length - 1
                }
                if not choices:
                    continue
                match = process.extractOne(
                    " ".join(gram), choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_PHRASE_CUTOFF
                )
                if match:
                    fixed[start : start + length] = match[0].split()
        return fixed

    def correct(self, word: str) -> str | None:
        """The one catalog word within a small edit distance of `word`, if exactly one is closest."""
        index = self.index
        candidates: set[str] = set()
        for variant in _deletes(word, 2 if len(word) >= 7 else 1):
            candidates.update(index.deletes.get(variant, ()))
        best: list[str] = []
        best_distance = 3
        for candidate in candidates:
            limit = 2 if len(candidate) >= 8 else 1
            distance = OSA.distance(word, candidate, score_cutoff=limit)
            if distance <= limit and distance < best_distance:
                best, best_distance = [candidate], distance
            elif distance == best_distance:
                best.append(candidate)
        return best[0] if len(best) == 1 else None


_KIND_ORDER = {"derby": 0, "team": 1, "tournament": 2, "sport": 3, "absent": 4}
# Spanish and Portuguese preposition + article contractions -> the article a name may start with.
_CONTRACTIONS = {
    "al": "el", "del": "el",
    "do": "o", "no": "o", "ao": "o", "pelo": "o",
    "da": "a", "na": "a", "pela": "a",
}  # fmt: skip


def _entry_rank(item: tuple[str, tuple[int, tuple[str, ...]]]) -> tuple[int, int]:
    kind, (tier, _ids) = item
    return tier, _KIND_ORDER[kind]


def _deletes(word: str, depth: int) -> set[str]:
    result = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 3}
        result |= frontier
    return result


class _Builder:
    def __init__(self) -> None:
        self.phrases: dict[str, dict[str, _Entry]] = {}

    def add(self, phrase: str, kind: str, tier: int, item_id: str) -> None:
        if not phrase or len(phrase) < 2:
            return
        by_kind = self.phrases.setdefault(phrase, {})
        entry = by_kind.get(kind)
        if entry is None or tier < entry.tier:
            by_kind[kind] = _Entry(tier=tier, ids=[item_id])
        elif tier == entry.tier and item_id not in entry.ids:
            entry.ids.append(item_id)


def _short_forms(words: list[str]) -> Iterable[list[str]]:
    stripped = list(words)
    while len(stripped) > 1 and stripped[0] in aliases.AFFIXES:
        stripped = stripped[1:]
    while len(stripped) > 1 and stripped[-1] in aliases.AFFIXES:
        stripped = stripped[:-1]
    if stripped != words:
        yield stripped
    # "United" and "Utd" are written both ways.
    if "united" in words:
        yield ["utd" if w == "united" else w for w in words]


def _partials(words: list[str]) -> Iterable[str]:
    count = len(words)
    for length in range(count - 1, 0, -1):
        for start in range(count - length + 1):
            part = words[start : start + length]
            if part[0] in aliases.CONNECTORS or part[-1] in aliases.CONNECTORS:
                continue
            if all(w in aliases.AFFIXES for w in part):
                continue
            if length == 1 and (part[0] in aliases.GENERIC or len(part[0]) < 3):
                continue
            yield " ".join(part)


def _add_named(builder: _Builder, kind: str, item_id: str, names: Iterable[str], partials: bool) -> None:
    folded = {fold_phrase(name) for name in names}
    for phrase in folded:
        builder.add(phrase, kind, TIER_NAME, item_id)
        words = phrase.split()
        for short in _short_forms(words):
            builder.add(" ".join(short), kind, TIER_SHORT, item_id)
        if partials:
            for part in _partials(words):
                builder.add(part, kind, TIER_PARTIAL, item_id)


def _ids_by_key(items: Iterable[CatalogTeam | CatalogTournament | CatalogSport]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for item in items:
        for name in (*item.names, *item.aliases) if isinstance(item, CatalogSport) else item.names:
            ids = result.setdefault(aliases.name_key(name), [])
            if item.id not in ids:
                ids.append(item.id)
    return result


def _group_ids(
    groups: tuple[AliasGroup, ...],
    items: Iterable[CatalogTeam | CatalogTournament],
    contains: bool,
) -> list[tuple[AliasGroup, list[str]]]:
    """The catalog items each alias group applies to: same key as the group's name or an official
    name; with `contains`, a group nothing matched exactly takes the items whose name holds its key
    as whole words ("Champions League" in "UEFA Champions League 2026"), unless another group
    already claimed them."""
    items = tuple(items)
    by_key = _ids_by_key(items)
    matched: list[tuple[AliasGroup, list[str]]] = []
    claimed: set[str] = set()
    unmatched: list[AliasGroup] = []
    for group in groups:
        ids = sorted({i for key in group.keys for i in by_key.get(key, ())})
        if ids:
            matched.append((group, ids))
            claimed.update(ids)
        else:
            unmatched.append(group)
    if unmatched:
        keys_by_id: dict[str, set[str]] = {}
        for key, ids in by_key.items():
            for item_id in ids:
                keys_by_id.setdefault(item_id, set()).add(f" {key} ")
        for group in unmatched:
            ids = sorted(
                item_id
                for item_id, keys in keys_by_id.items()
                if item_id not in claimed
                and any(_holds(key, k, contains) for key in keys for k in group.keys)
            )
            if ids:
                matched.append((group, ids))
    return matched


def _holds(item_key: str, group_key: str, contains: bool) -> bool:
    """Whether a catalog name (" key ", padded) is the group's: holding its key anywhere for
    competitions; for clubs, ending with a key of two words or more after words of the club's
    legal form ("Deportivo Independiente Medellín" is Independiente Medellín; "Real Madrid
    Castilla" is not Real Madrid)."""
    if contains:
        return f" {group_key} " in item_key
    return " " in group_key and item_key.endswith(f" {group_key} ")


def _add_groups(builder: _Builder, kind: str, matched: list[tuple[AliasGroup, list[str]]]) -> None:
    for group, ids in matched:
        for item_id in ids:
            for alias in (aliases.AliasName(group.name, "official"), *group.names):
                phrase = fold_phrase(alias.name)
                if alias.kind == "official":
                    _add_named(builder, kind, item_id, (alias.name,), partials=False)
                else:
                    builder.add(phrase, kind, TIER_SHORT, item_id)
                    if kind == "tournament" and phrase.endswith(" league"):
                        # "the Argentine league" is "the argentine one" in a follow-up.
                        builder.add(phrase.removesuffix(" league") + " one", kind, TIER_SHORT, item_id)


def _add_joined(builder: _Builder) -> None:
    """Names of two or three words written as one, the way hashtags and quick typing do
    ("colocolo", "realmadrid", "azalkmaar"), for what the catalog carries."""
    for phrase, by_kind in list(builder.phrases.items()):
        words = phrase.split()
        joined = "".join(words)
        # (an article before a nickname is never glued to it, the Arabic "al" of a club's name is: "alnassr")
        if (
            not 2 <= len(words) <= 3
            or len(joined) < 6
            or (words[0] in aliases.CONNECTORS and words[0] != "al")
        ):
            continue
        if joined in builder.phrases or not joined.isalpha():
            continue
        for kind in ("team", "tournament"):
            entry = by_kind.get(kind)
            if entry is not None and entry.tier <= TIER_SHORT:
                for item_id in entry.ids:
                    builder.add(joined, kind, TIER_SHORT, item_id)


def _build_index(catalog: Catalog) -> CatalogIndex:
    builder = _Builder()
    for team in catalog.teams:
        _add_named(builder, "team", team.id, team.names, partials=True)
    for tournament in catalog.tournaments:
        _add_named(builder, "tournament", tournament.id, tournament.names, partials=True)
    for sport in catalog.sports:
        _add_named(builder, "sport", sport.id, (*sport.names, *sport.aliases), partials=False)

    team_groups = _group_ids(catalog.aliases.teams, catalog.teams, contains=False)
    _add_groups(builder, "team", team_groups)
    _add_groups(
        builder, "tournament", _group_ids(catalog.aliases.tournaments, catalog.tournaments, contains=True)
    )

    matched_teams = {group.name for group, _ids in team_groups}
    for group in catalog.aliases.teams:
        if group.name not in matched_teams:
            for name in (group.name, *(a.name for a in group.names if a.kind in ("official", "short"))):
                words = fold_phrase(name).split()
                for form in (words, *_short_forms(words)):
                    builder.add(" ".join(form), "absent", TIER_ABSENT, group.name)

    # Derbies name their teams as the alias data does, whatever the sync calls them.
    team_ids = _ids_by_key(catalog.teams)
    for group, ids in team_groups:
        known = team_ids.setdefault(aliases.name_key(group.name), [])
        for team_id in ids:
            if team_id not in known:
                known.append(team_id)
    for derby in aliases.derbies():
        first_ids = team_ids.get(aliases.name_key(derby.teams[0]), [])
        second_ids = team_ids.get(aliases.name_key(derby.teams[1]), [])
        if first_ids and second_ids:
            for phrase in derby.names:
                builder.phrases.setdefault(fold_phrase(phrase), {})["derby"] = _Entry(
                    tier=TIER_NAME, ids=[first_ids[0], second_ids[0]]
                )
    sports_by_key = _ids_by_key(catalog.sports)
    for sport_names in aliases.sport_names():
        sport_id = next(
            (
                ids[0]
                for target in sport_names.targets
                for key, ids in sports_by_key.items()
                if f" {aliases.name_key(target)} " in f" {key} "
            ),
            None,
        )
        if sport_id is not None:
            for name in sport_names.names:
                builder.add(fold_phrase(name), "sport", TIER_SHORT, sport_id)

    _add_joined(builder)
    phrases = {
        phrase: {kind: (entry.tier, tuple(entry.ids)) for kind, entry in by_kind.items()}
        for phrase, by_kind in builder.phrases.items()
    }
    excluded = aliases.CONNECTORS | aliases.AFFIXES | aliases.GENERIC
    vocabulary = frozenset(w for phrase in phrases for w in phrase.split())
    # Typos are corrected only towards what the catalog carries, never towards an absent club.
    carried_words = frozenset(
        w for phrase, by_kind in phrases.items() if set(by_kind) - {"absent"} for w in phrase.split()
    )
    deletes: dict[str, list[str]] = {}
    for word in carried_words:
        if len(word) >= 5 and word.isalpha() and word not in excluded:
            for variant in _deletes(word, 2 if len(word) >= 8 else 1):
                deletes.setdefault(variant, []).append(word)
    team_words: dict[str, set[str]] = {}
    for phrase, by_kind in phrases.items():
        entry = by_kind.get("team")
        if entry:
            for team_id in entry[1]:
                team_words.setdefault(team_id, set()).update(
                    w for w in phrase.split() if w not in excluded and len(w) >= 3
                )
    full_team_names = tuple(
        sorted(
            phrase
            for phrase, by_kind in phrases.items()
            if (entry := by_kind.get("team")) and entry[0] == TIER_NAME and len(entry[1]) == 1
        )
    )
    phrases_by_word: dict[str, list[str]] = {}
    for phrase, by_kind in phrases.items():
        length = phrase.count(" ") + 1
        named = [entry for kind, entry in by_kind.items() if kind in ("team", "tournament")]
        if 2 <= length <= 3 and any(tier <= TIER_SHORT for tier, _ids in named):
            # Generic words count here: the whole span must still be close to the name, and a
            # competition is often nothing but generic words with one mistyped ("europa leage").
            for word in set(phrase.split()) - aliases.CONNECTORS - aliases.AFFIXES:
                phrases_by_word.setdefault(word, []).append(phrase)
    return CatalogIndex(
        phrases=phrases,
        full_team_names=full_team_names,
        phrases_by_word={word: tuple(names) for word, names in phrases_by_word.items()},
        max_words=min(_MAX_WORDS, max((len(p.split()) for p in phrases), default=1)),
        vocabulary=vocabulary,
        carried_words=carried_words,
        deletes={variant: tuple(words) for variant, words in deletes.items()},
        team_words={team_id: frozenset(words) for team_id, words in team_words.items()},
    )
