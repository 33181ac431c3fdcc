package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

// Ports of Alembic's testing/suite/test_autogen_comments.py, which
// requires comments: SQLite keeps none.

// commented is some_table with a table comment and an amount column.
func commented(tableComment string, amount ...colOpt) func() []*orm.Table {
	return func() []*orm.Table {
		t := pk(tbl("some_table", col("test", varchar(10)), col("amount", orm.ColumnType{Kind: dialect.Float}, amount...)), "test")
		t.Comment = tableComment
		return tables(t)
	}
}

// noComments skips SQLite.
var noComments = map[string]string{"sqlite": "requires comments (Alembic): SQLite keeps none"}

// tableCommentOps skips the table comment cases.
var tableCommentOps = map[string]string{"*": "difference: flagon has no table comment operation; a changed table comment is " +
	"reported in the notes, not proposed"}

var alembicCommentCases = []alembicCase{
	{name: "test_existing_table_comment_no_change", m1: commented("this is some table"), m2: commented("this is some table"), skip: noComments},
	{name: "test_add_table_comment", m1: commented(""), m2: commented("this is some table"), skip: tableCommentOps},
	{name: "test_remove_table_comment", m1: commented("this is some table"), m2: commented(""), skip: tableCommentOps},
	{name: "test_alter_table_comment", m1: commented("this is some table"), m2: commented("this is also some table"), skip: tableCommentOps},
	{name: "test_existing_column_comment_no_change", m1: commented("", comment("the amount")), m2: commented("", comment("the amount")),
		skip: noComments},
	{name: "test_add_column_comment", m1: commented(""), m2: commented("", comment("the amount")),
		want: []string{"modify_comment some_table.amount"}, skip: noComments},
	{name: "test_remove_column_comment", m1: commented("", comment("the amount")), m2: commented(""),
		want: []string{"modify_comment some_table.amount"}, skip: noComments},
	{name: "test_alter_column_comment", m1: commented("", comment("the amount")), m2: commented("", comment("the adjusted amount")),
		want: []string{"modify_comment some_table.amount"}, skip: noComments},
}

// TestAlembicTableCommentNoted: the table comment cases, which flagon
// reports in the notes.
func TestAlembicTableCommentNoted(t *testing.T) {
	for _, tc := range alembicCommentCases[1:4] {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				if db.Name == migrate.SQLite {
					t.Skip(noComments["sqlite"])
				}
				o, err := orm.Open(db.URL)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { o.Close() })
				if err := tableMeta(t, tc.m1, nil).CreateAll(context.Background(), o); err != nil {
					t.Fatal(err)
				}
				res, err := autogen.CompareDB(context.Background(), o.SQL(), tableMeta(t, tc.m2, nil), autogen.Options{Dialect: db.Name})
				if err != nil {
					t.Fatal(err)
				}
				if !res.Empty() || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "table comment change") {
					t.Errorf("upgrade %q, notes %q; want no operation and a note", summarize(res.Upgrade), res.Notes)
				}
			})
		})
	}
}

// TestAlembicComments ports AutogenerateCommentsTest.
func TestAlembicComments(t *testing.T) { runAlembicCases(t, alembicCommentCases) }
