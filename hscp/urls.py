from django.contrib import admin
from django.urls import include, path

from accounts import views as account_views
from accounts.urls import auth_urlpatterns
from core.page_cache import cached_page
from dashboards import views as dashboard_views
from governance.page_cache_rules import holds_need_to_know
from hscp import views

admin.site.site_header = "HSCP Governance administration"
admin.site.site_title = "HSCP Governance"

urlpatterns = [
    path("", cached_page(dashboard_views.home, unless=holds_need_to_know), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("accounts.urls")),
    path("notifications/", include("notifications.urls")),
    path("privacy/", include("privacy.urls")),
    path("case-reviews/", include("reviews.urls")),
    path("audits/", include("audits.urls")),
    path("training/", include("training.urls")),
    path("planning/", include("planning.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("reports/", include("reporting.urls")),
    path("api/", include("dashboards.api.urls")),
    path("admin/login/", account_views.admin_login),
    path("admin/", admin.site.urls),
    path("", include("governance.urls")),
]
