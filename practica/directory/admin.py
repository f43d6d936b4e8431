from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from practica.core.errors import ServiceError

from .models import Expertise, ExpertiseArea
from .services import area_merge


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(admin.ModelAdmin):
    """Staff rename areas here (the slug can stay, so links keep working). Deleting an
    area in use shows Django's confirmation, which lists every declaration it removes."""

    list_display = ("name", "slug", "position", "people")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)

    actions = ["merge_areas"]

    @admin.action(description=_("Merge the selected areas into the first of them"))
    def merge_areas(self, request: HttpRequest, queryset: QuerySet[ExpertiseArea]) -> None:
        areas = list(queryset.order_by("position", "name"))
        try:
            moved = area_merge(actor=request.user, into=areas[0], areas=areas)  # type: ignore[arg-type]
        except ServiceError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(
                request,
                _("Merged into “%(name)s”; %(n)s people's expertise moved.")
                % {"name": areas[0].name, "n": moved},
                messages.SUCCESS,
            )

    def get_queryset(self, request: HttpRequest) -> QuerySet[ExpertiseArea]:
        return super().get_queryset(request).annotate(people_count=Count("experts"))

    @admin.display(description=_("people who declared it"), ordering="people_count")
    def people(self, area: ExpertiseArea) -> int:
        return area.people_count  # type: ignore[attr-defined]


@admin.register(Expertise)
class ExpertiseAdmin(admin.ModelAdmin):
    list_display = ("user", "area", "tag", "level")
    list_filter = ("level", "area")
    list_select_related = ("user", "area")
    raw_id_fields = ("user",)
    search_fields = ("tag", "user__display_name", "user__email")
