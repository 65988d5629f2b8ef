"""What the store raises that callers handle."""


class StorageError(Exception):
    """Base class of the storage errors callers handle."""


class DuplicateId(StorageError):
    pass


class NotFound(StorageError):
    pass


class SlugTaken(StorageError):
    def __init__(self, slug):
        self.slug = slug
        super().__init__('The slug %r is already used by another entry.' % slug)


class VersionConflict(StorageError):
    def __init__(self, current):
        self.current = current
        super().__init__('The entry changed since it was read; current version is %s.'
                         % (current.version if current else 'none (deleted)'))
