package migrate

import "time"

// Golden is the golden-file helper, shared with the external tests.
var Golden = golden

// SetProgressClock replaces the progress line's clock and redraw interval.
func SetProgressClock(m *Migrator, now func() time.Time, tick time.Duration) {
	m.clock, m.tick = now, tick
}

// CopyBatch is the rows a rebuild copies per statement under a progress line.
const CopyBatch = copyBatch

// GraphBuilds returns how many revision graphs have been built.
func GraphBuilds() int64 { return graphBuilds.Load() }
