"""French and Spanish versions of some demo pages: the same facts as the English source, nothing more.

`cases.demo` turns them into real wagtail-localize translations (a translation source, one string
translation per segment, then the translated page published), exactly as a PO file from an outside
translator would arrive; every other demo page is shown in English, as an alias, with a notice.

`TEXTS[language]` maps an English text used on several pages (the demo notices, a caption, the
figures' source) to its translation. `PAGES[language][slug]` holds the translated fields of one
page: `title`, `summary`, `intro`, `city`, `sections` (section name -> paragraphs separated by a
blank line, as in case_studies.py, one translated paragraph per English one) and `description`
(a tool's paragraphs, as a list).
"""

from . import FICTIONAL_NOTE, REAL_NOTE, REAL_TOOL_NOTE
from .case_studies import ILLUSTRATIVE_SOURCE

CAPTION = "Demo illustration, drawn for this page."
FICTIONAL_SOURCE = "The actor's own inventory (fictional figures, invented for the demo)"
HOME_INTRO = (
    "Case studies, tools and peer discussion on long-term low-emission strategies, "
    "from the countries, cities and non-State actors of the Carbon Neutrality Coalition."
)

TEXTS = {
    "fr": {
        REAL_NOTE: "Contenu de démonstration. La date de soumission et l’objectif de long terme "
        "proviennent de la liste des stratégies de long terme de la CCNUCC ; les chiffres "
        "d’émissions, le verdict du suivi et les textes des sections sont illustratifs, rédigés "
        "pour cette démonstration, et ne sont pas des données officielles.",
        REAL_TOOL_NOTE: "Une ressource réelle et publique, décrite ici uniquement par des faits "
        "largement documentés (nom, type, responsable, licence) ; l’usage qu’en font les études "
        "de cas de démonstration est illustratif.",
        CAPTION: "Illustration de démonstration, dessinée pour cette page.",
        ILLUSTRATIVE_SOURCE: "Chiffres illustratifs pour la démonstration, pas des données "
        "d’inventaire officielles",
        HOME_INTRO: "Études de cas, outils et échanges entre pairs sur les stratégies de long "
        "terme à faibles émissions, venus des pays, des villes et des acteurs non étatiques de la "
        "Coalition pour la neutralité carbone.",
    },
    "es": {
        REAL_NOTE: "Contenido de demostración. La fecha de presentación y la meta a largo plazo "
        "proceden de la lista de estrategias a largo plazo de la CMNUCC; las cifras de emisiones, "
        "el veredicto del seguimiento y los textos de las secciones son ilustrativos, redactados "
        "para esta demostración, y no son datos oficiales.",
        FICTIONAL_NOTE: "Estudio de caso ficticio de demostración: los lugares, las "
        "organizaciones, las personas y las cifras se han inventado para mostrar cómo funciona "
        "Lodestar. Los nombres de los países son reales; nada de lo que se cuenta aquí describe "
        "sus políticas reales.",
        REAL_TOOL_NOTE: "Un recurso real y público, descrito aquí solo con hechos ampliamente "
        "documentados (nombre, tipo, responsable, licencia); el uso que hacen de él los estudios "
        "de caso de demostración es ilustrativo.",
        CAPTION: "Ilustración de demostración, dibujada para esta página.",
        ILLUSTRATIVE_SOURCE: "Cifras ilustrativas para la demostración, no son datos oficiales de inventario",
        FICTIONAL_SOURCE: "El inventario propio del actor (cifras ficticias, inventadas para la "
        "demostración)",
        HOME_INTRO: "Estudios de caso, herramientas y diálogo entre pares sobre estrategias a "
        "largo plazo de bajas emisiones, de los países, las ciudades y los actores no estatales "
        "de la Coalición para la Neutralidad de Carbono.",
    },
}

# The pages the migrations create (cases 0002, home 0002), by the English slug.
INDEX_PAGES = {
    "fr": {
        "library": {
            "title": "Études de cas",
            "intro": "Comment les membres de la Coalition élaborent et mettent en œuvre des "
            "stratégies de long terme à faibles émissions.",
        },
        "tools": {
            "title": "Outils et ressources",
            "intro": "Modèles, jeux de données, guides et autres outils dont les praticiens se "
            "servent pour élaborer leurs stratégies.",
        },
    },
    "es": {
        "library": {
            "title": "Estudios de caso",
            "intro": "Cómo los miembros de la Coalición elaboran y llevan a cabo estrategias a "
            "largo plazo de bajas emisiones.",
        },
        "tools": {
            "title": "Herramientas y recursos",
            "intro": "Modelos, conjuntos de datos, guías y otras herramientas que los "
            "profesionales usan para elaborar sus estrategias.",
        },
    },
}

PAGES = {
    "fr": {
        "france-long-term-strategy": {
            "title": "La stratégie de long terme de la France et sa révision",
            "summary": "La France a soumis sa première stratégie de long terme le 28 décembre 2016 "
            "(75 % de moins qu’en 1990 d’ici 2050) et une stratégie révisée le 8 février 2021.",
            "sections": {
                "context": "La France a communiqué sa première stratégie de long terme le "
                "28 décembre 2016, avec un objectif de 75 % de moins qu’en 1990 d’ici 2050, puis "
                "une stratégie révisée le 8 février 2021.",
                "challenge": "Une révision pose une question à laquelle tout suivi doit répondre : "
                "quel objectif sert de cap ? Cette page suit l’objectif annoncé par la première "
                "stratégie, celui que donne la source, et le dit.",
                "solution": "Réviser une stratégie fait partie du cycle que décrit le plan "
                "d’action de la Coalition : l’objectif de long terme oriente la planification à "
                "court terme, et l’un comme l’autre sont réexaminés.",
                "outcomes": "Avec les chiffres illustratifs (545 MtCO2e en 1990, 440 en 2019), les "
                "émissions ont baissé d’environ 0,7 % du niveau de 1990 par an ; atteindre 75 % "
                "de moins qu’en 1990 d’ici 2050 demande environ 1,8 point par an à partir de 2019.",
                "lessons_learnt": "Consigner la date et l’objectif de chaque version. Une "
                "bibliothèque qui ne garde que la dernière version ne peut pas montrer comment "
                "l’ambition a évolué.",
                "replicability": "Chaque membre qui révise sa stratégie fait face au même choix de "
                "ce qu’il faut suivre ; garder le premier objectif en mémoire rend visible l’effet "
                "de la révision.",
            },
        },
        "canada-long-term-strategy-2016": {
            "title": "La stratégie de long terme du Canada (2016)",
            "summary": "Le Canada a soumis sa stratégie de long terme à la CCNUCC le 17 novembre "
            "2016, avec un objectif de 80 % de moins qu’en 2005 d’ici 2050.",
            "sections": {
                "context": "La stratégie de long terme du Canada a été communiquée le 17 novembre "
                "2016, en même temps que celle de l’Allemagne et un jour après celles du Mexique "
                "et des États-Unis. Son objectif est de 80 % de moins qu’en 2005 d’ici 2050.",
                "challenge": "Une baisse de 80 % en 45 ans représente, en ligne droite, une baisse "
                "d’environ 1,8 % des émissions de 2005 chaque année. Chaque année passée sous ce "
                "rythme relève le rythme nécessaire ensuite.",
                "solution": "La stratégie exprime l’objectif par rapport à une année de référence "
                "récente (2005), ce qui garde le calcul simple : le niveau visé est le cinquième "
                "des émissions de l’année de référence.",
                "outcomes": "Avec les chiffres illustratifs de cette page (740 MtCO2e en 2005, 670 "
                "en 2021), le suivi constate une baisse d’environ 0,6 point par an jusqu’ici, "
                "contre environ 2,4 points par an désormais nécessaires : un retard d’environ "
                "1,8 point par an.",
                "lessons_learnt": "La ligne droite entre l’année de référence et l’objectif est un "
                "repère simple et transparent. Elle ne dit pas comment réduire, mais elle montre "
                "d’emblée à quelle distance un plan à court terme se trouve de l’objectif de long "
                "terme.",
                "replicability": "Tout membre disposant de deux années d’inventaire peut suivre un "
                "objectif en pourcentage exprimé par rapport à une année de référence récente.",
            },
        },
        "unfccc-long-term-strategies-portal": {
            "title": "Le portail des stratégies de long terme de la CCNUCC",
            "summary": "La page de la CCNUCC qui recense les stratégies de développement à faibles "
            "émissions de gaz à effet de serre à long terme (LT-LEDS) communiquées par les "
            "Parties, avec chaque document.",
            "description": [
                "Les Parties à l’Accord de Paris communiquent leurs stratégies de long terme à la "
                "CCNUCC, qui les recense sur cette page avec leur date de soumission et leurs "
                "documents.",
                "Les dates et les objectifs des stratégies réelles de la bibliothèque de "
                "démonstration de Lodestar en proviennent.",
            ],
            "maintainer": "Secrétariat de la CCNUCC",
        },
    },
    "es": {
        "mexico-long-term-strategy-2016": {
            "title": "La estrategia a largo plazo de México (2016)",
            "summary": "México presentó su estrategia a largo plazo a la CMNUCC el 16 de noviembre "
            "de 2016, con la meta de reducir para 2050 sus emisiones un 50 % respecto a las de "
            "2000: una de las cuatro primeras estrategias presentadas.",
            "sections": {
                "context": "México presentó su estrategia a largo plazo el 16 de noviembre de 2016, "
                "el mismo día que los Estados Unidos y un día antes que Alemania y Canadá. Estas "
                "cuatro fueron las primeras estrategias a largo plazo comunicadas en el marco del "
                "Acuerdo de París, que había entrado en vigor doce días antes.",
                "challenge": "La meta se fija respecto al año 2000, no a un año reciente. Un año "
                "base tan lejano hace exigentes las cuentas cuando las emisiones han crecido desde "
                "entonces: cada tonelada añadida después de 2000 tiene que eliminarse antes de que "
                "la reducción del 50 % empiece siquiera a contar.\n\n"
                "Con las cifras ilustrativas de esta página, las emisiones pasaron de 520 a "
                "650 MtCO2e entre 2000 y 2019, así que la reducción pendiente hasta 260 MtCO2e "
                "equivale al 60 % del nivel actual, no al 50 %.",
                "solution": "Lo que un par puede aprovechar del documento es su estructura: una "
                "meta a largo plazo con un año base explícito, con la que puede medirse cualquier "
                "plan a corto plazo. El seguimiento de Lodestar hace justamente esa medición más "
                "abajo, con las cifras ilustrativas.",
                "outcomes": "Con las cifras ilustrativas, el veredicto del seguimiento es claro: las "
                "emisiones crecieron alrededor de un 1,3 % del nivel de 2000 al año, mientras que "
                "alcanzar la meta exige ahora una reducción de unos 2,4 puntos al año, todos los "
                "años hasta 2050.",
                "lessons_learnt": "Una estrategia temprana fija el marco de todo lo que viene "
                "después. El año base forma parte de la ambición: un año base antiguo con "
                "emisiones en aumento significa que el esfuerzo real es mayor que el porcentaje "
                "anunciado.",
                "replicability": "Cualquier Parte con un inventario que llegue hasta el año base "
                "elegido puede repetir la comprobación de esta página: basta con las cifras del "
                "año base y del último año, la meta y los años que los separan.",
            },
        },
        "costa-rica-decarbonisation-plan": {
            "title": "Costa Rica: diez ejes de descarbonización hacia las emisiones netas cero",
            "summary": "Costa Rica presentó su estrategia a largo plazo en diciembre de 2019, con "
            "la meta de llegar a emisiones netas cero en 2050, organizada en diez ejes de "
            "descarbonización.",
            "sections": {
                "context": "Costa Rica presentó su estrategia a largo plazo en diciembre de 2019. "
                "Su meta son las emisiones netas cero en 2050, y la estrategia se organiza en diez "
                "ejes de descarbonización.",
                "challenge": "Organizar una estrategia por ejes deja claras las responsabilidades, "
                "pero una meta de emisiones netas cero se mide sobre el total: los ejes tienen que "
                "sumar.",
                "solution": "Los ejes dan a cada ministerio y a cada sector un capítulo propio. "
                "Lodestar sigue el total frente a la meta, que es lo que los ejes juntos deben "
                "lograr.",
                "outcomes": "Con las cifras ilustrativas (12 MtCO2e en 2005, 11,4 en 2017), la "
                "reducción hasta ahora es de alrededor del 0,4 % del nivel de 2005 al año; llegar a "
                "cero neto en 2050 exige ahora cerca de 3 puntos al año.",
                "lessons_learnt": "Una estructura por ejes ayuda a la ejecución; un seguimiento del "
                "total mantiene honesta la suma. Cuando el total no va por buen camino, la "
                "siguiente pregunta es qué eje se ha quedado atrás, y solo las cifras por sector "
                "pueden responderla.",
                "replicability": "Los miembros cuya estrategia tiene capítulos sectoriales pueden "
                "seguir cada capítulo como un estudio de caso propio, y el total aquí.",
            },
        },
        "colombia-long-term-strategy-2021": {
            "title": "La estrategia a largo plazo de Colombia (2021)",
            "summary": "Colombia presentó su estrategia a largo plazo a la CMNUCC el 12 de "
            "noviembre de 2021.",
            "sections": {
                "context": "Colombia presentó su estrategia a largo plazo a la CMNUCC el 12 de "
                "noviembre de 2021, en la oleada de presentaciones en torno a la conferencia sobre "
                "el clima de Glasgow (Andorra dos días antes, Malta el mismo día).",
                "challenge": "Los datos públicos de Lodestar registran la fecha de la presentación "
                "de Colombia, pero no su meta a largo plazo, así que esta página no da ni meta ni "
                "cifras.",
                "solution": "En lugar de adivinar, la página se queda vacía donde la fuente lo "
                "está: el seguimiento indica «datos insuficientes». Un miembro de Colombia puede "
                "añadir la meta y las cifras, que luego verifica la secretaría.",
                "lessons_learnt": "Un vacío honesto es más útil que una invención verosímil: los "
                "lectores ven qué falta y quién podría completarlo.",
                "replicability": "Todas las estrategias de la biblioteca sin cifras aparecen en la "
                "vista de la coalición como «datos insuficientes», para que los miembros vean de "
                "un vistazo dónde unas pocas cifras permitirían que el seguimiento respondiera.",
            },
        },
        "cordillera-bus-electrification": {
            "title": "Electrificación de la flota de autobuses en una ciudad metropolitana",
            "summary": "Ciudad Cordillera puso en circulación 800 autobuses eléctricos de batería "
            "en cuatro años, con contratos separados para los autobuses, la operación y la carga.",
            "city": "Ciudad Cordillera",
            "sections": {
                "context": "Ciudad Cordillera (ficticia), un área metropolitana de 3 millones de "
                "habitantes, tenía 4.000 autobuses diésel. El transporte era su mayor fuente de "
                "emisiones y, en invierno, de contaminación del aire.",
                "challenge": "Los operadores no podían financiar autobuses eléctricos, que cuestan "
                "el doble que uno diésel, con concesiones de diez años.",
                "solution": "La ciudad separó los contratos: las empresas de energía financiaron y "
                "arrendaron los autobuses, los operadores los hicieron circular y la ciudad pagó "
                "por kilómetro. La carga en las cocheras se licitó aparte.",
                "building_blocks": "Contratos de arrendamiento de los autobuses; contratos de "
                "operación pagados por kilómetro; concesiones de carga en las cocheras; un sistema "
                "de seguimiento de la flota.",
                "barriers": "Cada conexión de una cochera a la red tardó 18 meses; dos operadores se "
                "resistieron al cambio hasta que se renegociaron sus contratos.",
                "enabling_factors": "Apoyo nacional a la electromovilidad; la caída del precio de "
                "las baterías; una empresa de energía deseosa de arrendar autobuses como nueva "
                "línea de negocio.",
                "outcomes": "800 autobuses eléctricos en servicio, una quinta parte de la flota. "
                "Las emisiones de los autobuses bajaron, pero el tráfico de automóviles creció, así "
                "que las emisiones del transporte están muy lejos de la trayectoria hacia 2035.",
                "lessons_learnt": "Separar la propiedad de la operación desbloqueó la financiación; "
                "las conexiones a la red deben solicitarse antes de encargar los autobuses.",
                "replicability": "Las ciudades con servicios de autobús licitados pueden copiar el "
                "modelo de contratos. Las ciudades cuyos operadores son dueños de sus autobuses "
                "tendrían que cambiar primero las reglas de las concesiones.",
            },
        },
        "unfccc-long-term-strategies-portal": {
            "title": "El portal de estrategias a largo plazo de la CMNUCC",
            "summary": "La página de la CMNUCC con las estrategias de desarrollo a largo plazo con "
            "bajas emisiones de gases de efecto invernadero (LT-LEDS) comunicadas por las Partes, "
            "con cada documento.",
            "description": [
                "Las Partes en el Acuerdo de París comunican sus estrategias a largo plazo a la "
                "CMNUCC, que las recoge en esta página con sus fechas de presentación y sus "
                "documentos.",
                "Las fechas y las metas de las estrategias reales de la biblioteca de demostración "
                "de Lodestar proceden de ella.",
            ],
            "maintainer": "Secretaría de la CMNUCC",
        },
    },
}
