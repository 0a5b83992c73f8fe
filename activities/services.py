"""Writes for the catalogue."""

from django.db import transaction

from activities.models import SearchFeedback


@transaction.atomic
def feedback_create(*, found, comment="", query_string="", activity=None):
    return SearchFeedback.objects.create(
        found=found, comment=comment.strip(), query_string=query_string, activity=activity
    )
