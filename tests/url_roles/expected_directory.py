"""Expected statuses by role for the directory app's URLs (see expected.py)."""

from .world import ALL_200, POST_ONLY, SIGNED_IN, row  # noqa: F401


def declared(w):
    """The member's declared expertise in the first area of the taxonomy, made on first use."""
    if not hasattr(w, "declared"):
        from practica.directory.models import Expertise, ExpertiseArea
        from practica.directory.taxonomy import ensure_default_areas

        ensure_default_areas()
        area = ExpertiseArea.objects.order_by("position", "name").first()
        w.declared = Expertise.objects.get_or_create(user=w.users["member"], area=area)[0]
    return w.declared


DIRECTORY: dict = {
    "expertise_edit": (None, SIGNED_IN),
    "expertise_change": (lambda w: {"pk": declared(w).pk}, POST_ONLY),
    "expertise_remove": (lambda w: {"pk": declared(w).pk}, POST_ONLY),
    # Anyone may see an area; the people listed are those the viewer may see.
    "expertise_area_detail": (lambda w: {"slug": declared(w).area.slug}, ALL_200),
}
