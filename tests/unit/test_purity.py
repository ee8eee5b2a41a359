import re
import subprocess
import sys
from pathlib import Path

# Imports every module of the pure core, then lists what got loaded that must not be.
PROBE = """
import importlib, pkgutil, sys
import schemas, schemas.export, streams.core as core
for module in pkgutil.walk_packages(core.__path__, "streams.core."):
    importlib.import_module(module.name)
forbidden = ("faust", "mode", "aiokafka", "pydantic_settings")
bad = [m for m in sys.modules if m.split(".")[0] in forbidden]
bad += [m for m in ("streams.settings", "streams.app") if m in sys.modules]
print(",".join(bad))
sys.exit(1 if bad else 0)
"""


def test_core_and_schemas_load_no_faust_kafka_or_settings() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert result.returncode == 0, f"pure modules imported: {result.stdout} {result.stderr}"


def test_no_core_module_reads_the_environment_or_the_clock() -> None:
    # streams.settings is the only reader of the environment; time comes in with the events.
    core = Path(__file__).resolve().parents[2] / "streams" / "core"
    forbidden = re.compile(r"\bos\.environ|\bimport (?:os|time)\b|\.now\(|\.today\(")
    found = [
        f"{path.relative_to(core)}: {match.group(0)}"
        for path in sorted(core.rglob("*.py"))
        for match in forbidden.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, found
