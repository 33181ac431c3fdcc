package orm

import "strings"

// isReadOnly reports whether a SQLite statement only reads, so that it
// needs neither the engine's write lock nor a session's write transaction:
// a SELECT or VALUES (after any comments and opening parentheses), a WITH
// whose main statement is one of them, an EXPLAIN, or a PRAGMA that reads.
// Anything it cannot tell, and any text holding a second statement, counts
// as a write, which is the safe side.
func isReadOnly(query string) bool {
	l := sqlLexer{s: query}
	first := l.skipOpenParens()
	var reads bool
	switch strings.ToUpper(first.text) {
	case "SELECT", "VALUES", "EXPLAIN":
		reads = first.kind == tokWord
	case "WITH":
		reads = first.kind == tokWord && isReadKeyword(l.mainAfterCTEs())
	case "PRAGMA":
		reads = first.kind == tokWord && l.pragmaReads()
	}
	return reads && (strings.IndexByte(query, ';') < 0 || l.onlyOneStatement())
}

// isReadKeyword reports whether a statement's main keyword reads.
func isReadKeyword(t sqlToken) bool {
	if t.kind != tokWord {
		return false
	}
	switch strings.ToUpper(t.text) {
	case "SELECT", "VALUES":
		return true
	}
	return false
}

// skipOpenParens returns the first token that is not "(".
func (l *sqlLexer) skipOpenParens() sqlToken {
	t := l.next()
	for t.is('(') {
		t = l.next()
	}
	return t
}

// mainAfterCTEs reads the common table expressions after WITH and returns
// the first token of the main statement; an end token when they are
// malformed.
func (l *sqlLexer) mainAfterCTEs() sqlToken {
	t := l.next()
	if t.isWord("RECURSIVE") {
		t = l.next()
	}
	for {
		if t.kind != tokWord && t.kind != tokQuoted {
			return sqlToken{}
		}
		t = l.next()
		if t.is('(') { // column names
			l.skipToClose()
			t = l.next()
		}
		if !t.isWord("AS") {
			return sqlToken{}
		}
		t = l.next()
		if t.isWord("NOT") {
			t = l.next()
		}
		if t.isWord("MATERIALIZED") {
			t = l.next()
		}
		if !t.is('(') || !l.skipToClose() {
			return sqlToken{}
		}
		if t = l.next(); !t.is(',') {
			for t.is('(') {
				t = l.next()
			}
			return t
		}
		t = l.next()
	}
}

// pragmaReadsWithArgument lists the pragmas whose parenthesised argument
// names what to read rather than a value to set.
var pragmaReadsWithArgument = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true,
	"index_list": true, "index_info": true, "index_xinfo": true,
	"foreign_key_list": true, "foreign_key_check": true,
	"integrity_check": true, "quick_check": true,
}

// pragmaWrites lists the pragmas that write even without a value.
var pragmaWrites = map[string]bool{"optimize": true, "wal_checkpoint": true, "incremental_vacuum": true}

// pragmaReads reads a PRAGMA after its keyword and reports whether it
// reads: no value set with "=", and an argument only for a pragma of
// pragmaReadsWithArgument.
func (l *sqlLexer) pragmaReads() bool {
	name := l.next()
	if next := l.next(); next.is('.') { // schema.pragma
		name = l.next()
	} else {
		l.back(next)
	}
	if name.kind != tokWord {
		return false
	}
	n := strings.ToLower(name.text)
	switch t := l.next(); {
	case t.kind == tokEnd || t.is(';'):
		return !pragmaWrites[n]
	case t.is('('):
		return pragmaReadsWithArgument[n] && l.skipToClose()
	}
	return false
}

// onlyOneStatement reports whether nothing but semicolons, spaces and
// comments follows the first ";" outside literals and comments.
func (l *sqlLexer) onlyOneStatement() bool {
	for t := l.next(); !t.is(';'); t = l.next() {
		if t.kind == tokEnd {
			return true
		}
	}
	for t := l.next(); t.kind != tokEnd; t = l.next() {
		if !t.is(';') {
			return false
		}
	}
	return true
}
