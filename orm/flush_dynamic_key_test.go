package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// KCode is a string key type whose String method formats it for people:
// key comparison must use the value, not its printed form.
type KCode string

// String formats the code for display.
func (c KCode) String() string { return "code " + string(c) }

type (
	// KShelf is keyed by a KCode and has dynamic books.
	KShelf struct {
		Code  KCode              `orm:"pk;size:10"`
		Books orm.Dynamic[KBook] `orm:"foreign_key:ShelfCode"`
	}
	// KBook references its shelf through a nullable plain string.
	KBook struct {
		ID        int64
		ShelfCode *string `orm:"fk:k_shelf.code;size:10"`
		Title     string  `orm:"size:20"`
	}
)

// TestDynamicRemoveKeyCompare: Remove of a Dynamic child clears its
// foreign key when it points at the owner, compared as the identity map
// compares keys (a KCode "a" and a *string "a" are the same key), and
// leaves alone a child that points elsewhere or nowhere.
func TestDynamicRemoveKeyCompare(t *testing.T) {
	cases := []struct {
		name    string
		book    string  // title of the book removed from shelf a
		wantKey *string // its shelf after the flush
	}{
		{"points_at_owner", "on_a", nil},
		{"points_at_other_owner", "on_b", ptr("b")},
		{"points_nowhere", "loose", nil},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(KShelf{}, KBook{}))
		must(t, md.CreateAll(ctx, e))
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				a, b := &KShelf{Code: "a"}, &KShelf{Code: "b"}
				books := map[string]*KBook{"on_a": {Title: "on_a", ShelfCode: ptr("a")}, "on_b": {Title: "on_b", ShelfCode: ptr("b")}, "loose": {Title: "loose"}}
				must(t, s.AddAll(a, b, books["on_a"], books["on_b"], books["loose"]))
				must(t, s.Flush(ctx))
				a.Books.Remove(books[tc.book])
				must(t, s.Flush(ctx))
				book := books[tc.book]
				must(t, s.Refresh(ctx, book)) // the row as the flush left it
				if !sameStr(book.ShelfCode, tc.wantKey) {
					t.Errorf("shelf of %s after Remove = %v, want %v", tc.book, str(book.ShelfCode), str(tc.wantKey))
				}
				must(t, s.Rollback(ctx))
			})
		}
	})
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// sameStr compares two nullable strings.
func sameStr(a, b *string) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// str formats a nullable string.
func str(p *string) string {
	if p == nil {
		return "NULL"
	}
	return *p
}
