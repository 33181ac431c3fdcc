package reload

import (
	"context"
	"slices"
	"time"
)

// debounce collects the paths arriving on raw and sends them as one
// sorted, de-duplicated batch once none arrived for quiet.
func debounce(ctx context.Context, raw <-chan string, quiet time.Duration, out chan<- []string) {
	pending := map[string]bool{}
	timer := time.NewTimer(quiet)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case p := <-raw:
			pending[p] = true
			timer.Reset(quiet)
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			slices.Sort(batch)
			clear(pending)
			select {
			case out <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}
