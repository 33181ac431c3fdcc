package migrate

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// bulkInsertSQL renders one INSERT per row with literal values, so that
// the same SQL serves online runs and offline scripts.
func bulkInsertSQL(dialectName string, o *BulkInsert) ([]string, error) {
	d, err := ormDialect(dialectName)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, row := range o.Rows {
		cols := slices.Sorted(maps.Keys(row))
		names := make([]string, len(cols))
		vals := make([]string, len(cols))
		for i, c := range cols {
			names[i] = d.Quote(c)
			v, err := sqlLiteral(dialectName, row[c])
			if err != nil {
				return nil, fmt.Errorf("bulk insert into %q, column %q: %w", o.Table, c, err)
			}
			vals[i] = v
		}
		out = append(out, fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)",
			d.Quote(o.Table), strings.Join(names, ", "), strings.Join(vals, ", ")))
	}
	return out, nil
}

// sqlLiteral renders a Go value as an SQL literal.
func sqlLiteral(dialectName string, v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return quoteString(dialectName, v), nil
	case []byte:
		return quoteString(dialectName, string(v)), nil
	case bool:
		return boolLiteral(dialectName, v), nil
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprint(v), nil
	case float32:
		return strconv.FormatFloat(float64(v), 'g', -1, 32), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case time.Time:
		return "'" + v.UTC().Format("2006-01-02 15:04:05.999999") + "'", nil
	}
	return "", fmt.Errorf("unsupported value type %T", v)
}

// quoteString single-quotes a string; MySQL also escapes backslashes.
func quoteString(dialectName, s string) string {
	s = strings.ReplaceAll(s, "'", "''")
	if dialectName == MySQL {
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return "'" + s + "'"
}

// boolLiteral renders a boolean; SQLite stores them as integers.
func boolLiteral(dialectName string, b bool) string {
	switch {
	case dialectName == PostgreSQL && b:
		return "TRUE"
	case dialectName == PostgreSQL:
		return "FALSE"
	case b:
		return "1"
	}
	return "0"
}
