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


class StoredFigures(models.Model):
    """The board's true counts for one reporting year, by team and month
    (``msp.board.measures._Grid``, pickled and sealed: ``msp.sealed``), stored
    once counted and reused while the year's data is unchanged
    (``msp.assurance.freshness``).
    Disclosure control runs on every read: these are never shown as stored."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    data_version = models.PositiveBigIntegerField()
    built_at = models.DateTimeField()
    grid = models.BinaryField()
    # A recount queued for this version of the data, and when (queued once).
    recount_version = models.PositiveBigIntegerField(null=True, blank=True)
    recount_queued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Board figures for {self.year}"
