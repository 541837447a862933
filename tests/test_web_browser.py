"""The desk in a real browser (Debian Chromium via Playwright) against uvicorn on loopback.

Log in, upload the seed minutes, correct an owner and a due date, approve, filter overdue, mark an
item done with a note and see it in the history, open a signed link from a digest .eml and confirm,
log out. Screenshots land in tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import datetime as dt
import email
import re
import socket
import threading
import time
from collections.abc import Iterator
from email import policy
from pathlib import Path
from typing import Any

import pytest

from services.clock import FixedClock, use_clock
from tests.conftest import SHARED
from tests.web_support import add_user, make_app, sessions, settings_for

CHROMIUM = Path("/usr/bin/chromium")
SEED = SHARED / "minutes" / "diginyt-2018-05-22.txt"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Any, FixedClock]]:
    """The desk under uvicorn in a thread on a free loopback port, its clock stopped on 23.5.2018."""
    if not CHROMIUM.exists():
        pytest.skip("Debian Chromium is not installed at /usr/bin/chromium (make test installs it)")
    if not SEED.exists():
        pytest.skip(f"the seed minutes are not at {SEED}")
    import uvicorn

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    settings = settings_for(f"sqlite:///{tmp_path / 'desk.db'}", tmp_path, public_url=base)
    app = make_app(settings)
    add_user(settings, "sihteeri", role="admin")
    clock = FixedClock(dt.datetime(2018, 5, 23, 8, 0, tzinfo=dt.UTC))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    with use_clock(clock):
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        try:
            yield base, settings, clock
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    from services.db import dispose_engines

    dispose_engines()


def test_a_secretary_works_through_the_desk(served: tuple[str, Any, FixedClock], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, settings, clock = served
    ARTIFACTS.mkdir(exist_ok=True)

    def shot(page: Any, name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="fi-FI")
        page.set_default_timeout(20_000)

        # Log in.
        page.goto(f"{base}/")
        expect(page).to_have_url(re.compile(r"/login\?next="))
        page.fill("#username", "sihteeri")
        page.fill("#password", "correct horse battery staple")
        shot(page, "01-login")
        page.click("button[type=submit]")
        expect(page.locator("h1")).to_have_text("Yleiskuva")

        # Upload the seed; the body comes from the minutes.
        page.click("text=Lataa pöytäkirja")
        page.set_input_files("#file", str(SEED))
        page.click("#upload")
        expect(page).to_have_url(re.compile(r"/uploads/\d+$"))
        review_url = page.url
        expect(page.locator(".review-item")).to_have_count(6)
        assert page.locator(".tag.doubt").count() >= 1  # low-confidence fields are marked
        body_name = page.locator("h1").inner_text().split(": ", 1)[1].rsplit(" ", 1)[0]

        # A person with an address joins the roster, then owns an item with a corrected due date.
        page.goto(f"{base}/people")
        page.locator("form.card input[name=name]").fill("Testi Henkilö")
        page.locator("form.card input[name=email]").fill("testi@example.org")
        page.locator("form.card select[name=body]").select_option(label=body_name)
        page.locator("form.card button[type=submit]").click()
        expect(page.locator("table.items")).to_contain_text("testi@example.org")
        page.goto(review_url)
        undated = page.locator(".review-item").nth(4)  # the list runs by due date, undated last
        fifth = page.locator("#" + (undated.get_attribute("id") or ""))
        expect(fifth.locator("input[name=due]")).to_have_value("")
        fifth.locator("input[name=owners]").fill("Testi Henkilö")
        fifth.locator("form[action$='/assign'] button").click()
        expect(page.locator(".flash")).to_have_text("Tallennettu.")
        expect(fifth.locator("input[name=owners]")).to_have_value("Testi Henkilö")
        fifth.locator("input[name=due]").fill("30.9.2018")
        fifth.locator("form[action$='/due'] button").click()
        expect(fifth.locator("input[name=due]")).to_have_value("30.09.2018")
        shot(page, "02-review")

        # Approve: the next meeting's invitation goes to the one person with an address.
        page.click("#approve")
        expect(page).to_have_url(re.compile(r"/meetings/\d+\?msg=approved"))
        next_link = page.locator("dl.facts a").last
        next_link.click()
        expect(page.locator("#invitations")).to_contain_text("testi@example.org")
        shot(page, "03-next-meeting")

        # A year later: filter overdue items.
        clock.at = dt.datetime(2019, 7, 1, 8, 0, tzinfo=dt.UTC)
        page.goto(f"{base}/items")
        expect(page).to_have_url(re.compile(r"/login\?next="))  # a year idle: the session has expired
        page.fill("#username", "sihteeri")
        page.fill("#password", "correct horse battery staple")
        page.click("button[type=submit]")
        expect(page).to_have_url(re.compile(r"/items$"))
        page.check("input[name=overdue]")
        page.click("#filter")
        expect(page).to_have_url(re.compile(r"overdue=1"))
        rows = page.locator("table.items tbody tr")
        assert rows.count() >= 3
        for i in range(rows.count()):
            assert "Myöhässä" in rows.nth(i).inner_text()
        shot(page, "04-overdue")

        # Mark one (not Testi's) done with a note; the history shows who and the note.
        target = next(i for i in range(rows.count()) if "Testi" not in rows.nth(i).inner_text())
        rows.nth(target).locator("td").nth(1).locator("a").click()
        expect(page.locator("#quote")).to_be_visible()  # the quote stands in the minutes' text
        page.fill("#done-note", "Lähetetty ministeriöön")
        page.click("#mark-done")
        expect(page.locator("#history")).to_contain_text("Lähetetty ministeriöön")
        expect(page.locator("#history")).to_contain_text("sihteeri")
        shot(page, "05-item-done")

        # The weekly digest: Testi's mail carries a signed link; open it, confirm.
        from services.digests import compose_digests, write_dry_run

        with sessions(settings)() as db:
            plan = compose_digests(db, dt.date(2019, 7, 1), settings=settings, now=clock.now())
        written = write_dry_run(plan, tmp_path / "digest")
        eml = next(p for p in written if "testi" in p.name)
        message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert isinstance(message, email.message.EmailMessage)
        text_part = message.get_body(("plain",))
        assert text_part is not None
        link = re.search(rf"{re.escape(base)}/l/\S+", str(text_part.get_content()))
        assert link is not None, "the digest has no mark-done link"
        page.goto(link.group(0))
        expect(page.locator("#confirm")).to_be_visible()
        shot(page, "06-link-confirm")
        page.click("#confirm")
        expect(page.locator("#link-outcome")).to_contain_text("Kiitos")
        shot(page, "07-link-done")
        page.goto(link.group(0))
        expect(page.locator("#link-outcome")).to_contain_text("jo käytetty")

        # The item's history says who, from the mail.
        item_id = int(link.group(0).rsplit("/", 1)[1].split("-", 1)[0])
        page.goto(f"{base}/items/{item_id}")
        expect(page.locator("#history")).to_contain_text("Testi Henkilö from the mail")

        # On a phone the list is still readable: one card per item, no sideways scrolling.
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{base}/items?overdue=1")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shot(page, "09-phone-items")
        page.set_viewport_size({"width": 1100, "height": 900})

        # Log out: the session is gone.
        page.click("#logout")
        expect(page).to_have_url(re.compile(r"/login$"))
        page.goto(f"{base}/items")
        expect(page).to_have_url(re.compile(r"/login\?next="))
        shot(page, "08-logged-out")
        browser.close()
