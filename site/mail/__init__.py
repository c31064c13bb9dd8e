"""Outgoing email: written to the database with the change that causes it, delivered by Celery.

A row is committed with the change, so a message is never lost when Redis or the mail server is
down: the periodic task delivers whatever is still pending.
"""
