from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import CodeOfConduct, ConductAcceptance, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "affiliation", "occupation", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "occupation"]
    search_fields = ["email", "display_name", "affiliation"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {
                "fields": (
                    "display_name",
                    "affiliation",
                    "occupation",
                    "country",
                    "jurisdiction",
                    "languages",
                    "interests",
                    "bio",
                    "accepted_conduct_version",
                )
            },
        ),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(CodeOfConduct)
class CodeOfConductAdmin(admin.ModelAdmin):
    list_display = ["version", "published_at", "published_by"]
    readonly_fields = ["version", "body", "summary_of_changes", "published_at", "published_by"]

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False  # new versions go through the "Publish a new version" page

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(ConductAcceptance)
class ConductAcceptanceAdmin(admin.ModelAdmin):
    list_display = ["user", "conduct", "accepted_at"]
    list_select_related = ["user", "conduct"]
    readonly_fields = ["user", "conduct", "accepted_at"]
