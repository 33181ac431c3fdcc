package signals

import "testing"

// BenchmarkEmptyFunc is the baseline: one indirect call.
func BenchmarkEmptyFunc(b *testing.B) {
	f := func(any, int) {}
	a := &app{}
	b.ReportAllocs()
	for b.Loop() {
		f(a, 1)
	}
}

func BenchmarkSendNoReceivers(b *testing.B) {
	sig := New[int]("s")
	a := &app{}
	b.ReportAllocs()
	for b.Loop() {
		sig.Send(a, 1)
	}
}

func BenchmarkSendOneReceiver(b *testing.B) {
	sig := New[int]("s")
	sig.Connect(func(any, int) {})
	a := &app{}
	b.ReportAllocs()
	for b.Loop() {
		sig.Send(a, 1)
	}
}

func TestSendNoReceiversDoesNotAllocate(t *testing.T) {
	sig := New[[]string]("s")
	a := &app{}
	payload := []string{"x"}
	if n := testing.AllocsPerRun(100, func() { sig.Send(a, payload) }); n != 0 {
		t.Fatalf("Send allocated %v times", n)
	}
}
