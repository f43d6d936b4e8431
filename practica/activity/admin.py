from django.contrib import admin

from .models import Activity


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["verb", "actor", "community_id", "target_id", "created_at"]
    list_filter = ["verb"]
    list_select_related = ["actor"]
    readonly_fields = ["created_at"]
