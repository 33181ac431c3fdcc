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

// TestGateCancelledWaitersLeakNoSlot fills a gate, cancels many waiters
// (some while they wait, some before they start) and then expects every
// slot to be free again and no extra one to exist.
func TestGateCancelledWaitersLeakNoSlot(t *testing.T) {
	for _, timeout := range []time.Duration{0, time.Hour} {
		t.Run(timeout.String(), func(t *testing.T) {
			const slots, waiters = 3, 64
			g := newGate(slots, timeout, "slots")
			for range slots {
				if err := g.enter(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			errs := make(chan error, waiters)
			for range waiters {
				go func() { errs <- g.enter(ctx) }()
			}
			time.Sleep(10 * time.Millisecond) // let most of them wait
			cancel()
			for range waiters {
				if err := <-errs; err != context.Canceled {
					t.Fatalf("cancelled waiter: %v, want context.Canceled", err)
				}
			}
			for range slots {
				g.leave()
			}
			for i := range slots {
				if len(g.slots) != i {
					t.Fatalf("%d slots taken before entering the %dth, want %d", len(g.slots), i+1, i)
				}
				if err := g.enter(context.Background()); err != nil {
					t.Fatalf("slot %d after the cancelled waiters: %v", i+1, err)
				}
			}
			full, cancelFull := context.WithCancel(context.Background())
			cancelFull()
			if err := g.enter(full); err != context.Canceled {
				t.Fatalf("entering a full gate: %v, want to wait (context.Canceled)", err)
			}
		})
	}
}
