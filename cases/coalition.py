"""The coalition view (/pathways/): how many strategies, where, at which stage, and how many on track.

Everything is read in a fixed number of queries, whatever the number of case studies: one for the
published case studies' own fields, one for their sectors, one for their milestones and one per
vocabulary; the tracker then runs in Python on plain values (cases/tracker.py).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names

from lodestar.vocabularies.models import ActorType, Sector, StrategyStage

from .figures import PATHWAY_FIELDS, Figures
from .models import CaseStudyMilestone, CaseStudyPage
from .tracker import NOT_ENOUGH_DATA, OFF_TRACK, ON_TRACK, STATUS_LABELS, track
from .world_map import REGIONS, VIEWBOX, country_shapes, region_of

FIGURE_FIELDS = ["pk", "countries", "actor_type_id", "strategy_stage_id", *PATHWAY_FIELDS]


@dataclass
class Row:
    """One line of a breakdown: a term (or region, or verdict) and its number of case studies."""

    slug: str
    name: str
    count: int
    url: str = ""


@dataclass
class CountryCount:
    code: str
    name: str
    count: int
    region: str
    url: str
    on_map: bool


@dataclass
class MapCountry:
    code: str
    name: str
    paths: tuple[str, ...]
    count: int
    url: str


@dataclass
class CoalitionOverview:
    total: int
    by_stage: list[Row]
    by_actor: list[Row]
    by_sector: list[Row]
    by_region: list[Row]
    by_status: list[Row]
    countries: list[CountryCount]
    map_countries: list[MapCountry] = field(default_factory=list)
    viewbox: str = " ".join(str(n) for n in VIEWBOX)

    @property
    def off_map(self) -> list[CountryCount]:
        """Countries with case studies that the map is too coarse to draw (small islands)."""
        return [country for country in self.countries if not country.on_map]

    @property
    def on_track(self) -> int:
        return next((row.count for row in self.by_status if row.slug == ON_TRACK), 0)


def _figures(row: dict, milestones) -> Figures:
    return Figures(
        target_type=row["target_type"] or "",
        target_year=row["target_year"],
        target_base_year=row["target_base_year"],
        target_percentage=row["target_percentage"],
        base_year=row["emissions_base_year"],
        base_value=row["emissions_base_value"],
        latest_year=row["emissions_latest_year"],
        latest_value=row["emissions_latest_value"],
        net_removals=row["emissions_net_removals"],
        milestones=tuple(milestones),
    )


def _vocabulary_rows(model, counts: Counter, library_url: str, parameter: str) -> list[Row]:
    return [
        Row(
            slug=term.slug,
            name=term.name,
            count=counts.get(term.pk, 0),
            url=f"{library_url}?{parameter}={term.slug}",
        )
        for term in model.objects.order_by("sort_order", "name")
    ]


def coalition_overview(*, published, library_url: str) -> CoalitionOverview:
    """The numbers of the coalition view, for the published case studies in `published`."""
    rows = list(published.order_by().values(*FIGURE_FIELDS))
    ids = [row["pk"] for row in rows]
    sector_counts = Counter(
        CaseStudyPage.sectors.through.objects.filter(casestudypage_id__in=ids).values_list(
            "sector_id", flat=True
        )
    )
    milestones = defaultdict(list)
    for page_id, year, value in CaseStudyMilestone.objects.filter(page_id__in=ids).values_list(
        "page_id", "year", "value"
    ):
        milestones[page_id].append((year, value))

    stage_counts = Counter(row["strategy_stage_id"] for row in rows)
    actor_counts = Counter(row["actor_type_id"] for row in rows)
    status_counts = Counter(track(_figures(row, milestones[row["pk"]])).status for row in rows)
    country_counts = Counter()
    region_counts = Counter()
    for row in rows:
        codes = [code for code in (row["countries"] or "").split(",") if code]
        country_counts.update(codes)
        region_counts.update({region_of(code)[0] for code in codes})

    shapes = country_shapes()
    countries = sorted(
        (
            CountryCount(
                code=code,
                name=str(country_names.name(code)) or code,
                count=count,
                region=region_of(code)[1],
                url=f"{library_url}?country={code}",
                on_map=code in shapes,
            )
            for code, count in country_counts.items()
        ),
        key=lambda country: (-country.count, country.name),
    )
    by_code = {country.code: country for country in countries}
    map_countries = [
        MapCountry(
            code=code,
            name=by_code[code].name if code in by_code else str(country_names.name(code)) or code,
            paths=shape.paths,
            count=by_code[code].count if code in by_code else 0,
            url=by_code[code].url if code in by_code else "",
        )
        for code, shape in shapes.items()
    ]
    regions = [*[(slug, name) for slug, name, _ in REGIONS], ("other", _("Other"))]
    return CoalitionOverview(
        total=len(rows),
        by_stage=_vocabulary_rows(StrategyStage, stage_counts, library_url, "stage"),
        by_actor=_vocabulary_rows(ActorType, actor_counts, library_url, "actor_type"),
        by_sector=_vocabulary_rows(Sector, sector_counts, library_url, "sector"),
        by_region=[
            Row(slug=slug, name=name, count=region_counts.get(slug, 0))
            for slug, name in regions
            if region_counts.get(slug) or slug != "other"
        ],
        by_status=[
            Row(slug=status, name=STATUS_LABELS[status], count=status_counts.get(status, 0))
            for status in (ON_TRACK, OFF_TRACK, NOT_ENOUGH_DATA)
        ],
        countries=countries,
        map_countries=map_countries,
    )
