package render

import (
	"bufio"
	"io"
	"sync"
)

// streamChunk is the size of the pieces Stream writes.
const streamChunk = 4 << 10

// flusher is implemented by http.ResponseWriter (http.Flusher).
type flusher interface{ Flush() }

// Stream executes the template name writing its output to w while it runs,
// in chunks of about 4 KiB, flushing w after each chunk when w has a
// Flush() method (http.Flusher), like Flask's stream_template. On error,
// the output written so far stays written.
func (s *Set) Stream(w io.Writer, name string, data, value any) error {
	p, err := s.page(name)
	if err != nil {
		return err
	}
	out := io.Writer(w)
	if f, ok := w.(flusher); ok {
		out = flushWriter{w: w, f: f}
	}
	bw := streamWriters.Get().(*bufio.Writer)
	bw.Reset(out)
	defer func() {
		bw.Reset(nil)
		streamWriters.Put(bw)
	}()
	if err := s.run(bw, p, data, value); err != nil {
		bw.Flush()
		return err
	}
	return bw.Flush()
}

// streamWriters pools the chunk buffers of Stream.
var streamWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, streamChunk) }}

// A flushWriter flushes after every write.
type flushWriter struct {
	w io.Writer
	f flusher
}

// Write writes p and flushes.
func (fw flushWriter) Write(p []byte) (int, error) {
	n, err := fw.w.Write(p)
	fw.f.Flush()
	return n, err
}
