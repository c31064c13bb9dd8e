from allauth.account.adapter import DefaultAccountAdapter

from lodestar.clientip import client_ip
from lodestar.mail.services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    """Account emails go through the outgoing-mail queue (sent by Celery), never inside a request."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
        email_queue(to=message.to, subject=message.subject, text=message.body, html=html)

    def get_client_ip(self, request) -> str:
        """allauth's rate limits count per visitor, behind the trusted proxies (lodestar.clientip)."""
        return client_ip(request)
