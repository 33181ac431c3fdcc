package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestNonPassiveChainedRename renames two parents in one flush, one to
// the other's old key: each child follows its own parent once, whether
// it holds the parent object or only the key.
func TestNonPassiveChainedRename(t *testing.T) {
	cases := []struct {
		name   string
		loaded bool
	}{
		{"parent_loaded", true},
		{"key_only", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx := context.Background()
				e := nonPassiveDB(t, db)
				s := orm.NewSession(e)
				defer s.Close(ctx)
				var jack, ed *NmUser
				var a1, a2 *NmAddress
				if tc.loaded {
					jack, ed = &NmUser{Username: "jack"}, &NmUser{Username: "ed"}
					a1 = &NmAddress{Email: "a1", User: orm.OneOf(jack)}
					a2 = &NmAddress{Email: "a2", User: orm.OneOf(ed)}
					must(t, s.AddAll(a1, a2))
					must(t, s.Flush(ctx))
				} else {
					for _, q := range []string{
						"INSERT INTO nm_user (username, fullname) VALUES ('jack', 'j')",
						"INSERT INTO nm_user (username, fullname) VALUES ('ed', 'e')",
						"INSERT INTO nm_address (email, username) VALUES ('a1', 'jack')",
						"INSERT INTO nm_address (email, username) VALUES ('a2', 'ed')",
					} {
						_, err := e.ExecContext(ctx, q)
						must(t, err)
					}
					var err error
					jack, err = orm.Get[NmUser](ctx, s, "jack")
					must(t, err)
					ed, err = orm.Get[NmUser](ctx, s, "ed")
					must(t, err)
					a1, err = orm.Get[NmAddress](ctx, s, "a1")
					must(t, err)
					a2, err = orm.Get[NmAddress](ctx, s, "a2")
					must(t, err)
				}
				ed.Username = "fred"
				jack.Username = "ed"
				must(t, s.Flush(ctx))
				if *a1.Username != "ed" || *a2.Username != "fred" {
					t.Errorf("keys = %q %q, want ed fred", *a1.Username, *a2.Username)
				}
				wantOwners(t, ctx, s, "nm_address", "ed", "fred")
			})
		})
	}
}
