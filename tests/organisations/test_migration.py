"""Moving Organisation, Membership and Invitation into `organisations` loses no row and no link."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("activities", "0008_published_verified_index"), ("accounts", "0001_initial"), ("audit", "0001_initial")]
AFTER = [("activities", "0009_organisation_moved"), ("accounts", "0002_move_memberships_to_organisations")]


@pytest.fixture
def old_schema(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    call_command("migrate", verbosity=0)


# serialized_rollback: the flush after this test would take the data migrations' rows from the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_survive_the_move(old_schema):
    apps = old_schema
    Organisation = apps.get_model("activities", "Organisation")
    Location = apps.get_model("activities", "Location")
    Activity = apps.get_model("activities", "Activity")
    Bouwsteen = apps.get_model("activities", "Bouwsteen")
    Gebied = apps.get_model("stadsdelen", "Gebied")
    User = apps.get_model("accounts", "User")
    Membership = apps.get_model("accounts", "Membership")
    Invitation = apps.get_model("accounts", "Invitation")
    AuditEvent = apps.get_model("audit", "AuditEvent")

    noord = Organisation.objects.create(name="Buurthuis Noord", kvk="12345678", kind="welfare")
    zuid = Organisation.objects.create(name="Stadsdorp Zuid", kvk="", kind="stadsdorp")
    gebied = Gebied.objects.get(slug="oud-noord")
    own = Location.objects.create(name="De Meeuw", street="Meeuwenlaan 1", postcode="1021 AA", gebied=gebied)
    shared = Location.objects.create(name="Het Plein", street="Plein 2", postcode="1021 AB", gebied=gebied)
    bouwsteen = Bouwsteen.objects.get(slug="verbondenheid")
    for slug, organisation, location in [("a", noord, own), ("b", noord, shared), ("c", zuid, shared)]:
        Activity.objects.create(
            slug=slug, title=slug, summary="s", organisation=organisation, location=location, bouwsteen=bouwsteen
        )
    user = User.objects.create(email="lid@noord.example")
    Membership.objects.create(user=user, organisation=noord, is_admin=True)
    Invitation.objects.create(organisation=zuid, email="nieuw@zuid.example", token="t" * 40)
    AuditEvent.objects.create(action="join", object_type="accounts.Membership", object_id="1", organisation=noord)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps

    Organisation = apps.get_model("organisations", "Organisation")
    Activity = apps.get_model("activities", "Activity")
    Location = apps.get_model("activities", "Location")
    assert list(Organisation.objects.order_by("pk").values_list("pk", "name", "kvk", "kind")) == [
        (noord.pk, "Buurthuis Noord", "12345678", "welfare"),
        (zuid.pk, "Stadsdorp Zuid", "", "stadsdorp"),
    ]
    assert dict(Activity.objects.values_list("slug", "organisation_id")) == {"a": noord.pk, "b": noord.pk, "c": zuid.pk}
    membership = apps.get_model("organisations", "Membership").objects.get()
    assert (membership.user_id, membership.organisation_id, membership.is_admin) == (user.pk, noord.pk, True)
    invitation = apps.get_model("organisations", "Invitation").objects.get()
    assert (invitation.organisation_id, invitation.token) == (zuid.pk, "t" * 40)
    event = apps.get_model("audit", "AuditEvent").objects.get()
    assert (event.organisation_id, event.object_type) == (noord.pk, "organisations.Membership")
    # A location used by one organisation becomes its own; a shared one belongs to nobody.
    assert Location.objects.get(pk=own.pk).organisation_id == noord.pk
    assert Location.objects.get(pk=shared.pk).organisation_id is None
