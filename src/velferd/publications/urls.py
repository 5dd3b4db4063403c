"""Publication pages, included at /publications/."""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("", views.publication_list, name="publications"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="publications_feed"),
    path("<slug:slug>/", views.publication_detail, name="publication"),
]
