"""Code lists for the statutory return, versioned by reporting year.

Each dimension of the Safeguarding Adults Collection (age band, gender,
ethnicity, type of risk, ...) is a ``CodeList``: the rows of the national table
with their exact labels (``Category``), and which of our local codes count in
each row (``CodeMapping``). A list applies from its ``first_year`` until a list
of the same name with a later first year replaces it, so when the national
template changes, the change is a new version of the list (data), not code.
"""

from typing import Any

from django.db import models, transaction

from msp.assurance.period import year_code
from msp.audit.models import AtomicSave


class ListName(models.TextChoices):
    AGE_BAND = "age_band", "Age band (codes are the lowest age in the band)"
    GENDER = "gender", "Gender"
    ETHNICITY = "ethnicity", "Ethnicity"
    SUPPORT_REASON = "primary_support_reason", "Primary support reason"
    LEARNING_DISABILITY = "learning_disability", "Learning disability breakdown"
    TYPE_OF_RISK = "type_of_risk", "Type of risk"
    LOCATION_OF_RISK = "location_of_risk", "Location of risk"
    SOURCE_OF_RISK = "source_of_risk", "Source of risk"
    ACTION_RESULT = "action_result", "Action taken and result"
    RISK_OUTCOME = "risk_outcome", "Risk outcome"
    LACKED_CAPACITY = "lacked_capacity", "Lacked capacity"
    MSP_ASKED = "msp_asked", "Asked about desired outcomes"
    MSP_ACHIEVED = "msp_achieved", "Desired outcomes achieved"


class CodeList(AtomicSave):
    name = models.CharField(max_length=32, choices=ListName.choices)
    first_year = models.PositiveSmallIntegerField(
        help_text="The reporting year this version applies from: 2025 means 2025-26"
    )
    source = models.TextField(
        blank=True, help_text="Where the labels come from, and what changed from the last version"
    )

    class Meta:
        ordering = ["name", "first_year"]
        constraints = [
            models.UniqueConstraint(fields=["name", "first_year"], name="code_list_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.get_name_display()}, from {year_code(self.first_year)}"

    @transaction.atomic
    def copy_for(self, year: int) -> "CodeList":
        """A new version of this list for ``year`` onwards, starting as a copy,
        so next year's change is an edit of a few rows."""
        copy = CodeList.objects.create(
            name=self.name, first_year=year, source=f"Copied from {year_code(self.first_year)}."
        )
        for category in self.categories.prefetch_related("mappings"):
            new = Category.objects.create(
                code_list=copy,
                position=category.position,
                label=category.label,
                fallback=category.fallback,
                only_if_counted=category.only_if_counted,
            )
            CodeMapping.objects.bulk_create(
                CodeMapping(code_list=copy, category=new, code=m.code)
                for m in category.mappings.all()
            )
        return copy


class Category(AtomicSave):
    """One row (or column) of the national table, with its exact label."""

    code_list = models.ForeignKey(CodeList, on_delete=models.CASCADE, related_name="categories")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=250)
    fallback = models.BooleanField(
        default=False,
        help_text="Records with no answer, or a code this list does not map, are counted here "
        "(and listed in the data checks)",
    )
    only_if_counted = models.BooleanField(
        default=False, help_text="Leave the row out of the return when its count is zero"
    )

    class Meta:
        ordering = ["code_list", "position"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["code_list", "position"], name="category_position"),
            models.UniqueConstraint(fields=["code_list", "label"], name="category_label"),
            models.UniqueConstraint(
                fields=["code_list"], condition=models.Q(fallback=True), name="one_fallback"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class CodeMapping(AtomicSave):
    """A local code (as stored on our records) and the category it counts in."""

    code_list = models.ForeignKey(CodeList, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="mappings")
    code = models.CharField(max_length=32)

    class Meta:
        ordering = ["category", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code_list", "code"], name="code_mapped_once")
        ]

    def __str__(self) -> str:
        return f"{self.code} -> {self.category.label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # The list is stored twice so the database can keep each code to one row.
        if self.category_id is not None:
            self.code_list_id = self.category.code_list_id


class YearData(models.Model):
    """How many times data counted in a reporting year has changed: the mark
    that tells a stored build (the return, the board's figures) it is stale.
    A stored build keeps the version it was counted from; it is reused while
    the year's version is the same (see ``msp.assurance.freshness``)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{year_code(self.year)}: version {self.version}"


class BuildState(models.TextChoices):
    WAITING = "waiting", "Waiting to be built"
    BUILDING = "building", "Being built"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be built"


class ReturnBuild(models.Model):
    """The statutory return for one year, built in the background and stored
    (the whole return, pickled and sealed by ``msp.sealed``, with its
    downloads) until the year's data changes."""

    year = models.PositiveSmallIntegerField(unique=True)
    state = models.CharField(max_length=16, choices=BuildState.choices)
    requested_at = models.DateTimeField()
    # The version of the year's data the stored result was counted from
    data_version = models.PositiveBigIntegerField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    result = models.BinaryField(null=True, blank=True)
    csv = models.BinaryField(null=True, blank=True)
    xlsx = models.BinaryField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Return {year_code(self.year)}: {self.get_state_display()}"
