"""A real browser (Playwright driving Debian's chromium) against `chalice local`.

An editor logs in, creates a FAQ, sees it on the public site, edits it, hits
a conflict with a second editor, deletes it, restores it and finds all of it
in the audit log.  Another turns two-factor login on, logs out, and logs in
with a code from the authenticator app.
"""
import os
import re
import subprocess
import sys
import time
import urllib.request

import pyotp
import pytest
from playwright.sync_api import expect, sync_playwright

from chalicelib import store
from chalicelib.admin import auth
from devtools.dynamodb_local import free_port
from chalicelib.cli import stage_environment
from tests.admin_helpers import PASSWORD
from tests.conftest import ROOT

CHROMIUM = '/usr/bin/chromium'
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync', '--no-first-run',
                 '--disable-quic']

def on_ci():
    return os.environ.get('CI', '').lower() in ('true', '1', 'yes')


def require_chromium(path=CHROMIUM):
    """Skip without Chromium on a developer's machine; fail on CI, where
    the only real-browser test must not vanish with the run still green."""
    if os.path.exists(path):
        return path
    message = 'Debian chromium is not installed at %s (apt-get install chromium)' % path
    if on_ci():
        pytest.fail(message + '; CI must run the browser test', pytrace=False)
    pytest.skip(message)


def test_a_missing_browser_skips_locally_and_fails_on_ci(monkeypatch, tmp_path):
    missing = str(tmp_path / 'chromium')
    monkeypatch.delenv('CI', raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_chromium(missing)
    monkeypatch.setenv('CI', 'true')
    with pytest.raises(pytest.fail.Exception, match='CI must run the browser test'):
        require_chromium(missing)
    assert require_chromium(CHROMIUM if os.path.exists(CHROMIUM) else sys.executable)


@pytest.fixture
def site(dynamodb_local, dynamodb_client, monkeypatch):
    """`chalice local` on a free port, on the local stage's table."""
    table = stage_environment('local')['TABLE_NAME']
    store.create_table(dynamodb_client, table)
    monkeypatch.setattr(store, '_repository', store.FaqRepository(dynamodb_client, table))
    auth.create_user('editor', PASSWORD)
    port = free_port()
    server = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), 'chalice'), 'local', '--host',
         '127.0.0.1', '--port', str(port), '--stage', 'local', '--no-autoreload'],
        cwd=ROOT, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = 'http://127.0.0.1:%d' % port
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + '/admin/login', timeout=1).read()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError('chalice local did not start: %s' % server.stderr.read())
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(10)
    dynamodb_client.delete_table(TableName=table)


@pytest.fixture
def browser():
    executable = require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def log_in(page, base):
    page.goto(base + '/admin')
    assert '/admin/login' in page.url
    page.fill('#username', 'editor')
    page.fill('#password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(base + '/admin')


def test_editor_round_trip_in_a_real_browser(browser, site):
    alice = browser.new_context().new_page()
    log_in(alice, site)

    # create a FAQ, published, written in Markdown
    alice.click('text=New FAQ >> nth=0')
    alice.fill('#title', 'Can I retake the exam online?')
    alice.select_option('#status', 'publish')
    alice.select_option('#content_format', 'markdown')
    alice.fill('#content', 'Yes. Retakes are **online** or at a test centre.')
    alice.click('button[value=preview]')
    assert alice.locator('.preview strong').inner_text() == 'online'
    alice.click('button[value=save]')
    alice.wait_for_selector('text=Created.')
    edit_url = alice.url.split('?')[0]

    # it is on the public site
    public = browser.new_context().new_page()
    public.goto(site + '/faq/can-i-retake-the-exam-online/')
    assert public.locator('h1').inner_text() == 'Can I retake the exam online?'
    assert public.locator('.answer strong').inner_text() == 'online'

    # a second editor opens the same FAQ; Alice saves first
    bob = browser.new_context().new_page()
    log_in(bob, site)
    bob.goto(edit_url)
    alice.goto(edit_url)
    alice.fill('#content', '<p>Alice: retakes are online only.</p>')
    alice.select_option('#content_format', 'html')
    alice.click('button[value=save]')
    alice.wait_for_selector('text=Saved.')
    bob.select_option('#content_format', 'html')
    bob.fill('#content', '<p>Bob: retakes happen at test centres.</p>')
    bob.click('button[value=save]')
    bob.wait_for_selector('text=Someone else saved this FAQ while you were editing')
    assert 'Bob: retakes happen at test centres.' in bob.input_value('#content')
    assert 'Alice: retakes are online only.' in bob.inner_text('.preview')
    public.reload()
    assert 'Alice: retakes are online only.' in public.inner_text('.answer')

    # delete it: gone from the public site; restore it: back.  Each look is
    # a new visitor, since a browser may keep a page for its max-age (60 s).
    def visit():
        visitor = browser.new_context().new_page()
        return visitor, visitor.goto(site + '/faq/can-i-retake-the-exam-online/')

    alice.goto(edit_url)
    alice.click('button:has-text("Move to trash")')
    alice.wait_for_selector('text=Moved to the trash.')
    visitor, response = visit()
    assert response.status == 404
    assert visitor.locator('h1').inner_text() == 'Page not found'
    alice.click('button:has-text("Restore from trash")')
    alice.wait_for_selector('text=Restored from the trash.')
    visitor, response = visit()
    assert response.status == 200
    assert 'Alice: retakes are online only.' in visitor.inner_text('.answer')

    # the audit log, from the admin menu, tells the story newest first (web-first
    # assertions: each waits for the page the click leads to)
    alice.click('nav >> text=Audit log')
    expect(alice).to_have_url(site + '/admin/audit')
    rows = alice.locator('tbody tr')
    expect(rows.locator('td:nth-child(3)')).to_have_text(
        ['restore', 'trash', 'update', 'create'])              # Bob's save was refused
    expect(rows.first.locator('td').nth(1)).to_have_text('editor')
    alice.click('tbody tr >> nth=0 >> a')
    assert alice.url.split('?')[0] == edit_url


def test_two_factor_enrol_log_out_and_log_in_with_the_code(browser, site):
    page = browser.new_context().new_page()
    log_in(page, site)
    page.click('nav >> text=Account')
    page.click('button:has-text("Set up two-factor login")')
    expect(page.locator('figure.qr svg')).to_be_visible()           # drawn by the server
    secret = page.inner_text('#secret').replace(' ', '')
    page.fill('#code', pyotp.TOTP(secret).now())
    page.click('button:has-text("Turn two-factor login on")')
    expect(page.locator('ul.codes li')).to_have_count(10)           # recovery codes, once
    page.click('header button:has-text("Log out")')
    expect(page).to_have_url(site + '/admin/login')
    page.fill('#username', 'editor')
    page.fill('#password', PASSWORD)
    page.click('button[type=submit]')
    expect(page).to_have_url(re.compile(re.escape(site) + r'/admin/login/code\?'))
    page.fill('#code', pyotp.TOTP(secret).at(time.time() + 30))    # the next step's code
    page.click('button[type=submit]')
    expect(page).to_have_url(site + '/admin')
    expect(page.locator('header form span')).to_have_text('editor')


def test_readers_tell_and_an_editor_learns_with_javascript_off(browser, site):
    """Readers vote Yes, vote No and say why, and ask after a search that found
    nothing; an editor sees it all on Insights and turns the question into a
    draft.  Every page here runs no script, and this browser runs none."""
    from chalicelib.insights import MIN_FILL_SECONDS
    from tests.helpers import make_entry
    repository = store.get_repository()
    repository.create(make_entry(1, title='How do I book the exam?'))
    repository.create(make_entry(2, title='What does the exam fee cover?'))
    reader = browser.new_context(java_script_enabled=False).new_page()
    wait_for_a_person = (MIN_FILL_SECONDS + 0.5) * 1000

    reader.goto(site + '/faq/question-1/')
    reader.click('#feedback button:has-text("Yes")')
    expect(reader).to_have_url(site + '/faq/question-1/?feedback=yes#feedback')
    expect(reader.locator('#feedback [role=status]')).to_contain_text('Glad it helped')

    reader.goto(site + '/faq/question-2/')
    reader.click('#feedback button:has-text("No")')
    expect(reader.locator('#feedback h2')).to_have_text('Thank you')
    reader.fill('#comment', 'Whether the fee covers a retake')
    reader.wait_for_timeout(wait_for_a_person)
    reader.click('#feedback button:has-text("Send")')
    expect(reader).to_have_url(site + '/faq/question-2/?feedback=sent#feedback')

    reader.fill('#s', 'parking permit')
    reader.press('#s', 'Enter')
    expect(reader.locator('main')).to_contain_text('No questions match your search')
    reader.click('text=Ask us a question')
    expect(reader.locator('main')).to_contain_text('You searched for “parking permit”')
    reader.fill('#question', 'Can I get a parking permit for the test centre?')
    reader.fill('#email', 'driver@example.com')
    reader.wait_for_timeout(wait_for_a_person)
    reader.click('main button:has-text("Send")')
    expect(reader).to_have_url(site + '/ask?sent=1')
    expect(reader.locator('h1')).to_have_text('Thank you')

    editor = browser.new_context(java_script_enabled=False).new_page()
    log_in(editor, site)
    editor.click('nav >> text=Insights')
    expect(editor).to_have_url(site + '/admin/insights')
    expect(editor.locator('figure.chart svg rect')).not_to_have_count(0)
    no_results = editor.locator('table:below(h2:has-text("Top searches with no results")) tr',
                                has_text='parking permit').first
    expect(no_results).to_contain_text('Write an FAQ for this')
    editor.select_option('#min_votes', '1')
    editor.click('button:has-text("Show")')
    row = editor.locator('tr', has_text='What does the exam fee cover?')
    expect(row.locator('td').nth(2)).to_have_text('1')                      # one No
    expect(row).to_contain_text('Whether the fee covers a retake')
    expect(editor.locator('tr', has_text='How do I book the exam?').locator('td').nth(1)) \
        .to_have_text('1')                                                   # one Yes
    editor.click('text=1 open question')
    question = editor.locator('tr', has_text='Can I get a parking permit')
    expect(question).to_contain_text('driver@example.com')
    question.locator('button:has-text("Turn into FAQ")').click()
    expect(editor.locator('#title')).to_have_value(
        'Can I get a parking permit for the test centre?')
    editor.fill('#content', 'Yes: ask the centre when you book.')
    editor.click('button[value=save]')
    expect(editor.locator('[role=status]')).to_have_text('Created.')
    editor.goto(site + '/admin/insights/questions')
    expect(editor.locator('main')).to_contain_text('No open questions.')
