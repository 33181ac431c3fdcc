package migrate

import (
	"database/sql"
	"fmt"
	"io"
	"regexp"
	"time"
)

// DefaultVersionTable is the version table's default name, Alembic's.
const DefaultVersionTable = "alembic_version"

// A Migrator applies revisions to one database.
type Migrator struct {
	// DB is the database.
	DB *sql.DB
	// Dialect is "sqlite", "postgresql" or "mysql".
	Dialect string
	// Script is the revision graph with its revisions.
	Script *Script
	// VersionTable names the version table; DefaultVersionTable when empty.
	VersionTable string
	// Log receives progress lines such as
	// "Running upgrade  -> db531a47e319, initial migration (4ms)"; nil
	// discards them.
	Log io.Writer
	// Bind names the database in a multi-database layout ("" for the
	// default one); revisions record the operations of this bind.
	Bind string
	// Tag is passed to revisions as op.Tag() (Alembic's --tag).
	Tag string
	// LockTimeout bounds the wait for another process's run (MySQL's
	// GET_LOCK and SQLite's busy timeout); 0 means 5 minutes.
	LockTimeout time.Duration
	// Progress receives a live, updating line (rows copied of the total,
	// elapsed time, estimate) for a step that runs longer than a second,
	// when it is a terminal (an *os.File on a character device, or a
	// Terminal that says so); nil or any other writer shows nothing.
	Progress io.Writer

	clock func() time.Time // the progress line's clock; time.Now when nil
	tick  time.Duration    // the progress line's redraw interval
}

// NewMigrator validates revisions and returns a migrator for db.
func NewMigrator(db *sql.DB, dialectName string, revs []*Revision) (*Migrator, error) {
	if _, err := ormDialect(dialectName); err != nil {
		return nil, err
	}
	s, err := NewScript(revs)
	if err != nil {
		return nil, err
	}
	return &Migrator{DB: db, Dialect: dialectName, Script: s}, nil
}

var simpleIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// table returns the version table's name as written in SQL.
func (m *Migrator) table() string {
	name := m.VersionTable
	if name == "" {
		name = DefaultVersionTable
	}
	if simpleIdent.MatchString(name) {
		return name
	}
	d, _ := ormDialect(m.Dialect)
	return d.Quote(name)
}

// tableName returns the version table's bare name.
func (m *Migrator) tableName() string {
	if m.VersionTable == "" {
		return DefaultVersionTable
	}
	return m.VersionTable
}

// opContext describes where the migrator's revisions run.
func (m *Migrator) opContext() OpContext {
	return OpContext{Dialect: m.Dialect, Bind: m.Bind, Tag: m.Tag}
}

// logf writes one progress line.
func (m *Migrator) logf(format string, args ...any) {
	if m.Log != nil {
		fmt.Fprintf(m.Log, format+"\n", args...)
	}
}

// lockTimeout returns the configured or default lock timeout.
func (m *Migrator) lockTimeout() time.Duration {
	if m.LockTimeout > 0 {
		return m.LockTimeout
	}
	return 5 * time.Minute
}
