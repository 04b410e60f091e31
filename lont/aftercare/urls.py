from django.urls import path

from .views import evaluation, options, plan, rumours, staff

app_name = "aftercare"

urlpatterns = [
    # A1
    path("plannen/", plan.PlanListView.as_view(), name="plans"),
    path("plannen/nieuw/", plan.PlanOpenView.as_view(), name="plan_open"),
    path("plannen/<int:pk>/", plan.PlanDetailView.as_view(), name="plan_detail"),
    path(
        "plannen/<int:pk>/perspectief/",
        plan.PerspectiveAddView.as_view(),
        name="perspective_add",
    ),
    path("plannen/<int:pk>/tipgever/", plan.TipsterCareView.as_view(), name="tipster_care"),
    path("taken/<int:pk>/", plan.TaskUpdateView.as_view(), name="task_update"),
    path("taken/<int:pk>/toewijzen/", plan.TaskAssignView.as_view(), name="task_assign"),
    # A2
    path("medewerkers/", staff.StaffView.as_view(), name="staff"),
    path("medewerkers/melden/", staff.ReportCreateView.as_view(), name="report_create"),
    path("medewerkers/meldingen/<int:pk>/", staff.ReportDetailView.as_view(), name="report_detail"),
    path(
        "medewerkers/nagesprekken/<int:pk>/",
        staff.CheckInRecordView.as_view(),
        name="checkin_record",
    ),
    path("medewerkers/steun/nieuw/", staff.SupportCreateView.as_view(), name="support_create"),
    path("peilingen/nieuw/", staff.SurveyCreateView.as_view(), name="survey_create"),
    path("peilingen/<int:pk>/", staff.SurveyView.as_view(), name="survey_detail"),
    # A3
    path("evaluaties/", evaluation.EvaluationListView.as_view(), name="evaluations"),
    path("evaluaties/nieuw/", evaluation.EvaluationStartView.as_view(), name="evaluation_start"),
    path(
        "evaluaties/<int:pk>/",
        evaluation.EvaluationDetailView.as_view(),
        name="evaluation_detail",
    ),
    path("evaluaties/<int:pk>/antwoord/", evaluation.AnswerView.as_view(), name="answer"),
    path("evaluaties/<int:pk>/samenvoegen/", evaluation.MergeView.as_view(), name="merge"),
    path("evaluaties/<int:pk>/les/", evaluation.LessonAddView.as_view(), name="lesson_add"),
    path("lessen/<int:pk>/overnemen/", evaluation.LessonAdoptView.as_view(), name="lesson_adopt"),
    path("convenant/herkomst/", evaluation.CovenantOriginView.as_view(), name="covenant_origin"),
    path("adviesraad/", evaluation.AdvisoryView.as_view(), name="advisory"),
    path("adviesraad/nieuw/", evaluation.AdvisoryAddView.as_view(), name="advisory_add"),
    # A4
    path("geruchten/", rumours.RumourListView.as_view(), name="rumours"),
    path("geruchten/nieuw/", rumours.RumourCreateView.as_view(), name="rumour_create"),
    path("geruchten/<int:pk>/", rumours.RumourDetailView.as_view(), name="rumour_detail"),
    path("geruchten/<int:pk>/bereik/", rumours.ReachAddView.as_view(), name="reach_add"),
    path(
        "geruchten/<int:pk>/ontkrachting/",
        rumours.DebunkCreateView.as_view(),
        name="debunk_create",
    ),
    path("ontkrachtingen/<int:pk>/", rumours.DebunkEditView.as_view(), name="debunk_edit"),
    path(
        "ontkrachtingen/<int:pk>/claimreview.jsonld",
        rumours.DebunkExportView.as_view(),
        {"fmt": "json"},
        name="debunk_jsonld",
    ),
    path(
        "ontkrachtingen/<int:pk>/tekst.txt",
        rumours.DebunkExportView.as_view(),
        {"fmt": "text"},
        name="debunk_text",
    ),
    path("prebunks/", rumours.PrebunkListView.as_view(), name="prebunks"),
    path("prebunks/nieuw/", rumours.PrebunkCreateView.as_view(), name="prebunk_create"),
    # The suggestions of the type-to-choose fields (htmx).
    path(
        "opties/situaties/",
        options.PlanSituationOptionsView.as_view(),
        name="plan_situation_options",
    ),
    path(
        "opties/jongeren/",
        options.PerspectivePersonOptionsView.as_view(),
        name="perspective_person_options",
    ),
    path("opties/tips/", options.TipOptionsView.as_view(), name="tip_options"),
    path("opties/incidenten/", options.IncidentOptionsView.as_view(), name="incident_options"),
    path("opties/boodschappers/", options.MessengerOptionsView.as_view(), name="messenger_options"),
]
