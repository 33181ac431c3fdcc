package orm

import "fmt"

// BindParam is SQLAlchemy's bindparam(name): a placeholder whose value
// each row of a bulk UPDATE by primary key supplies under that name, for
// per-row criteria: orm.BulkUpdate[User](s).Where(orm.C("age").Gt(
// orm.BindParam("gtage"))).Values(map[string]any{"ID": 1, "gtage": 28,
// "Age": 40}). Rendered anywhere else it is an error naming it.
func BindParam(name string) Expr { return bindParam{name} }

// bindParam is the expression BindParam returns.
type bindParam struct{ name string }

// bindValues are the values of a statement's BindParams; used records
// the names rendered.
type bindValues struct {
	vals map[string]any
	used map[string]bool
}

// AppendSQL binds the row's value of the parameter.
func (p bindParam) AppendSQL(b *Builder) {
	if b.params == nil {
		b.SetErr(fmt.Errorf("orm: BindParam(%q) has no value here: bind parameters take their values from the rows of a bulk UPDATE (orm.BulkUpdate ... Values)", p.name))
		return
	}
	if b.params.used != nil {
		b.params.used[p.name] = true
	}
	b.Arg(b.params.vals[p.name])
}
