"""Admin accounts from the command line: users, tokens shown once, revocation."""
import io

import pytest

from chalicelib import cli
from chalicelib.admin import auth
from tests.admin_helpers import PASSWORD, api


def test_create_user_and_token_then_use_and_revoke_it(client, repo, monkeypatch, capsys):
    monkeypatch.setattr('sys.stdin', io.StringIO(PASSWORD + '\n'))
    assert cli.main(['create-user', 'writer', '--password-stdin']) == 0
    assert auth.login('writer', PASSWORD, '192.0.2.1').name == 'writer'
    capsys.readouterr()
    assert cli.main(['create-token', 'writer', '--label', 'ci']) == 0
    printed = capsys.readouterr()
    token = printed.out.strip()
    assert token.startswith('faqt_') and 'cannot be shown again' in printed.err
    assert api(client, 'GET', '/admin/api/faqs', token)[0] == 200
    assert cli.main(['revoke-token', token]) == 0
    assert api(client, 'GET', '/admin/api/faqs', token)[0] == 401


@pytest.mark.parametrize('argv,stdin,message', [
    (['create-user', 'bad name!', '--password-stdin'], PASSWORD, 'User names'),
    (['create-user', 'writer', '--password-stdin'], 'short', 'at least 12'),
    (['create-token', 'nobody'], '', 'No such user'),
])
def test_bad_account_commands_explain_in_one_line(repo, monkeypatch, argv, stdin, message):
    monkeypatch.setattr('sys.stdin', io.StringIO(stdin + '\n'))
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert message in str(stopped.value)
