package errchain

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// loopErr wraps next; set next to an earlier error to close a cycle.
type loopErr struct{ next error }

func (e *loopErr) Error() string { return "loop" }
func (e *loopErr) Unwrap() error { return e.next }

// selfJoin is an Unwrap() []error that contains itself.
type selfJoin struct{ errs []error }

func (e *selfJoin) Error() string   { return "join" }
func (e *selfJoin) Unwrap() []error { return e.errs }

// valueLoop is a comparable value error that wraps itself.
type valueLoop struct{ name string }

func (e valueLoop) Error() string { return e.name }
func (e valueLoop) Unwrap() error { return e }

// sliceErr is a non-comparable error that wraps a fresh copy of itself
// forever: only the cap ends the walk.
type sliceErr []int

func (e sliceErr) Error() string { return "slice" }
func (e sliceErr) Unwrap() error { return append(sliceErr{}, e...) }

type panicUnwrap struct{}

func (panicUnwrap) Error() string { return "panics" }
func (panicUnwrap) Unwrap() error { panic("boom") }

type target struct{ code int }

func (e *target) Error() string { return fmt.Sprint("target ", e.code) }

func cycles() map[string]error {
	a := &loopErr{}
	b := &loopErr{next: a}
	a.next = fmt.Errorf("wrapped: %w", b)
	j := &selfJoin{}
	j.errs = []error{nil, io.EOF, j}
	return map[string]error{
		"unwrap_cycle":   a,
		"join_self":      j,
		"value_self":     valueLoop{"v"},
		"non_comparable": sliceErr{1},
		"panic_unwrap":   fmt.Errorf("x: %w", panicUnwrap{}),
	}
}

func TestWalkEnds(t *testing.T) {
	want := map[string]int{"unwrap_cycle": 3, "join_self": 2, "value_self": 1, "non_comparable": MaxErrors, "panic_unwrap": 2}
	for name, err := range cycles() {
		t.Run(name, func(t *testing.T) {
			n := 0
			Walk(err, func(error) bool { n++; return false })
			if n != want[name] {
				t.Errorf("visited %d errors, want %d", n, want[name])
			}
		})
	}
}

func TestIs(t *testing.T) {
	cyc := cycles()
	tests := []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"plain", fmt.Errorf("a: %w", io.EOF), io.EOF, true},
		{"joined", errors.Join(io.ErrClosedPipe, io.EOF), io.EOF, true},
		{"absent", errors.New("x"), io.EOF, false},
		{"nil_nil", nil, nil, true},
		{"nil_err", nil, io.EOF, false},
		{"unwrap_cycle_absent", cyc["unwrap_cycle"], io.EOF, false},
		{"join_self_present", cyc["join_self"], io.EOF, true},
		{"value_self", cyc["value_self"], valueLoop{"v"}, true},
		{"value_self_absent", cyc["value_self"], io.EOF, false},
		{"non_comparable", cyc["non_comparable"], io.EOF, false},
		{"panic_unwrap", cyc["panic_unwrap"], io.EOF, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Is(tt.err, tt.target); got != tt.want {
				t.Errorf("Is = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAs(t *testing.T) {
	cyc := cycles()
	tests := []struct {
		name string
		err  error
		want int // code found, 0 for none
	}{
		{"wrapped", fmt.Errorf("a: %w", &target{1}), 1},
		{"joined_second", errors.Join(io.EOF, &target{2}), 2},
		{"typed_nil_passed_over", errors.Join((*target)(nil), &target{3}), 3},
		{"typed_nil_only", fmt.Errorf("a: %w", (*target)(nil)), 0},
		{"unwrap_cycle", cyc["unwrap_cycle"], 0},
		{"join_self", cyc["join_self"], 0},
		{"non_comparable", cyc["non_comparable"], 0},
		{"panic_unwrap", cyc["panic_unwrap"], 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := As[*target](tt.err)
			if ok != (tt.want != 0) || ok && got.code != tt.want {
				t.Errorf("As = %v, %v; want code %d", got, ok, tt.want)
			}
		})
	}
}

func TestAsTarget(t *testing.T) {
	cyc := cycles()
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"wrapped", fmt.Errorf("a: %w", &target{1}), 1},
		{"typed_nil_passed_over", errors.Join((*target)(nil), &target{3}), 3},
		{"unwrap_cycle", cyc["unwrap_cycle"], 0},
		{"join_self", cyc["join_self"], 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *target
			ok := AsTarget(tt.err, &got)
			if ok != (tt.want != 0) || ok && got.code != tt.want {
				t.Errorf("AsTarget = %v, %v; want code %d", got, ok, tt.want)
			}
		})
	}
	var iface interface{ Unwrap() []error }
	if !AsTarget(cyc["join_self"], &iface) {
		t.Error("interface target not set")
	}
}
