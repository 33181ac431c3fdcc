package migrate_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// fakeTerminal is a Progress writer that says it is a terminal and
// signals each write.
type fakeTerminal struct {
	mu    sync.Mutex
	b     bytes.Buffer
	wrote chan struct{}
}

func newFakeTerminal() *fakeTerminal { return &fakeTerminal{wrote: make(chan struct{}, 1)} }

func (f *fakeTerminal) IsTerminal() bool { return true }

func (f *fakeTerminal) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	select {
	case f.wrote <- struct{}{}:
	default:
	}
	return f.b.Write(p)
}

func (f *fakeTerminal) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.b.String()
}

// steppingClock returns a clock that moves by step at every reading.
func steppingClock(step time.Duration) func() time.Time {
	var n atomic.Int64
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { return t0.Add(time.Duration(n.Add(1)-1) * step) }
}

// rebuildRevs creates a table of rows rows, then rebuilds it (NOT NULL ->
// NULL), which SQLite does by copying the rows into a new table.
func rebuildRevs(rows int) []*migrate.Revision {
	return []*migrate.Revision{
		{ID: "p1", Message: "create", Upgrade: func(op *migrate.Op) error {
			op.CreateTable(migrate.Table{Name: "pitem", Columns: []migrate.Column{
				{Name: "id", Type: migrate.Integer()},
				{Name: "name", Type: migrate.String(50)},
			}, PrimaryKey: []string{"id"}})
			op.Execute(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ` + strconv.Itoa(rows) + `)
				INSERT INTO pitem (id, name) SELECT i * 3, 'n' || i FROM n`)
			return nil
		}},
		{ID: "p2", Down: []string{"p1"}, Message: "rebuild", Upgrade: func(op *migrate.Op) error {
			op.AlterColumn(migrate.AlterColumn{Table: "pitem", Name: "name", Nullable: migrate.Ptr(true), Existing: migrate.Column{Name: "name", Type: migrate.String(50)}})
			return nil
		}},
	}
}

func TestProgressSQLiteRebuild(t *testing.T) {
	rows := 2*migrate.CopyBatch + 500
	cases := []struct {
		name     string
		terminal bool
		want     []string // lines drawn, in order
	}{
		{"terminal shows rows, elapsed and estimate", true, []string{
			"upgrade p1 -> p2, rebuild: 0/" + strconv.Itoa(rows) + " rows, elapsed 1s",
			"upgrade p1 -> p2, rebuild: 10000/" + strconv.Itoa(rows) + " rows, elapsed 2s, about 2s left",
			"upgrade p1 -> p2, rebuild: 20000/" + strconv.Itoa(rows) + " rows, elapsed 3s, about 0s left",
			"upgrade p1 -> p2, rebuild: " + strconv.Itoa(rows) + "/" + strconv.Itoa(rows) + " rows, elapsed 4s",
		}},
		{"not a terminal shows nothing", false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			sdb := open(t, dbtest.SQLite(t))
			m, log := migrator(t, sdb, migrate.SQLite, rebuildRevs(rows))
			if err := m.Upgrade(ctx, "p1"); err != nil {
				t.Fatal(err)
			}
			term := newFakeTerminal()
			var plain bytes.Buffer
			m.Progress = &plain
			if c.terminal {
				m.Progress = term
			}
			migrate.SetProgressClock(m, steppingClock(time.Second), time.Hour)
			if err := m.Upgrade(ctx, "p2"); err != nil {
				t.Fatal(err)
			}
			if plain.Len() != 0 {
				t.Errorf("non-terminal output = %q, want nothing", plain.String())
			}
			got := strings.Split(term.String(), "\r\x1b[K")
			var drawn []string
			for _, g := range got {
				if g != "" {
					drawn = append(drawn, g)
				}
			}
			if strings.Join(drawn, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("terminal lines:\n%s\nwant:\n%s", strings.Join(drawn, "\n"), strings.Join(c.want, "\n"))
			}
			if c.terminal && !strings.HasSuffix(term.String(), "\r\x1b[K") {
				t.Errorf("progress line not cleared at the end: %q", term.String())
			}
			if n := queryInts(t, sdb, "SELECT count(*) FROM pitem"); n[0] != int64(rows) {
				t.Errorf("rows after rebuild = %d, want %d", n[0], rows)
			}
			if !strings.Contains(log.String(), "Running upgrade p1 -> p2, rebuild") {
				t.Errorf("log = %q", log.String())
			}
		})
	}
}

func TestProgressDataMigration(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		cases := []struct {
			name     string
			terminal bool
			table    string // a version table of its own, so that each case runs the step
		}{
			{"terminal shows elapsed", true, "progress_ver_tty"},
			{"not a terminal shows nothing", false, "progress_ver_plain"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				sdb := open(t, db)
				term := newFakeTerminal()
				revs := []*migrate.Revision{{ID: "d1", Message: "backfill", Upgrade: func(op *migrate.Op) error {
					op.Run(func(ctx context.Context, q migrate.Querier) error {
						if !c.terminal {
							return nil
						}
						select { // the step runs until the line is drawn
						case <-term.wrote:
						case <-time.After(10 * time.Second):
							t.Error("no progress line drawn")
						}
						return nil
					})
					return nil
				}}}
				m, log := migrator(t, sdb, db.Name, revs)
				m.VersionTable = c.table
				var plain bytes.Buffer
				m.Progress = &plain
				if c.terminal {
					m.Progress = term
				}
				migrate.SetProgressClock(m, steppingClock(1500*time.Millisecond), time.Millisecond)
				if err := m.Upgrade(context.Background(), "head"); err != nil {
					t.Fatal(err)
				}
				if plain.Len() != 0 {
					t.Errorf("non-terminal output = %q, want nothing", plain.String())
				}
				out := term.String()
				if c.terminal && !strings.HasPrefix(lastLineDrawn(out), "upgrade  -> d1, backfill: elapsed ") {
					t.Errorf("terminal output = %q, want the step's elapsed time", out)
				}
				if !c.terminal && out != "" {
					t.Errorf("terminal written without a terminal: %q", out)
				}
				if !strings.Contains(log.String(), "Running upgrade  -> d1, backfill") {
					t.Errorf("log = %q", log.String())
				}
			})
		}
	})
}

// lastLineDrawn is the last non-empty state of an updating line.
func lastLineDrawn(out string) string {
	var last string
	for _, p := range strings.Split(out, "\r\x1b[K") {
		if p != "" {
			last = p
		}
	}
	return last
}
