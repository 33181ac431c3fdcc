package orm

import (
	"context"
	"testing"
	"time"
)

// BenchmarkPoolCheckout compares the cost of bounding the wait for a free
// connection with the engine's gate (a free slot needs no timer) and with a
// context deadline per checkout.
func BenchmarkPoolCheckout(b *testing.B) {
	ctx := context.Background()
	b.Run("gate", func(b *testing.B) {
		g := newGate(15, DefaultPoolTimeout, "slots")
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := g.enter(ctx); err != nil {
					b.Fatal(err)
				}
				g.leave()
			}
		})
	})
	b.Run("context_deadline", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				c, cancel := context.WithTimeout(ctx, DefaultPoolTimeout)
				_ = c.Err()
				cancel()
			}
		})
	})
}

func TestGateWaitsForAFreeSlot(t *testing.T) {
	g := newGate(1, time.Second, "slots")
	if err := g.enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(10 * time.Millisecond); g.leave() }()
	if err := g.enter(context.Background()); err != nil {
		t.Fatalf("waiting for a slot freed meanwhile: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.enter(ctx); err != context.Canceled {
		t.Fatalf("ended context: %v", err)
	}
}
