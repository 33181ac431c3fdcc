package migrate

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progressDelay is how long a step runs before its progress line appears.
const progressDelay = time.Second

// A Terminal is a writer that reports whether it is a terminal; tests and
// embedders use it to show or hide the live progress line.
type Terminal interface {
	io.Writer
	IsTerminal() bool
}

// isTerminal reports whether w is a terminal: a Terminal that says so, or
// an *os.File open on a character device.
func isTerminal(w io.Writer) bool {
	switch w := w.(type) {
	case Terminal:
		return w.IsTerminal()
	case *os.File:
		fi, err := w.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice != 0
	}
	return false
}

// A progress draws one updating line for a running step: its label, the
// rows copied of the total when known, the elapsed time and an estimate of
// the time left. A nil *progress draws nothing.
type progress struct {
	w      io.Writer
	now    func() time.Time
	label  string
	start  time.Time
	mu     sync.Mutex
	shown  bool
	done   int64
	total  int64
	stopCh chan struct{}
	wg     sync.WaitGroup
}

// startProgress starts the progress line of one step, redrawn every tick
// so that a step without rows (a data migration) still shows its elapsed
// time; nil when Progress is not a terminal.
func (m *Migrator) startProgress(label string) *progress {
	if m.Progress == nil || !isTerminal(m.Progress) {
		return nil
	}
	now := m.clock
	if now == nil {
		now = time.Now
	}
	tick := m.tick
	if tick <= 0 {
		tick = 250 * time.Millisecond
	}
	p := &progress{w: m.Progress, now: now, label: label, start: now(), stopCh: make(chan struct{})}
	p.wg.Add(1)
	go p.loop(tick)
	return p
}

// loop redraws the line every tick until stop.
func (p *progress) loop(tick time.Duration) {
	defer p.wg.Done()
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-p.stopCh:
			return
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		}
	}
}

// rows records that done of total rows are copied and redraws the line.
func (p *progress) rows(done, total int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total = done, total
	p.draw()
}

// draw writes the line once the step has run for progressDelay.
func (p *progress) draw() {
	elapsed := p.now().Sub(p.start)
	if elapsed < progressDelay {
		return
	}
	p.shown = true
	line := p.label + ": "
	if p.total > 0 {
		line += fmt.Sprintf("%d/%d rows, ", p.done, p.total)
	}
	line += "elapsed " + elapsed.Round(time.Second).String()
	if p.total > 0 && p.done > 0 && p.done < p.total {
		left := time.Duration(float64(elapsed) * float64(p.total-p.done) / float64(p.done))
		line += ", about " + left.Round(time.Second).String() + " left"
	}
	fmt.Fprint(p.w, "\r\x1b[K"+line)
}

// stop ends the line, clearing it so that the step's log line follows.
func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.stopCh)
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
