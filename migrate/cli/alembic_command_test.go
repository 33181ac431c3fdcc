package cli_test

// Ports of Alembic's tests/test_command.py: history ranges, current,
// stamp (online, --sql, --purge), offline upgrade and downgrade, edit,
// revision and merge, through the db commands on each database.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// The three revisions of Alembic's three_rev_fixture.
const revA, revB, revC = "3cac04ae8714", "8c6fc3d34e0e", "ba44ba9c7a1e"

// threeRevApp makes a -> b -> c, each of whose upgrades and downgrades
// executes "CREATE STEP n" / "DROP STEP n" as comments, as the fixture's.
func threeRevApp(t *testing.T, db dbtest.DB) *app {
	a := newApp(t, db)
	for range 8 {
		a.times = append(a.times, a.times[0])
	}
	a.must("init")
	for i, id := range []string{revA, revB, revC} {
		a.must("revision", "-m", "revision "+string(rune('a'+i)), "--rev-id", id)
		a.rebuild()
	}
	a.addSteps()
	return a
}

// addSteps gives each revision of a.revs, in order, SQL comments naming
// its step.
func (a *app) addSteps() {
	for i, r := range a.revs {
		n := i + 1
		r.Upgrade = func(op *migrate.Op) error { op.Execute(fmt.Sprintf("-- CREATE STEP %d", n)); return nil }
		r.Downgrade = func(op *migrate.Op) error { op.Execute(fmt.Sprintf("-- DROP STEP %d", n)); return nil }
	}
}

// revsApp makes the revisions given as "id down [deps]" (down and deps
// comma-separated, "-" for none), in order.
func revsApp(t *testing.T, db dbtest.DB, specs ...string) *app {
	a := newApp(t, db)
	for range specs {
		a.times = append(a.times, a.times[0])
	}
	a.must("init")
	for _, s := range specs {
		f := strings.Fields(s)
		args := []string{"revision", "-m", f[0], "--rev-id", f[0], "--splice"}
		if f[1] == "-" {
			args = append(args, "--head", "base")
		} else {
			args = append(args, "--head", f[1])
		}
		if len(f) > 2 {
			args = append(args, "--depends-on", f[2])
		}
		if f[1] != "-" && strings.Contains(f[1], ",") {
			args = []string{"merge", "-m", f[0], "--rev-id", f[0]}
			args = append(args, strings.Split(f[1], ",")...)
		}
		a.must(args...)
		a.rebuild()
	}
	return a
}

// versionRows reads the version table, sorted.
func versionRows(t *testing.T, a *app) []string {
	t.Helper()
	rows, err := a.open().Query("SELECT version_num FROM alembic_version")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

func historyLine(id string) string {
	switch id {
	case revA:
		return "<base> -> " + revA + ", revision a"
	case revB:
		return revA + " -> " + revB + ", revision b"
	}
	return revB + " -> " + revC + " (head), revision c"
}

// TestHistoryTest ports HistoryTest.
func TestHistoryTest(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := threeRevApp(t, db)
		tests := []struct {
			name  string
			stamp string
			args  []string
			want  []string
		}{
			{"test_history_full", "", nil, []string{revC, revB, revA}},
			{"test_history_num_range", "", []string{"-r", revA + ":" + revB}, []string{revB, revA}},
			{"test_history_base_to_num", "", []string{"-r", ":" + revB}, []string{revB, revA}},
			{"test_history_num_to_head", "", []string{"-r", revA + ":"}, []string{revC, revB, revA}},
			{"test_history_num_plus_relative", "", []string{"-r", revA + ":+2"}, []string{revC, revB, revA}},
			{"test_history_relative_to_num", "", []string{"-r", "-2:" + revC}, []string{revC, revB, revA}},
			{"test_history_too_large_relative_to_num", "", []string{"-r", "-5:" + revC}, []string{revC, revB, revA}},
			{"test_history_current_to_head_as_b", revB, []string{"-r", "current:"}, []string{revC, revB}},
			{"test_history_current_to_head_as_base", "base", []string{"-r", "current:"}, []string{revC, revB, revA}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if tt.stamp != "" {
					a.must("stamp", tt.stamp)
				}
				var want []string
				for _, id := range tt.want {
					want = append(want, historyLine(id))
				}
				got := a.stdout(append([]string{"history"}, tt.args...)...)
				if got != strings.Join(want, "\n")+"\n" {
					t.Errorf("history %v =\n%s\nwant\n%s", tt.args, got, strings.Join(want, "\n"))
				}
				verbose := a.stdout(append([]string{"history", "-v"}, tt.args...)...)
				if n := strings.Count(verbose, "Rev: "); n != len(tt.want) || !strings.HasPrefix(verbose, "Rev: "+tt.want[0]) {
					t.Errorf("history -v %v =\n%s", tt.args, verbose)
				}
			})
		}
		t.Run("test_history_indicate_current", func(t *testing.T) {
			a.must("stamp", revB)
			got := a.stdout("history", "-i")
			want := historyLine(revC) + "\n" + revA + " -> " + revB + " (current), revision b\n" + historyLine(revA) + "\n"
			if got != want {
				t.Errorf("history -i =\n%s\nwant\n%s", got, want)
			}
		})
		t.Run("history range errors", func(t *testing.T) {
			for _, c := range []struct{ rng, want string }{
				{revA, "History range requires [start]:[end], [start]:, or :[end]"},
				{revB + ":" + revA, "Requested range " + revB + ":" + revA + " does not refer to ancestor/descendant revisions along the same branch"},
				{"zzzz:", "Can't locate revision identified by 'zzzz'"},
			} {
				if _, err := a.run("history", "-r", c.rng); err == nil || err.Error() != c.want {
					t.Errorf("history -r %s error = %v, want %q", c.rng, err, c.want)
				}
			}
		})
	})
}

// currentApp is CurrentTest's fixture: a1 -> a2 -> a3, b1 -> b2 (depends
// on a2) -> b3.
func currentApp(t *testing.T, db dbtest.DB) *app {
	return revsApp(t, db, "a1aa -", "a2aa a1aa", "a3aa a2aa", "b1bb -", "b2bb b1bb a2aa", "b3bb b2bb")
}

// currentIDs runs "current" and returns the revision of each line, sorted.
func currentIDs(t *testing.T, a *app) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(a.stdout("current")), "\n") {
		if l != "" {
			out = append(out, strings.Fields(l)[0])
		}
	}
	slices.Sort(out)
	return out
}

// TestCurrentTest ports CurrentTest.
func TestCurrentTest(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := currentApp(t, db)
		t.Run("test_doesnt_create_alembic_version", func(t *testing.T) {
			a.must("current")
			var n int
			err := a.open().QueryRow("SELECT COUNT(*) FROM alembic_version").Scan(&n)
			if err == nil {
				t.Error("current created the version table")
			}
		})
		tests := []struct {
			name   string
			stamps [][]string
			up     string
			want   string
		}{
			{"test_no_current", [][]string{{"base"}}, "", ""},
			{"test_plain_current", [][]string{{"base"}, {"a3aa"}}, "", "a3aa"},
			{"test_two_heads", [][]string{{"base"}, {"a1aa", "b1bb"}}, "", "a1aa b1bb"},
			{"test_heads_one_is_dependent", [][]string{{"base"}, {"b2bb"}}, "", "a2aa b2bb"},
			{"test_heads_upg", [][]string{{"base"}, {"b2bb"}}, "b3bb", "a2aa b3bb"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				for _, s := range tt.stamps {
					a.must(append([]string{"stamp"}, s...)...)
				}
				if tt.up != "" {
					a.must("upgrade", tt.up)
				}
				if got := currentIDs(t, a); !slices.Equal(got, strings.Fields(tt.want)) && !(len(got) == 0 && tt.want == "") {
					t.Errorf("current = %v, want %v", got, tt.want)
				}
			})
		}
	})
}

// multiHeadsApp is three_rev_fixture plus multi_heads_fixture: d from b
// (so b branches), e from d, f from b... as Alembic's: d -> b, e -> d,
// f -> b.
func multiHeadsApp(t *testing.T, db dbtest.DB) *app {
	return revsApp(t, db, revA+" -", revB+" "+revA, revC+" "+revB, "d0d0d0d0d0d0 "+revB, "e0e0e0e0e0e0 d0d0d0d0d0d0", "f0f0f0f0f0f0 "+revB)
}

// inserted returns the revisions INSERTed and the UPDATEs of a script.
func inserted(out string) (ins []string, updates []string) {
	for _, l := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(l, "INSERT INTO alembic_version (version_num) VALUES ('"); ok {
			ins = append(ins, strings.TrimSuffix(v, "');"))
		}
		if strings.HasPrefix(l, "UPDATE alembic_version") {
			updates = append(updates, l)
		}
	}
	slices.Sort(ins)
	return ins, updates
}

// TestStampMultipleHeadsTest ports StampMultipleHeadsTest, StampMultipleRootsTest and LiveStampTest.
func TestStampMultipleHeadsTest(t *testing.T) {
	const d, e, f = "d0d0d0d0d0d0", "e0e0e0e0e0e0", "f0f0f0f0f0f0"
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := multiHeadsApp(t, db)
		sqlCases := []struct {
			name    string
			args    []string
			ins     []string
			updates []string
			err     string
		}{
			{name: "test_sql_stamp_heads", args: []string{"heads"}, ins: []string{revC, e, f}},
			{name: "test_sql_stamp_multi_rev_nonsensical", args: []string{revA, e, f}, ins: []string{revA, e, f}},
			{name: "test_sql_stamp_multi_rev_from_multi_base_nonsensical", args: []string{"base:" + revA, "base:" + e, "base:" + f}, ins: []string{revA, e, f}},
			{name: "test_sql_stamp_multi_rev_from_multi_start", args: []string{revB + ":" + revC, revB + ":" + e, revB + ":" + f},
				ins: []string{e, f}, updates: []string{"UPDATE alembic_version SET version_num='" + revC + "' WHERE alembic_version.version_num = '" + revB + "';"}},
			{name: "test_sql_stamp_heads_symbolic", args: []string{revB + ":heads"},
				ins: []string{e, f}, updates: []string{"UPDATE alembic_version SET version_num='" + revC + "' WHERE alembic_version.version_num = '" + revB + "';"}},
			{name: "test_sql_stamp_different_multi_start", args: []string{revB + ":" + revC, revA + ":" + e}, err: "Stamp operation with --sql only supports a single starting revision at a time"},
			{name: "test_stamp_purge_no_sql", args: []string{revC, "--purge"}, err: "Can't use --purge with --sql mode"},
		}
		for _, tt := range sqlCases {
			t.Run(tt.name, func(t *testing.T) {
				out, err := a.run(append([]string{"stamp", "--sql"}, tt.args...)...)
				if tt.err != "" {
					if err == nil || err.Error() != tt.err {
						t.Fatalf("stamp --sql %v error = %v, want %q", tt.args, err, tt.err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				ins, updates := inserted(a.out.String())
				want := slices.Clone(tt.ins)
				slices.Sort(want)
				if !slices.Equal(ins, want) || !slices.Equal(updates, tt.updates) {
					t.Errorf("stamp --sql %v inserted %v updated %v, want %v %v\n%s", tt.args, ins, updates, want, tt.updates, out)
				}
			})
		}
		online := []struct {
			name   string
			before []string
			args   []string
			rows   []string
		}{
			{"test_online_stamp_multi_rev_nonsensical", nil, []string{revA, e, f}, []string{revA, e, f}},
			{"test_online_stamp_multi_rev_from_real_ancestor", []string{revA}, []string{e, f}, []string{e, f}},
			{"test_online_stamp_version_already_there", []string{revC, e}, []string{revC, e}, []string{revC, e}},
			{"test_stamp_purge", []string{revA}, []string{revA, e, f, "--purge"}, []string{revA, e, f}},
			{"LiveStampTest.test_stamp_creates_table", nil, []string{"head"}, nil},
			{"LiveStampTest.test_stamp_existing_upgrade", []string{revA}, []string{revB}, []string{revB}},
			{"LiveStampTest.test_stamp_existing_downgrade", []string{revB}, []string{revA}, []string{revA}},
			{"LiveStampTest.test_stamp_version_already_there", []string{revB}, []string{revB}, []string{revB}},
		}
		for _, tt := range online {
			t.Run(tt.name, func(t *testing.T) {
				a.must("stamp", "base", "--purge")
				if tt.before != nil {
					a.must(append([]string{"stamp"}, tt.before...)...)
				}
				if tt.name == "test_stamp_purge" {
					if _, err := a.open().Exec("UPDATE alembic_version SET version_num='fake'"); err != nil {
						t.Fatal(err)
					}
				}
				_, err := a.run(append([]string{"stamp"}, tt.args...)...)
				if tt.rows == nil {
					if err == nil || !strings.Contains(err.Error(), "Multiple heads are present; please specify a single target revision") {
						t.Fatalf("stamp head with several heads: %v", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				want := slices.Clone(tt.rows)
				slices.Sort(want)
				if got := versionRows(t, a); !slices.Equal(got, want) {
					t.Errorf("rows = %v, want %v", got, want)
				}
			})
		}
	})
}

// TestUpgradeDowngradeStampTest ports UpgradeDowngradeStampTest (offline
// scripts).
func TestUpgradeDowngradeStampTest(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := threeRevApp(t, db)
		tests := []struct {
			name     string
			args     []string
			has, not []string
		}{
			{"test_version_from_none_insert", []string{"upgrade", "--sql", revA},
				[]string{"CREATE TABLE alembic_version", "INSERT INTO alembic_version", "CREATE STEP 1"}, []string{"CREATE STEP 2", "CREATE STEP 3"}},
			{"test_version_from_middle_update", []string{"upgrade", "--sql", revB + ":" + revC},
				[]string{"UPDATE alembic_version", "CREATE STEP 3"}, []string{"CREATE TABLE alembic_version", "CREATE STEP 1", "CREATE STEP 2"}},
			{"test_version_to_none", []string{"downgrade", "--sql", revC + ":base"},
				[]string{"DROP STEP 3", "DROP STEP 2", "DROP STEP 1"}, []string{"CREATE TABLE alembic_version", "INSERT INTO alembic_version", "DROP TABLE alembic_version"}},
			{"test_sql_stamp_to_base_no_drop", []string{"stamp", "--sql", "base"}, nil, []string{"DROP TABLE alembic_version"}},
			{"test_version_to_middle", []string{"downgrade", "--sql", revC + ":" + revA},
				[]string{"DROP STEP 3", "DROP STEP 2"}, []string{"CREATE TABLE alembic_version", "INSERT INTO alembic_version", "DROP TABLE alembic_version", "DROP STEP 1"}},
			{"test_none_to_head_sql", []string{"upgrade", "--sql", "head"},
				[]string{"CREATE TABLE alembic_version", "UPDATE alembic_version", "CREATE STEP 1", "CREATE STEP 2", "CREATE STEP 3"}, nil},
			{"test_base_to_head_sql", []string{"upgrade", "--sql", "base:head"},
				[]string{"CREATE TABLE alembic_version", "UPDATE alembic_version", "CREATE STEP 1", "CREATE STEP 2", "CREATE STEP 3"}, nil},
			{"test_sql_stamp_from_rev", []string{"stamp", "--sql", revA + ":head"},
				[]string{"UPDATE alembic_version SET version_num='" + revC + "' WHERE alembic_version.version_num = '" + revA + "';"}, nil},
			{"test_sql_stamp_from_partial_rev", []string{"stamp", "--sql", revA[:7] + ":head"},
				[]string{"UPDATE alembic_version SET version_num='" + revC + "' WHERE alembic_version.version_num = '" + revA + "';"}, nil},
			{"test_sql_stamp_revision_as_kw", []string{"stamp", "--sql"},
				[]string{"INSERT INTO alembic_version (version_num) VALUES ('" + revC + "')"}, nil},
			{"test_stamp_argparser_single_rev", []string{"stamp", revC, "--sql"},
				[]string{"INSERT INTO alembic_version (version_num) VALUES ('" + revC + "')"}, nil},
			{"test_stamp_argparser_multiple_rev", []string{"stamp", revB, revC, "--sql"},
				[]string{"INSERT INTO alembic_version (version_num) VALUES ('" + revB + "')", "INSERT INTO alembic_version (version_num) VALUES ('" + revC + "')"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a.must(tt.args...)
				out := a.out.String()
				for _, h := range tt.has {
					if !strings.Contains(out, h) {
						t.Errorf("db %v output lacks %q:\n%s", tt.args, h, out)
					}
				}
				for _, n := range tt.not {
					if strings.Contains(out, n) {
						t.Errorf("db %v output has %q:\n%s", tt.args, n, out)
					}
				}
			})
		}
	})
}

// TestEditTest ports EditTest, with $EDITOR a script recording its argument.
func TestEditTest(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := threeRevApp(t, db)
		log := filepath.Join(t.TempDir(), "edited")
		editor := filepath.Join(t.TempDir(), "editor.sh")
		if err := os.WriteFile(editor, []byte("#!/bin/sh\necho \"$1\" >> "+log+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("EDITOR", editor)
		file := func(id, msg string) string {
			return filepath.Join(a.dir, "versions", id+"_"+msg+".go")
		}
		tests := []struct {
			name  string
			stamp string
			arg   string
			want  string
			err   string
		}{
			{name: "test_edit_head", arg: "head", want: file(revC, "revision_c")},
			{name: "test_edit_b", arg: revB[:3], want: file(revB, "revision_b")},
			{name: "test_edit_no_revs", arg: "base", err: "No revision files indicated by symbol 'base'"},
			{name: "test_edit_no_current", arg: "current", err: "No current revisions"},
			{name: "test_edit_current", stamp: revB, arg: "current", want: file(revB, "revision_b")},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a.must("stamp", "base")
				if tt.stamp != "" {
					a.must("stamp", tt.stamp)
				}
				os.Remove(log)
				_, err := a.run("edit", tt.arg)
				if tt.err != "" {
					if err == nil || err.Error() != tt.err {
						t.Fatalf("edit %s error = %v, want %q", tt.arg, err, tt.err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				got, _ := os.ReadFile(log)
				if strings.TrimSpace(string(got)) != tt.want {
					t.Errorf("edit %s opened %q, want %q", tt.arg, got, tt.want)
				}
			})
		}
	})
}

// TestRevisionTest ports RevisionTest's cases that need no env.py.
func TestRevisionTest(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := revsApp(t, db, "r1r1r1r1r1r1 -", "r2r2r2r2r2r2 r1r1r1r1r1r1", "r3r3r3r3r3r3 r2r2r2r2r2r2")
		for range 8 {
			a.times = append(a.times, a.times[0])
		}
		t.Run("test_create_rev_depends_on_partial_revid", func(t *testing.T) {
			a.must("revision", "-m", "dep", "--rev-id", "d1d1d1d1d1d1", "--depends-on", "r2r2")
			src, _ := os.ReadFile(filepath.Join(a.dir, "versions", "d1d1d1d1d1d1_dep.go"))
			contains(t, string(src), `DependsOn:    []string{"r2r2r2r2r2r2"},`)
			a.rebuild()
		})
		t.Run("test_create_rev_invalid_depends_on", func(t *testing.T) {
			_, err := a.run("revision", "-m", "x", "--depends-on", "invalid")
			if err == nil || err.Error() != "Can't locate revision identified by 'invalid'" {
				t.Fatalf("error = %v", err)
			}
		})
		t.Run("test_create_rev_autogen_db_not_up_to_date", func(t *testing.T) {
			a.models.set(t, product{})
			_, err := a.run("revision", "--autogenerate", "-m", "x")
			if err == nil || err.Error() != "Target database is not up to date." {
				t.Fatalf("error = %v", err)
			}
		})
		t.Run("test_create_rev_plain_need_to_select_head", func(t *testing.T) {
			a.must("revision", "-m", "side", "--rev-id", "s1s1s1s1s1s1", "--head", "r2r2r2r2r2r2", "--splice")
			a.rebuild()
			a.must("upgrade", "heads")
			for _, args := range [][]string{{"revision", "-m", "x"}, {"revision", "--autogenerate", "-m", "x"}} {
				_, err := a.run(args...)
				if err == nil || err.Error() != "Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge." {
					t.Errorf("db %v error = %v", args, err)
				}
			}
		})
		t.Run("test_merge_cmd_splice", func(t *testing.T) {
			_, err := a.run("merge", "-m", "m", "r2r2r2r2r2r2", "s1s1s1s1s1s1", "--rev-id", "f0f0f0f0f0f0")
			if err == nil || !strings.Contains(err.Error(), "please specify --splice") {
				t.Fatalf("merge of a non-head: %v", err)
			}
			a.must("merge", "-m", "m", "r2r2r2r2r2r2", "s1s1s1s1s1s1", "--rev-id", "f0f0f0f0f0f0", "--splice")
			src, _ := os.ReadFile(filepath.Join(a.dir, "versions", "f0f0f0f0f0f0_m.go"))
			contains(t, string(src), `Down:         []string{"r2r2r2r2r2r2", "s1s1s1s1s1s1"},`)
		})
	})
}

// TestRevisionCommandTest ports test_script_production.py's
// RevisionCommandTest and the file naming of GeneralOrderedTests.
func TestRevisionCommandTest(t *testing.T) {
	a := threeRevApp(t, dbtest.SQLite(t))
	for range 8 {
		a.times = append(a.times, a.times[0])
	}
	t.Run("test_illegal_revision_chars", func(t *testing.T) {
		for _, c := range []struct{ id, want string }{
			{"no-dashes", "Character(s) '-' not allowed in revision identifier 'no-dashes'"},
			{"no@atsigns", "Character(s) '@' not allowed in revision identifier 'no@atsigns'"},
			{"no:colons", "Character(s) ':' not allowed in revision identifier 'no:colons'"},
			{"no@atsigns-ordashes", "Character(s) '-, @' not allowed in revision identifier 'no@atsigns-ordashes'"},
			{"no+plussignseither", "Character(s) '+' not allowed in revision identifier 'no+plussignseither'"},
		} {
			_, err := a.run("revision", "-m", "some message", "--rev-id", c.id)
			if err == nil || err.Error() != c.want {
				t.Errorf("--rev-id %s error = %v, want %q", c.id, err, c.want)
			}
			if _, err := os.Stat(filepath.Join(a.dir, "versions", c.id+"_some_message.go")); err == nil {
				t.Errorf("a file was written for %s", c.id)
			}
		}
	})
	t.Run("test_create_script_missing_splice", func(t *testing.T) {
		_, err := a.run("revision", "-m", "some message", "--head", revB)
		want := "Revision " + revB + " is not a head revision; please specify --splice to create a new branch from this revision"
		if err == nil || err.Error() != want {
			t.Fatalf("error = %v, want %q", err, want)
		}
	})
	t.Run("test_create_script_basic", func(t *testing.T) {
		a.must("revision", "-m", "some message", "--rev-id", "b0b0b0b0b0b0")
		a.rebuild()
		src, _ := os.ReadFile(filepath.Join(a.dir, "versions", "b0b0b0b0b0b0_some_message.go"))
		contains(t, string(src), `Down:         []string{"`+revC+`"},`)
		contains(t, string(src), "// some message")
	})
	t.Run("test_create_script_splice", func(t *testing.T) {
		a.must("revision", "-m", "some message", "--head", revB, "--splice", "--rev-id", "c0c0c0c0c0c0")
		a.rebuild()
		if got := a.must("heads"); got != "b0b0b0b0b0b0 (head)\nc0c0c0c0c0c0 (head)\n" {
			t.Errorf("heads = %q", got)
		}
	})
	t.Run("test_create_script_branches", func(t *testing.T) {
		a.must("revision", "-m", "some message", "--head", "b0b0b0b0b0b0", "--branch-label", "foobar", "--rev-id", "d0d0d0d0d0d0")
		a.rebuild()
		if out := a.must("show", "foobar"); !strings.HasPrefix(out, "Rev: d0d0d0d0d0d0 (head)\n") {
			t.Errorf("show foobar = %q", out)
		}
	})
	t.Run("_test_007_long_name", func(t *testing.T) {
		a.must("revision", "-m", "this is a really long name with lots of characters and also I'd like it to\nhave\nnewlines", "--head", "foobar@head", "--rev-id", "e0e0e0e0e0e0")
		if _, err := os.Stat(filepath.Join(a.dir, "versions", "e0e0e0e0e0e0_this_is_a_really_long_name_with_lots_of_.go")); err != nil {
			t.Error(err)
		}
	})
}

// TestDependencyScenario replays a scenario through Alembic 1.x's own
// command line and checks flagon prints what Alembic printed: a branch
// labelled "lib" (b1 -> b2 -> b3) whose b2 depends on a2 (a1 -> a2), so a2
// is an "effective head".
func TestDependencyScenario(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := newApp(t, db)
		for range 8 {
			a.times = append(a.times, a.times[0])
		}
		a.must("init")
		for _, args := range [][]string{
			{"-m", "a1", "--rev-id", "a1a1"},
			{"-m", "a2", "--rev-id", "a2a2"},
			{"-m", "b1", "--rev-id", "b1b1", "--head", "base", "--branch-label", "lib"},
			{"-m", "b2", "--rev-id", "b2b2", "--head", "b1b1", "--depends-on", "a2a2"},
			{"-m", "b3", "--rev-id", "b3b3", "--head", "b2b2"},
		} {
			a.must(append([]string{"revision"}, args...)...)
			a.rebuild()
		}
		eq := func(what, got, want string) {
			t.Helper()
			if got != want {
				t.Errorf("%s =\n%s\nwant\n%s", what, got, want)
			}
		}
		eq("history", a.stdout("history"), "b2b2 -> b3b3 (lib) (head), b3\nb1b1 (a2a2) -> b2b2 (lib), b2\n<base> -> b1b1 (lib), b1\na1a1 -> a2a2 (effective head), a2\n<base> -> a1a1, a1\n")
		eq("heads", a.stdout("heads"), "a2a2 (effective head)\nb3b3 (lib) (head)\n")
		out := a.must("upgrade", "heads")
		var running []string
		for _, l := range strings.Split(out, "\n") {
			if i := strings.Index(l, "Running upgrade"); i >= 0 {
				running = append(running, strings.Split(l[i:], " (")[0])
			}
		}
		eq("upgrade heads", strings.Join(running, "\n"), "Running upgrade  -> a1a1, a1\nRunning upgrade a1a1 -> a2a2, a2\nRunning upgrade  -> b1b1, b1\nRunning upgrade b1b1 -> b2b2, b2\nRunning upgrade b2b2 -> b3b3, b3")
		eq("version table", strings.Join(versionRows(t, a), ","), "b3b3")
		eq("current", a.stdout("current"), "a2a2 (effective head)\nb3b3 (head)\n")
		out = a.must("downgrade", "lib@base")
		contains(t, out, "Running downgrade b3b3 -> b2b2, b3")
		contains(t, out, "Running downgrade b1b1 -> , b1")
		eq("current after downgrade lib@base", a.stdout("current"), "a2a2 (effective head)\n")
		a.must("stamp", "base")
		contains(t, a.must("stamp", "b2b2"), "Running stamp_revision  -> b2b2")
		eq("current after stamp b2b2", strings.Join(currentIDs(t, a), ","), "a2a2,b2b2")
		show := a.stdout("show", "b2b2")
		if !strings.HasPrefix(show, "Rev: b2b2\nParent: b1b1\nAlso depends on: a2a2\nBranch names: lib\nPath: ") ||
			!strings.Contains(show, "\n\n    b2\n    \n    Revision ID: b2b2\n    Revises: b1b1\n    Create Date: ") {
			t.Errorf("show b2b2 = %q", show)
		}
	})
}

// TestBranchScenario replays commands on a branched repository (a -> b,
// a -> c) through Alembic's command line and checks flagon answers the
// same, errors included.
func TestBranchScenario(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		a := graphApp(t)
		a.url = db.URL
		steps := []struct {
			args []string
			want []string // lines expected in order in the output, or the error
			err  bool
		}{
			{[]string{"upgrade", "zzzz"}, []string{"Can't locate revision identified by 'zzzz'"}, true},
			{[]string{"upgrade", "head"}, []string{"Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"}, true},
			{[]string{"upgrade", "aaaa"}, []string{"Running upgrade  -> aaaa1111, first"}, false},
			{[]string{"downgrade", "+1"}, []string{"Relative revision +1 didn't produce 1 migrations"}, true},
			// Click, as Flask-Migrate's "flask db", reads "-1" as an option: "--" first
			{[]string{"downgrade", "-1"}, []string{"No such option: -1"}, true},
			{[]string{"downgrade", "--", "-1"}, []string{"Running downgrade aaaa1111 -> , first"}, false},
			{[]string{"upgrade", "heads"}, []string{"Running upgrade  -> aaaa1111, first", "Running upgrade aaaa1111 -> cccc3333, shop start", "Running upgrade aaaa1111 -> bbbb2222, second"}, false},
			{[]string{"downgrade", "--", "-5"}, []string{"Relative revision -5 didn't produce 5 migrations"}, true},
			{[]string{"upgrade", "+1"}, []string{"Ambiguous upgrade from multiple current revisions"}, true},
			{[]string{"downgrade", "aaaa1111"}, []string{"Running downgrade bbbb2222 -> aaaa1111, second", "Running downgrade cccc3333 -> aaaa1111, shop start"}, false},
			{[]string{"history", "-r", "cccc:bbbb"}, []string{"Requested range cccc:bbbb does not refer to ancestor/descendant revisions along the same branch"}, true},
			{[]string{"show", "zz"}, []string{"Can't locate revision identified by 'zz'"}, true},
		}
		for _, s := range steps {
			out, err := a.run(s.args...)
			if s.err {
				if err == nil || err.Error() != s.want[0] {
					t.Errorf("db %v error = %v, want %q", s.args, err, s.want[0])
				}
				continue
			}
			if err != nil {
				t.Fatalf("db %v: %v", s.args, err)
			}
			rest := out
			for _, w := range s.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("db %v output lacks %q (in order):\n%s", s.args, w, out)
					break
				}
				rest = rest[i+len(w):]
			}
		}
		a.must("merge", "-m", "m", "heads", "--rev-id", "mmmm")
		a.rebuild()
		if got := a.stdout("history"); !strings.HasPrefix(got, "bbbb2222, cccc3333 -> mmmm (shop) (head) (mergepoint), m\n") {
			t.Errorf("history after merge = %q", got)
		}
	})
}
