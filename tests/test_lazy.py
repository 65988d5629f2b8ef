"""Lazily loaded modules: nothing imported until used, then the whole module
for every thread, even when several threads use it first at once."""
import sys
import threading

from chalicelib.lazy import lazy_module


def slow_module(tmp_path, name):
    """A module that notes in ``ran`` that it ran, and takes a while to finish."""
    (tmp_path / (name + '.py')).write_text(
        'import pathlib, time\npathlib.Path(%r).touch()\ntime.sleep(0.3)\nVALUE = 42\n'
        % str(tmp_path / 'ran'))
    sys.path.insert(0, str(tmp_path))


def test_a_module_loads_on_first_use_only(tmp_path):
    slow_module(tmp_path, 'lazy_probe_once')
    try:
        module = lazy_module('lazy_probe_once')
        assert not (tmp_path / 'ran').exists()
        assert module.VALUE == 42 and (tmp_path / 'ran').exists()
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop('lazy_probe_once', None)


def test_threads_using_it_first_at_once_all_see_the_whole_module(tmp_path):
    slow_module(tmp_path, 'lazy_probe_threads')
    try:
        module = lazy_module('lazy_probe_threads')
        seen, start = [], threading.Barrier(8)

        def use():
            start.wait()
            try:
                seen.append(module.VALUE)
            except AttributeError as error:
                seen.append(error)
        threads = [threading.Thread(target=use) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert seen == [42] * 8
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop('lazy_probe_threads', None)
