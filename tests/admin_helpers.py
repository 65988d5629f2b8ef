"""Admin users, tokens and requests for the admin tests."""
import json

PASSWORD = 'correct horse battery staple'


def api(client, method, path, token=None, body=None, headers=None, raw=None):
    sent = {'Content-Type': 'application/json'}
    if token:
        sent['Authorization'] = 'Bearer ' + token
    sent.update(headers or {})
    data = raw if raw is not None else (json.dumps(body) if body is not None else None)
    response = getattr(client.http, method.lower())(path, headers=sent, body=data)
    try:
        payload = json.loads(response.body) if response.body else None
    except ValueError:
        payload = response.body
    return response.status_code, payload, response.headers


def login_form(client):
    """Open the login page as a browser would: (its cookie, its form token)."""
    response = client.http.get('/admin/login')
    return response.headers['Set-Cookie'].split(';', 1)[0], csrf_of(response.body.decode())


def post_login(client, fields, form=None):
    """Post the login form, by default with the token and cookie it came with."""
    from urllib.parse import urlencode
    cookie, token = form or login_form(client)
    return client.http.post('/admin/login', body=urlencode(dict({'csrf': token}, **fields)),
                            headers={'Content-Type': 'application/x-www-form-urlencoded',
                                     'Cookie': cookie})


def login(client, user='editor', password=PASSWORD):
    """Log in through the form; returns (response, session cookie header value)."""
    response = post_login(client, {'username': user, 'password': password})
    set_cookie = response.headers.get('Set-Cookie', '')
    session = set_cookie.split(';', 1)[0]
    return response, session if session.startswith('faq_admin=') else ''


def csrf_of(html):
    import re
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    return match.group(1) if match else None


class Browser:
    """A logged-in editor driving the HTML admin through the test client."""

    def __init__(self, client, cookie):
        self.client, self.cookie = client, cookie

    def get(self, path):
        return self.client.http.get(path, headers={'Cookie': self.cookie})

    def csrf(self, path='/admin'):
        return csrf_of(self.get(path).body.decode())

    def post(self, path, fields, csrf=True):
        from urllib.parse import urlencode
        fields = dict(fields)
        if csrf is True:
            fields['csrf'] = self.csrf()
        elif csrf:
            fields['csrf'] = csrf
        return self.client.http.post(path, body=urlencode(fields), headers={
            'Cookie': self.cookie, 'Content-Type': 'application/x-www-form-urlencoded'})
