import subprocess
import sys

# Imports every module of the pure core, then lists what got loaded that must not be.
PROBE = """
import importlib, pkgutil, sys
import schemas, schemas.export, streams.core as core
for module in pkgutil.iter_modules(core.__path__):
    importlib.import_module("streams.core." + module.name)
forbidden = ("faust", "mode", "aiokafka", "pydantic_settings")
bad = [m for m in sys.modules if m.split(".")[0] in forbidden]
bad += [m for m in ("streams.settings", "streams.app") if m in sys.modules]
print(",".join(bad))
sys.exit(1 if bad else 0)
"""


def test_core_and_schemas_load_no_faust_kafka_or_settings() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert result.returncode == 0, f"pure modules imported: {result.stdout} {result.stderr}"
