from django.db import migrations

DEFAULT_CONDUCT = """\
## Our code of conduct

Practica brings together people who see the justice system from very different places:
the bench, the bar, the clinic, the street and the cell. We ask everyone to:

1. **Respect confidentiality.** Never share details that could identify a party, a client,
   a participant or a victim. Change or remove them before you post.
2. **Speak from your experience, not for others.** Say where you stand and what you know.
3. **Disagree with ideas, not with people.** No insults, harassment or discrimination.
4. **No legal advice on individual cases.** Discuss practice, not a live matter.
5. **Credit others.** Say where a resource or idea comes from and respect its licence.

Leaders may hide content or remove members who break these rules. Staff may suspend
accounts. Tell the leaders or staff if you see something wrong.
"""


def publish_default(apps, schema_editor):
    CodeOfConduct = apps.get_model("accounts", "CodeOfConduct")
    if not CodeOfConduct.objects.exists():
        CodeOfConduct.objects.create(
            version=1, body=DEFAULT_CONDUCT, summary_of_changes="First version."
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(publish_default, migrations.RunPython.noop)]
