"""Command-line tasks: provisioning the table and importing WordPress content.

    python -m chalicelib.cli create-table [--stage STAGE]
    python -m chalicelib.cli stream-arn [--stage STAGE]
    python -m chalicelib.cli rebuild-derived
    python -m chalicelib.cli create-user NAME          (asks for the password)
    python -m chalicelib.cli create-token NAME --label laptop
    python -m chalicelib.cli reset-2fa NAME             (a lost phone)
    python -m chalicelib.cli import-wordpress export.json [more.json ...]
    python -m chalicelib.cli import-wordpress --from-url https://old.example/wp-json/wp/v2/faq
    python -m chalicelib.cli export-wordpress -o faqs.json --categories-output terms.json
"""
import argparse
import json
import os
import sys
import time

from . import store
from .settings import get_settings
from .wordpress import export as wp_export, importer as wp_import


def _load_json(path):
    try:
        with open(path, encoding='utf-8') as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        raise SystemExit('%s: cannot read WordPress JSON: %s' % (path, error))


def _print_import_report(report, out, dry_run):
    if dry_run:
        for label, outcome, slug, changed in report.changes:
            print('would %s %s %s%s' % (outcome[:-1], label, slug,
                                        ': ' + ', '.join(changed) if changed else ''),
                  file=out)
    for label, reason in report.failed:
        print('skipped %s: %s' % (label, reason), file=out)
    prefix = 'dry run, nothing written: ' if dry_run else ''
    if any(report.categories.values()):
        print(prefix + report.category_summary(), file=out)
    print(prefix + report.summary(), file=out)


HOLD_SECONDS = 6 * 3600      # the longest an import may hold the stream's builds off
SHOWN_FAILURES = 5           # in the closing summary line; each is printed above it


def failure_summary(report):
    """The import's last line: how many records failed, and the first few."""
    if not report.failed:
        return 'failures: none'
    shown = ['%s (%s)' % (label, ' '.join(str(reason).split())[:80])
             for label, reason in report.failed[:SHOWN_FAILURES]]
    more = len(report.failed) - len(shown)
    return 'failures: %d: %s%s' % (len(report.failed), '; '.join(shown),
                                   '; and %d more above' % more if more else '')


def import_wordpress(args, out=None, err=None):
    """Import ``wp/v2/faq`` records from files and/or a live site's REST API.

    Exit status: 0 when every record imported; 1 when any record failed
    (each is reported and skipped, the others are imported), unless
    ``--allow-partial`` accepts that; 2 when the live site could not be read
    completely (a rerun resumes: the import is an idempotent upsert).  The
    last line sums the failures up.

    Derived data (listings, search, related questions) is built once, when
    the records are in: meanwhile the stream's handler is held off, so that
    it does not rebuild after each batch of the import's own changes.
    """
    out = out or sys.stdout
    if getattr(args, 'dry_run', False):
        status, report = _import_wordpress(args, out, err)
    else:
        artifacts = store.get_artifacts()
        artifacts.hold_builds(time.time() + HOLD_SECONDS)
        try:
            status, report = _import_wordpress(args, out, err)
            if report.created or report.updated or any(
                    report.categories[k] for k in ('created', 'updated')):
                from .derived import builder
                print('derived data: %r' % builder.rebuild(), file=out)
        finally:
            artifacts.hold_builds(0)
    print(failure_summary(report), file=out)
    if status == 0 and report.failed and not getattr(args, 'allow_partial', False):
        return 1
    return status


def rebuild_derived(args, out=None):
    """Build every listing, the search index and related questions anew."""
    from .derived import builder
    print('derived data: %r' % builder.rebuild(), file=out or sys.stdout)
    return 0


def _import_wordpress(args, out, err):
    err = err or sys.stderr
    files = getattr(args, 'files', None) or []
    from_url = getattr(args, 'from_url', None)
    dry_run = getattr(args, 'dry_run', False)
    if not files and not from_url:
        raise SystemExit('import-wordpress: give FILE arguments or --from-url URL')
    settings = get_settings()
    repository = store.get_repository()
    report = wp_import.ImportReport()
    terms = [term for path in args.categories or ()
             for term in wp_import.records_from_json(_load_json(path))]
    records = [(path, wp_import.records_from_json(_load_json(path))) for path in files]
    fetcher = None
    if from_url:
        from .wordpress import fetch as wp_fetch   # urllib.request: the CLI only
        fetcher = wp_fetch.Fetcher(retries=args.retries, backoff=args.retry_backoff,
                                   timeout=args.timeout, log=err)
        terms_url = args.categories_url or wp_fetch.terms_url(from_url)
        try:
            terms += fetcher.fetch_all(terms_url)
        except wp_fetch.FetchError as error:
            print('cannot read the categories at %s: %s; nothing imported (without '
                  'them, entries would lose their categories)' % (terms_url, error),
                  file=out)
            return 2, report
    options = dict(site_url=settings.site_url, dry_run=dry_run)
    categories = wp_import.import_terms(repository, terms, report, dry_run=dry_run)
    for path, file_records in records:
        wp_import.import_records(repository, file_records, settings.old_faq_base,
                                 categories, report, **options)
    if fetcher is not None:
        progress = wp_fetch.Progress(err)
        for page in fetcher.pages(from_url, start=args.from_page, progress=progress):
            if page.error:
                report.failed.append(('page %d' % page.number, page.error))
                report.failed_pages.append(page.number)
                continue
            wp_import.import_records(repository, page.records, settings.old_faq_base,
                                     categories, report, **options)
        progress.close()
    _print_import_report(report, out, dry_run)
    if report.failed_pages:
        print('%d page(s) could not be read; run the same command again to resume '
              '(or add --from-page %d): entries already imported are left unchanged.'
              % (len(report.failed_pages), min(report.failed_pages)), file=out)
        return 2, report
    return 0, report


def export_wordpress(args, out=None):
    """Write entries (and categories) as WordPress REST JSON."""
    out = out or sys.stdout
    settings = get_settings()
    repository = store.get_repository()
    statuses = wp_export.EXPORT_STATUSES if args.status == 'all' else (args.status,)
    records = wp_export.export_records(repository, settings, statuses)
    _write_json(records, args.output, out)
    if args.categories_output:
        _write_json(wp_export.export_terms(repository, settings), args.categories_output, out)
    if args.output not in (None, '-'):
        print('exported %d entries to %s' % (len(records), args.output), file=out)
    return 0


def _write_json(data, path, out):
    text = json.dumps(data, ensure_ascii=False, indent=2) + '\n'
    if path in (None, '-'):
        out.write(text)
        return
    try:
        with open(path, 'w', encoding='utf-8') as handle:
            handle.write(text)
    except OSError as error:
        raise SystemExit('%s: cannot write: %s' % (path, error))


CHALICE_CONFIG = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                              '.chalice', 'config.json')


def stage_environment(stage, path=CHALICE_CONFIG):
    """A stage's environment variables, merged over the global ones as Chalice
    merges them from ``.chalice/config.json``."""
    try:
        with open(path, encoding='utf-8') as handle:
            config = json.load(handle)
    except (OSError, ValueError) as error:
        raise SystemExit('%s: cannot read the Chalice config: %s' % (path, error))
    stages = config.get('stages', {})
    if stage not in stages:
        raise SystemExit('%s: no stage %r (stages: %s)'
                         % (path, stage, ', '.join(sorted(stages))))
    return dict(config.get('environment_variables', {}),
                **stages[stage].get('environment_variables', {}))


def _table_name(args):
    """``--stage``'s TABLE_NAME in .chalice/config.json, or the environment's."""
    stage = getattr(args, 'stage', None)
    if not stage:
        return get_settings().table_name
    path = getattr(args, 'config', None) or CHALICE_CONFIG
    name = stage_environment(stage, path).get('TABLE_NAME')
    if not name:
        raise SystemExit('%s: stage %r sets no TABLE_NAME' % (path, stage))
    return name


def create_table(args, out=None):
    """Create the table if missing (on-demand), then turn on point-in-time
    recovery and, for the prod stage, deletion protection.  Idempotent.

    With ``--stage`` the table is that stage's TABLE_NAME in
    .chalice/config.json; without it, the TABLE_NAME environment variable.
    """
    out = out or sys.stdout
    name = _table_name(args)
    protect = getattr(args, 'stage', None) == 'prod'
    client = store.make_client()
    created = store.create_table(client, name, deletion_protection=protect)
    print('%s table %s' % ('created' if created else 'kept existing', name), file=out)
    for setting, state in store.protect_table(client, name, protect).items():
        print('%s: %s' % (setting, state), file=out)
    return 0


def stream_arn(args, out=None):
    """The table's stream, for ``make deploy`` (``TABLE_STREAM_ARN``)."""
    name = _table_name(args)
    table = store.make_client().describe_table(TableName=name)['Table']
    arn = table.get('LatestStreamArn')
    if not arn:
        raise SystemExit('table %s has no stream: run create-table first' % name)
    print(arn, file=out or sys.stdout)
    return 0


def _read_password(args):
    """The new password: from stdin with --password-stdin, else asked twice."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip('\n')
    import getpass
    first = getpass.getpass('Password for %s (12+ characters): ' % args.name)
    if getpass.getpass('Again: ') != first:
        raise SystemExit('The two passwords differ; nothing was changed.')
    return first


def create_user(args, out=None):
    """Create an admin user, or set a new password (which ends its sessions)."""
    from .admin import auth
    try:
        auth.create_user(args.name, _read_password(args))
    except ValueError as error:
        raise SystemExit(str(error))
    print('user %s saved (password stored as a salted scrypt hash)' % args.name,
          file=out or sys.stdout)
    return 0


def create_token(args, out=None):
    """A new API token, printed once: only its hash is stored."""
    from .admin import auth
    try:
        token = auth.create_token(args.name, args.label)
    except ValueError as error:
        raise SystemExit(str(error))
    print(token, file=out or sys.stdout)
    print('Keep this token now: it cannot be shown again. Send it as '
          '"Authorization: Bearer <token>".', file=sys.stderr)
    return 0


def reset_two_factor(args, out=None):
    """Turn a user's two-factor login off and end their sessions."""
    from .admin import auth
    try:
        auth.reset_two_factor(args.name)
    except ValueError as error:
        raise SystemExit(str(error))
    print('two-factor login of %s is off and their sessions ended; they can turn it on '
          'again from Account in the admin' % args.name, file=out or sys.stdout)
    return 0


def revoke_token(args, out=None):
    from .admin import auth
    auth.revoke_token(sys.stdin.readline().strip() if args.token == '-' else args.token)
    print('token revoked', file=out or sys.stdout)
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m chalicelib.cli',
                                     description='FAQ site tasks.')
    sub = parser.add_subparsers(dest='command', required=True)
    ct = sub.add_parser('create-table', help='create the DynamoDB table if missing, '
                        'with point-in-time recovery (and deletion protection for prod)')
    ct.add_argument('--stage', help="take TABLE_NAME from this stage of .chalice/config.json "
                    "(default: the TABLE_NAME environment variable); 'prod' also "
                    'turns on deletion protection')
    ct.add_argument('--config', help=argparse.SUPPRESS)   # another config.json (tests)
    sa = sub.add_parser('stream-arn', help="print the table's stream ARN (make deploy "
                        'exports it as TABLE_STREAM_ARN for the content_changed handler)')
    sa.add_argument('--stage', help='the table of this stage of .chalice/config.json')
    sub.add_parser('rebuild-derived', help='build listings, the search index and related '
                   'questions anew from every published entry')
    wp = sub.add_parser('import-wordpress', help='import WordPress REST JSON files '
                        'or a live site (--from-url)')
    wp.add_argument('files', nargs='*', metavar='FILE')
    wp.add_argument('--categories', action='append', metavar='FILE',
                    help='a wp/v2/faq-categories export: stored, and maps term ids to slugs')
    wp.add_argument('--from-url', metavar='URL', help='a live wp/v2/faq collection, '
                    'e.g. https://old.example/wp-json/wp/v2/faq (read 100 a page)')
    wp.add_argument('--categories-url', metavar='URL', help='its faq-categories '
                    'collection (default: beside --from-url)')
    wp.add_argument('--dry-run', action='store_true', help='print what would change; '
                    'write nothing')
    wp.add_argument('--allow-partial', action='store_true', help='exit 0 even when some '
                    'records failed (they are reported and skipped either way)')
    wp.add_argument('--from-page', type=int, default=1, metavar='N',
                    help='start at this page of --from-url (to resume)')
    wp.add_argument('--retries', type=int, default=4, metavar='N',
                    help='retries of a failed request (default 4)')
    wp.add_argument('--retry-backoff', type=float, default=1.0, metavar='SECONDS',
                    help='first wait before a retry, doubled each time (default 1)')
    wp.add_argument('--timeout', type=float, default=30.0, metavar='SECONDS',
                    help='per request (default 30)')
    ex = sub.add_parser('export-wordpress', help='write entries as WordPress REST JSON')
    ex.add_argument('--output', '-o', metavar='FILE', help='default: standard output')
    ex.add_argument('--categories-output', metavar='FILE',
                    help='also write the categories as wp/v2/faq-categories terms')
    ex.add_argument('--status', choices=('all', 'publish', 'draft'), default='all',
                    help='which entries (default all: published and drafts)')
    cu = sub.add_parser('create-user', help='create an admin user or change a password')
    cu.add_argument('name')
    cu.add_argument('--password-stdin', action='store_true',
                    help='read the password from standard input (scripts)')
    tk = sub.add_parser('create-token', help='create an API token for a user (shown once)')
    tk.add_argument('name')
    tk.add_argument('--label', default='', help='what the token is for')
    rv = sub.add_parser('revoke-token', help='revoke an API token (- reads it from stdin)')
    rv.add_argument('token')
    r2 = sub.add_parser('reset-2fa', help="turn a user's two-factor login off (a lost "
                        'phone) and end their sessions')
    r2.add_argument('name')
    args = parser.parse_args(argv)
    command = {'create-table': create_table, 'import-wordpress': import_wordpress,
               'stream-arn': stream_arn, 'rebuild-derived': rebuild_derived,
               'export-wordpress': export_wordpress, 'create-user': create_user,
               'create-token': create_token, 'revoke-token': revoke_token,
               'reset-2fa': reset_two_factor}
    return command[args.command](args)


if __name__ == '__main__':
    store.for_batch_work()          # imports and rebuilds wait for long reads
    sys.exit(main())
