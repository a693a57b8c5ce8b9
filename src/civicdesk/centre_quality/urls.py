"""The public visit survey, mounted at /<lang>/feedback/."""

from django.urls import path

from civicdesk.centre_quality import views

urlpatterns = [
    path("<str:token>/", views.visit_survey, name="visit_survey"),
    path("<str:token>/thanks/", views.visit_survey_thanks, name="visit_survey_thanks"),
]
