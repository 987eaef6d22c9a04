import pytest
from django.core.exceptions import ImproperlyConfigured

from newsdesk.env import database_from_url, env_bool, env_int, env_list


def test_env_bool_reads_common_spellings(monkeypatch):
    for raw, expected in [("1", True), ("yes", True), ("On", True), ("0", False), ("no", False)]:
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG") is expected


def test_env_bool_uses_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    assert env_bool("FLAG", True) is True


def test_env_bool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="FLAG='ture' is not a boolean"):
        env_bool("FLAG")


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("N", "ten")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("N", 3)
    monkeypatch.setenv("N", "10")
    assert env_int("N", 3) == 10


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_database_from_url_reads_postgres_urls():
    db = database_from_url("postgres://desk:s%40cret@db.internal:5433/news?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("news", "desk", "s@cret")
    assert (db["HOST"], db["PORT"]) == ("db.internal", "5433")
    assert db["OPTIONS"] == {"sslmode": "require"}


def test_database_from_url_reads_sqlite_paths():
    assert database_from_url("sqlite:////tmp/x.db")["NAME"] == "/tmp/x.db"
    assert database_from_url("sqlite:///var/x.db")["NAME"] == "var/x.db"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "postgres://u@h/"])
def test_database_from_url_refuses_what_it_cannot_serve(url):
    with pytest.raises(ImproperlyConfigured):
        database_from_url(url)


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off(settings):
    import os
    import subprocess
    import sys

    env = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "newsdesk.settings"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"],
                            env=env, capture_output=True, text=True, cwd=settings.BASE_DIR)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_cache_url_selects_a_shared_redis_cache(settings):
    import os
    import subprocess
    import sys

    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.CACHES['default']['BACKEND'], s.CACHES['default'].get('LOCATION'))")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
           "CACHE_URL": "redis://127.0.0.1:6379/3"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, cwd=settings.BASE_DIR, check=True)
    assert result.stdout.split() == ["django.core.cache.backends.redis.RedisCache",
                                     "redis://127.0.0.1:6379/3"]
