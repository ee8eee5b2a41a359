"""The operator web view: HTML pages under /ui and their JSON under /api/ui, served by the worker.

`pages` registers the Faust views; every other module here is plain code the views call:
`html` renders (escaping every value), `charts` draws SVG, `log` reads the Kafka topics,
`data` reads the tables (with time travel), `health` measures lag, and `openapi` documents it.
"""
