from django.db import migrations

# The starting taxonomy; staff edit it in the admin. Names are stored as written here.
DEFAULTS = [
    ("Sentencing", "sentencing", "Sentencing law, practice and alternatives to custody."),
    ("Bail and pre-trial release", "bail", "Release decisions, conditions and supervision."),
    ("Drug treatment courts", "drug-treatment-courts", "Problem-solving courts for substance use."),
    ("Mental health", "mental-health", "Mental health courts, diversion and support."),
    ("Domestic violence", "domestic-violence", "Intimate partner and family violence."),
    ("Youth justice", "youth-justice", "Young people in conflict with the law."),
    ("Indigenous justice", "indigenous-justice", "Indigenous courts, laws and restorative ways."),
    ("Legal aid", "legal-aid", "Access to counsel and publicly funded legal help."),
    ("Self-represented litigants", "self-represented", "Helping people who go to court alone."),
    ("Court administration", "court-administration", "Running courts, registries and dockets."),
    ("Evidence", "evidence", "Rules of evidence, disclosure and expert testimony."),
    ("Strategic litigation", "strategic-litigation", "Test cases and litigation for change."),
    ("Restorative justice", "restorative-justice", "Restorative processes and victim involvement."),
    ("Family law", "family-law", "Separation, parenting and child protection."),
    ("Immigration and refugees", "immigration", "Immigration detention, removal and asylum."),
    ("Technology and online courts", "court-technology", "Digital filing, online hearings, tools."),
    ("Data and evaluation", "data-evaluation", "Measuring programmes and outcomes."),
    ("Training and education", "training", "Teaching judges, lawyers and court staff."),
]


def create_defaults(apps, schema_editor):
    ExpertiseArea = apps.get_model("directory", "ExpertiseArea")
    for position, (name, slug, description) in enumerate(DEFAULTS):
        ExpertiseArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
