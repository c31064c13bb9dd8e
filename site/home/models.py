from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The site root: what Lodestar is for, and the way into the library, forum and search."""

    intro = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences under the title, saying what visitors can do here.",
    )
    body = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol", "h2", "h3"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"
