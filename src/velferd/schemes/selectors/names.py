"""The scheme types' names by code, in the reader's language: for figures that name a
scheme type by its code (the catalogue itself is public reference data)."""

from __future__ import annotations

from django.utils import translation

from ..models import SchemeType


def scheme_type_names() -> dict[str, str]:
    english = (translation.get_language() or "nb").startswith("en")
    field = "name_en" if english else "name_nb"
    return dict(SchemeType.objects.values_list("code", field))
