"""Root URL configuration: health, admin, and each app's URLs."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from chatbet_site import health, metrics

urlpatterns = [
    path("health/", health.live, name="health"),
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    path("metrics", metrics.metrics_view, name="metrics"),  # 404 unless METRICS_ENABLED and allowed
    path("admin/", admin.site.urls),
    path("api/v1/", include("sportsdata.urls")),
    path("api/v1/", include("conversations.urls")),
    path("api/v1/betting/", include("betting.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("", include("conversations.page_urls")),
]

handler404 = "chatbet_site.errors.not_found"
handler500 = "chatbet_site.errors.server_error"
