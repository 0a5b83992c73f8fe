"""Who sees which aanvraag: the querysets every view uses."""

import pytest

from subsidies.models import Aanvraag
from subsidies.workflow import Status

pytestmark = pytest.mark.django_db


def test_querysets_scope_by_organisation_and_stadsdeel(flow, people):
    noord = flow.to(Status.INGEDIEND)
    assert list(Aanvraag.objects.visible_to(people.member_a)) == [noord]
    assert list(Aanvraag.objects.visible_to(people.colleague_a)) == [noord]
    assert not Aanvraag.objects.visible_to(people.member_b).exists()
    assert list(Aanvraag.objects.visible_to(people.reviewer_noord)) == [noord]
    assert not Aanvraag.objects.visible_to(people.reviewer_zuid).exists()
    assert list(Aanvraag.objects.assessable_by(people.reviewer_noord)) == [noord]
    assert not Aanvraag.objects.assessable_by(people.decider_noord).exists()
    assert list(Aanvraag.objects.decidable_by(people.decider_noord)) == [noord]
    assert not Aanvraag.objects.decidable_by(people.reviewer_noord).exists()
    assert not Aanvraag.objects.editable_by(people.reviewer_noord).exists()
    assert list(Aanvraag.objects.visible_to(people.admin)) == [noord]
