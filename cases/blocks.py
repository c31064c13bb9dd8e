"""StreamField blocks of case study bodies: one block per section of the common case structure.

Each section has a fixed heading, so case studies read alike and can be compared side by side;
each block renders with its own template under templates/cases/blocks/.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

SECTION_FEATURES = ["bold", "italic", "link", "ul", "ol", "h3", "document-link"]

SECTIONS = [
    ("context", _("Context"), _("Where and when: the actor, its emissions profile and its starting point.")),
    ("challenge", _("Challenge"), _("The problem the strategy work had to solve.")),
    ("solution", _("Solution"), _("What was done, by whom, and how.")),
    ("building_blocks", _("Building blocks"), _("The components another actor could reuse.")),
    ("barriers", _("Barriers"), _("What stood in the way.")),
    ("enabling_factors", _("Enabling factors"), _("What made it possible.")),
    ("outcomes", _("Outcomes"), _("Results so far, with figures where there are any.")),
    ("lessons_learnt", _("Lessons learnt"), _("What the team would do again, or differently.")),
    ("replicability", _("Replicability"), _("Where and under which conditions this could be repeated.")),
]


class SectionBlock(blocks.StructBlock):
    """One titled section of a case study (its heading comes from the block type)."""

    text = blocks.RichTextBlock(features=SECTION_FEATURES)

    class Meta:
        template = "cases/blocks/section_block.html"
        icon = "doc-full"


class FigureBlock(blocks.StructBlock):
    """An illustration with its alternative text (from the image) and a caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        template = "cases/blocks/figure_block.html"
        icon = "image"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        template = "cases/blocks/quote_block.html"
        icon = "openquote"


def case_study_body_blocks():
    section_blocks = [
        (name, SectionBlock(label=label, help_text=help_text)) for name, label, help_text in SECTIONS
    ]
    return [*section_blocks, ("figure", FigureBlock()), ("quote", QuoteBlock())]
