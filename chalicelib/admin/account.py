"""The editor's own account (``/admin/account``): two-factor login on and off.

Turning it on takes two posts: ``start`` keeps a new secret aside and the
page shows it (QR code and text); ``confirm`` with a code from the app
turns it on and shows the recovery codes, once.  Turning it off takes a
current code or a recovery code.  Codes posted here go through the login
throttle like the login's own.  Lost the phone and the codes?  Another
admin runs ``python -m chalicelib.cli reset-2fa NAME``.
"""
from ..settings import get_settings
from ..store import get_accounts
from . import auth, twofactor
from .guard import client_ip, form_data
from .html import page, redirect

ACTIONS = ('start', 'confirm', 'disable', 'cancel')


def account_page(request, code=200, record=None, **context):
    record = record or get_accounts().get_user(request.admin_user)
    enrolment = None
    if record.totp_pending and not record.totp_secret:
        uri = twofactor.provisioning_uri(record.totp_pending, record.name,
                                         get_settings().site_name)
        secret = record.totp_pending
        enrolment = {'qr': twofactor.qr_svg(uri), 'uri': uri,
                     'secret': ' '.join(secret[i:i + 4] for i in range(0, len(secret), 4))}
    params = request.query_params or {}
    return page(request, 'account.html', code, account=record, enrolment=enrolment,
                done=params.get('done'), **context)


def show(request):
    return account_page(request)


def two_factor(request):
    form = form_data(request)
    action = form.get('action')
    if action not in ACTIONS:
        return account_page(request, 400, error='Choose what to do with two-factor login.')
    record = get_accounts().get_user(request.admin_user)
    if action == 'start':
        if record.totp_secret:
            return account_page(request, 409, record,
                                error='Two-factor login is on already: turn it off first.')
        twofactor.start(record.name)
        return redirect(request, '/admin/account')
    if action == 'cancel':
        if record.totp_pending and not record.totp_secret:
            twofactor.disable(record.name)
        return redirect(request, '/admin/account', done='cancelled')
    wanted = record.totp_pending if action == 'confirm' else record.totp_secret
    if not wanted:
        return redirect(request, '/admin/account')         # a stale form: show what is
    try:
        result = auth.checked_code(
            record, form.get('code', ''), client_ip(request),
            check=twofactor.confirm if action == 'confirm' else twofactor.check_code)
    except auth.LoginThrottled as error:
        return account_page(request, 429, record, error=str(error),
                            headers={'Retry-After': str(error.retry_after)})
    if not result:
        return account_page(request, 400, record,
                            error='That code is wrong, or was used already. Codes change '
                                  'every 30 seconds: check the time on your phone.')
    if action == 'confirm':
        return page(request, 'account.html', account=get_accounts().get_user(record.name),
                    recovery_codes=result, enrolment=None, done='2fa-on')
    twofactor.disable(record.name)
    return redirect(request, '/admin/account', done='2fa-off')
