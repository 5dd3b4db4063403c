"""`velferd audit verify`: proves the chain intact, or fails naming the first bad event."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from velferd.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


def verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


class TestAuditVerifyCommand:
    def test_a_whole_chain_is_reported_intact_with_its_count(self) -> None:
        output = verify()
        assert "intact" in output
        assert f"{AuditEvent.objects.count()} events verified" in output

    def test_a_tampered_event_fails_the_command_naming_its_number(self) -> None:
        seq = AuditEvent.objects.count() // 2
        AuditEvent.objects.filter(seq=seq).update(after={"forged": True})
        with pytest.raises(CommandError) as caught:
            verify()
        message = str(caught.value)
        assert f"#{seq}" in message
        assert "changed" in message
        assert f"{seq - 1} events before it verified" in message

    def test_a_deleted_event_fails_the_command_naming_its_number(self) -> None:
        seq = AuditEvent.objects.count() // 3
        AuditEvent.objects.filter(seq=seq).delete()
        with pytest.raises(CommandError, match=f"#{seq}: event #{seq} is missing"):
            verify()

    def test_a_removed_last_event_fails_the_command(self) -> None:
        seq = AuditEvent.objects.count()
        AuditEvent.objects.filter(seq=seq).delete()
        with pytest.raises(CommandError, match=f"#{seq}"):
            verify()

    def test_an_unknown_action_is_refused(self) -> None:
        with pytest.raises(CommandError):
            call_command("audit", "repair")
