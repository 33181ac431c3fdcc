package cli_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/cli"
)

// ttyBuffer is a stderr that says it is a terminal.
type ttyBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (t *ttyBuffer) IsTerminal() bool { return true }

func (t *ttyBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.b.Write(p)
}

func (t *ttyBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.b.String()
}

// backfill is a data migration that runs until stop says it may end.
func backfill(stop func() bool) []*migrate.Revision {
	return []*migrate.Revision{{ID: "bf1", Message: "backfill", Upgrade: func(op *migrate.Op) error {
		op.Run(func(ctx context.Context, q migrate.Querier) error {
			for deadline := time.Now().Add(10 * time.Second); !stop() && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			return nil
		})
		return nil
	}}}
}

// upgradeWith runs "db upgrade" with stderr as err.
func upgradeWith(t *testing.T, url string, revs []*migrate.Revision, err interface {
	Write([]byte) (int, error)
}) {
	t.Helper()
	var out bytes.Buffer
	cmd := cli.Command(cli.Config{
		Revisions: func() []*migrate.Revision { return revs },
		URL:       url, Out: &out, Err: err, In: strings.NewReader(""),
	})
	cmd.SetArgs([]string{"upgrade", "-d", t.TempDir()})
	cmd.SetOut(&out)
	cmd.SetErr(err)
	if e := cmd.ExecuteContext(context.Background()); e != nil {
		t.Fatalf("db upgrade: %v\n%s", e, out.String())
	}
}

// TestUpgradeProgressNotTerminal checks that stderr off a terminal holds
// the log lines only.
func TestUpgradeProgressNotTerminal(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		var stderr bytes.Buffer
		upgradeWith(t, db.URL, backfill(func() bool { return true }), &stderr)
		out := stderr.String()
		if strings.ContainsAny(out, "\r\x1b") || strings.Contains(out, "elapsed") ||
			!regexp.MustCompile(`(?m)^Running upgrade  -> bf1, backfill \([^)]+\)\n\z`).MatchString(out) {
			t.Errorf("stderr = %q, want the log lines only", out)
		}
	})
}

// TestUpgradeProgressTerminal checks that a data migration running longer
// than a second shows its elapsed time on a terminal stderr.
func TestUpgradeProgressTerminal(t *testing.T) {
	stderr := &ttyBuffer{}
	drawn := func() bool { return strings.Contains(stderr.String(), "upgrade  -> bf1, backfill: elapsed 1s") }
	upgradeWith(t, dbtest.SQLite(t).URL, backfill(drawn), stderr)
	out := stderr.String()
	if !drawn() || !strings.Contains(out, "\r\x1b[KRunning upgrade  -> bf1, backfill (") {
		t.Errorf("stderr = %q, want the progress line, cleared before the log line", out)
	}
}
