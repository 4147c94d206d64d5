"""The choices of the reporting models (TextChoices), shared by models and pure rules."""

from django.db import models


class HighlightStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted to the board"


class YearlyStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved by the lead safeguarding partners"
    PUBLISHED = "published", "Published"


class ExportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word"
