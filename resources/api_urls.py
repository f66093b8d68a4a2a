"""The HSDS 3.0 API, under /api/hsds/ (portal/urls.py); paths as schema/openapi.json names them."""

from django.urls import path

from resources import api

app_name = "hsds"

urlpatterns = [
    path("", api.index, name="index"),
    path("services", api.services, name="services"),
    path("services/<str:id>", api.service, name="service"),
    path("service_at_locations", api.services_at_locations, name="service_at_locations"),
    path("service_at_locations/<str:id>", api.service_at_location, name="service_at_location"),
    path("organizations", api.organizations, name="organizations"),
    path("organizations/<str:id>", api.organization, name="organization"),
    path("taxonomies", api.taxonomies, name="taxonomies"),
    path("taxonomies/<str:id>", api.taxonomy, name="taxonomy"),
    path("taxonomy_terms", api.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", api.taxonomy_term, name="taxonomy_term"),
]
