"""A Kafka broker of a test's own (scripts/kafka on free ports, in the test's directory), for
the tests that stop, restart or cut it; the `broker` fixture in conftest starts one."""

import os
import subprocess
from pathlib import Path

from tests.integration.conftest import ROOT, _free_port


class PrivateBroker:
    """A scripts/kafka broker with its own ports and home, for tests that stop it."""

    def __init__(self, home: Path) -> None:
        self.port, self.controller_port = _free_port(), _free_port()
        while self.controller_port == self.port:
            self.controller_port = _free_port()
        self.env = {
            key: value for key, value in os.environ.items() if key != "KAFKA_BOOTSTRAP_SERVERS"
        }
        self.env.update(
            PARLEY_KAFKA_PORT=str(self.port),
            PARLEY_KAFKA_CONTROLLER_PORT=str(self.controller_port),
            PARLEY_KAFKA_HOME=str(home),
            PARLEY_KAFKA_STOP_TIMEOUT="20",
        )

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def run(self, command: str) -> None:
        result = subprocess.run(
            [str(ROOT / "scripts" / "kafka"), command],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, f"scripts/kafka {command}:\n{result.stdout}{result.stderr}"
