package autogen

import (
	"regexp"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
)

// converter turns Atlas objects into neutral migrate values. Its
// overrides, when set, give the types to render (the models' types).
type converter struct {
	dialect string
	over    overrides
}

// column converts an Atlas column.
func (c converter) column(col *schema.Column) migrate.Column {
	t, serial := neutralType(c.dialect, col.Type.Type)
	if mt, ok := c.over.types[col]; ok {
		t = mt
	}
	out := migrate.Column{Name: col.Name, Type: t, Nullable: col.Type.Null, Autoincrement: serial}
	if hasAutoIncrement(col.Attrs) {
		out.Autoincrement = true
	}
	out.ServerDefault = defaultExpr(col.Default)
	for _, a := range col.Attrs {
		if cm, ok := a.(*schema.Comment); ok {
			out.Comment = cm.Text
		}
	}
	return out
}

// hasAutoIncrement reports MySQL's or SQLite's AUTOINCREMENT attribute.
func hasAutoIncrement(attrs []schema.Attr) bool {
	for _, a := range attrs {
		switch a.(type) {
		case *mysql.AutoIncrement, *sqlite.AutoIncrement:
			return true
		}
	}
	return false
}

// defaultExpr returns a default as SQL text; the current time is
// CURRENT_TIMESTAMP whatever the database's spelling (now(),
// CURRENT_TIMESTAMP(6)), and the compiler spells it for each dialect.
func defaultExpr(e schema.Expr) string {
	switch e := e.(type) {
	case *schema.Literal:
		return e.V
	case *schema.RawExpr:
		if currentTime.MatchString(strings.TrimSpace(e.X)) {
			return migrate.CurrentTimestamp
		}
		return e.X
	}
	return ""
}

// currentTime matches the spellings of the current time.
var currentTime = regexp.MustCompile(`(?i)^\(?(now\(\)|current_timestamp(\(\d?\))?)\)?$`)

// table converts an Atlas table. A single-column integer primary key
// without a default autoincrements, as SQLAlchemy's autoincrement="auto".
func (c converter) table(t *schema.Table) migrate.Table {
	out := migrate.Table{Name: t.Name}
	for _, col := range t.Columns {
		out.Columns = append(out.Columns, c.column(col))
	}
	if pk := t.PrimaryKey; pk != nil {
		out.PrimaryKey = partNames(pk)
		if len(out.PrimaryKey) == 1 {
			c.markAutoincrement(t, &out, out.PrimaryKey[0])
		}
	}
	for _, i := range t.Indexes {
		if c.dialect == migrate.MySQL && implicitFKIndex(t, i) {
			continue // MySQL made it for the foreign key, and will again
		}
		out.Indexes = append(out.Indexes, c.index(i))
	}
	for _, f := range t.ForeignKeys {
		out.ForeignKeys = append(out.ForeignKeys, c.foreignKey(f))
	}
	for _, a := range t.Attrs {
		switch a := a.(type) {
		case *schema.Check:
			if c.over.enumChecks[a] {
				continue // the enum type makes it
			}
			out.Checks = append(out.Checks, migrate.Check{Name: a.Name, Expr: c.checkExpr(a.Expr)})
		case *schema.Comment:
			out.Comment = a.Text
		}
	}
	return out
}

// markAutoincrement sets Autoincrement on an integer key column without
// default, unless the models say otherwise (no_autoincrement).
func (c converter) markAutoincrement(at *schema.Table, t *migrate.Table, name string) {
	for i, col := range t.Columns {
		if auto, known := c.over.auto[at.Columns[i]]; known {
			t.Columns[i].Autoincrement = auto
			continue
		}
		if col.Name == name && col.Type.Kind.Integral() && col.ServerDefault == "" {
			t.Columns[i].Autoincrement = true
		}
	}
}

// partNames returns the column names of an index.
func partNames(i *schema.Index) []string {
	var out []string
	for _, p := range i.Parts {
		if p.C != nil {
			out = append(out, p.C.Name)
		} else if x, ok := p.X.(*schema.RawExpr); ok {
			out = append(out, x.X)
		}
	}
	return out
}

// index converts an Atlas index.
func (c converter) index(i *schema.Index) migrate.Index {
	return migrate.Index{Name: i.Name, Columns: partNames(i), Unique: i.Unique}
}

// foreignKey converts an Atlas foreign key.
func (c converter) foreignKey(f *schema.ForeignKey) migrate.ForeignKey {
	out := migrate.ForeignKey{Name: f.Symbol, RefTable: f.RefTable.Name,
		OnDelete: string(f.OnDelete), OnUpdate: string(f.OnUpdate)}
	for _, col := range f.Columns {
		out.Columns = append(out.Columns, col.Name)
	}
	for _, col := range f.RefColumns {
		out.RefColumns = append(out.RefColumns, col.Name)
	}
	// NO ACTION is every database's default (MySQL reports it as RESTRICT,
	// which it treats alike): leave it out of the revision.
	deflt := func(opt string) bool {
		return opt == string(schema.NoAction) || (c.dialect == migrate.MySQL && opt == string(schema.Restrict))
	}
	if deflt(out.OnDelete) {
		out.OnDelete = ""
	}
	if deflt(out.OnUpdate) {
		out.OnUpdate = ""
	}
	return out
}

// pgCast matches PostgreSQL's casts in inspected expressions ('a'::text).
var pgCast = regexp.MustCompile(`::(?:character varying|timestamp with(?:out)? time zone|double precision|[a-z_][a-z0-9_]*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?`)

// parenIdent matches an identifier alone in parentheses, (title), with
// the character before it, which must not make it a function's argument
// list: length(title) keeps its parentheses.
var parenIdent = regexp.MustCompile(`(^|[^\w"])\(("?\w+"?)\)`)

// checkExpr returns an inspected CHECK expression in a form every dialect
// reads: PostgreSQL's casts removed, MySQL's backquotes made double quotes
// (which the compiler turns back into backquotes for MySQL).
func (c converter) checkExpr(expr string) string {
	switch c.dialect {
	case migrate.PostgreSQL:
		expr = parenIdent.ReplaceAllString(pgCast.ReplaceAllString(expr, ""), "$1$2")
	case migrate.MySQL:
		expr = backquotesToDouble(expr)
	}
	return expr
}

// backquoted matches a backquoted name.
var backquoted = regexp.MustCompile("`([^`]*)`")

// plainName matches names that need no quotes.
var plainName = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// reserved are SQL keywords that stay quoted as names.
var reserved = map[string]bool{"order": true, "group": true, "select": true, "from": true, "where": true,
	"user": true, "key": true, "table": true, "check": true, "default": true, "desc": true, "asc": true,
	"index": true, "values": true, "in": true, "is": true, "not": true, "and": true, "or": true, "null": true,
	"like": true, "between": true, "case": true, "when": true, "then": true, "else": true, "end": true,
	"limit": true, "offset": true, "primary": true, "references": true, "unique": true, "to": true}

// backquotesToDouble turns `name` into name, or "name" when it needs
// quotes, outside string literals.
func backquotesToDouble(expr string) string {
	var b strings.Builder
	for i, part := range strings.Split(expr, "'") {
		if i > 0 {
			b.WriteString("'")
		}
		if i%2 == 1 {
			b.WriteString(part) // inside a string literal
			continue
		}
		b.WriteString(backquoted.ReplaceAllStringFunc(part, func(q string) string {
			name := q[1 : len(q)-1]
			if plainName.MatchString(name) && !reserved[name] {
				return name
			}
			return `"` + name + `"`
		}))
	}
	return b.String()
}

// implicitFKIndex reports whether an index is the one MySQL creates for a
// foreign key: named after it, on its columns.
func implicitFKIndex(t *schema.Table, i *schema.Index) bool {
	fk, ok := t.ForeignKey(i.Name)
	if !ok || i.Unique || len(fk.Columns) != len(i.Parts) {
		return false
	}
	for n, p := range i.Parts {
		if p.C == nil || p.C.Name != fk.Columns[n].Name {
			return false
		}
	}
	return true
}
