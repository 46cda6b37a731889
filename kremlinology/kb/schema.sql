-- The compiled knowledge base. One file, read-only once built (kb/store.py).
-- Dates: `start`/`end` are ISO New Style days, half-open [start, end); `iso` keeps the
-- written precision ("1924-05"); `rendered` shows both calendars where the source used OS.

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    author TEXT NOT NULL,
    title TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    url TEXT,
    publisher TEXT
);

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    qid TEXT,
    description TEXT,
    part_of TEXT,
    single_holder INTEGER NOT NULL
);

-- Every name an entity goes by, the canonical one included (kind 'canonical').
CREATE TABLE names (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    norm TEXT NOT NULL,          -- lower case, for lookups
    kind TEXT NOT NULL,
    start TEXT,
    end TEXT
);
CREATE INDEX names_norm ON names(norm);

CREATE TABLE assertions (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL REFERENCES entities(id),
    predicate TEXT NOT NULL,
    object TEXT REFERENCES entities(id),
    value TEXT,
    role TEXT,
    when_text TEXT,              -- as written in the data file
    calendar TEXT,               -- the calendar of the statement (julian | gregorian)
    start TEXT,
    end TEXT,
    precision INTEGER,
    iso TEXT,
    rendered TEXT,
    place TEXT REFERENCES entities(id),
    statement TEXT NOT NULL,
    polarity TEXT,
    confidence TEXT NOT NULL,
    tags TEXT NOT NULL,          -- JSON list
    note TEXT,
    file TEXT NOT NULL,
    line INTEGER NOT NULL
);
CREATE INDEX assertions_subject ON assertions(subject);
CREATE INDEX assertions_object ON assertions(object);
CREATE INDEX assertions_predicate ON assertions(predicate);

CREATE TABLE citations (
    owner TEXT NOT NULL,         -- an assertion or phase id
    ord INTEGER NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources(id),
    locator TEXT
);
CREATE INDEX citations_owner ON citations(owner);

CREATE TABLE alternatives (
    assertion_id TEXT NOT NULL REFERENCES assertions(id),
    ord INTEGER NOT NULL,
    held_by TEXT NOT NULL,
    iso TEXT,
    rendered TEXT,
    start TEXT,
    end TEXT,
    object TEXT,
    value TEXT,
    sources TEXT NOT NULL        -- JSON list of [source_id, locator]
);

CREATE TABLE phases (
    id TEXT PRIMARY KEY,
    a TEXT NOT NULL REFERENCES entities(id),
    b TEXT NOT NULL REFERENCES entities(id),
    label TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    iso TEXT NOT NULL,
    rendered TEXT NOT NULL,
    polarity TEXT NOT NULL,
    summary TEXT NOT NULL
);

CREATE VIRTUAL TABLE names_fts USING fts5(name, entity_id UNINDEXED);
CREATE VIRTUAL TABLE statements_fts USING fts5(statement, note, assertion_id UNINDEXED);
