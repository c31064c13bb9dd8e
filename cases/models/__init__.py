"""The library's models: page types (case studies, tools and their indexes) and snippets."""

from .pages import (
    CaseStudyDocument,
    CaseStudyMilestone,
    CaseStudyPage,
    LibraryIndexPage,
    ToolIndexPage,
    ToolPage,
)
from .snippets import FeaturedCase, FeaturedList

__all__ = [
    "LibraryIndexPage",
    "CaseStudyPage",
    "CaseStudyMilestone",
    "CaseStudyDocument",
    "ToolIndexPage",
    "ToolPage",
    "FeaturedList",
    "FeaturedCase",
]
