"""The data migration that folds messaging's own flags into moderation's: each becomes a
flag citing "Something else" with its reason as the note, in staff's queue; a handled one
is upheld and its case resolved."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("messaging", "0002_flag_resolved_by"), ("moderation", "0001_initial")]
AFTER = [("messaging", "0003_flags_moved_to_moderation")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_message_flags_become_moderation_flags():
    old = _migrate(BEFORE)
    # Accounts stay migrated: people are made with today's model.
    sender = UserFactory(display_name="Sam Sender")
    flagger = UserFactory(display_name="Flo Flagger")
    staff = UserFactory(is_staff=True)
    Conversation = old.get_model("messaging", "Conversation")
    Message = old.get_model("messaging", "Message")
    OldFlag = old.get_model("messaging", "Flag")
    conversation = Conversation.objects.create(subject="S", created_by_id=sender.pk)
    waiting = Message.objects.create(conversation=conversation, sender_id=sender.pk, body="Buy now")
    handled = Message.objects.create(conversation=conversation, sender_id=sender.pk, body="Rude")
    OldFlag.objects.create(message=waiting, flagged_by_id=flagger.pk, reason="Spam, plainly")
    OldFlag.objects.create(
        message=handled, flagged_by_id=flagger.pk, reason="Rude", resolved_at=timezone.now(),
        resolved_by_id=staff.pk,
    )  # fmt: skip

    new = _migrate(AFTER)
    Case = new.get_model("moderation", "Case")
    Flag = new.get_model("moderation", "Flag")
    open_case = Case.objects.get(object_id=waiting.pk)
    assert (open_case.kind, open_case.to_staff, open_case.state) == ("message", True, "open")
    assert open_case.author_id == sender.pk and open_case.weight == 1
    flag = Flag.objects.get(case=open_case)
    assert (flag.rule, flag.note, flag.outcome) == ("other", "Spam, plainly", "open")
    closed = Case.objects.get(object_id=handled.pk)
    assert closed.state == "resolved" and Flag.objects.get(case=closed).outcome == "upheld"
    assert "messaging_flag" not in connection.introspection.table_names()
