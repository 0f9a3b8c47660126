"""Aliases as data reach understanding: stored aliases apply to whatever the sync calls a club or
competition (matched by normalized name), operators' changes apply, disabled aliases do not."""

from __future__ import annotations

import datetime as dt

import pytest
from asgiref.sync import sync_to_async

from conversations.assistant import catalog_store
from conversations.assistant.understanding import understand
from conversations.tests.test_turn import ask, start
from sportsdata.models import Sport, Team, TeamAlias, Tournament

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def synced():
    """Clubs and competitions named the way a provider might: prefixes, accents, other spellings."""
    football = Sport.objects.create(
        provider_id="1", name_en="Football", name_es="Fútbol", name_pt_br="Futebol"
    )
    Tournament.objects.create(provider_id="c-br", sport=football, name_en="Brasileirão Série A")
    Tournament.objects.create(provider_id="c-sco", sport=football, name_en="Scottish Premiership")
    Tournament.objects.create(provider_id="c-lib", sport=football, name_en="CONMEBOL Libertadores")
    for provider_id, name in (
        ("t-cor", "Corinthians"), ("t-pal", "SE Palmeiras"), ("t-boc", "Boca Juniors"),
        ("t-riv", "CA River Plate"), ("t-por", "FC Porto"), ("t-ame", "Club America"),
        ("t-juv", "Juventus FC"), ("t-sao", "Sao Paulo"),
    ):  # fmt: skip
        Team.objects.create(provider_id=provider_id, sport=football, name_en=name)
    catalog_store.catalog_invalidate()
    yield
    catalog_store.catalog_invalidate()


def _read(text: str):
    return understand(text, catalog=catalog_store.catalog_current(), context=None, today=TODAY)


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("Odds for Timão vs Verdão", ["t-cor", "t-pal"]),
        ("¿Cuánto pagan los Xeneizes contra los Millonarios?", ["t-boc", "t-riv"]),
        ("Quanto paga os Dragões?", ["t-por"]),
        ("When do Las Águilas play?", ["t-ame"]),
        ("odds for La Vecchia Signora", ["t-juv"]),
        ("e o Tricolor Paulista?", ["t-sao"]),
        ("Superclásico odds", ["t-boc", "t-riv"]),
    ],
)
def test_stored_nicknames_apply_to_the_synced_clubs(synced, text, teams):
    assert _read(text).teams == teams


@pytest.mark.parametrize(
    ("text", "tournament"),
    [
        ("games in the Scottish league this weekend", "c-sco"),
        ("partidos de la liga escocesa", "c-sco"),
        ("jogos do Brasileirão", "c-br"),
        ("who plays in the Libertadores?", "c-lib"),
        ("partidos de la Libertadores", "c-lib"),
    ],
)
def test_stored_competition_aliases_apply(synced, text, tournament):
    assert _read(text).tournament == tournament


def test_an_operator_alias_applies_and_a_disabled_one_does_not(synced):
    TeamAlias.objects.create(target="Porto", name="Os Azuis e Brancos")
    catalog_store.catalog_invalidate()
    assert _read("odds for os Azuis e Brancos").teams == ["t-por"]

    TeamAlias.objects.filter(target="Porto").update(enabled=False)
    catalog_store.catalog_invalidate()
    assert _read("Quanto paga os Dragões?").teams == []


def test_aliases_of_clubs_the_sync_does_not_carry_are_inert(synced):
    result = _read("odds for the Gunners")
    assert result.teams == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("when does boca juniors play?", "couldn't find Boca Juniors"),
        ("¿cuándo juega el flamengo?", "No encontré a Flamengo"),
    ],
)
async def test_an_unknown_club_is_said_plainly_not_a_list_of_other_fixtures(chatbet, text, said):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    assert said in reply.content
    assert reply.tool_calls == []


def test_derbies_from_the_data_file_name_both_clubs(synced):
    Team.objects.create(provider_id="t-tig", sport=Sport.objects.get(provider_id="1"), name_en="Tigres UANL")
    Team.objects.create(provider_id="t-mty", sport=Sport.objects.get(provider_id="1"), name_en="Monterrey")
    catalog_store.catalog_invalidate()
    assert _read("cuotas del clásico regio").teams == ["t-tig", "t-mty"]
