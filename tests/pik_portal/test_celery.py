"""A real Celery worker thread against Redis: the task round trip works."""

import pytest

from pik_portal.tasks import ping


def test_task_laeuft_ohne_broker_im_prozess():
    assert ping.delay().get(timeout=1) == "pong"


def test_celery_einstellungen():
    from pik_portal.celery import app

    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]


@pytest.mark.redis
def test_task_rundreise_mit_echtem_worker(broker_url):
    from celery.contrib.testing.worker import start_worker

    from pik_portal.celery import app

    alt = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=broker_url, result_backend=broker_url, task_always_eager=False)
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
            ergebnis = ping.delay()
            assert ergebnis.get(timeout=20) == "pong"
    finally:
        app.conf.update(**alt)
