"""An Atom feed of the publications on one topic, newest first."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from velferd.core.errors import DomainError

from . import selectors
from .models import Publication, Topic

FEED_SIZE = 50


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class TopicFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        try:
            return selectors.topic(slug)
        except DomainError:
            raise Http404(slug) from None

    def title(self, obj: Topic) -> str:
        return _("Publications on %(topic)s") % {"topic": obj.name}

    def subtitle(self, obj: Topic) -> str:
        return _("Articles, press releases, reports and plans on %(topic)s, newest first.") % {
            "topic": obj.name
        }

    def link(self, obj: Topic) -> str:
        return f"{reverse('publications')}?{urlencode({'topic': obj.slug})}"

    def feed_url(self, obj: Topic) -> str:
        return reverse("publications_feed", args=[obj.slug])

    def feed_guid(self, obj: Topic) -> str:
        return f"tag:velferd,2024:publications/topics/{obj.slug}"

    def items(self, obj: Topic) -> list[Publication]:
        return selectors.latest_for_topic(obj, limit=FEED_SIZE)

    def item_title(self, item: Publication) -> str:
        return item.title

    def item_description(self, item: Publication) -> str:
        return item.summary

    def item_link(self, item: Publication) -> str:
        return reverse("publication", args=[item.slug])

    def item_guid(self, item: Publication) -> str:
        return f"urn:uuid:{item.id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Publication) -> datetime.datetime:
        return _midnight(item.published_on)

    def item_updateddate(self, item: Publication) -> datetime.datetime:
        return _midnight(item.published_on)

    def item_author_name(self, item: Publication) -> str:
        return ", ".join(m.name for m in item.ministries.all())

    def item_categories(self, item: Publication) -> list[str]:
        return [t.name for t in item.topics.all()]
