"""Demo library: case studies, tools, images and a featured list, created locally and idempotently.

Facts about real countries come only from ../shared/data/coalition-facts.md (the dates and goals of
their long-term strategies); every other text, figure, person and organisation is marked
"(illustrative)". Images and the attached PDF are drawn with Pillow, nothing is downloaded.

`scale` adds that many synthetic case studies and tools for benchmarks, inserted in bulk (Wagtail
has no bulk page API, so rows are written with precomputed tree paths) with a progress bar.
"""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Workflow

from lodestar.members.demo import demo_email
from lodestar.members.models import Organisation, User
from lodestar.vocabularies.models import (
    ActorType,
    CoBenefit,
    PolicyInstrument,
    Sector,
    StrategyStage,
    ToolType,
)

from .models import (
    CaseStudyDocument,
    CaseStudyMilestone,
    CaseStudyPage,
    FeaturedCase,
    FeaturedList,
    LibraryIndexPage,
    ToolIndexPage,
    ToolPage,
)

ILLUSTRATIVE = "(illustrative)"
REAL_CASE_NOTE = "Its classification, sections and figures on this page are demo content (illustrative)."
AUTHORS = ["ana", "carlos", "lijon", "jonas", "marta", "ingrid", "freja", "louis", "aroha", "diego"]
PALETTE = [(11, 93, 75), (27, 73, 120), (140, 80, 20), (90, 60, 130), (30, 110, 140), (120, 40, 60)]

# Real parties: only what coalition-facts.md says (submission date and long-term goal as stated).
# target: (type, percentage, base year, target year)
REAL_CASES = [
    (
        "mexico-long-term-strategy-2016",
        "Mexico's long-term strategy (2016)",
        "MX",
        "Mexico submitted its long-term strategy to the UNFCCC on 16 November 2016, with a "
        "long-term goal of 50% below 2000 emissions by 2050.",
        ("percent-reduction", 50, 2000, 2050),
        "submitted-to-unfccc",
    ),
    (
        "germany-long-term-strategy-2016",
        "Germany's long-term strategy (2016)",
        "DE",
        "Germany submitted its long-term strategy to the UNFCCC on 17 November 2016, aiming at "
        "extensive greenhouse-gas neutrality by 2050.",
        ("net-zero-ghg", None, None, 2050),
        "submitted-to-unfccc",
    ),
    (
        "canada-long-term-strategy-2016",
        "Canada's long-term strategy (2016)",
        "CA",
        "Canada submitted its long-term strategy to the UNFCCC on 17 November 2016, with a goal "
        "of 80% below 2005 emissions by 2050.",
        ("percent-reduction", 80, 2005, 2050),
        "submitted-to-unfccc",
    ),
    (
        "france-long-term-strategy",
        "France's long-term strategy and its revision",
        "FR",
        "France submitted its first long-term strategy on 28 December 2016 (75% below 1990 by "
        "2050) and a revised strategy on 8 February 2021.",
        ("percent-reduction", 75, 1990, 2050),
        "revising",
    ),
    (
        "marshall-islands-tile-til-eo-2050",
        "Marshall Islands: Tile Til Eo 2050",
        "MH",
        "The Marshall Islands, a convenor of the Coalition, submitted its long-term strategy "
        "“Tile Til Eo 2050” in September 2018, with a goal of net zero by 2050.",
        ("net-zero-ghg", None, None, 2050),
        "submitted-to-unfccc",
    ),
    (
        "portugal-rnc2050",
        "Portugal: Roadmap for Carbon Neutrality 2050 (RNC2050)",
        "PT",
        "Portugal submitted its RNC2050 on 20 September 2019, aiming at carbon neutrality by "
        "2050 with emissions 85 to 90% below 2005.",
        ("percent-reduction", 85, 2005, 2050),
        "implementing",
    ),
    (
        "costa-rica-decarbonisation-plan",
        "Costa Rica: ten decarbonisation axes to net zero",
        "CR",
        "Costa Rica submitted its long-term strategy in December 2019, with a goal of net zero "
        "by 2050 organised in ten decarbonisation axes.",
        ("net-zero-ghg", None, None, 2050),
        "implementing",
    ),
    (
        "colombia-long-term-strategy-2021",
        "Colombia's long-term strategy (2021)",
        "CO",
        "Colombia submitted its long-term strategy to the UNFCCC on 12 November 2021.",
        None,
        "submitted-to-unfccc",
    ),
]

ILLUSTRATIVE_ACTORS = [
    # title, actor type, governance level, country, region, city
    ("Municipal heat-pump programme in a northern city", "city", "local", "NO", "", "Northhaven"),
    (
        "Regional renewable auctions for a coastal region",
        "subnational-region",
        "regional",
        "ES",
        "Costa Verde",
        "",
    ),
    ("Cement plant roadmap to low-clinker products", "business", "organisation", "MX", "", ""),
    ("Pension fund portfolio alignment with net zero", "investor", "organisation", "DK", "", ""),
    ("Community energy cooperatives on small islands", "ngo-civil-society", "local", "NZ", "", ""),
    ("University consortium modelling national pathways", "academia", "national", "FR", "", ""),
    (
        "Regional development bank screening tool roll-out",
        "international-organisation",
        "international",
        "CR",
        "",
        "",
    ),
    ("National building renovation wave", "national-government", "national", "AT", "", ""),
    ("Bus fleet electrification in a capital city", "city", "local", "CL", "", "Cordillera City"),
    (
        "Province-wide landfill methane capture",
        "subnational-region",
        "regional",
        "CA",
        "Lakeland Province",
        "",
    ),
    ("Food retailer supply-chain emissions plan", "business", "organisation", "NL", "", ""),
    ("Green bond framework of a municipal lender", "investor", "organisation", "SE", "", ""),
    ("Citizens' assembly on the long-term strategy", "ngo-civil-society", "national", "IE", "", ""),
    ("Research institute land-use removals inventory", "academia", "national", "FI", "", ""),
    (
        "Regional network on just transition in coal regions",
        "international-organisation",
        "international",
        "DE",
        "",
        "",
    ),
    ("Industrial cluster hydrogen readiness study", "national-government", "national", "JP", "", ""),
    ("Port city shore power and logistics plan", "city", "local", "PT", "", "Atlantica"),
    (
        "Forest-smart agriculture in an upland region",
        "subnational-region",
        "regional",
        "CO",
        "Andean Uplands",
        "",
    ),
    ("Utility coal phase-out and grid storage plan", "business", "organisation", "ET", "", ""),
    ("Insurers' climate resilience disclosure", "investor", "organisation", "LU", "", ""),
    ("Zero-waste neighbourhoods programme", "city", "local", "IT", "", "Riva Nuova"),
    ("Island state transport fuel switch", "national-government", "national", "IS", "", ""),
    ("Tenant-led retrofit campaign", "ngo-civil-society", "local", "GB", "", "Eastbridge"),
    ("Statistics office emissions data portal", "international-organisation", "international", "TL", "", ""),
]

TOOLS = [
    # title, type slug, cost, skill, open source
    ("Pathway Explorer energy model", "model", "free", "expert", True),
    ("Long-term strategy drafting guide", "guidebook", "free", "beginner", False),
    ("Subnational emissions dataset", "dataset", "free", "intermediate", True),
    ("Target-setting methodology for cities", "methodology", "free", "intermediate", False),
    ("Building retrofit cost calculator", "calculator", "freemium", "beginner", False),
    ("Net-zero strategy online course", "training", "free", "beginner", False),
    ("Strategy outline template", "template", "free", "beginner", False),
    ("Climate policy data platform", "platform", "freemium", "intermediate", False),
    ("Transport demand model", "model", "paid", "expert", False),
    ("Stakeholder consultation handbook", "guidebook", "free", "beginner", False),
    ("Land-use removals dataset", "dataset", "free", "expert", True),
    ("Industrial heat abatement methodology", "methodology", "paid", "expert", False),
    ("Municipal fleet electrification calculator", "calculator", "free", "beginner", True),
    ("Just transition training for planners", "training", "paid", "intermediate", False),
    ("Investor alignment disclosure template", "template", "free", "intermediate", False),
    ("Peer exchange platform for cities", "platform", "free", "beginner", False),
    ("Power system capacity expansion model", "model", "free", "expert", True),
    ("Waste sector mitigation guidebook", "guidebook", "free", "intermediate", False),
    ("Co-benefits valuation methodology", "methodology", "freemium", "intermediate", False),
    ("Greenhouse gas inventory calculator", "calculator", "free", "intermediate", True),
    ("Adaptation and mitigation screening platform", "platform", "paid", "intermediate", False),
]

SECTION_TEXT = {
    "context": "The team started from an inventory and a political mandate to plan for the long term.",
    "challenge": "Near-term plans were not yet aligned with the long-term goal, and data were scattered.",
    "solution": "A cross-departmental team built pathways, consulted stakeholders and tied "
    "budgets to milestones.",
    "building_blocks": "A shared emissions model, a governance charter and a yearly progress review.",
    "barriers": "Limited modelling capacity and competing short-term priorities.",
    "enabling_factors": "High-level political support and open data from the statistics office.",
    "outcomes": "Sector plans now refer to the long-term pathway and report against its milestones.",
    "lessons_learnt": "Start consultation early and publish the model assumptions.",
    "replicability": "Applicable to actors with a basic inventory and a planning mandate.",
}


def _paragraph(text: str) -> str:
    return f"<p>{text} {ILLUSTRATIVE}</p>"


def _body(rng: random.Random, image=None) -> list:
    sections = list(SECTION_TEXT.items())
    body = [("context", {"text": _paragraph(SECTION_TEXT["context"])})]
    body += [(name, {"text": _paragraph(text)}) for name, text in sections[1:] if rng.random() > 0.2]
    if image is not None:
        body.insert(
            2,
            (
                "figure",
                {
                    "image": {"image": image.pk, "decorative": False, "alt_text": image.description},
                    "caption": f"Illustration {ILLUSTRATIVE}",
                },
            ),
        )
    body.append(
        (
            "quote",
            {
                "quote": f"Publishing the assumptions made the debate much calmer. {ILLUSTRATIVE}",
                "attribution": f"Project lead {ILLUSTRATIVE}",
            },
        )
    )
    return [{"type": kind, "value": value} for kind, value in body]


def _drawn_image(title: str, colour, seed: int):
    """A 1200x675 abstract landscape with the title, drawn locally."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rng = random.Random(seed)  # noqa: S311 - demo drawings, not secrets
    canvas = PILImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(canvas)
    for band in range(6):
        shade = tuple(min(255, c + 22 * band) for c in colour)
        top = 675 - band * 90 - rng.randint(0, 60)
        draw.polygon(
            [
                (0, 675),
                (0, top),
                (rng.randint(300, 900), top - rng.randint(20, 120)),
                (1200, top),
                (1200, 675),
            ],
            fill=shade,
        )
    draw.ellipse((900, 60, 1040, 200), fill=(242, 183, 5))
    draw.text((40, 40), title, fill=(255, 255, 255))
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title, description=f"Abstract landscape illustration {ILLUSTRATIVE}")
    image.file = ImageFile(buffer, name=f"demo-{seed}.png")
    image.save()
    return image


def _drawn_document(title: str):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from django.core.files.base import ContentFile

    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((100, 100), title, fill="black")
    draw.text(
        (100, 160), f"Summary of the strategy process {ILLUSTRATIVE}. Not an official document.", fill="black"
    )
    buffer = io.BytesIO()
    page.save(buffer, format="PDF")
    document = Document(title=title)
    document.file.save("demo-strategy-summary.pdf", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def _users() -> list[User]:
    by_email = {user.email: user for user in User.objects.filter(email__in=[demo_email(n) for n in AUTHORS])}
    return [by_email[demo_email(n)] for n in AUTHORS if demo_email(n) in by_email]


def _publish(parent, page, owner, published_at, publisher=None):
    """Add a page as its author's revision, published as if the secretariat had approved it."""
    page.owner = owner
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner, log_action=False)
    revision.publish(user=publisher, log_action=False, skip_permission_checks=True)
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    return page


def load(*, out, scale: int = 0) -> None:
    library = LibraryIndexPage.objects.first()
    tools_index = ToolIndexPage.objects.first()
    if library is None or tools_index is None:
        out.write("The library and tool index pages are missing: run `manage.py migrate` first.")
        return
    rng = random.Random(2017)  # noqa: S311 - repeatable demo content
    users = _users()
    if not users:
        out.write("Demo members are missing: lodestar.members.demo must run first.")
        return
    moderator = User.objects.filter(email=demo_email("moderator")).first()
    sectors = list(Sector.objects.all())
    actors = {term.slug: term for term in ActorType.objects.all()}
    stages = list(StrategyStage.objects.all())
    stages_by_slug = {stage.slug: stage for stage in stages}
    instruments = list(PolicyInstrument.objects.all())
    benefits = list(CoBenefit.objects.all())
    tool_types = {term.slug: term for term in ToolType.objects.all()}
    organisations = list(Organisation.objects.all())
    images = [
        _drawn_image(f"Demo illustration {n + 1} {ILLUSTRATIVE}", PALETTE[n % len(PALETTE)], n)
        for n in range(8)
    ]
    pdf = _drawn_document(f"Strategy process summary {ILLUSTRATIVE}")
    now = timezone.now()

    tools = []
    for n, (title, type_slug, cost, skill, open_source) in enumerate(TOOLS):
        slug = f"demo-tool-{n + 1}"
        tool = ToolPage.objects.child_of(tools_index).filter(slug=slug).first()
        if tool is None:
            tool = ToolPage(
                title=f"{title} {ILLUSTRATIVE}",
                slug=slug,
                summary=f"A {type_slug} that helps practitioners build long-term strategies {ILLUSTRATIVE}.",
                description=f"<p>What it does, who maintains it and how to start {ILLUSTRATIVE}.</p>",
                tool_type=tool_types[type_slug],
                cost=cost,
                skill_level=skill,
                languages=["en"] + (["fr", "es"] if n % 3 == 0 else []),
                link=f"https://example.org/tools/{slug}",
                maintainer=f"Tool maintainers' network {ILLUSTRATIVE}",
                open_source=open_source,
            )
            tool.sectors.set([sectors[n % len(sectors)], sectors[(n + 3) % len(sectors)]])
            tool.strategy_stages.set([stages[n % len(stages)], stages[(n + 2) % len(stages)]])
            _publish(
                tools_index,
                tool,
                users[n % len(users)],
                now - datetime.timedelta(days=400 - n * 7),
                moderator,
            )
        tools.append(tool)

    specs = []
    for n, (slug, title, country, summary, target, stage_slug) in enumerate(REAL_CASES):
        specs.append(
            {
                "slug": slug,
                "title": title,
                "summary": f"{summary} {REAL_CASE_NOTE}",
                "countries": [country],
                "actor": "national-government",
                "level": "national",
                "region": "",
                "city": "",
                "stage": stage_slug,
                "target": target,
                "n": n,
            }
        )
    for m, (title, actor, level, country, region, city) in enumerate(ILLUSTRATIVE_ACTORS):
        n = len(REAL_CASES) + m
        specs.append(
            {
                "slug": f"demo-case-{m + 1}",
                "title": f"{title} {ILLUSTRATIVE}",
                "summary": f"{actors[actor].name}: how a long-term goal became near-term measures "
                f"{ILLUSTRATIVE}.",
                "countries": [country],
                "actor": actor,
                "level": level,
                "region": region,
                "city": city,
                "stage": stages[m % len(stages)].slug,
                "target": [
                    ("net-zero-ghg", None, None, 2050),
                    ("percent-reduction", 55 + m % 4 * 10, 2010, 2040),
                    ("carbon-neutral-co2", None, None, 2045),
                ][m % 3],
                "n": n,
            }
        )

    cases = []
    for spec in specs:
        n = spec["n"]
        page = CaseStudyPage.objects.child_of(library).filter(slug=spec["slug"]).first()
        if page is None:
            target = spec["target"]
            base_value = 20 + (n * 37) % 180
            latest_value = Decimal(base_value * (70 + (n % 5) * 5)) / 100
            if n % 9 == 4:
                latest_value = Decimal("-2.5")  # a net sink: negative values are allowed
            page = CaseStudyPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                hero_image=images[n % len(images)],
                actor_type=actors[spec["actor"]],
                governance_level=spec["level"],
                countries=spec["countries"],
                region=spec["region"],
                city=spec["city"],
                focus=["mitigation", "both", "adaptation"][n % 3] if n % 7 else "mitigation",
                strategy_stage=stages_by_slug[spec["stage"]],
                target_type=target[0] if target else "",
                target_percentage=target[1] if target else None,
                target_base_year=target[2] if target else None,
                target_year=target[3] if target else None,
                emissions_base_year=2005 if target else None,
                emissions_base_value=base_value if target else None,
                emissions_latest_year=2022 if target else None,
                emissions_latest_value=latest_value if target else None,
                emissions_unit="MtCO2e" if spec["actor"] == "national-government" else "ktCO2e",
                emissions_source=f"Figures for the demo only, not official inventory data {ILLUSTRATIVE}",
                figures_status="verified" if n % 4 == 0 else "self-reported",
                body=_body(rng, image=images[(n + 3) % len(images)] if n % 2 == 0 else None),
                strategy_document_url="https://unfccc.int/process/the-paris-agreement/long-term-strategies"
                if n < len(REAL_CASES)
                else "",
                languages=["en"] + (["es"] if spec["countries"][0] in ("MX", "CO", "CR", "ES", "CL") else []),
                last_reviewed=(now - datetime.timedelta(days=2200)).date()
                if n == 9
                else ((now - datetime.timedelta(days=30 + n * 11)).date() if n % 3 else None),
            )
            if target and target[1] is not None and page.emissions_base_year != target[2]:
                page.emissions_base_year = target[2]
            page.sectors.set(
                [sectors[n % len(sectors)]] + ([sectors[(n + 2) % len(sectors)]] if n % 2 else [])
            )
            page.policy_instruments.set([instruments[n % len(instruments)]])
            page.co_benefits.set([benefits[n % len(benefits)], benefits[(n + 5) % len(benefits)]])
            page.related_tools.set([tools[n % len(tools)], tools[(n + 7) % len(tools)]])
            page.contributor_organisations.set(
                [organisations[n % len(organisations)]] if organisations and n >= len(REAL_CASES) else []
            )
            if target and n % 2 == 0:
                page.milestones = [
                    CaseStudyMilestone(
                        year=2030,
                        value=Decimal(base_value * 45) / 100,
                        label=f"Interim milestone {ILLUSTRATIVE}",
                    )
                ]
            if n % 5 == 0:
                page.documents = [CaseStudyDocument(document=pdf)]
            _publish(
                library, page, users[n % len(users)], now - datetime.timedelta(days=(len(specs) - n) * 9)
            )
        cases.append(page)

    _draft_for_review(library, users[0])
    _featured(cases)
    if scale:
        bulk_synthetic(library=library, tools_index=tools_index, count=scale, out=out, owner=users[0])
    out.write(
        f"Library: {CaseStudyPage.objects.live().count()} published case studies, "
        f"{ToolPage.objects.live().count()} tools.\n"
    )


def _draft_for_review(library, author) -> None:
    """One member's draft waiting in the moderators' workflow, to try the review end to end."""
    slug = "demo-draft-awaiting-review"
    if CaseStudyPage.objects.child_of(library).filter(slug=slug).exists():
        return
    page = CaseStudyPage(
        title=f"District heating strategy of a mid-sized town {ILLUSTRATIVE}",
        slug=slug,
        summary=f"A draft case study submitted for review {ILLUSTRATIVE}.",
        actor_type=ActorType.objects.get(slug="city"),
        governance_level="local",
        countries=["PT"],
        focus="mitigation",
        strategy_stage=StrategyStage.objects.get(slug="scoping"),
        live=False,
        owner=author,
    )
    page.sectors.set([Sector.objects.get(slug="buildings")])
    library.add_child(instance=page)
    page.save_revision(user=author, log_action=False)
    workflow = Workflow.objects.filter(name="Moderators approval", active=True).first()
    if workflow is not None:
        workflow.start(page, author)


def _featured(cases) -> None:
    featured_list, created = FeaturedList.objects.get_or_create(name="Home page")
    if not created and featured_list.entries.exists():
        return
    picks = [cases[5], cases[10], cases[6], cases[14], cases[20]]
    today = timezone.localdate()
    for order, case in enumerate(picks):
        FeaturedCase.objects.create(
            featured_list=featured_list,
            case_study=case,
            sort_order=order,
            feature_until=today + datetime.timedelta(days=90) if order == 4 else None,
        )


# --- Synthetic content for benchmarks -------------------------------------------------------


def _insert_pages(parent, pages: list, model) -> None:
    """Insert specific pages under `parent` in bulk: Page rows first, then the subclass rows."""
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = []
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        rows.append(Page(**{f.attname: getattr(page, f.attname) for f in base_fields}))
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.page_ptr_id = page.id = row.id
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


SYNTHETIC_PHRASES = [
    "net zero pathway",
    "decarbonisation of transport",
    "long-term strategy consultation",
    "buildings retrofit programme",
    "carbon pricing design",
    "just transition for workers",
    "biodiversity co-benefits",
    "city climate action plan",
    "energy supply modelling",
    "land use and forestry",
    "NDC alignment review",
    "renewables auction",
    "heat pumps for homes",
    "public procurement of clean steel",
    "ministry coordination unit",
    "regional agency budget tagging",
    "emissions inventory improvement",
    "stakeholder engagement with cities",
]


def _synthetic_summary(n: int) -> str:
    """Varied text, so that benchmark searches match realistic shares of the corpus."""
    rng = random.Random(n)  # noqa: S311 - repeatable synthetic text
    phrases = rng.sample(SYNTHETIC_PHRASES, 3)
    return f"Generated for benchmarks {ILLUSTRATIVE}: {phrases[0]}, with {phrases[1]} and {phrases[2]}."


def bulk_synthetic(*, library, tools_index, count: int, out, owner, batch: int = 500) -> None:
    """Ensure `count` synthetic case studies and tools exist (numbered 1..count), in bulk."""
    from django.contrib.contenttypes.models import ContentType

    sectors = list(Sector.objects.all())
    actors = list(ActorType.objects.all())
    stages = list(StrategyStage.objects.all())
    tool_types = list(ToolType.objects.all())
    case_type = ContentType.objects.get_for_model(CaseStudyPage)
    tool_type = ContentType.objects.get_for_model(ToolPage)
    existing_cases = set(
        CaseStudyPage.objects.filter(slug__startswith="synthetic-case-").values_list("slug", flat=True)
    )
    existing_tools = set(
        ToolPage.objects.filter(slug__startswith="synthetic-tool-").values_list("slug", flat=True)
    )
    now = timezone.now()
    progress = tqdm(total=2 * count, desc="Synthetic pages", file=out, unit="page")
    for start in range(1, count + 1, batch):
        numbers = range(start, min(start + batch, count + 1))
        with transaction.atomic():
            cases = [
                CaseStudyPage(
                    title=f"Synthetic case study {n} {ILLUSTRATIVE}",
                    slug=f"synthetic-case-{n}",
                    content_type=case_type,
                    live=True,
                    first_published_at=now - datetime.timedelta(minutes=n),
                    last_published_at=now,
                    owner=owner,
                    summary=_synthetic_summary(n),
                    actor_type=actors[n % len(actors)],
                    governance_level="national",
                    countries=["PT", "NZ", "CR", "DE"][n % 4],
                    focus="mitigation",
                    strategy_stage=stages[n % len(stages)],
                    figures_status="self-reported",
                    licence="cc-by-4.0",
                    emissions_unit="MtCO2e",
                    languages=["en"],
                )
                for n in numbers
                if f"synthetic-case-{n}" not in existing_cases
            ]
            if cases:
                _insert_pages(library, cases, CaseStudyPage)
                CaseStudyPage.sectors.through.objects.bulk_create(
                    [
                        CaseStudyPage.sectors.through(casestudypage_id=c.pk, sector=sectors[i % len(sectors)])
                        for i, c in enumerate(cases)
                    ]
                )
            tools = [
                ToolPage(
                    title=f"Synthetic tool {n} {ILLUSTRATIVE}",
                    slug=f"synthetic-tool-{n}",
                    content_type=tool_type,
                    live=True,
                    first_published_at=now - datetime.timedelta(minutes=n),
                    last_published_at=now,
                    owner=owner,
                    summary=_synthetic_summary(n),
                    tool_type=tool_types[n % len(tool_types)],
                    cost="free",
                    skill_level="beginner",
                    link=f"https://example.org/synthetic/{n}",
                    maintainer=ILLUSTRATIVE,
                    languages=["en"],
                )
                for n in numbers
                if f"synthetic-tool-{n}" not in existing_tools
            ]
            if tools:
                _insert_pages(tools_index, tools, ToolPage)
                ToolPage.sectors.through.objects.bulk_create(
                    [
                        ToolPage.sectors.through(toolpage_id=t.pk, sector=sectors[i % len(sectors)])
                        for i, t in enumerate(tools)
                    ]
                )
        progress.update(2 * len(numbers))
    progress.close()
