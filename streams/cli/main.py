"""The `parley` command: run the worker, publish snippets, classify offline, export schemas."""

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from schemas.snippet import Snippet
from streams.core.moments import parse_moment


def _worker(args: argparse.Namespace, rest: list[str]) -> int:
    from streams.app import app, settings
    from streams.kafka.admin import ensure_topics
    from streams.tables import changelog_topics

    # Create the topics before Faust subscribes: a topic created during subscription can be
    # left unassigned until the next metadata refresh, minutes later.
    asyncio.run(ensure_topics(settings, changelog_topics()))
    # Faust creates its own data directory but not the parents of it.
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    sys.argv = ["parley", "worker", "--loglevel", settings.log_level, *rest]
    app.main()
    return 0


async def _publish(snippets: list[Snippet], topic: str) -> None:
    from aiokafka import AIOKafkaProducer

    from streams.cli.progress import Progress
    from streams.codec import encode_snippet
    from streams.kafka.admin import ensure_topics
    from streams.settings import get_settings

    settings = get_settings()
    await ensure_topics(settings)
    producer = AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers, acks="all", enable_idempotence=True
    )
    await producer.start()
    progress = Progress("publishing", total=len(snippets))
    try:
        pending = []
        for snippet in snippets:
            pending.append(
                await producer.send(topic, key=snippet.id.encode(), value=encode_snippet(snippet))
            )
            progress.advance()
        await asyncio.gather(*pending)
    finally:
        progress.close()
        await producer.stop()


def _cmd_publish(args: argparse.Namespace, rest: list[str]) -> int:
    from streams.cli.inputs import Defaults, Rejected, read_snippets
    from streams.settings import get_settings

    defaults = Defaults(source=args.source, url=args.url, published_at=args.published_at)
    accepted: dict[str, Snippet] = {}
    rejected: list[Rejected] = []
    duplicates = 0
    for item in read_snippets(args.paths, defaults):
        if isinstance(item, Rejected):
            rejected.append(item)
        elif item.id in accepted:
            duplicates += 1
        else:
            accepted[item.id] = item
    topic = args.topic or get_settings().topic("snippets")
    if accepted:
        asyncio.run(_publish(list(accepted.values()), topic))
    print(f"sent {len(accepted)} to {topic}, duplicates {duplicates}, rejected {len(rejected)}")
    for item in rejected:
        print(f"  rejected {item.where}: {item.reason}", file=sys.stderr)
    return 1 if rejected and not accepted else 0


def _classify_line(line: bytes, number: int) -> dict[str, Any]:
    from streams.codec import DecodeError, decode_snippet
    from streams.core.read.extract import extract_events

    try:
        snippet = decode_snippet(line)
    except DecodeError as error:
        return {"id": _id_of(line) or f"line-{number}", "error": str(error)}
    events = [event.model_dump(mode="json") for event in extract_events(snippet)]
    return {"id": snippet.id, "events": events}


def _id_of(line: bytes) -> str | None:
    try:
        payload = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    value = payload.get("id") if isinstance(payload, dict) else None
    return value if isinstance(value, str) else None


def _use_typer() -> None:
    from streams.core.read import typer
    from streams.settings import get_settings

    typer.use(get_settings().typer)


def _cmd_classify(args: argparse.Namespace, rest: list[str]) -> int:
    _use_typer()
    source = open(args.path, "rb") if args.path != "-" else sys.stdin.buffer  # noqa: SIM115
    out = sys.stdout.buffer
    try:
        with source:
            for number, line in enumerate(source, start=1):
                if line.strip():
                    out.write(orjson.dumps(_classify_line(line, number)) + b"\n")
        out.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix filters do.
        sys.stderr.close()
    return 0


def _cmd_state(args: argparse.Namespace, rest: list[str]) -> int:
    _use_typer()
    from streams.codec import DecodeError, decode_snippet
    from streams.core.fold.counterparts import joined_tables
    from streams.core.fold.folds import project_tables
    from streams.core.read.extract import extract_events

    as_of = parse_moment(args.as_of) if args.as_of else None
    source = open(args.path, "rb") if args.path != "-" else sys.stdin.buffer  # noqa: SIM115
    events = []
    rejected = 0
    with source:
        for line in source:
            if not line.strip():
                continue
            try:
                snippet = decode_snippet(line)
            except DecodeError as error:
                rejected += 1
                print(f"rejected: {error}", file=sys.stderr)
                continue
            # As of a moment, the state holds what had been published by then.
            if as_of is None or (snippet.published_at and snippet.published_at <= as_of):
                events.extend(extract_events(snippet))
    document: dict[str, object] = {"as_of": as_of.isoformat() if as_of else None}
    tables = project_tables(events)
    if not args.as_stored:
        tables = joined_tables(tables)  # type: ignore[assignment]
    for table, states in tables.items():
        document[table] = {
            key: state.model_dump(mode="json") for key, state in sorted(states.items())
        }
    sys.stdout.buffer.write(orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")
    return 1 if rejected and not events else 0


def _cmd_tail(args: argparse.Namespace, rest: list[str]) -> int:
    from streams.kafka.consumers import tail
    from streams.settings import get_settings

    try:
        asyncio.run(
            tail(
                get_settings(),
                args.types,
                from_beginning=args.from_beginning,
                as_json=args.json,
                limit=args.max,
                idle_timeout=args.idle,
            )
        )
    except ValueError as error:
        print(f"parley tail: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


def _cmd_deadletter(args: argparse.Namespace, rest: list[str]) -> int:
    from streams.kafka.consumers import read_letters, replay_letters
    from streams.settings import get_settings

    settings = get_settings()
    if args.action == "list":
        for letter in asyncio.run(read_letters(settings)):
            if args.json:
                record = {
                    "partition": letter.partition,
                    "offset": letter.offset,
                    "reason": letter.reason,
                    "source": f"{letter.source_topic}[{letter.source_partition}]",
                    "source_offset": letter.source_offset,
                    "value": letter.value.decode("utf-8", "replace"),
                }
                sys.stdout.buffer.write(orjson.dumps(record) + b"\n")
            else:
                preview = letter.value[:60].decode("utf-8", "replace").replace("\n", " ")
                print(
                    f"{letter.partition}@{letter.offset} from {letter.source_topic}"
                    f"[{letter.source_partition}]@{letter.source_offset}: {letter.reason}"
                    f" | {preview}"
                )
        return 0
    report = asyncio.run(replay_letters(settings, force=args.force))
    print(f"replayed {report.replayed}, still invalid {len(report.still_invalid)}")
    for letter, reason in report.still_invalid:
        print(f"  {letter.partition}@{letter.offset}: {reason}", file=sys.stderr)
    return 0


def _cmd_replay(args: argparse.Namespace, rest: list[str]) -> int:
    from streams.cli.progress import Progress
    from streams.kafka.history import log_size, published_by, read_log, tables_json
    from streams.settings import get_settings

    settings = get_settings()
    as_of = parse_moment(args.as_of) if args.as_of else None
    total = sum(asyncio.run(log_size(settings)).values())
    progress = Progress("replaying events", total)
    snapshot = asyncio.run(read_log(settings, progress.advance))
    progress.close()
    tables = tables_json(published_by(snapshot.events, as_of))
    document: dict[str, object] = {"as_of": as_of.isoformat() if as_of else None, **tables}
    body = orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
    if args.output == "-":
        sys.stdout.buffer.write(body)
    else:
        Path(args.output).write_bytes(body)
    keys = {name: len(states) for name, states in tables.items()}
    print(
        f"replayed {len(snapshot.events)} events ({snapshot.undecodable} undecodable) into {keys}",
        file=sys.stderr,
    )
    if args.check:
        return _check_against(args.check, tables)
    return 0


def _check_against(base_url: str, tables: dict[str, dict[str, object]]) -> int:
    """Compare the replayed tables with a running worker's; 1 if any key differs."""
    import urllib.request

    differences = 0
    for name, expected in tables.items():
        with urllib.request.urlopen(f"{base_url.rstrip('/')}/api/tables/{name}", timeout=30) as r:
            served = orjson.loads(r.read())["values"]
        for key in sorted(set(expected) | set(served)):
            if expected.get(key) != served.get(key):
                differences += 1
                print(f"differs: {name}[{key}]", file=sys.stderr)
    print(f"check against {base_url}: {differences} keys differ", file=sys.stderr)
    return 1 if differences else 0


def _cmd_schemas(args: argparse.Namespace, rest: list[str]) -> int:
    from schemas import export

    if args.check:
        out_of_date = export.stale()
        for name in out_of_date:
            print(f"out of date: schemas/json/{name}", file=sys.stderr)
        return 1 if out_of_date else 0
    for path in export.write():
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parley", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    worker = commands.add_parser("worker", help="run a Faust worker with its web view")
    worker.set_defaults(run=_worker)

    publish = commands.add_parser("publish", help="publish snippets to Kafka")
    publish.add_argument("paths", nargs="*", help="JSON Lines or text files, directories, or -")
    publish.add_argument("--source", help="source for snippets that carry none")
    publish.add_argument("--url", help="URL for snippets that carry none")
    publish.add_argument("--published-at", help="ISO-8601 time for snippets that carry none")
    publish.add_argument("--topic", help="override the snippets topic")
    publish.set_defaults(run=_cmd_publish)

    classify = commands.add_parser("classify", help="JSON Lines snippets in, events out; no Kafka")
    classify.add_argument("path", nargs="?", default="-", help="input file (default: stdin)")
    classify.set_defaults(run=_cmd_classify)

    state = commands.add_parser("state", help="JSON Lines snippets in, every table out; no Kafka")
    state.add_argument("path", nargs="?", default="-", help="input file (default: stdin)")
    state.add_argument("--as-of", help="ISO-8601 time: the state from what was published by then")
    state.add_argument(
        "--as-stored",
        action="store_true",
        help="negotiations as the tables store them, by process key; by default they are shown "
        "as a reader sees them: a process keyed by one side (or by a side and a mediator) joined "
        "to the only two-sided process it belongs to",
    )
    state.add_argument("--joined", action="store_true", help="the default (kept for old scripts)")
    state.set_defaults(run=_cmd_state)

    tail = commands.add_parser("tail", help="print events as they arrive on the event topics")
    tail.add_argument("types", nargs="*", help="event types (default: all)")
    tail.add_argument("--from-beginning", action="store_true", help="start at offset zero")
    tail.add_argument("--json", action="store_true", help="one JSON event per line")
    tail.add_argument("--max", type=int, help="stop after this many events")
    tail.add_argument("--idle", type=float, help="stop after this many quiet seconds")
    tail.set_defaults(run=_cmd_tail)

    deadletter = commands.add_parser("deadletter", help="list or replay rejected messages")
    deadletter.add_argument("action", choices=["list", "replay"])
    deadletter.add_argument("--json", action="store_true", help="list as JSON lines")
    deadletter.add_argument(
        "--force", action="store_true", help="replay letters that are still invalid too"
    )
    deadletter.set_defaults(run=_cmd_deadletter)

    replay = commands.add_parser(
        "replay", help="rebuild every table from the event topics, from offset zero"
    )
    replay.add_argument("--output", default="-", help="file for the tables (default: stdout)")
    replay.add_argument("--as-of", help="ISO-8601 time: only events published by then")
    replay.add_argument(
        "--check", metavar="URL", help="compare with a running worker's tables, e.g. :6066"
    )
    replay.set_defaults(run=_cmd_replay)

    schemas = commands.add_parser("schemas", help="export JSON Schemas to schemas/json/")
    schemas.add_argument("--check", action="store_true", help="fail if exports are stale")
    schemas.set_defaults(run=_cmd_schemas)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Everything after `worker` belongs to Faust's own worker command.
    if arguments[:1] == ["worker"]:
        args, rest = build_parser().parse_args(arguments[:1]), arguments[1:]
    else:
        args, rest = build_parser().parse_args(arguments), []
    return int(args.run(args, rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
