"""The DynamoDB store: the only code that talks to DynamoDB.

Other packages import what they need from here, never from the modules
inside: the client (:mod:`.client`), item mapping (:mod:`.items`), entries
and categories (:mod:`.entries`), derived artifacts with their manifest
(:mod:`.artifacts`), the audit log (:mod:`.audit`), admin accounts
(:mod:`.accounts`), login throttle counters (:mod:`.throttle`), what
readers tell the site (:mod:`.readers`: votes, comments, questions), the
search log (:mod:`.searchlog`, read back by :mod:`.searchdays`), and the
table's definition and provisioning (:mod:`.provisioning`).  The repository
is made once per Lambda container, on first use; the others share its
client.

The modules only the admin, the command line and deployment use load on
first use of a name they define (``ON_FIRST_USE``), so that a cold start
that serves pages never imports them.
"""
from ..lazy import names_on_first_use
from .artifacts import EMPTY, ArtifactMissing, ArtifactStore, Manifest, manifest_from_item
from .client import (BATCH_READ_TIMEOUT, REQUEST_READ_TIMEOUT, dynamodb_data_loader, guarded,
                     make_client)
from .entries import FIRST_LOCAL_ID, FaqRepository, Revision, local_writes
from .errors import DuplicateId, NotFound, SlugTaken, StorageError, VersionConflict

ON_FIRST_USE = {
    'accounts': ('AccountStore', 'ApiToken', 'User'),
    'audit': ('AuditRecord', 'MAX_FAILURE_ADDRESSES', 'UNKNOWN_USER'),
    'throttle': ('LoginThrottle',),
    'readers': ('Comment', 'DayVotes', 'Question', 'ReaderStore', 'comment_id_ok',
                'question_id_ok'),
    'searchlog': ('SearchLog',),
    'searchdays': ('Rollup', 'SearchDays'),
    'provisioning': ('TTL_ATTRIBUTE', 'create_table', 'protect_table', 'table_definition'),
}
__getattr__, _LATER = names_on_first_use(__name__, ON_FIRST_USE, globals())
__all__ = _LATER + [
    'ArtifactMissing', 'ArtifactStore', 'EMPTY', 'Manifest', 'get_artifacts',
    'manifest_from_item', 'DuplicateId', 'FIRST_LOCAL_ID', 'FaqRepository', 'NotFound', 'Revision', 'SlugTaken',
    'StorageError', 'VersionConflict', 'dynamodb_data_loader', 'for_batch_work',
    'get_accounts', 'get_readers', 'get_repository', 'get_search_days', 'get_search_log',
    'get_throttle', 'guarded', 'local_writes', 'make_client',
]


_repository = None
_read_timeout = REQUEST_READ_TIMEOUT   # of the repository's client, when it is made


def get_repository():
    """The repository for this Lambda container, created on first use."""
    global _repository
    if _repository is None:
        from ..settings import get_settings
        _repository = FaqRepository(make_client(_read_timeout), get_settings().table_name)
    return _repository


def for_batch_work():
    """The repository, when this process makes it, waits for long reads
    (the command line: imports and full rebuilds read page after page)."""
    global _read_timeout
    _read_timeout = BATCH_READ_TIMEOUT


def _on_the_repository(kind):
    """A ``kind`` of store on the repository's client and table."""
    repository = get_repository()
    return kind(repository.client, repository.table_name)


def get_artifacts():
    """The store of derived artifacts, on the same client and table."""
    return _on_the_repository(ArtifactStore)


def get_accounts():
    """The account store, on the same client and table as the repository."""
    from .accounts import AccountStore
    return _on_the_repository(AccountStore)


def get_throttle():
    """The login throttle's counters, on the same client and table."""
    from .throttle import LoginThrottle
    return _on_the_repository(LoginThrottle)


def get_readers():
    """Readers' votes, comments and questions, on the same client and table."""
    from .readers import ReaderStore
    return _on_the_repository(ReaderStore)


def get_search_log():
    """The search log's counts (every search), on the same client and table."""
    from .searchlog import SearchLog
    return _on_the_repository(SearchLog)


def get_search_days():
    """The search log read back (editors' screens), on the same client and table."""
    from .searchdays import SearchDays
    return _on_the_repository(SearchDays)
