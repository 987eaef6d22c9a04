"""The management commands: ingest, extract, load_gazetteer, load_actors, demo."""

import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from claims.models import Actor, Article, Place

ARTICLE = (b"outlet: Valley Wire\ntitle: Qarabel\npublished: 2021-09-06\nurl:\n\n"
           b"Taliban fighters captured Qarabel on Monday.")


def run(*args, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def fake_extractor(settings):
    settings.NEWSDESK_EXTRACTOR = "tests.fakes.rule_extract"


@pytest.mark.django_db(transaction=True)  # on_commit must fire: tasks run in-process, eagerly
def test_ingest_stores_files_and_waits_for_their_extraction(tmp_path, fake_extractor):
    path = tmp_path / "qarabel.txt"
    path.write_bytes(ARTICLE)
    out, _ = run("ingest", str(path), wait=True)
    article = Article.objects.get()
    assert f"article {article.pk} stored" in out
    assert "done, 1 claim(s)" in out
    assert article.outlet.name == "Valley Wire" and article.source == "command"


@pytest.mark.django_db(transaction=True)
def test_ingest_twice_reports_the_article_already_on_file(tmp_path, fake_extractor):
    path = tmp_path / "qarabel.txt"
    path.write_bytes(ARTICLE)
    run("ingest", str(path))
    out, _ = run("ingest", str(path))
    assert "already on file" in out
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_ingest_rejects_bad_files_by_name_and_keeps_the_good_ones(tmp_path, fake_extractor):
    good, binary = tmp_path / "good.txt", tmp_path / "photo.txt"
    good.write_bytes(ARTICLE)
    binary.write_bytes(b"\x00\x01\x02 not text")
    with pytest.raises(CommandError, match="2 of 3 file"):
        call_command("ingest", str(binary), str(good), str(tmp_path / "missing.txt"),
                     stdout=io.StringIO(), stderr=(err := io.StringIO()))
    assert "photo.txt: rejected: photo.txt: the file is binary" in err.getvalue()
    assert "missing.txt: no such file" in err.getvalue()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_load_gazetteer_loads_panjshir_and_is_idempotent():
    run("load_gazetteer")
    panjshir = Place.objects.get(kind="province", name="Panjshir")
    districts = set(panjshir.children.filter(kind="district").values_list("name", flat=True))
    assert districts == {"Bazarak", "Dara", "Khinj", "Paryan", "Rokha", "Shutul", "Unabah"}
    assert Place.objects.filter(kind="province", country_code="AF").count() == 34
    assert 390 <= Place.objects.filter(kind="district", country_code="AF").count() <= 410
    unabah = Place.objects.get(kind="district", name="Unabah")
    assert {"Anabah", "Anaba", "Onaba"} <= set(unabah.aliases)
    assert "Khenj" in Place.objects.get(kind="district", name="Khinj").aliases
    assert unabah.lat and unabah.lon

    count = Place.objects.count()
    unabah.aliases = [*unabah.aliases, "Unaaba"]  # an editor's alias survives a reload
    unabah.save()
    out, _ = run("load_gazetteer")
    assert Place.objects.count() == count
    assert "Unaaba" in Place.objects.get(pk=unabah.pk).aliases
    assert "AF: 34 provinces" in out


@pytest.mark.django_db
def test_load_gazetteer_loads_another_country_and_refuses_a_bad_code():
    run("load_gazetteer", country=["UA"])
    assert Place.objects.filter(country_code="UA", kind="province").count() >= 24
    with pytest.raises(CommandError, match="unknown country code 'XX'"):
        run("load_gazetteer", country=["XX"])


@pytest.mark.django_db
def test_load_actors_loads_the_registry_and_keeps_desk_aliases():
    run("load_actors")
    taliban = Actor.objects.get(name="Taliban")
    assert "Islamic Emirate" in taliban.aliases
    taliban.aliases = [*taliban.aliases, "IEA fighters"]
    taliban.save()
    run("load_actors")
    assert "IEA fighters" in Actor.objects.get(name="Taliban").aliases


@pytest.mark.django_db
def test_demo_refuses_known_passwords_on_a_production_install(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="known passwords"):
        run("demo")
    assert not User.objects.exists()


def test_extract_prints_headline_and_body_claims_in_the_corpus_schema(tmp_path):
    # "Merawi" is a town in Amhara and a district in Sudan: the headline, read on its own,
    # takes the body's country, so its "army" is Ethiopia's
    path = tmp_path / "merawi.txt"
    path.write_text(
        "outlet: Highland Desk\ntitle: The army says it holds Merawi\npublished: 2024-09-26\n\n"
        "Fano fighters said on Monday they had captured Merawi. The town lies on the road "
        "between Bahir Dar and Dangila, south of Lake Tana.\n", encoding="utf-8")
    out, _err = run("extract", str(path), "--jsonl")
    claims = [json.loads(line) for line in out.splitlines()]
    assert [(c["sentence"], c["claim_type"], c["claimant"]) for c in claims] == [
        ("The army says it holds Merawi", "controls", "Ethiopian government"),
        ("Fano fighters said on Monday they had captured Merawi.", "captured", "Fano"),
    ]
    assert claims[1]["event_date"] == "2024-09-23" and claims[1]["article"] == "merawi.txt"


def test_extract_fails_when_no_file_can_be_read(tmp_path):
    with pytest.raises(CommandError, match="no article could be read"):
        run("extract", str(tmp_path / "missing.txt"))
