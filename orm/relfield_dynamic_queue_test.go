package orm_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestDynamicQueue checks the queue Add and Remove keep (kept in a set,
// so that queueing n items costs O(n)): an item queued twice counts once,
// queueing it the other way cancels it, order is kept, and the flush
// writes exactly the queue. Ed starts with ed@wood.com, ed@bettyboop.com
// and ed@lala.com; n0, n1... are new addresses.
func TestDynamicQueue(t *testing.T) {
	cases := []struct {
		name         string
		ops          func(ed *DUser, old, n []*DAddress)
		added, rmved string // emails of Pending()
		after        int    // ed's addresses after the flush
	}{
		{"add_then_remove_cancels", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Add(n[0])
			ed.Addresses.Remove(n[0])
		}, "", "", 3},
		{"remove_then_add_cancels", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Remove(old[0])
			ed.Addresses.Add(old[0])
		}, "", "", 3},
		{"duplicates_queued_once", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Add(n[0], n[0], n[1])
			ed.Addresses.Remove(old[0], old[0])
		}, "n0,n1", "ed@wood.com", 4},
		{"add_remove_add", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Add(n[0])
			ed.Addresses.Remove(n[0])
			ed.Addresses.Add(n[0])
		}, "n0", "", 4},
		{"remove_add_remove", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Remove(old[1])
			ed.Addresses.Add(old[1])
			ed.Addresses.Remove(old[1])
		}, "", "ed@bettyboop.com", 2},
		{"order_kept", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Add(n[2], n[0], n[1])
			ed.Addresses.Remove(old[2], old[0])
			ed.Addresses.Remove(n[0])
		}, "n2,n1", "ed@lala.com,ed@wood.com", 3},
		{"nil_ignored", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Add(nil, n[0])
			ed.Addresses.Remove(nil)
		}, "n0", "", 4},
		{"many_items", func(ed *DUser, old, n []*DAddress) {
			ed.Addresses.Add(n...)
			for i := 0; i < len(n); i += 2 {
				ed.Addresses.Remove(n[i])
			}
		}, "", "", 3 + 1000},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := dynamicDB(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				s := orm.NewSession(e)
				defer s.Close(ctx)
				ed := allOf(t, orm.Select[DUser](s).FilterBy("Name", "ed"))[0]
				old := allOf(t, ed.Addresses.Query(s))
				n := make([]*DAddress, 2000)
				for i := range n {
					n[i] = &DAddress{EmailAddress: fmt.Sprintf("n%d", i)}
				}
				tc.ops(ed, old, n)
				added, removed := ed.Addresses.Pending()
				if tc.name != "many_items" {
					if got := strings.Join(emails(added), ","); got != tc.added {
						t.Errorf("added = %q, want %q", got, tc.added)
					}
				} else if len(added) != 1000 || added[0] != n[1] || added[999] != n[1999] {
					t.Errorf("added %d items, want n1, n3, ... n1999", len(added))
				}
				if got := strings.Join(emails(removed), ","); got != tc.rmved {
					t.Errorf("removed = %q, want %q", got, tc.rmved)
				}
				must(t, s.Flush(ctx))
				if got := countOf(t, ed.Addresses.Query(s)); got != int64(tc.after) {
					t.Errorf("ed has %d addresses after the flush, want %d", got, tc.after)
				}
				if a, r := ed.Addresses.Pending(); len(a)+len(r) != 0 {
					t.Errorf("queue after the flush: %d added, %d removed", len(a), len(r))
				}
				if slices.Contains(emails(allOf(t, ed.Addresses.Query(s))), "n0") && !strings.Contains(tc.added, "n0") {
					t.Errorf("a cancelled addition was written")
				}
				must(t, s.Rollback(ctx))
			})
		}
	})
}
