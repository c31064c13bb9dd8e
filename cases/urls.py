from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("glossary/", views.glossary, name="glossary"),
    path("pathways/", views.pathways, name="pathways"),
    path("open-data/datapackage.json", views.datapackage, name="datapackage"),
]
