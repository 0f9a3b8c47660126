"""Aliases of teams and tournaments, derbies and sport names, and the generic words of club names.

Team and tournament aliases are data kept in the database (seeded from sportsdata/data/aliases.yaml,
edited in admin) and handed to the catalog as an `AliasTable`; derbies and sport names come from
data/names.yaml. An alias group applies to the catalog items whose name has the same key as the
group's name or one of its official names (`name_key`: folded, club affixes and connectors dropped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from conversations.assistant.understanding.text import fold_phrase

_NAMES_FILE = Path(__file__).parent / "data" / "names.yaml"


def _words(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True, slots=True)
class AliasName:
    name: str
    kind: str  # "official" | "short" | "nickname"
    language: str = ""


@dataclass(frozen=True, slots=True)
class AliasGroup:
    """Every alias of one club or competition; `name` is the name the sync most likely uses."""

    name: str
    names: tuple[AliasName, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(
            name_key(n) for n in (self.name, *(a.name for a in self.names if a.kind == "official"))
        )


@dataclass(frozen=True, slots=True)
class AliasTable:
    teams: tuple[AliasGroup, ...] = ()
    tournaments: tuple[AliasGroup, ...] = ()

    @classmethod
    def from_rows(
        cls,
        *,
        teams: Iterable[tuple[str, str, str, str]],
        tournaments: Iterable[tuple[str, str, str, str]],
    ) -> AliasTable:
        """Rows of (target, name, kind, language), as stored."""
        return cls(teams=_groups(teams), tournaments=_groups(tournaments))


def _groups(rows: Iterable[tuple[str, str, str, str]]) -> tuple[AliasGroup, ...]:
    by_target: dict[str, list[AliasName]] = {}
    for target, name, kind, language in rows:
        by_target.setdefault(target, []).append(AliasName(name=name, kind=kind, language=language))
    return tuple(AliasGroup(name=target, names=tuple(names)) for target, names in by_target.items())


@dataclass(frozen=True, slots=True)
class Derby:
    teams: tuple[str, str]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SportNames:
    targets: tuple[str, ...]
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def _names_data() -> tuple[tuple[Derby, ...], tuple[SportNames, ...]]:
    data = yaml.safe_load(_NAMES_FILE.read_text(encoding="utf-8"))
    derbies = tuple(
        Derby(teams=(str(d["teams"][0]), str(d["teams"][1])), names=tuple(map(str, d["names"])))
        for d in data.get("derbies") or ()
    )
    sports = tuple(
        SportNames(targets=tuple(map(str, s["targets"])), names=tuple(map(str, s["names"])))
        for s in data.get("sports") or ()
    )
    return derbies, sports


def derbies() -> tuple[Derby, ...]:
    return _names_data()[0]


def sport_names() -> tuple[SportNames, ...]:
    return _names_data()[1]


def name_key(name: str) -> str:
    """The key two spellings of one club share: "FC Barcelona" and "Barcelona", "Atlético de Madrid"
    and "Atletico Madrid", "Inter de Milán" and "Inter Milan". "Real" is part of the name."""
    # Dotted abbreviations are one word: "A.S.", "S.A.", "D.C." are "as", "sa", "dc".
    words = fold_phrase(name.replace(".", "")).split()
    kept = [w for w in words if w not in AFFIXES and w not in CONNECTORS]
    return " ".join(kept or words)


# Club-name affixes dropped to make a short form ("AC Milan" -> "Milan", "Sevilla FC" -> "Sevilla").
AFFIXES = frozenset(
    _words(
        """
        fc cf ac as sc afc cd ud sd rc rcd ss ssc us bc sv vfb vfl tsg fk sk bk ca cr se ec sl
        club csd jk sa sad saf ltda
            """
    )
)
# Words that never start or end a partial name ("de Madrid" is not a name).
CONNECTORS = frozenset(
    _words(
        """
        a o de del la las los el the of and y e do da dos das di der die van von le les al
            """
    )
)
# Words too generic to stand alone for one team, however unique they are in the catalog; the
# ordinals are how people point into a list ("odds da primeira"), not "Primeira Divisão do Chile".
GENERIC = frozenset(
    _words(
        """
        new san saint st santa golden los las angeles york state club sporting deportivo union
        olympique racing sport sports football futbol calcio hotspur wanderers rovers athletic
        league liga cup copa uefa serie division championship campeonato finals final italiana
        italia de europa world mundial premier national nacional international internacional
        first second third primera primero primer primeira primeiro segunda segundo tercera
        tercero terceira terceiro
            """
    )
) - {"premier"}
# Single words that name a team only when written as a name (capitalised), or in a short answer,
# or when they answer a clarifying question: "real money", "in the heat of".
WEAK = frozenset(
    _words(
        """
        real city united heat magic jazz thunder kings nets suns bucks bulls hawks rockets
        pistons wolves blues reds forest villa palace athletic celtic rangers sun
        stars wings jets wild lightning devils ducks sharks flames crew galaxy fire revolution
        capitals senators panthers penguins pens avalanche hurricanes caps bolts knights rapid gala
        padres angels royals twins rays nationals nats mariners giants cardinals pirates tigers guardians
            """
    )
)
