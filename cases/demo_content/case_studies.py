"""The demo case studies: eight real parties' strategies (coalition facts only) and fictional cases.

Each entry is a dict:
  slug, title, summary, real (bool), actor, level, countries, region, city, sectors, focus, stage,
  instruments, benefits (vocabulary slugs), target (type, percentage, base year, year, legal
  status) or None, figures (base (year, value), latest (year, value), unit, source, net_removals)
  or None, milestones [(year, value, label)], sections {section name: text, paragraphs separated
  by a blank line}, quote (text, attribution) or None, tools (tool slugs), languages, document_url.

Figures are sized to the actor (national MtCO2e, cities and companies ktCO2e) and pass the rules
of cases/figures.py; the real parties' figures are illustrative, as their page notice says.
"""

UNFCCC_LTS = "https://unfccc.int/process/the-paris-agreement/long-term-strategies"
ILLUSTRATIVE_SOURCE = "Illustrative figures for the demo, not official inventory data"

REAL = [
    {
        "slug": "mexico-long-term-strategy-2016",
        "title": "Mexico's long-term strategy (2016)",
        "summary": "Mexico submitted its long-term strategy to the UNFCCC on 16 November 2016,"
        " with a long-term goal of 50% below 2000 emissions by 2050: one of the "
        "first four strategies ever submitted.",
        "countries": ["MX"],
        "sectors": ["cross-sectoral", "energy-supply"],
        "stage": "submitted-to-unfccc",
        "instruments": ["planning-and-zoning"],
        "benefits": ["accelerated-climate-action", "socio-economic-benefits"],
        "target": ("percent-reduction", 50, 2000, 2050, ""),
        "figures": ((2000, "520"), (2019, "650"), "MtCO2e"),
        "languages": ["es", "en"],
        "sections": {
            "context": "Mexico submitted its long-term strategy on 16 November 2016, the same day "
            "as the United States and a day before Germany and Canada. These four were "
            "the first long-term strategies communicated under the Paris Agreement, "
            "which had entered into force twelve days earlier.",
            "challenge": "The goal is stated against 2000, not against a recent year. A base year "
            "that far back makes the arithmetic demanding when emissions have grown "
            "since: every tonne added after 2000 has to be removed again before the 50%"
            " cut even starts to count.\n\nIn the illustrative figures on this page "
            "emissions rose from 520 to 650 MtCO2e between 2000 and 2019, so the "
            "remaining cut to 260 MtCO2e is 60% of today's level, not 50%.",
            "solution": "What a peer can take from the document is its structure: a long-term goal "
            "with a stated base year, which any near-term plan can be measured against."
            " Lodestar's tracker does exactly that measuring below, with the "
            "illustrative figures.",
            "outcomes": "With the illustrative figures the tracker is clear: emissions grew by "
            "about 1.3% of the 2000 level a year, while reaching the goal now needs a "
            "cut of about 2.4 points a year, every year to 2050.",
            "lessons_learnt": "An early strategy sets the frame for everything after it. The base year is"
            " part of the ambition: an old base year with rising emissions means the "
            "real effort is larger than the headline percentage.",
            "replicability": "Any party with an inventory back to its chosen base year can repeat the "
            "check on this page: the base-year and latest figures, the target and the "
            "years between them are all it takes.",
        },
    },
    {
        "slug": "germany-long-term-strategy-2016",
        "title": "Germany's long-term strategy (2016)",
        "summary": "Germany submitted its long-term strategy to the UNFCCC on 17 November "
        "2016, aiming at extensive greenhouse-gas neutrality by 2050.",
        "countries": ["DE"],
        "sectors": ["cross-sectoral", "industry", "energy-supply"],
        "stage": "submitted-to-unfccc",
        "instruments": ["carbon-pricing", "regulation-and-standards"],
        "benefits": ["energy-security", "jobs"],
        "target": ("net-zero-ghg", None, None, 2050, ""),
        "figures": ((1990, "1250"), (2021, "760"), "MtCO2e"),
        "languages": ["de", "en"],
        "sections": {
            "context": "Germany's strategy was communicated on 17 November 2016, one day after "
            "Mexico's and the United States', on the same day as Canada's. Its "
            "long-term goal is stated as extensive greenhouse-gas neutrality by 2050.",
            "challenge": '"Extensive" neutrality leaves open how much residual emission remains and '
            "how it is balanced. For tracking, Lodestar records the goal as net zero "
            "greenhouse gases in 2050, the most demanding reading.",
            "solution": "A neutrality goal has a clear end point (zero net emissions) whatever the "
            "base year, so progress can be measured from any year with a reliable "
            "inventory. This page uses 1990 as the base year, with illustrative "
            "figures.",
            "outcomes": "With the illustrative figures (1,250 MtCO2e in 1990, 760 in 2021), "
            "emissions fell by about 1.3% of the 1990 level a year. Reaching net zero "
            "in 2050 from there needs about 2.1 points a year: the pace has to rise by "
            "more than half.",
            "lessons_learnt": "A neutrality goal makes the required pace explicit once the latest figure "
            "is known, and it rises every year that the pace falls short.",
            "replicability": "The same reading works for every neutrality goal in the library: the "
            "target value is zero, so the only figures needed are a base year and the "
            "latest year.",
        },
    },
    {
        "slug": "canada-long-term-strategy-2016",
        "title": "Canada's long-term strategy (2016)",
        "summary": "Canada submitted its long-term strategy to the UNFCCC on 17 November 2016,"
        " with a goal of 80% below 2005 emissions by 2050.",
        "countries": ["CA"],
        "sectors": ["cross-sectoral", "energy-supply", "transport"],
        "stage": "submitted-to-unfccc",
        "instruments": ["carbon-pricing"],
        "benefits": ["socio-economic-benefits", "accelerated-climate-action"],
        "target": ("percent-reduction", 80, 2005, 2050, ""),
        "figures": ((2005, "740"), (2021, "670"), "MtCO2e"),
        "languages": ["en", "fr"],
        "sections": {
            "context": "Canada's long-term strategy was communicated on 17 November 2016, together"
            " with Germany's and a day after Mexico's and the United States'. Its goal "
            "is 80% below 2005 by 2050.",
            "challenge": "An 80% cut over 45 years is, on a straight line, a cut of about 1.8% of "
            "2005 emissions every year. Any year below that pace raises the pace needed"
            " afterwards.",
            "solution": "The strategy states the goal against a recent base year (2005), which "
            "keeps the arithmetic simple: the target level is a fifth of the base-year "
            "emissions.",
            "outcomes": "With the illustrative figures on this page (740 MtCO2e in 2005, 670 in "
            "2021), the tracker finds a cut of about 0.6 points a year so far, against "
            "about 2.4 points a year now required: off track by about 1.8 points a "
            "year.",
            "lessons_learnt": "The straight line from base year to target is a simple, transparent "
            "reference. It does not say how to cut, but it shows at once how far a "
            "near-term plan is from the long-term goal.",
            "replicability": "Percentage goals against a recent base year can be tracked by any member "
            "with two inventory years.",
        },
    },
    {
        "slug": "france-long-term-strategy",
        "title": "France's long-term strategy and its revision",
        "summary": "France submitted its first long-term strategy on 28 December 2016 (75% "
        "below 1990 by 2050) and a revised strategy on 8 February 2021.",
        "countries": ["FR"],
        "sectors": ["cross-sectoral", "buildings", "transport"],
        "stage": "revising",
        "instruments": ["regulation-and-standards", "planning-and-zoning"],
        "benefits": ["health-and-air-quality", "jobs"],
        "target": ("percent-reduction", 75, 1990, 2050, ""),
        "figures": ((1990, "545"), (2019, "440"), "MtCO2e"),
        "languages": ["fr", "en"],
        "sections": {
            "context": "France communicated its first long-term strategy on 28 December 2016, with"
            " a goal of 75% below 1990 by 2050, and a revised strategy on 8 February "
            "2021.",
            "challenge": "A revision raises a question every tracker has to answer: which goal is "
            "the lodestar? This page tracks the first strategy's stated goal, the one "
            "given in the source, and says so.",
            "solution": "Revising a strategy is part of the cycle the Coalition's Plan of Action "
            "describes: the long-term goal guides near-term planning, and both are "
            "reviewed.",
            "outcomes": "With the illustrative figures (545 MtCO2e in 1990, 440 in 2019), emissions"
            " fell by about 0.7% of the 1990 level a year; reaching 75% below 1990 by "
            "2050 needs about 1.8 points a year from 2019.",
            "lessons_learnt": "Record the date and goal of each version. A library that keeps only the "
            "latest version cannot show how ambition changed.",
            "replicability": "Every member revising its strategy faces the same choice of what to track;"
            " keeping the first goal on record makes the revision's effect visible.",
        },
    },
    {
        "slug": "marshall-islands-tile-til-eo-2050",
        "title": "Marshall Islands: Tile Til Eo 2050",
        "summary": "The Marshall Islands, a convenor of the Coalition, submitted its long-term"
        " strategy “Tile Til Eo 2050” in September 2018, with a goal of net zero by"
        " 2050.",
        "countries": ["MH"],
        "sectors": ["energy-supply", "transport"],
        "stage": "submitted-to-unfccc",
        "instruments": ["public-investment"],
        "benefits": ["climate-resilience", "energy-security"],
        "target": ("net-zero-ghg", None, None, 2050, ""),
        "figures": ((2010, "190"), (2019, "175"), "ktCO2e"),
        "languages": ["en", "mh"],
        "sections": {
            "context": "The Marshall Islands convenes the Carbon Neutrality Coalition with New "
            "Zealand. It submitted its long-term strategy, Tile Til Eo 2050, in "
            "September 2018, with a goal of net zero by 2050.",
            "challenge": "A small island state's emissions are measured in thousands, not millions, "
            "of tonnes; this page therefore uses ktCO2e. Small totals make single "
            "projects visible in the national figure, for better and worse.",
            "solution": "A net-zero goal from a convenor sets an example: the size of the emitter "
            "does not change the shape of the pathway, only its unit.",
            "outcomes": "With the illustrative figures (190 ktCO2e in 2010, 175 in 2019), the cut "
            "so far is about 0.9% of the 2010 level a year; net zero by 2050 needs "
            "about 3 points a year.",
            "lessons_learnt": "Choose the unit to fit the actor. A national chart in MtCO2e would show "
            "the Marshall Islands' pathway as a flat line at zero.",
            "replicability": "Other small island states can track a net-zero goal the same way, with "
            "figures in ktCO2e. Where a single power plant or ship dominates the total,"
            " a case study per asset makes the national verdict easier to read.",
        },
    },
    {
        "slug": "portugal-rnc2050",
        "title": "Portugal: Roadmap for Carbon Neutrality 2050 (RNC2050)",
        "summary": "Portugal submitted its RNC2050 on 20 September 2019, aiming at carbon "
        "neutrality by 2050 with emissions 85 to 90% below 2005.",
        "countries": ["PT"],
        "sectors": ["cross-sectoral", "energy-supply"],
        "stage": "implementing",
        "instruments": ["planning-and-zoning", "carbon-pricing"],
        "benefits": ["socio-economic-benefits", "energy-security"],
        "target": ("percent-reduction", 85, 2005, 2050, ""),
        "figures": ((2005, "88"), (2021, "57"), "MtCO2e"),
        "languages": ["pt", "en"],
        "sections": {
            "context": "Portugal submitted its Roadmap for Carbon Neutrality 2050 (RNC2050) on 20 "
            "September 2019. The goal is carbon neutrality by 2050, with emissions 85 "
            "to 90% below 2005.",
            "challenge": "A range (85 to 90%) needs one number to track. This page tracks the lower "
            'end, 85% below 2005, so that "on track" means at least the minimum of the '
            "range.",
            "solution": "Stating neutrality together with a gross reduction range says how much of "
            "the balance must come from cutting emissions, and leaves the rest to "
            "removals.",
            "outcomes": "With the illustrative figures (88 MtCO2e in 2005, 57 in 2021), emissions "
            "fell by about 2.2% of the 2005 level a year, more than the roughly 1.7 "
            "points a year now required to reach 85% below 2005 by 2050: on track at "
            "that pace.",
            "lessons_learnt": "When a goal is a range, say which end is tracked. A verdict against the "
            "upper end (90%) could differ.",
            "replicability": "Any roadmap with a gross reduction range and a neutrality goal can be "
            "tracked this way, end of range stated.",
        },
    },
    {
        "slug": "costa-rica-decarbonisation-plan",
        "title": "Costa Rica: ten decarbonisation axes to net zero",
        "summary": "Costa Rica submitted its long-term strategy in December 2019, with a goal "
        "of net zero by 2050 organised in ten decarbonisation axes.",
        "countries": ["CR"],
        "sectors": ["cross-sectoral", "transport", "afolu"],
        "stage": "implementing",
        "instruments": ["planning-and-zoning", "public-investment"],
        "benefits": ["biodiversity", "health-and-air-quality"],
        "target": ("net-zero-ghg", None, None, 2050, ""),
        "figures": ((2005, "12"), (2017, "11.4"), "MtCO2e"),
        "languages": ["es", "en"],
        "sections": {
            "context": "Costa Rica submitted its long-term strategy in December 2019. Its goal is "
            "net zero by 2050, and the strategy is organised in ten decarbonisation "
            "axes.",
            "challenge": "Organising a strategy by axes makes responsibilities clear, but a net-zero"
            " goal is measured on the total: the axes have to add up.",
            "solution": "Axes give each ministry and sector a chapter it owns. Lodestar tracks the "
            "total against the goal, which is what the axes together have to deliver.",
            "outcomes": "With the illustrative figures (12 MtCO2e in 2005, 11.4 in 2017), the cut "
            "so far is about 0.4% of the 2005 level a year; net zero by 2050 now needs "
            "close to 3 points a year.",
            "lessons_learnt": "A structure by axes helps implementation; a tracker on the total keeps the"
            " sum honest. When the total is off track, the next question is which axis "
            "is behind, which only sector figures can answer.",
            "replicability": "Members with sector chapters in their strategy can track each chapter as a"
            " case study of its own, and the total here.",
        },
    },
    {
        "slug": "colombia-long-term-strategy-2021",
        "title": "Colombia's long-term strategy (2021)",
        "summary": "Colombia submitted its long-term strategy to the UNFCCC on 12 November 2021.",
        "countries": ["CO"],
        "sectors": ["cross-sectoral"],
        "stage": "submitted-to-unfccc",
        "instruments": ["planning-and-zoning"],
        "benefits": ["climate-resilience"],
        "target": None,
        "figures": None,
        "languages": ["es", "en"],
        "sections": {
            "context": "Colombia submitted its long-term strategy to the UNFCCC on 12 November "
            "2021, during the wave of submissions around the Glasgow climate conference"
            " (Andorra two days earlier, Malta the same day).",
            "challenge": "Lodestar's public facts record the date of Colombia's submission but not "
            "its long-term goal, so this page gives no target and no figures.",
            "solution": "Rather than guess, the page stays empty where the source is: the tracker "
            'says "not enough data". A member from Colombia can add the goal and '
            "figures, which the secretariat then verifies.",
            "lessons_learnt": "An honest gap is more useful than a plausible invention: readers can see "
            "what is missing and who could fill it.",
            "replicability": "Every strategy in the library without figures is listed on the coalition "
            'view as "not enough data", so members can see at a glance where a few '
            "figures would let the tracker answer.",
        },
    },
]

FICTIONAL = [
    {
        "slug": "northhaven-heat-pumps",
        "title": "Municipal heat-pump programme in a northern city",
        "summary": "Northhaven replaced oil boilers in 6,000 homes with heat pumps in five "
        "years, with grants tied to an energy check and a council-run installer "
        "list.",
        "actor": "city",
        "level": "local",
        "countries": ["NO"],
        "city": "Northhaven",
        "sectors": ["buildings", "energy-supply"],
        "stage": "implementing",
        "instruments": ["fiscal-incentives", "information-and-labelling"],
        "benefits": ["health-and-air-quality", "energy-security"],
        "target": ("net-zero-ghg", None, None, 2040, "policy"),
        "figures": ((2010, "410"), (2022, "300"), "ktCO2e"),
        "milestones": [
            (2030, "150", "Council climate plan"),
        ],
        "tools": ["retrofit-cost-calculator", "city-target-setting-method"],
        "sections": {
            "context": "Northhaven is a coastal city of 140,000 people where, in 2015, one home in"
            " five was still heated by oil. Buildings made up 40% of the city's "
            "emissions, and the council had adopted a net-zero goal for 2040.",
            "challenge": "Owners hesitated: a heat pump cost three times an oil boiler up front, few"
            " installers were certified, and several early installations in older "
            "houses performed badly because the houses were not insulated first.",
            "solution": "The council paired a grant of up to 40% of the cost with a free energy "
            "check. Only installers on a council list, trained and audited each year, "
            "could carry out subsidised work, and the check decided whether insulation "
            "had to come first.\n\nThe programme office published monthly figures on "
            "installations, complaints and measured savings.",
            "building_blocks": "An energy check protocol of two hours per home; an installer list with "
            "annual audits; a grant scheme funded from the city's electricity dividend;"
            " a public dashboard.",
            "barriers": "Grid capacity in two older districts limited installations until the "
            "utility reinforced substations in 2021. Installer training took longer "
            "than planned.",
            "enabling_factors": "Cheap, low-carbon hydropower electricity; a utility owned by the city; "
            "cross-party support in the council.",
            "outcomes": "6,000 homes converted; oil heating down from one home in five to one in "
            "twenty-five. Building emissions fell, but the city as a whole is off track"
            " for 2040 because transport emissions barely moved.",
            "lessons_learnt": "Insulate first where the check says so: the few bad installations did more"
            " harm to the programme's reputation than the grant did good. Publishing "
            "complaints built trust.",
            "replicability": "Works where electricity is low-carbon and the grid can take the load; "
            "cities with gas networks need a different pitch, as the running-cost "
            "advantage is smaller.",
        },
        "quote": (
            "Publishing the complaints each month did more for trust than any advert.",
            "Programme manager, Northhaven (fictional)",
        ),
    },
    {
        "slug": "costa-verde-renewable-auctions",
        "title": "Regional renewable auctions for a coastal region",
        "summary": "The Costa Verde regional government ran three auctions for wind and solar "
        "power, contracting 1.2 GW at falling prices with community benefit "
        "clauses.",
        "actor": "subnational-region",
        "level": "regional",
        "countries": ["ES"],
        "region": "Costa Verde",
        "sectors": ["energy-supply"],
        "stage": "adopted",
        "instruments": ["regulation-and-standards", "public-investment"],
        "benefits": ["jobs", "energy-security"],
        "target": ("percent-reduction", 90, 2005, 2045, "in-law"),
        "figures": ((2005, "14.2"), (2021, "9.1"), "MtCO2e"),
        "milestones": [
            (2030, "6.0", "Regional climate law interim target"),
        ],
        "tools": ["osemosys", "subnational-emissions-dataset"],
        "sections": {
            "context": "Costa Verde, a region of 2.3 million people, relied on two gas plants and "
            "imports for most of its electricity. Its climate law of 2019 set a 90% cut"
            " from 2005 by 2045.",
            "challenge": "Developers saw regional permitting as slow and unpredictable; coastal "
            "municipalities feared that turbines would hurt tourism and bring no local "
            "benefit.",
            "solution": "The region ran three auctions (2019, 2021, 2023) with pre-screened sites, "
            "a single permitting window and a clause reserving 1% of revenue for host "
            "municipalities.",
            "building_blocks": "A zoning map of suitable sites agreed with municipalities; a one-stop "
            "permitting office; standard auction documents; a benefit-sharing fund.",
            "barriers": "Grid connection queues delayed a third of the contracted capacity by two "
            "years. Two coastal municipalities took the zoning map to court; both cases"
            " were settled after the benefit-sharing clause was raised.",
            "enabling_factors": "Good wind and sun, a national framework allowing regional auctions, and "
            "falling equipment prices.",
            "outcomes": "1.2 GW contracted, 800 MW in operation. Prices in the third auction were "
            "30% below the first. The region's pace is just short of its straight-line "
            "pathway.",
            "lessons_learnt": "Agree the zoning map with municipalities before the first auction; "
            "re-opening it later cost a year.",
            "replicability": "Regions with permitting powers and a stable national market framework can "
            "repeat it; without grid planning, contracted capacity will wait.",
        },
    },
    {
        "slug": "low-clinker-cement-roadmap",
        "title": "Cement plant roadmap to low-clinker products",
        "summary": "A cement maker set a 40% cut by 2035 at its largest plant, starting with "
        "blended cements and a kiln fuel switch.",
        "actor": "business",
        "level": "organisation",
        "countries": ["MX"],
        "sectors": ["industry"],
        "stage": "pathway-modelling",
        "instruments": ["voluntary-agreements", "research-and-innovation"],
        "benefits": ["jobs", "accelerated-climate-action"],
        "target": ("percent-reduction", 40, 2018, 2035, "voluntary"),
        "figures": ((2018, "1850"), (2023, "1690"), "ktCO2e"),
        "milestones": [
            (2030, "1300", "Company interim target"),
        ],
        "tools": ["ghg-protocol-corporate-standard", "industrial-heat-method"],
        "sections": {
            "context": "Cementos del Valle (fictional) runs a plant producing 2.1 million tonnes "
            "of cement a year. Around 60% of its emissions come from the chemistry of "
            "making clinker, the rest from kiln fuel.",
            "challenge": "Clinker emissions cannot be cut by fuel switching; they fall only if less "
            "clinker goes into each tonne of cement, which customers and building codes"
            " had to accept.",
            "solution": "The company modelled three pathways and chose one built on blended cements"
            " with calcined clay, a switch of 30% of kiln fuel to waste-derived fuels, "
            "and a carbon capture pilot after 2030.",
            "building_blocks": "A plant-level inventory under the GHG Protocol; a product standard for "
            "blended cement agreed with two large builders; a fuel supply contract with"
            " the municipal waste company.",
            "barriers": "Building codes referenced only ordinary cement; approval of the blended "
            "product took 14 months.",
            "enabling_factors": "Local clay deposits within 40 km of the plant; a national voluntary "
            "agreement with the cement association that gave the company a forum with "
            "regulators.",
            "outcomes": "Clinker share down from 82% to 74%. At the current pace the 2035 target "
            "will be missed unless the kiln fuel switch starts on time.",
            "lessons_learnt": "Bring large customers in early: their specifications matter as much as the"
            " regulator's. Report the clinker share every quarter, because it is the "
            "figure engineers can act on.",
            "replicability": "Applies to most cement plants with access to clay or slag; carbon capture "
            "needs storage sites that many regions lack.",
        },
    },
    {
        "slug": "pension-fund-alignment",
        "title": "Pension fund portfolio alignment with net zero",
        "summary": "A pension fund cut the financed emissions of its equity and bond portfolio"
        " by a quarter in four years through engagement, exclusions and a green "
        "bond allocation.",
        "actor": "investor",
        "level": "organisation",
        "countries": ["DK"],
        "sectors": ["cross-sectoral"],
        "stage": "implementing",
        "instruments": ["information-and-labelling", "voluntary-agreements"],
        "benefits": ["accelerated-climate-action", "socio-economic-benefits"],
        "target": ("net-zero-ghg", None, None, 2050, "voluntary"),
        "figures": ((2019, "2400"), (2023, "1750"), "ktCO2e"),
        "milestones": [
            (2030, "1200", "Interim portfolio target"),
        ],
        "tools": ["investor-disclosure-template"],
        "sections": {
            "context": "Fremtid Pension (fictional) manages the savings of 300,000 members. In "
            "2019 its listed portfolio financed 2.4 million tonnes of emissions a year.",
            "challenge": "Selling high-emitting holdings lowers the fund's figure without cutting "
            "real emissions; members and the board wanted both.",
            "solution": "The fund set a net-zero goal for 2050 with a 2030 milestone, engaged the "
            "twenty largest emitters in its portfolio with a two-year deadline, "
            "excluded companies expanding coal, and allocated 8% of the bond portfolio "
            "to green bonds.",
            "building_blocks": "A financed-emissions method applied every year; an engagement list with "
            "public deadlines; an escalation rule (vote against the board, then "
            "divest).",
            "barriers": "Emissions data for bonds and smaller companies were patchy; a third of the"
            " figure is estimated.",
            "enabling_factors": "A board mandate adopted in 2019 and a members' survey in which seven in "
            "ten supported climate targets, even at a small cost in returns.",
            "outcomes": "Financed emissions down 27% in four years, ahead of the straight line to "
            "2050. Eleven of the twenty engaged companies set targets; two were "
            "divested.",
            "lessons_learnt": "Separate the effect of engagement from that of portfolio changes in "
            "reporting, or the figures will flatter.",
            "replicability": "Any asset owner can adopt the method. Smaller funds can pool engagement "
            "with peers, as the fund did for bond issuers where its own holdings were "
            "too small to be heard.",
        },
    },
    {
        "slug": "island-energy-cooperatives",
        "title": "Community energy cooperatives on small islands",
        "summary": "Three island communities formed cooperatives that replaced diesel "
        "generation with solar, batteries and wind, owned by the residents.",
        "actor": "ngo-civil-society",
        "level": "local",
        "countries": ["NZ"],
        "region": "Outer Islands (fictional)",
        "sectors": ["energy-supply"],
        "stage": "implementing",
        "instruments": ["public-investment", "fiscal-incentives"],
        "benefits": ["climate-resilience", "energy-security", "just-transition"],
        "target": ("carbon-neutral-co2", None, None, 2040, "voluntary"),
        "figures": ((2015, "38"), (2023, "29"), "ktCO2e"),
        "tools": ["city-peer-exchange"],
        "sections": {
            "context": "Three islands with 4,000 residents between them depended on shipped diesel"
            " for power. Storms cut supply twice in 2014.",
            "challenge": "Residents wanted cheaper, reliable power, but no single household or the "
            "island councils could finance a grid-scale system.",
            "solution": "A community trust helped residents form cooperatives, each owning a solar "
            "array with batteries; one island added two small turbines. A national "
            "grant covered 40% and member shares the rest.",
            "building_blocks": "Cooperative statutes; a standard supply contract; a maintenance agreement "
            "with a mainland firm; training for two local technicians per island.",
            "barriers": "Shipping equipment took months; one battery system failed in its first "
            "winter and had to be replaced under warranty, which took five months.",
            "enabling_factors": "A national fund for remote communities; a trusted local organisation that "
            "had run the islands' water schemes for twenty years.",
            "outcomes": "Diesel use down by 60% on two islands; power cuts during storms now last "
            "hours, not days. Emissions fell, but boats and vehicles keep the islands "
            "off track for 2040.",
            "lessons_learnt": "Train local technicians before commissioning, not after. Keep a stock of "
            "spare parts on each island: the boat may not come for a week.",
            "replicability": "Suits communities with a trusted organiser and some public co-finance. "
            "Without the grant, member shares alone would have covered about a third of"
            " the cost.",
        },
    },
    {
        "slug": "university-pathways-consortium",
        "title": "University consortium modelling national pathways",
        "summary": "Five universities built an open model of national pathways to net zero and"
        " published every assumption, so that ministries and NGOs could rerun it.",
        "actor": "academia",
        "level": "national",
        "countries": ["FR"],
        "sectors": ["cross-sectoral", "energy-supply"],
        "stage": "pathway-modelling",
        "instruments": ["research-and-innovation"],
        "benefits": ["accelerated-climate-action"],
        "target": None,
        "figures": None,
        "tools": ["osemosys", "co-benefits-valuation"],
        "sections": {
            "context": "Five universities (fictional: the Consortium Trajectoires) wanted a "
            "shared, open model of national pathways, because each ministry used its "
            "own and results could not be compared.",
            "challenge": "Models differed in their years, sectors and cost assumptions; nobody could"
            " say why two results disagreed.",
            "solution": "The consortium agreed one set of input data, built a model on an open "
            "framework and published code, data and a changelog. Any user can rerun a "
            "scenario and see which assumption moved the result.",
            "building_blocks": "A public data repository; an assumptions book with a source for every "
            "number; a quarterly release with a changelog; a users' forum where "
            "ministries and NGOs report errors.",
            "barriers": "Cost data from industry were confidential; the consortium used published "
            "ranges instead. Keeping five universities' staff on one release calendar "
            "needed a paid coordinator.",
            "outcomes": "Two ministries and four NGOs now use the model. This case study has no "
            "emissions figures of its own: it produced pathways, not a target.",
            "lessons_learnt": "Publishing assumptions ended arguments about results and started arguments"
            " about assumptions, which are the useful ones.",
            "replicability": "Needs a few committed institutions and multi-year funding for maintenance."
            " The model itself is the cheap part; the data and the coordinator are not.",
        },
    },
    {
        "slug": "development-bank-screening",
        "title": "Regional development bank screening tool roll-out",
        "summary": "A regional development bank screened every new loan for its fit with "
        "borrowers' long-term strategies and climate risks.",
        "actor": "international-organisation",
        "level": "international",
        "countries": ["CR"],
        "sectors": ["cross-sectoral"],
        "focus": "both",
        "stage": "implementing",
        "instruments": ["information-and-labelling", "public-investment"],
        "benefits": ["climate-resilience", "socio-economic-benefits"],
        "target": None,
        "figures": None,
        "tools": ["unfccc-long-term-strategies-portal"],
        "sections": {
            "context": "The Isthmus Development Bank (fictional) lends about 2 billion a year for "
            "infrastructure in six countries.",
            "challenge": "Loan officers had no quick way to tell whether a road, port or power "
            "project fit the borrower's long-term strategy or would be exposed to "
            "floods and heat.",
            "solution": "The bank built a two-part screen: a check of the project against the "
            "borrower's submitted long-term strategy and sector targets, and a "
            "climate-risk score from hazard maps. Projects that fail either get a "
            "redesign step before approval.",
            "building_blocks": "A library of borrowers' strategies and targets; hazard maps; a one-page "
            "screening form; a review panel.",
            "barriers": "Several borrowers had no long-term strategy yet; the screen then uses the "
            "NDC, which rarely looks beyond 2030. Hazard maps were coarse for small "
            "islands.",
            "outcomes": "All 140 loans in the first two years were screened; 18 were redesigned, "
            "mostly for flood risk.",
            "lessons_learnt": "Keep the screen short: a one-page form was used, a twenty-page one was "
            "not. Give loan officers a named colleague to ask, not a manual.",
            "replicability": "Any lender with project pipelines in countries that have strategies. A "
            "public library of borrowers' strategies, like the UNFCCC's, saves most of "
            "the set-up work.",
        },
    },
    {
        "slug": "alpenmark-renovation-wave",
        "title": "Regional building renovation wave",
        "summary": "The Alpenmark regional government doubled its renovation rate with "
        "one-stop advice centres, a renovation passport and loans repaid from "
        "energy savings.",
        "actor": "subnational-region",
        "level": "regional",
        "countries": ["AT"],
        "region": "Alpenmark (fictional)",
        "sectors": ["buildings"],
        "stage": "adopted",
        "instruments": ["fiscal-incentives", "regulation-and-standards"],
        "benefits": ["jobs", "health-and-air-quality", "energy-security"],
        "target": ("percent-reduction", 80, 2010, 2040, "in-law"),
        "figures": ((2010, "3.9"), (2022, "3.0"), "MtCO2e"),
        "milestones": [
            (2030, "2.1", "Regional buildings plan"),
        ],
        "tools": ["retrofit-cost-calculator", "subnational-emissions-dataset"],
        "sections": {
            "context": "Alpenmark, a mountainous region of 1.1 million people, has an old building"
            " stock: half of its homes were built before 1980, and many are heated with"
            " oil or wood.",
            "challenge": "Renovation ran at 1% of homes a year; owners found the process confusing "
            "and banks saw small renovation loans as unattractive.",
            "solution": "The region opened twelve one-stop advice centres, introduced a renovation "
            "passport that plans the steps for each house over 15 years, and offered "
            "loans repaid from the energy savings through the energy bill.",
            "building_blocks": "Advice centres; the passport format; a loan guarantee fund; a register of "
            "qualified contractors.",
            "barriers": "Shortage of skilled workers; rising construction costs in 2022 made a "
            "quarter of planned renovations wait a year.",
            "enabling_factors": "Regional powers over building rules and housing subsidies; a utility "
            "willing to collect loan repayments on its bills.",
            "outcomes": "The renovation rate rose to 2.1% a year. Emissions are falling, but the "
            "2030 milestone lies above the straight-line pathway: the plan back-loads "
            "effort after 2030.",
            "lessons_learnt": "The passport made owners start: a 15-year plan felt manageable where a "
            "full renovation did not.",
            "replicability": "Regions or cities with subsidy powers. The on-bill loan needs the "
            "utility's cooperation and a law that lets the repayment stay with the "
            "house when it is sold.",
        },
    },
    {
        "slug": "cordillera-bus-electrification",
        "title": "Bus fleet electrification in a metropolitan city",
        "summary": "Cordillera City put 800 battery-electric buses on the road in four years "
        "through separate contracts for buses, operations and charging.",
        "actor": "city",
        "level": "local",
        "countries": ["CL"],
        "city": "Cordillera City",
        "sectors": ["transport"],
        "stage": "implementing",
        "instruments": ["public-investment", "regulation-and-standards"],
        "benefits": ["health-and-air-quality", "jobs"],
        "target": ("percent-reduction", 60, 2012, 2035, "policy"),
        "figures": ((2012, "980"), (2023, "840"), "ktCO2e"),
        "milestones": [
            (2030, "600", "Clean transport plan"),
        ],
        "tools": ["fleet-electrification-calculator", "transport-demand-model"],
        "sections": {
            "context": "Cordillera City (fictional), a metropolitan area of 3 million people, ran "
            "4,000 diesel buses. Transport was its largest source of emissions and of "
            "air pollution in winter.",
            "challenge": "Operators could not finance electric buses, which cost twice a diesel bus,"
            " on ten-year concessions.",
            "solution": "The city separated the contracts: energy companies financed and leased the"
            " buses, operators ran them, and the city paid per kilometre. Depot "
            "charging was tendered separately.",
            "building_blocks": "Lease contracts for buses; operating contracts paid per kilometre; depot "
            "charging concessions; a fleet monitoring system.",
            "barriers": "Depot grid connections took 18 months each; two operators resisted the "
            "change until their contracts were renegotiated.",
            "enabling_factors": "National support for electromobility; falling battery prices; an energy "
            "company eager to lease buses as a new business line.",
            "outcomes": "800 electric buses in service, a fifth of the fleet. Bus emissions fell, "
            "but car traffic grew, so transport emissions are well off the pathway to "
            "2035.",
            "lessons_learnt": "Separating ownership from operation unlocked finance; grid connections "
            "should be requested before buses are ordered.",
            "replicability": "Cities with tendered bus services can copy the contract model. Cities "
            "whose operators own their buses would first need to change the concession "
            "rules.",
        },
    },
    {
        "slug": "lakeland-landfill-methane",
        "title": "Province-wide landfill methane capture",
        "summary": "Lakeland Province required gas capture at every large landfill and banned "
        "food waste from landfill, cutting waste emissions by more than a third.",
        "actor": "subnational-region",
        "level": "regional",
        "countries": ["CA"],
        "region": "Lakeland Province (fictional)",
        "sectors": ["waste"],
        "stage": "implementing",
        "instruments": ["regulation-and-standards", "public-investment"],
        "benefits": ["health-and-air-quality", "accelerated-climate-action"],
        "target": ("percent-reduction", 75, 2008, 2040, "in-law"),
        "figures": ((2008, "3.4"), (2022, "2.1"), "MtCO2e"),
        "milestones": [
            (2030, "1.5", "Provincial waste plan"),
        ],
        "tools": ["waste-mitigation-guidebook", "ipcc-2006-inventory-guidelines"],
        "sections": {
            "context": "Lakeland Province (fictional) had 31 active landfills; methane from waste "
            "made up 12% of its emissions.",
            "challenge": "Small landfills produced too little gas to pay for capture, and "
            "municipalities feared the cost of separate food-waste collection.",
            "solution": "The province required gas capture at landfills above a size threshold, "
            "funded half the equipment, and phased in a ban on food waste in landfill "
            "over four years, with grants for composting sites.",
            "building_blocks": "A capture regulation with a size threshold; a capital grant; a phased "
            "landfill ban; measurement rules for captured gas.",
            "barriers": "Measuring methane leaks was harder than expected; early estimates were "
            "revised upwards by a fifth once instruments replaced default factors.",
            "enabling_factors": "Provincial authority over waste; an electricity buyer for landfill gas; "
            "municipalities already sharing two regional composting sites.",
            "outcomes": "Waste emissions down 38% since 2008, on track for the 2040 target at the "
            "current pace. Captured gas now generates power for about 15,000 homes.",
            "lessons_learnt": "Measure leaks with instruments, not default factors: the correction hurt, "
            "but it made the figures credible.",
            "replicability": "Any region with landfill regulation powers. The size threshold matters: "
            "set too low, it burdens landfills whose gas cannot pay for capture.",
        },
    },
    {
        "slug": "food-retailer-supply-chain",
        "title": "Food retailer supply-chain emissions plan",
        "summary": "A supermarket chain set a target for its supply-chain emissions and worked"
        " with 200 farm suppliers on feed, fertiliser and manure.",
        "actor": "business",
        "level": "organisation",
        "countries": ["NL"],
        "sectors": ["afolu", "transport"],
        "stage": "adopted",
        "instruments": ["voluntary-agreements", "information-and-labelling"],
        "benefits": ["biodiversity", "socio-economic-benefits"],
        "target": ("percent-reduction", 42, 2019, 2030, "voluntary"),
        "figures": ((2019, "5200"), (2023, "4900"), "ktCO2e"),
        "tools": ["ghg-protocol-corporate-standard"],
        "sections": {
            "context": "Verskorf Markets (fictional) runs 600 stores. 90% of its emissions are in "
            "its supply chain, mostly dairy and meat.",
            "challenge": "The retailer controls none of its suppliers' farms, and farmers operate on"
            " thin margins. A farm that changes its feed or manure handling bears the "
            "cost; the retailer reports the cut.",
            "solution": "It offered suppliers a price premium for verified cuts, paid for farm "
            "carbon audits, and relabelled products with a simple footprint score.",
            "building_blocks": "A farm audit protocol; a premium scheme per verified tonne; supplier data "
            "sharing through a common platform; product labels with a footprint score.",
            "barriers": "Only 200 of 1,500 farm suppliers joined in the first two years. Smaller "
            "farms found the audit too long for the premium it earned.",
            "outcomes": "Supply-chain emissions down 6% in four years: far off the pace needed for "
            "2030. Participating farms cut theirs by 14%, so reach, not depth, is the "
            "problem.",
            "lessons_learnt": "A premium alone does not move enough farms; the plan is being revised to "
            "include long-term contracts.",
            "replicability": "Retailers with direct supplier relations; harder through wholesalers, who "
            "would have to pass both the premium and the data along.",
        },
    },
    {
        "slug": "municipal-lender-green-bonds",
        "title": "Green bond framework of a municipal lender",
        "summary": "A lender owned by municipalities issued green bonds tied to cities' "
        "climate plans, financing renovation and district heating at lower cost.",
        "actor": "investor",
        "level": "organisation",
        "countries": ["SE"],
        "sectors": ["buildings", "energy-supply"],
        "stage": "implementing",
        "instruments": ["public-investment", "information-and-labelling"],
        "benefits": ["socio-economic-benefits", "accelerated-climate-action"],
        "target": None,
        "figures": None,
        "tools": ["investor-disclosure-template"],
        "sections": {
            "context": "Kommunlån (fictional) lends to 250 municipalities and their companies: "
            "housing, water, energy and transport. It funds itself by issuing bonds to "
            "investors.",
            "challenge": "Municipal climate plans were ambitious, but their projects competed with "
            "schools and roads for the same borrowing.",
            "solution": "The lender issued green bonds whose proceeds fund only projects named in a"
            " municipality's climate plan, with yearly impact reports per project.",
            "building_blocks": "A green bond framework; an eligibility list linked to climate plans; an "
            "impact reporting template; external review.",
            "barriers": "Impact reporting was a burden for small municipalities, some of which had "
            "no one to calculate avoided emissions.",
            "outcomes": "Green lending grew to a third of the portfolio. This case has no emissions"
            " figures of its own: it reports financed projects, not a target.",
            "lessons_learnt": "Link eligibility to the borrower's own plan; it made approvals quick. "
            "Offer a simple impact calculator, or small borrowers will not report.",
            "replicability": "Municipal lenders and development banks. The approach needs investors who "
            "accept a slightly lower yield for green bonds, which depends on the "
            "market.",
        },
    },
    {
        "slug": "ribeira-alta-citizens-panel",
        "title": "Citizens' panel on a city's long-term strategy",
        "summary": "Ribeira Alta asked 60 randomly selected residents to review its draft "
        "strategy; the council adopted 21 of their 27 recommendations.",
        "actor": "ngo-civil-society",
        "level": "local",
        "countries": ["PT"],
        "city": "Ribeira Alta",
        "sectors": ["cross-sectoral"],
        "focus": "both",
        "stage": "consultation",
        "instruments": ["information-and-labelling", "planning-and-zoning"],
        "benefits": ["just-transition", "health-and-air-quality"],
        "target": None,
        "figures": None,
        "tools": ["consultation-handbook"],
        "sections": {
            "context": "Ribeira Alta (fictional) is a city of 90,000. A local civic association, "
            "Praça Comum (fictional), proposed a citizens' panel on the draft long-term"
            " strategy.",
            "challenge": "Earlier consultations drew the same few dozen people; the draft was little"
            " known in poorer districts.",
            "solution": "Sixty residents, selected by lot to mirror the city's population, met over"
            " six weekends with experts of their choosing, and wrote recommendations "
            "the council had to answer in public.",
            "building_blocks": "Selection by lot; paid attendance and childcare; expert hearings; a public"
            " response from the council.",
            "barriers": "Some councillors saw the panel as a rival to elected representation. "
            "Recruiting young men by lot was hardest; a second mailing was needed.",
            "outcomes": "21 of 27 recommendations adopted, including free buses for under-18s and a"
            " retrofit programme for social housing first.",
            "lessons_learnt": "Pay participants and their childcare, or the panel will not be "
            "representative. Let the panel choose some of its experts: it trusted them "
            "more.",
            "replicability": "Any city with a draft to review and a council willing to answer in public."
            " The cost, about 150,000 for six weekends, is small beside the strategy's "
            "budget.",
        },
    },
    {
        "slug": "boreal-removals-inventory",
        "title": "Research institute land-use removals inventory",
        "summary": "A research institute rebuilt a region's land-use inventory from forest "
        "plots and satellite data, showing a sink half the size previously assumed.",
        "actor": "academia",
        "level": "national",
        "countries": ["FI"],
        "region": "Northern Lakes (fictional)",
        "sectors": ["afolu"],
        "stage": "pathway-modelling",
        "instruments": ["research-and-innovation"],
        "benefits": ["biodiversity", "climate-resilience"],
        "target": None,
        "figures": ((2010, "-4.8"), (2021, "-2.3"), "MtCO2e", "net_removals"),
        "tools": ["land-use-removals-dataset", "ipcc-2006-inventory-guidelines"],
        "sections": {
            "context": "The Boreal Carbon Observatory (fictional) was asked to check the land-use "
            "sink that a region counted on for its neutrality goal.",
            "challenge": "The old estimate rested on growth tables from the 1990s; harvests had "
            "since increased, and nobody had checked the sink against measurements for "
            "fifteen years.",
            "solution": "The institute combined 3,000 forest plots with satellite data and soil "
            "samples, following the IPCC guidelines, and published the uncertainty of "
            "each figure.",
            "building_blocks": "Plot measurements; satellite change detection; a soil carbon model; an "
            "open dataset with the sampling error of each figure.",
            "barriers": "Peatland soils were poorly sampled; their uncertainty remains large, and "
            "drained peatlands may turn the sink into a source in some districts.",
            "outcomes": "The net sink (negative emissions, net removals) fell from 4.8 to 2.3 "
            "MtCO2e a year between 2010 and 2021. The case has no target of its own, so"
            " the tracker has nothing to measure against.",
            "lessons_learnt": "A neutrality goal that relies on a sink needs the sink measured as often "
            "as emissions. Publish uncertainty ranges: they changed the political "
            "debate more than the central figure.",
            "replicability": "Institutes with access to plot networks and satellite data. The method "
            "follows the IPCC guidelines, so inventories elsewhere can adopt it.",
        },
    },
    {
        "slug": "coal-regions-just-transition-network",
        "title": "Regional network on just transition in coal regions",
        "summary": "A network of coal regions shared retraining and investment plans, helping "
        "eight regions prepare for mine and plant closures.",
        "actor": "international-organisation",
        "level": "international",
        "countries": ["DE", "CL", "CO"],
        "sectors": ["energy-supply", "industry"],
        "focus": "both",
        "stage": "consultation",
        "instruments": ["public-investment", "voluntary-agreements"],
        "benefits": ["just-transition", "jobs"],
        "target": None,
        "figures": None,
        "tools": ["just-transition-training"],
        "sections": {
            "context": "The Coal Regions Exchange (fictional) links eight regions whose economies "
            "depend on coal mining or coal power.",
            "challenge": "Each region planned closures alone and repeated the same mistakes, such as"
            " retraining for jobs that did not yet exist.",
            "solution": "The network ran peer visits, a shared library of transition plans and a "
            "mentoring scheme pairing regions that had closed mines with those about "
            "to.",
            "building_blocks": "Peer visits; a plan library; mentoring pairs; an annual meeting with "
            "unions and employers.",
            "barriers": "Language differences; turnover of officials, which meant that three "
            "regions changed their contact person within a year.",
            "outcomes": "Eight regional transition plans drafted with unions at the table. Two "
            "regions secured national funds for retraining centres using the network's "
            "shared plans.",
            "lessons_learnt": "Start with the workers' own assessment of their skills. Visits worked "
            "better than reports: seeing a closed mine reused convinced sceptics.",
            "replicability": "Any group of regions facing the same structural change, including regions "
            "dependent on oil, gas or heavy industry.",
        },
    },
    {
        "slug": "seto-bay-hydrogen-readiness",
        "title": "Industrial cluster hydrogen readiness study",
        "summary": "Companies in an industrial cluster studied shared hydrogen and CO2 "
        "pipelines and set a joint net-zero goal.",
        "actor": "business",
        "level": "organisation",
        "countries": ["JP"],
        "region": "Seto Bay (fictional)",
        "sectors": ["industry", "energy-supply"],
        "stage": "pathway-modelling",
        "instruments": ["research-and-innovation", "voluntary-agreements"],
        "benefits": ["energy-security", "jobs"],
        "target": ("net-zero-ghg", None, None, 2050, "voluntary"),
        "figures": ((2013, "8600"), (2022, "7900"), "ktCO2e"),
        "milestones": [
            (2030, "4700", "Cluster 2030 goal"),
        ],
        "tools": ["industrial-heat-method", "pypsa"],
        "sections": {
            "context": "The Seto Bay cluster (fictional) groups a refinery, a steel mill, two "
            "chemical plants and a power station on one shoreline.",
            "challenge": "No company alone could justify a hydrogen supply or a CO2 pipeline, and "
            "each waited for the others to commit first.",
            "solution": "The companies commissioned a joint study of shared infrastructure, with "
            "demand from each site by year and a common cost model.",
            "building_blocks": "A joint venture agreement; site-level demand forecasts by year; a shared "
            "cost model; a neutral secretariat hosted by the prefectural industry "
            "association.",
            "barriers": "Competition law concerns slowed data sharing; each company's demand "
            "figures had to pass through the secretariat in aggregated form.",
            "outcomes": "A shared pipeline route chosen. At the pace so far the 2030 goal is out of"
            " reach; it lies ahead of the straight line and depends on the pipeline.",
            "lessons_learnt": "Agree data-sharing rules with lawyers on day one. Name the first anchor "
            "customer early: it set the pipeline's size.",
            "replicability": "Clusters with several heavy emitters close together, and a port or site "
            "for hydrogen import or production.",
        },
    },
    {
        "slug": "atlantica-shore-power",
        "title": "Port city shore power and logistics plan",
        "summary": "Atlantica electrified its cruise and ferry berths and moved freight from "
        "lorries to rail, cutting port-area emissions by 13%.",
        "actor": "city",
        "level": "local",
        "countries": ["PT"],
        "city": "Atlantica",
        "sectors": ["transport"],
        "stage": "adopted",
        "instruments": ["public-investment", "planning-and-zoning"],
        "benefits": ["health-and-air-quality"],
        "target": ("carbon-neutral-co2", None, None, 2045, "policy"),
        "figures": ((2015, "620"), (2023, "540"), "ktCO2e"),
        "milestones": [
            (2030, "330", "Port-city climate plan"),
        ],
        "tools": ["transport-demand-model"],
        "sections": {
            "context": "Atlantica (fictional) is a port city of 200,000, where ships at berth ran "
            "their engines next to residential streets.",
            "challenge": "Shore power needs grid upgrades, and ships need compatible equipment; "
            "neither the port nor the shipping lines wanted to invest first.",
            "solution": "The port and the city co-funded shore power at four berths and made its "
            "use a condition of berth allocation for regular ferries; a rail terminal "
            "took freight off the city's roads.",
            "building_blocks": "Shore power connections at four berths; berth allocation conditions; a "
            "rail freight terminal; air quality monitors along the waterfront.",
            "barriers": "Cruise lines were slow to equip their ships, and the rail terminal's "
            "opening slipped by a year after a dispute over land.",
            "outcomes": "Port-area emissions down 13%; nitrogen dioxide near the berths down by a "
            "third. The 2045 goal needs a much faster pace.",
            "lessons_learnt": "Conditions in berth allocation worked faster than incentives. Publish air "
            "quality near the berths: residents' support followed the figures.",
            "replicability": "Port cities with regular ferry traffic. Cruise-only ports will need "
            "regional or national rules, as lines call too rarely for local conditions "
            "to bite.",
        },
    },
    {
        "slug": "andean-uplands-forest-agriculture",
        "title": "Forest-smart agriculture in an upland region",
        "summary": "An upland region paid farmers to restore forest strips and shift to "
        "silvopasture, cutting land-use emissions and protecting water sources.",
        "actor": "subnational-region",
        "level": "regional",
        "countries": ["CO"],
        "region": "Andean Uplands (fictional)",
        "sectors": ["afolu"],
        "focus": "both",
        "stage": "implementing",
        "instruments": ["fiscal-incentives", "planning-and-zoning"],
        "benefits": ["biodiversity", "climate-resilience", "socio-economic-benefits"],
        "target": ("percent-reduction", 51, 2010, 2030, "policy"),
        "figures": ((2010, "6.8"), (2022, "5.2"), "MtCO2e"),
        "tools": ["land-use-removals-dataset"],
        "sections": {
            "context": "The Andean Uplands (fictional) region lost forest to cattle pasture for "
            "decades; landslides and dry springs followed.",
            "challenge": "Farmers could not afford to take land out of production, and earlier "
            "tree-planting schemes had planted species that cattle ate or that dried "
            "out.",
            "solution": "The region paid farmers per hectare for restored forest strips along "
            "streams and for silvopasture (trees on grazing land), with technical "
            "advice.",
            "building_blocks": "Payments for ecosystem services; a land registry; technical advisers; "
            "monitoring by satellite.",
            "barriers": "Unclear land titles excluded a third of farmers; payments were late in two"
            " years when the regional budget was cut.",
            "outcomes": "24,000 hectares enrolled; two water sources that had run dry now flow all "
            "year. Emissions are down 24% since 2010, off track for 2030.",
            "lessons_learnt": "Fix land titles first; payments cannot reach farmers without them. Pay on "
            "time: one late year cost more trust than three good ones built.",
            "replicability": "Regions with a land registry and a stable payment budget. Water utilities "
            "downstream are natural co-funders.",
        },
    },
    {
        "slug": "utility-coal-phase-out",
        "title": "Utility coal phase-out and grid storage plan",
        "summary": "A power utility closed four of its six coal units early, replacing them "
        "with wind, solar and batteries, and agreed a plan for its workers.",
        "actor": "business",
        "level": "organisation",
        "countries": ["CL"],
        "sectors": ["energy-supply"],
        "stage": "implementing",
        "instruments": ["voluntary-agreements", "carbon-pricing"],
        "benefits": ["just-transition", "energy-security"],
        "target": ("net-zero-ghg", None, None, 2040, "voluntary"),
        "figures": ((2016, "9400"), (2023, "5100"), "ktCO2e"),
        "milestones": [
            (2030, "2000", "Last coal unit closed"),
        ],
        "tools": ["pypsa", "just-transition-training"],
        "sections": {
            "context": "Andes Power (fictional) owned six coal units supplying a fifth of the "
            "country's northern grid.",
            "challenge": "Closing coal early risked blackouts in the northern grid and 1,200 jobs in"
            " two towns that depended on the plants.",
            "solution": "The utility modelled its grid to size battery storage, contracted wind and"
            " solar, and agreed a transition plan with unions: early retirement, "
            "retraining and jobs at the new plants.",
            "building_blocks": "A grid model of the northern system; storage tenders; a union agreement on"
            " early retirement and retraining; a public closure calendar.",
            "barriers": "Transmission lines for the new plants were delayed, so one coal unit ran "
            "two years longer than planned.",
            "outcomes": "Four units closed; emissions down 46% in seven years, ahead of the "
            "straight line to 2040. 700 of the 1,200 workers retired early or moved to "
            "new jobs at the company.",
            "lessons_learnt": "Agree the workers' plan before announcing dates. Size storage on the grid "
            "model, not on rules of thumb: the model found half the capacity was "
            "enough.",
            "replicability": "Utilities with good renewable resources and a storage market. Where coal "
            "plants are under long power contracts, the buyer has to be at the table.",
        },
    },
    {
        "slug": "insurers-resilience-disclosure",
        "title": "Insurers' climate resilience disclosure",
        "summary": "Insurers agreed a common way to disclose their exposure to floods and "
        "storms, and shared data with cities planning adaptation.",
        "actor": "investor",
        "level": "organisation",
        "countries": ["LU"],
        "sectors": ["cross-sectoral"],
        "focus": "adaptation",
        "stage": "adopted",
        "instruments": ["information-and-labelling"],
        "benefits": ["climate-resilience"],
        "target": None,
        "figures": None,
        "tools": ["investor-disclosure-template"],
        "sections": {
            "context": "Seven insurers (fictional, organised as the Resilience Disclosure Group) "
            "held policies on 400,000 buildings.",
            "challenge": "Each insurer measured flood and storm exposure differently; cities could "
            "not use the data.",
            "solution": "The group agreed a common disclosure format and shared anonymised exposure"
            " maps with city planners.",
            "building_blocks": "A disclosure standard for flood and storm exposure; anonymised exposure "
            "maps at street level; a data-sharing agreement with cities.",
            "outcomes": "Three cities used the maps to prioritise flood defences. This is an "
            "adaptation case: it has no emissions figures.",
            "lessons_learnt": "Anonymise at the street level; building-level data raised privacy "
            "objections. Start with one hazard (floods) and add others once the format "
            "works.",
            "replicability": "Insurance markets with a few large players, who can agree a format "
            "quickly; fragmented markets may need a regulator to set it.",
        },
    },
    {
        "slug": "riva-nuova-zero-waste",
        "title": "Zero-waste neighbourhoods programme",
        "summary": "Riva Nuova introduced door-to-door separate collection and "
        "pay-as-you-throw charges, halving residual waste in nine years.",
        "actor": "city",
        "level": "local",
        "countries": ["IT"],
        "city": "Riva Nuova",
        "sectors": ["waste"],
        "stage": "implementing",
        "instruments": ["regulation-and-standards", "information-and-labelling"],
        "benefits": ["health-and-air-quality", "jobs"],
        "target": ("percent-reduction", 70, 2014, 2035, "policy"),
        "figures": ((2014, "96"), (2023, "61"), "ktCO2e"),
        "milestones": [
            (2030, "45", "Waste plan milestone"),
        ],
        "tools": ["waste-mitigation-guidebook"],
        "sections": {
            "context": "Riva Nuova (fictional), a city of 180,000, sent 70% of its waste to "
            "landfill in 2014. Its landfill was due to close in 2020, and the next one "
            "was 90 km away.",
            "challenge": "Street bins made sorting anonymous, and residents had no reason to sort. "
            "Collection was run by a municipal company with an old fleet.",
            "solution": "The city moved neighbourhood by neighbourhood to door-to-door collection "
            "of five streams and charged households by the volume of residual waste.",
            "building_blocks": "Door-to-door collection rounds; tagged bins read at collection; a "
            "volume-based charge; a composting plant built with the neighbouring towns.",
            "barriers": "Complaints in the first months of each neighbourhood's switch, and bin "
            "storage problems in old buildings without courtyards.",
            "outcomes": "Residual waste halved; waste emissions down 36% and on track for 2035, "
            "with the 2030 milestone on the straight-line pathway.",
            "lessons_learnt": "Switch one neighbourhood at a time and fix problems before the next. Show "
            "each street its sorting rate: it became a point of pride.",
            "replicability": "Cities that run or tender their own collection. The charge needs tagged "
            "bins, which cost about 15 per household.",
        },
    },
    {
        "slug": "hafnarvik-ferry-fuel-switch",
        "title": "Ferry and fleet fuel switch in an island municipality",
        "summary": "Hafnarvík ordered an electric ferry and electrified its municipal "
        "vehicles; the plan is being revised after slow progress.",
        "actor": "city",
        "level": "local",
        "countries": ["IS"],
        "city": "Hafnarvík",
        "sectors": ["transport"],
        "stage": "revising",
        "instruments": ["public-investment", "fiscal-incentives"],
        "benefits": ["energy-security"],
        "target": ("net-zero-ghg", None, None, 2040, "policy"),
        "figures": ((2010, "74"), (2022, "66"), "ktCO2e"),
        "milestones": [
            (2030, "40", "Municipal climate plan"),
        ],
        "tools": ["fleet-electrification-calculator"],
        "sections": {
            "context": "Hafnarvík (fictional), a municipality of 9,000 on an island, depends on a "
            "diesel ferry to the mainland and on imported fuel for its vehicles.",
            "challenge": "The ferry alone emits a third of the municipality's transport emissions; "
            "replacing it is the largest investment in the town's history.",
            "solution": "The municipality electrified its own fleet, offered charging in every "
            "village and ordered a battery-electric ferry with the national ferry "
            "company.",
            "building_blocks": "A municipal fleet plan; public chargers in every village; a ferry "
            "procurement with the national operator; a shore charging station at both "
            "ports.",
            "barriers": "The ferry order was delayed by three years when the first tender drew no "
            "valid bids; battery prices and shipyard capacity were the stated reasons.",
            "outcomes": "Municipal vehicles are electric, but without the ferry emissions fell only"
            " 11%: far off the pathway. The plan is being revised.",
            "lessons_learnt": "When one asset dominates, its timetable is the plan's timetable. The "
            "revised plan adds a milestone for the ferry itself.",
            "replicability": "Island and remote municipalities, whose transport emissions are often "
            "dominated by one ferry or one fleet.",
        },
    },
    {
        "slug": "eastbridge-tenant-retrofits",
        "title": "Tenant-led retrofit campaign",
        "summary": "A tenants' association in Eastbridge won retrofits of 2,400 social homes, "
        "with tenants choosing the measures and monitoring the works.",
        "actor": "ngo-civil-society",
        "level": "local",
        "countries": ["GB"],
        "city": "Eastbridge",
        "sectors": ["buildings"],
        "focus": "both",
        "stage": "implementing",
        "instruments": ["information-and-labelling", "fiscal-incentives"],
        "benefits": ["health-and-air-quality", "just-transition"],
        "target": ("percent-reduction", 68, 2018, 2035, "voluntary"),
        "figures": ((2018, "52"), (2023, "44"), "ktCO2e"),
        "tools": ["retrofit-cost-calculator", "consultation-handbook"],
        "sections": {
            "context": "Eastbridge (fictional) has 9,000 social homes, many damp and hard to heat."
            " A third of tenants said they had cut back on heating in winter.",
            "challenge": "Earlier retrofits were imposed on tenants, and some made homes worse "
            "(mould after insulation without ventilation).",
            "solution": "The tenants' association negotiated a say in the measures for each block, "
            "trained tenant monitors and agreed a complaints procedure with the "
            "landlord.",
            "building_blocks": "Block meetings before works; tenant monitors trained to spot poor work; a "
            "menu of measures per building type; a complaints procedure with deadlines.",
            "outcomes": "2,400 homes retrofitted; complaints about damp in retrofitted blocks fell "
            "by two thirds. Emissions are down 15%, off the pace needed for 2035.",
            "lessons_learnt": "Ventilation with insulation, always. Tenant monitors found faults the "
            "landlord's inspectors missed, because they lived there.",
            "replicability": "Social housing with an organised tenants' body; private rented housing "
            "would need a different lever, such as minimum standards.",
        },
    },
    {
        "slug": "timor-sea-emissions-data-portal",
        "title": "Regional statistics partnership's emissions data portal",
        "summary": "A regional statistics partnership built an open portal of emissions data "
        "for small countries, with training for national statisticians.",
        "actor": "international-organisation",
        "level": "international",
        "countries": ["TL"],
        "sectors": ["cross-sectoral"],
        "stage": "scoping",
        "instruments": ["information-and-labelling", "research-and-innovation"],
        "benefits": ["accelerated-climate-action"],
        "target": None,
        "figures": None,
        "tools": ["ipcc-2006-inventory-guidelines", "subnational-emissions-dataset"],
        "sections": {
            "context": "The Timor Sea Statistics Partnership (fictional) supports statistics "
            "offices of small countries in the region.",
            "challenge": "Inventories were compiled by consultants every few years and the data were"
            " not published in reusable form.",
            "solution": "The partnership built an open portal with each country's inventory data by"
            " year and sector, and trained two statisticians per country to update it.",
            "building_blocks": "An open data portal; a common data format by sector and year; a training "
            "programme for two statisticians per country; a help desk.",
            "barriers": "Staff turnover in small offices; slow internet connections, which meant "
            "the portal had to work offline for data entry.",
            "outcomes": "Four countries' inventories published as open data; two countries now "
            "update theirs every year instead of every four.",
            "lessons_learnt": "Train two people per office, not one. Publish in a format that "
            "spreadsheets open, not only through an API.",
            "replicability": "Regional bodies serving small statistics offices, where shared tools cost "
            "less than each country building its own.",
        },
    },
    {
        "slug": "debre-selam-clean-cooking",
        "title": "Clean cooking and woodfuel programme in a highland town",
        "summary": "A community organisation in Debre Selam is scoping a programme for "
        "efficient stoves and managed woodlots to ease pressure on nearby forest.",
        "actor": "ngo-civil-society",
        "level": "local",
        "countries": ["ET"],
        "city": "Debre Selam",
        "sectors": ["buildings", "afolu"],
        "focus": "both",
        "stage": "scoping",
        "instruments": ["fiscal-incentives", "information-and-labelling"],
        "benefits": ["health-and-air-quality", "biodiversity"],
        "target": None,
        "figures": None,
        "tools": ["lts-drafting-guide", "co-benefits-valuation"],
        "sections": {
            "context": "Debre Selam (fictional), a highland town of 40,000, cooks mostly with "
            "firewood and charcoal from shrinking woodland nearby.",
            "challenge": "Smoke harms health, especially of women and children, and woodland loss "
            "threatens water supplies.",
            "solution": "The organisation is scoping a programme combining efficient stoves, sold "
            "on credit, with community woodlots managed by user groups.",
            "building_blocks": "A household survey of 1,200 homes; stove trials with 60 families; a "
            "woodlot management plan drafted with user groups.",
            "barriers": "No baseline figures yet; the survey will provide them. Stove prices are "
            "high for the poorest households.",
            "outcomes": 'Scoping under way: no figures to track yet. The tracker will say "not '
            'enough data" until the survey sets a base year.',
            "lessons_learnt": "Measure before promising figures. Families chose stoves by cooking time "
            "and taste, not by smoke, in the first trials.",
            "replicability": "Towns relying on woodfuel with active community groups and a nearby "
            "woodland that can be managed.",
        },
    },
]
