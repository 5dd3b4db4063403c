from __future__ import annotations

import datetime
import uuid

from ninja import Schema


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
