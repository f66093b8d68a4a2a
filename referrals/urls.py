from django.urls import path

from referrals import views

app_name = "referrals"

urlpatterns = [
    # /referrals/: school staff's own referrals
    path("referrals/", views.home, name="home"),
    path("referrals/new/", views.new, name="new"),
    path("referrals/<int:pk>/", views.detail, name="detail"),
    # The referred family's single-use link: no sign-in, the token is the key.
    path("referrals/family/<str:token>/", views.family, name="family"),
]
