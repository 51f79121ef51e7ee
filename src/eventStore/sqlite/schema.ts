import type Database from 'better-sqlite3';

/** Bumped when the on-disk layout changes; a file with a newer version is refused. */
export const SCHEMA_VERSION = 1;

/**
 * `position` is the rowid: SQLite hands out increasing ids and we never delete, so it is the
 * global order. A stream's current revision is one seek at the end of `events_by_stream`, so no
 * separate streams table is written on every append.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream   TEXT    NOT NULL,
  revision INTEGER NOT NULL,
  id       TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  data     TEXT    NOT NULL,
  metadata TEXT    NOT NULL,
  created  INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream, revision);
`;

export const migrate = (db: Database.Database): void => {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `The event store file was written by a newer version of the registry (schema ${version}, ` +
        `this build reads up to ${SCHEMA_VERSION}): upgrade the application before opening it.`,
    );
  }
  db.exec(DDL);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
};
