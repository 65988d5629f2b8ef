"""Command-line tasks: provisioning the table and importing WordPress content.

    python -m chalicelib.cli create-table
    python -m chalicelib.cli import-wordpress export.json [more.json ...]
"""
import argparse
import json
import sys

from . import storage, wordpress
from .config import get_settings


def _load_json(path):
    try:
        with open(path, encoding='utf-8') as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        raise SystemExit('%s: cannot read WordPress JSON: %s' % (path, error))


def category_map(paths):
    """WordPress ``faq-categories`` term id -> slug, from terms exports."""
    mapping = {}
    for path in paths or ():
        for term in wordpress.records_from_json(_load_json(path)):
            if isinstance(term, dict) and isinstance(term.get('id'), int) \
                    and isinstance(term.get('slug'), str):
                mapping[term['id']] = term['slug']
    return mapping


def import_wordpress(args, out=None):
    out = out or sys.stdout
    settings = get_settings()
    repository = storage.get_repository()
    categories = category_map(args.categories)
    report = wordpress.ImportReport()
    for path in args.files:
        wordpress.import_records(repository, wordpress.records_from_json(_load_json(path)),
                                 settings.old_faq_base, categories, report)
    for label, reason in report.failed:
        print('skipped %s: %s' % (label, reason), file=out)
    print(report.summary(), file=out)
    return 1 if report.failed and not (report.created or report.updated
                                       or report.unchanged) else 0


def create_table(args, out=None):
    out = out or sys.stdout
    name = get_settings().table_name
    created = storage.create_table(storage.make_client(), name)
    print('%s table %s' % ('created' if created else 'kept existing', name), file=out)
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m chalicelib.cli',
                                     description='FAQ site tasks.')
    sub = parser.add_subparsers(dest='command', required=True)
    sub.add_parser('create-table', help='create the DynamoDB table if missing')
    wp = sub.add_parser('import-wordpress', help='import WordPress REST JSON files')
    wp.add_argument('files', nargs='+', metavar='FILE')
    wp.add_argument('--categories', action='append', metavar='FILE',
                    help='a wp/v2/faq-categories export, to map term ids to slugs')
    args = parser.parse_args(argv)
    command = {'create-table': create_table, 'import-wordpress': import_wordpress}
    return command[args.command](args)


if __name__ == '__main__':
    sys.exit(main())
