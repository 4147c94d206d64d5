from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"
    verbose_name = "Case reviews"

    def ready(self):
        from governance.action_sources import register_action_source
        from reviews import permissions
        from reviews.models import CaseReview
        from reviews.notifications import register_kinds
        from reviews.scans import register_scans

        # The case review reminder (its kind needs `reviews.view_review`) and its scan.
        register_kinds()
        register_scans()

        # A review's actions are need-to-know: the action log, its search, exports and
        # reminders show them only to those who may see the review.
        register_action_source(
            CaseReview,
            visible_to=permissions.visible_reviews_subquery_q,
            visible_to_person=permissions.visible_reviews_q_for_person,
        )
