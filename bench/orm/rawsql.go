package ormbench

import (
	"strings"
	"sync"
)

// columns are the non-key columns, in Model field order.
const columns = `name, title, fax, web, age, "right", counter`

// statements is the hand-written SQL of one dialect, as a programmer
// writing database/sql code would keep it in constants.
type statements struct {
	insert, update, read, readSlice string
	multi                           sync.Map // int → INSERT of that many rows
}

// newStatements writes the SQL for target t.
func newStatements(t Target) *statements {
	p := t.Placeholder
	return &statements{
		insert: "INSERT INTO models (" + columns + ") VALUES " + valuesRow(p, 0) + " RETURNING id",
		update: "UPDATE models SET name = " + p(1) + ", title = " + p(2) + ", fax = " + p(3) + ", web = " + p(4) +
			", age = " + p(5) + `, "right" = ` + p(6) + ", counter = " + p(7) + " WHERE id = " + p(8),
		read:      "SELECT id, " + columns + " FROM models WHERE id = " + p(1),
		readSlice: "SELECT id, " + columns + " FROM models WHERE id > " + p(1) + " LIMIT " + p(2),
	}
}

// insertMulti returns the INSERT of n rows, built once per n.
func (s *statements) insertMulti(p func(int) string, n int) string {
	if q, ok := s.multi.Load(n); ok {
		return q.(string)
	}
	var b strings.Builder
	b.WriteString("INSERT INTO models (" + columns + ") VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(valuesRow(p, i*7))
	}
	b.WriteString(" RETURNING id")
	s.multi.Store(n, b.String())
	return b.String()
}

// valuesRow returns one "(?, ...)" tuple of seven parameters after the
// first `from`.
func valuesRow(p func(int) string, from int) string {
	parts := make([]string, 7)
	for i := range parts {
		parts[i] = p(from + i + 1)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// args returns m's non-key values in column order.
func args(m *Model) []any {
	return []any{m.Name, m.Title, m.Fax, m.Web, m.Age, m.Right, m.Counter}
}

// multiArgs returns the values of ms for insertMulti.
func multiArgs(ms []*Model) []any {
	out := make([]any, 0, 7*len(ms))
	for _, m := range ms {
		out = append(out, m.Name, m.Title, m.Fax, m.Web, m.Age, m.Right, m.Counter)
	}
	return out
}

// scanTargets returns pointers to every field of m in SELECT order.
func scanTargets(m *Model) []any {
	return []any{&m.ID, &m.Name, &m.Title, &m.Fax, &m.Web, &m.Age, &m.Right, &m.Counter}
}
