"""Demo library: case studies, tools, images and a featured list, created locally and idempotently.

The texts and figures are data, in cases/demo_content/ (readable on their own); this module turns
them into pages. Real parties' pages keep to the Coalition's public facts (the date and goal of
their long-term strategies) and carry one notice saying what is illustrative; every other case
and fictional tool is invented and its page says so once. Images and the documents of fictional
tools are drawn with Pillow, nothing is downloaded.

`scale` adds that many synthetic case studies and tools for benchmarks, inserted in bulk (Wagtail
has no bulk page API, so rows are written with precomputed tree paths) with a progress bar.
"""

import datetime
import html
import io
import random
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, Workflow

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

from . import translation
from .blocks import SECTIONS
from .demo_content import FICTIONAL_NOTE, FICTIONAL_TOOL_NOTE, REAL_NOTE, REAL_TOOL_NOTE
from .demo_content.case_studies import FICTIONAL, ILLUSTRATIVE_SOURCE, REAL, UNFCCC_LTS
from .demo_content.tools import TOOLS
from .demo_content.translations import INDEX_PAGES, PAGES, TEXTS
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

AUTHORS = ["ana", "carlos", "lijon", "jonas", "marta", "ingrid", "freja", "louis", "aroha", "diego"]
PALETTE = [(11, 93, 75), (27, 73, 120), (140, 80, 20), (90, 60, 130), (30, 110, 140), (120, 40, 60)]
FICTIONAL_SOURCE = "The actor's own inventory (fictional figures, invented for the demo)"
FEATURED = [
    "portugal-rnc2050",
    "northhaven-heat-pumps",
    "costa-rica-decarbonisation-plan",
    "cordillera-bus-electrification",
    "riva-nuova-zero-waste",
]
# Fictional cases whose figures the secretariat has verified in the demo (the others are
# self-reported; the real parties' figures are illustrative, so never verified).
VERIFIED = {
    "lakeland-landfill-methane",
    "pension-fund-alignment",
    "riva-nuova-zero-waste",
    "utility-coal-phase-out",
}
STALE_REVIEW = "alpenmark-renovation-wave"  # reviewed over five years ago: the page says so
SECTION_ORDER = [name for name, _, _ in SECTIONS]
SYNTHETIC_NOTE = "Synthetic page generated for benchmarks: not real content."


def _rich_text(text: str) -> str:
    return "".join(
        f"<p>{escape(paragraph.strip())}</p>" for paragraph in text.split("\n\n") if paragraph.strip()
    )


def _body(spec: dict, image=None) -> list:
    sections = spec["sections"]
    body = [(name, {"text": _rich_text(sections[name])}) for name in SECTION_ORDER if name in sections]
    if image is not None and len(body) > 2:
        body.insert(
            2,
            (
                "figure",
                {
                    "image": {"image": image.pk, "decorative": True, "alt_text": ""},
                    "caption": "Demo illustration, drawn for this page.",
                },
            ),
        )
    if spec.get("quote"):
        text, attribution = spec["quote"]
        body.append(("quote", {"quote": text, "attribution": attribution}))
    return [{"type": kind, "value": value} for kind, value in body]


def _drawn_image(title: str, colour, seed: int):
    """A 1200x675 abstract landscape, drawn locally."""
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
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title, description="Abstract drawing of layered hills under a sun (demo image)")
    image.file = ImageFile(buffer, name=f"demo-{seed}.png")
    image.save()
    return image


def _drawn_document(title: str, lines: list[str], filename: str):
    """A one-page PDF with a title and a few lines of text, drawn locally."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((100, 100), title, fill="black")
    for number, line in enumerate(lines):
        draw.text((100, 160 + 40 * number), line, fill="black")
    buffer = io.BytesIO()
    page.save(buffer, format="PDF")
    document = Document(title=title)
    document.file.save(filename, ContentFile(buffer.getvalue()), save=False)
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


def _tools(tools_index, users, moderator, now) -> dict[str, ToolPage]:
    sectors = {term.slug: term for term in Sector.objects.all()}
    stages = {term.slug: term for term in StrategyStage.objects.all()}
    tool_types = {term.slug: term for term in ToolType.objects.all()}
    tools = {}
    for n, spec in enumerate(TOOLS):
        tool = ToolPage.objects.child_of(tools_index).filter(slug=spec["slug"]).first()
        if tool is None:
            real = spec.get("real", False)
            document = None
            if not real:
                document = _drawn_document(
                    f"{spec['title']}: demo document",
                    [spec["summary"][:90], "Fictional tool, drawn for Lodestar's demo. Not a real product."],
                    f"demo-tool-{spec['slug']}.pdf",
                )
            tool = ToolPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                content_note=REAL_TOOL_NOTE if real else FICTIONAL_TOOL_NOTE,
                description=_rich_text("\n\n".join(spec["description"])),
                tool_type=tool_types[spec["type"]],
                cost=spec["cost"],
                skill_level=spec["skill"],
                languages=spec["languages"],
                link=spec.get("link", ""),
                document=document,
                maintainer=spec["maintainer"],
                open_source=spec.get("open_source", False),
            )
            tool.sectors.set([sectors[slug] for slug in spec["sectors"]])
            tool.strategy_stages.set([stages[slug] for slug in spec["stages"]])
            _publish(
                tools_index,
                tool,
                users[n % len(users)],
                now - datetime.timedelta(days=400 - n * 7),
                moderator,
            )
        tools[spec["slug"]] = tool
    return tools


def _specs() -> list[dict]:
    """Every demo case study with the defaults its data leave out."""
    specs = []
    for spec in REAL:
        specs.append(
            {
                "actor": "national-government",
                "level": "national",
                "focus": "mitigation",
                "note": REAL_NOTE,
                "source": ILLUSTRATIVE_SOURCE,
                "document_url": UNFCCC_LTS,
                "tools": ["unfccc-long-term-strategies-portal", "ipcc-2006-inventory-guidelines"],
                "real": True,
                **spec,
            }
        )
    for spec in FICTIONAL:
        specs.append({"focus": "mitigation", "note": FICTIONAL_NOTE, "source": FICTIONAL_SOURCE, **spec})
    return specs


def _case_study(spec: dict, n: int, *, vocab: dict, images, pdf, tools, organisations, moderator, now):
    target = spec.get("target")
    figures = spec.get("figures")
    verified = spec["slug"] in VERIFIED
    if spec["slug"] == STALE_REVIEW:
        reviewed = (now - datetime.timedelta(days=2200)).date()
    elif verified or n % 3:
        reviewed = (now - datetime.timedelta(days=30 + n * 11)).date()
    else:
        reviewed = None
    page = CaseStudyPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        content_note=spec["note"],
        hero_image=images[n % len(images)],
        actor_type=vocab["actors"][spec["actor"]],
        governance_level=spec["level"],
        countries=spec["countries"],
        region=spec.get("region", ""),
        city=spec.get("city", ""),
        focus=spec["focus"],
        strategy_stage=vocab["stages"][spec["stage"]],
        strategy_document_url=spec.get("document_url", ""),
        languages=spec.get("languages", ["en"]),
        body=_body(spec, image=images[(n + 3) % len(images)] if n % 2 == 0 else None),
        last_reviewed=reviewed,
    )
    if target:
        kind, percentage, base_year, year, legal = target
        page.target_type, page.target_percentage = kind, percentage
        page.target_base_year, page.target_year, page.target_legal_status = base_year, year, legal
    if figures:
        (base_year, base), (latest_year, latest), unit, *flags = figures
        page.emissions_base_year, page.emissions_base_value = base_year, Decimal(base)
        page.emissions_latest_year, page.emissions_latest_value = latest_year, Decimal(latest)
        page.emissions_unit, page.emissions_source = unit, spec["source"]
        page.emissions_net_removals = "net_removals" in flags
        if verified:
            page.figures_status = "verified"
            page.figures_verified_by = moderator
            page.figures_verified_at = now - datetime.timedelta(days=20 + n)
    page.milestones = [
        CaseStudyMilestone(year=year, value=Decimal(value), label=label)
        for year, value, label in spec.get("milestones", [])
    ]
    page.sectors.set([vocab["sectors"][slug] for slug in spec["sectors"]])
    page.policy_instruments.set([vocab["instruments"][slug] for slug in spec.get("instruments", [])])
    page.co_benefits.set([vocab["benefits"][slug] for slug in spec.get("benefits", [])])
    page.related_tools.set([tools[slug] for slug in spec.get("tools", []) if slug in tools])
    if organisations and not spec.get("real"):
        page.contributor_organisations.set([organisations[n % len(organisations)]])
    if n % 5 == 0:
        page.documents = [CaseStudyDocument(document=pdf)]
    return page


def load(*, out, scale: int = 0) -> None:
    english = {"locale__language_code": settings.LANGUAGE_CODE}  # the source tree (cases.translation)
    library = LibraryIndexPage.objects.filter(**english).first()
    tools_index = ToolIndexPage.objects.filter(**english).first()
    if library is None or tools_index is None:
        out.write("The library and tool index pages are missing: run `manage.py migrate` first.")
        return
    users = _users()
    if not users:
        out.write("Demo members are missing: lodestar.members.demo must run first.")
        return
    moderator = User.objects.filter(email=demo_email("moderator")).first()
    vocab = {
        "sectors": {term.slug: term for term in Sector.objects.all()},
        "actors": {term.slug: term for term in ActorType.objects.all()},
        "stages": {term.slug: term for term in StrategyStage.objects.all()},
        "instruments": {term.slug: term for term in PolicyInstrument.objects.all()},
        "benefits": {term.slug: term for term in CoBenefit.objects.all()},
    }
    organisations = list(Organisation.objects.order_by("pk"))
    images = [_drawn_image(f"Demo illustration {n + 1}", PALETTE[n % len(PALETTE)], n) for n in range(8)]
    pdf = _drawn_document(
        "Strategy process summary (demo document)",
        ["Summary of a strategy process, drawn for Lodestar's demo.", "Not an official document."],
        "demo-strategy-summary.pdf",
    )
    now = timezone.now()
    tools = _tools(tools_index, users, moderator, now)

    specs = _specs()
    cases = {}
    for n, spec in enumerate(specs):
        page = CaseStudyPage.objects.child_of(library).filter(slug=spec["slug"]).first()
        if page is None:
            page = _case_study(
                spec,
                n,
                vocab=vocab,
                images=images,
                pdf=pdf,
                tools=tools,
                organisations=organisations,
                moderator=moderator,
                now=now,
            )
            published_at = now - datetime.timedelta(days=(len(specs) - n) * 9)
            _publish(library, page, users[n % len(users)], published_at, moderator)
        cases[spec["slug"]] = page

    _draft_for_review(library, users[0])
    _featured([cases[slug] for slug in FEATURED if slug in cases])
    # The French and Spanish trees: the pages the migrations made (each published page has its aliases
    # already, from cases.translation; the benchmarks' bulk pages below are left to the listings'
    # fallback, or to `manage.py sync_locale_trees`).
    for page in (library.get_parent(), library, tools_index):
        translation.follow_in_other_languages(page)
    translated = translate(moderator)
    if scale:
        bulk_synthetic(library=library, tools_index=tools_index, count=scale, out=out, owner=users[0])
    originals = {"alias_of__isnull": True, **english}
    out.write(
        f"Library: {CaseStudyPage.objects.live().filter(**originals).count()} published case studies, "
        f"{ToolPage.objects.live().filter(**originals).count()} tools; "
        f"{translated} pages translated into French or Spanish.\n"
    )


# --- French and Spanish versions (cases/demo_content/translations.py) ----------------------------


def _paragraphs(text: str) -> list[str]:
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


def _plain(text: str) -> str:
    """A segment's text without its HTML escapes, so the English source can be looked up."""
    return html.unescape(text).strip()


def _translated_strings(english: dict, translated: dict, language: str) -> dict[str, str]:
    """English text -> translated text, for one page: field by field, paragraph by paragraph."""
    strings = {_plain(source): text for source, text in TEXTS[language].items()}
    for field in ("title", "summary", "intro", "city", "maintainer"):
        if field in translated:
            strings[_plain(english[field])] = translated[field]
    for name, text in translated.get("sections", {}).items():
        for source, paragraph in zip(_paragraphs(english["sections"][name]), _paragraphs(text), strict=True):
            strings[_plain(source)] = paragraph
    for source, paragraph in zip(
        english.get("description", []), translated.get("description", []), strict=True
    ):
        strings[_plain(source)] = paragraph
    return strings


def translate_page(page, language: str, strings: dict[str, str], user=None):
    """Translate a page with wagtail-localize as a translator's PO file would: a translation source,
    the strings imported segment by segment, the translation published. Segments without a
    translation (slugs, units, names) keep the English text. Returns the translated page, or None
    when the page already has a translation in that language (so `load_demo` stays repeatable)."""
    from wagtail_localize.models import Translation, TranslationSource

    locale = Locale.objects.get(language_code=language)
    existing = page.get_translations().filter(locale=locale).first()
    if existing is not None and existing.alias_of_id is None:
        return None
    source, _ = TranslationSource.update_or_create_from_instance(page)
    target, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = target.export_po()
    for entry in po:
        entry.msgstr = strings.get(_plain(entry.msgid), "")
    target.import_po(po, user=user, tool_name="Lodestar demo")
    target.save_target(user=user, publish=True)
    return page.get_translation(locale)


def _english_spec(slug: str) -> dict | None:
    for spec in [*REAL, *FICTIONAL, *TOOLS]:
        if spec["slug"] == slug:
            return {**spec, "description": spec.get("description", [])}
    return None


def translate(moderator=None) -> int:
    """The demo's French and Spanish pages: the home page, both indexes, and the pages of PAGES."""
    count = 0
    home = Site.objects.get(is_default_site=True).root_page.specific
    for language in PAGES:
        if translate_page(home, language, {_plain(k): v for k, v in TEXTS[language].items()}, moderator):
            count += 1
        for slug, fields in INDEX_PAGES[language].items():
            index = (
                Page.objects.filter(slug=slug, depth=home.depth + 1, locale=home.locale).specific().first()
            )
            if index is None:
                continue
            english = {"title": index.title, "intro": index.intro}
            if translate_page(index, language, _translated_strings(english, fields, language), moderator):
                count += 1
        for slug, fields in PAGES[language].items():
            english = _english_spec(slug)
            page = (
                Page.objects.filter(slug=slug, locale=home.locale, alias_of__isnull=True).specific().first()
            )
            if english is None or page is None or not page.live:
                continue
            if translate_page(page, language, _translated_strings(english, fields, language), moderator):
                count += 1
    return count


def _draft_for_review(library, author) -> None:
    """One member's draft waiting in the moderators' workflow, to try the review end to end."""
    slug = "demo-draft-awaiting-review"
    if CaseStudyPage.objects.child_of(library).filter(slug=slug).exists():
        return
    page = CaseStudyPage(
        title="District heating strategy of a mid-sized town",
        slug=slug,
        summary="Vilar do Monte plans a district heating network fed by a biomass plant and heat from "
        "a wastewater works, to replace gas boilers in its centre. Submitted for review.",
        content_note=FICTIONAL_NOTE,
        actor_type=ActorType.objects.get(slug="city"),
        governance_level="local",
        countries=["PT"],
        city="Vilar do Monte",
        focus="mitigation",
        strategy_stage=StrategyStage.objects.get(slug="scoping"),
        body=[
            {
                "type": "context",
                "value": {
                    "text": _rich_text(
                        "Vilar do Monte (fictional) has 35,000 residents; its centre is heated by gas "
                        "boilers in small apartment blocks."
                    )
                },
            }
        ],
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
    today = timezone.localdate()
    for order, case in enumerate(cases):
        FeaturedCase.objects.create(
            featured_list=featured_list,
            case_study=case,
            sort_order=order,
            feature_until=today + datetime.timedelta(days=90) if order == len(cases) - 1 else None,
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
    return f"Generated for benchmarks: {phrases[0]}, with {phrases[1]} and {phrases[2]}."


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
                    title=f"Synthetic case study {n}",
                    content_note=SYNTHETIC_NOTE,
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
                    title=f"Synthetic tool {n}",
                    content_note=SYNTHETIC_NOTE,
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
                    link=UNFCCC_LTS,
                    maintainer="Benchmark generator (fictional)",
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
    # Statistics for the planner at once, not at autovacuum's next pass: a search index rebuild
    # right after loading 100,000 pages took twice as long on the plans of an empty database.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
