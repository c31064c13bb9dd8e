"""scripts/check-imports (run by `make lint`): the project's modules import each other one way only."""

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHECK = REPO / "scripts" / "check-imports"


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECK), *args], cwd=REPO, capture_output=True, text=True, timeout=60
    )


def test_the_project_has_no_import_cycles():
    result = run_check()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no import cycles" in result.stdout


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


PYPROJECT = """
    [tool.setuptools]
    package-dir = { "shop" = "src" }
    packages = ["shop"]
"""


def test_a_cycle_hidden_in_a_function_is_found_and_named(tmp_path):
    write(
        tmp_path,
        {
            "pyproject.toml": PYPROJECT,
            "src/__init__.py": "",
            "src/models.py": "def serve():\n    from .views import show\n    return show()\n",
            "src/views.py": "from shop.selectors import read\n\ndef show():\n    return read()\n",
            "src/selectors.py": "from . import models\n\ndef read():\n    return models\n",
            "src/tasks.py": "import shop.selectors\n",  # depends on the cycle, is not in it
        },
    )

    result = run_check("--root", str(tmp_path))

    assert result.returncode == 1
    assert "cycle: shop.models -> shop.views -> shop.selectors -> shop.models" in result.stdout
    assert "shop.tasks" not in result.stdout


def test_importing_a_module_runs_its_package_which_may_close_a_cycle(tmp_path):
    write(
        tmp_path,
        {
            "pyproject.toml": PYPROJECT,
            "src/__init__.py": "",
            "src/models/__init__.py": "from .pages import Page\n",
            "src/models/pages.py": "from ..selectors import read\n\nclass Page:\n    pass\n",
            "src/models/limits.py": "MAX = 6\n",
            "src/selectors.py": "from .models.limits import MAX\n\ndef read():\n    return MAX\n",
        },
    )

    result = run_check("--root", str(tmp_path))

    assert result.returncode == 1
    assert "shop.models -> shop.models.pages -> shop.selectors -> shop.models" in result.stdout


def test_one_way_imports_pass(tmp_path):
    write(
        tmp_path,
        {
            "pyproject.toml": PYPROJECT,
            "src/__init__.py": "",
            "src/models.py": "from . import selectors\n",
            "src/selectors.py": "import json\n",
            "src/views.py": "from .models import selectors\nfrom . import models\n",
        },
    )

    result = run_check("--root", str(tmp_path))

    assert result.returncode == 0, result.stdout
    assert "no import cycles among 4 modules" in result.stdout
