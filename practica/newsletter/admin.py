from django.contrib import admin

from .models import ConsentRecord, Issue, Subscriber


class ConsentInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    readonly_fields = ["action", "method", "wording_version", "at"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # consent is recorded by the site, never typed in


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "consent_method", "consent_version", "subscribed_at"]
    list_filter = ["status", "consent_method"]
    search_fields = ["email"]
    readonly_fields = [
        "user", "status", "created_at", "requested_at", "subscribed_at", "unsubscribed_at",
        "consent_version", "consent_method",
    ]  # fmt: skip
    inlines = [ConsentInline]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "audience", "sent_at", "recipients_total"]
    list_filter = ["status", "audience"]
    readonly_fields = ["status", "send_started_at", "sent_at", "recipients_total", "created_by"]
