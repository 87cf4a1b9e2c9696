from django.urls import path

from kvp.parameters import views

urlpatterns = [
    path("regler/", views.rule_parameters, name="rule_parameters"),
]
