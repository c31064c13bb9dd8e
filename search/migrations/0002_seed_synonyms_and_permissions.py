"""Seed the search vocabulary with the field's equivalences and let moderators keep it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = [
    (["net zero", "carbon neutrality", "climate neutrality", "carbon neutral", "climate neutral"],
     "Targets of balancing emissions and removals."),
    (["LT-LEDS", "long-term strategy", "LTS", "long-term low emission development strategy",
      "long-term low greenhouse gas emission development strategy"],
     "The strategies of Article 4.19 of the Paris Agreement."),
    (["AFOLU", "land use", "agriculture, forestry and other land use"], "The IPCC sector."),
    (["LULUCF", "land use, land-use change and forestry"], "The inventory sector."),
    (["NDC", "nationally determined contribution"], "Paris Agreement pledges."),
    (["GHG", "greenhouse gas"], ""),
    (["UNFCCC", "United Nations Framework Convention on Climate Change"], ""),
    (["decarbonisation", "decarbonization"], "British and American spelling."),
    (["MRV", "measurement, reporting and verification", "monitoring, reporting and verification"], ""),
    (["ETS", "emissions trading system", "emissions trading scheme", "cap and trade"], ""),
    (["CCS", "carbon capture and storage"], ""),
    (["EV", "electric vehicle"], ""),
    (["BRT", "bus rapid transit"], ""),
    (["renewables", "renewable energy"], ""),
    (["energy efficiency", "efficient energy use"], ""),
]

PERMISSIONS = [f"{action}_synonymgroup" for action in ("add", "change", "delete", "view")]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms, note in GROUPS:
        SynonymGroup.objects.get_or_create(terms="\n".join(terms), defaults={"note": note})

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="search", codename__in=PERMISSIONS)
    for name in ["Moderators", "Administrators"]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(
        terms__in=["\n".join(terms) for terms, _ in GROUPS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_outbox_and_synonyms"),
        ("members", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
