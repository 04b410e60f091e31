from django.urls import path

from . import exports, views

app_name = "socialmap"

urlpatterns = [
    path("", views.ContactListView.as_view(), name="list"),
    path(
        "organisatie/<int:organisation_id>/",
        views.OrganisationContactListView.as_view(),
        name="organisation",
    ),
    path("nieuw/", views.ContactCreateView.as_view(), name="create"),
    path("<int:pk>/", views.ContactDetailView.as_view(), name="detail"),
    path("<int:pk>/wijzigen/", views.ContactUpdateView.as_view(), name="update"),
    path("<int:pk>/verwijderen/", views.ContactDeleteView.as_view(), name="delete"),
    path("<int:pk>/geschiedenis/", views.ContactHistoryView.as_view(), name="history"),
    path("<int:pk>/bereik/", views.ReachAddView.as_view(), name="reach_add"),
    path(
        "<int:pk>/bereik/<int:reach_id>/verwijderen/",
        views.ReachRemoveView.as_view(),
        name="reach_remove",
    ),
    path("<int:pk>/personen/", views.PersonLinkAddView.as_view(), name="link_add"),
    path(
        "<int:pk>/personen/<int:link_id>/verwijderen/",
        views.PersonLinkRemoveView.as_view(),
        name="link_remove",
    ),
    path("bereik/", views.ReachIndexView.as_view(), name="reach_index"),
    path("bereik/<int:pk>/", views.ReachView.as_view(), name="reach"),
    path("belboom/", exports.ExportPrintView.as_view(), name="export_print"),
    path("belboom.csv", exports.ExportCsvView.as_view(), name="export_csv"),
]
