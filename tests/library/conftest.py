import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from practica.demo.files import make_pdf
from practica.library.services import resource_create


@pytest.fixture
def make_resource(community, chair):
    def make(title="Referral form template", author=None, community_=None, **kw):
        target = kw.pop("community", None) or community_ or community
        return resource_create(
            actor=author or chair,
            community=target,
            title=title,
            kind=kw.pop("kind", "guide"),
            summary="s",
            language="English",
            licence="cc_by",
            licence_confirmed=True,
            current_as_of=timezone.localdate(),
            upload=SimpleUploadedFile("guide.pdf", make_pdf(title), "application/pdf"),
            **kw,
        )

    return make
