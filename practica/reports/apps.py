from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Community and platform reports, read from daily rollups the activity record keeps."""

    name = "practica.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from practica.activity.services import subscribe

        from .rollups import activity_rollup, connect

        subscribe("reports", activity_rollup)
        connect()
