package flagon

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// SendFileOptions are the arguments of Werkzeug's send_file for
// SendFileWith and SendReader.
type SendFileOptions struct {
	// Mimetype is the Content-Type; by default it is guessed from
	// DownloadName (or the file's name).
	Mimetype string
	// AsAttachment sends "Content-Disposition: attachment" (a download)
	// instead of "inline".
	AsAttachment bool
	// DownloadName is the file name the client sees; by default the
	// file's name. Non-ASCII names are sent as Werkzeug sends them: an
	// ASCII filename and a UTF-8 filename*.
	DownloadName string
	// ETag is the entity tag; by default one is derived from the
	// modification time and size. NoETag sends none (etag=False).
	ETag   string
	NoETag bool
	// LastModified replaces the file's modification time.
	LastModified time.Time
	// MaxAge sets Cache-Control's max-age (public when positive); nil
	// uses App.SendFileMaxAge or SEND_FILE_MAX_AGE_DEFAULT.
	MaxAge *time.Duration
	// NoConditional answers every request in full, without 304s or
	// ranges (conditional=False).
	NoConditional bool
}

// SendFileWith sends the file at filePath (a trusted path) with options,
// Flask's send_file(path, ...).
func (c *Ctx) SendFileWith(filePath string, o SendFileOptions) error {
	f, st, err := openSendable(filePath)
	if err != nil {
		return err
	}
	defer f.Close()
	if o.DownloadName == "" {
		o.DownloadName = filepath.Base(filePath)
	}
	if o.LastModified.IsZero() {
		o.LastModified = st.ModTime()
	}
	if o.ETag == "" && !o.NoETag {
		o.ETag = fmt.Sprintf(`"%d-%d"`, st.ModTime().Unix(), st.Size())
	}
	return c.sendWith(f, o)
}

// ErrSendFileName is returned by SendReader when neither Mimetype nor
// DownloadName says what is sent, or AsAttachment lacks DownloadName.
var ErrSendFileName = errors.New("flagon: SendReader needs a DownloadName (or a Mimetype, when not an attachment)")

// SendReader sends the content of r, Flask's send_file(io.BytesIO(...)).
// As in Werkzeug it needs DownloadName or Mimetype to know the type, and
// DownloadName for an attachment; no ETag is sent unless given.
func (c *Ctx) SendReader(r io.ReadSeeker, o SendFileOptions) error {
	if o.DownloadName == "" && (o.Mimetype == "" || o.AsAttachment) {
		return ErrSendFileName
	}
	return c.sendWith(r, o)
}

// sendWith writes the headers of o and serves rs.
func (c *Ctx) sendWith(rs io.ReadSeeker, o SendFileOptions) error {
	h := c.Header()
	ctype := o.Mimetype
	if ctype == "" {
		ctype = mime.TypeByExtension(filepath.Ext(o.DownloadName))
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	if o.DownloadName != "" {
		kind := "inline"
		if o.AsAttachment {
			kind = "attachment"
		}
		h.Set("Content-Disposition", contentDisposition(kind, o.DownloadName))
	}
	if o.ETag != "" && !o.NoETag {
		h.Set("ETag", quoteETag(o.ETag))
	}
	h.Set("Cache-Control", c.sendCacheControl(o))
	if o.MaxAge != nil && *o.MaxAge > 0 {
		h.Set("Expires", time.Now().Add(*o.MaxAge).UTC().Format(http.TimeFormat))
	}
	if o.NoConditional {
		if !o.LastModified.IsZero() {
			h.Set("Last-Modified", o.LastModified.UTC().Format(http.TimeFormat))
		}
		c.w.WriteHeader(c.StatusCode())
		_, err := io.Copy(&c.w, rs)
		return err
	}
	r := werkzeugConditional(c.Request, rs, o.LastModified)
	http.ServeContent(&c.w, r, o.DownloadName, o.LastModified, rs)
	return nil
}

// sendCacheControl is Werkzeug's send_file Cache-Control: no-cache unless
// a positive max age makes it public.
func (c *Ctx) sendCacheControl(o SendFileOptions) string {
	if o.MaxAge == nil {
		if f := c.app.SendFileMaxAge; f != nil {
			if age, ok := f(o.DownloadName); ok {
				o.MaxAge = &age
			}
		} else {
			return c.cacheControl()
		}
	}
	switch {
	case o.MaxAge == nil:
		return "no-cache"
	case *o.MaxAge < time.Second:
		return "no-cache, max-age=0"
	}
	return fmt.Sprintf("public, max-age=%d", int(*o.MaxAge/time.Second))
}

// quoteETag quotes a bare tag ("unique" becomes `"unique"`).
func quoteETag(tag string) string {
	if strings.HasPrefix(tag, `"`) || strings.HasPrefix(tag, `W/"`) {
		return tag
	}
	return `"` + tag + `"`
}

// contentDisposition renders the header as Werkzeug does: a plain
// filename for ASCII names, else an NFKD-folded ASCII filename and an
// RFC 5987 filename*.
func contentDisposition(kind, name string) string {
	if isASCII(name) {
		return kind + "; filename=" + quoteHeaderValue(name)
	}
	var ascii strings.Builder
	for _, r := range norm.NFKD.String(name) {
		if r < 0x80 {
			ascii.WriteRune(r)
		}
	}
	return kind + "; filename=" + quoteHeaderValue(ascii.String()) +
		"; filename*=UTF-8''" + escapeIRI(name, "!#$&+^`|")
}

// quoteHeaderValue quotes v unless it is an HTTP token, as Werkzeug's
// quote_header_value.
func quoteHeaderValue(v string) string {
	if v != "" && strings.Trim(v, "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~") == "" {
		return v
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
