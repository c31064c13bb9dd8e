"""Seed the controlled vocabularies with the terms of PRODUCT.md and their definitions."""

from django.db import migrations
from django.utils.text import slugify

TERMS = {
    "Sector": [
        ("Energy supply", "Generation, transmission and distribution of electricity, heat and fuels."),
        ("Transport", "Movement of people and goods by road, rail, water and air, and the systems that serve it."),
        ("Buildings", "Energy use and emissions of residential and commercial buildings over their life."),
        ("Industry", "Manufacturing and industrial processes, including process emissions and industrial heat."),
        ("AFOLU", "Agriculture, forestry and other land use: emissions and removals from farming and land."),
        ("Waste", "Solid waste, wastewater and their treatment, including methane from landfills."),
        ("Cross-sectoral", "Economy-wide measures and strategies that span several sectors."),
    ],
    "ActorType": [
        ("National government", "A country's central government and its ministries and agencies."),
        ("Subnational region", "A state, province or region with its own government."),
        ("City", "A municipality or metropolitan authority."),
        ("Business", "A company or business association."),
        ("Investor", "An asset owner, asset manager, bank or other financial institution."),
        ("NGO / civil society", "A non-governmental organisation, foundation or community group."),
        ("Academia", "A university, research institute or think tank."),
        ("International organisation", "An intergovernmental body or multilateral institution."),
    ],
    "StrategyStage": [
        ("Scoping", "Deciding the strategy's goals, scope, governance and process."),
        ("Pathway modelling", "Building and comparing emission pathways and scenarios towards the goal."),
        ("Consultation", "Engaging stakeholders and the public on the draft strategy."),
        ("Adopted", "The strategy has been formally adopted by the responsible authority."),
        ("Submitted to UNFCCC", "The long-term strategy has been communicated to the UNFCCC."),
        ("Implementing", "Near-term policies and plans are being aligned with the strategy."),
        ("Revising", "The strategy is being reviewed and updated."),
    ],
    "CoBenefit": [
        ("Socio-economic benefits", "Economic and social gains of the transition to net-zero greenhouse gases."),
        ("Climate resilience", "Building economies and communities that withstand climate impacts."),
        ("Accelerated climate action", "Climate action at the speed and scale the Paris Agreement needs."),
        ("Jobs", "Employment created or retained by the measures."),
        ("Health and air quality", "Cleaner air and other health gains."),
        ("Energy security", "More reliable, affordable and domestic energy supply."),
        ("Just transition", "A fair transition for workers and communities affected by it."),
        ("Biodiversity", "Protection and restoration of ecosystems and species."),
    ],
    "ToolType": [
        ("Model", "Software that simulates energy, emissions or economic pathways."),
        ("Guidebook", "Step-by-step guidance for a task or process."),
        ("Dataset", "Data that strategies can draw on, with its sources."),
        ("Methodology", "A documented method, for example for inventories or target setting."),
        ("Calculator", "A simple tool that computes emissions, costs or savings from inputs."),
        ("Training", "Courses and learning material."),
        ("Template", "A reusable document structure, such as a strategy outline."),
        ("Platform", "An online service that hosts data, tools or exchange."),
    ],
    "PolicyInstrument": [
        ("Carbon pricing", "Carbon taxes and emissions trading systems."),
        ("Regulation and standards", "Mandatory rules, such as efficiency or emission standards."),
        ("Fiscal incentives", "Subsidies, tax credits and other financial incentives."),
        ("Public investment", "Direct public spending on infrastructure and programmes."),
        ("Information and labelling", "Disclosure, labels and awareness campaigns."),
        ("Voluntary agreements", "Commitments negotiated with businesses or sectors."),
        ("Planning and zoning", "Land-use, spatial and infrastructure planning."),
        ("Research and innovation", "Support for research, development and demonstration."),
    ],
}


def seed(apps, schema_editor):
    for model_name, terms in TERMS.items():
        model = apps.get_model("vocabularies", model_name)
        for order, (name, definition) in enumerate(terms):
            model.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "definition": definition, "sort_order": order * 10}
            )


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
