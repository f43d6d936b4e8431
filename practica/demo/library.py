"""Demo library: resources of every kind, with versions, some overdue for review. The files
are generated here (practica.demo.files), nothing is copied from elsewhere."""

import random
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from django.utils import timezone

from practica.communities.models import Community, Membership
from practica.library.models import Resource, ResourceVersion
from practica.library.services import resource_create, version_add

from .files import make_docx, make_odt, make_pdf, make_png
from .topics import TOPICS

ITEMS = [
    # community, title, kind, file maker, extension, licence, jurisdictions, months old
    ("drug-treatment-courts", "Participant handbook template", "template", "docx", "cc_by",
     "Illinois, Ontario", 3),
    ("drug-treatment-courts", "Incentives and sanctions guide", "guide", "pdf", "cc_by_sa",
     "", 16),
    ("domestic-violence-courts", "Safety planning checklist", "template", "odt", "cc_by",
     "England and Wales", 5),
    ("youth-justice", "Diversion programme case study", "case_study", "pdf",
     "all_rights_reserved", "Kenya", 14),
    ("legal-aid-innovation", "Triage toolkit", "toolkit", "docx", "cc_by", "", 2),
    ("justice-data", "Outcome measures workbook", "document", "odt", "public_domain", "", 20),
    ("community-paralegals", "Community paralegal training guide", "guide", "pdf",
     "cc_by_nc", "Philippines", 8),
    ("restorative-justice", "Circle process diagram", "document", "png", "cc_by", "", 1),
    ("indigenous-wellness-courts", "Elders' honorarium policy (model)", "template", "docx",
     "cc_by", "Saskatchewan, Yukon", 6),
    ("racial-justice-litigation", "Retainer clause on community decision-making (draft)",
     "template", "odt", "cc_by_nc", "France, Belgium", 4),
    ("judges-roundtable", "Bench card: explaining procedure to unrepresented parties",
     "guide", "pdf", "cc_by", "Quebec, Minnesota", 10),
]  # fmt: skip
SUMMARIES = {
    "Participant handbook template": "A handbook in plain language: phases, testing, "
    "responses and whom to call, with a one-page summary to hand out on day one.",
    "Incentives and sanctions guide": "How three courts built their response grids, with the "
    "grids themselves and what each court changed after a year.",
    "Safety planning checklist": "A checklist advocates go through with a survivor before the "
    "first appearance; adapted from practice in two courts.",
    "Diversion programme case study": "Two years of a school-based diversion programme: "
    "design, referrals, results and what the team would change.",
    "Triage toolkit": "The questions, decision tree and hand-off scripts of a triage line "
    "shared by four legal aid providers.",
    "Outcome measures workbook": "Definitions of completion, retention and twelve outcome "
    "measures, mapped against the main published core sets.",
    "Community paralegal training guide": "A five-day curriculum for new paralegals, with "
    "role plays on police station visits and land disputes.",
    "Circle process diagram": "One page showing the stages of a circle, from first contact "
    "to follow-up.",
    "Elders' honorarium policy (model)": "A model policy covering payment, travel, "
    "preparation time and protocol, written with elders from two courts.",
    "Retainer clause on community decision-making (draft)": "A working draft of a clause "
    "setting out who decides on filing, settlement and withdrawal. Not for filing as is.",
    "Bench card: explaining procedure to unrepresented parties": "What to say at the start "
    "of a hearing, in the same words to both parties, and what not to say.",
    "Caseflow standards (external)": "Published time standards for criminal and civil "
    "cases, with a note on how our members use them.",
    "Webinar recording: crisis diversion": "The recording of the crisis diversion webinar, "
    "with the slides.",
    "Co-response team: first-year report (external)": "A city's report on its first year of "
    "clinicians responding to mental health calls.",
    "Reform exit plan outline": "The headings of an exit plan, agreed by the circle, with "
    "a note under each.",
}
LINKS = [
    ("court-management", "Caseflow standards (external)", "link", "https://example.org/caseflow"),
    ("mental-health-courts", "Webinar recording: crisis diversion", "recording",
     "https://example.org/recording"),
    ("mental-health-courts", "Co-response team: first-year report (external)", "link",
     "https://example.org/co-response"),
    ("reform-leadership-circle", "Reform exit plan outline", "link",
     "https://example.org/exit-plan"),
]  # fmt: skip
MAKERS = {"pdf": make_pdf, "docx": make_docx, "odt": make_odt}


def _file(title: str, extension: str, version: int) -> SimpleUploadedFile:
    text = f"{title}\nVersion {version}\nPrepared for the Practica demo library."
    content = make_png() if extension == "png" else MAKERS[extension](text)
    name = f"{title.lower().replace(' ', '-')}-v{version}.{extension}"
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _set_downloads(resource: Resource, rng: random.Random) -> None:
    """Downloads are counted per version; the resource's count is their sum (as
    `download_counted` keeps it), so the demo sets the versions' and adds them up."""
    for version in resource.versions.all():
        ResourceVersion.objects.filter(pk=version.pk).update(download_count=rng.randint(0, 30))
    total = resource.versions.aggregate(total=Sum("download_count"))["total"] or 0
    Resource.objects.filter(pk=resource.pk).update(download_count=total)


def seed_library(rng: random.Random) -> None:
    communities = {c.slug: c for c in Community.objects.all()}
    today = timezone.localdate()
    for slug, title, kind, extension, licence, jurisdictions, months in ITEMS:
        community = communities.get(slug)
        if community is None:
            continue
        people = [
            m.user for m in Membership.objects.filter(community=community).select_related("user")
        ]
        author, coauthor = people[0], people[1]
        resource = resource_create(
            actor=author,
            community=community,
            title=title,
            kind=kind,
            summary=SUMMARIES[title],
            language="English",
            licence=licence,
            licence_confirmed=True,
            current_as_of=today - timedelta(days=30 * months),
            upload=_file(title, extension, 1),
            co_authors=[coauthor],
            tags=rng.sample(list(TOPICS[slug].tags), 2),
            jurisdictions=jurisdictions,
        )
        # Shared back then: the resource and its first version are dated with its
        # "current as of" date, not with the day the demo was loaded.
        shared = timezone.now() - timedelta(days=30 * months)
        Resource.objects.filter(pk=resource.pk).update(created_at=shared)
        resource.versions.update(created_at=shared)
        if extension != "png" and months % 2 == 0:
            second = version_add(
                actor=coauthor,
                resource=resource,
                upload=_file(title, extension, 2),
                note="Updated after the members' comments",
            )
            # A new version counts as a review, and both happened a month after it was
            # shared, so some stay overdue (and their latest version is as old as that).
            reviewed = shared + timedelta(days=30)
            ResourceVersion.objects.filter(pk=second.pk).update(created_at=reviewed)
            Resource.objects.filter(pk=resource.pk).update(last_reviewed_at=reviewed)
        _set_downloads(resource, rng)
    for slug, title, kind, url in LINKS:
        community = communities.get(slug)
        if community is None:
            continue
        author = Membership.objects.filter(community=community).first().user
        resource_create(
            actor=author,
            community=community,
            title=title,
            kind=kind,
            summary=SUMMARIES[title],
            language="English",
            licence="all_rights_reserved",
            licence_confirmed=True,
            current_as_of=today - timedelta(days=40),
            link_url=url,
        )
