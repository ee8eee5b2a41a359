"""Statements: reporting verbs and verbal acts whose speaker is identified (not media/anonymous)."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from streams.core.lexicon import alternation, compile_words, load, word_pattern
from streams.core.read.gates import AnyCase, gated
from streams.core.spans import Spans

_LEX = load("speech")
_VERB_GROUPS: dict[str, dict[str, object]] = _LEX["verbs"]
# One named group per CAMEO root ("c01", "c13", ...) so the match says which act it is.
_VERBS = gated(
    r"(?<![\w-])(?:"
    + "|".join(
        f"(?P<c{code}>{alternation(list(group['patterns']))})"  # type: ignore[call-overload]
        for code, group in _VERB_GROUPS.items()
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)
_ATTRIBUTION = gated(word_pattern(_LEX["attribution"]), re.IGNORECASE)
_MEDIA = compile_words(_LEX["media"])
_ANONYMOUS = compile_words(_LEX["anonymous"])
_DOCUMENTS = compile_words(_LEX["documents"])
_EXCLUDE = gated(word_pattern(_LEX["exclude"]), re.IGNORECASE)
_PRONOUNS = frozenset(_LEX["pronouns"])
_PASSIVE = frozenset(_LEX["passive"])
_TRAILING = frozenset(_LEX["trailing"])
_OPENERS = frozenset(_LEX["clause_openers"])
# A clause end: a mark, or a dash between spaces. Written to open with one character set (after
# a space, the dash must follow), so that the engine skips to a candidate: "[,;:“”\"()—–]|\s-\s",
# an alternation of a set and a class, is tried at every position.
_CLAUSE_END = re.compile(r"[,;:“”\"()—–\s](?:(?<!\s)|-\s)")
_WORD = re.compile(r"[\w’'.-][\w’'.-]*")  # "[\w’'.-]+", opening with its character set
_OPEN_QUOTE = re.compile(r"^\s*[\"“‘«]")
_SPEAKER_WORDS = 6
# An appositive that relays the words of its head: "An official, cited by a news agency, said".
_RELAY = re.compile(r"\s*(?:cited|quoted|speaking|writing|interviewed)\b", re.IGNORECASE)
# A relative clause after the speaker's head: "Both delegations, which signed the accord, said".
_RELATIVE = re.compile(r"\s*(?:who|which|whose|whom)\b", re.IGNORECASE)
# A participle's phrase between commas is no apposition naming a speaker: "The army, quoting
# its commanders, said" (the head speaks); "Shells hit X, killing four, said Colonel Y" (the
# speaker follows the verb: `_after_participle`).
_PARTICIPIAL = re.compile(r"\s*[a-z]+ing\s")
# A discourse aside between commas: "The rebels, for their part, insist": the head is the speaker.
_ASIDE = re.compile(r"\s*(?:" + alternation(_LEX["asides"]) + r")\s*$", re.IGNORECASE)
# An apposition that describes a named head: "the Eastern Chad Monitoring Network, an
# independent group of lawyers, said": the name is the speaker, not "an independent group".
_DESCRIBED = re.compile(r"\s*an?\s+[a-z]")
_NAMED_HEAD = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)+\s*$")
# An apposition that gives a named person's role: "Colonel Ana Ruiz, the army's spokeswoman,
# said", "Ivo Marin, head of the monitoring group, said": the person is the speaker.
_ROLE = re.compile(
    r"\s*(?:(?:the|its|their|his|her|a|an)\s+)?(?:[\w’'.-]+\s+){0,5}?(?:"
    + alternation([*_LEX["role_appositives"], *load("titles")["titles"]])
    + r")(?:\s+(?:of|for|at|to|in)\s+[\w’' .-]{1,60}?)?\s*$",
    re.IGNORECASE,
)
# A reduced relative clause: "The agreement, reached after months of talks, calls for": the
# participle describes its head, which is the subject (lower case: "Ahmed" is a name).
_REDUCED = re.compile(
    r"\s*(?:[a-z][\w’'-]*ed|made|drawn|written|taken|given|held|struck|won|known|led|run|built"
    r"|set|seen|sent|chosen)\s"
)
# "An official was quoted by a news agency as saying": the agency only passes the words on.
_RELAYED = re.compile(
    r"\s+(?:was|were|is|are)\s+(?:quoted|cited)\b(?:\s+\S+){0,6}?\s+as\s*$", re.IGNORECASE
)
# "The Ministry is pleased to announce": the frame of a body's own announcement is no part of
# its name.
_PLEASED = re.compile(
    r"\s+(?:is|are)\s+(?:pleased|happy|proud|glad|delighted)\s+to\s*$", re.IGNORECASE
)
# The verbs each of the three patterns above and below needs (`_may_hold`): most texts hold none.
_RELAY_VERBS = ("quoted", "cited")
_PLEASED_WORDS = ("pleased", "happy", "proud", "glad", "delighted")
_SHOW_VERBS = ("showed", "shows", "filmed", "broadcast", "aired")


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern that needs one of `words` cannot match `text`.
    In ASCII, IGNORECASE compares lower-cased letters; elsewhere it matches letters str.lower
    keeps apart ("ſ" and "s"), so the pattern is left to run."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in words)


_INVERSION = frozenset(_LEX["inversion_verbs"])
_NOUN_BEFORE = frozenset(_LEX["noun_before"])
_EVENTS = frozenset(_LEX["events_not_speakers"])
# "supported by Rwandan troops": backing, not words.
_BACKING = frozenset({"supported", "opposed", "committed", "offered"})
# The agent of a passive speech verb: "was welcomed by the EU", "were rejected by both sides".
_AGENT = re.compile(
    r"\s+by\s+((?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:on|in|at|as|after|before|during|for|to|and|who|which|that)\b))",
    re.IGNORECASE,
)
# A subject opened by a determiner or a possessive: "The attack", "Sunday's clashes".
_DETERMINER = re.compile(
    r"(?:the|this|that|these|those|a|an|its|their|[\w-]+['’]s?)$", re.IGNORECASE
)
# The word before a cue.
_PREVIOUS = re.compile(r"([\w’'-]+)\s*$")
_BY_SPEAKER = re.compile(
    r"(?:\s+(?!(?:was|were|is|are|been|be|has|have|had)\b)[\w’'-]+){0,4}?\s+(?:by|from)\s+"
    r"(?:the\s+)?[\w’'-]",
    re.IGNORECASE,
)
# A headline's "Name: words" gives the words of Name; page labels ("Update: ...") do not. A
# speaker may also be a capitalised word and a title ("Ghana's president:", "Rebel leader:").
_COLON_SPEAKER = re.compile(
    r"(?P<speaker>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
    r"|[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,2}?\s+(?:"
    + alternation(load("titles")["titles"])
    + r")s?)\s*:\s+(?=\S)"
)
_NOT_SPEAKER = frozenset(w.casefold() for w in _LEX["colon_not_speaker"])
# "Chile: floods, Flash Update 3": a page label after a topic; the name before the colon is what
# the page is about, not its author ("Health Directorate: Bulletin 2" is the directorate's).
_DOCUMENT_LABEL = re.compile(
    r"(?:^|[,;–—])\s*(?:[\w-]+\s+)?(?:"
    + alternation(_LEX["colon_document_labels"])
    + r")\s+(?:no\.?\s*)?\d",
    re.IGNORECASE,
)
# "Editorial: ...", "Q: ...": a line in the outlet's own voice, and a question: no one's statement.
_OUTLET_VOICE = re.compile(
    r"^\s*(?:" + alternation(_LEX["outlet_voice_labels"]) + r")\s*:", re.IGNORECASE
)
_QUOTE_MARK = re.compile(r"[\"“”«»]")
# "according to figures released by both governments": who released them speaks.
_RELEASED_BY = re.compile(
    r"\b(?:released|compiled|published|issued|provided|gathered|collected|kept)\s+by\s+(.+)$",
    re.IGNORECASE,
)
# "has not said", "did not confirm", "has never explained": the act did not happen.
# A name that is a body's ("Health Directorate") authors the bulletin its heading names.
_BODY_HEAD = compile_words(load("casualties")["body_heads"])
_NEGATIONS = tuple(" " + n for n in _LEX["negations"])
# "No group claimed", "Neither side confirmed": nobody spoke.
_NEGATED_SPEAKER = re.compile(
    r"^(?:" + alternation(_LEX["negated_speakers"]) + r")(?![\w’'-])", re.IGNORECASE
)
# Rejections keep their speaker when negated: "did not rule out talks" says something.
_NEGATABLE_CODES = frozenset({"12"})
# An outlet that relays someone's words: "Radio Sur quoted the minister as saying", "State
# television showed the president telling troops": the person quoted or shown is the speaker.
_QUOTED_AS = re.compile(
    r"(?<![\w-])(?:quoted|cited)\s+(?!by\s)((?:[\w’'.-]+\s+){1,6}?)as\s*$", re.IGNORECASE
)
_SHOWN = re.compile(
    r"(?<![\w-])(?:showed|shows|filmed|broadcast|aired)\s+((?:[\w’'.-]+\s+){1,6}?)$", re.IGNORECASE
)
# A heading that names its issuer: "Communiqué of the Southern Front", "Statement by the
# Ministry of Defence on ...", "Southern Front Communiqué 12: ...".
_HEADING_NOUN = alternation(_LEX["heading_nouns"])
# Gated: both branches need a heading noun, which few sentences hold, and the second tries every
# split of the opening words (IGNORECASE lets "[A-Z]" match any letter).
_HEADING = gated(
    r"^\s*(?:joint\s+|final\s+|official\s+)?(?P<cue>" + _HEADING_NOUN + r")"
    r"(?:\s+(?:no\.?\s*|number\s+)?[\d/]+)?\s+(?:of|by|from)\s+(?:the\s+)?"
    r"(?P<speaker>[A-Z][\w’'.-]*(?:\s+(?:of|for|the|and|[A-Z][\w’'.-]*)){0,8})"
    r"|^\s*(?P<issuer>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+(?P<cue2>"
    + _HEADING_NOUN
    + r")\s+(?:no\.?\s*|number\s+)?\d",
    re.IGNORECASE,
)
# A heading named by a meeting, not a body: "Joint Communiqué of the Gaborone Talks between ...".
_HEADING_MEETING = re.compile(
    r"(?:[\w’'.-]+\s+){0,3}?(?:" + alternation(_LEX["heading_meetings"]) + r")(?![\w-])",
    re.IGNORECASE,
)
_HEADING_LABEL = re.compile(
    r"(?:joint\s+|final\s+|official\s+)?(?:" + _HEADING_NOUN + r")", re.IGNORECASE
)
# A first person that names itself: "We, the families of the missing, ask ...".
_SELF_NAMED = re.compile(r"^\s*(?:We|I),\s+(?P<speaker>(?:the\s+|(?-i:[A-Z]))[^,]{2,80}?),")


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """A statement cue: its span, CAMEO root, PLOVER type and the words naming the speaker."""

    start: int
    end: int
    cameo: str
    plover: str | None
    kind: str
    speaker: str
    cue: str


def _window_before(text: str, start: int, participle: bool = False) -> str:
    """Words before a cue in its clause: the speaker of "the ministry said"."""
    floor = max(0, start - 90)
    chunk = text[floor:start]
    cuts = list(_CLAUSE_END.finditer(chunk))
    if cuts:
        last = chunk[cuts[-1].end() :]
        if not last.strip() and cuts[-1].group(0) == ")":
            # "The Defence Forces (ADF) said": the name stands before its acronym.
            last = _head_tail(chunk)
        elif _only_trailing(last) and len(cuts) > 1 and cuts[-1].group(0) == ",":
            # "Lavrov, the foreign minister, says": skip back over one appositive between
            # commas; "An official, cited by a news agency, confirmed": a relay is no speaker,
            # nor is a relative clause.
            last = chunk[cuts[-2].end() : cuts[-1].start()]
            head = _head_tail(chunk[: cuts[-2].start()])
            if (
                _PARTICIPIAL.match(last)
                or _RELAY.match(last)
                or _REDUCED.match(last)
                or (_RELATIVE.match(last) and not participle)
                or _ASIDE.match(last)
                or (_DESCRIBED.match(last) and _NAMED_HEAD.search(head))
                or (_ROLE.match(last) and _NAMED_HEAD.search(head))
            ):
                # "Both delegations, which signed the accord, said": the relative clause is
                # no speaker; its head before it is. A participle after it ("M23, which took
                # the city, claiming ...") belongs to the relative clause: no head's words.
                last = head
        chunk = last
    if _may_hold(chunk, _RELAY_VERBS):
        chunk = _RELAYED.sub("", chunk)
    if _may_hold(chunk, _PLEASED_WORDS):
        chunk = _PLEASED.sub("", chunk)
    found = _WORD.findall(chunk)
    words = found[-_SPEAKER_WORDS:]
    # "The Ministry of National Defence and Frontier Affairs announces": a name longer than the
    # window is read whole, not cut to "of National Defence ...".
    start = len(found) - len(words)
    while start > 0 and len(found) - start < _NAME_WORDS and _in_name(found[start - 1], words[0]):
        start -= 1
        words.insert(0, found[start])
    while len(words) > 1 and words[0].lower() in _OPENERS:
        words.pop(0)  # ", and the army said", ", with the army saying": the army
    return " ".join(words)


# The most words a body's name read whole may have, and the small words inside one.
_NAME_WORDS = 12
_NAME_JOINS = frozenset({"of", "and", "for"})


def _in_name(before: str, first: str) -> bool:
    """Whether `before` and `first` are words of one capitalised name ("Ministry of")."""
    capital_or_join = (before[:1].isupper() or before in _NAME_JOINS) and before not in _OPENERS
    return capital_or_join and (first in _NAME_JOINS or first[:1].isupper())


def _head_tail(chunk: str) -> str:
    """The words that end `chunk` in its clause; a name before its bracketed acronym ("the
    Upland Front (ULF)"), not the empty tail after the bracket."""
    tail = _clause_tail(chunk)
    if not tail.strip() and chunk.rstrip().endswith(")") and "(" in chunk:
        return _clause_tail(chunk[: chunk.rindex("(")])
    return tail


def _only_trailing(words: str) -> bool:
    """Nothing, or auxiliaries and adverbs only ("Ruiz, the army spokesman, has just told")."""
    return all(w.lower() in _TRAILING for w in _WORD.findall(words))


def _clause_tail(chunk: str) -> str:
    cuts = list(_CLAUSE_END.finditer(chunk))
    return chunk[cuts[-1].end() :] if cuts else chunk


def _main_clause(text: str, start: int) -> str:
    """The clause before ", saying" that a participle's speaker is the subject of."""
    head = text[max(0, start - 90) : start].rstrip()
    if not head.endswith(","):
        return ""
    return " ".join(_WORD.findall(_clause_tail(head[:-1]))[:_SPEAKER_WORDS])


def _clause_after(text: str, end: int) -> str:
    """The words after a cue up to the clause end, as written."""
    chunk = text[end : end + 90]
    cut = _CLAUSE_END.search(chunk) or re.search(r"[.!?](?:\s|$)", chunk)
    return chunk[: cut.start()] if cut else chunk


def _window_after(text: str, end: int) -> str:
    """Words after a cue up to the clause end: the speaker of "said the ministry"."""
    chunk = text[end : end + 90]
    cut = _CLAUSE_END.search(chunk)
    if cut:
        chunk = chunk[: cut.start()]
    return " ".join(_WORD.findall(chunk)[:_SPEAKER_WORDS])


def _inverted_speaker(text: str, match: re.Match[str]) -> str:
    """Speaker after the verb ("..., said the ministry"): a short phrase that ends the clause."""
    if text[match.start() : match.end()].lower() not in _INVERSION:
        return ""
    chunk = text[match.end() : match.end() + 90]
    cut = _CLAUSE_END.search(chunk)
    end_of_clause = re.search(r"[.!?]", chunk)
    stop = (
        min(x.start() for x in (cut, end_of_clause) if x) if (cut or end_of_clause) else len(chunk)
    )
    words = _WORD.findall(chunk[:stop])
    return " ".join(words) if 0 < len(words) <= _SPEAKER_WORDS else ""


def _after_participle(text: str, match: re.Match[str]) -> str:
    """The speaker after an inverted verb that follows a participle's phrase ("..., killing
    four soldiers, said Colonel Y", "..., leaving two dead, said the army spokesman"): a name
    or a role; "" where the verb has none after it ("The army, quoting its commanders, said
    four soldiers died": the head before the phrase speaks)."""
    head = text[max(0, match.start() - 90) : match.start()].rstrip()
    if not head.endswith(","):
        return ""
    cuts = list(_CLAUSE_END.finditer(head[:-1]))
    if not cuts or cuts[-1].group(0) != "," or not _PARTICIPIAL.match(head[cuts[-1].end() :]):
        return ""
    speaker = _inverted_speaker(text, match)
    return speaker if speaker[:1].isupper() or _ROLE.match(speaker) else ""


# The same three, run over the lower-cased words (`gates.AnyCase`): `_unreliable` runs for every
# speaker read.
_MEDIA_ANY_CASE = AnyCase(_MEDIA)
_ANONYMOUS_ANY_CASE = AnyCase(_ANONYMOUS)
_DOCUMENTS_ANY_CASE = AnyCase(_DOCUMENTS)


def _unreliable(words: str) -> bool:
    """Media, anonymous sources and documents do not make a statement (LABELS.md)."""
    return bool(
        _MEDIA_ANY_CASE.search(words) or _anonymous(words) or _DOCUMENTS_ANY_CASE.search(words)
    )


# A name's first word, or a determiner, before a word of an anonymous source.
_NAME_BEFORE = re.compile(r"(?:^|\s)(?!(?:The|A|An)\s)[A-Z][\w’'.-]*\s+$")


def _anonymous(words: str) -> bool:
    """Whether `words` name an anonymous source ("witnesses", "a monitoring group"); not a
    name that holds such a word ("the Kessari Monitoring Group")."""
    return any(
        not (words[found.start()].isupper() and _NAME_BEFORE.search(words, 0, found.start()))
        for found in _ANONYMOUS_ANY_CASE.finditer(words)
    )


@dataclass(slots=True)
class _Earlier:
    """Whether a pattern matches anywhere before a position, answered in constant time.

    The answer to `pattern.search(text, 0, at)` for every cue of a sentence, each a fresh
    search from the start, made extraction quadratic in the sentence's length ("he said " *
    8000 took 38 s). The leftmost match in the whole text decides it: the lexicon words end
    in a word character and a cue starts after a non-word one, so a match that fits before
    `at` is a match of the whole text, and none fits before the leftmost one starts. Only a
    position inside the leftmost match is searched again, over that match's few characters.
    """

    text: str
    pattern: AnyCase  # the whole text is searched over its lower-cased form
    _searched: bool = field(default=False)
    _first: re.Match[str] | None = field(default=None)

    def before(self, at: int) -> bool:
        if not self._searched:
            self._first = self.pattern.search(self.text)
            self._searched = True
        first = self._first
        if first is None or at <= first.start():
            return False
        if at >= first.end():
            return True
        return self.pattern.regex.search(self.text, first.start(), at) is not None


class _Context:
    """What every cue of one sentence asks about the text before it, computed once."""

    __slots__ = ("anonymous", "documents", "media")

    def __init__(self, text: str) -> None:
        self.media = _Earlier(text, _MEDIA_ANY_CASE)
        self.anonymous = _Earlier(text, _ANONYMOUS_ANY_CASE)
        self.documents = _Earlier(text, _DOCUMENTS_ANY_CASE)

    def unreliable_before(self, at: int) -> bool:
        """`_unreliable(text[:at])`, without copying or searching the text again."""
        return self.media.before(at) or self.anonymous.before(at) or self.documents.before(at)


def _plural_noun(text: str, match: re.Match[str]) -> bool:
    """A cue in -s after a determiner or a preposition is a noun: "despite claims of progress",
    "unconfirmed reports of looting"; not when a speaker follows ("claims by the army") or owns
    it ("the army's claims")."""
    first = match.group(0).split(None, 1)[0].lower()
    if not first.endswith("s") or first.endswith("ss"):
        return False
    previous = _PREVIOUS.search(text, max(0, match.start() - 40), match.start())
    if previous is None or previous.group(1).lower() not in _NOUN_BEFORE:
        return False
    # "despite promises from the mediators", "claims by the army": the noun names its speaker.
    return _BY_SPEAKER.match(text, match.end()) is None


# "no reported violations", "the promised releases": a speech verb's participle used as an
# adjective after a determiner tells no act of speech.
_ADJECTIVAL = re.compile(
    r"(?<![\w-])(?:the|a|an|no|any|its|their|his|her|our|these|those|every|many|several|other)"
    r"\s+(?:[a-z]+ly\s+)?$",
    re.IGNORECASE,
)


def _verb_act(text: str, match: re.Match[str], context: _Context) -> SpeechAct | None:
    if _plural_noun(text, match):
        return None
    cue = match.group(0)
    if (
        cue[-2:].lower() == "ed"
        and " " not in cue
        and _ADJECTIVAL.search(text, max(0, match.start() - 30), match.start())
    ):
        return None
    # "calling on", "pointing out": the participle is the cue's first word.
    participle = match.group(0).split(None, 1)[0].lower().endswith("ing")
    relayed = _relayed_speaker(text, match.start(), participle)
    if relayed is not None:
        return _act(text, match, relayed) if relayed else None
    inverted = _after_participle(text, match)
    if inverted:
        return None if _unreliable(inverted) else _act(text, match, inverted)
    before = _window_before(text, match.start(), participle)
    if (match.lastgroup or "c01")[1:] not in _NEGATABLE_CODES and _negated(before):
        return None
    words = before.split()
    passive = bool(words) and words[-1].lower() in _PASSIVE
    if len(words) > 1 and words[-1].lower().endswith("ly") and words[-2].lower() in _PASSIVE:
        passive = True  # "could not be independently confirmed"
    if passive:
        # "was accused of": a passive with no agent; "was announced by the mediator": the
        # agent spoke.
        agent = _AGENT.match(text, match.end())
        if agent is None or _unreliable(agent.group(1)) or match.group(0).lower() in _BACKING:
            return None
        if agent.group(1).split()[-1].lower() in _EVENTS:
            return None  # "was threatened by floods"
        return _act(text, match, agent.group(1))
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()  # "the ministry has reported": "has" is no part of the speaker's name
    before = " ".join(words)
    if words and words[-1].lower() not in _PRONOUNS:
        if len(words) <= 3 and words[-1].lower() in _EVENTS and _DETERMINER.match(words[0]):
            return None  # "The attack signalled ...", "the clashes suggested": no one spoke
        speaker = before
    elif words:
        speaker = words[-1]
        if context.media.before(match.start()):
            return None  # "TASS reported ..., though it said": the pronoun is the outlet
    else:
        speaker = _inverted_speaker(text, match)
        if not speaker and participle:
            # "The army shelled the town, accusing the rebels of ...": the clause's subject.
            speaker = _main_clause(text, match.start())
        if not speaker:
            return None
    if _unreliable(speaker) or _NEGATED_SPEAKER.match(speaker):
        return None
    if (
        participle
        and text[: match.start()].rstrip().endswith(",")
        and context.unreliable_before(match.start())
    ):
        # A participle ("..., calling on the army to ...") takes the subject of its clause,
        # which may stand far back: "Protesters rallied outside ..., calling on ...".
        return None
    return _act(text, match, speaker)


def _negated(before: str) -> bool:
    """Whether the words before a cue deny the act: "has not said", "did not confirm"."""
    tail = " " + before.lower()
    return tail.endswith(_NEGATIONS) or tail.endswith(("n't", "n’t"))


def _relayed_speaker(text: str, start: int, participle: bool) -> str | None:
    """The person an outlet quotes or shows speaking ("quoted the minister as saying"): their
    name, "" when they are no speaker either, None when no outlet relays the cue."""
    head = text[max(0, start - 90) : start]
    found = (_QUOTED_AS.search(head) if _may_hold(head, _RELAY_VERBS) else None) or (
        _SHOWN.search(head) if participle and _may_hold(head, _SHOW_VERBS) else None
    )
    if found is None:
        return None
    speaker = " ".join(found.group(1).split())
    return "" if _unreliable(speaker) or _NEGATED_SPEAKER.match(speaker) else speaker


def _heading(text: str) -> list[SpeechAct]:
    """A heading naming its issuer, or a first person naming itself: that body speaks."""
    found = _HEADING.match(text)
    if found is not None:
        speaker = found.group("speaker") or found.group("issuer")
        cue = "cue" if found.group("cue") else "cue2"
        if not (
            _unreliable(speaker)
            or speaker.casefold() in _NOT_SPEAKER
            or _HEADING_MEETING.match(speaker)
        ):
            return [
                SpeechAct(
                    found.start(cue),
                    found.end(cue),
                    "01",
                    None,
                    "public_statement",
                    speaker,
                    found.group(cue),
                )
            ]
    found = _SELF_NAMED.match(text)
    # A body naming itself is identified, whatever its members are ("We, the fishermen of ...").
    if found is not None and not _MEDIA.search(found.group("speaker")):
        return [SpeechAct(0, 2, "01", None, "public_statement", found.group("speaker"), text[:2])]
    return []


def _act(text: str, match: re.Match[str], speaker: str) -> SpeechAct:
    code = (match.lastgroup or "c01")[1:]
    group = _VERB_GROUPS[code]
    plover = group["plover"]
    return SpeechAct(
        match.start(),
        match.end(),
        code,
        plover if isinstance(plover, str) else None,
        str(group["name"]),
        speaker,
        text[match.start() : match.end()],
    )


def _attribution(text: str, match: re.Match[str]) -> SpeechAct | None:
    words = text[match.start() : match.end()]
    cue = words.lower()
    if cue == "according to":
        speaker = _window_after(text, match.end())
        released = _RELEASED_BY.search(_clause_after(text, match.end()))
        if released is not None and not _DOCUMENTS.search(speaker):
            # Figures or estimates released by a body are its claims; a text it released is
            # still a document speaking ("according to the text released by the mediators").
            speaker = " ".join(released.group(1).split()[:_SPEAKER_WORDS])
        if not speaker or _unreliable(speaker):
            return None
    else:
        speaker = _window_before(text, match.start()) or _window_after(text, match.end())
        if cue.startswith("spokes") and _MEDIA.search(speaker):
            return None
    return SpeechAct(match.start(), match.end(), "01", None, "public_statement", speaker, words)


def _colon_speaker(text: str) -> list[SpeechAct]:
    if ":" not in text:
        return []  # most sentences: the speaker pattern need not be tried
    match = _COLON_SPEAKER.match(text)
    if match is None:
        return []
    speaker = match.group("speaker")
    if (
        speaker.casefold() in _NOT_SPEAKER
        or _HEADING_LABEL.fullmatch(speaker)
        or _MEDIA.search(speaker)
        or _ANONYMOUS.search(speaker)
    ):
        return []  # "Communiqué: 50 soldiers freed": the release's label, not who issues it
    words = text[match.end() :]
    label = _DOCUMENT_LABEL.search(words)
    if label is not None and (label.start() > 0 or not _BODY_HEAD.search(speaker)):
        return []  # a page about the name, not by it; "Health Office: Bulletin 4" is the office's
    if words.rstrip().endswith("?") and not _quoted(words):
        return []  # "Q: will they meet?": no one's words
    colon = text.index(":", match.end("speaker"))
    return [SpeechAct(colon, colon + 1, "01", None, "public_statement", speaker, speaker)]


def _outlet_voice(text: str) -> bool:
    """A line in the outlet's own voice ("Editorial: ..."), or a question outside quotation
    marks ("Q: What has the government offered?"): it reports no one's words."""
    if text.rstrip().endswith("?") and not _QUOTE_MARK.search(text):
        return True
    return ":" in text and _OUTLET_VOICE.match(text) is not None


def _quoted(words: str) -> bool:
    return bool(_OPEN_QUOTE.match(words))


# A first person outside quotation marks: "Our forces will not withdraw" in a body's communiqué.
# Case matters: "US" is a country.
_FIRST_PERSON = re.compile(
    r"(?<![\w’'-])(?-i:" + alternation(_LEX["first_person"]) + r"|We|Our|Us)(?![\w’'-])"
)
_OUTLET_FIRST_PERSON = re.compile(
    r"(?<![\w’'-])(?:" + alternation(_LEX["outlet_first_person"]) + r")(?![\w’'-])",
    re.IGNORECASE,
)


def first_person(text: str) -> SpeechAct | None:
    """The first person of a body's own text, not the outlet's: a statement cue with no speaker
    named in the sentence (the snippet names it); None when the sentence has none."""
    found = _FIRST_PERSON.search(text)
    if found is None or _OUTLET_FIRST_PERSON.search(text) or _OPEN_QUOTE.match(text):
        return None
    return SpeechAct(found.start(), found.end(), "01", None, "first_person", "", found.group(0))


# The classifier and the extractor both read the cues of each sentence: compute them once.
@lru_cache(maxsize=256)
def find_speech(text: str, inside_quote: bool = False) -> tuple[SpeechAct, ...]:
    """Statement cues of a sentence; a sentence inside or opening a quotation is one too."""
    if not inside_quote and _outlet_voice(text):
        return ()
    # Matches may be over the lower-cased sentence (GatedPattern.scan): words are read from text.
    verbs = list(_VERBS.scan(text))
    cues = list(_ATTRIBUTION.scan(text))
    vetoes = Spans((m.start(), m.end()) for m in _EXCLUDE.scan(text)) if verbs or cues else None

    def vetoed(start: int, end: int) -> bool:
        return vetoes is not None and vetoes.overlaps(start, end)

    context = _Context(text)
    acts: list[SpeechAct] = []
    for match in verbs:
        if not vetoed(match.start(), match.end()):
            act = _verb_act(text, match, context)
            if act:
                acts.append(act)
    for match in cues:
        if not vetoed(match.start(), match.end()):
            act = _attribution(text, match)
            if act:
                acts.append(act)
    # A quotation is a statement unless the sentence names its source and that source is no
    # speaker: "“...,” according to the joint declaration" quotes a document (an agreement).
    sourced = any(
        not vetoed(m.start(), m.end()) and _unreliable(_window_after(text, m.end())) for m in cues
    )
    if not acts:
        acts += _colon_speaker(text) or _heading(text)
    if not acts and not sourced and (inside_quote or _OPEN_QUOTE.match(text)):
        acts.append(SpeechAct(0, 0, "01", None, "quotation", "", "quotation"))
    return tuple(acts)
