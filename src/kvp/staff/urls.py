from django.urls import path

from kvp.staff import views

urlpatterns = [
    path("ansatte/", views.staff_list, name="staff_list"),
    path("ansatte/<int:user_id>/tilgang/", views.staff_grant_request, name="staff_grant_request"),
    path("ansatte/foresporsel/<int:grant_id>/", views.staff_grant_decide, name="staff_grant_decide"),
    path("ansatte/<int:user_id>/nytt-passord/", views.staff_reset_link, name="staff_reset_link"),
    path("ansatte/<int:user_id>/opphev-sperre/", views.staff_lockout_lift, name="staff_lockout_lift"),
    path("konto/nytt-passord/<uidb64>/<token>/", views.PasswordChooseView.as_view(), name="password_choose"),
]
