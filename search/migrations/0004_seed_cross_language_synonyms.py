"""Equivalences across English, French and Spanish (issue 15), editable by moderators like the others.

A French or Spanish practitioner types the field's words in their language ("transporte urbano",
"stratégie à long terme"); most of the library is written in English. The vocabularies' labels
already meet across languages (every document carries its terms' labels in the three languages);
these groups cover the everyday words and phrases that are not terms. Expanded at query time
(search.synonyms), so a moderator's edit applies at once.
"""

from django.db import migrations

NOTE = "The same words in English, French and Spanish."
GROUPS = [
    # "City transport": what is filed under Transport and the City actor type, as most urban cases are.
    ["urban transport", "city transport", "transporte urbano", "transport urbain", "transports urbains"],
    ["public transport", "transporte público", "transports en commun", "transport public"],
    ["urban mobility", "movilidad urbana", "mobilité urbaine"],
    ["electric vehicle", "vehículo eléctrico", "véhicule électrique"],
    ["electric bus", "autobús eléctrico", "bus eléctrico", "bus électrique"],
    ["cycle lane", "ciclovía", "carril bici", "piste cyclable"],
    ["energy efficiency", "eficiencia energética", "efficacité énergétique"],
    ["renewable energy", "energía renovable", "énergie renouvelable"],
    ["heat pump", "bomba de calor", "pompe à chaleur"],
    ["district heating", "calefacción urbana", "réseau de chaleur", "chauffage urbain"],
    ["energy renovation", "rehabilitación energética", "rénovation énergétique"],
    ["long-term strategy", "estrategia a largo plazo", "stratégie à long terme", "stratégie de long terme"],
    ["net zero", "cero emisiones netas", "zéro émission nette", "neutralité carbone", "neutralidad de carbono"],
    ["climate change", "cambio climático", "changement climatique"],
    ["strategy", "estrategia", "stratégie"],
    ["city", "ciudad", "ville"],
    ["urban", "urbano", "urbana", "urbain", "urbaine"],
    ["energy", "energía", "énergie"],
    ["emissions", "emisiones", "émissions"],
    ["housing", "vivienda", "logement"],
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms in GROUPS:
        SynonymGroup.objects.get_or_create(terms="\n".join(terms), defaults={"note": NOTE})


def unseed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=["\n".join(terms) for terms in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_seed_more_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]
