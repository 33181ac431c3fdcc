// Package signals is a small typed equivalent of Blinker, the signal
// library Flask uses: subscribers connect receivers to a Signal and the
// code that owns it sends events to every receiver, in connection order.
//
// Sending on a signal without receivers costs one atomic load and no
// allocation, so instrumentation signals can stay in hot paths.
package signals

import (
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
)

// connected counts the receivers connected to all signals (Idle).
var connected atomic.Int64

// Idle reports whether no signal has a receiver, so that a Send on any of
// them does nothing. Code sending several signals on a hot path checks it
// before each Send: unlike Send, it is inlined into the caller.
func Idle() bool { return connected.Load() == 0 }

// anySender marks receivers connected for every sender.
type anySender struct{}

// A Signal delivers payloads of type T to its receivers. The zero value
// is ready to use; a Signal must not be copied after first use. It is safe
// for concurrent use.
type Signal[T any] struct {
	// Name identifies the signal in documentation and debugging output.
	Name string

	mu        sync.Mutex
	receivers atomic.Pointer[[]*receiver[T]] // copy-on-write
}

type receiver[T any] struct {
	sender any
	fn     func(sender any, payload T)
}

// New returns a signal called name.
func New[T any](name string) *Signal[T] {
	return &Signal[T]{Name: name}
}

// Connect registers fn for every sender and returns a function that
// disconnects it (calling it more than once is harmless).
func (s *Signal[T]) Connect(fn func(sender any, payload T)) (disconnect func()) {
	return s.add(&receiver[T]{sender: anySender{}, fn: fn})
}

// ConnectFor registers fn for payloads sent by sender only (compared with
// ==). It panics if sender is not comparable, e.g. a map or slice.
func (s *Signal[T]) ConnectFor(sender any, fn func(sender any, payload T)) (disconnect func()) {
	if sender != nil && !reflect.ValueOf(sender).Comparable() {
		panic("signals: ConnectFor sender must be comparable (use a pointer)")
	}
	return s.add(&receiver[T]{sender: sender, fn: fn})
}

func (s *Signal[T]) add(r *receiver[T]) func() {
	if r.fn == nil {
		panic("signals: nil receiver function")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var next []*receiver[T]
	if cur := s.receivers.Load(); cur != nil {
		next = slices.Clip(*cur)
	}
	next = append(next, r)
	s.receivers.Store(&next)
	connected.Add(1)
	return func() { s.remove(r) }
}

func (s *Signal[T]) remove(r *receiver[T]) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.receivers.Load()
	if cur == nil {
		return
	}
	next := slices.DeleteFunc(slices.Clone(*cur), func(x *receiver[T]) bool { return x == r })
	if len(next) == len(*cur) {
		return // disconnected before
	}
	connected.Add(-1)
	if len(next) == 0 {
		s.receivers.Store(nil)
		return
	}
	s.receivers.Store(&next)
}

// HasReceivers reports whether any receiver is connected.
func (s *Signal[T]) HasReceivers() bool {
	return s.receivers.Load() != nil
}

// Send calls every receiver connected for all senders or for sender, in
// connection order. Receivers connected or disconnected during a Send take
// effect from the next Send.
func (s *Signal[T]) Send(sender any, payload T) {
	if rs := s.receivers.Load(); rs != nil {
		s.send(*rs, sender, payload)
	}
}

func (s *Signal[T]) send(rs []*receiver[T], sender any, payload T) {
	for _, r := range rs {
		if _, all := r.sender.(anySender); all || r.sender == sender {
			r.fn(sender, payload)
		}
	}
}
