"""Code lists in the admin: next year's version is made with "Copy for the
next reporting year", then its rows or codes edited."""

from django.contrib import admin, messages
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import HttpRequest

from msp.assurance.models import Category, CodeList, CodeMapping
from msp.assurance.period import year_code


class CategoryInline(admin.TabularInline[Category, CodeList]):
    model = Category
    extra = 0
    fields = ["position", "label", "fallback", "only_if_counted"]


@admin.register(CodeList)
class CodeListAdmin(admin.ModelAdmin[CodeList]):
    list_display = ["__str__", "name", "first_year"]
    list_filter = ["name", "first_year"]
    inlines = [CategoryInline]
    actions = ["copy_for_next_year"]

    @admin.action(description="Copy for the next reporting year")
    def copy_for_next_year(self, request: HttpRequest, queryset: QuerySet[CodeList]) -> None:
        for code_list in queryset:
            year = code_list.first_year + 1
            try:
                code_list.copy_for(year)
            except IntegrityError:
                self.message_user(
                    request,
                    f"{code_list.get_name_display()} already has a version for {year_code(year)}.",
                    messages.WARNING,
                )


@admin.register(CodeMapping)
class CodeMappingAdmin(admin.ModelAdmin[CodeMapping]):
    list_display = ["code", "category", "code_list"]
    list_filter = ["code_list__name", "code_list__first_year"]
    search_fields = ["code", "category__label"]
    fields = ["category", "code"]
