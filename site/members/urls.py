from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("people/<slug:slug>/", views.profile_detail, name="profile_detail"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("apply/", views.apply, name="apply"),
    path("applications/", views.application_queue, name="application_queue"),
    path("applications/<int:pk>/approve/", views.application_approve, name="application_approve"),
    path("applications/<int:pk>/reject/", views.application_reject, name="application_reject"),
    path("my-data.json", views.export_data, name="export_data"),
    path("delete-account/", views.delete_account, name="delete_account"),
]
