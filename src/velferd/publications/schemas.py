from __future__ import annotations

import datetime
import uuid
from typing import Annotated

from ninja import Schema

from velferd.core.constraints import Declared, one_of

from .models import PublicationType

# The list's filters; "" (or leaving one out) is no filter.
TypeFilter = Annotated[str, one_of(PublicationType, blank=True)]
SlugFilter = Annotated[str, Declared(pattern="^[-a-zA-Z0-9_]*$", maxLength=100)]
YearFilter = Annotated[str, Declared(pattern="^([0-9]{4})?$", description="Four digits: 2024.")]


class MinistryOut(Schema):
    slug: str
    name: str
    name_nb: str
    name_en: str


class TopicOut(Schema):
    slug: str
    name: str
    name_nb: str
    name_en: str


class PublicationSummaryOut(Schema):
    id: uuid.UUID
    slug: str
    type: str
    type_label: str
    title: str
    published_on: datetime.date
    summary: str
    language: str
    ministries: list[MinistryOut]
    topics: list[TopicOut]


class PublicationOut(PublicationSummaryOut):
    body: str
    version: int


class PublicationList(Schema):
    items: list[PublicationSummaryOut]
    count: int
