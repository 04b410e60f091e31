from django.urls import path

from .views import incidents, options, room, steps

app_name = "crisis"

urlpatterns = [
    path("", incidents.IncidentListView.as_view(), name="list"),
    path("nieuw/", incidents.IncidentOpenView.as_view(), name="open"),
    path("opties/situaties/", options.SituationOptionsView.as_view(), name="situation_options"),
    path("opties/personen/", options.PersonOptionsView.as_view(), name="person_options"),
    path("opties/contacten/", options.ContactOptionsView.as_view(), name="contact_options"),
    path("<int:pk>/", room.IncidentDetailView.as_view(), name="detail"),
    path("<int:pk>/live/", room.IncidentLiveView.as_view(), name="live"),
    path("<int:pk>/beeld/", incidents.IncidentPictureView.as_view(), name="picture"),
    path("<int:pk>/actieplan/", incidents.IncidentPlanView.as_view(), name="plan"),
    path("<int:pk>/geschiedenis/", incidents.IncidentHistoryView.as_view(), name="history"),
    path("<int:pk>/check/", steps.MessageCheckView.as_view(), name="check"),
    path(
        "<int:pk>/situatierapport.pdf", incidents.SituationReportView.as_view(), name="report_pdf"
    ),
    path("<int:pk>/<slug:step>/", steps.IncidentStepView.as_view(), name="step"),
    path("rij/<int:pk>/<slug:step>/", steps.RowStepView.as_view(), name="row_step"),
]
