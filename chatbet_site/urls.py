"""Root URL configuration: health, admin, and each app's URLs."""

from django.contrib import admin
from django.urls import include, path

from chatbet_site import health

urlpatterns = [
    path("health/", health.live, name="health"),
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("sportsdata.urls")),
]
