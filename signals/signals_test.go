package signals

import (
	"slices"
	"sync"
	"testing"
)

type app struct{ name string }

func TestSendOrderAndSenders(t *testing.T) {
	a, b := &app{"a"}, &app{"b"}
	tests := []struct {
		name   string
		sender any
		want   []string
	}{
		{"sender a", a, []string{"any1", "a", "any2"}},
		{"sender b", b, []string{"any1", "any2", "b"}},
		{"other sender", "x", []string{"any1", "any2"}},
		{"nil sender", nil, []string{"any1", "any2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			sig := New[int]("test")
			rec := func(label string) func(any, int) {
				return func(any, int) { got = append(got, label) }
			}
			sig.Connect(rec("any1"))
			sig.ConnectFor(a, rec("a"))
			sig.Connect(rec("any2"))
			sig.ConnectFor(b, rec("b"))
			sig.Send(tt.sender, 1)
			if !slices.Equal(got, tt.want) {
				t.Errorf("receivers = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPayloadAndSenderDelivered(t *testing.T) {
	type event struct{ Message, Category string }
	sig := New[event]("message-flashed")
	a := &app{}
	var gotSender any
	var got event
	sig.Connect(func(sender any, e event) { gotSender, got = sender, e })
	sig.Send(a, event{"hi", "info"})
	if gotSender != a || got != (event{"hi", "info"}) {
		t.Errorf("got %v %v", gotSender, got)
	}
}

func TestDisconnect(t *testing.T) {
	sig := New[string]("s")
	calls := 0
	disconnect := sig.Connect(func(any, string) { calls++ })
	other := sig.Connect(func(any, string) {})
	if !sig.HasReceivers() {
		t.Fatal("HasReceivers = false after Connect")
	}
	sig.Send(nil, "x")
	disconnect()
	disconnect()
	sig.Send(nil, "x")
	if calls != 1 {
		t.Errorf("calls = %d, want 1", calls)
	}
	other()
	if sig.HasReceivers() {
		t.Error("HasReceivers = true after every receiver disconnected")
	}
}

func TestDisconnectDuringSend(t *testing.T) {
	sig := New[int]("s")
	var got []int
	var d2 func()
	sig.Connect(func(_ any, n int) { got = append(got, n); d2() })
	d2 = sig.Connect(func(_ any, n int) { got = append(got, -n) })
	sig.Send(nil, 1)
	sig.Send(nil, 2)
	if !slices.Equal(got, []int{1, -1, 2}) {
		t.Errorf("got %v, want [1 -1 2]", got)
	}
}

func TestConnectForPanics(t *testing.T) {
	tests := []struct {
		name string
		call func(s *Signal[int])
	}{
		{"uncomparable sender", func(s *Signal[int]) { s.ConnectFor(map[string]int{}, func(any, int) {}) }},
		{"nil function", func(s *Signal[int]) { s.Connect(nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			tt.call(New[int]("s"))
		})
	}
}

func TestConcurrentConnectAndSend(t *testing.T) {
	sig := New[int]("s")
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			d := sig.Connect(func(_ any, n int) { mu.Lock(); total += n; mu.Unlock() })
			defer d()
		}()
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				sig.Send(nil, 1)
			}
		}()
	}
	wg.Wait()
	if sig.HasReceivers() {
		t.Error("receivers left after all disconnected")
	}
}

func TestZeroValueSignal(t *testing.T) {
	var sig Signal[int]
	sig.Send(nil, 1)
	called := false
	sig.Connect(func(any, int) { called = true })
	sig.Send(nil, 1)
	if !called {
		t.Error("zero-value signal did not deliver")
	}
}
