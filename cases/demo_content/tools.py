"""The demo tools: five real public resources (widely documented facts only) and fictional ones.

Each entry: slug, title, real (bool), type (ToolType slug), cost, skill, open_source, maintainer,
link (real tools; fictional ones get a locally drawn document instead), sectors, stages,
languages, summary, description (paragraphs).
"""

TOOLS = [
    {
        "slug": "osemosys",
        "title": "OSeMOSYS energy system model",
        "real": True,
        "type": "model",
        "cost": "free",
        "skill": "expert",
        "open_source": True,
        "maintainer": "The OSeMOSYS community",
        "link": "https://www.osemosys.org/",
        "sectors": ["energy-supply", "cross-sectoral"],
        "stages": ["pathway-modelling", "revising"],
        "languages": ["en"],
        "summary": "The Open Source energy MOdelling SYStem: a long-term, least-cost optimisation "
        "model of energy systems, released under the Apache 2.0 licence.",
        "description": [
            "OSeMOSYS is an open-source modelling framework for long-term energy planning. It finds the "
            "least-cost mix of technologies that meets a demand projection under constraints the modeller "
            "sets, such as an emissions cap or a renewable share.",
            "It is free to use and its code is published under the Apache 2.0 licence. Building a national "
            "model still takes trained modellers and good data on demand, costs and resources.",
            "In the demo library, the fictional university consortium and the regional auction case use it "
            "to compare pathways; those uses are illustrative.",
        ],
    },
    {
        "slug": "pypsa",
        "title": "PyPSA power system toolbox",
        "real": True,
        "type": "model",
        "cost": "free",
        "skill": "expert",
        "open_source": True,
        "maintainer": "The PyPSA developers",
        "link": "https://pypsa.org/",
        "sectors": ["energy-supply"],
        "stages": ["pathway-modelling"],
        "languages": ["en"],
        "summary": "Python for Power System Analysis: an open-source toolbox (MIT licence) to simulate "
        "and optimise power and energy systems.",
        "description": [
            "PyPSA is a Python library for modelling power systems and sector-coupled energy systems, "
            "including network flows, storage and capacity expansion. It is open source under the MIT "
            "licence.",
            "It suits teams that write code: models are built in Python and solved with a linear "
            "programming solver.",
            "In the demo library, the fictional utility's coal phase-out plan uses it to size storage; "
            "that use is illustrative.",
        ],
    },
    {
        "slug": "ipcc-2006-inventory-guidelines",
        "title": "2006 IPCC Guidelines for National Greenhouse Gas Inventories",
        "real": True,
        "type": "methodology",
        "cost": "free",
        "skill": "intermediate",
        "open_source": False,
        "maintainer": "IPCC Task Force on National Greenhouse Gas Inventories",
        "link": "https://www.ipcc-nggip.iges.or.jp/public/2006gl/",
        "sectors": ["cross-sectoral", "energy-supply", "industry", "afolu", "waste"],
        "stages": ["scoping", "pathway-modelling"],
        "languages": ["en", "fr", "es"],
        "summary": "The IPCC's methods for estimating national emissions and removals, by sector, that "
        "countries use for their inventories.",
        "description": [
            "The 2006 IPCC Guidelines set out how to estimate greenhouse gas emissions and removals for "
            "energy, industrial processes and product use, agriculture, forestry and other land use, and "
            "waste. They are published by the IPCC's Task Force on National Greenhouse Gas Inventories "
            "and are free to download.",
            "A long-term strategy's base year and progress figures are only as good as the inventory "
            "behind them, which is why most demo case studies name their inventory as the source.",
        ],
    },
    {
        "slug": "ghg-protocol-corporate-standard",
        "title": "GHG Protocol Corporate Standard",
        "real": True,
        "type": "methodology",
        "cost": "free",
        "skill": "intermediate",
        "open_source": False,
        "maintainer": "World Resources Institute (WRI) and World Business Council for Sustainable "
        "Development (WBCSD)",
        "link": "https://ghgprotocol.org/corporate-standard",
        "sectors": ["cross-sectoral", "industry"],
        "stages": ["scoping", "implementing"],
        "languages": ["en"],
        "summary": "The standard most companies use to account for and report their greenhouse gas "
        "emissions (scopes 1, 2 and 3).",
        "description": [
            "The Corporate Standard, from the GHG Protocol of WRI and WBCSD, tells a company how to draw "
            "its organisational boundary and count direct emissions (scope 1), purchased energy (scope 2) "
            "and, with its companion standard, value-chain emissions (scope 3). It is free.",
            "In the demo library the fictional cement maker and food retailer measure against it; those "
            "uses are illustrative.",
        ],
    },
    {
        "slug": "unfccc-long-term-strategies-portal",
        "title": "UNFCCC long-term strategies portal",
        "real": True,
        "type": "platform",
        "cost": "free",
        "skill": "beginner",
        "open_source": False,
        "maintainer": "UNFCCC secretariat",
        "link": "https://unfccc.int/process/the-paris-agreement/long-term-strategies",
        "sectors": ["cross-sectoral"],
        "stages": ["submitted-to-unfccc", "revising"],
        "languages": ["en"],
        "summary": "The UNFCCC's page of long-term low greenhouse gas emission development strategies "
        "(LT-LEDS) communicated by Parties, with each document.",
        "description": [
            "Parties to the Paris Agreement communicate their long-term strategies to the UNFCCC, which "
            "lists them with their submission dates and documents on this page.",
            "The dates and goals of the real strategies in Lodestar's demo library come from it.",
        ],
    },
    {
        "slug": "lts-drafting-guide",
        "title": "Long-term strategy drafting guide",
        "type": "guidebook",
        "cost": "free",
        "skill": "beginner",
        "maintainer": "Meridian Policy Lab (fictional)",
        "sectors": ["cross-sectoral"],
        "stages": ["scoping", "consultation"],
        "languages": ["en", "fr", "es"],
        "summary": "A step-by-step guide for a small team writing its first long-term strategy: "
        "mandate, governance, pathway, consultation, adoption.",
        "description": [
            "The guide walks a team of three to five officials through the eighteen months a first strategy "
            "usually takes, with a checklist per phase and sample terms of reference for a steering group.",
            "Its chapter on the base year explains why the base year of the target and of the figures must "
            "be the same, and how to recalculate when the inventory is revised.",
            "It assumes no modelling skills; where a model is needed it points to the options and what "
            "each costs in time.",
        ],
    },
    {
        "slug": "subnational-emissions-dataset",
        "title": "Subnational emissions dataset",
        "type": "dataset",
        "cost": "free",
        "skill": "intermediate",
        "open_source": True,
        "maintainer": "Open Regions Data Collective (fictional)",
        "sectors": ["cross-sectoral", "energy-supply", "transport", "buildings"],
        "stages": ["scoping", "pathway-modelling"],
        "languages": ["en"],
        "summary": "Yearly emissions by sector for regions and large cities, downscaled from national "
        "inventories, with the method and uncertainty of each figure.",
        "description": [
            "Each row gives a region or city, a year, a sector and an emissions estimate in ktCO2e, with a "
            "flag for figures measured locally and figures downscaled from the national inventory.",
            "Downscaled figures are good enough to set a base year and a first target; they are too coarse "
            "to track a single programme, which needs local measurement.",
        ],
    },
    {
        "slug": "city-target-setting-method",
        "title": "Target-setting method for cities",
        "type": "methodology",
        "cost": "free",
        "skill": "intermediate",
        "maintainer": "Metropolitan Climate Forum (fictional)",
        "sectors": ["cross-sectoral"],
        "stages": ["scoping", "adopted"],
        "languages": ["en", "es", "pt"],
        "summary": "How a city turns a national long-term goal into its own target year, base year and "
        "interim milestones it can defend in council.",
        "description": [
            "The method starts from the national goal, the city's inventory and its powers (what it owns, "
            "regulates, buys and can only influence) and produces a target with interim milestones.",
            "It includes a straight-line check: a milestone above the line from base year to target means "
            "the plan back-loads effort, which the council should know when it votes.",
        ],
    },
    {
        "slug": "retrofit-cost-calculator",
        "title": "Building retrofit cost calculator",
        "type": "calculator",
        "cost": "freemium",
        "skill": "beginner",
        "maintainer": "Hearth Analytics (fictional)",
        "sectors": ["buildings"],
        "stages": ["pathway-modelling", "implementing"],
        "languages": ["en", "de"],
        "summary": "Estimates the cost, energy savings and emissions cut of retrofit packages for common "
        "housing types.",
        "description": [
            "Pick a housing type, its age and heating system, and the calculator compares packages "
            "(insulation, windows, heat pump) by cost per tonne avoided.",
            "The free version covers eight housing types; the paid version lets a programme load its own "
            "stock data and prices.",
        ],
    },
    {
        "slug": "net-zero-strategy-course",
        "title": "Net-zero strategy online course",
        "type": "training",
        "cost": "free",
        "skill": "beginner",
        "maintainer": "Open Climate Academy (fictional)",
        "sectors": ["cross-sectoral"],
        "stages": ["scoping", "pathway-modelling", "consultation"],
        "languages": ["en", "fr"],
        "summary": "Six self-paced modules for officials new to long-term strategies, from inventories to "
        "monitoring.",
        "description": [
            "Each module takes about two hours and ends with an exercise on a fictional country's figures, "
            "including working out whether a 2030 milestone lies on the straight-line pathway.",
            "Participants who finish get a certificate; there is no exam.",
        ],
    },
    {
        "slug": "strategy-outline-template",
        "title": "Strategy outline template",
        "type": "template",
        "cost": "free",
        "skill": "beginner",
        "maintainer": "Meridian Policy Lab (fictional)",
        "sectors": ["cross-sectoral"],
        "stages": ["scoping", "adopted"],
        "languages": ["en", "es"],
        "summary": "A document template with the chapters most long-term strategies share, and notes on "
        "what reviewers look for in each.",
        "description": [
            "Chapters: vision and goal, national circumstances, pathway by sector, milestones, finance, "
            "just transition, governance and review.",
            "Each chapter has a short note on common gaps, such as milestones without a base year.",
        ],
    },
    {
        "slug": "transport-demand-model",
        "title": "Transport demand model",
        "type": "model",
        "cost": "paid",
        "skill": "expert",
        "maintainer": "Corridor Modelling Ltd (fictional)",
        "sectors": ["transport"],
        "stages": ["pathway-modelling"],
        "languages": ["en", "es"],
        "summary": "Projects passenger and freight demand by mode, and the emissions of fleet and mode-shift "
        "scenarios.",
        "description": [
            "The model splits demand by trip purpose and distance band, so that bus, rail and cycling "
            "measures can be compared with fleet electrification on the same footing.",
            "Licences are sold per city; calibrating it needs a household travel survey no older than "
            "five years.",
        ],
    },
    {
        "slug": "consultation-handbook",
        "title": "Stakeholder consultation handbook",
        "type": "guidebook",
        "cost": "free",
        "skill": "beginner",
        "maintainer": "Common Ground Network (fictional)",
        "sectors": ["cross-sectoral"],
        "stages": ["consultation"],
        "languages": ["en", "pt", "it"],
        "summary": "How to run a consultation on a draft strategy that reaches beyond the usual voices, "
        "with formats, timelines and budgets.",
        "description": [
            "The handbook compares online surveys, regional workshops and randomly selected citizens' "
            "panels by cost, reach and how much they change a draft.",
            "Its strongest advice: publish what was changed because of the consultation, and what was not "
            "and why.",
        ],
    },
    {
        "slug": "land-use-removals-dataset",
        "title": "Land-use removals dataset",
        "type": "dataset",
        "cost": "free",
        "skill": "expert",
        "open_source": True,
        "maintainer": "Boreal Carbon Observatory (fictional)",
        "sectors": ["afolu"],
        "stages": ["pathway-modelling"],
        "languages": ["en", "fi"],
        "summary": "Plot-level estimates of carbon removals by forests and soils, with uncertainty ranges.",
        "description": [
            "Removals are given as negative values (net removals), per hectare and per year, with the "
            "sampling error of each estimate.",
            "Users should expect revisions: a new forest survey can move a region's sink by a third.",
        ],
    },
    {
        "slug": "industrial-heat-method",
        "title": "Industrial heat abatement methodology",
        "type": "methodology",
        "cost": "paid",
        "skill": "expert",
        "maintainer": "Kiln & Furnace Advisory (fictional)",
        "sectors": ["industry"],
        "stages": ["pathway-modelling", "implementing"],
        "languages": ["en", "ja"],
        "summary": "Ranks options to cut emissions from process heat (electrification, hydrogen, biomass, "
        "heat recovery) by temperature band and cost.",
        "description": [
            "The method maps each site's heat demand by temperature, then screens the options that can "
            "deliver it, with their cost per tonne and readiness.",
            "It is sold with a two-day workshop for site engineers.",
        ],
    },
    {
        "slug": "fleet-electrification-calculator",
        "title": "Municipal fleet electrification calculator",
        "type": "calculator",
        "cost": "free",
        "skill": "beginner",
        "open_source": True,
        "maintainer": "Civic Mobility Commons (fictional)",
        "sectors": ["transport"],
        "stages": ["implementing"],
        "languages": ["en", "es", "pt"],
        "summary": "Compares the lifetime cost and emissions of diesel and battery-electric buses, refuse "
        "trucks and vans for a city's duty cycles.",
        "description": [
            "Enter routes, daily distances and local electricity prices; the calculator sizes batteries and "
            "depot charging and gives the year each vehicle type breaks even.",
            "It is open source, so cities can check and adapt its assumptions.",
        ],
    },
    {
        "slug": "just-transition-training",
        "title": "Just transition training for planners",
        "type": "training",
        "cost": "paid",
        "skill": "intermediate",
        "maintainer": "Labour & Climate Institute (fictional)",
        "sectors": ["energy-supply", "industry"],
        "stages": ["consultation", "implementing"],
        "languages": ["en", "de", "es"],
        "summary": "A three-day course on planning with workers and communities affected by closures.",
        "description": [
            "The course covers mapping affected jobs and suppliers, social dialogue, retraining and regional "
            "investment, with exercises from fictional coal regions.",
        ],
    },
    {
        "slug": "investor-disclosure-template",
        "title": "Investor alignment disclosure template",
        "type": "template",
        "cost": "free",
        "skill": "intermediate",
        "maintainer": "Long Horizon Investors Group (fictional)",
        "sectors": ["cross-sectoral"],
        "stages": ["adopted", "implementing"],
        "languages": ["en", "da", "sv"],
        "summary": "A reporting template for asset owners to disclose financed emissions, interim targets "
        "and progress against them.",
        "description": [
            "The template asks for a base year, the latest year and interim milestones in the same units, "
            "so that readers can tell whether a portfolio is on track.",
        ],
    },
    {
        "slug": "city-peer-exchange",
        "title": "Peer exchange platform for cities",
        "type": "platform",
        "cost": "free",
        "skill": "beginner",
        "maintainer": "Metropolitan Climate Forum (fictional)",
        "sectors": ["cross-sectoral", "buildings", "transport"],
        "stages": ["scoping", "implementing"],
        "languages": ["en", "es", "pt", "it"],
        "summary": "Matches city officials with peers who have solved a similar problem, for a one-hour "
        "call or a study visit.",
        "description": [
            "Officials describe their problem in a short form; the secretariat suggests two or three peers "
            "and sets up a call within three weeks.",
        ],
    },
    {
        "slug": "waste-mitigation-guidebook",
        "title": "Waste sector mitigation guidebook",
        "type": "guidebook",
        "cost": "free",
        "skill": "intermediate",
        "maintainer": "Circular Cities Alliance (fictional)",
        "sectors": ["waste"],
        "stages": ["pathway-modelling", "implementing"],
        "languages": ["en", "it", "es"],
        "summary": "Options to cut methane and other emissions from solid waste and wastewater, with costs "
        "and typical results.",
        "description": [
            "Covers separate collection of food waste, landfill gas capture, composting and anaerobic "
            "digestion, with the conditions each needs to work.",
        ],
    },
    {
        "slug": "co-benefits-valuation",
        "title": "Co-benefits valuation methodology",
        "type": "methodology",
        "cost": "freemium",
        "skill": "intermediate",
        "maintainer": "Triple Win Economics (fictional)",
        "sectors": ["cross-sectoral"],
        "stages": ["pathway-modelling", "consultation"],
        "languages": ["en", "fr"],
        "summary": "Puts figures on the health, jobs and energy-security gains of climate measures, so that "
        "they can be weighed with their costs.",
        "description": [
            "The method values avoided air-pollution deaths, net jobs and avoided fuel imports per measure, "
            "with ranges rather than single numbers.",
        ],
    },
]
