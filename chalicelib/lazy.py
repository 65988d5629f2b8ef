"""Modules that load on first use instead of when ``app.py`` is imported.

A Lambda instance pays for every import on its cold start; one that serves
only public pages never needs the admin or the WordPress API.  This is the
standard library's ``importlib.util.LazyLoader`` recipe.
"""
import importlib.util
import sys


def lazy_module(name):
    """The module ``name``, executed when one of its attributes is first read."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
