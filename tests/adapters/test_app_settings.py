from streams.app import app, create_app
from streams.settings import Settings


def test_the_worker_commits_at_the_interval_of_its_setting() -> None:
    assert app.conf.broker_commit_interval == Settings().commit_interval_s == 10.0
    made = create_app(Settings(app_id="parley-commit-test", commit_interval_s=2.5))
    assert made.conf.broker_commit_interval == 2.5


def test_the_producer_lingers_for_the_milliseconds_of_its_setting() -> None:
    assert app.conf.producer_linger == Settings().producer_linger_ms / 1000 == 0.005
    made = create_app(Settings(app_id="parley-linger-test", producer_linger_ms=0))
    assert made.conf.producer_linger == 0
