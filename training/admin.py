from django.contrib import admin

from training.models import CourseLevel, TrainingEmail


@admin.register(CourseLevel)
class CourseLevelAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]


@admin.register(TrainingEmail)
class TrainingEmailAdmin(admin.ModelAdmin):
    list_display = ["kind", "to", "subject", "created_at", "sent_at"]
    list_filter = ["kind"]
    readonly_fields = ["booking", "kind", "occasion", "to", "subject", "body", "created_at", "sent_at"]
