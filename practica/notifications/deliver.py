"""The notifications' subscriber to the activity record: who is told, on the site and by
email, in chunks of tasks that are safe to run again."""

from itertools import islice

from django.conf import settings

from practica.activity.models import Activity
from practica.activity.services import audience_ids, readers_among

from .models import UNMUTABLE, Category, Delivery, EmailSettings, Level, Notification
from .preferences import deliveries_of
from .watching import hears, levels_for

CHUNK = 500


def activity_notify(activity: Activity) -> None:
    """Plan who hears of `activity` and queue their notifications, CHUNK people a task.

    The people a note names come first; then those who watch one of its places closely
    enough; a mute on the thread or the person drops anyone but for decisions and duties.
    The actor is never told of their own doing."""
    from .tasks import activity_notify_chunk

    plan: dict[int, int] = {}  # person → index of their note (-1: the watchers' note)
    for index, note in enumerate(activity.notes):
        for user_id in note.get("to", []):
            plan.setdefault(user_id, index)
        if note.get("audience"):
            for user_id in audience_ids(activity, note["audience"]):
                plan.setdefault(user_id, index)
    # Without a note for watchers, only the mutes of those already told matter: a large
    # community's every watch row need not be read.
    among = None if activity.watchers or len(plan) > CHUNK else list(plan)
    levels = levels_for(activity.places, among=among) if activity.places and among != [] else {}
    if activity.watchers:
        needed = activity.watchers.get("level", Level.WATCHING)
        for user_id, level in levels.items():
            if hears(level, needed):
                plan.setdefault(user_id, -1)
    for user_id, index in list(plan.items()):
        category = _note(activity, index).get("category")
        if levels.get(user_id) == Level.MUTED and category not in UNMUTABLE:
            del plan[user_id]
    plan.pop(activity.actor_id or 0, None)
    people = iter(sorted(plan))
    while chunk := list(islice(people, getattr(settings, "NOTIFY_CHUNK", CHUNK))):
        activity_notify_chunk.enqueue(activity.pk, [[uid, plan[uid]] for uid in chunk])


def _note(activity: Activity, index: int) -> dict:
    return activity.watchers if index < 0 else activity.notes[index]


def notify_chunk(activity: Activity, plan: list[tuple[int, int]]) -> list[Notification]:
    """Create the notifications of one chunk (again: those made before are kept) for those
    who may still see the activity, and queue the emails due at once."""
    from .services import notify_many

    allowed = set(readers_among(activity, [uid for uid, _index in plan]))
    wanted = [(uid, _note(activity, index)) for uid, index in plan if uid in allowed]
    if not wanted:
        return []
    return notify_many(activity=activity, wanted=wanted)


def deliveries(notes: list[Notification]) -> dict[int, str]:
    """Each notification's email delivery, as its recipient chose for its category.

    Members in mailing-list mode get what they watch (Category.WATCHED) at once, whatever
    they chose for it: that is what the mode is."""
    chosen = deliveries_of(note.recipient_id for note in notes)
    watched = [note.recipient_id for note in notes if note.category == Category.WATCHED]
    if watched:
        listed = EmailSettings.objects.filter(user_id__in=watched, mailing_list=True)
        for uid in listed.values_list("user_id", flat=True):
            chosen[uid][Category.WATCHED] = Delivery.NOW
    return {note.pk: chosen[note.recipient_id][note.category] for note in notes}
