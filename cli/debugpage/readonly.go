package debugpage

import (
	"fmt"
	"strings"
)

// forbidden are keywords that make a statement write, lock or change the
// session, wherever they appear outside quotes and comments.
var forbidden = map[string]bool{
	"INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "UPSERT": true,
	"INTO": true, "CREATE": true, "DROP": true, "ALTER": true, "TRUNCATE": true,
	"GRANT": true, "REVOKE": true, "LOCK": true, "COPY": true, "CALL": true,
	"EXEC": true, "EXECUTE": true, "SET": true, "PRAGMA": true, "ATTACH": true,
	"DETACH": true, "VACUUM": true, "REINDEX": true, "ANALYZE": true, "COMMIT": true,
	"ROLLBACK": true, "BEGIN": true, "SAVEPOINT": true, "LOAD": true, "HANDLER": true,
}

// CheckReadOnly accepts one SELECT statement (a trailing semicolon is
// allowed) and rejects anything else: other statements, several
// statements, SELECT ... INTO, FOR UPDATE, data-modifying WITH clauses.
// Quotes, dollar quotes and comments are skipped, so a keyword inside a
// string does not count. Functions with side effects cannot be told
// apart: consoles should also run in a read-only transaction, as
// SQLConsole does.
func CheckReadOnly(sql string) error {
	words, err := sqlWords(sql)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotReadOnly, err)
	}
	if len(words) == 0 {
		return fmt.Errorf("%w: the statement is empty", ErrNotReadOnly)
	}
	if first := words[0]; first != "SELECT" && first != "WITH" && first != "VALUES" {
		return fmt.Errorf("%w: %s is not allowed", ErrNotReadOnly, first)
	}
	for _, w := range words {
		if forbidden[w] {
			return fmt.Errorf("%w: %s is not allowed", ErrNotReadOnly, w)
		}
	}
	return nil
}

// sqlWords returns the upper-cased words of sql outside quotes and
// comments; it fails on an unterminated quote or comment and on a second
// statement.
func sqlWords(sql string) ([]string, error) {
	var words []string
	ended := false
	for i := 0; i < len(sql); {
		c := sql[i]
		if ended && !isSpace(c) && !isComment(sql[i:]) {
			return nil, fmt.Errorf("only one statement may be run")
		}
		next, err := skipNonWord(sql, i)
		if err != nil {
			return nil, err
		}
		if next > i {
			i = next
			continue
		}
		switch {
		case c == ';':
			ended = true
			i++
		case isWordByte(c):
			j := i
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			words = append(words, strings.ToUpper(sql[i:j]))
			i = j
		default:
			i++
		}
	}
	return words, nil
}

// skipNonWord returns the index after the quoted string or comment that
// starts at i, or i when none does.
func skipNonWord(sql string, i int) (int, error) {
	rest := sql[i:]
	switch {
	case strings.HasPrefix(rest, "--"):
		if end := strings.IndexByte(rest, '\n'); end >= 0 {
			return i + end + 1, nil
		}
		return len(sql), nil
	case strings.HasPrefix(rest, "/*"):
		end := strings.Index(rest[2:], "*/")
		if end < 0 {
			return 0, fmt.Errorf("unterminated comment")
		}
		return i + 2 + end + 2, nil
	case rest[0] == '\'' || rest[0] == '"' || rest[0] == '`':
		return skipQuoted(sql, i, rest[0])
	case rest[0] == '$':
		return skipDollar(sql, i)
	}
	return i, nil
}

// skipQuoted skips a quoted string; a doubled quote escapes the quote
// character. A backslash is refused: whether it escapes depends on the
// database, and a checker that guesses wrong can be fooled.
func skipQuoted(sql string, i int, q byte) (int, error) {
	for j := i + 1; j < len(sql); j++ {
		switch sql[j] {
		case '\\':
			return 0, fmt.Errorf("backslashes in quoted text are not allowed")
		case q:
			if j+1 < len(sql) && sql[j+1] == q {
				j++
				continue
			}
			return j + 1, nil
		}
	}
	return 0, fmt.Errorf("unterminated quote %c", q)
}

// skipDollar skips a PostgreSQL dollar-quoted string ($tag$...$tag$); a
// lone $ (a parameter such as $1) is not one.
func skipDollar(sql string, i int) (int, error) {
	j := i + 1
	for j < len(sql) && isWordByte(sql[j]) && !(sql[j] >= '0' && sql[j] <= '9' && j == i+1) {
		j++
	}
	if j >= len(sql) || sql[j] != '$' {
		return i, nil
	}
	tag := sql[i : j+1]
	end := strings.Index(sql[j+1:], tag)
	if end < 0 {
		return 0, fmt.Errorf("unterminated dollar quote %s", tag)
	}
	return j + 1 + end + len(tag), nil
}

func isComment(s string) bool {
	return strings.HasPrefix(s, "--") || strings.HasPrefix(s, "/*")
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
