from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .audit import target_labels
from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "target", "scope"]
    list_filter = ["action"]
    list_select_related = ["actor"]
    search_fields = ["action", "scope", "reason"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        """Name each row's target (the person removed, the post deleted, ...), read in one
        query per kind of target for the whole page."""
        changelist = super().get_changelist_instance(request)
        labels = target_labels(changelist.result_list)
        for event in changelist.result_list:
            event.target_label = labels.get((event.target_type, event.target_id))
        return changelist

    @admin.display(description=_("target"))
    def target(self, event: AuditEvent) -> str:
        label = getattr(event, "target_label", None)
        kind = event.target_type.rsplit(".", 1)[-1]
        return f"{label} ({kind} {event.target_id})" if label else f"{kind} {event.target_id}"

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
