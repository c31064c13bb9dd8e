from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ActorType, CoBenefit, PolicyInstrument, Sector, StrategyStage, ToolType


def _viewset(term_model, icon):
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": term_model,
            "icon": icon,
            "list_display": ["name", "slug", "sort_order"],
            "ordering": ["sort_order"],
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = "Vocabularies"
    menu_icon = "tag"
    menu_order = 300
    items = [
        _viewset(Sector, "cogs"),
        _viewset(ActorType, "group"),
        _viewset(StrategyStage, "list-ol"),
        _viewset(CoBenefit, "pick"),
        _viewset(ToolType, "cog"),
        _viewset(PolicyInstrument, "doc-full"),
    ]


register_snippet(VocabularyGroup)
