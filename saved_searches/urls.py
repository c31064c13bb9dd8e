from django.urls import path

from . import views

app_name = "saved_searches"

urlpatterns = [
    path("", views.saved_list, name="list"),
    path("save/", views.save, name="save"),
    path("<int:pk>/", views.run, name="run"),
    path("<int:pk>/alerts/", views.set_frequency, name="set_frequency"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
