package sqlite

import (
	"net/url"
	"strings"

	"github.com/flagon-go/flagon/orm/dialect"
)

// DSN builds a modernc DSN that enables foreign keys and, for files, WAL
// journaling and a 5 s busy timeout (Python sqlite3's default; a
// "_pragma=busy_timeout(ms)" in the URL replaces it), and writes times in
// SQLite's own format. URL query parameters are passed through.
func (Dialect) DSN(cfg dialect.Config) (string, error) {
	q := url.Values{}
	for k, vs := range cfg.Query {
		q[k] = append([]string(nil), vs...)
	}
	q.Add("_pragma", "foreign_keys(1)")
	if q.Get("_time_format") == "" {
		q.Set("_time_format", "sqlite") // 2006-01-02 15:04:05.999999999-07:00
	}
	if cfg.Memory {
		// The engine keeps a single connection open, so the pool sees one
		// database (SQLAlchemy's StaticPool).
		return "file::memory:?" + q.Encode(), nil
	}
	// The busy timeout comes first: switching a new file to WAL takes a
	// lock that connections opened at the same moment must wait for.
	if !hasPragma(q, "busy_timeout") {
		q.Add("_pragma", "busy_timeout(5000)")
	}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Set("_txlock", "immediate")
	return "file:" + uriEscaper.Replace(cfg.Database) + "?" + q.Encode(), nil
}

// uriEscaper escapes the characters that end or escape the path of an SQLite
// URI filename.
var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// hasPragma reports whether q sets the pragma name.
func hasPragma(q url.Values, name string) bool {
	for _, p := range q["_pragma"] {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(p)), name) {
			return true
		}
	}
	return false
}
