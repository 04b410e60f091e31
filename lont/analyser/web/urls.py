from django.urls import path

from .views import analyse, manage

app_name = "analyser"


def _entity_urls(prefix: str, entity: str, name: str) -> list:
    kw = {"entity_name": entity}
    return [
        path(f"{prefix}/", manage.EntryListView.as_view(**kw), name=name),
        path(f"{prefix}/nieuw/", manage.EntryFormView.as_view(**kw), name=f"{name}_create"),
        path(
            f"{prefix}/<int:pk>/wijzigen/", manage.EntryFormView.as_view(**kw), name=f"{name}_edit"
        ),
        path(
            f"{prefix}/<int:pk>/verwijderen/",
            manage.EntryDeleteView.as_view(**kw),
            name=f"{name}_delete",
        ),
        path(f"{prefix}/importeren/", manage.EntryImportView.as_view(**kw), name=f"{name}_import"),
        path(f"{prefix}/export.csv", manage.EntryExportView.as_view(**kw), name=f"{name}_export"),
    ]


urlpatterns = [
    path("", analyse.AnalyseView.as_view(), name="analyse"),
    path("bericht/", analyse.MessageView.as_view(), name="message"),
    path("bericht/controle/", analyse.MessageView.as_view(), name="message_check"),
    *_entity_urls("plaatsen", "places", "places"),
    *_entity_urls("woordenlijst", "lexicon", "lexicon"),
]
