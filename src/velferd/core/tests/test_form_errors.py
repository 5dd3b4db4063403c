"""The form pattern: every error of a submit at once, in a summary at the top that links to
each field, each message beside its field and tied to it, the answers kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from velferd.core import ratelimit
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, parse_date, post_form
from velferd.core.validation import required_text


def missing(field: str) -> DomainError:
    return DomainError(
        code="required", field=field, message_nb=f"{field} mangler.", message_en=f"No {field}."
    )


def render(source: str, **context: object) -> str:
    with translation.override("en"):
        return Template("{% load formerrors %}" + source).render(Context(context))


class TestFormErrors:
    def test_keeps_every_error_in_the_order_found_and_one_per_field(self) -> None:
        errors = FormErrors()
        errors.check(required_text, "", "title", "Tittel", "title")
        errors.check(parse_date, "31.02.2026", "starts_on")
        errors.add(missing("title"))

        assert [error.field for error in errors] == ["title", "starts_on"]
        assert errors.get("starts_on") is not None
        assert errors.get("ends_on") is None

    def test_check_returns_the_parsed_value_when_it_is_good(self) -> None:
        errors = FormErrors()
        assert errors.check(required_text, " Kurs ", "title", "Tittel", "title") == "Kurs"
        assert not errors

    def test_an_access_refusal_is_not_a_field_error(self) -> None:
        forbidden = DomainError(code="forbidden", message_nb="Nei", message_en="No", status=403)
        with pytest.raises(DomainError):
            FormErrors().add(forbidden)


class TestTemplateTags:
    def test_the_summary_links_to_each_field_and_shows_other_errors_as_text(self) -> None:
        errors = FormErrors(missing("title"), missing("version"))
        html = render('{% error_summary "title starts_on" %}', errors=errors)

        assert 'id="error-summary" tabindex="-1"' in html
        assert "Fix these errors to continue:" in html
        assert '<a class="aksel-link" href="#id_title">No title.</a>' in html
        assert '<span data-testid="form-error">No version.</span>' in html
        assert "error_summary.js" in html

    def test_the_summary_is_in_norwegian_on_a_norwegian_page(self) -> None:
        with translation.override("nb"):
            html = Template("{% load formerrors %}{% error_summary 'a' %}").render(
                Context({"errors": FormErrors(missing("a"))})
            )
        assert "Du må rette disse feilene før du kan fortsette:" in html

    def test_no_errors_no_summary(self) -> None:
        assert render('{% error_summary "title" %}', errors=FormErrors()).strip() == ""

    def test_the_field_is_marked_invalid_and_tied_to_its_message(self) -> None:
        html = render(
            '<input id="id_title"{% invalid "title" %}>{% field_error "title" %}'
            '<input id="id_text"{% invalid "text" %}>',
            errors=FormErrors(missing("title")),
        )
        assert '<input id="id_title" aria-invalid="true" aria-describedby="error-title">' in html
        assert '<p class="aksel-error-message field-error" id="error-title">No title.</p>' in html
        assert '<input id="id_text">' in html

    def test_a_page_that_still_passes_one_error_gets_the_same_pattern(self) -> None:
        html = render('{% error_summary "title" %}{% invalid "title" %}', error=missing("title"))
        assert 'href="#id_title"' in html
        assert 'aria-invalid="true"' in html


def posted(data: dict[str, str]) -> HttpRequest:
    request = RequestFactory().post("/form/", data)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def shown(errors: FormErrors) -> HttpResponse:
    return HttpResponse(" | ".join(error.message_en for error in errors))


def read_title_and_date(errors: FormErrors, data: Any) -> dict[str, Any]:
    return {
        "title": errors.check(required_text, data.get("title"), "title", "Tittel", "title"),
        "starts_on": errors.check(parse_date, data.get("starts_on", ""), "starts_on"),
    }


class TestPostForm:
    def test_every_field_error_is_shown_at_once_and_the_service_is_not_called(self) -> None:
        saved: list[Any] = []
        request = posted({"title": "", "starts_on": "someday"})

        response = post_form(
            request,
            read=lambda errors: read_title_and_date(errors, request.POST),
            save=saved.append,
            success=lambda _: "/done/",
            show=shown,
        )

        assert response.status_code == 422
        assert response.content.decode() == "The title is missing. | Write the date as dd.mm.yyyy."
        assert saved == []

    def test_the_service_refusal_is_shown_too(self) -> None:
        request = posted({"title": "Kurs"})

        def refuse(values: Any) -> None:
            raise missing("starts_on")

        response = post_form(
            request,
            read=lambda errors: read_title_and_date(errors, request.POST),
            save=refuse,
            success=lambda _: "/done/",
            show=shown,
        )

        assert response.status_code == 422
        assert response.content.decode() == "No starts_on."

    def test_a_saved_form_redirects_with_a_confirmation(self) -> None:
        request = posted({"title": "Kurs", "starts_on": "01.03.2026"})

        response = post_form(
            request,
            read=lambda errors: read_title_and_date(errors, request.POST),
            save=lambda values: values["title"],
            success=lambda title: f"/done/{title}/",
            show=shown,
            saved="The activity was saved.",
        )

        assert (response.status_code, response["Location"]) == (302, "/done/Kurs/")
        assert [str(m) for m in get_messages(request)] == ["The activity was saved."]


class TestOnlyAcceptedSubmissionsCount:
    def setup_method(self) -> None:
        cache.clear()

    def hit(self) -> None:
        ratelimit.hit("test", "10.0.0.1", limit=2, seconds=600)

    def test_a_refused_submission_gives_its_count_back(self) -> None:
        for _ in range(5):
            with pytest.raises(DomainError), ratelimit.only_accepted():
                self.hit()
                raise missing("title")
        for _ in range(2):
            with ratelimit.only_accepted():
                self.hit()

    def test_accepted_submissions_are_still_limited(self) -> None:
        for _ in range(2):
            with ratelimit.only_accepted():
                self.hit()
        with pytest.raises(DomainError) as refused, ratelimit.only_accepted():
            self.hit()
        assert refused.value.status == 429
        with pytest.raises(DomainError), ratelimit.only_accepted():
            self.hit()
