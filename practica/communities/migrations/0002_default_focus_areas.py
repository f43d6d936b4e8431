from django.db import migrations

DEFAULTS = [
    ("Knowledge", "knowledge", "Research, evidence and what the field has learned."),
    ("Skills", "skills", "The craft of the work: practice, training and mentoring."),
    ("Innovation", "innovation", "New ways to deliver justice and to measure them."),
    ("Management", "management", "Running courts, clinics and programmes well."),
]


def create_defaults(apps, schema_editor):
    FocusArea = apps.get_model("communities", "FocusArea")
    for position, (name, slug, description) in enumerate(DEFAULTS):
        FocusArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("communities", "0001_initial")]
    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
