from django.urls import path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.highlight_list, name="highlight_list"),
    path("highlight-reports/new/", views.highlight_create, name="highlight_create"),
    path("highlight-reports/<int:pk>/", views.highlight_detail, name="highlight_detail"),
    path("highlight-reports/<int:pk>/narrative/", views.highlight_edit, name="highlight_edit"),
    path("highlight-reports/<int:pk>/refresh/", views.highlight_refresh, name="highlight_refresh"),
    path("highlight-reports/<int:pk>/submit/", views.highlight_submit, name="highlight_submit"),
    path("highlight-reports/<int:pk>/pdf/", views.highlight_pdf, name="highlight_pdf"),
    path("highlight-reports/<int:pk>/delete/", views.highlight_delete, name="highlight_delete"),
    path("highlight-reports/<int:pk>/history/", views.highlight_history, name="highlight_history"),
    path("yearly-reports/", views.yearly_list, name="yearly_list"),
    path("yearly-reports/new/", views.yearly_create, name="yearly_create"),
    path("yearly-reports/<int:pk>/", views.yearly_detail, name="yearly_detail"),
    path("yearly-reports/<int:pk>/sections/", views.yearly_edit, name="yearly_edit"),
    path("yearly-reports/<int:pk>/refresh/", views.yearly_refresh, name="yearly_refresh"),
    path("yearly-reports/<int:pk>/approve/", views.yearly_approve, name="yearly_approve"),
    path("yearly-reports/<int:pk>/publication/", views.yearly_publish, name="yearly_publish"),
    path("yearly-reports/<int:pk>/pdf/", views.yearly_pdf, name="yearly_pdf"),
    path("yearly-reports/<int:pk>/delete/", views.yearly_delete, name="yearly_delete"),
    path("yearly-reports/<int:pk>/docx/", views.yearly_docx, name="yearly_docx"),
    path("yearly-reports/<int:pk>/history/", views.yearly_history, name="yearly_history"),
]
