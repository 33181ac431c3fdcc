package signals

import "testing"

func TestIdleCountsConnectedReceivers(t *testing.T) {
	a, b := New[int]("a"), New[string]("b")
	before := connected.Load()
	offA := a.Connect(func(any, int) {})
	offB := b.ConnectFor("sender", func(any, string) {})
	if got := connected.Load(); got != before+2 || Idle() {
		t.Fatalf("after two connects: %d receivers (was %d), Idle = %v", got, before, Idle())
	}
	offA()
	offA() // a second disconnect is harmless and not counted
	if got := connected.Load(); got != before+1 {
		t.Fatalf("after disconnecting one twice: %d receivers, want %d", got, before+1)
	}
	offB()
	if got := connected.Load(); got != before || Idle() != (before == 0) {
		t.Fatalf("after disconnecting both: %d receivers, want %d; Idle = %v", got, before, Idle())
	}
}
