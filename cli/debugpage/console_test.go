package debugpage_test

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
	_ "modernc.org/sqlite"
)

func TestCheckReadOnly(t *testing.T) {
	tests := []struct {
		sql string
		ok  bool
	}{
		{"SELECT 1", true},
		{"  select * from items where name = 'x' ;  ", true},
		{"SELECT 1; -- done", true},
		{"WITH t AS (SELECT 1 AS n) SELECT n FROM t", true},
		{"VALUES (1), (2)", true},
		{"SELECT 'DELETE FROM items' AS s", true},
		{`SELECT "update" FROM t`, true},
		{"SELECT $tag$ DROP TABLE x $tag$", true},
		{"SELECT * FROM t WHERE id = $1", true},
		{"/* hello */ SELECT 1", true},
		{"SELECT replace(name, 'a', 'b') FROM t", true},
		{"", false},
		{"   -- only a comment", false},
		{"DELETE FROM items", false},
		{"delete from items", false},
		{"UPDATE items SET n = 1", false},
		{"INSERT INTO items VALUES (1)", false},
		{"DROP TABLE items", false},
		{"PRAGMA writable_schema = 1", false},
		{"SELECT 1; DELETE FROM items", false},
		{"SELECT 1; SELECT 2", false},
		{"SELECT * INTO backup FROM items", false},
		{"SELECT * FROM items FOR UPDATE", false},
		{"WITH d AS (DELETE FROM items RETURNING *) SELECT * FROM d", false},
		{"SELECT 'unterminated", false},
		{"SELECT 1 /* unterminated", false},
		{`SELECT '\'; DELETE FROM items; --'`, false},
		{"SELECT $x$ unterminated", false},
		{"SELECT 1; 'x'", false},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			err := debugpage.CheckReadOnly(tt.sql)
			if (err == nil) != tt.ok {
				t.Errorf("CheckReadOnly(%q) = %v, want ok=%v", tt.sql, err, tt.ok)
			}
			if err != nil && !errors.Is(err, debugpage.ErrNotReadOnly) {
				t.Errorf("error %v does not wrap ErrNotReadOnly", err)
			}
		})
	}
}

func FuzzCheckReadOnly(f *testing.F) {
	for _, s := range []string{"SELECT 1", "SELECT 'a''b'", "SELECT $a$x$a$", "DELETE FROM t", "/* x */ SELECT 1; --"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := debugpage.CheckReadOnly(s)
		if err != nil {
			return
		}
		upper := strings.ToUpper(s)
		if !strings.Contains(upper, "SELECT") && !strings.Contains(upper, "WITH") && !strings.Contains(upper, "VALUES") {
			t.Errorf("accepted %q without SELECT, WITH or VALUES", s)
		}
	})
}

// openDB returns an in-memory SQLite database with a table.
func openDB(t *testing.T) *sql.DB {
	db, err := sql.Open("sqlite", "file:"+t.Name()+"?mode=memory&cache=shared")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL)",
		"INSERT INTO items (name, price) VALUES ('widget', 2.5), ('gadget', NULL)",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestSQLConsole(t *testing.T) {
	db := openDB(t)
	cols, rows, err := debugpage.SQLConsole(db).Query(context.Background(), "SELECT name, price FROM items ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(cols, ",") + "|" + strings.Join(rows[0], ",") + "|" + strings.Join(rows[1], ",")
	if got != "name,price|widget,2.5|gadget,NULL" {
		t.Errorf("got %s", got)
	}
}

func TestConsoleOnPage(t *testing.T) {
	db := openDB(t)
	app, _ := newApp(true, debugpage.Options{PIN: testPIN})
	debugpage.AddConsole(app, "main", debugpage.SQLConsole(db))
	c := flagontest.NewClient(t, app)
	id := fail(t, c)
	query := func(q string) *flagontest.Response {
		return c.Post("/__flagon__/console", flagontest.Form(url.Values{"failure": {id}, "console": {"main"}, "sql": {q}}))
	}
	if r := query("SELECT name FROM items"); r.StatusCode != 403 || strings.Contains(r.Text(), "<td>widget</td>") {
		t.Fatalf("console without the PIN: %d", r.StatusCode)
	}
	enter(c, id, testPIN)
	r := query("SELECT name FROM items ORDER BY id")
	if r.StatusCode != 200 || !strings.Contains(r.Text(), "<th>name</th></tr>\n<tr><td>widget</td></tr><tr><td>gadget</td></tr>") {
		t.Errorf("console result missing: %d", r.StatusCode)
	}
	r = query("DELETE FROM items")
	if !strings.Contains(r.Text(), "only single SELECT statements: DELETE is not allowed") {
		t.Error("DELETE was not refused")
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM items").Scan(&n); err != nil || n != 2 {
		t.Errorf("rows after the refused DELETE: %d %v", n, err)
	}
	if r := c.Post("/__flagon__/console", flagontest.Form(url.Values{"failure": {id}, "console": {"other"}, "sql": {"SELECT 1"}})); !strings.Contains(r.Text(), `no console named &#34;other&#34;`) {
		t.Error("unknown console not reported")
	}
}
