from django.contrib.auth import views as auth_views
from django.urls import path

from kvp.accounts import views

urlpatterns = [
    path("", views.home, name="home"),
    path("logg-inn/", views.LoginView.as_view(), name="login"),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/tofaktor/", views.totp_setup, name="totp_setup"),
    path("konto/tofaktor/kode/", views.totp_verify, name="totp_verify"),
]
