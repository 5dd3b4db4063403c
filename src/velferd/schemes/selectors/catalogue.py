"""The catalogue of scheme types as its readers see it: everyone logged in reads it,
by name in the reader's language."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import translation

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import not_found
from velferd.core.readability import WARN_ABOVE

from ..models import ArrangedAs, SchemeType

LIX_WARN_ABOVE = WARN_ABOVE


def _in_english() -> bool:
    return (translation.get_language() or "nb").startswith("en")


def scheme_types_for(
    *, actor: Actor, arranged_as: str = "", active: bool | None = None, query: str = ""
) -> QuerySet[SchemeType]:
    """The catalogue, by name in the reader's language; filtered by how a type is
    arranged, whether it is in use and a part of its name or code."""
    policies.require(actor, policies.can_view_catalogue)
    found = SchemeType.objects.all()
    if arranged_as:
        if arranged_as not in ArrangedAs.values:
            raise not_found(
                f"ordningen «{arranged_as}»", f"the arrangement “{arranged_as}”", "arranged_as"
            )
        found = found.filter(arranged_as=arranged_as)
    if active is not None:
        found = found.filter(is_active=active)
    query = query.strip()
    if query:
        name = "name_en" if _in_english() else "name_nb"
        found = found.filter(**{f"{name}__icontains": query}) | found.filter(code__icontains=query)
    return found.order_by("name_en" if _in_english() else "name_nb", "code")


def scheme_type_for(*, actor: Actor, code: str) -> SchemeType:
    policies.require(actor, policies.can_view_catalogue)
    found = SchemeType.objects.filter(code=code).first()
    if found is None:
        raise not_found(f"tiltakstypen «{code}»", f"the scheme type “{code}”")
    return found


def scheme_type_on_record(code: str) -> SchemeType | None:
    """The scheme type with this code, in use or not, for a write whose policy is checked by
    the caller (an agreement names its scheme type)."""
    return SchemeType.objects.filter(code=code).first()


def may_edit_catalogue(actor: Actor) -> bool:
    return policies.can_edit_catalogue(actor)


def sees_staff_texts(actor: Actor) -> bool:
    """Citizens read the description written for them, as on nav.no; everyone else, who
    works with the schemes or with NAV, reads the rest as well."""
    return actor.is_authenticated and actor.roles != {"citizen"}
