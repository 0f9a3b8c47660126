"""Team and tournament aliases: seeded from the committed data file on migrate, idempotently,
keeping what operators changed."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sportsdata.models import TeamAlias, TournamentAlias
from sportsdata.services.aliases import alias_entries_read, aliases_seed

pytestmark = pytest.mark.django_db


def test_the_data_file_covers_the_leagues_people_bet_on():
    teams, tournaments = alias_entries_read()
    targets = {entry.target for entry in teams}
    for club in (
        "Arsenal", "Barcelona", "Juventus", "Bayern Munich", "Paris Saint-Germain", "Benfica", "Boca Juniors",
        "Corinthians", "Guadalajara", "Millonarios", "Colo-Colo", "Los Angeles Lakers",
    ):  # fmt: skip
        assert club in targets
    names = {(entry.target, entry.name) for entry in teams}
    for target, nickname in (
        ("Barcelona", "Barça"), ("Real Madrid", "Los Blancos"), ("Tottenham Hotspur", "Spurs"),
        ("Corinthians", "Timão"), ("Palmeiras", "Verdão"), ("Juventus", "La Vecchia Signora"),
        ("Arsenal", "Gunners"), ("Boca Juniors", "Xeneizes"), ("River Plate", "Millonarios"),
    ):  # fmt: skip
        assert (target, nickname) in names
    competitions = {entry.target for entry in tournaments}
    for competition in ("UEFA Champions League", "Copa Libertadores", "Copa Sudamericana", "NBA", "Liga MX"):
        assert competition in competitions


def test_migrate_seeded_the_aliases():
    alias = TeamAlias.objects.get(target="Barcelona", normalized="barca")
    assert (alias.name, alias.kind, alias.enabled) == ("Barça", "short", True)
    assert TournamentAlias.objects.filter(target="Premier League", normalized="la liga inglesa").exists()


def test_seeding_again_adds_nothing_and_keeps_operator_changes():
    TeamAlias.objects.filter(target="Arsenal", normalized="gunners").update(enabled=False)
    TeamAlias.objects.filter(target="Chelsea", normalized="the blues").delete()
    TeamAlias.objects.create(target="Arsenal", name="Arteta's men")

    counts = aliases_seed()

    assert counts == {"team_aliases": 1, "tournament_aliases": 0}  # only the deleted one comes back
    assert TeamAlias.objects.get(target="Arsenal", normalized="gunners").enabled is False
    assert TeamAlias.objects.filter(target="Chelsea", normalized="the blues").exists()
    assert TeamAlias.objects.get(target="Arsenal", normalized="artetas men").name == "Arteta's men"
    assert aliases_seed() == {"team_aliases": 0, "tournament_aliases": 0}


def test_seeding_a_file(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "teams:\n  - {name: Club Atlético Test, short: [Testers], nickname_es: [Los Probadores]}\n"
        "tournaments:\n  - {name: Test League, official: [The Test League]}\n",
        encoding="utf-8",
    )
    call_command("load_aliases", "--file", str(path))

    short = TeamAlias.objects.get(target="Club Atlético Test", normalized="testers")
    nickname = TeamAlias.objects.get(target="Club Atlético Test", normalized="los probadores")
    assert (short.kind, short.language, nickname.kind, nickname.language) == ("short", "", "nickname", "es")
    assert TournamentAlias.objects.get(target="Test League").kind == "official"
    assert aliases_seed(path=path) == {"team_aliases": 0, "tournament_aliases": 0}


def test_the_normalized_name_is_kept_on_save():
    alias = TeamAlias.objects.create(target="Porto", name="  Dragões Azuis ")
    assert alias.normalized == "dragoes azuis"


def test_operators_add_and_find_aliases_in_admin(admin_client):
    response = admin_client.post(
        "/admin/sportsdata/teamalias/add/",
        {
            "target": "Sporting CP",
            "name": "Os Leões de Alvalade",
            "kind": "nickname",
            "language": "pt",
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    alias = TeamAlias.objects.get(target="Sporting CP", normalized="os leoes de alvalade")
    assert (alias.kind, alias.language) == ("nickname", "pt")

    page = admin_client.get("/admin/sportsdata/teamalias/", {"q": "leoes de alvalade"})
    assert page.status_code == 200
    assert "Os Leões de Alvalade" in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_per_team_alias_lists_move_into_the_alias_table():
    executor = MigrationExecutor(connection)
    executor.migrate([("sportsdata", "0003_aliases")])
    old = executor.loader.project_state([("sportsdata", "0003_aliases")]).apps
    sport = old.get_model("sportsdata", "Sport").objects.create(provider_id="1", name_en="Football")
    old.get_model("sportsdata", "Team").objects.create(
        provider_id="9", sport=sport, name_en="Club Atlético Test", aliases=["Los Probadores", "Barça"]
    )

    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    moved = TeamAlias.objects.filter(target="Club Atlético Test")
    assert set(moved.values_list("normalized", "kind")) == {
        ("los probadores", "nickname"),
        ("barca", "nickname"),
    }
