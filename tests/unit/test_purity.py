import subprocess
import sys


def test_core_and_schemas_load_no_faust_kafka_or_settings() -> None:
    code = (
        "import sys, streams.core.negotiations, schemas, schemas.export;"
        "import importlib, pkgutil, streams.core as c;"
        "[importlib.import_module('streams.core.' + m.name) for m in pkgutil.iter_modules(c.__path__)];"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('faust', 'mode', 'aiokafka', 'pydantic_settings')"
        " or m in ('streams.settings', 'streams.app')];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"pure modules imported: {result.stdout} {result.stderr}"
