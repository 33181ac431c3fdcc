package ormbench

import (
	"context"
	"fmt"
	"testing"
)

// An op is one benchmarked operation: setup runs untimed, then step runs
// once per iteration.
type op struct {
	name  string
	setup func(ctx context.Context, im Impl) (step func() error, err error)
}

// ops are efectn/go-orm-benchmarks' operations, in report order.
var ops = []op{
	{"insert", setupInsert},
	{"insert100", setupInsert100},
	{"update", setupUpdate},
	{"read", setupRead},
	{"read100", setupRead100},
}

// The inserts change Counter in every iteration, as the update does: rows
// that differ from one statement to the next, as an application's do. With
// the same values every time, an ORM that writes values into the SQL text
// (Bun) would send one statement text again and again, which pgx's
// statement cache answers with a prepared plan that has the values baked
// in: a case no application sees (README.md, "Varying values").

func setupInsert(ctx context.Context, im Impl) (func() error, error) {
	m := NewModel()
	return func() error {
		m.ID = 0
		m.Counter++
		return im.Insert(ctx, m)
	}, nil
}

func setupInsert100(ctx context.Context, im Impl) (func() error, error) {
	ms := NewModels(100)
	return func() error {
		for _, m := range ms {
			m.ID = 0
			m.Counter++
		}
		return im.InsertMulti(ctx, ms)
	}, nil
}

func setupUpdate(ctx context.Context, im Impl) (func() error, error) {
	m := NewModel()
	if err := im.Insert(ctx, m); err != nil {
		return nil, err
	}
	return func() error {
		m.Counter++
		return im.Update(ctx, m)
	}, nil
}

func setupRead(ctx context.Context, im Impl) (func() error, error) {
	m := NewModel()
	if err := im.Insert(ctx, m); err != nil {
		return nil, err
	}
	return func() error {
		_, err := im.Read(ctx, m.ID)
		return err
	}, nil
}

func setupRead100(ctx context.Context, im Impl) (func() error, error) {
	if err := im.InsertMulti(ctx, NewModels(100)); err != nil {
		return nil, err
	}
	return func() error {
		ms, err := im.ReadSlice(ctx, 100)
		if err == nil && len(ms) != 100 {
			err = fmt.Errorf("read %d rows, want 100", len(ms))
		}
		return err
	}, nil
}

// runOp benchmarks o with implementation im. Besides wall time it reports
// cpu-ns/op, the CPU time this process (the client, and for SQLite the
// database too) spent per operation: it grows far less than wall time when
// other jobs compete for the machine's cores.
func runOp(b *testing.B, im Impl, o op) {
	step, err := o.setup(context.Background(), im)
	if err != nil {
		b.Fatal(err)
	}
	cpu := cpuTime()
	for b.Loop() {
		if err := step(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	}
}
