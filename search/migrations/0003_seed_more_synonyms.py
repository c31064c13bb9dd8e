"""More of the field's everyday equivalences (issue 11), editable by moderators like the first ones.

Groups seeded by 0002 that these extend are updated only if a moderator has not edited them since
(their terms are still exactly as seeded); otherwise the new terms come as a group of their own.
"""

from django.db import migrations

EXTENDED = [
    # (as 0002 seeded it, as it becomes)
    (["EV", "electric vehicle"], ["EV", "electric vehicle", "electric car"]),
    (
        ["AFOLU", "land use", "agriculture, forestry and other land use"],
        ["AFOLU", "land use", "agriculture, forestry and other land use", "agriculture", "forestry"],
    ),
]

GROUPS = [
    (["tram", "light rail", "streetcar"], "Rail in the street; named differently by city and country."),
    (["retrofit", "renovation", "refurbishment"], "Upgrading existing buildings."),
    (["PV", "photovoltaic", "solar panel"], "Solar electricity."),
    (["cycle lane", "bike lane", "bicycle lane"], ""),
    (["public transport", "public transit", "mass transit"], ""),
    (["carbon pricing", "carbon price", "carbon tax"], "Putting a price on emissions."),
    (["green bond", "climate bond"], ""),
    (["nature-based solutions", "NbS"], ""),
    (["TOD", "transit-oriented development"], ""),
    (["just transition", "fair transition"], ""),
    (["air quality", "air pollution"], "People looking for one want the other."),
    (["CO2", "carbon dioxide"], ""),
    (["CH4", "methane"], ""),
    (["MSW", "municipal solid waste"], ""),
    (["GHG inventory", "emissions inventory"], ""),
    (["heat pump", "air-source heat pump", "ground-source heat pump"], ""),
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for before, after in EXTENDED:
        updated = SynonymGroup.objects.filter(terms="\n".join(before)).update(terms="\n".join(after))
        if not updated:
            SynonymGroup.objects.get_or_create(terms="\n".join(after))
    for terms, note in GROUPS:
        SynonymGroup.objects.get_or_create(terms="\n".join(terms), defaults={"note": note})


def unseed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=["\n".join(terms) for terms, _ in GROUPS]).delete()
    for before, after in EXTENDED:
        SynonymGroup.objects.filter(terms="\n".join(after)).update(terms="\n".join(before))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_seed_synonyms_and_permissions")]

    operations = [migrations.RunPython(seed, unseed)]
