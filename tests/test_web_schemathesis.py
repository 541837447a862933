"""Schemathesis against the desk's /openapi.json with a logged-in token: no request makes a 5xx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.web_support import NOW, add_user, make_app, make_item, sessions, settings_for

EXAMPLES = 25  # per operation: bounded, so the run takes seconds on a 2-core machine


def test_no_api_request_makes_a_server_error(database_url: str, tmp_path: Path) -> None:
    import schemathesis
    from schemathesis.checks import not_a_server_error

    desk_settings = settings_for(database_url, tmp_path)
    app = make_app(desk_settings)
    for n in range(3):
        make_item(desk_settings, text=f"Tehtävä {n}", due=dt.date(2026, 1, 10 + n))
    add_user(desk_settings, "robot", role="admin")
    from services.accounts import find_user, new_api_token

    with sessions(desk_settings)() as db:
        user = find_user(db, "robot")
        assert user is not None
        token = new_api_token(db, user, now=NOW)
    auth = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers=auth)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures: list[str] = []
    statuses: set[int] = set()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):  # type: ignore[no-untyped-def]
            response = case.call(headers=auth)
            statuses.add(response.status_code)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code}")
            case.validate_response(response, checks=[not_a_server_error])

        check()
    assert failures == []
    assert 200 in statuses and 401 not in statuses  # the token worked: real answers were fuzzed
