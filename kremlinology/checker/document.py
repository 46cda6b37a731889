"""What the pipeline knows about one sentence: the record every step reads and adds to."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.gaps import Gap
from ..text.ground import DateMention
from ..text.link import Mention


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    alone_on_line: bool = False  # the sentence is a whole line of the text
    boilerplate: str | None = None  # the kind, when the whole sentence is boilerplate
    doubt: bool = False  # the text flags itself as dubious here
    mentions: list[Mention] = field(default_factory=list)
    coref: str | None = None  # a person carried from context ("he", "the leader")
    dates: list[DateMention] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    month_days: list[tuple[int, int]] = field(default_factory=list)  # "October 23", no year
    # The content-word stems, once read (match.content_stems): every rule asks for them.
    stems: list[str] | None = field(default=None, repr=False)

    @property
    def mention_entities(self) -> frozenset[str]:
        """The entities the sentence names (without the one carried from context)."""
        return frozenset(m.entity for m in self.mentions)

    @property
    def entities(self) -> frozenset[str]:
        found = {m.entity for m in self.mentions}
        if self.coref:
            found.add(self.coref)
        return frozenset(found)

    def people(self) -> list[str]:
        return [m.entity for m in self.mentions if m.kind == "person"]
