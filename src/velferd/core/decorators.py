from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from .errors import DomainError


def refusals_as_pages(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A DomainError raised by a page view becomes an error page with its status."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from .views import render_error

        try:
            return view(request, *args, **kwargs)
        except DomainError as error:
            if error.status == 401:
                return redirect_to_login(request.get_full_path())
            return render_error(request, error)

    return wrapper
