"""Whatever bytes arrive, decoding answers with a record or a reason, never another exception.

JSON is generated with the standard library, so integers beyond 64 bits reach the decoder too.
"""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from streams import codec
from streams.web import ingest

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
snippet_like = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "text": st.text() | json_values,
        "source": json_values,
        "url": json_values,
        "published_at": st.text(max_size=30) | json_values,
        "language": json_values,
    },
)


@settings(max_examples=1500, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_give_a_reason(raw: bytes) -> None:
    try:
        codec.decode_snippet(raw)
    except codec.DecodeError as error:
        assert str(error)


@settings(max_examples=1500, deadline=None)
@given(snippet_like)
def test_arbitrary_snippet_shaped_json_decodes_or_gives_a_reason(payload: dict) -> None:
    try:
        snippet = codec.decode_snippet(json.dumps(payload).encode())
    except codec.DecodeError as error:
        assert str(error)
    else:
        assert snippet.text.strip() and snippet.id


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_http_bodies_parse_and_validate_or_give_a_reason(body: bytes) -> None:
    try:
        payloads = ingest.parse_body(body)
    except ingest.BadBody as error:
        assert str(error)
        return
    snippets, errors = ingest.validate(payloads)
    assert len(snippets) + len({e.index for e in errors}) == len(payloads)
