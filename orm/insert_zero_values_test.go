package orm_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Account has the defaults of issue 14 item 2: non-pointer fields whose
// zero value is a value, pointers whose nil takes the default, and a field
// whose zero value explicitly means "unset".
type Account struct {
	ID      int64
	Name    string              `orm:"size:20;unique"`
	IsAdmin bool                `orm:"server_default:true"`
	Stock   int                 `orm:"server_default:10"`
	Label   string              `orm:"size:20;default:none"`
	Note    *string             `orm:"size:20;default:none"`
	Level   *int                `orm:"server_default:3"`
	Status  string              `orm:"size:20;server_default:'draft';default_if_zero"`
	Tag     orm.Null[string]    `orm:"size:20;default:none"`
	Seen    orm.Null[time.Time] `orm:"default:now"`
}

// accountRow is what the database holds for an Account.
type accountRow struct {
	IsAdmin bool
	Stock   int
	Label   string
	Note    string
	Level   int
	Status  string
	Tag     string
	Seen    bool // Seen holds a time
}

var (
	// zeroAccount's non-pointer fields are explicit zero values.
	zeroAccountRow = accountRow{IsAdmin: false, Stock: 0, Label: "", Note: "none", Level: 3, Status: "draft", Tag: "none", Seen: true}
	// setAccount sets every field.
	setAccountRow = accountRow{IsAdmin: true, Stock: 5, Label: "x", Note: "n", Level: 0, Status: "live", Tag: "t", Seen: true}
)

func zeroAccount(name string) *Account { return &Account{Name: name} }

func setAccount(name string) *Account {
	note, level := "n", 0
	return &Account{Name: name, IsAdmin: true, Stock: 5, Label: "x", Note: &note, Level: &level, Status: "live",
		Tag: orm.NullOf("t"), Seen: orm.NullOf(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC))}
}

// TestExplicitZeroValuesAreNotReplacedByDefaults is issue 14 item 2:
// `IsAdmin: false` is stored as false, not as the server default true, on
// every insert path; defaults apply to nil pointers and to default_if_zero
// fields, and generated values are written back.
func TestExplicitZeroValuesAreNotReplacedByDefaults(t *testing.T) {
	paths := []struct {
		name     string
		insert   func(ctx context.Context, e *orm.DB, objs []*Account) error
		readBack bool // generated values are written into the objects
	}{
		{"Insert", func(ctx context.Context, e *orm.DB, objs []*Account) error {
			for _, o := range objs {
				if err := orm.Insert(ctx, e, o); err != nil {
					return err
				}
			}
			return nil
		}, true},
		{"InsertMany", func(ctx context.Context, e *orm.DB, objs []*Account) error {
			return orm.InsertMany(ctx, e, objs)
		}, true},
		{"CopyFrom", func(ctx context.Context, e *orm.DB, objs []*Account) error {
			_, err := orm.CopyFrom(ctx, e, objs)
			return err
		}, false},
		{"upsert", func(ctx context.Context, e *orm.DB, objs []*Account) error {
			return orm.InsertInto[Account](e).Values(objs...).OnConflict("name").DoUpdate("stock").Exec(ctx)
		}, true},
		{"session", func(ctx context.Context, e *orm.DB, objs []*Account) error {
			s := e.Session()
			for _, o := range objs {
				if err := s.Add(o); err != nil {
					return err
				}
			}
			return s.Commit(ctx)
		}, true},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		md.Register(Account{})
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			t.Run(p.name, func(t *testing.T) {
				objs := []*Account{zeroAccount(p.name + "-zero"), setAccount(p.name + "-set"), zeroAccount(p.name + "-zero2")}
				if err := p.insert(ctx, e, objs); err != nil {
					t.Fatal(err)
				}
				wants := []accountRow{zeroAccountRow, setAccountRow, zeroAccountRow}
				for i, o := range objs {
					if got := storedAccount(t, e, o.Name); got != wants[i] {
						t.Errorf("%s stored %+v, want %+v", o.Name, got, wants[i])
					}
					if p.readBack {
						checkWrittenBack(t, o, wants[i])
					}
				}
			})
		}
	})
}

// storedAccount reads the row named name.
func storedAccount(t *testing.T, e *orm.DB, name string) accountRow {
	t.Helper()
	a, err := orm.Select[Account](e).FilterBy("name", name).One(context.Background())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	r := accountRow{IsAdmin: a.IsAdmin, Stock: a.Stock, Label: a.Label, Status: a.Status, Tag: a.Tag.V, Seen: a.Seen.Valid && !a.Seen.V.IsZero()}
	if a.Note != nil {
		r.Note = *a.Note
	}
	if a.Level != nil {
		r.Level = *a.Level
	}
	return r
}

// checkWrittenBack checks the key and the defaults written into o.
func checkWrittenBack(t *testing.T, o *Account, want accountRow) {
	t.Helper()
	if o.ID == 0 || o.Note == nil || *o.Note != want.Note || o.Level == nil || *o.Level != want.Level || o.Status != want.Status ||
		o.Tag.V != want.Tag || !o.Seen.Valid {
		t.Errorf("%s written back: id %d note %v level %v status %q, want %+v", o.Name, o.ID, o.Note, o.Level, o.Status, want)
	}
	if o.IsAdmin != want.IsAdmin || o.Stock != want.Stock || o.Label != want.Label {
		t.Errorf("%s: the insert changed explicit values to %v %d %q", o.Name, o.IsAdmin, o.Stock, o.Label)
	}
}

// TestInsertSQLSendsExplicitZeroValues checks the statement: the
// non-pointer columns are sent with their zero values, nil pointers with
// a server default and default_if_zero columns are left out.
func TestInsertSQLSendsExplicitZeroValues(t *testing.T) {
	e := openDB(t, dbtest.SQLite(t))
	query, args, err := orm.InsertInto[Account](e).Values(zeroAccount("z")).SQL()
	if err != nil {
		t.Fatal(err)
	}
	want := `INSERT INTO "account" ("name", "is_admin", "stock", "label", "note", "tag", "seen") VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "id", "level", "status"`
	if query != want || len(args) != 7 {
		t.Errorf("got %s %v\nwant %s", query, args, want)
	}
}

// TestDefaultTagsAtRegistration: default_if_zero without a default is an
// error naming the field, and a client default on a non-pointer field
// (which can never apply) is warned about.
func TestDefaultTagsAtRegistration(t *testing.T) {
	type NoDefault struct {
		ID   int
		Flag bool `orm:"default_if_zero"`
	}
	_, err := orm.TableOf(NoDefault{})
	if err == nil || !strings.Contains(err.Error(), "Flag") || !strings.Contains(err.Error(), "default_if_zero") {
		t.Errorf("default_if_zero without a default: %v", err)
	}

	type DeadDefault struct {
		ID    int
		Label string `orm:"default:none"`
	}
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	defer slog.SetDefault(old)
	if _, err := orm.TableOf(DeadDefault{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "never applies") || !strings.Contains(buf.String(), "column=label") {
		t.Errorf("no warning for a dead client default: %q", buf.String())
	}
}

// TestBadDefaultIsColumnError: a client default that does not fit its
// field is a ColumnError naming the column, on every insert path, and
// nothing is inserted.
func TestBadDefaultIsColumnError(t *testing.T) {
	type BadDefault struct {
		ID   int64
		Hits *int `orm:"default:many"`
	}
	e := openDB(t, dbtest.SQLite(t))
	ctx := context.Background()
	md := orm.NewMetaData()
	md.Register(BadDefault{})
	if err := md.CreateAll(ctx, e); err != nil {
		t.Fatal(err)
	}
	paths := map[string]func() error{
		"Insert":     func() error { return orm.Insert(ctx, e, &BadDefault{}) },
		"InsertMany": func() error { return orm.InsertMany(ctx, e, []*BadDefault{{}, {}}) },
		"session": func() error {
			s := e.Session()
			if err := s.Add(&BadDefault{}); err != nil {
				return err
			}
			return s.Commit(ctx)
		},
	}
	for name, insert := range paths {
		err := insert()
		var ce *orm.ColumnError
		if !errors.As(err, &ce) || ce.Column != "hits" || ce.Op != "default" {
			t.Errorf("%s: got %v, want a ColumnError for column hits", name, err)
		}
	}
	if n, err := orm.Select[BadDefault](e).Count(ctx); err != nil || n != 0 {
		t.Errorf("%d rows inserted (%v), want none", n, err)
	}
}

// TestZeroPrimaryKeyTakesServerDefault: a zero primary key is "not given",
// like an autoincrement key, so a server-generated key applies.
func TestZeroPrimaryKeyTakesServerDefault(t *testing.T) {
	type Coded struct {
		Code string `orm:"pk;size:10;server_default:'auto'"`
		Name string `orm:"size:10"`
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		md.Register(Coded{})
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		if err := orm.InsertMany(ctx, e, []*Coded{{Name: "generated"}, {Code: "given", Name: "given"}}); err != nil {
			t.Fatal(err)
		}
		for code, name := range map[string]string{"auto": "generated", "given": "given"} {
			got, err := orm.Get[Coded](ctx, e, code)
			if err != nil || got.Name != name {
				t.Errorf("key %q: %+v, %v; want name %q", code, got, err, name)
			}
		}
	})
}

// TestDocsUserActiveFalseStaysFalse: the guide's own model (`Active bool`
// with server_default:true) stores false when added with Active false, and
// true when set.
func TestDocsUserActiveFalseStaysFalse(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		s := e.Session()
		off, on := &User{Name: "off"}, &User{Name: "on", Active: true}
		for _, u := range []*User{off, on} {
			if err := s.Add(u); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]bool{"off": false, "on": true} {
			u, err := orm.Select[User](e).FilterBy("name", name).One(ctx)
			if err != nil || u.Active != want {
				t.Errorf("%s: active %v (%v), want %v", name, u != nil && u.Active, err, want)
			}
		}
	})
}

// TestZeroTimeTakesDefault: a zero time.Time is "no time", so default:now
// and server_default:CURRENT_TIMESTAMP fill it; a given time is kept.
func TestZeroTimeTakesDefault(t *testing.T) {
	type Stamp struct {
		ID      int64
		Created time.Time `orm:"default:now"`
		Seen    time.Time `orm:"server_default:CURRENT_TIMESTAMP"`
	}
	given := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		md.Register(Stamp{})
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		zero, set := &Stamp{}, &Stamp{Created: given, Seen: given}
		if err := orm.InsertMany(ctx, e, []*Stamp{zero, set}); err != nil {
			t.Fatal(err)
		}
		before := time.Now().Add(-time.Hour)
		for _, s := range []*Stamp{zero, set} {
			got, err := orm.Get[Stamp](ctx, e, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if s == set && (!got.Created.Equal(given) || !got.Seen.Equal(given)) {
				t.Errorf("given times stored as %v, %v", got.Created, got.Seen)
			}
			if s == zero && (got.Created.Before(before) || got.Seen.Before(before) || zero.Seen.IsZero()) {
				t.Errorf("zero times stored as %v, %v (written back %v), want now", got.Created, got.Seen, zero.Seen)
			}
		}
	})
}
