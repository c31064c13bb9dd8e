"""French and Spanish names and definitions of the seeded terms (0002), by slug.

Only blank fields are filled, so a moderator's own translation is never overwritten. Names follow
the usage of the UNFCCC and IPCC texts in each language (CCNUCC / CMNUCC, AFAT for AFOLU in French).
"""

from django.db import migrations

# slug: (French name, French definition, Spanish name, Spanish definition)
TRANSLATIONS = {
    "Sector": {
        "energy-supply": (
            "Approvisionnement énergétique",
            "Production, transport et distribution d'électricité, de chaleur et de combustibles.",
            "Suministro de energía",
            "Generación, transmisión y distribución de electricidad, calor y combustibles.",
        ),
        "transport": (
            "Transports",
            "Déplacement des personnes et des marchandises par la route, le rail, l'eau et l'air, "
            "et les systèmes qui le permettent.",
            "Transporte",
            "Movimiento de personas y mercancías por carretera, ferrocarril, agua y aire, y los "
            "sistemas que lo hacen posible.",
        ),
        "buildings": (
            "Bâtiments",
            "Consommation d'énergie et émissions des bâtiments résidentiels et tertiaires sur tout "
            "leur cycle de vie.",
            "Edificios",
            "Consumo de energía y emisiones de los edificios residenciales y comerciales a lo largo "
            "de su vida útil.",
        ),
        "industry": (
            "Industrie",
            "Industrie manufacturière et procédés industriels, y compris les émissions de procédés "
            "et la chaleur industrielle.",
            "Industria",
            "Manufactura y procesos industriales, incluidas las emisiones de proceso y el calor industrial.",
        ),
        "afolu": (
            "AFAT",
            "Agriculture, foresterie et autres affectations des terres : émissions et absorptions "
            "liées à l'agriculture et aux terres.",
            "AFOLU",
            "Agricultura, silvicultura y otros usos de la tierra: emisiones y absorciones de la "
            "agricultura y de la tierra.",
        ),
        "waste": (
            "Déchets",
            "Déchets solides, eaux usées et leur traitement, y compris le méthane des décharges.",
            "Residuos",
            "Residuos sólidos, aguas residuales y su tratamiento, incluido el metano de los vertederos.",
        ),
        "cross-sectoral": (
            "Transversal",
            "Mesures et stratégies à l'échelle de l'économie qui couvrent plusieurs secteurs.",
            "Intersectorial",
            "Medidas y estrategias para toda la economía que abarcan varios sectores.",
        ),
    },
    "ActorType": {
        "national-government": (
            "Gouvernement national",
            "Le gouvernement central d'un pays, ses ministères et ses agences.",
            "Gobierno nacional",
            "El gobierno central de un país, sus ministerios y sus organismos.",
        ),
        "subnational-region": (
            "Région infranationale",
            "Un État fédéré, une province ou une région dotée de son propre gouvernement.",
            "Región subnacional",
            "Un estado, una provincia o una región con gobierno propio.",
        ),
        "city": (
            "Ville",
            "Une commune ou une autorité métropolitaine.",
            "Ciudad",
            "Un municipio o una autoridad metropolitana.",
        ),
        "business": (
            "Entreprise",
            "Une entreprise ou une organisation professionnelle.",
            "Empresa",
            "Una empresa o una asociación empresarial.",
        ),
        "investor": (
            "Investisseur",
            "Un propriétaire ou un gestionnaire d'actifs, une banque ou une autre institution financière.",
            "Inversor",
            "Un propietario o gestor de activos, un banco u otra institución financiera.",
        ),
        "ngo-civil-society": (
            "ONG / société civile",
            "Une organisation non gouvernementale, une fondation ou un groupe citoyen.",
            "ONG / sociedad civil",
            "Una organización no gubernamental, una fundación o un grupo comunitario.",
        ),
        "academia": (
            "Recherche et université",
            "Une université, un institut de recherche ou un groupe de réflexion.",
            "Academia",
            "Una universidad, un instituto de investigación o un centro de estudios.",
        ),
        "international-organisation": (
            "Organisation internationale",
            "Un organisme intergouvernemental ou une institution multilatérale.",
            "Organización internacional",
            "Un organismo intergubernamental o una institución multilateral.",
        ),
    },
    "StrategyStage": {
        "scoping": (
            "Cadrage",
            "Définir les objectifs, le périmètre, la gouvernance et le processus de la stratégie.",
            "Definición del alcance",
            "Definir los objetivos, el alcance, la gobernanza y el proceso de la estrategia.",
        ),
        "pathway-modelling": (
            "Modélisation des trajectoires",
            "Construire et comparer des trajectoires d'émissions et des scénarios vers l'objectif.",
            "Modelización de trayectorias",
            "Construir y comparar trayectorias de emisiones y escenarios hacia la meta.",
        ),
        "consultation": (
            "Consultation",
            "Associer les parties prenantes et le public au projet de stratégie.",
            "Consulta",
            "Hacer partícipes a las partes interesadas y al público del borrador de la estrategia.",
        ),
        "adopted": (
            "Adoptée",
            "La stratégie a été formellement adoptée par l'autorité compétente.",
            "Adoptada",
            "La estrategia ha sido adoptada formalmente por la autoridad responsable.",
        ),
        "submitted-to-unfccc": (
            "Soumise à la CCNUCC",
            "La stratégie à long terme a été communiquée à la CCNUCC.",
            "Presentada a la CMNUCC",
            "La estrategia a largo plazo se ha comunicado a la CMNUCC.",
        ),
        "implementing": (
            "Mise en œuvre",
            "Les politiques et les plans à court terme sont alignés sur la stratégie.",
            "Implementación",
            "Las políticas y los planes a corto plazo se están alineando con la estrategia.",
        ),
        "revising": (
            "Révision",
            "La stratégie est en cours de réexamen et de mise à jour.",
            "Revisión",
            "La estrategia se está revisando y actualizando.",
        ),
    },
    "CoBenefit": {
        "socio-economic-benefits": (
            "Bénéfices socio-économiques",
            "Gains économiques et sociaux de la transition vers zéro émission nette de gaz à effet de serre.",
            "Beneficios socioeconómicos",
            "Beneficios económicos y sociales de la transición hacia cero emisiones netas de gases de "
            "efecto invernadero.",
        ),
        "climate-resilience": (
            "Résilience climatique",
            "Bâtir des économies et des communautés capables de résister aux impacts du climat.",
            "Resiliencia climática",
            "Construir economías y comunidades capaces de resistir los impactos del clima.",
        ),
        "accelerated-climate-action": (
            "Action climatique accélérée",
            "Une action climatique à la vitesse et à l'échelle qu'exige l'Accord de Paris.",
            "Acción climática acelerada",
            "Acción climática a la velocidad y la escala que exige el Acuerdo de París.",
        ),
        "jobs": (
            "Emplois",
            "Emplois créés ou maintenus grâce aux mesures.",
            "Empleo",
            "Puestos de trabajo creados o mantenidos gracias a las medidas.",
        ),
        "health-and-air-quality": (
            "Santé et qualité de l'air",
            "Un air plus pur et d'autres bénéfices pour la santé.",
            "Salud y calidad del aire",
            "Un aire más limpio y otros beneficios para la salud.",
        ),
        "energy-security": (
            "Sécurité énergétique",
            "Un approvisionnement énergétique plus fiable, plus abordable et plus national.",
            "Seguridad energética",
            "Un suministro de energía más fiable, más asequible y más propio.",
        ),
        "just-transition": (
            "Transition juste",
            "Une transition équitable pour les travailleurs et les communautés qu'elle touche.",
            "Transición justa",
            "Una transición equitativa para los trabajadores y las comunidades afectados.",
        ),
        "biodiversity": (
            "Biodiversité",
            "Protection et restauration des écosystèmes et des espèces.",
            "Biodiversidad",
            "Protección y restauración de los ecosistemas y las especies.",
        ),
    },
    "ToolType": {
        "model": (
            "Modèle",
            "Logiciel qui simule des trajectoires énergétiques, d'émissions ou économiques.",
            "Modelo",
            "Software que simula trayectorias energéticas, de emisiones o económicas.",
        ),
        "guidebook": (
            "Guide pratique",
            "Des conseils pas à pas pour une tâche ou un processus.",
            "Guía práctica",
            "Orientación paso a paso para una tarea o un proceso.",
        ),
        "dataset": (
            "Jeu de données",
            "Des données sur lesquelles les stratégies peuvent s'appuyer, avec leurs sources.",
            "Conjunto de datos",
            "Datos en los que pueden apoyarse las estrategias, con sus fuentes.",
        ),
        "methodology": (
            "Méthodologie",
            "Une méthode documentée, par exemple pour les inventaires ou la fixation d'objectifs.",
            "Metodología",
            "Un método documentado, por ejemplo para los inventarios o la fijación de metas.",
        ),
        "calculator": (
            "Calculateur",
            "Un outil simple qui calcule des émissions, des coûts ou des économies à partir de données saisies.",
            "Calculadora",
            "Una herramienta sencilla que calcula emisiones, costes o ahorros a partir de unos datos.",
        ),
        "training": (
            "Formation",
            "Cours et supports d'apprentissage.",
            "Formación",
            "Cursos y materiales de aprendizaje.",
        ),
        "template": (
            "Modèle de document",
            "Une structure de document réutilisable, comme le plan type d'une stratégie.",
            "Plantilla",
            "Una estructura de documento reutilizable, como el esquema de una estrategia.",
        ),
        "platform": (
            "Plateforme",
            "Un service en ligne qui héberge des données, des outils ou des échanges.",
            "Plataforma",
            "Un servicio en línea que aloja datos, herramientas o intercambios.",
        ),
    },
    "PolicyInstrument": {
        "carbon-pricing": (
            "Tarification du carbone",
            "Taxes carbone et systèmes d'échange de quotas d'émission.",
            "Tarificación del carbono",
            "Impuestos al carbono y sistemas de comercio de emisiones.",
        ),
        "regulation-and-standards": (
            "Réglementation et normes",
            "Règles obligatoires, comme les normes d'efficacité ou d'émissions.",
            "Regulación y normas",
            "Reglas obligatorias, como las normas de eficiencia o de emisiones.",
        ),
        "fiscal-incentives": (
            "Incitations fiscales",
            "Subventions, crédits d'impôt et autres incitations financières.",
            "Incentivos fiscales",
            "Subvenciones, créditos fiscales y otros incentivos financieros.",
        ),
        "public-investment": (
            "Investissement public",
            "Dépenses publiques directes dans les infrastructures et les programmes.",
            "Inversión pública",
            "Gasto público directo en infraestructuras y programas.",
        ),
        "information-and-labelling": (
            "Information et étiquetage",
            "Obligations d'information, étiquettes et campagnes de sensibilisation.",
            "Información y etiquetado",
            "Divulgación de información, etiquetas y campañas de sensibilización.",
        ),
        "voluntary-agreements": (
            "Accords volontaires",
            "Engagements négociés avec des entreprises ou des secteurs.",
            "Acuerdos voluntarios",
            "Compromisos negociados con empresas o sectores.",
        ),
        "planning-and-zoning": (
            "Planification et zonage",
            "Planification de l'usage des sols, de l'espace et des infrastructures.",
            "Planificación y zonificación",
            "Planificación del uso del suelo, del territorio y de las infraestructuras.",
        ),
        "research-and-innovation": (
            "Recherche et innovation",
            "Soutien à la recherche, au développement et à la démonstration.",
            "Investigación e innovación",
            "Apoyo a la investigación, el desarrollo y la demostración.",
        ),
    },
}
FIELDS = ("name_fr", "definition_fr", "name_es", "definition_es")


def seed(apps, schema_editor):
    for model_name, terms in TRANSLATIONS.items():
        model = apps.get_model("vocabularies", model_name)
        for term in model.objects.filter(slug__in=list(terms)):
            values = dict(zip(FIELDS, terms[term.slug], strict=True))
            changed = [f for f, value in values.items() if not getattr(term, f)]
            for f in changed:
                setattr(term, f, values[f])
            if changed:
                term.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0003_term_translations")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
