from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class FollowupConfig(AppConfig):
    name = "velferd.followup"
    label = "followup"

    def ready(self) -> None:
        from velferd.people.signals import person_moved

        from . import portfolio_state, services

        person_moved.connect(services.period_transfer, dispatch_uid="followup.period_transfer")

        for source in portfolio_state.SOURCES:
            label = source if isinstance(source, str) else source._meta.label
            for signal in (post_save, post_delete):
                signal.connect(
                    portfolio_state.on_source_changed,
                    sender=source,
                    dispatch_uid=f"portfolio_state.{label}.{signal is post_save}",
                )
