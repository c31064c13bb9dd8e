import wagtail_factories

from lodestar.home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Lodestar"
    intro = "Case studies, tools and peer discussion on long-term low-emission strategies."

    class Meta:
        model = HomePage
