package orm_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_unitofworkv2.py: the order
// of a flush's statements (parents before children on INSERT, children
// first on DELETE, association rows, self-referential rows) and its stale
// checks.

// The unit-of-work models: users with addresses (no delete cascade), a
// self-referential node, and items with keywords.
type (
	UowUser struct {
		ID        int64
		Name      string               `orm:"size:30"`
		Addresses orm.Many[UowAddress] `orm:"back_populates:User;order_by:id"`
	}
	UowAddress struct {
		ID     int64
		UserID *int64           `orm:"fk:uow_user.id"`
		Email  string           `orm:"size:30"`
		User   orm.One[UowUser] `orm:"back_populates:Addresses"`
	}
	UowNode struct {
		ID       int64
		ParentID *int64            `orm:"fk:uow_node.id"`
		Data     string            `orm:"size:30"`
		Children orm.Many[UowNode] `orm:"foreign_key:ParentID;order_by:id"`
	}
	UowItem struct {
		ID       int64
		Name     string               `orm:"size:30"`
		Keywords orm.Many[UowKeyword] `orm:"secondary:uow_item_keyword;order_by:id"`
	}
	UowKeyword struct {
		ID   int64
		Name string `orm:"size:30"`
	}
	UowItemKeyword struct {
		ItemID    int64 `orm:"pk;fk:uow_item.id"`
		KeywordID int64 `orm:"pk;fk:uow_keyword.id"`
	}
)

// writeVerb matches the verb and table of a written statement.
var writeVerb = regexp.MustCompile("^(INSERT INTO|UPDATE|DELETE FROM) [\"`]?([a-z_]+)")

// writes returns the flush's INSERT, UPDATE and DELETE statements as
// "VERB table", in order.
func writes(l *stmtLog) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, s := range l.stmt {
		if m := writeVerb.FindStringSubmatch(s); m != nil {
			out = append(out, strings.Fields(m[1])[0]+" "+m[2])
		}
	}
	return strings.Join(out, ", ")
}

// uowFlush flushes s, recording its writes.
func uowFlush(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) string {
	t.Helper()
	log := record(t, e)
	log.reset()
	must(t, s.Flush(ctx))
	got := writes(log)
	log.reset()
	return got
}

// wantWrites fails unless got equals want.
func wantWrites(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("flush wrote\n  %s\nwant\n  %s", got, want)
	}
}

func TestSAUnitOfWorkV2Port(t *testing.T) {
	models := []any{UowUser{}, UowAddress{}, UowNode{}, UowItem{}, UowKeyword{}, UowItemKeyword{}}
	runVerCases(t, models, []verCase{
		{"test_one_to_many_save", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &UowUser{Name: "u1", Addresses: orm.ManyOf(&UowAddress{Email: "a1"}, &UowAddress{Email: "a2"})}
			must(t, s.Add(u1))
			wantWrites(t, uowFlush(t, ctx, e, s), "INSERT uow_user, "+insertOnce("uow_address"))
		}},
		{"test_one_to_many_delete_all", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1, a2 := &UowAddress{Email: "a1"}, &UowAddress{Email: "a2"}
			u1 := &UowUser{Name: "u1", Addresses: orm.ManyOf(a1, a2)}
			must(t, s.Add(u1))
			must(t, s.Flush(ctx))
			must(t, s.Delete(u1))
			must(t, s.Delete(a1))
			must(t, s.Delete(a2))
			wantWrites(t, uowFlush(t, ctx, e, s), "DELETE uow_address, DELETE uow_user")
		}},
		{"test_one_to_many_delete_parent", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1, a2 := &UowAddress{Email: "a1"}, &UowAddress{Email: "a2"}
			u1 := &UowUser{Name: "u1", Addresses: orm.ManyOf(a1, a2)}
			must(t, s.Add(u1))
			must(t, s.Flush(ctx))
			must(t, s.Delete(u1))
			wantWrites(t, uowFlush(t, ctx, e, s), "UPDATE uow_address, UPDATE uow_address, DELETE uow_user")
			if a1.UserID != nil || a2.UserID != nil {
				t.Errorf("children keep the deleted parent's key: %v %v", a1.UserID, a2.UserID)
			}
		}},
		{"test_many_to_one_save", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &UowUser{Name: "u1"}
			a1, a2 := &UowAddress{Email: "a1"}, &UowAddress{Email: "a2"}
			a1.User.Set(u1)
			a2.User.Set(u1)
			must(t, s.AddAll(a1, a2))
			wantWrites(t, uowFlush(t, ctx, e, s), "INSERT uow_user, "+insertOnce("uow_address"))
		}},
		{"test_many_to_one_delete_all", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &UowUser{Name: "u1"}
			a1, a2 := &UowAddress{Email: "a1"}, &UowAddress{Email: "a2"}
			a1.User.Set(u1)
			a2.User.Set(u1)
			must(t, s.AddAll(a1, a2))
			must(t, s.Flush(ctx))
			must(t, s.Delete(u1))
			must(t, s.Delete(a1))
			must(t, s.Delete(a2))
			wantWrites(t, uowFlush(t, ctx, e, s), "DELETE uow_address, DELETE uow_user")
		}},
		{"test_many_to_one_delete_target", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &UowUser{Name: "u1"}
			a1, a2 := &UowAddress{Email: "a1"}, &UowAddress{Email: "a2"}
			a1.User.Set(u1)
			a2.User.Set(u1)
			must(t, s.AddAll(a1, a2))
			must(t, s.Flush(ctx))
			must(t, s.Delete(u1))
			a1.User.Set(nil)
			a2.User.Set(nil)
			wantWrites(t, uowFlush(t, ctx, e, s), "UPDATE uow_address, UPDATE uow_address, DELETE uow_user")
		}},
		{"test_natural_ordering", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &UowUser{Name: "u1"}
			a1 := &UowAddress{Email: "a1"}
			a1.User.Set(u1)
			must(t, s.Add(a1))
			wantWrites(t, uowFlush(t, ctx, e, s), "INSERT uow_user, INSERT uow_address")
			must(t, s.Delete(u1))
			must(t, s.Delete(a1))
			wantWrites(t, uowFlush(t, ctx, e, s), "DELETE uow_address, DELETE uow_user")
		}},
		{"test_natural_selfref", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1 := &UowNode{Data: "n1"}
			n2 := &UowNode{Data: "n2"}
			n3 := &UowNode{Data: "n3", Children: orm.ManyOf(n1, n2)}
			must(t, s.AddAll(n1, n2, n3))
			got := uowFlush(t, ctx, e, s)
			if !strings.HasPrefix(got, "INSERT uow_node") || *n1.ParentID != n3.ID || *n2.ParentID != n3.ID || n3.ID > n1.ID {
				t.Errorf("writes %s; n3 (the parent) must be inserted before its children", got)
			}
		}},
		{"test_many_to_many", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			k1, k2 := &UowKeyword{Name: "k1"}, &UowKeyword{Name: "k2"}
			i1 := &UowItem{Name: "i1", Keywords: orm.ManyOf(k1, k2)}
			must(t, s.Add(i1))
			got := uowFlush(t, ctx, e, s)
			wantWrites(t, got, "INSERT uow_item, "+insertOnce("uow_keyword")+", "+insertOnce("uow_item_keyword"))
			must(t, s.Delete(i1))
			got = uowFlush(t, ctx, e, s)
			wantWrites(t, got, "DELETE uow_item_keyword, DELETE uow_item")
			if n, _ := orm.Select[UowKeyword](s).Count(ctx); n != 2 {
				t.Errorf("keywords after deleting the item = %d, want 2", n)
			}
		}},
		{"test_one_to_many_save_selfref", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			// SingleCycleTest.test_one_to_many_save
			n2, n3 := &UowNode{Data: "n2"}, &UowNode{Data: "n3"}
			n1 := &UowNode{Data: "n1", Children: orm.ManyOf(n2, n3)}
			must(t, s.Add(n1))
			got := uowFlush(t, ctx, e, s)
			if !strings.HasPrefix(got, "INSERT uow_node") || n2.ParentID == nil || *n2.ParentID != n1.ID || n1.ID > n2.ID {
				t.Errorf("writes %s: the parent row must be inserted first", got)
			}
		}},
		{"test_one_to_many_delete_all_selfref", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			// SingleCycleTest.test_one_to_many_delete_all
			n2, n3 := &UowNode{Data: "n2"}, &UowNode{Data: "n3"}
			n1 := &UowNode{Data: "n1", Children: orm.ManyOf(n2, n3)}
			must(t, s.Add(n1))
			must(t, s.Flush(ctx))
			must(t, s.Delete(n1))
			must(t, s.Delete(n2))
			must(t, s.Delete(n3))
			got := uowFlush(t, ctx, e, s)
			if n, _ := orm.Select[UowNode](e).Count(ctx); n != 0 || strings.Contains(got, "UPDATE") {
				t.Errorf("writes %s, rows left %d; want children deleted before the parent, no UPDATE", got, n)
			}
		}},
		{"test_one_to_many_delete_parent_selfref", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			// SingleCycleTest.test_one_to_many_delete_parent
			n2, n3 := &UowNode{Data: "n2"}, &UowNode{Data: "n3"}
			n1 := &UowNode{Data: "n1", Children: orm.ManyOf(n2, n3)}
			must(t, s.Add(n1))
			must(t, s.Flush(ctx))
			must(t, s.Delete(n1))
			wantWrites(t, uowFlush(t, ctx, e, s), "UPDATE uow_node, UPDATE uow_node, DELETE uow_node")
		}},
		{"test_cycle_rowswitch", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n2, n3 := &UowNode{Data: "n2"}, &UowNode{Data: "n3"}
			n1 := &UowNode{Data: "n1", Children: orm.ManyOf(n2)}
			must(t, s.Add(n1))
			must(t, s.Flush(ctx))
			must(t, s.Delete(n2))
			n3.ID = n2.ID
			n1.Children.Append(n3)
			must(t, s.Commit(ctx))
			back, err := orm.Get[UowNode](ctx, e, n2.ID)
			must(t, err)
			if back.Data != "n3" || back.ParentID == nil || *back.ParentID != n1.ID {
				t.Errorf("row = %+v, want n3 under n1", back)
			}
		}},
		{"delete_then_readd", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &UowUser{Name: "u1"}
			must(t, s.Add(u1))
			must(t, s.Commit(ctx))
			must(t, s.Delete(u1))
			must(t, s.Add(u1))
			wantWrites(t, uowFlush(t, ctx, e, s), "")
			if !s.Contains(u1) || countRows[UowUser](t, ctx, e) != 1 {
				t.Error("Delete then Add before the flush did not cancel the deletion")
			}
		}},
		{"test_update_single_missing", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &UowUser{ID: 1, Name: "2"}
			must(t, s.Add(u1))
			must(t, s.Flush(ctx))
			_, err := orm.Exec(ctx, s, "DELETE FROM uow_user")
			must(t, err)
			u1.Name = "3"
			err = s.Flush(ctx)
			var stale *orm.StaleDataError
			if !errors.As(err, &stale) || stale.Op != "UPDATE" || stale.Table != "uow_user" {
				t.Errorf("flush = %v, want a StaleDataError for the UPDATE of uow_user", err)
			}
		}},
		{"test_delete_twice", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			p1 := &UowUser{ID: 1, Name: "2"}
			must(t, s.Add(p1))
			must(t, s.Commit(ctx))
			must(t, s.Delete(p1))
			must(t, s.Flush(ctx))
			// SQLAlchemy runs a second DELETE and warns that it matched no
			// row; flagon knows the DELETE was flushed and runs nothing
			must(t, s.Delete(p1))
			log := record(t, e)
			must(t, s.Commit(ctx))
			if n := len(log.matching("DELETE")); n != 0 || countRows[UowUser](t, ctx, e) != 0 {
				t.Errorf("second DELETE statements = %d, want 0; the row must be gone", n)
			}
		}},
		{"test_delete_multi_missing_warning", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			p1, p2 := &UowUser{ID: 1, Name: "2"}, &UowUser{ID: 2, Name: "3"}
			must(t, s.AddAll(p1, p2))
			must(t, s.Flush(ctx))
			_, err := orm.Exec(ctx, s, "DELETE FROM uow_user")
			must(t, err)
			must(t, s.Delete(p1))
			must(t, s.Delete(p2))
			// difference: SQLAlchemy warns when a DELETE without a version
			// column matches fewer rows; Go has no warnings and flagon fails
			err = s.Flush(ctx)
			if !errors.Is(err, orm.ErrStaleData) || !strings.Contains(err.Error(), "2 of 2 rows") {
				t.Errorf("flush = %v, want a StaleDataError naming 2 of 2 rows", err)
			}
		}},
	})
}

// insertOnce is how a flush inserts several new rows of one table: one
// multi-row INSERT on every dialect.
func insertOnce(table string) string {
	return "INSERT " + table
}

// countRows counts T's rows.
func countRows[T any](t *testing.T, ctx context.Context, q orm.Querier) int64 {
	t.Helper()
	n, err := orm.Select[T](q).Count(ctx)
	must(t, err)
	return n
}
