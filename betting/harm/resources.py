"""Where to get help with gambling, per language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HelpResource:
    name: str
    url: str
    phone: str | None = None


_HELP_RESOURCES: dict[str, tuple[HelpResource, ...]] = {
    "en": (
        HelpResource("BeGambleAware (National Gambling Helpline, UK)", "https://www.begambleaware.org", "0808 8020 133"),
        HelpResource("National Council on Problem Gambling (US)", "https://www.ncpgambling.org", "1-800-GAMBLER"),
        HelpResource("Gamblers Anonymous", "https://www.gamblersanonymous.org"),
        HelpResource("GAMSTOP (UK self-exclusion)", "https://www.gamstop.co.uk"),
    ),
    "es": (
        HelpResource("FEJAR (Federación Española de Jugadores de Azar Rehabilitados)", "https://www.fejar.org", "900 200 225"),
        HelpResource("Jugar Bien (Dirección General de Ordenación del Juego)", "https://www.jugarbien.es"),
        HelpResource("Jugadores Anónimos (Gamblers Anonymous)", "https://www.gamblersanonymous.org"),
    ),
    "pt": (
        HelpResource("Jogadores Anônimos", "https://www.jogadoresanonimos.com.br"),
        HelpResource("CVV — Centro de Valorização da Vida (24h)", "https://www.cvv.org.br", "188"),
    ),
}  # fmt: skip


def help_resources(language: str) -> list[HelpResource]:
    """Help organisations for ``language`` ("es", "pt-BR", ...); English ones for anything else."""
    return list(_HELP_RESOURCES.get(language[:2].lower(), _HELP_RESOURCES["en"]))
