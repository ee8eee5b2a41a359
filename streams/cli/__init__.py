"""The `parley` command line: `parley` (console script) or `python -m streams.cli`."""
