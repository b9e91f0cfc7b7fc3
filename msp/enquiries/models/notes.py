from django.db import models

from msp.enquiries.models.base import CaseRecord, HappenedOn


class CaseNote(CaseRecord, HappenedOn):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="notes")
    text = models.TextField()

    def __str__(self) -> str:
        return f"Note {self.pk}"
