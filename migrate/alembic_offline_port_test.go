package migrate_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/migrate"
)

// Ports of tests/test_offline_environment.py OfflineEnvironmentTest, for
// the parts flagon has (it has no env.py: the context assertions become
// checks of the --sql scripts): Alembic's three_rev_fixture a -> b -> c,
// and multi_heads_fixture adding d (on b), e (on d) and f (on b).

const (
	revA = "aa11aa11aa11"
	revB = "bb22bb22bb22"
	revC = "cc33cc33cc33"
	revD = "dd44dd44dd44"
	revE = "ee55ee55ee55"
	revF = "ff66ff66ff66"
)

// offlineRevs returns the three-revision fixture, plus the multi-head one
// when multi is set. c's message is long, multi-line and has commas.
func offlineRevs(multi bool) []*migrate.Revision {
	rev := func(id, down, msg, table string) *migrate.Revision {
		r := &migrate.Revision{ID: id, Message: msg, Upgrade: tableRev(table, true), Downgrade: tableRev(table, false)}
		if down != "" {
			r.Down = []string{down}
		}
		return r
	}
	revs := []*migrate.Revision{
		rev(revA, "", "rev a", "ta"),
		rev(revB, revA, "rev b", "tb"),
		rev(revC, revB, "this is a very long \nand multiline\nmessage, with, commas", "tc"),
	}
	if multi {
		revs = append(revs, rev(revD, revB, "rev d", "td"), rev(revE, revD, "rev e", "te"), rev(revF, revB, "rev f", "tf"))
	}
	return revs
}

// tableRev creates (up) or drops a one-column table.
func tableRev(name string, up bool) func(op *migrate.Op) error {
	return func(op *migrate.Op) error {
		if up {
			op.CreateTable(migrate.Table{Name: name, Columns: []migrate.Column{{Name: "id", Type: migrate.Integer()}}, PrimaryKey: []string{"id"}})
		} else {
			op.DropTable(name)
		}
		return nil
	}
}

// offlineRun is one command of a case: "upgrade", "downgrade" or "stamp"
// with its argument, and the lines its script must contain.
type offlineRun struct {
	cmd, arg string
	want     []string
}

// run runs the command without a database.
func (r offlineRun) run(t *testing.T, m *migrate.Migrator) (string, error) {
	t.Helper()
	var out bytes.Buffer
	ctx := context.Background()
	var err error
	switch r.cmd {
	case "upgrade":
		err = m.UpgradeSQL(ctx, &out, r.arg)
	case "downgrade":
		err = m.DowngradeSQL(ctx, &out, r.arg)
	case "stamp":
		start, target := "", r.arg
		if i := strings.Index(r.arg, ":"); i >= 0 {
			start, target = r.arg[:i], r.arg[i+1:]
		}
		err = m.StampSQL(&out, start, []string{target})
	}
	return out.String(), err
}

func TestAlembicOfflineEnvironment(t *testing.T) {
	tests := []struct {
		name  string
		multi bool
		runs  []offlineRun
	}{
		{"test_not_requires_connection", false, []offlineRun{
			{"upgrade", revA, []string{"-- Running upgrade  -> " + revA, "CREATE TABLE `ta`"}},
			{"downgrade", revB + ":" + revA, []string{"-- Running downgrade " + revB + " -> " + revA, "DROP TABLE `tb`"}},
		}},
		{"test_destination_rev_pre_context", false, []offlineRun{
			{"upgrade", revB, []string{"CREATE TABLE `tb`"}},
			{"stamp", revB, []string{"INSERT INTO alembic_version (version_num) VALUES ('" + revB + "')"}},
			{"downgrade", revC + ":" + revB, []string{"DROP TABLE `tc`"}},
		}},
		{"test_destination_rev_pre_context_multihead", true, []offlineRun{
			{"upgrade", "heads", []string{"CREATE TABLE `tc`", "CREATE TABLE `te`", "CREATE TABLE `tf`"}},
		}},
		{"test_head_rev_pre_context_multihead", true, []offlineRun{
			{"upgrade", revE, []string{"CREATE TABLE `td`", "CREATE TABLE `te`"}},
			{"downgrade", revE + ":" + revB, []string{"DROP TABLE `te`", "DROP TABLE `td`"}},
			{"stamp", revC, []string{"VALUES ('" + revC + "')"}},
		}},
		{"test_running_comments_not_in_sql", false, []offlineRun{
			{"upgrade", revA + ":" + revC, []string{"-- Running upgrade " + revB + " -> " + revC + "\n"}},
		}},
		{"test_starting_rev_pre_context_abbreviated", false, []offlineRun{
			{"upgrade", revB[:4] + ":" + revC, []string{"-- Running upgrade " + revB + " -> " + revC}},
			{"stamp", revB[:4] + ":" + revC, []string{"UPDATE alembic_version SET version_num='" + revC + "' WHERE alembic_version.version_num = '" + revB + "'"}},
			{"downgrade", revB[:4] + ":" + revA, []string{"-- Running downgrade " + revB + " -> " + revA}},
		}},
		{"test_destination_rev_pre_context_abbreviated", false, []offlineRun{
			{"upgrade", revA + ":" + revB[:4], []string{"-- Running upgrade " + revA + " -> " + revB}},
			{"stamp", revB[:4], []string{"VALUES ('" + revB + "')"}},
			{"downgrade", revC + ":" + revB[:4], []string{"-- Running downgrade " + revC + " -> " + revB}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := migrate.NewMigrator(nil, migrate.SQLite, offlineRevs(tt.multi))
			if err != nil {
				t.Fatal(err)
			}
			m.Log = &bytes.Buffer{}
			for _, r := range tt.runs {
				out, err := r.run(t, m)
				if err != nil {
					t.Fatalf("%s %s: %v", r.cmd, r.arg, err)
				}
				for _, w := range r.want {
					if !strings.Contains(out, w) {
						t.Errorf("%s %s: script lacks %q:\n%s", r.cmd, r.arg, w, out)
					}
				}
				if strings.Contains(out, "multiline") || strings.Contains(out, "commas") {
					t.Errorf("%s %s: the revision message got into the script:\n%s", r.cmd, r.arg, out)
				}
			}
		})
	}
}

func TestAlembicOfflineDowngradeWithoutColon(t *testing.T) {
	// test_downgrade_wo_colon
	m, err := migrate.NewMigrator(nil, migrate.SQLite, offlineRevs(false))
	if err != nil {
		t.Fatal(err)
	}
	err = m.DowngradeSQL(context.Background(), &bytes.Buffer{}, revB)
	if err == nil || err.Error() != "downgrade with --sql requires <fromrev>:<torev>" {
		t.Errorf("DowngradeSQL(%s) = %v", revB, err)
	}
}
