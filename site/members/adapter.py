from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from lodestar.clientip import client_ip
from lodestar.languages import in_language
from lodestar.mail.services import email_queue

from .models import User
from .selectors import preferred_language
from .services import profile_get_or_create

# The addresses allauth puts in its emails' context, each pointed at the recipient's language.
LINKS = {"activate_url", "password_reset_url", "signup_url"}


class AccountAdapter(DefaultAccountAdapter):
    """Account emails go through the outgoing-mail queue (sent by Celery), never inside a request."""

    def send_mail(self, template_prefix, email, context):
        """Rendered in the recipient's preferred language, its links too, whatever the request's was.

        Someone with no account yet (a sign-up, a reset asked for an unknown address) gets the
        language they asked in.
        """
        language = self._recipient_language(email, context)
        # Links are translated while the request's language is still active (to resolve them).
        context = {
            key: translate_url(value, language) if key in LINKS and isinstance(value, str) else value
            for key, value in context.items()
        }
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
        email_queue(to=message.to, subject=message.subject, text=message.body, html=html)

    @staticmethod
    def _recipient_language(email: str, context: dict) -> str:
        user = context.get("user")
        if user is None or not getattr(user, "pk", None):
            user = User.objects.filter(email__iexact=email).select_related("profile").first()
        if user is None or getattr(user, "profile", None) is None:
            return translation.get_language() or settings.LANGUAGE_CODE
        return preferred_language(user)

    def save_user(self, request, user, form, commit=True):
        """A new account gets its profile at once, in the language they signed up in."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile_get_or_create(user=user)
        return user

    def get_login_redirect_url(self, request) -> str:
        """After signing in, Lodestar opens in the member's preferred language."""
        url = super().get_login_redirect_url(request)
        profile = getattr(request.user, "profile", None)
        if profile is None or translation.get_language_from_path(url):
            return url  # no preference yet, or they asked for a page in a given language
        return in_language(url, profile.language)

    def get_client_ip(self, request) -> str:
        """allauth's rate limits count per visitor, behind the trusted proxies (lodestar.clientip)."""
        return client_ip(request)
