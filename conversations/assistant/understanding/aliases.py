"""Built-in nicknames and generic words for teams, tournaments and sports.

A nickname applies only when its target exists in the catalog (matched by folded name), so the
table can name clubs the data does not carry. Keys and targets are folded ("barca", not "Barça").
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


# nickname phrases -> target names (any of them; the first one found in the catalog wins)
TEAM_NICKNAMES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("barca", "barsa", "blaugrana", "blaugranas", "cules", "fcb"), ("barcelona", "fc barcelona")),
    (
        ("atleti", "atletico", "atletico madrid", "atletico de madrid", "atl madrid", "colchoneros"),
        ("atletico madrid", "atletico de madrid"),
    ),
    (("merengues", "los blancos", "real madrid cf", "rmcf"), ("real madrid",)),
    (
        ("man u", "man utd", "man united", "manchester utd", "red devils", "mufc", "united"),
        ("manchester united",),
    ),
    (("man city", "mancity", "citizens", "cityzens", "mcfc", "city"), ("manchester city",)),
    (("spurs", "tottenham", "thfc"), ("tottenham hotspur", "tottenham")),
    (("psg", "paris sg", "paris", "parisiens"), ("paris saint germain",)),
    (
        ("inter", "internazionale", "nerazzurri", "inter milano", "inter de milan", "inter de milao"),
        ("inter milan", "inter", "internazionale"),
    ),
    (("milan", "rossoneri", "ac milan"), ("ac milan", "milan")),
    (("juve", "bianconeri", "vecchia signora"), ("juventus",)),
    (("bayern", "bayern munchen", "fc bayern", "bayern de munique", "bayern de munich"), ("bayern munich",)),
    (("bvb", "dortmund"), ("borussia dortmund",)),
    (("gunners",), ("arsenal",)),
    (("the blues",), ("chelsea",)),
    (("the reds",), ("liverpool",)),
    (("magpies", "toon"), ("newcastle united", "newcastle")),
    (("toffees",), ("everton",)),
    (("hammers",), ("west ham united", "west ham")),
    (("villans",), ("aston villa",)),
    (("roma", "giallorossi"), ("as roma", "roma")),
    (("napoles", "partenopei"), ("napoli", "ssc napoli")),
    (("biancocelesti",), ("lazio", "ss lazio")),
    (("sevilha",), ("sevilla",)),
    (("betis",), ("real betis",)),
    (("txuri urdin",), ("real sociedad",)),
    (("athletic", "athletic club", "bilbao"), ("athletic bilbao", "athletic club")),
    (("submarino amarillo",), ("villarreal",)),
    (("benfica", "aguias"), ("benfica", "sl benfica")),
    (("la lakers", "lakers"), ("los angeles lakers",)),
    (("la clippers", "clips"), ("los angeles clippers", "la clippers")),
    (("celtics",), ("boston celtics",)),
    (("dubs", "warriors", "gsw"), ("golden state warriors",)),
    (("knicks", "ny knicks"), ("new york knicks",)),
    (("sixers", "76ers"), ("philadelphia 76ers",)),
    (("mavs",), ("dallas mavericks",)),
    (("cavs",), ("cleveland cavaliers",)),
    (("wolves", "timberwolves"), ("minnesota timberwolves", "wolverhampton wanderers")),
    (("blazers",), ("portland trail blazers",)),
    (("nuggets",), ("denver nuggets",)),
    (("heat",), ("miami heat",)),
    (("mengao",), ("flamengo",)),
    (("verdao",), ("palmeiras",)),
    (("timao",), ("corinthians",)),
    (("xeneize",), ("boca juniors",)),
    (("millonario",), ("river plate",)),
)

# Derbies name two teams at once: phrase -> (first team, second team) target names.
DERBIES: tuple[tuple[tuple[str, ...], tuple[str, str]], ...] = (
    (
        ("milan derby", "derby della madonnina", "derby di milano", "derbi de milan", "derby de milao"),
        ("inter milan", "ac milan"),
    ),
    (
        ("el clasico", "clasico", "the clasico", "clasico espanol", "classico espanhol"),
        ("barcelona", "real madrid"),
    ),
    (
        ("madrid derby", "derbi madrileno", "derby madrileno", "derbi de madrid"),
        ("real madrid", "atletico madrid"),
    ),
    (
        ("manchester derby", "derbi de manchester", "classico de manchester"),
        ("manchester united", "manchester city"),
    ),
    (("north london derby",), ("arsenal", "tottenham hotspur")),
    (("merseyside derby",), ("liverpool", "everton")),
    (("derby d italia", "derby ditalia"), ("inter milan", "juventus")),
    (("der klassiker",), ("bayern munich", "borussia dortmund")),
    (("superclasico",), ("boca juniors", "river plate")),
    (("old firm",), ("celtic", "rangers")),
)

# tournament nickname phrases -> a phrase the tournament's folded name must contain
TOURNAMENT_NICKNAMES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        (
            "la liga",
            "laliga",
            "liga espanola",
            "liga de espana",
            "primera division",
            "liga santander",
            "la liga espanola",
            "campeonato espanhol",
        ),
        ("laliga", "la liga"),
    ),
    (
        (
            "premier",
            "epl",
            "la premier",
            "premier league",
            "premiership",
            "english premier league",
            "liga inglesa",
            "campeonato ingles",
        ),
        ("premier league",),
    ),
    (
        (
            "champions",
            "ucl",
            "la champions",
            "champions league",
            "liga de campeones",
            "liga dos campeoes",
            "a champions",
            "copa de europa",
        ),
        ("champions league", "liga de campeones", "liga dos campeoes"),
    ),
    (("serie a", "calcio", "liga italiana", "serie a italiana", "campeonato italiano"), ("serie a",)),
    (("bundesliga", "bundes", "liga alemana", "liga alema", "campeonato alemao"), ("bundesliga",)),
    (("europa league", "uel", "liga europa"), ("europa league",)),
    (("ligue 1", "liga francesa", "ligue un"), ("ligue 1",)),
    (("nba",), ("nba",)),
    (("brasileirao", "serie a brasil", "campeonato brasileiro"), ("brasileirao", "brasileiro")),
)

SPORT_NICKNAMES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("football", "soccer", "futbol", "futebol", "fútbol"), ("football", "soccer", "futbol")),
    (
        ("basketball", "basket", "baloncesto", "basquete", "basquetebol", "basquetbol", "hoops"),
        ("basketball", "baloncesto"),
    ),
    (("tennis", "tenis"), ("tennis",)),
    (("hockey", "ice hockey", "nhl"), ("ice hockey", "hockey")),
    (("baseball", "beisbol", "beisebol", "mlb"), ("baseball",)),
)

# Club-name affixes dropped to make a short form ("AC Milan" -> "Milan", "Sevilla FC" -> "Sevilla").
AFFIXES = frozenset(
    _words(
        """
        fc cf ac as sc afc cd ud sd rc rcd ss ssc us bc sv vfb vfl tsg fk sk bk ca cr se ec sl
        club
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
# Words too generic to stand alone for one team, however unique they are in the catalog.
GENERIC = frozenset(
    _words(
        """
        new san saint st santa golden los las angeles york state club sporting deportivo union
        olympique racing sport sports football futbol calcio hotspur wanderers rovers athletic
        league liga cup copa uefa serie division championship campeonato finals final italiana
        italia de europa world mundial premier national nacional international internacional
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
            """
    )
)
