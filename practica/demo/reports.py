"""The demo's reports: members get a province, territory or state (from the jurisdiction
their profile names) and a kind of organisation (from their affiliation), and the daily
rollups are built from everything seeded. Run at the end of seeding, every time: fast."""

from practica.accounts.models import AffiliationType, User
from practica.core.regions import region_in
from practica.reports.rollups import rollups_rebuild

# Words in an affiliation → its kind, the first that matches.
KINDS = [
    (("court", "tribunal", "cour ", "judiciary", "bench"), AffiliationType.COURT),
    (("university", "université", "college", "centre for", "school of"), AffiliationType.ACADEMIC),
    (("legal aid", "clinic", "aide juridique", "duty counsel"), AffiliationType.LEGAL_AID),
    (
        (
            "ministry",
            "department",
            "government",
            "attorney general",
            "crown",
            "prosecut",
            "public defender",
            "probation",
        ),
        AffiliationType.GOVERNMENT,
    ),
    (("llp", "law office", "barristers", "& associates", "chambers"), AffiliationType.PRIVATE),
]


def kind_for(affiliation: str) -> str:
    text = affiliation.lower()
    for words, kind in KINDS:
        if any(word in text for word in words):
            return kind
    return AffiliationType.COMMUNITY if text else ""


def seed_reports() -> int:
    """Fill in regions and kinds where empty, then build the rollups; rows written."""
    changed = []
    for user in User.objects.filter(region="").only(
        "pk", "country", "jurisdiction", "affiliation", "affiliation_type"
    ):
        region = region_in(user.country, user.jurisdiction)
        kind = user.affiliation_type or kind_for(user.affiliation)
        if region or kind != user.affiliation_type:
            user.region, user.affiliation_type = region, kind
            changed.append(user)
    User.objects.bulk_update(changed, ["region", "affiliation_type"], batch_size=500)
    return rollups_rebuild()
