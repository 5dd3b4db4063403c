"""The procurement pages, under /procurement/."""

from django.urls import path

from .views import bids, competitions, scoring

app_name = "procurement"

urlpatterns = [
    path("", competitions.competition_list, name="list"),
    path("new/", competitions.competition_new, name="new"),
    path("<int:competition_id>/", competitions.competition_detail, name="competition"),
    path("<int:competition_id>/scoring/", scoring.scoring, name="scoring"),
    path("<int:competition_id>/bid/", bids.bid_form, name="bid_form"),
    path("bids/<int:bid_id>/", bids.bid_page, name="bid"),
    path("bids/<int:bid_id>/withdraw/", bids.bid_withdraw, name="bid_withdraw"),
]
