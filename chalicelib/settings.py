"""Settings, read from the environment each time they are asked for.

Chalice sets a stage's ``environment_variables`` only while a request runs
under ``chalice.test.Client`` (and once at start-up on Lambda), so nothing
here may be read at import time.  Reading ``os.environ`` costs microseconds,
so settings are simply rebuilt on each call instead of cached.
"""
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

# The local stage sets no SITE_URL: ``make run`` passes one for its port.
LOCAL_SITE_URL = 'http://127.0.0.1:8000'


@dataclass(frozen=True)
class Settings:
    table_name: str
    site_url: str           # absolute, no trailing slash: https://example.com/resources
    site_name: str
    site_tagline: str
    locale: str             # og:locale form: en_US
    old_faq_base: str       # FAQ URL prefix of the site being replaced
    page_size: int

    @property
    def language(self):
        """The BCP 47 form of the locale, for ``lang`` and ``inLanguage``."""
        return self.locale.replace('_', '-')

    @property
    def https(self):
        """Served over https: cookies are Secure, responses carry HSTS."""
        return self.site_url.startswith('https://')

    @property
    def site_path(self):
        """The path part of the site URL (``/resources`` or ``''``)."""
        return urlsplit(self.site_url).path.rstrip('/')


def _int(name, default):
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def get_settings():
    env = os.environ
    return Settings(
        table_name=env.get('TABLE_NAME', 'faq-site-local'),
        site_url=env.get('SITE_URL', LOCAL_SITE_URL).rstrip('/'),
        site_name=env.get('SITE_NAME', 'Certilyst'),
        site_tagline=env.get('SITE_TAGLINE',
                             'A hub for all your certification exams'),
        locale=env.get('SITE_LOCALE', 'en_US'),
        old_faq_base=env.get('OLD_FAQ_BASE',
                             'https://certilyst.com/resources/faq/'),
        page_size=_int('PAGE_SIZE', 10),
    )


# What `chalice deploy` wires the content_changed handler to: the table's
# stream, which `python -m chalicelib.cli stream-arn --stage STAGE` prints and
# `make deploy` exports.  Locally and in tests nothing reads it (devtools
# feeds the handler from DynamoDB Local's stream), so any well-formed ARN do.
LOCAL_STREAM_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/faq-site-local/stream/local'


def table_stream_arn():
    """The stream ``app.py`` registers its handler on, read when Chalice loads it."""
    return os.environ.get('TABLE_STREAM_ARN') or LOCAL_STREAM_ARN
