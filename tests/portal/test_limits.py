import pytest

pytestmark = pytest.mark.django_db


def test_a_request_body_over_the_limit_is_refused_cleanly(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/reactie/", {"found": "ja", "comment": "x" * 5000})
    assert response.status_code == 400
    assert "Dat lukte niet" in response.content.decode()


def test_too_many_fields_are_refused_cleanly(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/reactie/", {f"f{i}": "x" for i in range(50)})
    assert response.status_code == 400
