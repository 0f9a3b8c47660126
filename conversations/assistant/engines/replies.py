"""Reply sentences of the offline engine, per language. Placeholders are filled only with data."""

from __future__ import annotations

from conversations.assistant.engines.phrases import lang


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
    SIM_COMBO = "sim_combo"
    SIM_COMBO_ODDS = "sim_combo_odds"
    SIM_RESULT = "sim_result"
    SIM_NOTHING_PLACED = "sim_nothing_placed"
    SELECTION_MISSING = "selection_missing"
    INSUFFICIENT = "insufficient"
    REFUSED_LIMITS = "refused_limits"
    SLIP_DROPPED = "slip_dropped"
    NO_ALL_IN = "no_all_in"
    SINGLES_ONLY = "singles_only"
    OVER_BALANCE = "over_balance"
    ALWAYS_CONFIRM = "always_confirm"
    SLIP = "slip"
    CONFIRM_PROMPT = "confirm_prompt"
    NOTHING_TO_CONFIRM = "nothing_to_confirm"
    PLACED = "placed"
    ODDS_MOVED = "odds_moved"
    SLIP_EXPIRED = "slip_expired"
    BET_UNCONFIRMED = "bet_unconfirmed"
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
    PAUSED_NOTE = "paused_note"
    RG_INFO = "rg_info"
    LIMIT_PERIODS = "limit_periods"
    AGE_REQUIRED = "age_required"
    MINOR_BLOCKED = "minor_blocked"
    WHICH_SIDE = "which_side"
    ACCOUNT_NOT_LINKED = "account_not_linked"
    LIMIT_AFTER_LOSS = "limit_after_loss"
    LIMIT_RAISE_HOW = "limit_raise_how"


def r(key: str, language: str) -> str:
    table = REPLIES[key]
    return table.get(lang(language), table["en"])


REPLIES: dict[str, dict[str, str]] = {
    R.LIMIT_AFTER_LOSS: {
        "en": "Sorry about that loss, that's frustrating. Raising a limit right after losing often leads to "
        "chasing it, so I haven't changed anything.",
        "es": "Siento esa pérdida, es frustrante. Subir un límite justo después de perder suele llevar a "
        "intentar recuperarlo, así que no he cambiado nada.",
        "pt": "Sinto muito pela perda, é frustrante. Aumentar um limite logo depois de perder costuma levar a "
        "tentar recuperar, então não mudei nada.",
    },
    R.LIMIT_RAISE_HOW: {
        "en": "How it works: a lower limit applies at once, but a higher one only starts 24 hours after you ask, "
        "so there's time to think it over. If you still want it, tell me the new amount (for example "
        "“raise my daily limit to 50”) and it will apply 24 hours later.",
        "es": "Así funciona: un límite más bajo se aplica al instante, pero uno más alto solo empieza 24 horas "
        "después de pedirlo, para que haya tiempo de pensarlo. Si aún lo quieres, dime el nuevo importe (por "
        "ejemplo “sube mi límite diario a 50”) y se aplicará 24 horas después.",
        "pt": "Funciona assim: um limite menor vale na hora, mas um maior só começa 24 horas depois do pedido, "
        "para dar tempo de pensar. Se ainda quiser, diga o novo valor (por exemplo “aumenta meu limite diário "
        "para 50”) e ele valerá 24 horas depois.",
    },
    R.ACCOUNT_NOT_LINKED: {
        "en": "To see a balance or bet, your own ChatBet account must be linked to your profile first: log in "
        "and link it (the app's account settings, or POST /api/v1/betting/account).",
        "es": "Para ver un saldo o apostar, primero debes vincular tu propia cuenta de ChatBet a tu perfil: inicia "
        "sesión y vincúlala (ajustes de cuenta de la app, o POST /api/v1/betting/account).",
        "pt": "Para ver um saldo ou apostar, primeiro vincule sua própria conta ChatBet ao seu perfil: entre e "
        "vincule-a (configurações da conta no app, ou POST /api/v1/betting/account).",
    },
    R.WHICH_SIDE: {
        "en": "Which outcome do you mean: **{home}**, **{away}** or **{draw}**?",
        "es": "¿Qué resultado quieres: **{home}**, **{away}** o **{draw}**?",
        "pt": "Qual resultado você quer: **{home}**, **{away}** ou **{draw}**?",
    },
    R.MINOR_BLOCKED: {
        "en": "Betting is only for people aged 18 or over, so betting and prices are now switched off for you. "
        "If this is a mistake, contact support and an operator will review it. I can still tell you when "
        "matches are on.",
        "es": "Las apuestas son solo para mayores de 18 años, así que las apuestas y las cuotas quedan desactivadas "
        "para ti. Si es un error, contacta con soporte y un operador lo revisará. Sí puedo decirte cuándo se "
        "juegan los partidos.",
        "pt": "Apostas são só para maiores de 18 anos, então apostas e odds ficam desativadas para você. Se for "
        "um engano, fale com o suporte e um operador vai revisar. Ainda posso dizer quando os jogos acontecem.",
    },
    R.AGE_REQUIRED: {
        "en": "Betting features are for adults only. Please confirm you are 18 or older first; until then "
        "I can show fixtures and odds but won't suggest, simulate or place bets.",
        "es": "Las funciones de apuestas son solo para mayores de edad. Confirma primero que tienes 18 años o más; "
        "hasta entonces puedo mostrarte partidos y cuotas, pero no sugerir, simular ni realizar apuestas.",
        "pt": "As funções de apostas são só para maiores de idade. Confirme primeiro que você tem 18 anos ou mais; "
        "até lá posso mostrar jogos e odds, mas não sugerir, simular nem fazer apostas.",
    },
    R.LIMIT_PERIODS: {
        "en": "I can set stake limits per bet, per day or per week. Which one would you like?",
        "es": "Puedo poner límites por apuesta, por día o por semana. ¿Cuál quieres?",
        "pt": "Posso definir limites por aposta, por dia ou por semana. Qual você quer?",
    },
    R.FOR: {"en": "for", "es": "para", "pt": "para"},
    R.DATA_UNAVAILABLE: {
        "en": "I can't get that information right now. Please try again in a moment.",
        "es": "Ahora mismo no puedo obtener esa información. Inténtalo de nuevo en un momento.",
        "pt": "No momento não consigo obter essa informação. Tente de novo daqui a pouco.",
    },
    R.SUGGEST_TODAY: {
        "en": "What matches are on today?",
        "es": "¿Qué partidos hay hoy?",
        "pt": "Quais jogos tem hoje?",
    },
    R.SUGGEST_WEEKEND: {
        "en": "What matches are on this weekend?",
        "es": "¿Qué partidos hay este fin de semana?",
        "pt": "Quais jogos tem neste fim de semana?",
    },
    R.SUGGEST_HELP: {"en": "What can you do?", "es": "¿Qué puedes hacer?", "pt": "O que você pode fazer?"},
    R.SUGGEST_BALANCE: {"en": "What's my balance?", "es": "¿Cuál es mi saldo?", "pt": "Qual é o meu saldo?"},
    R.SUGGEST_TOURNAMENTS: {
        "en": "Which tournaments do you cover?",
        "es": "¿Qué torneos cubres?",
        "pt": "Quais torneios você cobre?",
    },
    R.SUGGEST_ODDS_FOR: {"en": "Odds for {match}", "es": "Cuotas del {match}", "pt": "Odds de {match}"},
    R.SUGGEST_COMPARE: {
        "en": "Who is the favourite, {home} or {away}?",
        "es": "¿Quién es favorito, {home} o {away}?",
        "pt": "Quem é o favorito, {home} ou {away}?",
    },
    R.SUGGEST_MARKET: {"en": "{market} odds", "es": "Cuotas de {market}", "pt": "Odds de {market}"},
    R.SUGGEST_SIMULATE: {
        "en": "What would 10 on the favourite pay?",
        "es": "¿Cuánto pagarían 10 al favorito?",
        "pt": "Quanto pagariam 10 no favorito?",
    },
    R.SUGGEST_MATCHES_IN: {
        "en": "Upcoming {tournament} matches",
        "es": "Próximos partidos de {tournament}",
        "pt": "Próximos jogos de {tournament}",
    },
    R.SUGGEST_RG_INFO: {
        "en": "How can I set betting limits?",
        "es": "¿Cómo pongo límites de apuesta?",
        "pt": "Como defino limites de aposta?",
    },
    R.SUGGEST_LIMITS: {
        "en": "Set a daily limit of 20",
        "es": "Pon un límite diario de 20",
        "pt": "Defina um limite diário de 20",
    },
    R.SUGGEST_EXCLUDE_6M: {
        "en": "I want to take a break from betting",
        "es": "Quiero tomarme un descanso de las apuestas",
        "pt": "Quero dar uma pausa nas apostas",
    },
    R.SUGGEST_CONFIRM: {"en": "Yes, place it", "es": "Sí, confírmala", "pt": "Sim, confirma"},
    R.SUGGEST_CANCEL: {"en": "No, cancel", "es": "No, cancélala", "pt": "Não, cancela"},
    R.TEAMS_IN: {
        "en": "These {count} teams have upcoming matches in **{tournament}**:",
        "es": "Estos {count} equipos tienen partidos próximos en **{tournament}**:",
        "pt": "Estes {count} times têm jogos próximos em **{tournament}**:",
    },
    R.NO_TEAMS_IN: {
        "en": "I don't have upcoming matches in **{tournament}** right now.",
        "es": "Ahora mismo no tengo partidos próximos en **{tournament}**.",
        "pt": "No momento não tenho jogos próximos em **{tournament}**.",
    },
    R.NO_TOURNAMENTS: {
        "en": "I don't have any tournaments for that right now.",
        "es": "Ahora mismo no tengo torneos para eso.",
        "pt": "No momento não tenho torneios para isso.",
    },
    R.TOURNAMENTS_HEADER: {
        "en": "These are the competitions I cover:",
        "es": "Estas son las competiciones que cubro:",
        "pt": "Estas são as competições que eu cubro:",
    },
    R.OVER: {"en": "Over {line}", "es": "Más de {line}", "pt": "Mais de {line}"},
    R.UNDER: {"en": "Under {line}", "es": "Menos de {line}", "pt": "Menos de {line}"},
    R.FAVOURITE: {
        "en": "**{team}** is the favourite at **{odds}** (about {probability} once the bookmaker's margin is removed).",
        "es": "**{team}** es el favorito con cuota **{odds}** (alrededor de {probability} sin el margen de la casa).",
        "pt": "**{team}** é o favorito com odd **{odds}** (cerca de {probability} sem a margem da casa).",
    },
    R.COMPARE_HEAD: {
        "en": "| Outcome | Odds | Fair probability |\n|---|---|---|",
        "es": "| Resultado | Cuota | Probabilidad justa |\n|---|---|---|",
        "pt": "| Resultado | Odd | Probabilidade justa |\n|---|---|---|",
    },
    R.MARGIN_NOTE: {
        "en": "Bookmaker margin on this market: {margin}.",
        "es": "Margen de la casa en este mercado: {margin}.",
        "pt": "Margem da casa neste mercado: {margin}.",
    },
    R.BETTING_PAUSED: {
        "en": "Betting features are paused for you right now, so I won't suggest, simulate or place bets. "
        "I can still tell you about fixtures and help you with limits or a break.",
        "es": "Las funciones de apuestas están en pausa para ti ahora mismo, así que no sugeriré, simularé ni "
        "realizaré apuestas. Sí puedo informarte de partidos y ayudarte con límites o un descanso.",
        "pt": "As funções de apostas estão pausadas para você agora, então não vou sugerir, simular nem fazer "
        "apostas. Ainda posso informar sobre jogos e ajudar com limites ou uma pausa.",
    },
    R.NO_ACTIVE_MARKETS: {
        "en": "I couldn't find matches with active odds{scope} to compare right now.",
        "es": "No encontré partidos con cuotas activas{scope} para comparar ahora mismo.",
        "pt": "Não encontrei jogos com odds ativas{scope} para comparar agora.",
    },
    R.REC_INTRO: {
        "en": "I looked at the match-result odds of {count} upcoming matches{scope}. Here is what the market says:",
        "es": "Revisé las cuotas de resultado de {count} partidos{scope}. Esto es lo que dice el mercado:",
        "pt": "Analisei as odds de resultado de {count} jogos{scope}. Veja o que o mercado diz:",
    },
    R.REC_LIKELIEST: {
        "en": "- **Highest implied probability**: {team} in {home} vs {away} at **{odds}** (about {probability}). "
        "That is the market's most likely single result, but it can still lose.",
        "es": "- **Mayor probabilidad implícita**: {team} en {home} vs {away} con cuota **{odds}** (alrededor de "
        "{probability}). Es el resultado más probable según el mercado, pero puede perder.",
        "pt": "- **Maior probabilidade implícita**: {team} em {home} x {away} com odd **{odds}** (cerca de "
        "{probability}). É o resultado mais provável segundo o mercado, mas pode perder.",
    },
    R.REC_COMPETITIVE: {
        "en": "- **Most competitive match**: {home} vs {away} ({home_odds} vs {away_odds}), the closest prices.",
        "es": "- **Partido más igualado**: {home} vs {away} ({home_odds} vs {away_odds}), las cuotas más parejas.",
        "pt": "- **Jogo mais equilibrado**: {home} x {away} ({home_odds} x {away_odds}), as odds mais próximas.",
    },
    R.REC_TABLE_HEAD: {
        "en": "| Match | Favourite (odds) | Fair probability | Margin |\n|---|---|---|---|",
        "es": "| Partido | Favorito (cuota) | Probabilidad justa | Margen |\n|---|---|---|---|",
        "pt": "| Jogo | Favorito (odd) | Probabilidade justa | Margem |\n|---|---|---|---|",
    },
    R.REC_AMOUNT: {
        "en": "For reference, {amount} on {team} would return {ret} if it wins.",
        "es": "Como referencia, {amount} a {team} devolverían {ret} si gana.",
        "pt": "Como referência, {amount} em {team} retornariam {ret} se vencer.",
    },
    R.AFFORD: {
        "en": "Only stake what you can afford to lose.",
        "es": "Apuesta solo lo que puedas permitirte perder.",
        "pt": "Aposte apenas o que você pode perder.",
    },
    R.ASK_STAKE: {
        "en": "How much would you like to stake?",
        "es": "¿Cuánto quieres apostar?",
        "pt": "Quanto você quer apostar?",
    },
    R.SIM_SINGLE: {
        "en": "Simulation: **{stake}** on **{selection}** ({home} vs {away}) at odds **{odds}**.",
        "es": "Simulación: **{stake}** a **{selection}** ({home} vs {away}) con cuota **{odds}**.",
        "pt": "Simulação: **{stake}** em **{selection}** ({home} x {away}) com odd **{odds}**.",
    },
    R.SIM_COMBO: {
        "en": "Simulation: a {count}-leg combo for **{stake}**:\n{legs}",
        "es": "Simulación: una combinada de {count} selecciones por **{stake}**:\n{legs}",
        "pt": "Simulação: uma múltipla de {count} seleções por **{stake}**:\n{legs}",
    },
    R.SIM_COMBO_ODDS: {
        "en": "Combined odds: **{odds}** (every leg must win).",
        "es": "Cuota combinada: **{odds}** (deben acertarse todas).",
        "pt": "Odd combinada: **{odds}** (todas precisam vencer).",
    },
    R.SIM_RESULT: {
        "en": "If it wins you get back **{ret}** (profit {profit}). Implied probability: {probability}.",
        "es": "Si gana recibes **{ret}** (ganancia {profit}). Probabilidad implícita: {probability}.",
        "pt": "Se vencer você recebe **{ret}** (lucro {profit}). Probabilidade implícita: {probability}.",
    },
    R.SIM_NOTHING_PLACED: {
        "en": "This is only a simulation: nothing was placed.",
        "es": "Es solo una simulación: no se ha realizado ninguna apuesta.",
        "pt": "É só uma simulação: nenhuma aposta foi feita.",
    },
    R.SELECTION_MISSING: {
        "en": "That selection isn't offered for this match right now.",
        "es": "Esa selección no está disponible para este partido ahora mismo.",
        "pt": "Essa seleção não está disponível para esta partida agora.",
    },
    R.INSUFFICIENT: {
        "en": "Your balance isn't enough for that stake, so I can't set up this bet.",
        "es": "Tu saldo no alcanza para ese importe, así que no puedo preparar esta apuesta.",
        "pt": "Seu saldo não é suficiente para esse valor, então não posso preparar esta aposta.",
    },
    R.REFUSED_LIMITS: {
        "en": "That stake is over the limits you set, so I can't set up this bet.",
        "es": "Ese importe supera los límites que pusiste, así que no puedo preparar esta apuesta.",
        "pt": "Esse valor passa dos limites que você definiu, então não posso preparar esta aposta.",
    },
    R.SLIP_DROPPED: {
        "en": "OK, I've cancelled that bet slip. Nothing was placed.",
        "es": "De acuerdo, he cancelado ese boleto. No se realizó ninguna apuesta.",
        "pt": "Certo, cancelei esse bilhete. Nenhuma aposta foi feita.",
    },
    R.NO_ALL_IN: {
        "en": "I won't set up a bet with everything you have. Staking your whole balance is a big risk; "
        "if you'd like to bet, choose a smaller amount you can afford to lose.",
        "es": "No voy a preparar una apuesta con todo tu saldo. Apostarlo todo es un gran riesgo; si quieres "
        "apostar, elige una cantidad menor que puedas permitirte perder.",
        "pt": "Não vou preparar uma aposta com todo o seu saldo. Apostar tudo é um grande risco; se quiser "
        "apostar, escolha um valor menor que você possa perder.",
    },
    R.SINGLES_ONLY: {
        "en": "I can place single bets only. I can simulate the combo for you instead.",
        "es": "Solo puedo realizar apuestas simples. Puedo simular la combinada si quieres.",
        "pt": "Só posso fazer apostas simples. Posso simular a múltipla se quiser.",
    },
    R.OVER_BALANCE: {
        "en": "I can't set up that bet: the stake ({stake}) is more than your balance ({balance}).",
        "es": "No puedo preparar esa apuesta: el importe ({stake}) supera tu saldo ({balance}).",
        "pt": "Não posso preparar essa aposta: o valor ({stake}) é maior que o seu saldo ({balance}).",
    },
    R.ALWAYS_CONFIRM: {
        "en": "I can't skip the confirmation step: every bet needs your explicit yes.",
        "es": "No puedo saltarme la confirmación: cada apuesta necesita tu sí explícito.",
        "pt": "Não posso pular a confirmação: toda aposta precisa do seu sim explícito.",
    },
    R.SLIP: {
        "en": "**Bet slip**\n\n- Selection: **{selection}** ({home} vs {away})\n- Odds: **{odds}** (as of {time} UTC)\n"
        "- Stake: **{stake}**\n- Potential return: **{ret}**",
        "es": "**Boleto de apuesta**\n\n- Selección: **{selection}** ({home} vs {away})\n- Cuota: **{odds}** (a las {time} UTC)\n"
        "- Importe: **{stake}**\n- Retorno potencial: **{ret}**",
        "pt": "**Bilhete de aposta**\n\n- Seleção: **{selection}** ({home} x {away})\n- Odd: **{odds}** (às {time} UTC)\n"
        "- Valor: **{stake}**\n- Retorno potencial: **{ret}**",
    },
    R.CONFIRM_PROMPT: {
        "en": "Nothing has been placed yet. Reply **“yes, place it”** within 5 minutes to confirm, or “no” to drop it.",
        "es": "Todavía no se ha realizado nada. Responde **“sí, confírmala”** en 5 minutos para confirmar, o “no” para descartarla.",
        "pt": "Nada foi feito ainda. Responda **“sim, confirma”** em até 5 minutos para confirmar, ou “não” para descartar.",
    },
    R.NOTHING_TO_CONFIRM: {
        "en": "There's no bet slip waiting for confirmation.",
        "es": "No hay ningún boleto pendiente de confirmación.",
        "pt": "Não há nenhum bilhete aguardando confirmação.",
    },
    R.PLACED: {
        "en": "Done: your bet of **{stake}** on **{selection}** at **{odds}** is placed (reference {ref}). "
        "Potential return: **{ret}**.",
        "es": "Hecho: tu apuesta de **{stake}** a **{selection}** con cuota **{odds}** está realizada (referencia {ref}). "
        "Retorno potencial: **{ret}**.",
        "pt": "Pronto: sua aposta de **{stake}** em **{selection}** com odd **{odds}** foi feita (referência {ref}). "
        "Retorno potencial: **{ret}**.",
    },
    R.ODDS_MOVED: {
        "en": "The odds moved from {old} to {new} since I proposed the slip, so I didn't place it. "
        "Ask again if you'd like a new slip at the current price.",
        "es": "La cuota cambió de {old} a {new} desde que te propuse el boleto, así que no la realicé. "
        "Pídemelo de nuevo si quieres un boleto con la cuota actual.",
        "pt": "A odd mudou de {old} para {new} desde que propus o bilhete, então não fiz a aposta. "
        "Peça de novo se quiser um bilhete com a odd atual.",
    },
    R.SLIP_EXPIRED: {
        "en": "That bet slip expired before it was confirmed, so nothing was placed. Ask again for a fresh one.",
        "es": "Ese boleto caducó antes de confirmarse, así que no se realizó nada. Pídeme uno nuevo.",
        "pt": "Esse bilhete expirou antes da confirmação, então nada foi feito. Peça um novo.",
    },
    R.BET_UNCONFIRMED: {
        "en": "I sent your bet of **{stake}** on **{selection}**, but the bookmaker didn't answer in time, so "
        "it is **being checked** now. Please **don't place it again by hand**: it may already be placed. "
        "Check your bets or balance in a few minutes.",
        "es": "Envié tu apuesta de **{stake}** a **{selection}**, pero la casa de apuestas no respondió a tiempo, "
        "así que **la estamos comprobando**. **No la vuelvas a hacer a mano**: puede que ya esté realizada. "
        "Revisa tus apuestas o tu saldo en unos minutos.",
        "pt": "Enviei sua aposta de **{stake}** em **{selection}**, mas a casa de apostas não respondeu a tempo, "
        "então ela **está sendo verificada**. **Não a faça de novo manualmente**: ela pode já ter sido feita. "
        "Confira suas apostas ou seu saldo em alguns minutos.",
    },
    R.PROVIDER_REJECTED: {
        "en": "The bookmaker didn't accept the bet, so nothing was placed.",
        "es": "La casa de apuestas no aceptó la apuesta, así que no se realizó.",
        "pt": "A casa de apostas não aceitou a aposta, então nada foi feito.",
    },
    R.BALANCE: {
        "en": "Your balance is **{money}** (playable: {playable}).",
        "es": "Tu saldo es **{money}** (disponible para jugar: {playable}).",
        "pt": "Seu saldo é **{money}** (disponível para jogar: {playable}).",
    },
    R.BALANCE_UNAVAILABLE: {
        "en": "I can't reach the balance service right now. Please try again in a moment.",
        "es": "Ahora mismo no puedo consultar el saldo. Inténtalo de nuevo en un momento.",
        "pt": "No momento não consigo consultar o saldo. Tente de novo daqui a pouco.",
    },
    R.NO_ARTICLE: {
        "en": "I don't have an explanation for that yet. Try asking about odds formats, markets or combos.",
        "es": "Aún no tengo una explicación para eso. Prueba a preguntar por formatos de cuota, mercados o combinadas.",
        "pt": "Ainda não tenho uma explicação para isso. Pergunte sobre formatos de odds, mercados ou múltiplas.",
    },
    R.HELP_RESOURCES: {
        "en": "If gambling is causing you problems, free and confidential help is available:",
        "es": "Si el juego te está causando problemas, hay ayuda gratuita y confidencial:",
        "pt": "Se o jogo está causando problemas, há ajuda gratuita e confidencial:",
    },
    R.ASK_EXCLUSION_PERIOD: {
        "en": "I can exclude you from betting right away. For how long: 6 months, 1 year, or longer?",
        "es": "Puedo excluirte de las apuestas ahora mismo. ¿Por cuánto tiempo: 6 meses, 1 año o más?",
        "pt": "Posso excluir você das apostas agora mesmo. Por quanto tempo: 6 meses, 1 ano ou mais?",
    },
    R.EXCLUDED: {
        "en": "Done. You are self-excluded from betting until **{until}**, starting now. It can't be shortened, "
        "and I won't suggest, simulate or place bets until then.",
        "es": "Hecho. Estás autoexcluido de las apuestas hasta el **{until}**, desde ahora. No se puede acortar "
        "y no sugeriré, simularé ni realizaré apuestas hasta entonces.",
        "pt": "Pronto. Você está autoexcluído das apostas até **{until}**, a partir de agora. Não pode ser "
        "encurtado, e não vou sugerir, simular nem fazer apostas até lá.",
    },
    R.COOLING_OFF: {
        "en": "Your break has started: no betting until **{until}**.",
        "es": "Tu pausa ha comenzado: sin apuestas hasta el **{until}**.",
        "pt": "Sua pausa começou: sem apostas até **{until}**.",
    },
    R.LIMIT_NOW: {
        "en": "Your {period} stake limit is now **{amount}**, effective immediately.",
        "es": "Tu límite {period} ahora es **{amount}**, con efecto inmediato.",
        "pt": "Seu limite {period} agora é **{amount}**, com efeito imediato.",
    },
    R.LIMIT_LATER: {
        "en": "Raising your {period} limit to **{amount}** takes effect in 24 hours; until then the current limit applies.",
        "es": "Subir tu límite {period} a **{amount}** tendrá efecto en 24 horas; hasta entonces se aplica el actual.",
        "pt": "Aumentar seu limite {period} para **{amount}** vale em 24 horas; até lá vale o limite atual.",
    },
    R.PERIODS: {
        "en": "per-bet|daily|weekly",
        "es": "por apuesta|diario|semanal",
        "pt": "por aposta|diário|semanal",
    },
    R.HARM_SUPPORT: {
        "en": "I'm sorry you're going through this. Trying to win back losses usually makes things worse, and "
        "no bet can be counted on. It might help to take a break and talk to someone.",
        "es": "Siento que estés pasando por esto. Intentar recuperar lo perdido suele empeorar las cosas y ninguna "
        "apuesta es segura. Puede ayudarte tomar un descanso y hablar con alguien.",
        "pt": "Sinto muito que você esteja passando por isso. Tentar recuperar perdas costuma piorar as coisas e "
        "nenhuma aposta é garantida. Pode ajudar fazer uma pausa e conversar com alguém.",
    },
    R.PAUSED_NOTE: {
        "en": "I've paused betting suggestions in this conversation. If you want, I can set limits or exclude you from betting for a while.",
        "es": "He pausado las sugerencias de apuestas en esta conversación. Si quieres, puedo poner límites o excluirte de las apuestas un tiempo.",
        "pt": "Pausei as sugestões de apostas nesta conversa. Se quiser, posso definir limites ou excluir você das apostas por um tempo.",
    },
    R.RG_INFO: {
        "en": "You're in control: you can set stake limits per bet, day or week, take a short break, or "
        "self-exclude for months. Lower limits and exclusions apply immediately.",
        "es": "Tú tienes el control: puedes poner límites por apuesta, día o semana, tomarte una pausa o "
        "autoexcluirte durante meses. Los límites más bajos y las exclusiones se aplican al instante.",
        "pt": "Você está no controle: pode definir limites por aposta, dia ou semana, fazer uma pausa ou se "
        "autoexcluir por meses. Limites menores e exclusões valem na hora.",
    },
}
