"""The everyday French and Spanish words for electric cars in the cross-language group (issue 11).

"electric cars" reaches "electric vehicle" through 0003's group; "voitures électriques" and
"coches eléctricos" found nothing, as 0004 named only the vehicles. As in 0003, the group is
updated only if a moderator has not edited it since; otherwise the terms come as a group of their own.
"""

from django.db import migrations

BEFORE = ["electric vehicle", "vehículo eléctrico", "véhicule électrique"]
# With "EV" and "electric car" too (0003's English group): groups do not chain, and a French
# reader's "voitures électriques" must reach what "EV" names.
AFTER = [*BEFORE, "EV", "electric car", "voiture électrique", "coche eléctrico", "auto eléctrico"]
NOTE = "The same words in English, French and Spanish."


def extend(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    if not SynonymGroup.objects.filter(terms="\n".join(BEFORE)).update(terms="\n".join(AFTER)):
        SynonymGroup.objects.get_or_create(terms="\n".join(AFTER), defaults={"note": NOTE})


def restore(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(terms="\n".join(AFTER)).update(terms="\n".join(BEFORE))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_seed_cross_language_synonyms")]

    operations = [migrations.RunPython(extend, restore)]
