package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_versioning.py: the
// version_id_col of a mapper is flagon's `version` tag.

// The models of the versioning ports.
type (
	// VerFoo is VersioningTest's version_table.
	VerFoo struct {
		ID        int64
		VersionID int    `orm:"version"`
		Value     string `orm:"size:40"`
	}
	// VerPlain is version_table mapped without a version column.
	VerPlain struct {
		ID        int64
		VersionID int
		Value     string `orm:"size:40"`
	}
	// VerNodeO2M is VersionOnPostUpdateTest's node with a one-to-many.
	VerNodeO2M struct {
		ID        int64                `orm:"pk;no_autoincrement"`
		VersionID int                  `orm:"version"`
		ParentID  *int64               `orm:"fk:ver_node_o2m.id"`
		Related   orm.Many[VerNodeO2M] `orm:"foreign_key:ParentID"`
	}
	// VerNodeM2O is node with a many-to-one.
	VerNodeM2O struct {
		ID        int64               `orm:"pk;no_autoincrement"`
		VersionID int                 `orm:"version"`
		ParentID  *int64              `orm:"fk:ver_node_m2o.id"`
		Related   orm.One[VerNodeM2O] `orm:"foreign_key:ParentID"`
	}
	// VerNodeO2MPost is node with a one-to-many post_update.
	VerNodeO2MPost struct {
		ID        int64                    `orm:"pk;no_autoincrement"`
		VersionID int                      `orm:"version"`
		ParentID  *int64                   `orm:"fk:ver_node_o2m_post.id"`
		Related   orm.Many[VerNodeO2MPost] `orm:"foreign_key:ParentID;post_update"`
	}
	// VerNodeM2OPost is node with a many-to-one post_update.
	VerNodeM2OPost struct {
		ID        int64                   `orm:"pk;no_autoincrement"`
		VersionID int                     `orm:"version"`
		ParentID  *int64                  `orm:"fk:ver_node_m2o_post.id"`
		Related   orm.One[VerNodeM2OPost] `orm:"foreign_key:ParentID;post_update"`
	}
	// VerA and VerB are NoBumpOnRelationshipTest's a and b.
	VerA struct {
		ID        int64
		VersionID int            `orm:"version"`
		Bs        orm.Many[VerB] `orm:"back_populates:A"`
	}
	VerB struct {
		ID  int64
		AID *int64        `orm:"fk:ver_a.id"`
		A   orm.One[VerA] `orm:"back_populates:Bs"`
	}
	// VerDated is ColumnTypeTest's table keyed by a date.
	VerDated struct {
		ID        orm.Date `orm:"pk"`
		VersionID int      `orm:"version"`
		Value     string   `orm:"size:40"`
	}
	// VerP and VerC are RowSwitchTest's p and c.
	VerP struct {
		ID        string        `orm:"pk;size:10"`
		VersionID int           `orm:"version"`
		Data      string        `orm:"size:50"`
		C         orm.One[VerC] `orm:"cascade:all,delete-orphan;foreign_key:ID"`
	}
	VerC struct {
		ID        string `orm:"pk;size:10;fk:ver_p.id"`
		VersionID int    `orm:"version"`
		Data      string `orm:"size:50"`
	}
	// VerQuoted is QuotedBindVersioningTest's table.
	VerQuoted struct {
		ID      int64
		Version int    `orm:"version;column:_version%id"`
		Value   string `orm:"size:40"`
	}
	// VerUser and VerParent are PostUpdateVersioningTest's models.
	VerUser struct {
		ID int64 `orm:"pk;no_autoincrement"`
	}
	VerParent struct {
		ID          int64            `orm:"pk;no_autoincrement"`
		VersionID   int              `orm:"version"`
		UpdatedByID *int64           `orm:"fk:ver_user.id"`
		UpdatedBy   orm.One[VerUser] `orm:"foreign_key:UpdatedByID;post_update"`
	}
)

// TableName names the node tables.
func (VerNodeO2M) TableName() string { return "ver_node_o2m" }

// TableName names the node tables.
func (VerNodeM2O) TableName() string { return "ver_node_m2o" }

// TableName names the node tables.
func (VerNodeO2MPost) TableName() string { return "ver_node_o2m_post" }

// TableName names the node tables.
func (VerNodeM2OPost) TableName() string { return "ver_node_m2o_post" }

// The inheritance models: PlainInheritanceTest's base and sub (joined),
// InheritanceTwoVersionIdsTest's sub_only fixture, and a single-table
// hierarchy.
type (
	VerBase struct {
		ID        int64
		VersionID int    `orm:"version"`
		Data      string `orm:"size:50"`
		Type      string `orm:"size:20;discriminator;identity:base"`
	}
	VerSub struct {
		VerBase `orm:"inherits:joined;identity:sub"`
		SubData string `orm:"size:50"`
	}
	VerPlainBase struct {
		ID   int64
		Data string `orm:"size:50"`
		Type string `orm:"size:20;discriminator;identity:base"`
	}
	VerOnlySub struct {
		VerPlainBase `orm:"inherits:joined;identity:sub"`
		VersionID    int    `orm:"version"`
		SubData      string `orm:"size:50"`
	}
	VerSBase struct {
		ID        int64
		VersionID int    `orm:"version"`
		Data      string `orm:"size:50"`
		Type      string `orm:"size:20;discriminator;identity:base"`
	}
	VerSSub struct {
		VerSBase `orm:"inherits;identity:sub"`
		SubData  string `orm:"size:50"`
	}
)

// The models the relationship and inheritance ports create.
var (
	verRelationModels = []any{
		VerNodeO2M{}, VerNodeM2O{}, VerNodeO2MPost{}, VerNodeM2OPost{},
		VerA{}, VerB{}, VerDated{}, VerP{}, VerC{}, VerQuoted{}, VerUser{}, VerParent{},
	}
	verInheritModels = []any{VerBase{}, VerSub{}, VerPlainBase{}, VerOnlySub{}, VerSBase{}, VerSSub{}}
)

// verCase is one ported test, run on a fresh database with its own
// session.
type verCase struct {
	name string
	run  func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session)
}

// runVerCases runs each case on every database.
func runVerCases(t *testing.T, models []any, cases []verCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx := context.Background()
				e := openDB(t, db)
				md := orm.NewMetaData()
				must(t, md.Register(models...))
				must(t, md.CreateAll(ctx, e))
				s := orm.NewSession(e)
				t.Cleanup(func() { s.Close(ctx) })
				tc.run(t, ctx, e, s)
			})
		})
	}
}

// wantStale fails unless err is a stale data error.
func wantStale(t *testing.T, err error, what string) {
	t.Helper()
	if !errors.Is(err, orm.ErrStaleData) {
		t.Fatalf("%s = %v, want a StaleDataError", what, err)
	}
}

// fooRows returns "value:version" of every VerFoo row, by id.
func fooRows(t *testing.T, ctx context.Context, q orm.Querier) string {
	t.Helper()
	rows, err := orm.Select[VerFoo](q).OrderBy("id").All(ctx)
	must(t, err)
	var out []string
	for _, r := range rows {
		out = append(out, r.Value+":"+itoa(r.VersionID))
	}
	return strings.Join(out, ",")
}

// itoa formats a small integer.
func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// wantVersions fails unless got equals want, naming what.
func wantVersions(t *testing.T, what string, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("%s version = %d, want %d", what, got, want)
	}
}

func TestSAVersioningPort(t *testing.T) {
	runVerCases(t, []any{VerFoo{}}, versioningCases())
}

// versioningCases are VersioningTest's cases.
func versioningCases() []verCase {
	return []verCase{
		{"test_basic", testVerBasic},
		{"test_multiple_updates", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1, f2 := &VerFoo{Value: "f1"}, &VerFoo{Value: "f2"}
			must(t, s.AddAll(f1, f2))
			must(t, s.Commit(ctx))
			f1.Value, f2.Value = "f1rev2", "f2rev2"
			must(t, s.Commit(ctx))
			if got := fooRows(t, ctx, s); got != "f1rev2:2,f2rev2:2" {
				t.Errorf("rows = %s, want f1rev2:2,f2rev2:2", got)
			}
		}},
		{"test_bulk_insert", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			must(t, orm.InsertMany(ctx, s, []*VerFoo{{ID: 1, Value: "f1"}, {ID: 2, Value: "f2"}}))
			if got := fooRows(t, ctx, s); got != "f1:1,f2:1" {
				t.Errorf("rows = %s, want f1:1,f2:1", got)
			}
		}},
		{"test_bulk_update", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1, f2 := &VerFoo{Value: "f1"}, &VerFoo{Value: "f2"}
			must(t, s.AddAll(f1, f2))
			must(t, s.Commit(ctx))
			_, err := orm.BulkUpdate[VerFoo](s).Values(
				map[string]any{"id": f1.ID, "value": "f1rev2", "version_id": 1},
				map[string]any{"id": f2.ID, "value": "f2rev2", "version_id": 1},
			).Exec(ctx)
			must(t, err)
			must(t, s.Commit(ctx))
			if got := fooRows(t, ctx, s); got != "f1rev2:2,f2rev2:2" {
				t.Errorf("rows = %s, want f1rev2:2,f2rev2:2", got)
			}
		}},
		{"test_bump_version", testVerBumpVersion},
		{"test_versioncheck", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			t.Skip("difference: a FOR UPDATE query does not compare the versions of objects already in the identity map (see docs/orm-session.md, Differences from SQLAlchemy)")
		}},
		{"test_versioncheck_not_versioned", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			md := orm.NewMetaData()
			must(t, md.Register(VerPlain{}))
			must(t, md.CreateAll(ctx, e))
			f := &VerPlain{Value: "f1 value", VersionID: 1}
			must(t, s.Add(f))
			must(t, s.Commit(ctx))
			got, err := orm.Select[VerPlain](s).ForShare().Where(orm.C("id").Eq(f.ID)).One(ctx)
			must(t, err)
			if got != f {
				t.Errorf("locking query returned another object")
			}
		}},
		{"test_versioncheck_for_update", testVerCheckForUpdate},
		{"test_noversioncheck", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			md := orm.NewMetaData()
			must(t, md.Register(VerPlain{}))
			must(t, md.CreateAll(ctx, e))
			f := &VerPlain{Value: "foo"}
			must(t, s.Add(f))
			must(t, s.Commit(ctx))
			s2 := orm.NewSession(e)
			defer s2.Close(ctx)
			got, err := orm.Select[VerPlain](s2).ForShare().Where(orm.C("id").Eq(f.ID)).One(ctx)
			must(t, err)
			if got.ID != f.ID || got.Value != f.Value {
				t.Errorf("locked row = %+v, want %+v", got, f)
			}
		}},
		{"test_merge_no_version", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1 := mergeFixture(t, ctx, s)
			f3, err := orm.Merge(ctx, s, &VerFoo{ID: f1.ID, Value: "f3"})
			must(t, err)
			if f3 != f1 {
				t.Fatal("Merge did not return the session's object")
			}
			must(t, s.Commit(ctx))
			wantVersions(t, "merged", f3.VersionID, 3)
		}},
		{"test_merge_correct_version", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1 := mergeFixture(t, ctx, s)
			f3, err := orm.Merge(ctx, s, &VerFoo{ID: f1.ID, Value: "f3", VersionID: 2})
			must(t, err)
			if f3 != f1 {
				t.Fatal("Merge did not return the session's object")
			}
			must(t, s.Commit(ctx))
			wantVersions(t, "merged", f3.VersionID, 3)
		}},
		{"test_merge_incorrect_version", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1 := mergeFixture(t, ctx, s)
			_, err := orm.Merge(ctx, s, &VerFoo{ID: f1.ID, Value: "f3", VersionID: 1})
			wantStale(t, err, "Merge of version 1 onto version 2")
			if !strings.Contains(err.Error(), "version 1") || !strings.Contains(err.Error(), "existing version 2") {
				t.Errorf("error %q does not name both versions", err)
			}
			if f1.Value != "f2" {
				t.Errorf("a refused Merge changed the object: Value = %q", f1.Value)
			}
		}},
		{"test_merge_incorrect_version_not_in_session", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1 := mergeFixture(t, ctx, s)
			must(t, s.Close(ctx))
			_, err := orm.Merge(ctx, s, &VerFoo{ID: f1.ID, Value: "f3", VersionID: 1})
			wantStale(t, err, "Merge of version 1 onto version 2")
		}},
		{"test_notsane_warning", skipRowcount},
		{"test_update_multi_missing_broken_multi_rowcount", skipRowcount},
		{"test_update_delete_no_plain_rowcount", skipRowcount},
	}
}

// skipRowcount skips a case that patches the Python dialect's rowcount
// support: every flagon dialect reports matched rows.
func skipRowcount(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
	t.Skip("not ported: patches the Python dialect's supports_sane_rowcount; flagon's dialects all report matched rows")
}

// mergeFixture commits a VerFoo at version 2 (value f2).
func mergeFixture(t *testing.T, ctx context.Context, s *orm.Session) *VerFoo {
	t.Helper()
	f1 := &VerFoo{Value: "f1"}
	must(t, s.Add(f1))
	must(t, s.Commit(ctx))
	f1.Value = "f2"
	must(t, s.Commit(ctx))
	return f1
}

// testVerBasic is VersioningTest.test_basic: a stale UPDATE, then a
// DELETE of two rows of which one is stale.
func testVerBasic(t *testing.T, ctx context.Context, e *orm.DB, s1 *orm.Session) {
	f1, f2 := &VerFoo{Value: "f1"}, &VerFoo{Value: "f2"}
	must(t, s1.AddAll(f1, f2))
	must(t, s1.Commit(ctx))
	f1.Value = "f1rev2"
	must(t, s1.Commit(ctx))

	s2 := orm.NewSession(e)
	defer s2.Close(ctx)
	f1s, err := orm.Get[VerFoo](ctx, s2, f1.ID)
	must(t, err)
	f1s.Value = "f1rev3"
	must(t, s2.Commit(ctx))

	f1.Value = "f1rev3mine"
	err = s1.Commit(ctx)
	wantStale(t, err, "commit of a stale version")
	var stale *orm.StaleDataError
	if !errors.As(err, &stale) || stale.Op != "UPDATE" || stale.Table != "ver_foo" {
		t.Errorf("error = %#v, want an UPDATE of ver_foo", err)
	}
	must(t, s1.Rollback(ctx))

	// the rollback expired f1: Get reloads it at the version s2 wrote
	got, err := orm.Get[VerFoo](ctx, s1, f1.ID)
	must(t, err)
	if got != f1 || f1.VersionID != 3 || f1.Value != "f1rev3" {
		t.Errorf("after rollback Get = %q version %d, want the same object, f1rev3 version 3", f1.Value, f1.VersionID)
	}
	_, err = orm.Get[VerFoo](ctx, s1, f2.ID)
	must(t, err)
	must(t, s1.Rollback(ctx)) // SQLite: end the read before s2 writes

	f1s.Value = "f1rev4"
	must(t, s2.Commit(ctx))

	must(t, s1.Delete(f1))
	must(t, s1.Delete(f2))
	wantStale(t, s1.Commit(ctx), "delete of a stale version")
}

// testVerBumpVersion is VersioningTest.test_bump_version: a version set by
// the application is written, and the UPDATE or DELETE matches the row's
// last committed version.
func testVerBumpVersion(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
	f1 := &VerFoo{Value: "f1"}
	must(t, s.Add(f1))
	must(t, s.Commit(ctx))
	wantVersions(t, "inserted", f1.VersionID, 1)
	f1.VersionID = 2
	must(t, s.Commit(ctx))
	wantVersions(t, "set to 2", f1.VersionID, 2)
	f1.VersionID = 4
	f1.Value = "something new"
	must(t, s.Commit(ctx))
	wantVersions(t, "set to 4", f1.VersionID, 4)
	if got := fooRows(t, ctx, e); got != "something new:4" {
		t.Errorf("row = %s, want something new:4", got)
	}
	f1.VersionID = 5
	must(t, s.Delete(f1))
	must(t, s.Commit(ctx))
	if n, _ := orm.Select[VerFoo](e).Count(ctx); n != 0 {
		t.Errorf("rows after delete = %d, want 0", n)
	}
}

// testVerCheckForUpdate is VersioningTest.test_versioncheck_for_update: a
// NOWAIT lock on a row another session holds fails; after that session
// commits, a refresh sees its version.
func testVerCheckForUpdate(t *testing.T, ctx context.Context, e *orm.DB, s1 *orm.Session) {
	if e.Dialect().Name() == "sqlite" {
		t.Skip("SQLite has no row locks (FOR UPDATE NOWAIT renders nothing)")
	}
	f1s1 := &VerFoo{Value: "f1 value"}
	must(t, s1.Add(f1s1))
	must(t, s1.Commit(ctx))
	s2 := orm.NewSession(e)
	defer s2.Close(ctx)
	f1s2, err := orm.Select[VerFoo](s2).ForUpdate().Where(orm.C("id").Eq(f1s1.ID)).One(ctx)
	must(t, err)
	f1s2.Value = "f1 new value"
	other := orm.NewSession(e)
	defer other.Close(ctx)
	if _, err := orm.Select[VerFoo](other).ForUpdate(orm.NoWait()).Where(orm.C("id").Eq(f1s1.ID)).One(ctx); err == nil {
		t.Fatal("FOR UPDATE NOWAIT of a locked row succeeded")
	}
	must(t, other.Rollback(ctx))
	must(t, s2.Commit(ctx))
	must(t, s1.Refresh(ctx, f1s1))
	if f1s1.VersionID != f1s2.VersionID || f1s1.VersionID != 2 {
		t.Errorf("refreshed version = %d, other session's = %d, want 2", f1s1.VersionID, f1s2.VersionID)
	}
}

func TestSAVersioningRelationsPort(t *testing.T) {
	runVerCases(t, verRelationModels, versionRelationCases())
}

// versionRelationCases are VersionOnPostUpdateTest's,
// NoBumpOnRelationshipTest's, ColumnTypeTest's, RowSwitchTest's,
// QuotedBindVersioningTest's and PostUpdateVersioningTest's cases.
func versionRelationCases() []verCase {
	return []verCase{
		{"test_o2m_plain", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeO2M{ID: 1}, &VerNodeO2M{ID: 2}
			must(t, s.AddAll(n1, n2))
			must(t, s.Flush(ctx))
			n1.Related.Append(n2)
			must(t, s.Flush(ctx))
			wantVersions(t, "n1", n1.VersionID, 1)
			wantVersions(t, "n2", n2.VersionID, 2)
		}},
		{"test_m2o_plain", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeM2O{ID: 1}, &VerNodeM2O{ID: 2}
			must(t, s.AddAll(n1, n2))
			must(t, s.Flush(ctx))
			n1.Related.Set(n2)
			must(t, s.Flush(ctx))
			wantVersions(t, "n1", n1.VersionID, 2)
			wantVersions(t, "n2", n2.VersionID, 1)
		}},
		{"test_o2m_post_update", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeO2MPost{ID: 1}, &VerNodeO2MPost{ID: 2}
			must(t, s.AddAll(n1, n2))
			must(t, s.Flush(ctx))
			n1.Related.Append(n2)
			must(t, s.Flush(ctx))
			wantVersions(t, "n1", n1.VersionID, 1)
			wantVersions(t, "n2", n2.VersionID, 2)
		}},
		{"test_m2o_post_update", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeM2OPost{ID: 1}, &VerNodeM2OPost{ID: 2}
			must(t, s.AddAll(n1, n2))
			must(t, s.Flush(ctx))
			n1.Related.Set(n2)
			must(t, s.Flush(ctx))
			wantVersions(t, "n1", n1.VersionID, 2)
			wantVersions(t, "n2", n2.VersionID, 1)
		}},
		{"test_o2m_post_update_not_assoc_w_insert", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeO2MPost{ID: 1}, &VerNodeO2MPost{ID: 2}
			n1.Related.Append(n2)
			must(t, s.AddAll(n1, n2))
			must(t, s.Flush(ctx))
			wantVersions(t, "n1", n1.VersionID, 1)
			wantVersions(t, "n2", n2.VersionID, 1)
		}},
		{"test_m2o_post_update_not_assoc_w_insert", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeM2OPost{ID: 1}, &VerNodeM2OPost{ID: 2}
			n1.Related.Set(n2)
			must(t, s.AddAll(n1, n2))
			must(t, s.Flush(ctx))
			wantVersions(t, "n1", n1.VersionID, 1)
			wantVersions(t, "n2", n2.VersionID, 1)
		}},
		{"test_o2m_post_update_version_assert", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeO2MPost{ID: 1}, &VerNodeO2MPost{ID: 2}
			must(t, s.AddAll(n1, n2))
			must(t, s.Commit(ctx))
			n1.Related.Append(n2)
			// SQLAlchemy updates the row through a second Session on the
			// connection; here another connection does, after the commit
			_, err := e.ExecContext(ctx, "UPDATE ver_node_o2m_post SET version_id = 3 WHERE id = 2")
			must(t, err)
			wantStale(t, s.Flush(ctx), "flush of the stale n2")
		}},
		{"test_m2o_post_update_version_assert", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			n1, n2 := &VerNodeM2OPost{ID: 1}, &VerNodeM2OPost{ID: 2}
			must(t, s.AddAll(n1, n2))
			must(t, s.Commit(ctx))
			n1.Related.Set(n2)
			_, err := e.ExecContext(ctx, "UPDATE ver_node_m2o_post SET version_id = 3 WHERE id = 1")
			must(t, err)
			wantStale(t, s.Flush(ctx), "flush of the stale n1")
		}},
		{"test_o2m_post_update_no_sane_rowcount", skipRowcount},
		{"test_random_versionids", skipGenerator},
		{"test_plain_counter", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			a1 := &VerA{}
			must(t, s.Add(a1))
			must(t, s.Commit(ctx))
			wantVersions(t, "a1", a1.VersionID, 1)
			b1 := &VerB{}
			b1.A.Set(a1)
			must(t, s.Add(b1))
			must(t, s.Commit(ctx))
			wantVersions(t, "a1 after a child was added", a1.VersionID, 1)
		}},
		{"test_functional_counter", skipGenerator},
		{"test_no_counter", skipGenerator},
		{"test_update", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1 := &VerDated{ID: orm.DateOf(time.Now()), Value: "f1"}
			must(t, s.Add(f1))
			must(t, s.Commit(ctx))
			f1.Value = "f1rev2"
			must(t, s.Commit(ctx))
			wantVersions(t, "f1", f1.VersionID, 2)
		}},
		{"test_row_switch", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			must(t, s.Add(&VerP{ID: "P1", Data: "P version 1"}))
			must(t, s.Commit(ctx))
			must(t, s.Close(ctx))
			p, err := orm.Select[VerP](s).First(ctx)
			must(t, err)
			must(t, s.Delete(p))
			np := &VerP{ID: "P1", Data: "really a row-switch"}
			must(t, s.Add(np))
			must(t, s.Commit(ctx))
			wantVersions(t, "switched row", np.VersionID, 2)
			row, err := orm.Get[VerP](ctx, e, "P1")
			must(t, err)
			if row.Data != "really a row-switch" || row.VersionID != 2 {
				t.Errorf("row = %+v, want the new data at version 2", row)
			}
		}},
		{"test_child_row_switch", testVerChildRowSwitch},
		{"test_child_row_switch_one", skipGenerator},
		{"test_child_row_switch_two", skipGenerator},
		{"test_round_trip", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			f1 := &VerQuoted{Value: "v1"}
			must(t, s.Add(f1))
			must(t, s.Commit(ctx))
			f1.Value = "v2"
			must(t, s.Commit(ctx))
			wantVersions(t, "f1", f1.Version, 2)
		}},
		{"test_bumped_version_id_on_update", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1, u2 := &VerUser{ID: 1}, &VerUser{ID: 2}
			p1 := &VerParent{ID: 1}
			p1.UpdatedBy.Set(u1)
			must(t, s.AddAll(u1, u2, p1))
			must(t, s.Commit(ctx))
			must(t, s.Close(ctx))
			p1, err := orm.Get[VerParent](ctx, s, int64(1))
			must(t, err)
			must(t, s.Load(ctx, &p1.UpdatedBy))
			v := p1.VersionID
			p1.VersionID = v // SQLAlchemy assigns the version to itself
			u2id := int64(2)
			p1.UpdatedByID = &u2id
			must(t, s.Commit(ctx))
			back, err := orm.Get[VerParent](ctx, e, int64(1))
			must(t, err)
			if back.UpdatedByID == nil || *back.UpdatedByID != 2 || back.VersionID != p1.VersionID || back.VersionID < 2 {
				t.Errorf("row = %+v, object version %d; want updated_by 2 and the object's bumped version", back, p1.VersionID)
			}
		}},
		{"test_bumped_version_id_on_delete", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			u1 := &VerUser{ID: 1}
			p1 := &VerParent{ID: 1}
			p1.UpdatedBy.Set(u1)
			must(t, s.AddAll(u1, p1))
			must(t, s.Flush(ctx))
			log := record(t, e)
			must(t, s.Delete(p1))
			must(t, s.Commit(ctx))
			if n := len(log.matching("DELETE FROM")); n != 1 {
				t.Errorf("DELETE statements = %d, want 1: %q", n, log.stmt)
			}
			if n, _ := orm.Select[VerParent](e).Count(ctx); n != 0 {
				t.Errorf("parent rows = %d, want 0", n)
			}
		}},
	}
}

// skipGenerator skips a case built on version_id_generator.
func skipGenerator(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
	t.Skip("difference: no version_id_generator; a flagon version column is an integer counter the flush maintains (docs/orm-session.md)")
}

// testVerChildRowSwitch is RowSwitchTest.test_child_row_switch: a new
// child replacing a delete-orphan child with the same key takes its row.
func testVerChildRowSwitch(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
	must(t, s.Add(&VerP{ID: "P1", Data: "P version 1"}))
	must(t, s.Commit(ctx))
	must(t, s.Close(ctx))
	p, err := orm.Select[VerP](s).Options(orm.SelectInLoad("C")).First(ctx)
	must(t, err)
	p.C.Set(&VerC{Data: "child version 1"})
	must(t, s.Commit(ctx))
	p, err = orm.Select[VerP](s).Options(orm.SelectInLoad("C")).First(ctx)
	must(t, err)
	c := &VerC{Data: "child row-switch"}
	p.C.Set(c)
	must(t, s.Commit(ctx))
	row, err := orm.Get[VerC](ctx, e, "P1")
	must(t, err)
	if row.Data != "child row-switch" || row.VersionID != 2 {
		t.Errorf("child row = %+v, want child row-switch at version 2", row)
	}
}

func TestSAVersioningInheritancePort(t *testing.T) {
	runVerCases(t, verInheritModels, []verCase{
		{"test_update_child_table_only", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			s1 := &VerSub{VerBase: VerBase{Data: "b"}, SubData: "s"}
			must(t, s.Add(s1))
			must(t, s.Commit(ctx))
			s1.SubData = "s2"
			must(t, s.Commit(ctx))
			wantVersions(t, "s1", s1.VersionID, 2)
			back, err := orm.Get[VerSub](ctx, e, s1.ID)
			must(t, err)
			if back.VersionID != 2 || back.SubData != "s2" {
				t.Errorf("row = %+v, want s2 at version 2", back)
			}
		}},
		{"test_base_both", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			b1 := &VerBase{Data: "b1"}
			must(t, s.Add(b1))
			must(t, s.Commit(ctx))
			wantVersions(t, "b1", b1.VersionID, 1)
			var v int
			must(t, e.SQL().QueryRowContext(ctx, "SELECT version_id FROM ver_base").Scan(&v))
			wantVersions(t, "base row", v, 1)
		}},
		{"test_sub_both", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			t.Skip("difference: a model has one version column; a joined subtype inherits its parent's and cannot add another")
		}},
		{"test_sub_only", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			s1 := &VerOnlySub{VerPlainBase: VerPlainBase{Data: "s1"}, SubData: "s1"}
			must(t, s.Add(s1))
			must(t, s.Commit(ctx))
			var v int
			must(t, e.SQL().QueryRowContext(ctx, "SELECT version_id FROM ver_only_sub").Scan(&v))
			wantVersions(t, "sub row", v, 1)
			s1.Data = "base only"
			must(t, s.Commit(ctx))
			must(t, e.SQL().QueryRowContext(ctx, "SELECT version_id FROM ver_only_sub").Scan(&v))
			wantVersions(t, "sub row after a base change", v, 2)
		}},
		{"test_mismatch_version_col_warning", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			t.Skip("difference: a second version column is refused when the model is registered, instead of a warning")
		}},
		{"joined_stale_delete", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			s1 := &VerSub{VerBase: VerBase{Data: "b"}, SubData: "s"}
			must(t, s.Add(s1))
			must(t, s.Commit(ctx))
			_, err := orm.Update[VerBase](e).Set("VersionID", 7).FilterBy("ID", s1.ID).Exec(ctx)
			must(t, err)
			s1.SubData = "mine"
			wantStale(t, s.Commit(ctx), "update of a stale joined row")
			must(t, s.Rollback(ctx))
			// the expired object keeps its old version until reloaded
			must(t, s.Refresh(ctx, s1))
			if s1.VersionID != 7 || s1.SubData != "s" {
				t.Fatalf("Refresh after rollback: version %d, SubData %q; want the row's 7, s", s1.VersionID, s1.SubData)
			}
			must(t, s.Delete(s1))
			must(t, s.Commit(ctx))
			if n, _ := orm.Select[VerBase](e).Count(ctx); n != 0 {
				t.Errorf("base rows after delete = %d, want 0", n)
			}
		}},
		{"get_subclass_of_base_row", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			b := &VerPlainBase{Data: "b"}
			must(t, s.Add(b))
			must(t, s.Commit(ctx))
			s.Expire(b)
			if _, err := orm.Get[VerOnlySub](ctx, s, b.ID); !errors.Is(err, orm.ErrNoRows) {
				t.Fatalf("Get of the subclass = %v, want ErrNoRows", err)
			}
			if !s.Contains(b) {
				t.Fatalf("the base object left the session")
			}
			b.Data = "changed"
			must(t, s.Commit(ctx))
			var d string
			must(t, e.SQL().QueryRowContext(ctx, "SELECT data FROM ver_plain_base").Scan(&d))
			if d != "changed" {
				t.Errorf("data = %q, want changed", d)
			}
		}},
		{"single_table_subtype_update", func(t *testing.T, ctx context.Context, e *orm.DB, s *orm.Session) {
			s1 := &VerSSub{VerSBase: VerSBase{Data: "b"}, SubData: "s"}
			must(t, s.Add(s1))
			must(t, s.Commit(ctx))
			wantVersions(t, "inserted", s1.VersionID, 1)
			s1.SubData = "s2"
			must(t, s.Commit(ctx))
			wantVersions(t, "updated", s1.VersionID, 2)
			_, err := orm.Update[VerSBase](e).Set("VersionID", 9).FilterBy("ID", s1.ID).Exec(ctx)
			must(t, err)
			must(t, s.Rollback(ctx))
			s1.SubData = "s3"
			wantStale(t, s.Commit(ctx), "update of a stale single-table row")
		}},
		{"test_no_increment", skipGenerator},
	})
}
