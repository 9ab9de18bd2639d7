"""The code's shape: README's architecture tree names every module, the layers hold, nothing grows too big."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def readme_tree() -> set[str]:
    """Return the module paths (relative to generator/) drawn in README's architecture tree."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Architecture", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.S).group(1)
    modules, folder = set(), ""
    for line in block.splitlines():
        entry = re.match(r"^(\s*)(\S+)", line)
        if not entry or entry.group(2) == "generator/":
            continue
        name = entry.group(2)
        if name.endswith("/"):
            folder = name
            modules.add(folder + "__init__.py")  # a package is drawn as its folder
        elif name.endswith(".py"):
            modules.add((folder if entry.group(1) != "  " else "") + name)
    return modules


def package_modules() -> set[str]:
    """Return every Python module under generator/, relative to it."""
    return {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def test_readme_architecture_names_every_module_and_no_other():
    drawn, real = readme_tree(), package_modules()
    assert real - drawn == set(), "modules missing from README's architecture tree"
    assert drawn - real == set(), "README's architecture tree names modules that do not exist"


def oversized() -> list[str]:
    """Return the modules and functions over the size limits, as 'path:line name lines'."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(ROOT)} {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} {length} lines")
    return found


def test_no_module_over_400_lines_and_no_function_over_50():
    assert oversized() == []


def test_the_layers_contract_holds():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
