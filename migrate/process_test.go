package migrate_test

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/orm"
)

// childURL names the database a child process upgrades.
const childURL = "FLAGON_MIGRATE_CHILD_URL"

// TestUpgradeChildProcess is the body of the child processes of
// TestConcurrentProcessesApplyEachRevisionOnce; alone it does nothing.
func TestUpgradeChildProcess(t *testing.T) {
	url := os.Getenv(childURL)
	if url == "" {
		t.Skip("run as a child process only")
	}
	db, err := orm.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := migrate.UpgradeOnStart(context.Background(), db, countingRevisions(), migrate.StartOptions{}); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentProcessesApplyEachRevisionOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		var wg sync.WaitGroup
		outs := make([][]byte, 8)
		errs := make([]error, 8)
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := exec.Command(os.Args[0], "-test.run=^TestUpgradeChildProcess$", "-test.count=1")
				c.Env = append(os.Environ(), childURL+"="+db.URL)
				outs[i], errs[i] = c.CombinedOutput()
			}()
		}
		wg.Wait()
		for i := range 8 {
			if errs[i] != nil {
				t.Errorf("process %d: %v\n%s", i, errs[i], outs[i])
			}
		}
		sdb := open(t, db)
		rows, err := sdb.Query("SELECT rev FROM runs ORDER BY rev")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var s string
			_ = rows.Scan(&s)
			got = append(got, s)
		}
		if !slices.Equal(got, []string{"c1", "c2", "c3"}) {
			t.Errorf("applied revisions = %v, want each of c1 c2 c3 once", got)
		}
	})
}
