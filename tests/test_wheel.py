"""The package installs without the repository: a wheel built from the checkout, installed without -e into a scratch
folder, runs `python -m physics ledger --json` from another directory (data files ship inside the package and are
read with importlib.resources)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_runs_the_cli_elsewhere(tmp_path):
    wheels, site, elsewhere, src = (tmp_path / d for d in ("wheels", "site", "elsewhere", "src"))
    elsewhere.mkdir()
    # build from a copy of what the wheel is made of, so the build leaves nothing behind in the checkout
    shutil.copytree(ROOT / "physics", src / "physics", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "--disable-pip-version-check", "-q", "-w", str(wheels), str(src)],
                           capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("physics-*.whl")
    inst = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                           "--disable-pip-version-check", "--target", str(site), str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert inst.returncode == 0, inst.stderr[-2000:]
    assert (site / "physics" / "data" / "paper_values.yaml").is_file()
    assert (site / "physics" / "data" / "limits" / "constant_limits.csv").is_file()
    # run from a folder that is neither the checkout nor the install; the scratch install comes first on the path,
    # and the editable checkout (if any) is kept out by isolating the interpreter's path to site-packages + scratch
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["PYTHONPATH"] = str(site)
    env["PYTHONNOUSERSITE"] = "1"
    probe = subprocess.run([sys.executable, "-c", "import physics, sys; print(physics.__file__)"],
                           capture_output=True, text=True, env=env, cwd=elsewhere, timeout=60)
    assert probe.returncode == 0 and probe.stdout.strip().startswith(str(site)), (probe.stdout, probe.stderr)
    run = subprocess.run([sys.executable, "-m", "physics", "ledger", "--json"], capture_output=True, text=True,
                         env=env, cwd=elsewhere, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = json.loads(run.stdout)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    assert len(rows) >= 70 and all("provenance" in r and "uses" in r for r in rows)
