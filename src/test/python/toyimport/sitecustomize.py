"""Let CPython import `.toy` modules, as Toy does.

Toy's `import m` finds `m.toy` beside the importing script; CPython only looks
for `m.py`. The oracle (check_expectations.py) puts this directory on
PYTHONPATH, so this file is imported at start-up and adds `.toy` to the source
suffixes before any path finder is created. Nothing else changes.
"""
import importlib.machinery

if ".toy" not in importlib.machinery.SOURCE_SUFFIXES:
    importlib.machinery.SOURCE_SUFFIXES.append(".toy")
