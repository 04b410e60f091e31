from django.urls import path

from .views import graph, groups, options, people, relations

app_name = "subjects"

urlpatterns = [
    path("groepen/", groups.GroupListView.as_view(), name="groups"),
    path("groepen/opties/", options.GroupOptionsView.as_view(), name="group_options"),
    path(
        "groepen/opties/volledig/",
        options.FullGroupOptionsView.as_view(),
        name="full_group_options",
    ),
    path(
        "relaties/opties/",
        options.GroupRelationOptionsView.as_view(),
        name="group_relation_options",
    ),
    path("personen/opties/", options.PersonOptionsView.as_view(), name="person_options"),
    path(
        "personen/opties/leden/",
        options.MemberCandidateOptionsView.as_view(),
        name="member_candidate_options",
    ),
    path("groepen/nieuw/", groups.GroupCreateView.as_view(), name="group_create"),
    path("groepen/<int:pk>/", groups.GroupDetailView.as_view(), name="group_detail"),
    path("groepen/<int:pk>/bewerken/", groups.GroupEditView.as_view(), name="group_edit"),
    path("groepen/<int:pk>/verwijderen/", groups.GroupDeleteView.as_view(), name="group_delete"),
    path("groepen/<int:pk>/wijzigingen/", groups.GroupHistoryView.as_view(), name="group_history"),
    path("groepen/<int:pk>/tijdlijn/", groups.GroupTimelineView.as_view(), name="group_timeline"),
    path(
        "groepen/<int:pk>/analyse/nieuw/",
        groups.AssessmentCreateView.as_view(),
        name="assessment_create",
    ),
    path("analyses/<int:pk>/", groups.AssessmentDetailView.as_view(), name="assessment_detail"),
    path(
        "analyses/<int:pk>/bewerken/", groups.AssessmentEditView.as_view(), name="assessment_edit"
    ),
    path("analyses/<int:pk>/stap/", groups.AssessmentStepView.as_view(), name="assessment_step"),
    path(
        "analyses/<int:pk>/bijdrage/",
        groups.ContributionView.as_view(),
        name="assessment_contribute",
    ),
    path(
        "analyses/<int:pk>/verwijderen/",
        groups.AssessmentDeleteView.as_view(),
        name="assessment_delete",
    ),
    path(
        "analyses/<int:pk>/wijzigingen/",
        groups.AssessmentHistoryView.as_view(),
        name="assessment_history",
    ),
    path("personen/", people.PersonListView.as_view(), name="persons"),
    path("personen/nieuw/", people.PersonCreateView.as_view(), name="person_create"),
    path("personen/<int:pk>/", people.PersonDetailView.as_view(), name="person_detail"),
    path("personen/<int:pk>/bewerken/", people.PersonEditView.as_view(), name="person_edit"),
    path("personen/<int:pk>/verwijderen/", people.PersonDeleteView.as_view(), name="person_delete"),
    path(
        "personen/<int:pk>/wijzigingen/", people.PersonHistoryView.as_view(), name="person_history"
    ),
    path(
        "personen/<int:pk>/rechtvaardigen/",
        people.PersonJustifyView.as_view(),
        name="person_justify",
    ),
    path("lidmaatschappen/nieuw/", people.MembershipCreateView.as_view(), name="membership_create"),
    path(
        "lidmaatschappen/<int:pk>/verwijderen/",
        people.MembershipDeleteView.as_view(),
        name="membership_delete",
    ),
    path(
        "persoonsrelaties/nieuw/",
        people.PersonRelationCreateView.as_view(),
        name="person_relation_create",
    ),
    path(
        "persoonsrelaties/<int:pk>/verwijderen/",
        people.PersonRelationDeleteView.as_view(),
        name="person_relation_delete",
    ),
    path("relaties/", relations.RelationListView.as_view(), name="relations"),
    path("relaties/nieuw/", relations.RelationCreateView.as_view(), name="relation_create"),
    path("relaties/<int:pk>/", relations.RelationDetailView.as_view(), name="relation_detail"),
    path("relaties/<int:pk>/bewerken/", relations.RelationEditView.as_view(), name="relation_edit"),
    path(
        "relaties/<int:pk>/verwijderen/",
        relations.RelationDeleteView.as_view(),
        name="relation_delete",
    ),
    path(
        "relaties/<int:pk>/wijzigingen/",
        relations.RelationHistoryView.as_view(),
        name="relation_history",
    ),
    path(
        "relaties/<int:pk>/gebeurtenis/",
        relations.ConflictEventCreateView.as_view(),
        name="conflict_event_create",
    ),
    path("graph/", graph.GraphView.as_view(), name="graph"),
    path("graph/data/", graph.GraphDataView.as_view(), name="graph_data"),
]
