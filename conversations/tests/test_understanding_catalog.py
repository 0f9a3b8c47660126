"""Catalog matching: names in every language, nicknames, short forms, typos, ambiguity, sports.

`build_catalog()` is the small catalog the other understanding tests share.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.assistant.understanding import (
    Catalog,
    CatalogSport,
    CatalogTeam,
    CatalogTournament,
    Understanding,
    understand,
)
from conversations.assistant.understanding.aliases import AliasTable
from conversations.assistant.understanding.mentions import suggest
from sportsdata.services.aliases import alias_entries_read

TODAY = dt.date(2025, 12, 10)  # a Wednesday

FOOTBALL, BASKETBALL = "s1", "s2"
_TEAMS = (
    ("t-barca", ("Barcelona",), FOOTBALL),
    ("t-rma", ("Real Madrid",), FOOTBALL),
    ("t-atm", ("Atletico Madrid", "Atlético de Madrid"), FOOTBALL),
    ("t-sev", ("Sevilla", "Sevilha"), FOOTBALL),
    ("t-betis", ("Real Betis",), FOOTBALL),
    ("t-rso", ("Real Sociedad",), FOOTBALL),
    ("t-val", ("Valencia", "Valência"), FOOTBALL),
    ("t-ath", ("Athletic Bilbao", "Athletic Club"), FOOTBALL),
    ("t-vil", ("Villarreal",), FOOTBALL),
    ("t-gir", ("Girona",), FOOTBALL),
    ("t-mci", ("Manchester City",), FOOTBALL),
    ("t-mun", ("Manchester United",), FOOTBALL),
    ("t-liv", ("Liverpool",), FOOTBALL),
    ("t-ars", ("Arsenal",), FOOTBALL),
    ("t-che", ("Chelsea",), FOOTBALL),
    ("t-tot", ("Tottenham Hotspur", "Tottenham"), FOOTBALL),
    ("t-new", ("Newcastle United", "Newcastle"), FOOTBALL),
    ("t-avl", ("Aston Villa",), FOOTBALL),
    ("t-whu", ("West Ham United",), FOOTBALL),
    ("t-eve", ("Everton",), FOOTBALL),
    ("t-int", ("Inter Milan", "Inter de Milán", "Inter de Milão"), FOOTBALL),
    ("t-acm", ("AC Milan", "Milan"), FOOTBALL),
    ("t-juv", ("Juventus",), FOOTBALL),
    ("t-nap", ("Napoli", "Nápoles"), FOOTBALL),
    ("t-rom", ("AS Roma", "Roma"), FOOTBALL),
    ("t-laz", ("Lazio",), FOOTBALL),
    ("t-ata", ("Atalanta",), FOOTBALL),
    ("t-bay", ("Bayern Munich", "Bayern de Múnich", "Bayern de Munique"), FOOTBALL),
    ("t-psg", ("Paris Saint-Germain", "París Saint-Germain"), FOOTBALL),
    ("t-bvb", ("Borussia Dortmund",), FOOTBALL),
    ("t-ben", ("Benfica",), FOOTBALL),
    ("t-por", ("Porto",), FOOTBALL),
    ("t-lal", ("Los Angeles Lakers",), BASKETBALL),
    ("t-bos", ("Boston Celtics",), BASKETBALL),
    ("t-gsw", ("Golden State Warriors",), BASKETBALL),
    ("t-mia", ("Miami Heat",), BASKETBALL),
    ("t-nyk", ("New York Knicks",), BASKETBALL),
    ("t-chi", ("Chicago Bulls",), BASKETBALL),
)
_TOURNAMENTS = (
    ("c-liga", ("LaLiga",), FOOTBALL),
    ("c-pl", ("Premier League",), FOOTBALL),
    ("c-sa", ("Serie A", "Serie A de Italia", "Série A Italiana"), FOOTBALL),
    (
        "c-ucl",
        ("UEFA Champions League", "Liga de Campeones de la UEFA", "Liga dos Campeões da UEFA"),
        FOOTBALL,
    ),
    ("c-nba", ("NBA",), BASKETBALL),
)


def alias_table() -> AliasTable:
    """The committed alias data file, as the database holds it after seeding."""
    teams, tournaments = alias_entries_read()
    return AliasTable.from_rows(
        teams=[(e.target, e.name, e.kind, e.language) for e in teams],
        tournaments=[(e.target, e.name, e.kind, e.language) for e in tournaments],
    )


def build_catalog() -> Catalog:
    return Catalog(
        aliases=alias_table(),
        teams=tuple(CatalogTeam(id=i, names=n, sport=s) for i, n, s in _TEAMS),
        tournaments=tuple(CatalogTournament(id=i, names=n, sport=s) for i, n, s in _TOURNAMENTS),
        sports=(
            CatalogSport(id=FOOTBALL, names=("Football", "Fútbol", "Futebol"), aliases=("Soccer",)),
            CatalogSport(id=BASKETBALL, names=("Basketball", "Baloncesto", "Basquete")),
        ),
    )


CATALOG = build_catalog()


def read(text: str, **kwargs: object) -> Understanding:
    return understand(text, catalog=CATALOG, context=None, today=TODAY, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("Odds for Barca vs Real Madrid", ["t-barca", "t-rma"]),
        ("odds for barça v real madrid", ["t-barca", "t-rma"]),
        ("Cuotas del Atleti contra el Sevilla", ["t-atm", "t-sev"]),
        ("Odds for Atlético de Madrid vs Valencia", ["t-atm", "t-val"]),
        ("Man U vs Spurs odds", ["t-mun", "t-tot"]),
        ("man utd v man city", ["t-mun", "t-mci"]),
        ("PSG vs Bayern odds", ["t-psg", "t-bay"]),
        ("Inter vs Milan", ["t-int", "t-acm"]),
        ("Juve against Roma", ["t-juv", "t-rom"]),
        ("Quanto paga o Sevilha contra o Valência?", ["t-sev", "t-val"]),
        ("cuotas Nápoles vs Lazio", ["t-nap", "t-laz"]),
        ("Bayern de Munique x Benfica", ["t-bay", "t-ben"]),
        ("Lakers vs Celtics", ["t-lal", "t-bos"]),
        ("dubs vs knicks tonight", ["t-gsw", "t-nyk"]),
        ("Odds for Tottenham vs Newcastle", ["t-tot", "t-new"]),
        ("odds for west ham vs aston villa", ["t-whu", "t-avl"]),
        ("odds for the Milan derby", ["t-int", "t-acm"]),
        ("odds for el clásico", ["t-barca", "t-rma"]),
        ("Athletic Club vs Real Sociedad", ["t-ath", "t-rso"]),
        ("Betis vs Villarreal", ["t-betis", "t-vil"]),
    ],
)
def test_names_and_nicknames_resolve(text, teams):
    assert read(text).teams == teams


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("realmadrid vs barcelona", ["t-rma", "t-barca"]),
        ("odds bayernmunich x psg", ["t-bay", "t-psg"]),
        ("#goldenstatewarriors tonight", ["t-gsw"]),
    ],
)
def test_a_name_written_as_one_word_resolves(text, teams):
    assert read(text).teams == teams


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("Odds for Barcleona vs Real Madird", ["t-barca", "t-rma"]),
        ("when does liverpol play", ["t-liv"]),
        ("odds for Juventsu vs Atalnta", ["t-juv", "t-ata"]),
        ("cuotas del Vilareal", ["t-vil"]),
        ("quando joga o Benfca", ["t-ben"]),
        ("odds Borusia Dortmund vs Porto", ["t-bvb", "t-por"]),
    ],
)
def test_typos_within_a_small_distance_resolve(text, teams):
    assert read(text).teams == teams


@pytest.mark.parametrize(
    "text",
    [
        "what matches are there",
        "show me the fixtures",
        "how do parlays work",
        "places to watch",
        "games today",
    ],
)
def test_everyday_words_are_never_corrected_into_teams(text):
    assert read(text).teams == []


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("When does Real play?", {"t-rma", "t-betis", "t-rso"}),
        ("When does Madrid play?", {"t-rma", "t-atm"}),
        ("Odds for the Manchester game?", {"t-mci", "t-mun"}),
        ("¿Cuándo juega el Madrid?", {"t-rma", "t-atm"}),
        ("Quando joga o Manchester?", {"t-mci", "t-mun"}),
    ],
)
def test_ambiguous_words_return_candidates(text, candidates):
    result = read(text)
    assert result.teams == []
    assert len(result.ambiguous) == 1
    assert set(result.ambiguous[0][1]) == candidates


@pytest.mark.parametrize(
    "text",
    [
        "is this real money?", "the city is nice", "i want real odds", "we stood united in the second half",
        "no real money involved?", "the city lights are on tonight",
    ],
)  # fmt: skip
def test_generic_lowercase_words_are_not_teams(text):
    result = read(text)
    assert result.teams == []
    assert result.ambiguous == []


@pytest.mark.parametrize(
    "text",
    [
        "faz uma simulação de 50 reais no city", "apuesta 10 al city esta semana", "put 20 quid on city then",
        "what about the city game tomorrow", "quanto paga o jogo do city amanhã",
    ],
)  # fmt: skip
def test_a_short_name_in_lowercase_is_the_club_where_a_stake_or_match_points_at_it(text):
    assert read(text).teams == ["t-mci"]


def test_full_name_beats_partial_and_milan_means_ac_milan():
    assert read("When does Milan play?").teams == ["t-acm"]
    assert read("When does Inter Milan play?").teams == ["t-int"]
    assert read("When does Real Madrid play?").teams == ["t-rma"]


@pytest.mark.parametrize(
    ("text", "tournament"),
    [
        ("Which teams play in la liga?", "c-liga"),
        ("Who plays in the Champions tomorrow?", "c-ucl"),
        ("¿Qué equipos juegan la Champions?", "c-ucl"),
        ("partidos de la Premier hoy", "c-pl"),
        ("Any NBA games this weekend?", "c-nba"),
        ("jogos da Liga dos Campeões amanhã", "c-ucl"),
        ("What's on in Serie A on Sunday?", "c-sa"),
        ("premier league fixtures", "c-pl"),
    ],
)
def test_tournaments_resolve(text, tournament):
    assert read(text).tournament == tournament


@pytest.mark.parametrize(
    ("text", "tournament"),
    [
        ("partidos de la liga inglesa", "c-pl"),
        ("any games in the English league tomorrow?", "c-pl"),
        ("jogos do campeonato inglês", "c-pl"),
        ("¿quién juega en la Serie A italiana?", "c-sa"),
        ("jogos do campeonato italiano", "c-sa"),
        ("Champions tonight?", "c-ucl"),
        ("jogos da Champions", "c-ucl"),
        # "the English league" said as "the english one" in a follow-up
        ("and the same for the english one", "c-pl"),
    ],
)
def test_competition_aliases_in_three_languages(text, tournament):
    assert read(text).tournament == tournament


@pytest.mark.parametrize(
    "text",
    [
        "that's interesting, who plays tomorrow?",
        "for real, what's on today?",
        "city or not, show me the games",
        "united we stand, any games tonight?",
        "I want to bet on something real",
    ],
)
def test_an_ordinary_word_does_not_match_part_of_a_club(text):
    result = read(text)
    assert (result.teams, result.ambiguous) == ([], [])


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("Gunners vs Spurs", ["t-ars", "t-tot"]),
        ("¿Cuándo juegan Los Blancos?", ["t-rma"]),
        ("odds for the Old Lady", ["t-juv"]),
        ("Die Roten vs BVB", ["t-bay", "t-bvb"]),
        ("quanto paga as Águias?", ["t-ben"]),
        ("Warriors vs Knicks", ["t-gsw", "t-nyk"]),
    ],
)
def test_nicknames_from_the_data_file(text, teams):
    assert read(text).teams == teams


@pytest.mark.parametrize(
    ("text", "sport"),
    [("Is there any basketball?", BASKETBALL), ("hay fútbol hoy?", FOOTBALL), ("tem basquete?", BASKETBALL)],
)
def test_sports_resolve(text, sport):
    assert read(text).sport == sport


def test_index_is_built_once_and_cached():
    catalog = build_catalog()
    assert catalog.index is catalog.index


def test_nicknames_apply_only_to_teams_in_the_catalog():
    catalog = Catalog(teams=(CatalogTeam(id="x", names=("Girona",)),))
    result = understand("odds for Barca vs Girona", catalog=catalog, context=None, today=TODAY)
    assert result.teams == ["x"]


def test_an_alias_group_applies_to_the_team_with_the_same_name_key():
    catalog = Catalog(
        teams=(CatalogTeam(id="x", names=("Club Atlético Boca Juniors",)),),
        aliases=AliasTable.from_rows(
            teams=[("Atlético Boca Juniors", "Xeneizes", "nickname", "")], tournaments=[]
        ),
    )
    assert understand("Xeneizes next match", catalog=catalog, context=None, today=TODAY).teams == ["x"]
    assert understand("when do Boca Juniors play", catalog=catalog, context=None, today=TODAY).teams == ["x"]


@pytest.mark.parametrize(
    ("text", "picks"),
    [
        ("métele 30 al verde", ["x"]),
        ("cuánto paga la victoria del Verde?", ["x"]),
        ("aposta 20 no Galo", ["y"]),
        ("quanto paga a vitória do galo?", ["y"]),
    ],
)
def test_a_nickname_that_starts_with_an_article_is_read_after_a_contraction(text, picks):
    catalog = Catalog(
        teams=(
            CatalogTeam(id="x", names=("Atlético Nacional",)),
            CatalogTeam(id="y", names=("Atlético Mineiro",)),
        ),
        aliases=AliasTable.from_rows(
            teams=[
                ("Atlético Nacional", "El Verde", "nickname", ""),
                ("Atlético Mineiro", "O Galo", "nickname", ""),
            ],
            tournaments=[],
        ),
    )
    result = understand(text, catalog=catalog, context=None, today=TODAY)
    assert (result.teams, result.picks) == (picks, picks)


@pytest.mark.parametrize(
    ("provider_name", "text"),
    [
        ("Galatasaray A.S.", "odds for cimbom"),
        ("Atletico Nacional S.A.", "cuotas de los verdolagas"),
        ("CSD Colo-Colo", "cuánto paga el cacique"),
        ("Deportivo Independiente Medellin", "cuando juega el dim"),
        ("D.C. United", "odds for dc united"),
    ],
)
def test_alias_data_applies_to_a_club_under_its_legal_name(provider_name, text):
    catalog = Catalog(
        teams=(CatalogTeam(id="x", names=(provider_name,)), CatalogTeam(id="y", names=("Zorblax United",))),
        aliases=alias_table(),
    )
    assert understand(text, catalog=catalog, context=None, today=TODAY).teams == ["x"]


def test_clubs_of_other_sports_and_leagues_by_the_names_their_fans_use():
    names = ("New York Yankees", "Boston Red Sox", "San Diego Padres", "Al-Nassr FC", "Al Hilal SFC")
    catalog = Catalog(teams=tuple(CatalogTeam(id=n, names=(n,)) for n in names), aliases=alias_table())

    def teams(text: str) -> list[str]:
        return understand(text, catalog=catalog, context=None, today=TODAY).teams

    assert teams("cuotas de los yanquis vs medias rojas") == ["New York Yankees", "Boston Red Sox"]
    assert teams("alnassr vs alhilal odds") == ["Al-Nassr FC", "Al Hilal SFC"]
    assert teams("mis padres no saben que apuesto") == []  # "padres" is parents before it is San Diego


@pytest.mark.parametrize(
    "text", ["cuotas de la primera", "odds da primeira", "y la segunda?", "odds for the second"]
)
def test_an_ordinal_is_no_competition_whose_name_holds_it(text):
    catalog = Catalog(
        teams=(CatalogTeam(id="x", names=("Colo Colo",)),),
        tournaments=(
            CatalogTournament(id="c", names=("Chile Primera Division", "Primeira Divisão do Chile")),
            CatalogTournament(id="s", names=("Segunda División",)),
        ),
    )
    assert understand(text, catalog=catalog, context=None, today=TODAY).tournament is None


def test_two_clubs_called_nacional_keep_their_own_names():
    """Uruguay's "Nacional" (its provider name) gets Nacional's nicknames, not Atlético Nacional's;
    "nacional" is Atlético Nacional only when no club is called just that."""
    catalog = Catalog(
        teams=(CatalogTeam(id="uy", names=("Nacional",)), CatalogTeam(id="co", names=("Atletico Nacional",))),
        aliases=alias_table(),
    )

    def read_here(text: str) -> Understanding:
        return understand(text, catalog=catalog, context=None, today=TODAY)

    assert read_here("odds for los bolsos").teams == ["uy"]
    assert read_here("cuotas de los verdolagas").teams == ["co"]
    alone = Catalog(teams=(CatalogTeam(id="co", names=("Atletico Nacional",)),), aliases=alias_table())
    assert understand("cuotas del nacional", catalog=alone, context=None, today=TODAY).teams == ["co"]


def test_a_club_whose_name_only_starts_with_another_clubs_gets_none_of_its_aliases():
    catalog = Catalog(teams=(CatalogTeam(id="x", names=("Real Madrid Castilla",)),), aliases=alias_table())
    assert understand("odds for los blancos", catalog=catalog, context=None, today=TODAY).teams == []


def test_sport_narrows_ambiguous_team_words():
    catalog = Catalog(
        teams=(
            CatalogTeam(id="f", names=("Sporting Kings FC",), sport=FOOTBALL),
            CatalogTeam(id="b", names=("Sacramento Kings",), sport=BASKETBALL),
        ),
        tournaments=(CatalogTournament(id="n", names=("NBA",), sport=BASKETBALL),),
    )
    result = understand("When do the Kings play in the NBA?", catalog=catalog, context=None, today=TODAY)
    assert result.teams == ["b"]


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("when does boca juniors play?", ["Boca Juniors"]),
        ("quando joga o flamengo?", ["Flamengo"]),
        ("cuándo juega Peñarol?", ["Peñarol"]),
        ("odds for Leverkusen vs Bayern", ["Bayer Leverkusen"]),
        ("Odds for Arsenal vs Sporting Braga", ["Sporting Braga"]),
        # Written in lowercase, a club's short name right after "plays" is that club.
        ("che, a qué hora juega boca?", ["Boca Juniors"]),
        ("when does river play next", ["River Plate"]),
        ("quando joga o santos?", ["Santos"]),
        # A known club's name followed by words nobody knows is another club: said as written.
        ("when does sporting gijon play", ["sporting gijon"]),
        ("cuando juega el sporting hoy", ["Sporting CP"]),
        # Next to "vs" a club the alias data knows is named as it spells it, everyday words and all.
        ("odds for boca vs river", ["Boca Juniors", "River Plate"]),
        ("odds for go ahead eagles vs heracles", ["Go Ahead Eagles", "Heracles Almelo"]),
    ],
)
def test_clubs_the_catalog_does_not_carry_are_named_as_unknown(text, unknown):
    result = read(text)
    assert result.unknown_teams == unknown
    assert result.suggestions == []


@pytest.mark.parametrize(
    "text",
    [
        "¿cómo juega el Betis?",
        "quien juega hoy? como va todo",
        "nice, when does Arsenal play?",
        "is it nice today?",
        "abre la boca", "juega con la boca cerrada", "the river is flooded today",
    ],
)  # fmt: skip
def test_everyday_words_that_are_also_club_names_are_not_unknown_teams(text):
    assert read(text).unknown_teams == []


def test_typos_are_never_corrected_towards_a_club_the_catalog_does_not_carry():
    result = read("Atlanta Hawks vs Lakers")
    assert (result.teams, result.unknown_teams) == (["t-lal"], ["Atlanta Hawks"])


@pytest.mark.parametrize(
    ("names", "suggestions"),
    [
        (["Tottenham Hotspurs FC"], ["t-tot"]),
        (["Real Madri CF"], ["t-rma"]),
        (["Athletico Bilbao"], ["t-ath"]),
        (["Zorblax United"], []),
        (["Inter Miami"], []),  # a club known by name, just not on the schedule
    ],
)
def test_close_matches_are_suggested_for_unknown_names(names, suggestions):
    assert suggest(CATALOG, names) == suggestions


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("When does Reak Madrid play?", ["t-rma"]),
        ("man untd vs chelsea", ["t-mun", "t-che"]),
        ("odds for Aston Vila vs Chelsea", ["t-avl", "t-che"]),
        ("golden stat warriors vs knicks", ["t-gsw", "t-nyk"]),
        ("when does boston celtic play", ["t-bos"]),
    ],
)
def test_mistyped_multi_word_names_are_matched_by_rapidfuzz(text, teams):
    result = read(text)
    assert (result.teams, result.unknown_teams) == (teams, [])


def test_a_mistyped_competition_name_is_matched():
    assert read("partidos de la premier leage").tournament == "c-pl"


@pytest.mark.parametrize("text", ["europa leage games tonight", "partidos de la europa legue"])
def test_a_competition_of_generic_words_with_one_mistyped_is_matched(text):
    catalog = Catalog(
        teams=(CatalogTeam(id="x", names=("Ajax",)),),
        tournaments=(CatalogTournament(id="uel", names=("UEFA Europa League",)),),
        aliases=alias_table(),
    )
    assert understand(text, catalog=catalog, context=None, today=TODAY).tournament == "uel"


def test_fuzzy_phrases_keep_positions_and_ordinary_words():
    words = ["for", "real", "i", "live", "in", "manchester", "and", "reak", "madrid"]
    fixed = CATALOG.fix_phrases(words)
    assert len(fixed) == len(words)
    assert fixed[:6] == words[:6]
    assert fixed[-2:] == ["real", "madrid"]
