package ormbench

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// distinct returns n models that differ in every column.
func distinct(n int) []*Model {
	ms := make([]*Model, n)
	for i := range ms {
		ms[i] = &Model{Name: fmt.Sprint("name", i), Title: fmt.Sprint("title", i), Fax: fmt.Sprint(i),
			Web: fmt.Sprintf("http://%d.example", i), Age: 20 + i, Right: i%2 == 0, Counter: int64(1000 * i)}
	}
	return ms
}

// TestImplementations checks, for every implementation on every database,
// that inserts set distinct keys and that Read, ReadSlice and Update see
// exactly the rows written.
func TestImplementations(t *testing.T) {
	ctx := context.Background()
	for _, tg := range targets(t) {
		for _, o := range Openers {
			t.Run(tg.Name+"/"+o.Name, func(t *testing.T) {
				im := openImpl(t, tg, o)
				want := distinct(4)
				checkInserts(ctx, t, im, want)
				checkReadSlice(ctx, t, im, want)
				checkUpdate(ctx, t, im, want[2])
			})
		}
	}
}

// checkInserts writes want[0] alone and the rest in one statement, and
// checks the generated keys.
func checkInserts(ctx context.Context, t *testing.T, im Impl, want []*Model) {
	t.Helper()
	if err := im.Insert(ctx, want[0]); err != nil {
		t.Fatalf("Insert: %v", err)
	}
	if err := im.InsertMulti(ctx, want[1:]); err != nil {
		t.Fatalf("InsertMulti: %v", err)
	}
	seen := map[int]bool{}
	for i, m := range want {
		if m.ID <= 0 || seen[m.ID] {
			t.Fatalf("row %d got key %d; keys must be positive and distinct", i, m.ID)
		}
		seen[m.ID] = true
	}
}

// checkReadSlice reads every row back, one by one and as a slice.
func checkReadSlice(ctx context.Context, t *testing.T, im Impl, want []*Model) {
	t.Helper()
	for _, w := range want {
		got, err := im.Read(ctx, w.ID)
		if err != nil || *got != *w {
			t.Fatalf("Read(%d) = %+v, %v; want %+v", w.ID, got, err, *w)
		}
	}
	got, err := im.ReadSlice(ctx, 100)
	if err != nil {
		t.Fatalf("ReadSlice: %v", err)
	}
	if !sameRows(got, want) {
		t.Fatalf("ReadSlice = %v; want %v", values(got), values(want))
	}
}

// checkUpdate changes every column of m and reads it back.
func checkUpdate(ctx context.Context, t *testing.T, im Impl, m *Model) {
	t.Helper()
	m.Name, m.Title, m.Fax, m.Web, m.Age, m.Right, m.Counter = "new", "T", "F", "W", 7, !m.Right, m.Counter+1
	if err := im.Update(ctx, m); err != nil {
		t.Fatalf("Update: %v", err)
	}
	got, err := im.Read(ctx, m.ID)
	if err != nil || *got != *m {
		t.Fatalf("after Update, Read(%d) = %+v, %v; want %+v", m.ID, got, err, *m)
	}
}

// sameRows reports whether got and want hold equal rows in any order.
func sameRows(got, want []*Model) bool {
	g, w := values(got), values(want)
	cmp := func(a, b Model) int { return a.ID - b.ID }
	slices.SortFunc(g, cmp)
	slices.SortFunc(w, cmp)
	return slices.Equal(g, w)
}

// values dereferences ms.
func values(ms []*Model) []Model {
	out := make([]Model, len(ms))
	for i, m := range ms {
		out[i] = *m
	}
	return out
}
