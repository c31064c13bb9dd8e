"""Pages in English, French and Spanish (issue 15), translated with wagtail-localize.

Why wagtail-localize (1.14.5, for Wagtail 7.0 and later) rather than Wagtail's simple_translation:
moderators translate in a segment-by-segment editor; a translation records which version of its
source it follows, so when the English page changes it can be brought up to date instead of
redone; translations can go out as PO files to outside translators and come back; and it keeps
each language's page tree in step with the English one. simple_translation only copies a page and
records nothing about what changed in its source.

How the trees relate: English is the source tree. The French and Spanish trees follow it
(`LocaleSynchronization`, created by home's migration 0003): every English page has a counterpart
there, an alias (a copy Wagtail refreshes each time the English page is published) until a
moderator translates it. So /fr/... and /es/... serve every page, in its language when it has been
translated and in English with a notice otherwise (`content_language`, the translation_notice
component). Pages published outside the admin (the demo, tests, scripts) get their aliases from
`follow_in_other_languages` on `page_published`; the admin's create view does it through
wagtail-localize's own hook.

Lists show each page once for their reader (`one_per_page`): its version in the reader's language
(a translation or an alias) when there is one, otherwise the original.

The vocabulary terms are not translated here: each term is one record with a label per language
(lodestar.vocabularies), so that a filter means the same in every language.
"""

from collections.abc import Iterable
from contextvars import ContextVar

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

# "This page is not yet available in <the reader's language>; here it is in <its language>.",
# written out in full for each pair: language names change form inside a French or Spanish sentence.
NOT_YET_TRANSLATED = {
    ("en", "fr"): _("This page is not yet available in English; here it is in French."),
    ("en", "es"): _("This page is not yet available in English; here it is in Spanish."),
    ("fr", "en"): _("This page is not yet available in French; here it is in English."),
    ("fr", "es"): _("This page is not yet available in French; here it is in Spanish."),
    ("es", "en"): _("This page is not yet available in Spanish; here it is in English."),
    ("es", "fr"): _("This page is not yet available in Spanish; here it is in French."),
}


def current_language() -> str:
    """The interface's language as a content language code ("en", "fr", "es")."""
    try:
        return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def read_in(language: str) -> Q:
    """Pages that readers of `language` see: one per translation key.

    The page in that language (a translation, or an alias of the English page); failing that, the
    original in the default language; failing that (a page written in another language and not in
    English), that original. Only published versions count as "there is one".
    """
    same = Page.objects.filter(translation_key=OuterRef("translation_key"), live=True)
    default = settings.LANGUAGE_CODE
    return Q(locale__language_code=language) | (
        Q(alias_of__isnull=True)
        & ~Exists(same.filter(locale__language_code=language))
        & (Q(locale__language_code=default) | ~Exists(same.filter(locale__language_code=default)))
    )


def written_versions() -> ArraySubquery:
    """For each page: the languages its translation key is published in, aliases aside.

    What `read_in_languages` needs; one subquery column, for search's indexing.
    """
    same = Page.objects.filter(translation_key=OuterRef("translation_key"), live=True, alias_of__isnull=True)
    return ArraySubquery(same.values("locale__language_code"))


def read_in_languages(language: str, versions: Iterable[str]) -> list[str]:
    """The interface languages whose readers see this version (`read_in`'s rule, for search).

    `language`: this version's; `versions`: the languages its page is written in (aliases aside:
    search never indexes them). Readers of a language with no version see the original in the
    default language, or failing that this version.
    """
    versions, default = set(versions) | {language}, settings.LANGUAGE_CODE
    shown = [language]
    for code, _name in settings.LANGUAGES:
        if code not in versions and (language == default or default not in versions):
            shown.append(code)
    return shown


def one_per_page(queryset: QuerySet, language: str | None = None) -> QuerySet:
    """`queryset` with each page once, as readers of `language` (default: the interface's) see it."""
    return queryset.filter(read_in(language or current_language()))


def mark_read_in(queryset: QuerySet, language: str | None = None) -> QuerySet:
    """`queryset` annotated with `read_here`: whether readers of `language` see that version."""
    condition = read_in(language or current_language())
    return queryset.annotate(read_here=ExpressionWrapper(condition, output_field=BooleanField()))


def versions_for_reader(pages: list, queryset: QuerySet, language: str | None = None) -> list:
    """The same pages in the same order, each replaced by the version readers of `language` see.

    One query for the whole list (`queryset` brings the joins and prefetches the caller shows); a
    page with no such version (unpublished since) keeps its place as it is.
    """
    keys = {page.translation_key for page in pages}
    if not keys:
        return list(pages)
    versions = {
        page.translation_key: page
        for page in one_per_page(queryset.filter(translation_key__in=keys), language)
    }
    return [versions.get(page.translation_key, page) for page in pages]


def content_language(page) -> str:
    """The language a page's content is written in: an alias shows its source's.

    One query for an alias, the first time it is asked of a page object; none for other pages.
    """
    if not hasattr(page, "_content_language"):
        if getattr(page, "written_in", None):  # annotated on the library's cards (cases.selectors)
            code = page.written_in
        elif page.alias_of_id:
            source = Page.objects.filter(pk=page.alias_of_id)
            code = source.values_list("locale__language_code", flat=True).first()
        else:
            code = locale_code(page.locale_id)
        page._content_language = code or settings.LANGUAGE_CODE
    return page._content_language


_locale_codes: dict[int, str] = {}


def locale_code(locale_id: int) -> str | None:
    """A locale's language code, without a query once this process has read the (three) locales."""
    if locale_id not in _locale_codes:
        _locale_codes.clear()
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id)


def not_yet_translated_notice(page, interface_language: str | None = None) -> dict | None:
    """What the notice says on a page shown in another language than the interface's, or None."""
    interface = interface_language or current_language()
    written_in = content_language(page)
    if not written_in or written_in == interface:
        return None
    message = NOT_YET_TRANSLATED.get((interface, written_in))
    if message is None:
        return None
    return {"message": message, "content_language": written_in, "source_id": page.alias_of_id or page.pk}


def follow_in_other_languages(page) -> list:
    """Give a page its aliases in the locales that follow its own (with any missing parents).

    wagtail-localize does this for pages created in the admin (its `after_create_page` hook); this
    does it for every page that gets published, however it was created. Idempotent.
    """
    from wagtail_localize.models import LocaleSynchronization

    if page.alias_of_id or page.depth < 2:
        return []
    followers = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values("locale_id")
    already = Page.objects.filter(translation_key=page.translation_key).values("locale_id")
    created = []
    for locale in Locale.objects.filter(pk__in=followers).exclude(pk__in=already):
        created.append(page.copy_for_translation(locale, copy_parents=True, alias=True))
    return created


_mirroring = ContextVar("mirroring_view_restrictions", default=False)


def mirror_view_restrictions(page_id: int) -> None:
    """Restrict the page's versions in the other languages (aliases, translations) exactly as it is.

    Wagtail copies a page's view restrictions to an alias when it makes it, and wagtail-localize to a
    translation when it saves it; a restriction set afterwards (the admin's Privacy setting) would
    otherwise leave the French and Spanish versions public, and searchable by anyone.
    """
    from wagtail.models import PageViewRestriction

    if _mirroring.get():
        return
    page = Page.objects.filter(pk=page_id).only("pk", "translation_key", "alias_of_id").first()
    if page is None:  # deleted along with its restrictions
        return
    if page.alias_of_id is not None:
        # Wagtail copying the original's restrictions to a new alias: the original decides, and the
        # copy is saved before its groups are added (mirroring it would wipe the original's groups).
        return
    token = _mirroring.set(True)
    try:
        restrictions = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
        for other in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk):
            PageViewRestriction.objects.filter(page=other).delete()
            for restriction in restrictions:
                copy = PageViewRestriction.objects.create(
                    page=other, restriction_type=restriction.restriction_type, password=restriction.password
                )
                copy.groups.set(restriction.groups.all())
    finally:
        _mirroring.reset(token)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mirror_view_restrictions(instance.page_id)


def _restriction_groups_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        mirror_view_restrictions(instance.page_id)
        return
    # From the group's side (group.pageviewrestriction_set.add(...)): the restrictions named.
    from wagtail.models import PageViewRestriction

    restrictions = (
        PageViewRestriction.objects.all()
        if pk_set is None
        else PageViewRestriction.objects.filter(pk__in=pk_set)
    )
    for page_id in set(restrictions.values_list("page_id", flat=True)):
        mirror_view_restrictions(page_id)


def _sync_unless_loading(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.sync_trees()


def _on_publish(sender, instance, **kwargs):
    follow_in_other_languages(instance)


def connect() -> None:
    """Aliases on every publish, view restrictions shared by every language's version;
    wagtail-localize's admin hook made idempotent, its receiver raw-safe.

    Its `after_create_page` hook (synctree.create_aliases_for_new_page) creates aliases without
    looking for existing ones; when the admin's create view publishes at once, `page_published` has
    already made them, and a second alias in the same locale fails validation (a 500). The hook
    calls that module-level helper by name, so it is pointed at `follow_in_other_languages`.
    """
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published
    from wagtail_localize import synctree
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    page_published.connect(_on_publish, dispatch_uid="cases.translation.follow_in_other_languages")
    synctree.create_aliases_for_new_page = follow_in_other_languages
    # Its receiver also synchronises trees while rows are being loaded (fixtures, the test
    # database's serialized copy), before the locales they name exist: only real saves sync.
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(
        _sync_unless_loading, sender=LocaleSynchronization, dispatch_uid="cases.translation.sync"
    )
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"cases.translation.{name}"
        )
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="cases.translation.restriction_groups",
    )
