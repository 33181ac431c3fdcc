package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/script"
)

// rebuild stands for recompiling the program: the revisions become those
// on disk (with empty bodies).
func (a *app) rebuild() {
	a.t.Helper()
	entries, err := script.Scan(filepath.Join(a.dir, "versions"))
	if err != nil {
		a.t.Fatal(err)
	}
	a.revs = nil
	for _, e := range entries {
		a.revs = append(a.revs, &migrate.Revision{ID: e.ID, Down: e.Down, BranchLabels: e.BranchLabels, DependsOn: e.DependsOn, Message: e.Message})
	}
}

// graphApp makes a repository with revisions a, b (a -> b), and a branch c
// from a labelled "shop".
func graphApp(t *testing.T) *app {
	a := newApp(t, dbtest.SQLite(t))
	a.ids = []string{"unused1", "unused2", "unused3", "unused4"}
	for range 8 {
		a.times = append(a.times, a.times[0])
	}
	a.must("init")
	a.must("revision", "-m", "first", "--rev-id", "aaaa1111")
	a.rebuild()
	a.must("revision", "-m", "second", "--rev-id", "bbbb2222")
	a.rebuild()
	a.must("revision", "-m", "shop start", "--rev-id", "cccc3333", "--head", "aaaa1111", "--splice", "--branch-label", "shop")
	a.rebuild()
	return a
}

func TestGraphCommands(t *testing.T) {
	a := graphApp(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"heads", []string{"heads"}, "bbbb2222 (head)\ncccc3333 (shop) (head)\n"},
		{"branches", []string{"branches"}, "aaaa1111 (branchpoint)\n         -> bbbb2222 (head)\n         -> cccc3333 (shop) (head)\n\n"},
		{"history", []string{"history"}, "aaaa1111 -> bbbb2222 (head), second\naaaa1111 -> cccc3333 (shop) (head), shop start\n<base> -> aaaa1111 (branchpoint), first\n"},
		{"history range", []string{"history", "-r", "bbbb:bbbb"}, "aaaa1111 -> bbbb2222 (head), second\n"},
		{"show by label", []string{"show", "shop"}, "Rev: cccc3333 (head)\nParent: aaaa1111\nBranch names: shop\nPath: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if out := a.must(tt.args...); !strings.HasPrefix(out, tt.want) {
				t.Errorf("db %v =\n%s\nwant prefix\n%s", tt.args, out, tt.want)
			}
		})
	}
}

func TestCommandErrors(t *testing.T) {
	a := graphApp(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"revision on two heads", []string{"revision", "-m", "x"}, "Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge."},
		{"not a head", []string{"revision", "-m", "x", "--head", "aaaa1111"}, "Revision aaaa1111 is not a head revision; please specify --splice to create a new branch from this revision"},
		{"duplicate id", []string{"revision", "-m", "x", "--head", "shop@head", "--rev-id", "bbbb2222"}, "Revision bbbb2222 is already present"},
		{"duplicate label", []string{"revision", "-m", "x", "--head", "shop@head", "--branch-label", "shop"}, "Branch name 'shop'"},
		{"unknown dependency", []string{"revision", "-m", "x", "--head", "shop@head", "--depends-on", "zzzz"}, "Can't locate revision identified by 'zzzz'"},
		{"upgrade head with two heads", []string{"upgrade", "head"}, "Multiple head revisions are present"},
		{"show unknown", []string{"show", "nope"}, "Can't locate revision identified by 'nope'"},
		{"ambiguous", []string{"show", "c"}, ""},
		{"init twice", []string{"init"}, "already exists and is not empty"},
		{"merge one", []string{"merge", "-m", "m", "bbbb2222"}, "merge needs at least two revisions"},
		{"downgrade sql without range", []string{"downgrade", "--sql"}, "<fromrev>:<torev>"},
		{"edit without editor", []string{"edit", "bbbb"}, "set $EDITOR"},
	}
	t.Setenv("EDITOR", "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.run(tt.args...)
			if tt.want == "" {
				if err != nil {
					t.Errorf("db %v: %v", tt.args, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("db %v error = %v, want %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestMergeDependsOnAndEdit(t *testing.T) {
	a := graphApp(t)
	out := a.must("merge", "-m", "merge heads", "heads", "--rev-id", "dddd4444")
	contains(t, out, filepath.Join("versions", "dddd4444_merge_heads.go"))
	a.rebuild()
	if got := a.must("heads"); got != "dddd4444 (shop) (head)\n" {
		t.Errorf("heads after merge = %q", got)
	}
	a.must("revision", "-m", "needs shop", "--rev-id", "eeee5555", "--depends-on", "shop")
	a.rebuild()
	src, _ := os.ReadFile(filepath.Join(a.dir, "versions", "eeee5555_needs_shop.go"))
	contains(t, string(src), `DependsOn:    []string{"shop"},`)
	contains(t, string(src), "// Revises: dddd4444")
	contains(t, a.must("show", "eeee"), "Also depends on: shop")

	t.Setenv("EDITOR", "touch")
	stamp := filepath.Join(a.dir, "versions", "eeee5555_needs_shop.go")
	before, _ := os.Stat(stamp)
	a.must("edit")
	after, _ := os.Stat(stamp)
	if after.ModTime().Before(before.ModTime()) {
		t.Error("edit did not run $EDITOR on the head revision")
	}
}

func TestStampAndCheck(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := newApp(t, db)
		a.must("init")
		a.models.set(t, product{})
		_, err := a.run("check")
		if err == nil || !strings.Contains(err.Error(), "New upgrade operations detected: create table product") {
			t.Errorf("check on an empty database: %v", err)
		}
		a.must("migrate", "-m", "initial migration")
		a.rebuild()
		if _, err := a.run("migrate", "-m", "again"); err == nil || err.Error() != "Target database is not up to date." {
			t.Errorf("migrate on an old database: %v", err)
		}
		a.must("stamp", "head")
		if got := a.stdout("current"); got != "db531a47e319 (head)\n" {
			t.Errorf("current after stamp = %q", got)
		}
		if got := a.stdout("history", "-i"); got != "<base> -> db531a47e319 (head) (current), initial migration\n" {
			t.Errorf("history -i = %q", got)
		}
		if got := a.stdout("current", "-v"); !strings.HasPrefix(got, "Current revision(s) for "+db.URL+":\nRev: db531a47e319 (head)\nParent: <base>\nPath: ") ||
			!strings.Contains(got, "    initial migration\n    \n    Revision ID: db531a47e319\n") {
			t.Errorf("current -v = %q", got)
		}
		a.must("stamp", "base", "--purge")
		if got := a.stdout("current"); got != "" {
			t.Errorf("current after stamp base = %q", got)
		}
	})
}
