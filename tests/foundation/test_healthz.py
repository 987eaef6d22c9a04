def test_healthz_answers_json_on_database_and_broker(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["broker"]["mode"].startswith("in-process")


def test_healthz_reports_an_unreachable_broker_as_503(client, db, settings, monkeypatch):
    from celery import current_app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    connect = current_app.connection_for_write
    # Nothing listens on port 1. Patch the connection, not the app's config, so no other
    # test inherits a broken broker URL.
    monkeypatch.setattr(current_app, "connection_for_write",
                        lambda: connect("redis://127.0.0.1:1/0"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False


def test_healthz_needs_no_login(client, db):
    assert client.get("/healthz").status_code == 200
