"""Flags on messages now live in practica.moderation (copied there by its 0002)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0002_flag_resolved_by"),
        ("moderation", "0002_message_flags"),
    ]

    operations = [
        migrations.DeleteModel(
            name="Flag",
        ),
    ]
