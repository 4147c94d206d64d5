"""The issue's default section 11 / section 175 standards and the default audit grades (both
configurable afterwards in the admin)."""

from django.db import migrations

STANDARDS = [
    ("Senior leadership and accountability", "Senior managers take responsibility for safeguarding children and are held to account for it."),
    ("A board-level lead", "A named lead at board level holds safeguarding children in the organisation."),
    ("Listening to children", "Children's views and experience shape the services they receive (the voice of the child)."),
    ("Whistleblowing and escalation", "Staff know how to raise concerns and escalate disagreements, and are protected when they do."),
    ("Information sharing", "Information is shared in time and safely with partners to safeguard children."),
    ("A designated practitioner", "A designated or named practitioner gives expert advice and support to staff."),
    ("Safe recruitment and safer working", "Staff are recruited safely (DBS checks, references) and work within safer working practice; allegations go to the LADO."),
    ("Training", "Staff are trained in safeguarding children at the level their role requires, and attend multi-agency training."),
    ("Supervision", "Staff working with children have regular safeguarding supervision."),
]
GRADES = ["Outstanding", "Good", "Requires improvement", "Inadequate"]


def add_defaults(apps, schema_editor):
    Standard = apps.get_model("audits", "Standard")
    AuditGrade = apps.get_model("audits", "AuditGrade")
    for kind in ("section_11", "section_175"):
        for number, (title, description) in enumerate(STANDARDS, start=1):
            Standard.objects.get_or_create(
                kind=kind, number=number, defaults={"title": title, "description": description}
            )
    for rank, name in enumerate(GRADES, start=1):
        AuditGrade.objects.get_or_create(name=name, defaults={"rank": rank})


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
