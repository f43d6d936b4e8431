"""Flags on private messages were messaging's own (messaging.Flag, a free-text reason, shown
on /messages/flagged/); they become moderation flags, in staff's queue, citing "Something
else" with the reason as the note. A handled flag counts as upheld, its case resolved."""

from django.db import migrations


def copy_message_flags(apps, schema_editor):
    OldFlag = apps.get_model("messaging", "Flag")
    Case = apps.get_model("moderation", "Case")
    Flag = apps.get_model("moderation", "Flag")
    for old in OldFlag.objects.select_related("message", "message__sender").order_by("pk"):
        message = old.message
        name = message.sender.display_name if message.sender_id else ""
        case, _created = Case.objects.get_or_create(
            kind="message",
            object_id=message.pk,
            defaults={
                "community": None,
                "to_staff": True,
                "author_id": message.sender_id,
                "label": f"Private message from {name or 'a closed account'}"[:300],
                "opened_at": old.created_at,
            },
        )
        resolved = old.resolved_at is not None
        Flag.objects.get_or_create(
            case=case,
            flagger_id=old.flagged_by_id,
            defaults={
                "rule": "other",
                "rule_label": "Something else",
                "note": old.reason[:2000],
                "weight": 1,
                "outcome": "upheld" if resolved else "open",
                "created_at": old.created_at,
                "resolved_at": old.resolved_at,
            },
        )
    for case in Case.objects.filter(kind="message"):
        flags = Flag.objects.filter(case=case)
        if not flags.filter(outcome="open").exists():
            case.state, case.outcome = "resolved", "dismissed"
            case.resolved_at = max(f.resolved_at for f in flags if f.resolved_at) if flags else None
            case.weight = 0
        else:
            case.weight = sum(f.weight for f in flags.filter(outcome="open"))
        case.save()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("messaging", "0002_flag_resolved_by"),
    ]

    operations = [migrations.RunPython(copy_message_flags, migrations.RunPython.noop)]
