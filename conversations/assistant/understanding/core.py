"""`understand()`: one user message plus the conversation context -> intent and entities.

Named steps, in order: normalize, language, safety, entities, the message's own intent, then the
frame (a clarifying answer, a bet confirmation, a follow-up that carries the previous intent and
keeps every entity it does not change). Harm always ends in responsible_gambling.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from betting import harm
from conversations.assistant.understanding import acts, aliases, dates, intents, markets, safety
from conversations.assistant.understanding.catalog import Catalog, Mention
from conversations.assistant.understanding.context import BetFrame, DialogueContext, ListedFixture
from conversations.assistant.understanding.lexicon import build_common_words
from conversations.assistant.understanding.mentions import (
    TeamFindings,
    find_teams,
    ordinal,
    resolve_clarification,
    suggest,
    unknown_names,
)
from conversations.assistant.understanding.numbers import fixed_sums_as_digits, money_words, parse_amount_text
from conversations.assistant.understanding.result import Understanding
from conversations.assistant.understanding.text import Token, detect_language, fold, tokenize

_MAX_CHARS = 2000
_CARRIED_INTENTS = frozenset(
    {"match_schedule_query", "tournament_info", "odds_information_query", "team_comparison",
     "betting_recommendation", "bet_simulation", "place_bet", "general_betting_info",
     "general_sports_query", "responsible_gambling"}
)  # fmt: skip
_BET_INTENTS = frozenset({"bet_simulation", "place_bet"})
_PRICE_INTENTS = frozenset(
    {"odds_information_query", "team_comparison", "betting_recommendation", "bet_simulation", "place_bet"}
)
_MARKET_INTENTS = frozenset({"odds_information_query", "bet_simulation", "place_bet"})
# Intents about one match: a follow-up naming one of its teams stays on that match.
_MATCH_INTENTS = frozenset({"odds_information_query", "bet_simulation", "place_bet", "team_comparison"})
_TEAM_INTENTS = frozenset(
    {"match_schedule_query", "odds_information_query", "team_comparison", "betting_recommendation",
     "bet_simulation", "place_bet"}
)  # fmt: skip

_CONTINUATION_RE = re.compile(
    r"^\W*(?:and|also|plus|then|so|ok(?:ay)?,? and|what about|how about|and what about|what if|y|e|tambien|"
    r"que tal|y que tal|e quanto|e o|e a|e os|e as|e no|e na|e se|y si|y el|y la|y los|y las|y en|mas)\b"
    r"|\b(?:instead|en su lugar|en vez|em vez|no lugar|that (?:match|game|one|fixture)|this (?:match|game)|"
    r"the same (?:match|game)|same (?:match|game)|the other (?:match|game|one|fixture)|the first one|the second one|"
    r"ese partido|este partido|el otro|el mismo partido|esse jogo|este jogo|o outro|o mesmo jogo|on it|"
    # "simula 30 nisso", "put 10 on that", "métele 20 a eso": the selection just quoted.
    r"on that|on this|en eso|a eso|en esa|a esa|nisso|nessa|naquilo|"
    r"nesse jogo)\b"
)
_OTHER_RE = re.compile(r"\b(?:the other|another one|el otro|la otra|o outro|a outra|other (?:match|game))\b")
_ALL_IN_RE = re.compile(
    r"\b(?:everything i have|all (?:my|of my) (?:money|balance|funds)|all[ -]in|my whole balance|todo lo que tengo|"
    r"todo mi (?:saldo|dinero)|tudo (?:o )?que (?:eu )?tenho|todo o meu saldo|todo meu saldo|tudo)\b"
)
# Words that carry no request on their own, in en/es/pt ("and the", "y el", "e o", "vs").
_FUNCTION_WORDS = frozenset(
    ["and", "or", "the", "a", "an", "for", "of", "to", "in", "on", "at", "with", "vs", "v", "x", "versus",
     "against", "about", "what", "how", "then", "also", "so", "ok", "okay",
     "y", "o", "el", "la", "los", "las", "un", "una", "de", "del", "al", "en", "con", "contra", "que", "tal",
     "pues", "bueno",
     "e", "os", "as", "um", "uma", "do", "da", "dos", "das", "no", "na", "nos", "nas", "pro", "pra", "para",
     "por", "com", "ao"]
)  # fmt: skip
# A calibrated probability of 0.45 (score 1.8) is clear enough to act on without asking: in
# cross-validation (`nlu_evaluate`) 86% of messages reach 0.4 and 91% of those are right, 78% reach
# 0.5 and 93% of those are right.
_CLEAR_SCORE = 1.8
# Markets named only to ask for their price, and the intents that read their words as sports talk.
_PRICED_MARKETS = frozenset({"over_under", "both_teams_to_score", "handicap", "double_chance"})
_SPORTS_TALK_INTENTS = frozenset({"general_sports_query", "match_schedule_query", "team_comparison"})
# A classifier this sure that a message is out of scope (4 x probability) answers it as such.
_OUT_OF_SCOPE_SCORE = 3.2
_GIBBERISH_RE = re.compile(r"[bcdfghjklmnpqrstvwxz]{5,}")
_HOW_MUCH_RE = re.compile(r"\b(?:how much|what would|cuanto|cuanta|quanto|quanta)\b")
# Words that ask for a price whatever else the message says.
_PRICE_WORD_RE = re.compile(
    r"\b(?:odds|price|prices|priced|pay|pays|payout|cuota|cuotas|momio|momios|paga|pagan|pagaria|odd"
    r"|cotacao|cotacoes)\b"
)
# "15 on the underdog", "20 al favorito", "50 no azarão", "a tenner on the draw": a stake put on a
# side with nothing else said is an instruction to bet, not a question about a price.
_STAKE_VERBS = (
    r"(?:put|bet|stake|stick|chuck|throw|lay|wager|place|bung|whack"
    r"|pon|ponle|pone|ponele|mete|metele|apuesta|apuestale|apostale|juega|jugale|juegale|tira|tirale"
    r"|bota|coloca|poe|aposta|joga|manda|taca)"
)
_STAKE_AMOUNT = (
    r"(?:[$€£]\s?)?\d+(?:[.,]\d+)?\s*(?:[$€£]|bucks|quid|euros?|dolares|pesos|reais|lucas|pila|conto)?"
)
_STAKE_OPENERS = r"(?:(?:ok|okay|alright|fine|then|so|vale|bueno|pues|entonces|dale|beleza|entao|ta)\W+)*"
_STAKE_ON_RE = re.compile(
    rf"^\W*{_STAKE_OPENERS}(?:{_STAKE_VERBS}\s+{_STAKE_AMOUNT}(?![\w.,])"
    rf"|{_STAKE_AMOUNT}\s+(?:on|al|a|en|no|na|nos|nas|pro|pra|pela|pelo|para)\s)"
)
# The thing just explained, pointed at: "what's it priced at", "cuánto paga eso", "quanto tá isso".
_EXPLAINED_ONE_RE = re.compile(r"\b(?:it|its|that|this one|eso|esto|esa|isso|isto|essa|nisso|nesse)\b")
# "y cuándo juega?", "e quando joga?", "a que horas joga?": one club playing, its name left out.
_SUBJECTLESS_PLAY_RE = re.compile(
    r"^\W*(?:\w+\W+)?(?:y|e|and)?\W*(?:cuando|a que hora|quando|que horas|a que horas)\s+(?:juega|joga)\W*$"
)
_QUESTION_RE = re.compile(
    r"\?|\b(?:how|what|would|if|pay|pays|return|win|cuanto|cuanta|si|paga|gano|ganaria|quanto|se|ganho)\b"
)

_COMMON = (
    build_common_words(
        [
            getattr(module, name).pattern
            for module in (markets, safety, dates)
            for name in dir(module)
            if name.endswith("_RE") and isinstance(getattr(module, name), re.Pattern)
        ]
        + [pattern.pattern for pattern in (*harm.signals.PATTERNS, *harm.requests.PATTERNS)]
    )
    | intents.vocabulary()
)


@dataclass(slots=True)
class _Entities:
    findings: TeamFindings
    mentions: list[Mention]
    tournament: str | None
    sport: str | None
    sport_named: bool
    date_from: dt.date | None
    date_to: dt.date | None
    amount: Decimal | None
    currency: str | None
    market: markets.MarketInfo
    # A bare number ("change it to 25", "with 20?"): a stake only when the frame makes it one.
    loose_amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class _Message:
    """One message after normalisation: the original (for display and capitals), folded, tokens."""

    original: str
    folded: str
    tokens: list[Token]


@dataclass(frozen=True, slots=True)
class _Safety:
    assessment: harm.HarmAssessment
    rg: harm.RgRequest | None
    injection: bool

    @property
    def harmed(self) -> bool:
        return bool(self.assessment.signals)


@dataclass(frozen=True, slots=True)
class _OwnIntent:
    """What the message says on its own, before the conversation is taken into account."""

    intent: str
    score: float
    runner_up: float
    ranked: bool
    # The classifier read words (not only names); its second guess, for a clarifying question.
    learned: bool = False
    second: str | None = None
    # How sure the classifier is that the message is out of scope (0-4, like `score`).
    unclear: float = 0.0


@dataclass(frozen=True, slots=True)
class _Decision:
    intent: str
    confidence: float
    followup: bool = False
    confirmation: bool = False
    rejection: bool = False
    # A dialogue act on the slip or simulation on the table: edit_stake | add_leg, or restore for the
    # slip just dropped (see acts.py).
    act: str | None = None
    # Low confidence: the requests the message may be, for a short clarifying question.
    alternatives: tuple[str, ...] = ()


def understand(
    text: str,
    *,
    catalog: Catalog,
    context: DialogueContext | None,
    today: dt.date,
    now: dt.datetime | None = None,
) -> Understanding:
    """Understand one message. `today` is the UTC date; `now` is accepted for time-of-day rules.

    Steps, in order: normalize -> language -> safety -> entities -> intent -> frame (the dialogue
    context fills what the message leaves out) -> assemble.
    """
    del now  # reserved: "tonight" is still today in UTC for every rule we have
    message = _normalize(text)
    words, mentions = _scan(message.tokens, catalog, context)
    language, language_decided = _language(message, mentions, context)
    signals = _safety(message, today)
    entities = _extract(message.folded, message.tokens, words, mentions, catalog, context, today, language)
    own = _classify(message, mentions, entities)
    decision = _frame(message, own, entities, catalog, context)
    combination = _asks_combination(message.folded, decision, entities)
    if (
        decision.intent in ("odds_information_query", "team_comparison", "bet_simulation", "place_bet")
        and not decision.act
        and (entities.amount or entities.loose_amount) is not None
        and (
            entities.findings.teams
            or entities.market.outcome
            or (context is not None and (context.fixture_id or context.last_teams))
        )
        and _STAKE_ON_RE.search(fixed_sums_as_digits(message.folded, language=language))
        and not _QUESTION_RE.search(message.folded)
    ):
        # "15 on the underdog", "bota 15 então", "10 on yes": whatever a price word in it suggests,
        # the stake makes it a bet; naming no team, it is a bet on the match (and market) under
        # discussion.
        followup = decision.followup or (context is not None and not entities.findings.teams)
        decision = replace(decision, intent="place_bet", followup=followup)
    elif (
        decision.intent in ("odds_information_query", "team_comparison")
        and (entities.findings.teams or entities.findings.pairs)
        and entities.amount is not None
    ) or (
        decision.intent in ("odds_information_query", "team_comparison")
        and len(_dedupe_pairs(entities.findings.pairs)) > 1
        and entities.loose_amount is not None
    ):
        # A stake on a team ("how much would 10 on X pay?"), or on two or more matches (a parlay):
        # the question is what it returns, so the simulation answers, not the price list.
        decision = replace(decision, intent="bet_simulation")
    elif combination and decision.intent not in _BET_INTENTS:
        # "a combinada with Leverkusen and Bayern, 20": a combination of two or more teams' matches
        # is a bet question, whatever a schedule-like word in it suggests.
        decision = replace(decision, intent="bet_simulation")
    elif (
        decision.intent == "bet_simulation"
        and decision.act is None
        and not decision.rejection
        and not combination
        and entities.amount is None
        and entities.loose_amount is None
        and (context is None or (context.last_amount is None and not (context.slip or context.simulation)))
        and _PRICE_WORD_RE.search(message.folded)
    ):
        # "y si gana, cuánto paga?" with no stake said, carried or on the table asks for the price.
        decision = replace(decision, intent="odds_information_query")
    if (
        decision.intent == "match_schedule_query"
        and len(set(entities.findings.teams)) == 2
        and _WHO_IS_FAVOURITE_RE.search(message.folded)
    ):
        # "who's the fav in the libertadores game next week, flamengo or river": which of the two
        # is favoured, whatever the words about when they meet.
        decision = replace(decision, intent="team_comparison")
    if decision.intent in _BET_INTENTS and entities.amount is None:
        # "how much do I get with 20?": in a bet question a bare number is the stake.
        entities.amount = entities.loose_amount
    if (
        decision.intent == "place_bet"
        and decision.act is None
        and not (decision.confirmation or decision.rejection)
        and not (entities.findings.teams or entities.findings.ambiguous or entities.findings.pairs)
        and entities.amount is None
        and (entities.date_from or entities.tournament or entities.sport_named)
        and (context is None or not (context.slip or context.fixture_id or context.last_teams))
    ):
        # "any basketball tmrw? want to bet the spread", "quiero apostar en la liga argentina el
        # finde": no match to bet on yet, only a day or a competition: its matches come first.
        decision = replace(decision, intent="match_schedule_query", followup=False)
    elif (
        decision.intent == "odds_information_query"
        and not (entities.findings.teams or entities.findings.ambiguous)
        and (entities.date_from or entities.tournament or entities.sport_named)
        and acts.ordinal_position(words) is not None
        and (context is None or not context.listed)
    ):
        # "partidos de LaLiga y el hándicap del primero": the list first, then the one it points at
        # is priced in the same answer.
        decision = replace(decision, intent="match_schedule_query", followup=False)
    if signals.harmed or signals.rg:
        decision = replace(
            decision, intent="responsible_gambling", confidence=0.95 if signals.harmed else 0.9
        )
    result = _assemble(
        decision.intent,
        decision.confidence,
        language,
        entities,
        context if decision.followup else None,
        [t.text for t in message.tokens],
        message.tokens,
        catalog,
        message.folded,
    )
    if context is not None and not decision.followup:
        result = _on_shown_match(result, context)
    if context is not None and (
        decision.followup
        or acts.points_at_team_match(message.folded)
        or (entities.tournament is not None and not entities.findings.teams)
    ):
        # "odds for their Libertadores game" after a team's schedule reads as a fresh request, yet
        # points at one match of the team under discussion just as a follow-up would; "cuotas NBA
        # hoy" names no team, so the team under discussion is tried first, then the competition.
        result = _scope_shift(result, message.folded, entities, context)
    if context is not None:
        result = _team_under_discussion(result, message.folded, context)
    if (
        context is not None
        and context.last_intent == "general_betting_info"
        and context.last_market
        and result.intent in _MARKET_INTENTS
        and entities.market.market is None
        and entities.market.outcome is None
        and _EXPLAINED_ONE_RE.search(message.folded)
    ):
        # "got it, what's it priced at for Aberdeen Hearts?" right after over/under was explained:
        # "it" is the market explained, not the match result.
        result = replace(result, market=context.last_market, outcome=None)
    if result.intent not in _BET_INTENTS and not signals.harmed:
        # The match: the two teams this message names, or the match under discussion.
        match = tuple(dict.fromkeys(entities.findings.teams))
        if len(match) < 2 and context is not None and set(match) <= set(context.last_teams):
            match = context.last_teams
        compared = _compared_outcomes(message, entities, match, language) if len(match) == 2 else ()
        if compared:
            result = replace(result, compared=compared, teams=list(match))
    odds_format = markets.asked_odds_format(message.folded)
    if odds_format is not None and result.intent in _PRICE_INTENTS:
        result = replace(result, odds_format=odds_format)
    named_markets = markets.named_markets(message.folded)
    if len(named_markets) > 1 and result.market in named_markets:
        result = replace(result, markets=named_markets)
    if signals.assessment.underage:
        # Nothing in an under-18 disclosure is a stake, not even one carried from earlier turns.
        result = replace(result, amount=None, currency=None, all_in=False)
    return replace(_finish(result, signals, decision), language_decided=language_decided)


def _normalize(text: str) -> _Message:
    original = text.strip()[:_MAX_CHARS]
    folded = fold(original)
    return _Message(original=original, folded=folded, tokens=tokenize(original, folded))


def _language(
    message: _Message, mentions: list[Mention], context: DialogueContext | None
) -> tuple[str, bool]:
    """(language, decided by this message); a message too short to tell keeps the conversation's."""
    tokens = message.tokens
    # "x" between two names is how Portuguese writes a match ("bruins x rangers"): a word of its own.
    starts = {m.start for m in mentions if m.kind == "team"}
    ends = {m.end for m in mentions if m.kind == "team"}
    versus_x = any(t.text == "x" and i in ends and i + 1 in starts for i, t in enumerate(tokens))
    # Names say nothing about the speaker's language ("Barça", "São Paulo"): read around them.
    return detect_language(
        _blank(message.original, [(tokens[m.start].start, tokens[m.end - 1].end) for m in mentions]),
        context.language if context and context.turns else None,
        intents.language_words(),
        cues=("pt",) if versus_x else (),
    )


def _safety(message: _Message, today: dt.date) -> _Safety:
    """Harm and age first (the one harm module), responsible-gambling requests, injection markers."""
    assessment = harm.harm_signals(message.original, today=today)
    rg = assessment.rg_request
    if rg is not None and rg.action == "set_limit":
        rg = rg.with_amount(parse_amount_text(message.folded, require_context=False)[0])
    return _Safety(assessment=assessment, rg=rg, injection=safety.injection_suspected(message.folded))


def _classify(message: _Message, mentions: list[Mention], entities: _Entities) -> _OwnIntent:
    """The classifier's reading of the message alone; names of teams and competitions are
    placeholders, as in the training data. Scores are 4 x the calibrated probability. A message
    of names and function words only ("and Benfica?") gives the classifier nothing to read: its
    entities alone are the evidence, and the conversation decides the rest."""
    tokens = message.tokens
    named = {i for m in mentions for i in range(m.start, m.end)}
    scores: dict[str, float] = {}
    unclear = 0.0
    injected = safety.injection_spans(message.folded)
    # A stake is something to read too: "10 on flamengo" is a bet, not a name said alone.
    learned = entities.amount is not None or any(
        t.text.isalpha() and t.text not in _FUNCTION_WORDS and t.text not in money_words()
        for i, t in enumerate(tokens)
        if i not in named and not any(start <= t.start < end for start, end in injected)
    )
    if learned:
        # "sorry, I meant: what's on tomorrow?": the request is what follows the correction. (A
        # correction naming a team, "I meant Sevilla, not Barcelona", is the frame's to read.)
        # "beleza, e o Palmeiras?": the request follows the words that take the last answer in,
        # when it asks about something ("thanks for the help" and "thanks a lot" are thanks).
        lead = _request_after_acknowledgement(message.folded, mentions) or (
            0 if mentions else acts.correction_lead_end(message.folded)
        )
        text = _blank(message.folded, [*injected, *([(0, lead)] if lead else [])])
        for m in sorted(mentions, key=lambda m: m.start, reverse=True):
            if m.kind != "sport":
                placeholder = intents.COMPETITION if m.kind == "tournament" else intents.TEAM
                text = text[: tokens[m.start].start] + placeholder + text[tokens[m.end - 1].end :]
        predicted = intents.classify(text)
        scores = {intent: 4.0 * probability for intent, probability in predicted if intent != "unclear"}
        unclear = 4.0 * dict(predicted).get("unclear", 0.0)
    _entity_cues(scores, entities, unclear)
    ranking = sorted(scores.items(), key=lambda item: -item[1])
    if not ranking or unclear >= ranking[0][1]:
        return _OwnIntent(
            intent="unclear", score=0.0, runner_up=0.0, ranked=False, learned=learned, unclear=unclear
        )
    runner_up = ranking[1][1] if len(ranking) > 1 else 0.0
    return _OwnIntent(
        intent=ranking[0][0],
        score=ranking[0][1],
        runner_up=runner_up,
        ranked=True,
        learned=learned,
        second=ranking[1][0] if len(ranking) > 1 else None,
    )


def _request_after_acknowledgement(folded: str, mentions: list[Mention]) -> int:
    """Where a request starts after words taking the last answer in ("ok cool, and tomorrow?",
    "beleza, e o Palmeiras?"), when what follows is a follow-up or names something; else 0."""
    end = acts.acknowledgement_lead_end(folded)
    if end and (mentions or _CONTINUATION_RE.search(folded[end:])):
        return end
    return 0


def _frame(
    message: _Message,
    own: _OwnIntent,
    entities: _Entities,
    catalog: Catalog,
    context: DialogueContext | None,
) -> _Decision:
    """The intent once the conversation is read too: a clarifying answer, a confirmation, a follow-up."""
    folded, tokens = message.folded, message.tokens
    findings = entities.findings
    previous = context.last_intent if context else None
    continuation = bool(
        _CONTINUATION_RE.search(folded[_request_after_acknowledgement(folded, entities.mentions) :])
    )
    has_entities = bool(
        findings.teams or findings.ambiguous or entities.date_from or entities.market.market
        or entities.market.outcome or entities.amount or entities.tournament
    )  # fmt: skip
    words = [t.text for t in tokens]
    pending = context.pending_clarification if context else None
    clarified_id = (
        resolve_clarification(words, entities.mentions, pending, catalog)
        if pending and not findings.teams and own.score < 3 and len(tokens) <= 6
        else None
    )

    if clarified_id and pending:
        findings.teams, findings.ambiguous = [clarified_id], []
        return _Decision(pending.intent, 0.85, followup=True)
    if previous == "responsible_gambling" and own.intent in ("help_request", "unclear"):
        # "where can I get help with this?" right after a word of support asks for gambling help,
        # not for the list of things the assistant does (odds, simulations, bets).
        return _Decision("responsible_gambling", 0.85, followup=True)
    bet_decision = _bet_act(message, own, entities, context) if context else None
    if bet_decision is not None:
        return bet_decision
    if (
        context is not None
        and context.turns
        and context.slip is None
        and not context.pending_bet
        and context.simulation is None
        and context.last_intent not in ("place_bet", "bet_simulation")
        and acts.is_acknowledgement(folded)
    ):
        # "nice", "perfecto", "show" after an answer take it in: not the same question again.
        return _Decision("greeting", 0.9, followup=True)
    if acts.drops_a_bet(folded) and not findings.teams and entities.amount is None:
        # "cancel my bet" with no slip waiting: the bets' handler says nothing is waiting (or that
        # the bet just placed stays placed) instead of an article about slips.
        return _Decision("place_bet", 0.85, followup=True, rejection=True)
    if (
        previous in _MATCH_INTENTS | {"match_schedule_query"}
        and own.intent == "general_betting_info"
        and (entities.market.market or entities.market.outcome or _PRICE_WORD_RE.search(folded))
        and _has_match(entities, context)
        and not acts.asks_explanation(folded)
    ):
        # "over/under?", "how much does the underdog pay?" with a match on the table asks for a
        # price, not what the term means.
        return _Decision("odds_information_query", 0.8, followup=True)
    same_for = acts.is_same_for(folded)
    # "how much do I win with 30 on that combo?" with no slip waiting: a quote, not a slip.
    asks_quote = (
        own.intent == "bet_simulation"
        and previous == "place_bet"
        and context is not None
        and context.slip is None
        and bool(_HOW_MUCH_RE.search(folded))
    )
    # "no, the later game" after one match of a team: the same question about its later match
    # (whatever a goodbye-like "later" suggests to the classifier).
    same_for = same_for or (
        context is not None and bool(context.last_teams) and _time_shift(folded, context) is not None
    )
    # "how much do they pay to win?": a pronoun points back at the team under discussion.
    pronoun = context is not None and bool(context.last_teams) and acts.names_team_pronoun(folded)
    continuation = continuation or acts.refers_back(folded, words, context) or same_for or pronoun
    if previous in _CARRIED_INTENTS and (
        continuation or (own.score < 2 and (has_entities or len(tokens) <= 3))
    ):
        if (
            not same_for  # "the same" asks the same question again, whatever its other words say
            and own.score >= (3 if continuation else 2)
            and own.intent != previous
            and not (own.intent in _BET_INTENTS and previous in _BET_INTENTS)
            # "and the draw?" after a slip or a simulation changes the selection, not the request.
            and not (own.intent == "odds_information_query" and previous in _BET_INTENTS)
            # "and if it's a tie?" after a price, with no stake said or carried: still the price.
            and not (
                own.intent == "bet_simulation"
                and previous == "odds_information_query"
                and entities.amount is None
                and entities.loose_amount is None
                and (context is None or context.last_amount is None)
            )
            # "and a handicap?" after a term was explained asks for that term too: with no match
            # named here or before, there is nothing to price.
            and not (
                own.intent in _MATCH_INTENTS
                and previous == "general_betting_info"
                and not _has_match(entities, context)
            )
        ) or asks_quote:
            intent, confidence = own.intent, 0.85
        else:
            intent, confidence = previous or "unclear", 0.8 if continuation else 0.7
        if intent in ("match_schedule_query", "tournament_info", "general_sports_query") and (
            entities.market.market or entities.market.outcome or _PRICE_WORD_RE.search(folded)
        ):
            # "and the draw?", "e o da Copa, quanto paga?" after a schedule answer asks for a price,
            # not another schedule.
            intent = "odds_information_query"
        return _Decision(intent, confidence, followup=True)
    if own.ranked and own.learned:
        unsure = {own.intent, own.second}
        if (
            own.score < _CLEAR_SCORE
            and "odds_information_query" in unsure
            and unsure & {"match_schedule_query", "tournament_info", "general_sports_query"}
            and _PRICE_WORD_RE.search(folded)
            and not acts.asks_explanation(folded)
        ):
            # "pasame las cuotas de su próximo partido": unsure between its match and its price, a
            # word for a price says which (as it does in a follow-up to a schedule answer).
            return _Decision("odds_information_query", max(own.score / 4, 0.5))
        if own.score < _CLEAR_SCORE:
            # Unsure between requests: ask, naming the likely two, rather than answer the wrong one.
            alternatives = (own.intent, own.second) if own.second else (own.intent,)
            return _Decision("unclear", own.score / 4, alternatives=alternatives)
        return _Decision(own.intent, own.score / 4)
    if own.ranked:
        confidence = 0.9 if own.score >= 3 else 0.75 if own.score >= 2 else 0.55 if own.score >= 1 else 0.45
        if own.runner_up and own.score - own.runner_up < 0.5:
            confidence -= 0.15
        return _Decision(own.intent, confidence)
    if (
        own.learned
        and own.unclear >= _OUT_OF_SCOPE_SCORE
        and sum(t.text.isalpha() for t in tokens) >= 2  # "hmm", "ok": nothing asked, nothing out of scope
        and not _GIBBERISH_RE.search(folded)
    ):
        # Words the classifier knows, read as out of scope ("receta de arepas", "the weather in
        # Madrid"): understood, and outside what the assistant does; its confidence says so.
        return _Decision("unclear", own.unclear / 4)
    return _Decision("unclear", 0.15 if _GIBBERISH_RE.search(folded) or not tokens else 0.3)


def _bet_act(
    message: _Message, own: _OwnIntent, entities: _Entities, context: DialogueContext
) -> _Decision | None:
    """A yes, a no, a new stake or one more selection for the slip or simulation on the table."""
    folded = message.folded
    on_table = context.slip or context.simulation
    slip_waiting = context.slip is not None or context.pending_bet or context.last_intent == "place_bet"
    findings = entities.findings
    answered = _side_answer(message, entities, context)
    if answered is not None:
        return answered
    if (
        context.slip is None
        and context.extra.get("dropped_slip")
        and acts.is_restore(folded)
        and not [team for team in findings.teams if team not in context.last_teams]
    ):
        # "actually go on, put it back on", "ponela de nuevo pero con 40": the slip just dropped.
        entities.amount = entities.amount or entities.loose_amount
        return _Decision("place_bet", 0.85, followup=True, act="restore")
    if on_table is None and not slip_waiting:
        # "Add Atletico to it" right after a price quoted for one side: that selection plus the new one.
        # With no side chosen yet it is still one more leg: the engine asks the side of the first.
        fresh = [team for team in findings.teams if team not in context.last_teams]
        if context.fixture_id and fresh and context.last_intent in _MATCH_INTENTS and acts.is_add_leg(folded):
            intent = "place_bet" if own.intent == "place_bet" else "bet_simulation"
            return _Decision(intent, 0.8, followup=True, act="add_leg")
        return None
    shown = set(on_table.team_ids) if on_table else set(context.last_teams)
    fresh_teams = [team for team in findings.teams if team not in shown]
    # A team of the match on the table that its selection does not back ("do 20 on Flamengo
    # instead" after a slip on the draw) is another selection, unless named as the opponent.
    other_side = (
        [team for team in findings.teams if team in shown and team not in _backed_teams(on_table)]
        if on_table is not None and not acts.points_at_opponent(folded)
        else []
    )
    new_selection = bool(
        fresh_teams or other_side or findings.ambiguous or entities.market.market or entities.market.outcome
    )
    intent = "place_bet" if context.slip is not None or on_table is None else "bet_simulation"
    amount = entities.amount or entities.loose_amount
    edit_wording = (
        acts.is_stake_edit_wording(folded) or acts.is_cancellation(folded) or len(message.tokens) <= 4
    )
    if (
        on_table is not None
        and amount is not None
        and edit_wording
        and not new_selection
        and not entities.date_from
    ):
        entities.amount = amount
        return _Decision(intent, 0.85, followup=True, act="edit_stake")
    if on_table is not None and fresh_teams and acts.is_add_leg(folded):
        return _Decision(intent, 0.85, followup=True, act="add_leg")
    if (
        not new_selection
        and amount is None
        and findings.teams
        and acts.refers_back(folded, [t.text for t in message.tokens], context)
    ):
        # "the one against Palmeiras": the match of the slip on the table, pointed at again.
        return _Decision(intent, 0.8, followup=True)
    if own.score >= 3 and new_selection:
        return None  # "yes, 20 on Chelsea instead" is a new request, not a yes to the old one
    if other_side and amount is not None:
        return None  # "nah cancel, do 20 on Flamengo instead": a new slip replaces the one waiting
    if slip_waiting and acts.is_cancellation(folded) and not _on_a_team(message, entities):
        return _Decision("place_bet", 0.9, followup=True, rejection=True)
    if (
        context.simulation is not None
        and not new_selection
        and amount is None
        and acts.is_cancellation(folded)
        and not _on_a_team(message, entities)
    ):
        # "nah leave it" after a simulation: dropped, not simulated again.
        return _Decision("bet_simulation", 0.9, followup=True, rejection=True)
    # "fine, then put everything on it" is a new (all-in) request, not a yes to the slip shown.
    if acts.is_confirmation(folded) and not new_selection and not _ALL_IN_RE.search(folded):
        return _Decision("place_bet", 0.9, followup=True, confirmation=True)
    return None


def _backed_teams(table: BetFrame) -> set[str]:
    """The teams the selections on the table back (a draw or a total backs none)."""
    backed = set()
    for leg in table.legs:
        if leg.selection in ("home", "home_or_draw"):
            backed.add(leg.home_id)
        elif leg.selection in ("away", "away_or_draw"):
            backed.add(leg.away_id)
        elif leg.selection == "home_or_away":
            backed.update((leg.home_id, leg.away_id))
    return backed


def _side_answer(message: _Message, entities: _Entities, context: DialogueContext) -> _Decision | None:
    """A short answer naming one side of the match on the table ("Racing", "el empate", "no
    Independiente") right after its side was asked, or while its slip waits: that side, for the
    bet being made (never a new price question, never the question asked again)."""
    findings = entities.findings
    asked = context.extra.get("side_asked")
    teams = tuple(asked.get("teams", ())) if isinstance(asked, dict) else ()
    intent = asked.get("intent") if isinstance(asked, dict) else None
    if not teams and context.slip is not None:
        teams, intent = tuple(context.slip.team_ids), "place_bet"
    if (
        len(teams) != 2
        or intent not in _BET_INTENTS
        or len(message.tokens) > 4
        or entities.amount is not None
        or entities.loose_amount is not None
        or (entities.market.market not in (None, "1x2"))
    ):
        return None
    if acts.points_at_opponent(message.folded) or _negated_teams(
        message.folded, message.tokens, entities.mentions
    ):
        return None  # "the one against Palmeiras", "not Palmeiras": the match or a side ruled out
    named = [team for team in findings.teams if team in teams]
    if len(findings.teams) == 1 and named:
        findings.picks, findings.win_picks = list(named), True
    elif findings.teams or entities.market.outcome not in ("draw", "home", "away", "favourite", "underdog"):
        return None
    if context.slip is not None and not asked and not named and entities.market.outcome is None:
        return None
    return _Decision(intent, 0.85, followup=True)


def _on_a_team(message: _Message, entities: _Entities) -> bool:
    """ "no Independiente", "na Lazio": Portuguese "on the", followed by a team, not a "no"."""
    tokens = message.tokens
    return (
        len(tokens) > 1
        and tokens[0].text in ("no", "na")
        and not message.folded[tokens[0].end : tokens[1].start].strip()
        and any(m.kind == "team" and m.start == 1 for m in entities.mentions)
    )


def _asks_combination(folded: str, decision: _Decision, entities: _Entities) -> bool:
    if decision.act is not None or not acts.asks_combo(folded):
        return False
    if entities.market.market in ("both_teams_to_score", "double_chance"):
        return False  # "both teams to score", "dupla chance": one market of one match, not a combination
    teams = set(entities.findings.teams) | {team for pair in entities.findings.pairs for team in pair}
    return len(teams) >= 2


def _finish(result: Understanding, signals: _Safety, decision: _Decision) -> Understanding:
    return replace(
        result,
        harm_signal=signals.harmed,
        harm_kinds=signals.assessment.signals,
        rg=signals.rg,
        injection_suspected=signals.injection,
        is_followup=decision.followup,
        is_confirmation=decision.confirmation,
        is_rejection=decision.rejection,
        is_stake_edit=decision.act == "edit_stake",
        is_add_leg=decision.act == "add_leg",
        is_restore=decision.act == "restore",
        alternatives=decision.alternatives,
    )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_VERSUS = frozenset({"vs", "v", "versus", "contra", "x"})
# A word that is also a club's short name ("city", "real", "heat") is the club right after "vs" or a
# word that puts a stake or a question on a side: "10 on city", "50 reais no city", "e o city?".
# ...or before "vs" or a word for its match ("the city game"). Not as the message's second word: "no
# real money?" opens with a negation, not a stake.
_WEAK_NAME_BEFORE = _VERSUS | {
    "on", "no", "na", "al", "pro", "pra", "pelo", "pela", "el", "o", "do", "da", "del",
}  # fmt: skip
# ...or next to a verb of playing ("when are rangers playing", "a que hora juega river").
_PLAY_VERBS = frozenset(
    ("play", "plays", "playing", "juega", "juegan", "jugando", "joga", "jogam", "jogando")
)
_WEAK_NAME_AFTER = _VERSUS | set(acts.MATCH_WORDS) | _PLAY_VERBS
# A weak name backed to win ("add celtic to win", "el river ganando", "o inter vencendo") or added as
# a selection ("add celtic", "súmale rangers") is a club, not the common word.
_WEAK_NAME_BACKED = (
    ("to", "win"), ("to", "beat"), ("wins",), ("win",), ("ganando",), ("gana",), ("ganar",), ("vencendo",),
    ("ganhando",), ("ganha",), ("vence",), ("vencer",),
)  # fmt: skip
_TEAM_JOINERS = frozenset(("and", "e", "y", "&"))
# Two weak names joined by "or" / "and" ("bucks or bulls", "rangers and hearts", "heat o knicks") are
# two clubs: the common words seldom come in such pairs.
_WEAK_PAIR_JOINERS = _TEAM_JOINERS | {"or", "o", "ou", "vs", "v", "x"}
_WEAK_NAME_ADDED = frozenset(
    ("add", "plus", "agrega", "agregale", "suma", "sumale", "junta", "adiciona", "soma")
)
# An article between a cue and the name changes nothing: "bet 30 on the thunder", "súmale el river".
_ARTICLES = frozenset(("the", "el", "la", "los", "las", "os", "as"))
# ...nor does an auxiliary before the verb of playing: "how have celtic been playing", "the bulls are
# playing tonight" ("the heat is doing my head in" is no club).
_AUXILIARIES = frozenset(("is", "are", "was", "were", "been", "have", "has", "be"))


def _scan(
    tokens: list[Token], catalog: Catalog, context: DialogueContext | None
) -> tuple[list[str], list[Mention]]:
    """Catalog mentions over the words, after fixing likely typos of catalog words."""
    index = catalog.index
    words = [t.text for t in tokens]
    corrected_at: set[int] = set()
    for position, word in enumerate(words):
        if len(word) >= 5 and word not in index.vocabulary and word not in _COMMON and word.isalpha():
            corrected = catalog.correct(word)
            if corrected:
                words[position] = corrected
                corrected_at.add(position)
    short = len(tokens) <= 3
    pending = bool(context and context.pending_clarification)

    # Teams on the table (the match under discussion, the list just shown): a weak name of one of
    # them ("the celtic one", "o jogo do inter") is that team, however it is written.
    on_table = (
        set(context.last_teams) | {team for item in context.listed for team in (item.home_id, item.away_id)}
        if context
        else set()
    )

    def names_on_table(position: int) -> bool:
        entries = index.phrases.get(words[position], {})
        return any(team in on_table for _, ids in entries.values() for team in ids)

    def named_here(position: int) -> bool:
        # The word before, and the one before an article ("on the thunder"); never the first word.
        cues = [position - 1, *([position - 2] if position > 1 and words[position - 1] in _ARTICLES else [])]
        before = {words[at] for at in cues if at >= 0}
        after = words[position + 1] if position + 1 < len(words) else ""
        # "celtic been playing", "bulls have been playing": the verb of playing one or two words on.
        playing = after in _AUXILIARIES and any(
            word in _PLAY_VERBS for word in words[position + 2 : position + 4] if word not in _AUXILIARIES
        )
        return (
            short
            or pending
            or tokens[position].capitalized
            or any(words[at] in _WEAK_NAME_BEFORE for at in cues if at > 0)
            or bool(before & _PLAY_VERBS)
            or after in _WEAK_NAME_AFTER
            or playing
            or bool(before & _WEAK_NAME_ADDED)
            or any(tuple(words[position + 1 : position + 1 + len(cue)]) == cue for cue in _WEAK_NAME_BACKED)
            or (bool(on_table) and names_on_table(position))
        )

    def team_word(position: int) -> bool:
        return 0 <= position < len(words) and "team" in index.phrases.get(words[position], {})

    def sports(position: int) -> set[str | None]:
        _, ids = index.phrases.get(words[position], {}).get("team", (0, ()))
        return {team.sport for team in map(catalog.team, ids) if team is not None}

    def same_sport(position: int, near: int) -> bool:
        return bool(sports(position) & sports(near) - {None})

    def weak_allowed(position: int) -> bool:
        # Two club names side by side ("spread on bucks bulls", "odds heat knicks"): a match, so a
        # weak name next to a club already read as one is a club too.
        # So is one joined to a club by "and" ("mavericks e suns", "heat y knicks").
        across = [  # the word one past a joining word, with that word
            (near, words[between])
            for near, between in ((position - 2, position - 1), (position + 2, position + 1))
            if 0 <= between < len(words) and words[between] in _WEAK_PAIR_JOINERS
        ]
        joined = [near for near, joiner in across if joiner in _TEAM_JOINERS]
        paired = [near for near, _ in across]
        return (
            named_here(position)
            or any(
                team_word(near) and (words[near] not in aliases.WEAK or named_here(near))
                for near in (position - 1, position + 1, *joined)
            )
            or any(team_word(near) and words[near] in aliases.WEAK for near in paired)
            # Two weak names of one sport side by side ("celtic rangers odds and btts") are a match.
            or any(
                team_word(near) and words[near] in aliases.WEAK and same_sport(position, near)
                for near in (position - 1, position + 1)
            )
        )

    mentions = catalog.scan(words, weak_allowed)
    if corrected_at:
        # A corrected word that lands on several teams was more likely no team at all ("river").
        mentions = [
            m
            for m in mentions
            if len(m.ids) == 1 or m.kind == "derby" or not corrected_at & set(range(m.start, m.end))
        ]
    return words, mentions


def _extract(
    folded: str,
    tokens: list[Token],
    words: list[str],
    mentions: list[Mention],
    catalog: Catalog,
    context: DialogueContext | None,
    today: dt.date,
    language: str,
) -> _Entities:
    tournament = next((m.ids[0] for m in mentions if m.kind == "tournament" and len(m.ids) == 1), None)
    sport = next((m.ids[0] for m in mentions if m.kind == "sport"), None)
    sport_named = sport is not None
    if tournament and not sport:
        found = catalog.tournament(tournament)
        sport = found.sport if found else None
    findings = find_teams(tokens, words, mentions, catalog, context, sport, folded)

    date_range = dates.extract_dates(folded, today, language)
    ages = harm.age_spans(folded)
    # "I'm over 18" is about the person, not an over/under line.
    market = markets.extract_market(_blank(folded, ages), language=language)
    spans = [
        *(date_range.spans if date_range else ()),
        *market.line_spans,
        *harm.duration_spans(folded),
        *ages,
        *market.person_spans,
        *((tokens[m.start].start, tokens[m.end - 1].end) for m in mentions),
    ]
    if market.market is None and findings.signed_line:
        line, line_span = markets.signed_line(folded)
        if line is not None and line_span:
            market = markets.MarketInfo("handicap", None, line, (*market.line_spans, line_span))
            spans.append(line_span)
    blanked = _blank(folded, spans)
    amount, currency = parse_amount_text(blanked, require_context=True, language=language)
    loose_amount = amount
    if amount is None and not acts.ordinal_position(words):
        loose_amount, _ = parse_amount_text(blanked, require_context=False, language=language)
    if loose_amount is None and context is not None:
        loose_amount = _relative_stake(blanked, context)
    return _Entities(
        findings=findings,
        mentions=mentions,
        tournament=tournament,
        sport=sport,
        sport_named=sport_named,
        date_from=date_range.start if date_range else None,
        date_to=date_range.end if date_range and date_range.end != date_range.start else None,
        amount=amount,
        currency=currency,
        market=market,
        loose_amount=loose_amount,
    )


# A stake said relative to the last one: "half of that", "la mitad", "metade disso", "the same on
# Monaco", "mesmo valor", "double it" (not "double chance", "half time", "el doble oportunidad").
_RELATIVE_STAKE_RE = re.compile(
    r"\b(?:(?P<half>half(?! ?time)(?! ?-time)|la mitad|metade)"
    r"|(?P<double>double(?! chance)|twice that|el doble(?! oportunidad)(?! chance)|o dobro)"
    r"|(?P<same>(?:the )?same(?: stake| amount| again| on)?|lo mismo|el mismo (?:monto|importe|valor)"
    r"|mismo (?:monto|importe|valor)|la misma (?:plata|cantidad)|o mesmo(?: valor)?|mesmo valor|a mesma quantia))\b"
)
_FIRST_HALF_RE = re.compile(r"\b(?:first|second|1st|2nd) half\b")


def _relative_stake(folded: str, context: DialogueContext) -> Decimal | None:
    """The stake a relative amount stands for, from the slip or simulation on the table or the last
    stake said; None with no such words or nothing to be relative to."""
    found = _RELATIVE_STAKE_RE.search(folded)
    if found is None or _FIRST_HALF_RE.search(folded):
        return None
    table = context.slip or context.simulation
    base = table.stake if table is not None else context.last_amount
    if base is None:
        return None
    if found.group("half"):
        return (base / 2).quantize(Decimal("0.01")).normalize()
    if found.group("double"):
        return base * 2
    return base


def _has_match(entities: _Entities, context: DialogueContext | None) -> bool:
    """A match to talk about: teams named in this message, or a fixture or teams carried from before."""
    findings = entities.findings
    carried = context is not None and bool(context.fixture_id or context.last_teams)
    return bool(findings.teams or findings.ambiguous or carried)


def _entity_cues(scores: dict[str, float], entities: _Entities, unclear: float) -> None:
    """Entities as weak intent evidence when the words alone say little."""
    best = max(scores.values(), default=0.0)
    has_team = bool(entities.findings.teams or entities.findings.ambiguous)
    top = max(scores, key=scores.__getitem__) if scores else None
    if (
        has_team
        and entities.market.market in _PRICED_MARKETS
        and (top in _SPORTS_TALK_INTENTS or unclear >= best)
    ):
        # A market that exists only as a bet (totals, both teams to score, handicap, double chance)
        # named with a match asks for its price, however chatty the words ("how many goals will
        # there be in X v Y?", "vai ter muitos gols?") that a sports-talk reading would answer with none.
        scores["odds_information_query"] = max(best, unclear, _CLEAR_SCORE) + 0.1
        return
    if (
        entities.amount is not None
        and has_team
        and top in _SPORTS_TALK_INTENTS
        and scores.get("bet_simulation", 0.0) > max(scores.get("place_bet", 0.0), _CLEAR_SCORE / 4)
    ):
        # A stake said with a club and read as a payout question second ("¿cuánto gano con 100 a que
        # el Atleti gana y el Bayern también?") asks what it would pay, however much the rest reads
        # like talk about the match.
        scores["bet_simulation"] = best + 0.1
        return
    if has_team and entities.market.market and best < 3:
        scores["odds_information_query"] = max(scores.get("odds_information_query", 0.0), 2.0)
    if top == "tournament_info" and entities.tournament and entities.date_from and not has_team:
        # A named competition and a day ("who plays tomorrow in the Champions League?") asks for
        # that competition's matches that day, not about the competition.
        scores["match_schedule_query"] = best + 0.1
        return
    if entities.sport_named and not has_team and not entities.date_from and best < 2:
        scores["tournament_info"] = max(scores.get("tournament_info", 0.0), 2.0)
    if entities.tournament and best < 2 and not has_team and not entities.date_from:
        scores["tournament_info"] = max(scores.get("tournament_info", 0.0), 1.5)
    if (entities.date_from or has_team or entities.tournament) and best < 1.5:
        scores["match_schedule_query"] = max(scores.get("match_schedule_query", 0.0), 1.5)


def _assemble(
    intent: str,
    confidence: float,
    language: str,
    entities: _Entities,
    context: DialogueContext | None,
    words: list[str],
    tokens: list[Token],
    catalog: Catalog,
    folded: str,
) -> Understanding:
    findings = entities.findings
    info = entities.market
    teams, pairs = list(findings.teams), _dedupe_pairs(findings.pairs)
    position = ordinal(words)
    if len(pairs) > 1 and position is not None and position < len(pairs):
        teams = list(pairs[position])
    tournament, sport = entities.tournament, entities.sport
    date_from, date_to = entities.date_from, entities.date_to
    amount, currency = entities.amount, entities.currency
    market, outcome, line = info.market, info.outcome, info.line
    picks = list(findings.picks) if (findings.win_picks or intent in _BET_INTENTS) else []

    if context is not None:
        teams = _frame_teams(intent, teams, findings, folded, words, context)
        if not entities.findings.teams:
            tournament = tournament or context.last_tournament
        # "y el clásico nacional, cuándo es?" after the weekend's list: asking when names no day, so
        # the day of the last question does not narrow it.
        asks_when = (
            intent == "match_schedule_query" and bool(findings.teams) and bool(_WHEN_RE.search(folded))
        )
        if date_from is None and not asks_when:
            date_from, date_to = context.last_date_from, context.last_date_to
        if amount is None:
            amount, currency = context.last_amount, context.last_currency
        if (
            market is None
            and outcome is None
            and (findings.win_picks or (findings.picks and intent in _BET_INTENTS))
        ):
            # "and if Atletico wins?", "do 20 on Flamengo instead" back a team: it replaces the
            # outcome talked about (a draw).
            market = context.last_market if context.last_market in ("1x2", "half_time_result") else None
        elif market is None and outcome is None:
            market, outcome, line = context.last_market, context.last_outcome, context.last_line
            picks = picks or [p for p in context.last_picks if p in teams]
            side = markets.side_of(folded, market) if len(tokens) <= 5 else None
            if side is not None:
                outcome = side  # "y el menos?" after the over: the under of the same line
        elif market is None:
            market = context.last_market if outcome in (None, "team", "draw") else None
        if not picks and outcome is None and context.last_outcome in ("team", "team_or_draw"):
            picks = [p for p in context.last_picks if p in teams]

    if market == "double_chance" and outcome is None:
        # "la doble oportunidad de Boca", "Barcelona double chance": that team or the draw.
        backed = _double_chance_team(folded, tokens, entities.mentions, teams)
        if backed is not None:
            picks, outcome = [backed], "team_or_draw"
    if intent in _BET_INTENTS and not picks and len(teams) == 1 and outcome is None:
        picks = list(teams)
    if (
        intent == "odds_information_query"
        and not picks
        and outcome is None
        and len(teams) == 1
        and _TEAM_PAYS_RE.search(folded)
    ):
        picks = list(teams)  # "cuánto paga el Lyon?", "what do PSG pay?": that team's win
    if intent in _MARKET_INTENTS and not picks and outcome is None and _BARE_WIN_RE.search(folded):
        # "e quanto paga se ganhar?": the win of the one team the person asked about, on its match.
        asked = [str(t) for t in (context.extra.get("named_teams") or []) if t in teams] if context else []
        picks = list(teams) if len(teams) == 1 else asked if len(asked) == 1 else []
    if picks and outcome is None and market in (None, "1x2", "half_time_result", "handicap"):
        outcome = "team"
    if outcome == "team_or_draw" and not picks and len(teams) == 1:
        picks = list(teams)
    if outcome in ("team", "team_or_draw") and not picks:
        outcome = None
    if market is None and intent in _MARKET_INTENTS and (teams or findings.ambiguous or outcome or picks):
        market = "1x2"
    if intent not in _MARKET_INTENTS | {"general_betting_info", "team_comparison", "betting_recommendation"}:
        market, outcome, line = (market, outcome, line) if info.market else (None, None, None)

    negated = _negated_teams(folded, tokens, entities.mentions)
    if negated and any(team not in negated for team in teams):
        # "Sporting vs Braga, not Benfica": the team ruled out is not one asked about.
        teams = [team for team in teams if team not in negated]
        pairs = [pair for pair in pairs if not negated & set(pair)]
        picks = [team for team in picks if team not in negated]

    unknown: list[str] = []
    suggestions: list[str] = []
    if intent in _TEAM_INTENTS:
        unknown = unknown_names(tokens, entities.mentions, _COMMON, catalog.index.carried_words)
        suggestions = suggest(catalog, unknown)

    return Understanding(
        intent=intent,
        confidence=round(max(0.05, min(confidence, 0.99)), 2),
        language=language,
        teams=teams,
        named=[team for team in dict.fromkeys(findings.teams) if team in teams],
        team_pairs=pairs,
        ambiguous=findings.ambiguous,
        unknown_teams=unknown,
        suggestions=suggestions,
        tournament=tournament,
        sport=sport,
        date_from=date_from,
        date_to=date_to,
        amount=amount,
        currency=currency,
        all_in=bool(_ALL_IN_RE.search(folded)),
        market=market,
        outcome=outcome,
        line=line,
        picks=picks,
    )


_TEAM_PAYS_RE = re.compile(r"\b(?:pay|pays|paying|paga|pagan|pagando|pagam)\b")
_BARE_WIN_RE = re.compile(
    r"\b(?:if (?:they|it|he|she) wins?|(?:they|he|she) (?:pay|pays|win|wins)"
    r"|(?:si|se) (?:(?:el|ella|ellos|ele|ela|eles|elas) )?"
    r"(?:gana|ganan|ganar|ganha|ganham|ganhar|vence|vencem|vencer|vencerem|ganharem))\b"
)
_DC_LINK_AFTER_RE = re.compile(r"^\s*(?:(?:de|del|da|do|for|on|of|para|pro|pra|al|a|no|na|en|el|o)\s+)*$")
# A team ruled out: after a clause break or "but" ("..., not Benfica", "pero no el Madrid"), or after
# "instead of" anywhere; "isn't it Barcelona today?" rules nothing out.
# A bare "no" opening the message is Portuguese "on the" ("no Independiente"), not a negation.
_NEGATED_BEFORE_RE = re.compile(
    r"(?:(?:[,;.]|\b(?:but|pero|mas|and|y|e))\s*(?:not|no|nao)(?:\s+(?:the|el|la|los|o|a|os))?"
    r"|^\W*(?:not|nao)(?:\s+(?:the|o|a|os))?|^\W*no\s+(?:el|la|los)"
    r"|\b(?:instead of|rather than|en vez del?|en lugar del?|em vez d[oa]|em vez de)(?:\s+(?:the|el|la|o|a))?)\s+$"
)


def _negated_teams(folded: str, tokens: list[Token], mentions: list[Mention]) -> set[str]:
    """Teams named right after a negation ("not Benfica", "en vez del Madrid", "não o Porto")."""
    return {
        mention.ids[0]
        for mention in mentions
        if mention.kind == "team"
        and len(mention.ids) == 1
        and _NEGATED_BEFORE_RE.search(folded[: tokens[mention.start].start])
    }


_PAIR_LINK_RE = re.compile(
    r"^\s*(?:vs\.?|v\.?|versus|x|-|contra|ante|against|and|y|e)\s*(?:el\s+|la\s+|o\s+|a\s+|the\s+)?$"
)
_DC_LINK_BEFORE_RE = re.compile(r"^\s*(?:(?:to win or draw|a|la|na|no|on|the)\s+)*$")


def _double_chance_team(
    folded: str, tokens: list[Token], mentions: list[Mention], teams: list[str]
) -> str | None:
    """The one team a double-chance market is named for, right after it ("doble oportunidad de Boca",
    "dupla chance do Galo") or right before it ("Barcelona double chance"); None for the market alone
    or for a match named by its two teams ("double chance for Barcelona vs Real Madrid")."""
    named = markets.double_chance_span(folded)
    if named is None:
        return None
    start, end = named
    named_teams = [m for m in mentions if m.kind == "team"]
    for mention in named_teams:
        if len(mention.ids) != 1 or mention.ids[0] not in teams:
            continue
        first, last = tokens[mention.start].start, tokens[mention.end - 1].end
        if any(
            _PAIR_LINK_RE.match(folded[last : tokens[other.start].start])
            or _PAIR_LINK_RE.match(folded[tokens[other.end - 1].end : first])
            for other in named_teams
            if other is not mention
        ):
            continue  # one side of "X vs Y": the match, not a team backed
        if first >= end and _DC_LINK_AFTER_RE.match(folded[end:first]):
            return mention.ids[0]
        if last <= start and _DC_LINK_BEFORE_RE.match(folded[last:start]):
            return mention.ids[0]
    return None


def _on_shown_match(result: Understanding, frame: DialogueContext) -> Understanding:
    """A question about one team of a match just shown ("how much do the Bulls pay?" after the
    Bucks–Bulls listing) is about that match, not the team's next one."""
    if result.intent not in _MATCH_INTENTS or len(result.teams) != 1 or result.team_pairs:
        return result
    team = result.teams[0]
    if team in frame.last_teams and len(frame.last_teams) == 2:
        return replace(result, teams=list(frame.last_teams))
    listed = [item for item in frame.listed if team in (item.home_id, item.away_id)]
    if len(listed) == 1:
        return replace(result, teams=[listed[0].home_id, listed[0].away_id])
    return result


def _time_shift(folded: str, frame: DialogueContext) -> str | None:
    """ "later"/"earlier" for "the later game" when one match is under discussion and no list was
    shown (with a list, "the later one" is a position in it)."""
    return acts.time_shift(folded) if frame.fixture_id and not frame.listed else None


def _scope_shift(
    result: Understanding, folded: str, entities: _Entities, frame: DialogueContext
) -> Understanding:
    """ "Same for the cup game", "e o mesmo pro jogo da Libertadores?", "lo mismo para el partido de
    mañana": a follow-up naming no team but another tournament, competition kind or (with "same
    for") another day moves the question to that match of the team(s) under discussion. Only what
    the message names scopes the search: a day or tournament carried from earlier turns does not."""
    if result.intent not in _MATCH_INTENTS or not frame.last_teams:
        return result
    if entities.findings.teams or entities.findings.ambiguous:
        return result
    if acts.referenced_fixture(folded, folded.split(), frame) is not None:
        return result  # "the third match": the list shown says which
    kind = acts.competition_kind(folded) if entities.tournament is None else None
    named_day = entities.date_from is not None and acts.is_same_for(folded)
    # "no, the later game" with one match under discussion and no list shown: the team's next one.
    shift = _time_shift(folded, frame)
    if entities.tournament is None and kind is None and not named_day and shift is None:
        return result
    return replace(
        result,
        teams=list(result.teams) or list(frame.last_teams),
        market=result.market or ("1x2" if result.intent in _MARKET_INTENTS else None),
        scope_shift=True,
        time_shift=shift,
        competition_kind=kind,
        tournament=entities.tournament,
        date_from=entities.date_from,
        date_to=entities.date_to,
    )


def _frame_teams(
    intent: str,
    teams: list[str],
    findings: TeamFindings,
    folded: str,
    words: list[str],
    context: DialogueContext,
) -> list[str]:
    """The teams of a follow-up once the frame is read: a correction replaces a team of the match
    under discussion, a follow-up naming one of its teams stays on it, and a message naming none
    points at a listed fixture ("the third match", "the later game") or the match itself."""
    if findings.ambiguous:
        return teams
    corrected = acts.corrected_teams(folded, teams, context)
    if corrected is not None:
        return corrected
    if teams:
        if intent in _MATCH_INTENTS and len(teams) == 1 and teams[0] in context.last_teams:
            return list(context.last_teams)
        return teams
    listed: ListedFixture | None = acts.referenced_fixture(folded, words, context)
    if listed is not None:
        return [listed.home_id, listed.away_id]
    return _referenced_teams(folded, words, context)


# "or" in the message's language: Portuguese "o" is "the", never "or".
_WHO_IS_FAVOURITE_RE = re.compile(
    r"\b(?:who|whos|which|quien|quienes|cual|quem|qual)\b.{0,20}\b(?:fav|fave|favou?rite|favou?red|favorit[oa]s?)\b"
)
_WHEN_RE = re.compile(r"\b(?:when|whens|cuando|quando|what time|a que hora|que horas|a que horas)\b")
_OR_RES = {
    "en": re.compile(r"\s(?:or)\s"),
    "es": re.compile(r"\s(?:o|u|or)\s"),
    "pt": re.compile(r"\s(?:ou|or)\s"),
}


def _compared_outcomes(
    message: _Message, entities: _Entities, match: tuple[str, ...], language: str
) -> tuple[str, ...]:
    """ "which is safer, the draw or Porto?", "qué es más probable, que gane Boca o que empate con
    River?": two outcomes of `match` (home, away as known here; the engine checks), one each side of
    an "or", at least one of them not a team's win (two teams is a comparison of the teams). Empty
    when the message is not that."""
    folded = message.folded
    splits = list(_OR_RES.get(language, _OR_RES["en"]).finditer(folded))
    if len(splits) != 1:
        return ()
    cut = splits[0].start()
    home, away = match
    sides: list[str] = []
    for start, end in ((0, cut), (splits[0].end(), len(folded))):
        side = folded[start:end]
        teams = [
            m.ids[0]
            for m in entities.mentions
            if m.kind == "team" and start <= message.tokens[m.start].start < end and m.ids[0] in (home, away)
        ]
        info = markets.extract_market(side)
        team = "home" if teams == [home] else "away" if teams == [away] else None
        if (info.market == "double_chance" and info.outcome == "team_or_draw") or (
            info.market == "double_chance" and info.outcome is None and team
        ):
            sides.append(f"double_chance:{team}_or_draw" if team else "")
        elif info.market in ("over_under", "both_teams_to_score") and info.outcome:
            sides.append(f"{info.market}:{info.outcome}")
        elif info.outcome == "draw":
            sides.append("1x2:draw")  # "que empate con River": a draw names both teams
        elif team and info.market in (None, "1x2"):
            sides.append(f"1x2:{team}")
        else:
            sides.append("")
    if not all(sides) or sides[0] == sides[1] or all(side in ("1x2:home", "1x2:away") for side in sides):
        return ()
    return tuple(sides)


def _team_under_discussion(result: Understanding, folded: str, context: DialogueContext) -> Understanding:
    """ "when's their next game", "y cuándo juega?", "e quando joga?": a schedule question naming no
    team, competition or day, with a pronoun or a verb whose subject is left out, is about the team
    the person named last, whatever the turn in between was (small talk, a price, a comparison)."""
    if (
        result.intent != "match_schedule_query"
        or result.teams
        or result.tournament is not None
        or result.date_from is not None
        or not (acts.names_team_pronoun(folded) or _SUBJECTLESS_PLAY_RE.search(folded))
    ):
        return result
    named = [str(team) for team in context.extra.get("named_teams") or []] or list(context.last_teams)
    return replace(result, teams=named) if named else result


def _referenced_teams(folded: str, words: list[str], context: DialogueContext) -> list[str]:
    pairs = context.last_fixture_team_pairs
    if _OTHER_RE.search(folded) and pairs:
        current = set(context.last_teams)
        other = next((pair for pair in pairs if set(pair) != current), None)
        if other:
            return list(other)
    position = ordinal(words)
    if position is not None and position < len(pairs) and len(pairs) > 1:
        return list(pairs[position])
    return list(context.last_teams)


def _dedupe_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[frozenset[str]] = set()
    result = []
    for pair in pairs:
        key = frozenset(pair)
        if key not in seen:
            seen.add(key)
            result.append(pair)
    return result
