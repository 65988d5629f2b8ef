"""Modules that load on first use instead of when ``app.py`` is imported.

A Lambda instance pays for every import on its cold start; one that serves
only public pages never needs the admin or the WordPress API.

Not the standard library's ``importlib.util.LazyLoader``: before Python
3.12 it marks a module loaded *before* running it, so a second thread that
reads an attribute meanwhile (``chalice local`` serves each request on its
own thread) finds a half-executed module and fails with AttributeError.
Here the first use imports the module under a lock, and ``import`` itself
makes every other thread wait for the module to finish.
"""
import importlib
import threading


class LazyModule:
    """Stands for the module ``name`` until an attribute is read from it."""

    def __init__(self, name):
        self._name = name
        self._module = None
        self._lock = threading.Lock()

    def __getattr__(self, attribute):
        module = self._module
        if module is None:
            with self._lock:
                if self._module is None:
                    self._module = importlib.import_module(self._name)
                module = self._module
        return getattr(module, attribute)

    def __repr__(self):
        return '<lazy module %r%s>' % (self._name, '' if self._module else ', not loaded')


def lazy_module(name):
    """The module ``name``, imported when one of its attributes is first read."""
    return LazyModule(name)


def names_on_first_use(package, on_first_use, namespace):
    """A package's ``__getattr__`` (PEP 562) for names that load on first use.

    ``on_first_use`` maps each of the package's modules to the names it
    gives; the first read of one imports its module (a cold start that
    never needs it never pays for it) and keeps the name in ``namespace``
    (the package's globals), so later reads are plain lookups.  Returns the
    function and the names, for ``__all__``.
    """
    home = {name: module for module, names in on_first_use.items() for name in names}

    def __getattr__(name):
        if name not in home:
            raise AttributeError('module %r has no attribute %r' % (package, name))
        value = getattr(importlib.import_module('.' + home[name], package), name)
        namespace[name] = value
        return value
    return __getattr__, sorted(home)
