package flagon

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"os"
	"strings"

	"github.com/flagon-go/flagon/internal/errchain"
)

// FileStorage is an uploaded file, Werkzeug's FileStorage. Small files are
// kept in memory, larger ones spooled to a temporary file that is removed
// when the request ends.
type FileStorage struct {
	// Filename is the client's file name. Never use it as a path as is:
	// see SafeJoin.
	Filename string
	// ContentType is the part's declared content type.
	ContentType string
	// Header is the part's MIME header.
	Header textproto.MIMEHeader
	// Size is the file's size in bytes.
	Size int64
	data []byte
	path string
}

// Open opens the file's content for reading.
func (f *FileStorage) Open() (io.ReadCloser, error) {
	if f.path != "" {
		return os.Open(f.path)
	}
	return io.NopCloser(bytes.NewReader(f.data)), nil
}

// Save writes the file's content to dst.
func (f *FileStorage) Save(dst string) error {
	src, err := f.Open()
	if err != nil {
		return err
	}
	defer src.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, src); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// fileMemoryLimit is the size above which an upload is spooled to disk
// (Werkzeug's 500 kB).
const fileMemoryLimit = 500 * 1024

// parseMultipart reads a multipart body part by part (mpDecoder),
// enforcing MAX_FORM_PARTS and MAX_FORM_MEMORY_SIZE (the total of the
// non-file fields) with 413, as Werkzeug does.
func (c *Ctx) parseMultipart(boundary string) error {
	if boundary == "" {
		return Abort(http.StatusBadRequest, "The multipart body has no boundary: the Content-Type has no boundary parameter.")
	}
	r, err := c.bodyReader()
	if err != nil {
		return err
	}
	d := newMPDecoder(r, boundary)
	if err := d.skipPreamble(); err != nil {
		return multipartError(err)
	}
	maxParts := c.MaxFormParts()
	limit := c.MaxFormMemorySize()
	var used int64
	for parts := int64(1); !d.done; parts++ {
		h, err := d.readHeaders()
		if err != nil {
			return multipartError(err)
		}
		if maxParts > 0 && parts > maxParts {
			return Abort(http.StatusRequestEntityTooLarge,
				fmt.Sprintf("The form has more than MAX_FORM_PARTS (%d) parts.", maxParts))
		}
		if err := c.readPart(d, h, limit, &used); err != nil {
			return err
		}
	}
	return nil
}

// readPart reads one part's content into the form or the files; used
// counts the bytes of the fields read so far against limit, the
// MAX_FORM_MEMORY_SIZE (0: none).
func (c *Ctx) readPart(d *mpDecoder, h textproto.MIMEHeader, limit int64, used *int64) error {
	cd := h.Get("Content-Disposition")
	if cd == "" {
		return Abort(http.StatusBadRequest, "The multipart body is malformed: a part has no Content-Disposition header.")
	}
	_, params := parseOptionsHeader(cd)
	name := params["name"]
	if filename, ok := params["filename"]; ok {
		sp := &spooler{c: c, fs: &FileStorage{Filename: uploadFilename(filename),
			Header: h, ContentType: h.Get("Content-Type")}}
		err := d.readData(sp.write)
		if cerr := sp.close(); err == nil {
			err = cerr
		}
		if err != nil {
			return multipartError(err)
		}
		c.input.files[name] = append(c.input.files[name], sp.fs)
		return nil
	}
	var b []byte
	err := d.readData(func(p []byte) error {
		*used += int64(len(p))
		if limit > 0 && *used > limit {
			return Abort(http.StatusRequestEntityTooLarge,
				fmt.Sprintf("The form fields are larger than MAX_FORM_MEMORY_SIZE (%d bytes).", limit))
		}
		b = append(b, p...)
		return nil
	})
	if err != nil {
		return multipartError(err)
	}
	c.input.form[name] = append(c.input.form[name], decodeCharset(b, partCharset(h)))
	return nil
}

// partCharset is the charset a field's Content-Type declares when it is
// one Werkzeug accepts (ASCII, UTF-8, ISO-8859-1), else UTF-8, as
// MultiPartParser.get_part_charset.
func partCharset(h textproto.MIMEHeader) string {
	_, params := parseOptionsHeader(h.Get("Content-Type"))
	if cs := strings.ToLower(params["charset"]); isSafeCharset(cs) {
		return cs
	}
	return "utf-8"
}

// uploadFilename is the client's file name reduced to its last path
// element, "/" or "\\" separated (old browsers sent `C:\dir\x.doc`),
// with invalid UTF-8 replaced. A file input left empty (filename="")
// stays "", as in Werkzeug, so Flask's `if file.filename == ""` check
// ports as is.
func uploadFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return replaceInvalidUTF8(name)
}

// spooler collects a file part's content in memory, then in a
// temporary file once it passes fileMemoryLimit.
type spooler struct {
	c    *Ctx
	fs   *FileStorage
	file *os.File
}

func (s *spooler) write(p []byte) error {
	s.fs.Size += int64(len(p))
	if s.file == nil && s.fs.Size <= fileMemoryLimit {
		s.fs.data = append(s.fs.data, p...)
		return nil
	}
	if s.file == nil {
		tmp, err := os.CreateTemp("", "flagon-upload-*")
		if err != nil {
			return err
		}
		s.c.input.tempFiles = append(s.c.input.tempFiles, tmp.Name())
		s.file, s.fs.path = tmp, tmp.Name()
		if _, err := tmp.Write(s.fs.data); err != nil {
			return err
		}
		s.fs.data = nil
	}
	_, err := s.file.Write(p)
	return err
}

func (s *spooler) close() error {
	if s.file == nil {
		return nil
	}
	return s.file.Close()
}

func multipartError(err error) error {
	if he := bodyError(err); HTTPStatus(he) == http.StatusRequestEntityTooLarge {
		return he
	}
	var he *HTTPError
	if errchain.AsTarget(err, &he) {
		return he
	}
	return NewHTTPError(http.StatusBadRequest, err, "The multipart body is malformed: "+err.Error())
}

// cleanupInput removes the request's temporary upload files.
func (c *Ctx) cleanupInput() {
	for _, p := range c.input.tempFiles {
		_ = os.Remove(p)
	}
}
