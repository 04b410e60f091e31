from django.urls import path

from . import views

app_name = "crisis"

urlpatterns = [
    path("", views.IncidentListView.as_view(), name="list"),
    path("nieuw/", views.IncidentOpenView.as_view(), name="open"),
    path("opties/situaties/", views.SituationOptionsView.as_view(), name="situation_options"),
    path("opties/personen/", views.PersonOptionsView.as_view(), name="person_options"),
    path("opties/contacten/", views.ContactOptionsView.as_view(), name="contact_options"),
    path("<int:pk>/", views.IncidentDetailView.as_view(), name="detail"),
    path("<int:pk>/live/", views.IncidentLiveView.as_view(), name="live"),
    path("<int:pk>/beeld/", views.IncidentPictureView.as_view(), name="picture"),
    path("<int:pk>/actieplan/", views.IncidentPlanView.as_view(), name="plan"),
    path("<int:pk>/geschiedenis/", views.IncidentHistoryView.as_view(), name="history"),
    path("<int:pk>/check/", views.MessageCheckView.as_view(), name="check"),
    path("<int:pk>/situatierapport.pdf", views.SituationReportView.as_view(), name="report_pdf"),
    path("<int:pk>/<slug:step>/", views.IncidentStepView.as_view(), name="step"),
    path("rij/<int:pk>/<slug:step>/", views.RowStepView.as_view(), name="row_step"),
]
