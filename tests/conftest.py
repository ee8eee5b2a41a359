"""Every test starts from the core's own typing mode, the rules.

Importing `streams.app` (adapter tests) or running the CLI applies the settings' mode, the
learned typer's `both`, for the whole process (`typer.use`); without this, a test's reading
would depend on which modules were collected or which tests ran before it.
"""

from collections.abc import Iterator

import pytest

from streams.core.read import typer


@pytest.fixture(autouse=True)
def _core_typing_mode() -> Iterator[None]:
    with typer.mode("rules"):
        yield
