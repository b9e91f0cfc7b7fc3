from django.db import models


class Dashboard(models.Model):
    """Not a table: the name the audit log gives the board dashboard, so that a
    download is recorded as ``board.dashboard`` with the figures chosen as its
    key (for example "2026 Q3 team 4")."""

    key = models.CharField(max_length=64, primary_key=True)

    class Meta:
        managed = False
        default_permissions = ()

    def __str__(self) -> str:
        return f"Board dashboard ({self.key})"
