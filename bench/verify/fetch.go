package verify

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"time"
)

// contentTypes are the accepted Content-Type values per kind of body.
var contentTypes = map[string]*regexp.Regexp{
	"json":      regexp.MustCompile(`^application/json(; ?charset=(UTF|utf)-8)?$`),
	"html":      regexp.MustCompile(`^text/html; ?charset=(UTF|utf)-8$`),
	"plaintext": regexp.MustCompile(`^text/plain(; ?charset=(UTF|utf)-8)?$`),
}

// A response is what a GET returned.
type response struct {
	header http.Header
	body   []byte
}

// get fetches url; a transport error or a status other than 200 is a
// Fail and returns nil.
func (c *Checker) get(ctx context.Context, ps *problems, url string) *response {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		ps.fail("bad request: %v", err)
		return nil
	}
	resp, err := c.client().Do(req)
	if err != nil {
		ps.fail("no response: %v", err)
		return nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		ps.fail("reading body: %v", err)
		return nil
	}
	if resp.StatusCode != http.StatusOK {
		ps.fail("status %d, want 200", resp.StatusCode)
		return nil
	}
	h := resp.Header.Clone()
	if resp.ContentLength >= 0 && h.Get("Content-Length") == "" {
		h.Set("Content-Length", "present") // the client consumed it
	}
	if len(resp.TransferEncoding) > 0 {
		h.Set("Transfer-Encoding", resp.TransferEncoding[0])
	}
	return &response{h, body}
}

// checkHeaders applies the header rules for a body of the given kind.
func checkHeaders(ps *problems, h http.Header, kind string) {
	for _, name := range []string{"Server", "Date", "Content-Type"} {
		if h.Get(name) == "" {
			ps.fail("required response header missing: %s", name)
		}
	}
	if h.Get("Content-Length") == "" && h.Get("Transfer-Encoding") == "" {
		ps.fail(`required response size header missing: want "Content-Length" or "Transfer-Encoding"`)
	}
	if d := h.Get("Date"); d != "" {
		if _, err := time.Parse(http.TimeFormat, d); err != nil {
			ps.warn("invalid Date header %q, want the form %q", d, http.TimeFormat)
		}
	}
	if ct := h.Get("Content-Type"); ct != "" && !contentTypes[kind].MatchString(ct) {
		ps.fail("invalid Content-Type header %q, want %s", ct, contentTypes[kind])
	}
}
