"""`python manage.py import_activities FILE.json`: all or nothing, with a message naming record and field."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from activities.models import Activity
from tests.activities.test_exchange import DESIGN_EXAMPLE, ERROR_CASES, counts, example_record, second_record
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def write(tmp_path, content, name="catalogus.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps({"activities": content}), encoding="utf-8")
    return path


def run(path):
    out = io.StringIO()
    call_command("import_activities", str(path), stdout=out)
    return out.getvalue()


def test_imports_the_design_example(tmp_path):
    output = run(write(tmp_path, DESIGN_EXAMPLE))

    assert "1 activiteiten toegevoegd, 0 bijgewerkt" in output
    assert Activity.objects.get().slug == "meeuw-taalcafe"


def test_running_twice_updates(tmp_path):
    path = write(tmp_path, [example_record(), second_record()])
    run(path)
    before = counts()

    write(tmp_path, [example_record(title="Taalcafé De Meeuw (vernieuwd)"), second_record()])
    output = run(path)

    assert "0 activiteiten toegevoegd, 2 bijgewerkt" in output
    assert counts() == before
    assert Activity.objects.get(slug="meeuw-taalcafe").title == "Taalcafé De Meeuw (vernieuwd)"


@pytest.mark.parametrize(
    ("change", "field", "words"), [case[1:] for case in ERROR_CASES], ids=[case[0] for case in ERROR_CASES]
)
def test_bad_record_fails_with_a_clear_message_and_loads_nothing(tmp_path, change, field, words):
    ActivityFactory(slug="meeuw-taalcafe", title="Oude titel")
    before = counts()
    bad = second_record()
    change(bad)
    path = write(tmp_path, [example_record(title="Nieuwe titel"), bad])

    with pytest.raises(CommandError) as failure:
        run(path)

    message = str(failure.value)
    assert message.startswith("Activiteit 2"), message
    assert f'veld "{field}"' in message, message
    assert words in message, message
    assert message.endswith("Er is niets geladen."), message
    assert counts() == before
    assert Activity.objects.get(slug="meeuw-taalcafe").title == "Oude titel"


def test_message_names_record_number_and_id(tmp_path):
    path = write(tmp_path, [example_record(), second_record(themes=["breien"])])

    with pytest.raises(CommandError, match=r'^Activiteit 2 \("wandelclub-buiksloot"\), veld "themes"'):
        run(path)

    assert counts()["activities"] == 0


def test_duplicate_id(tmp_path):
    path = write(tmp_path, [example_record(), example_record(title="Dubbel")])

    with pytest.raises(CommandError, match=r'Activiteit 2 \("meeuw-taalcafe"\), veld "id".*Er is niets geladen'):
        run(path)

    assert counts()["activities"] == 0


def test_malformed_json_names_line_and_column(tmp_path):
    text = DESIGN_EXAMPLE.replace('"free": true,', '"free": true,,')
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if ",," in row)

    with pytest.raises(CommandError) as failure:
        run(write(tmp_path, text))

    message = str(failure.value)
    assert f"regel {line}, kolom" in message, message
    assert "Er is niets geladen." in message
    assert counts()["activities"] == 0


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match=r"Kan .*bestaat-niet\.json niet lezen"):
        run(tmp_path / "bestaat-niet.json")


def test_file_that_is_not_utf8(tmp_path):
    path = write(tmp_path, DESIGN_EXAMPLE.encode("latin-1"))

    with pytest.raises(CommandError, match="niet lezen"):
        run(path)

    assert counts()["activities"] == 0


def test_utf8_with_byte_order_mark(tmp_path):
    """Excel and Notepad on Windows save UTF-8 with a BOM; that is still UTF-8."""
    path = write(tmp_path, DESIGN_EXAMPLE.encode("utf-8-sig"))

    run(path)

    assert Activity.objects.get().title == "Taalcafé De Meeuw"


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("title", lambda record: record.update(title="Taalcafé\u0000")),
        ("description", lambda record: record.update(description="Regel 1\n\u0000Regel 2")),
        ("organisation.name", lambda record: record["organisation"].update(name="Buurthuis\u0000")),
        ("location.street", lambda record: record["location"].update(street="Plein \ud800 2")),
    ],
)
def test_a_character_the_database_cannot_store_is_named_and_loads_nothing(tmp_path, field, change):
    bad = second_record()
    change(bad)
    # As JSON spells them (\u0000, \ud800): a file that any JSON library writes.
    path = write(tmp_path, json.dumps({"activities": [example_record(), bad]}))

    with pytest.raises(CommandError) as failure:
        run(path)

    message = str(failure.value)
    assert message.startswith('Activiteit 2 ("wandelclub-buiksloot")'), message
    assert f'veld "{field}": bevat een teken dat niet in een tekst mag' in message, message
    assert message.endswith("Er is niets geladen."), message
    assert counts()["activities"] == 0


def test_json_nested_too_deep_is_named_and_loads_nothing(tmp_path):
    records = json.dumps([example_record(), second_record()])
    deep = "[" * 100_000 + "]" * 100_000
    text = '{"activities": ' + records[:-1] + ',\n{"id": "diep", "title": ' + deep + "}]}"

    with pytest.raises(CommandError) as failure:
        run(write(tmp_path, text))

    message = str(failure.value)
    assert message.startswith("Activiteit 3: de gegevens zijn te diep in elkaar genest (regel 2, kolom"), message
    assert message.endswith("Er is niets geladen."), message
    assert counts()["activities"] == 0


def test_a_document_nested_too_deep_from_its_start(tmp_path):
    with pytest.raises(CommandError, match=r"^De gegevens zijn te diep in elkaar genest \(regel 1, kolom 21\)"):
        run(write(tmp_path, "[" * 100_000 + "]" * 100_000))
