package flagon

import (
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// werkzeugConditional returns r with its conditional headers rewritten so
// that http.ServeContent answers as Werkzeug's make_conditional would:
// dates are parsed as parse_date does (surrounding spaces allowed); a
// Range is parsed as Range.from_header and range_for_length, one
// satisfiable byte range or a 416; an If-Range etag may be unquoted, a
// weak one is discarded, and an If-Range date not before the
// modification time keeps the range. Other requests are returned as is.
func werkzeugConditional(r *http.Request, rs io.ReadSeeker, modtime time.Time) *http.Request {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return r
	}
	_, hasRange := r.Header["Range"]
	if !hasRange && r.Header.Get("If-Modified-Since") == "" &&
		r.Header.Get("If-None-Match") == "" && r.Header.Get("If-Match") == "" {
		return r
	}
	r = r.Clone(r.Context())
	h := r.Header
	for _, k := range []string{"If-None-Match", "If-Match"} {
		if v := h.Get(k); v != "" {
			h.Set(k, parseETags(v))
		}
	}
	if v := h.Get("If-Modified-Since"); v != "" {
		if t, ok := parseHTTPDate(v); ok {
			h.Set("If-Modified-Since", t.UTC().Format(http.TimeFormat))
		} else {
			h.Del("If-Modified-Since")
		}
	}
	if hasRange {
		ifRange(h, modtime)
		setRange(h, rs)
	}
	return r
}

// ifRange rewrites If-Range as Werkzeug's IfRange.from_header reads it.
func ifRange(h http.Header, modtime time.Time) {
	v := h.Get("If-Range")
	if v == "" {
		return
	}
	if t, ok := parseHTTPDate(v); ok {
		// Werkzeug: unmodified when last_modified <= date; net/http
		// wants the exact modification time.
		if !modtime.IsZero() && !modtime.Truncate(time.Second).After(t) {
			t = modtime
		}
		h.Set("If-Range", t.UTC().Format(http.TimeFormat))
		return
	}
	tag, weak := unquoteETag(v)
	if weak {
		h.Del("If-Range") // a weak etag is discarded
		return
	}
	h.Set("If-Range", `"`+tag+`"`)
}

// setRange replaces Range by the one byte range Werkzeug would serve, or
// by one net/http answers with 416 and "Content-Range: bytes */size".
func setRange(h http.Header, rs io.ReadSeeker) {
	size, err := rs.Seek(0, io.SeekEnd)
	if _, err2 := rs.Seek(0, io.SeekStart); err != nil || err2 != nil || size == 0 {
		h.Del("Range") // Werkzeug serves an empty body in full
		return
	}
	if start, end, ok := rangeForLength(h.Get("Range"), size); ok {
		h.Set("Range", "bytes="+strconv.FormatInt(start, 10)+"-"+strconv.FormatInt(end-1, 10))
		return
	}
	h.Set("Range", "bytes="+strconv.FormatInt(size, 10)+"-")
}

// rangeForLength is Werkzeug's Range.from_header followed by
// range_for_length: the [start, end) byte range of a Range header with
// exactly one satisfiable byte range.
func rangeForLength(v string, length int64) (start, end int64, ok bool) {
	units, spec, found := strings.Cut(v, "=")
	if !found || strings.ToLower(strings.TrimSpace(units)) != "bytes" || strings.Contains(spec, ",") {
		return 0, 0, false
	}
	item := strings.TrimSpace(spec)
	if strings.HasPrefix(item, "-") {
		n, ok := plainInt(item[1:])
		if !ok || item[1] == ' ' {
			return 0, 0, false
		}
		start, end = length-n, length
		if n == 0 {
			start = 0 // "-0" is the range from 0
		}
	} else {
		b, e, found := strings.Cut(item, "-")
		if !found {
			return 0, 0, false
		}
		if start, ok = plainInt(b); !ok {
			return 0, 0, false
		}
		end = length
		if e = strings.TrimSpace(e); e != "" {
			if end, ok = plainInt(e); !ok || start > end {
				return 0, 0, false
			}
			end = min(end+1, length)
		}
	}
	return start, end, 0 <= start && start < length && start < end
}

// plainInt is Werkzeug's _plain_int for non-negative values: ASCII digits
// only (no '+', '_' or other digits), surrounding spaces allowed.
func plainInt(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// unquoteETag is Werkzeug's unquote_etag: W/ marks a weak tag, and
// surrounding quotes are removed when present.
func unquoteETag(v string) (string, bool) {
	v = strings.TrimSpace(v)
	weak := strings.HasPrefix(v, "W/") || strings.HasPrefix(v, "w/")
	if weak {
		v = v[2:]
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	return v, weak
}

// httpDateLayouts are the date forms parse_date (email.utils) reads that
// net/http's ParseTime does not.
var httpDateLayouts = []string{
	"Mon 02 Jan 2006 15:04:05 GMT",
	"02 Jan 2006 15:04:05 GMT",
	"Mon, 02 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 GMT",
}

// parseHTTPDate parses a date as Werkzeug's parse_date: the three HTTP
// forms and a few other RFC 2822 ones, surrounding spaces allowed.
func parseHTTPDate(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if t, err := http.ParseTime(v); err == nil {
		return t, true
	}
	for _, layout := range httpDateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// etagRe is Werkzeug's _etag_re: one optionally weak, optionally quoted
// entity tag and its separator.
var etagRe = regexp.MustCompile(`^([Ww]/)?(?:"(.*?)"|(.*?))(?:\s*,\s*|$)`)

// parseETags reads an If-None-Match or If-Match list as Werkzeug's
// parse_etags (unquoted tags are tags too) and writes it back quoted, the
// form net/http reads; "*" stays "*".
func parseETags(v string) string {
	var out []string
	for pos := 0; pos < len(v); {
		m := etagRe.FindStringSubmatchIndex(v[pos:])
		if m == nil || m[1] == 0 {
			break
		}
		var tag string
		if m[4] >= 0 {
			tag = v[pos+m[4] : pos+m[5]]
		} else if tag = v[pos+m[6] : pos+m[7]]; tag == "*" {
			return "*"
		}
		prefix := ""
		if m[2] >= 0 {
			prefix = "W/"
		}
		out = append(out, prefix+`"`+tag+`"`)
		pos += m[1]
	}
	return strings.Join(out, ", ")
}
