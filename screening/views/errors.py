"""Neutral error pages. Each keeps the exit button and gives nothing away."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

ERRORS = {
    400: (
        _("Sorry, there is a problem"),
        (_("Something about that request did not work. Go back and try again."),),
    ),
    403: (_("You cannot see this page"), (_("Go back, or start again from the beginning."),)),
    404: (
        _("Page not found"),
        (
            _("If you typed the web address, check it is correct."),
            _("If you pasted the web address, check you copied the entire address."),
        ),
    ),
    500: (
        _("Sorry, there is a problem with the service"),
        (
            _("Please try again in a few minutes."),
            _("Any answers you have already given have been kept for now."),
        ),
    ),
}
SESSION_ENDED = (
    _("Your session ended"),
    (
        _(
            "To protect you, a session ends when it has not been used for a while or when the "
            "browser is closed, and the answers in it are deleted."
        ),
        _("Start again if you want to carry on."),
    ),
)


SIGNED_OUT = (
    _("You have been signed out"),
    (
        _(
            "To protect your clients, you are signed out when the workspace has not been used "
            "for a while. What you had saved before is safe; what was on this form was not saved."
        ),
        _("Sign in again to carry on."),
    ),
)
ADVOCATE_PATH = "/cases/"


def error_page(request, status: int, *, wording=None, action=None):
    """``action`` is the (address, link text) to offer; the start page if not given."""
    title, paragraphs = wording or ERRORS[status]
    context = {"title": title, "paragraphs": paragraphs, "action": action}
    return render(request, "errors/error.html", context, status=status)


TOO_LARGE = (
    _("What you sent was too large"),
    (
        _(
            "The page you sent had more in it than the service can take, so nothing from it "
            "was saved. Your answers from before are kept."
        ),
        _("Go back, shorten what you typed or pasted, and send it again."),
    ),
)


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        return error_page(request, 413, wording=TOO_LARGE)
    return error_page(request, 400)


def permission_denied(request, exception=None):
    """An advocate refused something in the workspace gets the workspace's own page: no exit
    button, the workspace's navigation, a way back to their cases."""
    if request.path.startswith(ADVOCATE_PATH) and request.user.is_authenticated:
        return render(request, "casework/no_access.html", status=403)
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404)


def server_error(request):
    return error_page(request, 500)


def csrf_failure(request, reason=""):
    """A form arrived without a valid token: almost always an ended session."""
    if request.path.startswith(ADVOCATE_PATH):
        sign_in = (reverse("casework:sign-in"), _("Sign in"))
        return error_page(request, 403, wording=SIGNED_OUT, action=sign_in)
    return error_page(request, 403, wording=SESSION_ENDED)
