from typing import Any

from django.db.models import QuerySet

from .models import Letter


def letters_of(person: Any) -> QuerySet[Letter]:
    return Letter.objects.filter(person=person).order_by("-sent_at")
