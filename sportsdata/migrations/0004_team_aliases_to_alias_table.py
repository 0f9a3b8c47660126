"""Per-team alias lists move into the alias table (one place where operators keep aliases)."""

from django.db import migrations

from sportsdata.names import name_normalized


def team_aliases_copy(apps, schema_editor):
    Team = apps.get_model("sportsdata", "Team")
    TeamAlias = apps.get_model("sportsdata", "TeamAlias")
    existing = set(TeamAlias.objects.values_list("target", "normalized"))
    rows = []
    for team in Team.objects.exclude(aliases=[]).only("name_en", "aliases"):
        for alias in team.aliases or []:
            key = (team.name_en, name_normalized(str(alias)))
            if key[1] and key not in existing:
                existing.add(key)
                rows.append(TeamAlias(target=key[0], name=str(alias).strip(), normalized=key[1], kind="nickname"))
    TeamAlias.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ('sportsdata', '0003_aliases'),
    ]

    operations = [
        migrations.RunPython(team_aliases_copy, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='team',
            name='aliases',
        ),
    ]
