from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from lodestar.clientip import client_ip
from lodestar.languages import in_language
from lodestar.mail.services import email_queue

from .services import profile_get_or_create


class AccountAdapter(DefaultAccountAdapter):
    """Account emails go through the outgoing-mail queue (sent by Celery), never inside a request."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
        email_queue(to=message.to, subject=message.subject, text=message.body, html=html)

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
