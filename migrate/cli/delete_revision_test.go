package cli_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDeleteLastRevision is Alembic's habit of deleting the newest,
// unapplied revision file and generating it again: no other file names
// the revision, so the program still builds without it.
func TestDeleteLastRevision(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	p := newProgram(t, "sqlite:///"+filepath.Join(t.TempDir(), "app.db"))
	p.source(false)
	p.build()
	p.db("1", false, "init")
	p.source(true)
	p.build()
	p.db("1", false, "migrate", "-m", "initial migration", "--rev-id", "aaaaaaaaaaaa")
	p.build()
	p.db("1", false, "upgrade")
	p.db("2", false, "migrate", "-m", "add price column", "--rev-id", "bbbbbbbbbbbb")
	if err := os.Remove(filepath.Join(p.dir, "migrations", "versions", "bbbbbbbbbbbb_add_price_column.go")); err != nil {
		t.Fatal(err)
	}
	p.build() // failed with "undefined: revbbbbbbbbbbbb" when revisions.go listed every revision
	contains(t, p.db("2", false, "heads"), "aaaaaaaaaaaa (head)")
	contains(t, p.db("2", false, "migrate", "-m", "add price", "--rev-id", "cccccccccccc"), "Detected added column 'product.price'")
	p.build()
	contains(t, p.db("2", false, "upgrade"), "Running upgrade aaaaaaaaaaaa -> cccccccccccc, add price")
}
