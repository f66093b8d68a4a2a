from django.urls import path

from resources import listing_views, problem_views

app_name = "resources"

urlpatterns = [
    # /partners/listings/: an agency keeps its own programs true
    path("partners/listings/", listing_views.index, name="listings"),
    path("partners/listings/<int:program_id>/", listing_views.change, name="listing_change"),
    path("partners/listings/<int:program_id>/confirm/", listing_views.confirm, name="listing_confirm"),
    path("partners/listings/agency/<slug:slug>/", listing_views.agency, name="listing_agency"),
    path("partners/listings/review/", listing_views.review, name="listing_review"),  # the review email's link
    # /listings/: families tell the office a program's details are wrong
    path("listings/<int:program_id>/report/", problem_views.report, name="report_problem"),
]
