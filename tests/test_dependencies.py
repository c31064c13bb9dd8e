"""pyproject.toml declares exactly what the code imports: nothing missing, nothing left over.

An import that works only because another package happens to pull its distribution in breaks on
the next upgrade of that package; a declared dependency nothing uses is one more thing to audit.
Imports are read with `ast` (nothing is run) from the project's packages, their migrations and
the tests; a name in the settings (INSTALLED_APPS, MIDDLEWARE, backends) counts as a use.
"""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
FIRST_PARTY = {*SETUPTOOLS["packages"], "tests"}

# Declared but, by their nature, never imported by name: what each is for.
USED_WITHOUT_IMPORT = {
    "gunicorn": "the production web server, a command (scripts/run, Dockerfile)",
    "psycopg": "Django's PostgreSQL backend loads it (DATABASE_URL postgres://...)",
    "linkify-it-py": "markdown-it-py's linkify option loads it (forum/rendering.py)",
    "orjson": "elasticsearch-py's OrjsonSerializer loads it (search/client.py)",
    "ruff": "make lint",
    "bandit": "make lint",
    "pip-audit": "make lint (scripts/audit)",
    "pytest-django": "a pytest plugin",
    "pytest-playwright": "a pytest plugin (the browser journeys' fixtures)",
}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {normalise(re.match(r"[A-Za-z0-9._-]+", line).group(0)) for line in requirements}


RUNTIME = declared(PYPROJECT["project"]["dependencies"])
DEV = declared(PYPROJECT["project"]["optional-dependencies"]["dev"])


def python_files(folder: Path):
    return [p for p in folder.rglob("*.py") if "node_modules" not in p.parts]


def project_folders() -> list[Path]:
    package_dir = SETUPTOOLS.get("package-dir", {})
    return [REPO / package_dir.get(package, package) for package in SETUPTOOLS["packages"]]


def imported_tops(paths) -> dict[str, set[str]]:
    """Top-level names imported from outside the project and the standard library -> where."""
    found: dict[str, set[str]] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in FIRST_PARTY and top != "__future__":
                    found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def settings_tops() -> set[str]:
    """Top-level names of the dotted paths the settings name (apps, middleware, backends)."""
    tops = set()
    for path in (REPO / "site" / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and re.fullmatch(r"[a-z_][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+", node.value):
                tops.add(node.value.split(".")[0])
    return tops


def distributions(tops) -> dict[str, set[str]]:
    """Import name -> the installed distributions that provide it."""
    provided = packages_distributions()
    return {top: {normalise(d) for d in provided.get(top, [])} for top in tops}


def undeclared(imports: dict[str, set[str]], allowed: set[str]) -> dict[str, set[str]]:
    providers = distributions(imports)
    return {top: providers[top] for top in imports if not providers[top] & allowed}


def test_the_project_code_imports_only_runtime_dependencies():
    imports = imported_tops(path for folder in project_folders() for path in python_files(folder))

    missing = undeclared(imports, RUNTIME)

    assert missing == {}, f"imported by the project but not in [project] dependencies: {missing}"


def test_the_tests_import_only_declared_dependencies():
    imports = imported_tops(python_files(REPO / "tests"))

    missing = undeclared(imports, RUNTIME | DEV)

    assert missing == {}, f"imported by the tests but not declared (add them to the dev extra): {missing}"


def test_every_declared_dependency_is_used():
    code = [path for folder in project_folders() for path in python_files(folder)]
    tops = {*imported_tops([*code, *python_files(REPO / "tests")]), *settings_tops()}
    used = set().union(*distributions(tops).values())

    unused = sorted((RUNTIME | DEV) - used - set(USED_WITHOUT_IMPORT))

    assert unused == [], f"declared in pyproject.toml but never imported: {unused}"
    assert set(USED_WITHOUT_IMPORT) <= RUNTIME | DEV, "USED_WITHOUT_IMPORT names an undeclared package"


def test_the_maintained_elasticsearch_dsl_path_is_imported():
    imports = imported_tops([*python_files(REPO / "search"), *python_files(REPO / "tests")])

    assert "elasticsearch_dsl" not in imports, imports.get("elasticsearch_dsl")
    assert "elasticsearch-dsl" not in RUNTIME | DEV
