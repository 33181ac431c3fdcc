package flagon

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/textproto"
	"strings"
)

// mpDecoder splits a multipart/form-data body into parts as Werkzeug's
// sansio MultipartDecoder does, streaming: a line break is CRLF, LF or a
// bare CR; a boundary line may carry trailing spaces and tabs; the first
// boundary needs no line break before it; an empty body ("--b--") has no
// parts. Unlike mime/multipart, a body that never shows its boundary or
// ends inside a part is an error, not an empty form.
type mpDecoder struct {
	r     io.Reader
	buf   []byte // the data read and not consumed yet, a slice of arr
	arr   []byte
	eof   bool
	delim []byte // "--" + boundary
	done  bool   // the closing boundary was read
}

// Limits of the decoder that Werkzeug leaves to MAX_FORM_MEMORY_SIZE.
const (
	mpChunk      = 64 * 1024 // read size (Werkzeug's buffer_size)
	mpMaxHeaders = 64 * 1024 // the headers of one part
	mpMaxSpace   = 1024      // spaces and tabs after a boundary
)

// errMultipartEnd is the decoder's error for a body that stops before
// its closing boundary.
var errMultipartEnd = errors.New("the body ended before the closing boundary")

func newMPDecoder(r io.Reader, boundary string) *mpDecoder {
	return &mpDecoder{r: r, delim: []byte("--" + boundary)}
}

// fill reads more of the body into buf; at the end of the body it sets
// eof and returns errMultipartEnd.
func (d *mpDecoder) fill() error {
	if d.eof {
		return errMultipartEnd
	}
	if cap(d.buf)-len(d.buf) < mpChunk/4 {
		// Little room after the data: move it to the front of the
		// buffer, a larger one if needed.
		if cap(d.arr) < len(d.buf)+mpChunk {
			d.arr = make([]byte, 0, len(d.buf)+mpChunk)
		}
		d.buf = d.arr[:copy(d.arr[:len(d.buf)], d.buf)]
	}
	for {
		n, err := d.r.Read(d.buf[len(d.buf):cap(d.buf)])
		d.buf = d.buf[:len(d.buf)+n]
		if errors.Is(err, io.EOF) {
			d.eof = true
			return nil
		}
		if err != nil || n > 0 {
			return err
		}
	}
}

// boundary kinds following "--boundary".
const (
	bNone     = iota // not a boundary line: data
	bMore            // cannot tell yet: read more
	bPart            // a part follows
	bEpilogue        // the closing boundary
)

// boundaryAt classifies the bytes at j, just after a delimiter, and
// returns the index after the boundary line.
func (d *mpDecoder) boundaryAt(j int) (kind, end int) {
	rest := d.buf[j:]
	if len(rest) < 2 && !d.eof && (len(rest) == 0 || rest[0] == '-') {
		return bMore, 0
	}
	if bytes.HasPrefix(rest, []byte("--")) {
		return bEpilogue, len(d.buf)
	}
	ws := 0
	for ws < len(rest) && (rest[ws] == ' ' || rest[ws] == '\t') {
		ws++
	}
	switch {
	case ws > mpMaxSpace:
		return bNone, 0
	case ws == len(rest):
		if d.eof {
			return bNone, 0
		}
		return bMore, 0
	case rest[ws] == '\n':
		return bPart, j + ws + 1
	case rest[ws] != '\r':
		return bNone, 0
	case ws+1 == len(rest) && !d.eof:
		return bMore, 0
	case ws+1 < len(rest) && rest[ws+1] == '\n':
		return bPart, j + ws + 2
	}
	return bPart, j + ws + 1
}

// skipPreamble discards everything before the first boundary and reports
// whether it was the closing one (a form without parts).
func (d *mpDecoder) skipPreamble() error {
	from := 0
	for {
		if i := bytes.Index(d.buf[from:], d.delim); i >= 0 {
			i += from
			switch kind, end := d.boundaryAt(i + len(d.delim)); kind {
			case bPart:
				d.buf = d.buf[end:]
				return nil
			case bEpilogue:
				d.done = true
				return nil
			case bNone:
				from = i + 1
				continue
			}
			d.buf, from = d.buf[i:], 0
		} else if keep := len(d.delim); len(d.buf) > keep {
			d.buf, from = d.buf[len(d.buf)-keep:], 0
		}
		if err := d.fill(); err != nil {
			if errors.Is(err, errMultipartEnd) {
				return errors.New("the boundary does not occur in the body")
			}
			return err
		}
	}
}

// readHeaders reads the header block of the next part, up to and
// including the first line break of the blank line ending it.
func (d *mpDecoder) readHeaders() (textproto.MIMEHeader, error) {
	for len(d.buf) < 2 && !d.eof {
		if err := d.fill(); err != nil {
			return nil, err
		}
	}
	if lineBreakLen(d.buf) > 0 {
		// No headers: the boundary line is followed by a blank line.
		return textproto.MIMEHeader{}, nil
	}
	from := 0
	for {
		if i, n := blankLine(d.buf[from:]); i >= 0 {
			i += from
			h := parsePartHeaders(d.buf[:i])
			d.buf = d.buf[i+n/2:]
			return h, nil
		}
		if len(d.buf) > mpMaxHeaders {
			return nil, Abort(http.StatusRequestEntityTooLarge,
				"The headers of a multipart part are larger than 64 KiB.")
		}
		from = max(0, len(d.buf)-3)
		if err := d.fill(); err != nil {
			return nil, err
		}
	}
}

// blankLine finds the first "\r\n\r\n", "\r\r" or "\n\n" in b and
// returns its index and length, or -1.
func blankLine(b []byte) (int, int) {
	for i := 0; i+1 < len(b); i++ {
		switch {
		case b[i] == '\n' && b[i+1] == '\n', b[i] == '\r' && b[i+1] == '\r':
			return i, 2
		case b[i] == '\r' && b[i+1] == '\n' && i+3 < len(b) && b[i+2] == '\r' && b[i+3] == '\n':
			return i, 4
		}
	}
	return -1, 0
}

// parsePartHeaders parses a header block as Werkzeug's _parse_headers:
// continuation lines are joined, each line split at its first ":", names
// and values trimmed, invalid UTF-8 replaced.
func parsePartHeaders(b []byte) textproto.MIMEHeader {
	h := textproto.MIMEHeader{}
	s := replaceInvalidUTF8(string(b))
	for _, lb := range []string{"\r\n ", "\r\n\t", "\n ", "\n\t", "\r ", "\r\t"} {
		s = strings.ReplaceAll(s, lb, " ")
	}
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, value, _ := strings.Cut(line, ":")
		h.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	return h
}

// readData streams the current part's content to w up to the next
// boundary, which it consumes. The content starts after the line break
// that readHeaders left; that line break also serves as the one before
// the boundary of an empty part.
func (d *mpDecoder) readData(w func([]byte) error) error {
	for len(d.buf) < 2 && !d.eof {
		if err := d.fill(); err != nil {
			return err
		}
	}
	start := lineBreakLen(d.buf)
	for {
		end, next, kind := d.findBoundary()
		if kind == bPart || kind == bEpilogue {
			d.done = kind == bEpilogue
			err := writeData(w, d.buf, start, end)
			d.buf = d.buf[next:]
			return err
		}
		if err := writeData(w, d.buf, start, end); err != nil {
			return err
		}
		d.buf, start = d.buf[end:], max(start-end, 0)
		if err := d.fill(); err != nil {
			return err
		}
	}
}

func writeData(w func([]byte) error, b []byte, start, end int) error {
	if end <= start {
		return nil
	}
	return w(b[start:end])
}

// lineBreakLen is the length of the line break at the start of b.
func lineBreakLen(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("\r\n")):
		return 2
	case len(b) > 0 && (b[0] == '\n' || b[0] == '\r'):
		return 1
	}
	return 0
}

// findBoundary looks for a line break, the delimiter and a boundary
// ending in buf. When found it returns where the content ends, where the
// next part starts and the kind; otherwise the index up to which the
// content is certainly data (the rest may be the start of a boundary)
// and bMore.
func (d *mpDecoder) findBoundary() (end, next, kind int) {
	from := 0
	for {
		i := bytes.Index(d.buf[from:], d.delim)
		if i < 0 {
			return d.safeEnd(), 0, bMore
		}
		i += from
		lb := i - 1
		if lb < 0 || (d.buf[lb] != '\n' && d.buf[lb] != '\r') {
			from = i + 1
			continue
		}
		if d.buf[lb] == '\n' && lb > 0 && d.buf[lb-1] == '\r' {
			lb--
		}
		switch k, after := d.boundaryAt(i + len(d.delim)); k {
		case bPart, bEpilogue:
			return lb, after, k
		case bMore:
			return lb, 0, bMore
		}
		from = i + 1
	}
}

// safeEnd is the index before which buf holds no start of a boundary:
// the first CR or LF among the last len("\r\n--boundary") bytes, which
// may be the line break before the content.
func (d *mpDecoder) safeEnd() int {
	tail := max(0, len(d.buf)-len(d.delim)-2)
	if i := bytes.IndexAny(d.buf[tail:], "\r\n"); i >= 0 {
		return tail + i
	}
	return len(d.buf)
}
