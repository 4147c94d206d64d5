"""The demo loads on the runtime requirements alone (issue 8): the year is replayed by passing each
event's moment to the services, not by moving the clock, and notifications are silenced by the
notification service, not by patching modules. time_machine and unittest.mock are for tests."""

import ast
import os
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEST_ONLY = ("time_machine", "unittest.mock", "unittest")


def runtime_modules():
    """The project's Python files outside the tests (the virtualenv and other hidden folders skipped)."""
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if not name.startswith(".") and name != "tests"]
        for name in files:
            if name.endswith(".py") and name != "conftest.py":
                yield pathlib.Path(folder) / name


def imported_names(path: pathlib.Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_runtime_module_imports_time_machine_or_mock():
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_names(path) & set(TEST_ONLY))
        for path in runtime_modules()
        if imported_names(path) & set(TEST_ONLY)
    }
    assert offenders == {}


def test_time_machine_is_a_development_requirement_only():
    def requirements(name: str) -> set[str]:
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        return {
            re.split(r"[=<>\[ ]", line, maxsplit=1)[0].lower() for line in lines if line and line[0].isalpha()
        }

    assert "time-machine" not in requirements("requirements.txt")
    assert "time-machine" in requirements("requirements-dev.txt")
