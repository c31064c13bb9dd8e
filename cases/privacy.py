"""What the library holds about a person: the case studies and tools they own (Wagtail's owner).

Wagtail's page owner is a nullable foreign key set to NULL when the account is deleted, so pages
outlive their authors and show "former member".
"""

from wagtail.models import Page


def export_case_studies(user) -> list[dict]:
    pages = Page.objects.filter(owner=user, content_type__app_label="cases").order_by("pk")
    return [
        {
            "title": page.title,
            "type": page.specific_class._meta.verbose_name if page.specific_class else "page",
            "live": page.live,
            "url_path": page.url_path,
            "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
        }
        for page in pages
    ]
