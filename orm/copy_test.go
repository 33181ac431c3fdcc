package orm_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Load holds every portable type COPY encodes itself (no user types).
type Load struct {
	ID     int64
	Big    int64
	Small  int16
	Flag   bool
	F      float64
	S      string      `orm:"size:200"`
	Num    orm.Decimal `orm:"type:numeric(40,10)"`
	Day    orm.Date
	AtTZ   time.Time `orm:"tz"`
	Span   time.Duration
	Blob   []byte
	Doc    orm.JSON[Doc]
	Key    orm.UUID
	State  Status
	MaybeS *string `orm:"size:10"`
	MaybeI orm.Null[int64]
}

func loadRows() []*Load {
	s := "héllo"
	at := time.Date(2024, 2, 29, 23, 59, 58, 123456000, time.UTC)
	return []*Load{
		{Big: math.MinInt64, Small: math.MinInt16, Num: orm.MustDecimal("-0.5"), Day: orm.Date{Year: 2000, Month: 1, Day: 1},
			AtTZ: at, Doc: orm.JSONOf(Doc{Tags: []string{}}), State: "draft", Blob: []byte{}},
		{Big: 0, Flag: true, F: 1.5, S: `quote " and \ and 日本`, Num: orm.MustDecimal("123456789012345.5"),
			Day: orm.Date{Year: 2024, Month: 2, Day: 29}, AtTZ: at.In(time.FixedZone("E", 5*3600+1800)),
			Span: -90 * time.Minute, Blob: []byte{0, 1, 0, 255}, Doc: orm.JSONOf(Doc{Title: "t", Meta: map[string]any{"n": 1.5}}),
			Key: orm.NewUUID(), State: "it's", MaybeS: &s, MaybeI: orm.NullOf[int64](0)},
		{Big: math.MaxInt64, Small: math.MaxInt16, Num: orm.MustDecimal("0"), Day: orm.Date{Year: 9999, Month: 12, Day: 31},
			AtTZ: at, Span: time.Hour + time.Microsecond, Doc: orm.JSONOf(Doc{}), State: "draft"},
	}
}

func TestCopyFrom(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := modelDB(t, db, Load{})
		var mu sync.Mutex
		var stmts []string
		remove := e.OnStatement(func(ev orm.StatementEvent) {
			mu.Lock()
			defer mu.Unlock()
			stmts = append(stmts, ev.SQL)
		})
		in := loadRows()
		n, err := orm.CopyFrom(ctx, e, in)
		remove()
		if err != nil || n != 3 {
			t.Fatalf("CopyFrom = %d, %v; want 3 rows", n, err)
		}
		wantVerb := map[string]string{"postgresql": "COPY", "sqlite": "INSERT", "mysql": "INSERT"}[db.Name]
		if len(stmts) != 1 || !strings.HasPrefix(stmts[0], wantVerb) {
			t.Errorf("statements = %q, want one %s", stmts, wantVerb)
		}
		out, err := orm.Select[Load](e).OrderBy("big").All(ctx)
		if err != nil || len(out) != 3 {
			t.Fatalf("read back %d rows: %v", len(out), err)
		}
		for i := range in {
			compareLoad(t, in[i], out[i])
		}
	})
}

// compareLoad compares a loaded row with what was copied, ignoring the key.
func compareLoad(t *testing.T, in, out *Load) {
	t.Helper()
	if !in.Num.Equal(out.Num) || !in.AtTZ.Equal(out.AtTZ) || in.Day != out.Day || in.Span != out.Span {
		t.Errorf("num/time/date/interval = %s %v %v %v, want %s %v %v %v", out.Num, out.AtTZ, out.Day, out.Span, in.Num, in.AtTZ, in.Day, in.Span)
	}
	if in.Big != out.Big || in.Small != out.Small || in.Flag != out.Flag || in.F != out.F || in.S != out.S {
		t.Errorf("scalars = %+v, want %+v", out, in)
	}
	if string(in.Blob) != string(out.Blob) || in.Key != out.Key || in.State != out.State || in.MaybeI != out.MaybeI {
		t.Errorf("bytes/uuid/enum/null = %v %v %v %v, want %v %v %v %v", out.Blob, out.Key, out.State, out.MaybeI, in.Blob, in.Key, in.State, in.MaybeI)
	}
	if (in.MaybeS == nil) != (out.MaybeS == nil) || in.MaybeS != nil && *in.MaybeS != *out.MaybeS {
		t.Errorf("MaybeS = %v, want %v", out.MaybeS, in.MaybeS)
	}
	if in.Doc.V.Title != out.Doc.V.Title || len(in.Doc.V.Meta) != len(out.Doc.V.Meta) {
		t.Errorf("Doc = %+v, want %+v", out.Doc.V, in.Doc.V)
	}
}

// TestCopyFromInTransaction checks that the copy is part of the
// transaction (a rollback removes the rows) and of a session's.
func TestCopyFromInTransaction(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		errBoom := errors.New("boom")
		err := e.Transaction(ctx, func(tx *orm.Tx) error {
			if n, err := orm.CopyFrom(ctx, tx, []*Owner{{Email: "a@x"}, {Email: "b@x"}}); err != nil || n != 2 {
				t.Fatalf("CopyFrom in tx = %d, %v", n, err)
			}
			if n, err := orm.Select[Owner](tx).Count(ctx); err != nil || n != 2 {
				t.Errorf("rows seen inside the transaction = %d, %v; want 2", n, err)
			}
			return errBoom
		})
		if !errors.Is(err, errBoom) {
			t.Fatal(err)
		}
		if n, _ := orm.Select[Owner](e).Count(ctx); n != 0 {
			t.Errorf("rows after rollback = %d, want 0", n)
		}
		s := orm.NewSession(e)
		must(t, s.Add(&Owner{Email: "pending@x"})) // flushed before the copy
		if _, err := orm.CopyFrom(ctx, s, []*Owner{{Email: "c@x"}}); err != nil {
			t.Fatal(err)
		}
		must(t, s.Commit(ctx))
		if n, _ := orm.Select[Owner](e).Count(ctx); n != 2 {
			t.Errorf("rows after the session's commit = %d, want 2", n)
		}
	})
}

func TestCopyFromConstraintErrors(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		_, err := orm.CopyFrom(ctx, e, []*Owner{{Email: "same@x"}, {Email: "same@x"}})
		if !errors.Is(err, orm.ErrUniqueViolation) {
			t.Errorf("duplicate rows: err = %v, want ErrUniqueViolation", err)
		}
	})
}
