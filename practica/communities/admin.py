from django.contrib import admin

from .models import (
    Community,
    CommunityProposal,
    FocusArea,
    Invitation,
    JoinRequest,
    Membership,
)


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "visibility", "join_policy", "status", "created_at"]
    list_filter = ["visibility", "join_policy", "status", "focus_areas"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["focus_areas"]
    inlines = [MembershipInline]
    # The emblem is uploaded on the community's settings page, through the picture pipeline;
    # the admin's plain file field would store whatever it is given.
    exclude = ["emblem", "emblem_small"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "community", "role", "joined_at"]
    list_filter = ["role"]
    list_select_related = ["user", "community"]
    raw_id_fields = ["user", "community"]
    search_fields = ["user__email", "user__display_name", "community__name"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "community", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["user", "community"]
    raw_id_fields = ["user", "community", "decided_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "community", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["community"]
    exclude = ["token_hash"]
    raw_id_fields = ["community", "invited_by", "accepted_by"]


@admin.register(CommunityProposal)
class CommunityProposalAdmin(admin.ModelAdmin):
    list_display = ["name", "proposer", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["proposer"]
    raw_id_fields = ["proposer", "reviewed_by", "community"]
