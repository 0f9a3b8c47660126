"""Reply sentences of the offline engine: English msgids marked `pgettext_lazy(key, ...)`, translated
through the django.po catalogs under locale/. Placeholders are filled only with data."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from conversations.assistant.engines.phrases import in_language


class R:
    FOR = "for"
    DATA_UNAVAILABLE = "data_unavailable"
    SUGGEST_TODAY = "suggest_today"
    SUGGEST_WEEKEND = "suggest_weekend"
    SUGGEST_HELP = "suggest_help"
    SUGGEST_BALANCE = "suggest_balance"
    SUGGEST_TOURNAMENTS = "suggest_tournaments"
    SUGGEST_ODDS_FOR = "suggest_odds_for"
    SUGGEST_COMPARE = "suggest_compare"
    SUGGEST_MARKET = "suggest_market"
    SUGGEST_SIMULATE = "suggest_simulate"
    SUGGEST_MATCHES_IN = "suggest_matches_in"
    SUGGEST_RG_INFO = "suggest_rg_info"
    SUGGEST_LIMITS = "suggest_limits"
    SUGGEST_EXCLUDE_6M = "suggest_exclude_6m"
    SUGGEST_CONFIRM = "suggest_confirm"
    SUGGEST_CANCEL = "suggest_cancel"
    TEAMS_IN = "teams_in"
    NO_TEAMS_IN = "no_teams_in"
    NO_TOURNAMENTS = "no_tournaments"
    TOURNAMENTS_HEADER = "tournaments_header"
    OVER = "over"
    UNDER = "under"
    FAVOURITE = "favourite"
    COMPARE_HEAD = "compare_head"
    MARGIN_NOTE = "margin_note"
    BETTING_PAUSED = "betting_paused"
    NO_ACTIVE_MARKETS = "no_active_markets"
    REC_INTRO = "rec_intro"
    REC_LIKELIEST = "rec_likeliest"
    REC_COMPETITIVE = "rec_competitive"
    REC_TABLE_HEAD = "rec_table_head"
    REC_AMOUNT = "rec_amount"
    AFFORD = "afford"
    ASK_STAKE = "ask_stake"
    SIM_SINGLE = "sim_single"
    PRICE_PER_EXAMPLE = "price_per_example"
    SIM_COMBO = "sim_combo"
    SIM_COMBO_ODDS = "sim_combo_odds"
    SIM_RESULT = "sim_result"
    SIM_NOTHING_PLACED = "sim_nothing_placed"
    SELECTION_MISSING = "selection_missing"
    INSUFFICIENT = "insufficient"
    REFUSED_LIMITS = "refused_limits"
    SLIP_DROPPED = "slip_dropped"
    NO_ALL_IN = "no_all_in"
    OVER_BALANCE = "over_balance"
    ALWAYS_CONFIRM = "always_confirm"
    RULES_STAY = "rules_stay"
    SLIP = "slip"
    SLIP_COMBO = "slip_combo"
    CONFIRM_PROMPT = "confirm_prompt"
    NOTHING_TO_CONFIRM = "nothing_to_confirm"
    NOTHING_TO_CANCEL = "nothing_to_cancel"
    PLACED_IS_FINAL = "placed_is_final"
    PLACED = "placed"
    PLACED_COMBO = "placed_combo"
    ODDS_MOVED = "odds_moved"
    SLIP_EXPIRED = "slip_expired"
    BET_UNCONFIRMED = "bet_unconfirmed"
    DUPLICATE_LEG = "duplicate_leg"
    SAME_MATCH_LEGS = "same_match_legs"
    PROVIDER_REJECTED = "provider_rejected"
    BALANCE = "balance"
    BALANCE_UNAVAILABLE = "balance_unavailable"
    NO_ARTICLE = "no_article"
    HELP_RESOURCES = "help_resources"
    ASK_EXCLUSION_PERIOD = "ask_exclusion_period"
    EXCLUDED = "excluded"
    COOLING_OFF = "cooling_off"
    LIMIT_NOW = "limit_now"
    LIMIT_LATER = "limit_later"
    PERIODS = "periods"
    HARM_SUPPORT = "harm_support"
    HARM_BORROWING = "harm_borrowing"
    HARM_DESPERATION = "harm_desperation"
    HARM_LOSS_OF_CONTROL = "harm_loss_of_control"
    PAUSED_NOTE = "paused_note"
    RG_INFO = "rg_info"
    LIMIT_PERIODS = "limit_periods"
    AGE_REQUIRED = "age_required"
    MINOR_BLOCKED = "minor_blocked"
    CLARIFY_INTENT = "clarify_intent"
    INTENT_OPTIONS = "intent_options"
    WHICH_SIDE = "which_side"
    ACCOUNT_NOT_LINKED = "account_not_linked"
    LIMIT_AFTER_LOSS = "limit_after_loss"
    LIMIT_RAISE_HOW = "limit_raise_how"


def r(key: str, language: str) -> str:
    return in_language(REPLIES[key], language)


REPLIES: dict[str, Promise] = {
    R.LIMIT_AFTER_LOSS: pgettext_lazy(
        "limit_after_loss",
        "Sorry about that loss, that's frustrating. Raising a limit right after losing often leads "
        "to chasing it, so I haven't changed anything.",
    ),
    R.LIMIT_RAISE_HOW: pgettext_lazy(
        "limit_raise_how",
        "How it works: a lower limit applies at once, but a higher one only starts 24 hours after "
        "you ask, so there's time to think it over. If you still want it, tell me the new amount "
        "(for example “raise my daily limit to 50”) and it will apply 24 hours later.",
    ),
    R.ACCOUNT_NOT_LINKED: pgettext_lazy(
        "account_not_linked",
        "To see a balance or bet, your own ChatBet account must be linked to your profile first: "
        "log in and link it (the app's account settings, or POST /api/v1/betting/account).",
    ),
    R.WHICH_SIDE: pgettext_lazy(
        "which_side",
        "Which outcome do you mean: **{home}**, **{away}** or **{draw}**?",
    ),
    R.CLARIFY_INTENT: pgettext_lazy(
        "clarify_intent", "Just to be sure{about}: do you want {first} or {second}?"
    ),
    # One phrase per intent, in INTENTS order, for CLARIFY_INTENT.
    R.INTENT_OPTIONS: pgettext_lazy(
        "intent_options",
        "to say hello|to know what I can do|to know when they play|information about a competition|"
        "the odds|to compare the teams|a suggestion|to simulate a bet|to place a bet|your balance|"
        "a betting term explained|a sports fact|help with limits or a break|something else",
    ),
    R.MINOR_BLOCKED: pgettext_lazy(
        "minor_blocked",
        "Betting is only for people aged 18 or over, so betting and prices are now switched off for "
        "you. If this is a mistake, contact support and an operator will review it. I can still "
        "tell you when matches are on.",
    ),
    R.AGE_REQUIRED: pgettext_lazy(
        "age_required",
        "Betting features are for adults only. Please confirm you are 18 or older first; until then "
        "I can show fixtures and odds but won't suggest, simulate or place bets.",
    ),
    R.LIMIT_PERIODS: pgettext_lazy(
        "limit_periods",
        "I can set stake limits per bet, per day or per week. Which one would you like?",
    ),
    R.FOR: pgettext_lazy("for", "for"),
    R.DATA_UNAVAILABLE: pgettext_lazy(
        "data_unavailable",
        "I can't get that information right now. Please try again in a moment.",
    ),
    R.SUGGEST_TODAY: pgettext_lazy("suggest_today", "What matches are on today?"),
    R.SUGGEST_WEEKEND: pgettext_lazy("suggest_weekend", "What matches are on this weekend?"),
    R.SUGGEST_HELP: pgettext_lazy("suggest_help", "What can you do?"),
    R.SUGGEST_BALANCE: pgettext_lazy("suggest_balance", "What's my balance?"),
    R.SUGGEST_TOURNAMENTS: pgettext_lazy("suggest_tournaments", "Which tournaments do you cover?"),
    R.SUGGEST_ODDS_FOR: pgettext_lazy("suggest_odds_for", "Odds for {match}"),
    R.SUGGEST_COMPARE: pgettext_lazy("suggest_compare", "Who is the favourite, {home} or {away}?"),
    R.SUGGEST_MARKET: pgettext_lazy("suggest_market", "{market} odds"),
    R.SUGGEST_SIMULATE: pgettext_lazy("suggest_simulate", "What would 10 on the favourite pay?"),
    R.SUGGEST_MATCHES_IN: pgettext_lazy("suggest_matches_in", "Upcoming {tournament} matches"),
    R.SUGGEST_RG_INFO: pgettext_lazy("suggest_rg_info", "How can I set betting limits?"),
    R.SUGGEST_LIMITS: pgettext_lazy("suggest_limits", "Set a daily limit of 20"),
    R.SUGGEST_EXCLUDE_6M: pgettext_lazy("suggest_exclude_6m", "I want to take a break from betting"),
    R.SUGGEST_CONFIRM: pgettext_lazy("suggest_confirm", "Yes, place it"),
    R.SUGGEST_CANCEL: pgettext_lazy("suggest_cancel", "No, cancel"),
    R.TEAMS_IN: pgettext_lazy("teams_in", "These {count} teams have upcoming matches in **{tournament}**:"),
    R.NO_TEAMS_IN: pgettext_lazy(
        "no_teams_in", "I don't have upcoming matches in **{tournament}** right now."
    ),
    R.NO_TOURNAMENTS: pgettext_lazy("no_tournaments", "I don't have any tournaments for that right now."),
    R.TOURNAMENTS_HEADER: pgettext_lazy("tournaments_header", "These are the competitions I cover:"),
    R.OVER: pgettext_lazy("over", "Over {line}"),
    R.UNDER: pgettext_lazy("under", "Under {line}"),
    R.FAVOURITE: pgettext_lazy(
        "favourite",
        "**{team}** is the favourite at **{odds}** (about {probability} once the bookmaker's margin "
        "is removed).",
    ),
    R.COMPARE_HEAD: pgettext_lazy(
        "compare_head",
        "| Outcome | Odds | Fair probability |\n|---|---|---|",
    ),
    R.MARGIN_NOTE: pgettext_lazy("margin_note", "Bookmaker margin on this market: {margin}."),
    R.BETTING_PAUSED: pgettext_lazy(
        "betting_paused",
        "Betting features are paused for you right now, so I won't suggest, simulate or place bets. "
        "I can still tell you about fixtures and help you with limits or a break.",
    ),
    R.NO_ACTIVE_MARKETS: pgettext_lazy(
        "no_active_markets",
        "I couldn't find matches with active odds{scope} to compare right now.",
    ),
    R.REC_INTRO: pgettext_lazy(
        "rec_intro",
        "I looked at the match-result odds of {count} upcoming matches{scope}. Here is what the market says:",
    ),
    R.REC_LIKELIEST: pgettext_lazy(
        "rec_likeliest",
        "- **Highest implied probability**: {team} in {home} vs {away} at **{odds}** (about "
        "{probability}). That is the market's most likely single result, but it can still lose.",
    ),
    R.REC_COMPETITIVE: pgettext_lazy(
        "rec_competitive",
        "- **Most competitive match**: {home} vs {away} ({home_odds} vs {away_odds}), the closest prices.",
    ),
    R.REC_TABLE_HEAD: pgettext_lazy(
        "rec_table_head",
        "| Match | Favourite (odds) | Fair probability | Margin |\n|---|---|---|---|",
    ),
    R.REC_AMOUNT: pgettext_lazy(
        "rec_amount",
        "For reference, {amount} on {team} would return {ret} if it wins.",
    ),
    R.AFFORD: pgettext_lazy("afford", "Only stake what you can afford to lose."),
    R.ASK_STAKE: pgettext_lazy("ask_stake", "How much would you like to stake?"),
    R.PRICE_PER_EXAMPLE: pgettext_lazy(
        "price_per_example",
        "**{selection}** ({home} vs {away}) pays **{odds}**: a stake of {stake} would return **{ret}**.",
    ),
    R.SIM_SINGLE: pgettext_lazy(
        "sim_single",
        "Simulation: **{stake}** on **{selection}** ({home} vs {away}) at odds **{odds}**.",
    ),
    R.SIM_COMBO: pgettext_lazy(
        "sim_combo",
        "Simulation: a {count}-leg combo for **{stake}**:\n{legs}",
    ),
    R.SIM_COMBO_ODDS: pgettext_lazy("sim_combo_odds", "Combined odds: **{odds}** (every leg must win)."),
    R.SIM_RESULT: pgettext_lazy(
        "sim_result",
        "If it wins you get back **{ret}** (profit {profit}). Implied probability: {probability}.",
    ),
    R.SIM_NOTHING_PLACED: pgettext_lazy(
        "sim_nothing_placed", "This is only a simulation: nothing was placed."
    ),
    R.SELECTION_MISSING: pgettext_lazy(
        "selection_missing", "That selection isn't offered for this match right now."
    ),
    R.INSUFFICIENT: pgettext_lazy(
        "insufficient",
        "Your balance isn't enough for that stake, so I can't set up this bet.",
    ),
    R.REFUSED_LIMITS: pgettext_lazy(
        "refused_limits",
        "That stake is over the limits you set, so I can't set up this bet.",
    ),
    R.SLIP_DROPPED: pgettext_lazy("slip_dropped", "OK, I've cancelled that bet slip. Nothing was placed."),
    R.NO_ALL_IN: pgettext_lazy(
        "no_all_in",
        "I won't set up a bet with everything you have. Staking your whole balance is a big risk; "
        "if you'd like to bet, choose a smaller amount you can afford to lose.",
    ),
    R.OVER_BALANCE: pgettext_lazy(
        "over_balance",
        "I can't set up that bet: the stake ({stake}) is more than your balance ({balance}).",
    ),
    R.ALWAYS_CONFIRM: pgettext_lazy(
        "always_confirm",
        "I can't skip the confirmation step: every bet needs your explicit yes.",
    ),
    R.RULES_STAY: pgettext_lazy(
        "rules_stay",
        "I can't set my rules aside or change how I work.",
    ),
    R.SLIP: pgettext_lazy(
        "slip",
        "**Bet slip**\n"
        "\n"
        "- Selection: **{selection}** ({home} vs {away})\n"
        "- Odds: **{odds}** (as of {time} UTC)\n"
        "- Stake: **{stake}**\n"
        "- Potential return: **{ret}**",
    ),
    R.SLIP_COMBO: pgettext_lazy(
        "slip_combo",
        "**Combo bet slip** ({count} legs)\n"
        "{legs}\n"
        "\n"
        "- Combined odds: **{odds}** (every leg must win; odds as of {time} UTC)\n"
        "- Stake: **{stake}**\n"
        "- Potential return: **{ret}**",
    ),
    R.CONFIRM_PROMPT: pgettext_lazy(
        "confirm_prompt",
        "Nothing has been placed yet. Reply **“yes, place it”** within 5 minutes to confirm, or "
        "“no” to drop it.",
    ),
    R.NOTHING_TO_CONFIRM: pgettext_lazy(
        "nothing_to_confirm", "There's no bet slip waiting for confirmation."
    ),
    R.NOTHING_TO_CANCEL: pgettext_lazy(
        "nothing_to_cancel", "There's no bet slip waiting, so there is nothing to cancel."
    ),
    R.PLACED_IS_FINAL: pgettext_lazy(
        "placed_is_final",
        "There's no bet slip waiting to cancel. Your bet of **{stake}** (reference {ref}) is already "
        "placed, and a placed bet can't be cancelled here.",
    ),
    R.PLACED: pgettext_lazy(
        "placed",
        "Done: your bet of **{stake}** on **{selection}** at **{odds}** is placed (reference "
        "{ref}). Potential return: **{ret}**.",
    ),
    R.PLACED_COMBO: pgettext_lazy(
        "placed_combo",
        "Done: your {count}-leg combo of **{stake}** at **{odds}** is placed (reference {ref}). "
        "Potential return: **{ret}**.\n{legs}",
    ),
    R.ODDS_MOVED: pgettext_lazy(
        "odds_moved",
        "The odds moved from {old} to {new} since I proposed the slip, so I didn't place it. Ask "
        "again if you'd like a new slip at the current price.",
    ),
    R.SLIP_EXPIRED: pgettext_lazy(
        "slip_expired",
        "That bet slip expired before it was confirmed, so nothing was placed. Ask again for a fresh one.",
    ),
    R.BET_UNCONFIRMED: pgettext_lazy(
        "bet_unconfirmed",
        "I sent your bet of **{stake}** on **{selection}**, but the bookmaker didn't answer in "
        "time, so it is **being checked** now. Please **don't place it again by hand**: it may "
        "already be placed. Check your bets or balance in a few minutes.",
    ),
    R.DUPLICATE_LEG: pgettext_lazy(
        "duplicate_leg",
        "That combo has the same selection twice; each selection can be in it only once.",
    ),
    R.SAME_MATCH_LEGS: pgettext_lazy(
        "same_match_legs",
        "A combo takes one selection per match: outcomes of the same match depend on each other, so "
        "their odds can't simply be multiplied. Pick one selection for that match.",
    ),
    R.PROVIDER_REJECTED: pgettext_lazy(
        "provider_rejected",
        "The bookmaker didn't accept the bet, so nothing was placed.",
    ),
    R.BALANCE: pgettext_lazy("balance", "Your balance is **{money}** (playable: {playable})."),
    R.BALANCE_UNAVAILABLE: pgettext_lazy(
        "balance_unavailable",
        "I can't reach the balance service right now. Please try again in a moment.",
    ),
    R.NO_ARTICLE: pgettext_lazy(
        "no_article",
        "I don't have an explanation for that yet. Try asking about odds formats, markets or combos.",
    ),
    R.HELP_RESOURCES: pgettext_lazy(
        "help_resources",
        "If gambling is causing you problems, free and confidential help is available:",
    ),
    R.ASK_EXCLUSION_PERIOD: pgettext_lazy(
        "ask_exclusion_period",
        "I can exclude you from betting right away. For how long: 6 months, 1 year, or longer?",
    ),
    R.EXCLUDED: pgettext_lazy(
        "excluded",
        "Done. You are self-excluded from betting until **{until}**, starting now. It can't be "
        "shortened, and I won't suggest, simulate or place bets until then.",
    ),
    R.COOLING_OFF: pgettext_lazy("cooling_off", "Your break has started: no betting until **{until}**."),
    R.LIMIT_NOW: pgettext_lazy(
        "limit_now",
        "Your {period} stake limit is now **{amount}**, effective immediately.",
    ),
    R.LIMIT_LATER: pgettext_lazy(
        "limit_later",
        "Raising your {period} limit to **{amount}** takes effect in 24 hours; until then the "
        "current limit applies.",
    ),
    R.PERIODS: pgettext_lazy("periods", "per-bet|daily|weekly"),
    R.HARM_SUPPORT: pgettext_lazy(
        "harm_support",
        "I'm sorry you're going through this. Trying to win back losses usually makes things worse, "
        "and no bet can be counted on. It might help to take a break and talk to someone.",
    ),
    R.HARM_BORROWING: pgettext_lazy(
        "harm_borrowing",
        "I'm sorry money is tight. Please don't bet with borrowed money or money you need for bills: "
        "a loss then becomes a debt, and no bet can be counted on to pay it back. Talking to someone "
        "can help.",
    ),
    R.HARM_DESPERATION: pgettext_lazy(
        "harm_desperation",
        "I'm really sorry you're feeling this way. You matter far more than any bet. Please talk to "
        "someone you trust, or to one of the free, confidential services below, today if you can.",
    ),
    R.HARM_LOSS_OF_CONTROL: pgettext_lazy(
        "harm_loss_of_control",
        "It sounds like betting has become hard to stop, and that is worth taking seriously. A break "
        "or a self-exclusion puts a wall between you and the next bet, and talking to someone helps.",
    ),
    R.PAUSED_NOTE: pgettext_lazy(
        "paused_note",
        "I've paused betting suggestions in this conversation. If you want, I can set limits or "
        "exclude you from betting for a while.",
    ),
    R.RG_INFO: pgettext_lazy(
        "rg_info",
        "You're in control: you can set stake limits per bet, day or week, take a short break, or "
        "self-exclude for months. Lower limits and exclusions apply immediately.",
    ),
}
