"""Ending a child process politely, then firmly: shared by the test and benchmark harnesses."""

import subprocess


def stop_process(process: subprocess.Popen[bytes] | None, grace: float = 30) -> None:
    """SIGTERM, up to `grace` seconds to finish, then SIGKILL; a process already gone is left."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
