package migrate

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotUpToDate is returned when autogenerate runs on a database that is
// not at the head revision. Its text is Alembic's.
var ErrNotUpToDate error = notUpToDate{}

type notUpToDate struct{}

func (notUpToDate) Error() string { return "Target database is not up to date." }

// stmtError is a failed statement.
type stmtError struct {
	sql string
	err error
}

func (e *stmtError) Error() string { return e.sql + ": " + e.err.Error() }
func (e *stmtError) Unwrap() error { return e.err }

// A RevisionError reports a revision that failed: which statement, and in
// what state the database was left.
type RevisionError struct {
	// Revision and Message identify the revision; Up its direction.
	Revision, Message string
	Up                bool
	// Statement is the 1-based number of the failed statement within the
	// revision (0 when the failure was not a statement), SQL its text.
	Statement int
	SQL       string
	// Applied counts the revision's statements that succeeded before the
	// failure (they stay applied unless RolledBack).
	Applied int
	// RolledBack reports that the revision's transaction was rolled back,
	// so the database is at Heads; otherwise (MySQL) Statement-1
	// statements stay applied while the version table still says Heads.
	RolledBack bool
	Heads      []string
	// Err is the underlying error.
	Err  error
	step step
}

// Error describes the failure and the state left behind.
func (e *RevisionError) Error() string {
	dir := "downgrade"
	if e.Up {
		dir = "upgrade"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s) failed", dir, e.Revision, e.Message)
	if e.Statement > 0 {
		fmt.Fprintf(&b, " at statement %d: %s", e.Statement, e.SQL)
	}
	fmt.Fprintf(&b, ": %v; ", e.Err)
	at := headsText(e.Heads)
	switch {
	case e.RolledBack:
		fmt.Fprintf(&b, "the revision was rolled back and the database is still at %s", at)
	case e.Applied > 0:
		fmt.Fprintf(&b, "statements 1-%d of this revision were applied and cannot be rolled back (MySQL DDL commits implicitly); the version table still says %s: repair the schema by hand, then run stamp", e.Applied, at)
	default:
		fmt.Fprintf(&b, "no statement of this revision was applied; the database is still at %s", at)
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *RevisionError) Unwrap() error { return e.Err }

// headsText formats heads for messages.
func headsText(heads []string) string {
	if len(heads) == 0 {
		return "base"
	}
	return strings.Join(heads, ", ")
}

// fail builds the RevisionError for a failed operation.
func (r *stepRunner) fail(st step, err error) error {
	re := &RevisionError{step: st, Err: err, Applied: r.n}
	var se *stmtError
	if errors.As(err, &se) {
		re.Statement, re.SQL, re.Err, re.Applied = r.n, se.sql, se.err, r.n-1
	}
	return re
}
