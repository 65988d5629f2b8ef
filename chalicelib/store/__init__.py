"""The DynamoDB store: the only code that talks to DynamoDB.

Other packages import what they need from here, never from the modules
inside: the client (:mod:`.client`), item mapping (:mod:`.items`), entries
and categories (:mod:`.entries`), admin accounts (:mod:`.accounts`) and the
table's definition and provisioning (:mod:`.provisioning`), and derived
artifacts with their manifest (:mod:`.artifacts`).  The repository
and account store are made once per Lambda container, on first use.
"""
from .accounts import AccountStore, ApiToken, User
from .artifacts import EMPTY, ArtifactMissing, ArtifactStore, Manifest, manifest_from_item
from .client import dynamodb_data_loader, guarded, make_client
from .entries import (FIRST_LOCAL_ID, AuditRecord, FaqRepository, Revision,
                      local_writes)
from .errors import DuplicateId, NotFound, SlugTaken, StorageError, VersionConflict
from .provisioning import TTL_ATTRIBUTE, create_table, protect_table, table_definition

__all__ = [
    'AccountStore', 'ApiToken', 'ArtifactMissing', 'ArtifactStore', 'AuditRecord', 'EMPTY',
    'Manifest', 'get_artifacts', 'manifest_from_item', 'DuplicateId', 'FIRST_LOCAL_ID',
    'FaqRepository', 'NotFound', 'Revision', 'SlugTaken', 'StorageError', 'TTL_ATTRIBUTE',
    'User', 'VersionConflict', 'create_table', 'dynamodb_data_loader', 'get_accounts',
    'get_repository', 'guarded', 'local_writes', 'make_client', 'protect_table',
    'table_definition',
]

_repository = None


def get_repository():
    """The repository for this Lambda container, created on first use."""
    global _repository
    if _repository is None:
        from ..settings import get_settings
        _repository = FaqRepository(make_client(), get_settings().table_name)
    return _repository


def get_artifacts():
    """The store of derived artifacts, on the same client and table."""
    repository = get_repository()
    return ArtifactStore(repository.client, repository.table_name)


def get_accounts():
    """The account store, on the same client and table as the repository."""
    repository = get_repository()
    return AccountStore(repository.client, repository.table_name)
