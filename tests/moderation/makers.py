from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from practica.demo.files import make_pdf
from practica.events.services import event_create
from practica.library.services import resource_create


def make_resource(community, author, title="Sentencing bench guide"):
    return resource_create(
        actor=author, community=community, title=title, kind="guide",
        summary="A guide to sentencing options.",
        language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(),
        upload=SimpleUploadedFile("r.pdf", make_pdf("r"), "application/pdf"),
    )  # fmt: skip


def make_event(community, author, title="Webinar on bail supervision"):
    start = (timezone.now() + timedelta(days=5)).replace(tzinfo=None)
    return event_create(
        actor=author, community=community, title=title, kind="webinar",
        description="An hour on what works.", local_start=start,
        local_end=start + timedelta(hours=1), time_zone="UTC",
        meeting_url="https://meet.example.org/x",
    )[0]  # fmt: skip
