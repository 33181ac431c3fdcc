package flagon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"strings"
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

// parseMultipart reads a multipart body part by part, enforcing
// MAX_FORM_PARTS and MAX_FORM_MEMORY_SIZE (the total of the non-file
// fields) with 413, as Werkzeug does.
func (c *Ctx) parseMultipart(boundary string) error {
	if boundary == "" {
		return Abort(http.StatusBadRequest, "The multipart body has no boundary.")
	}
	r, err := c.bodyReader()
	if err != nil {
		return err
	}
	mr := multipart.NewReader(r, boundary)
	maxParts := c.app.Config.IntOr("MAX_FORM_PARTS", 0)
	maxMemory := c.app.Config.Int64Or("MAX_FORM_MEMORY_SIZE", 0)
	var parts int
	var memory int64
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return multipartError(err)
		}
		parts++
		if maxParts > 0 && parts > maxParts {
			return Abort(http.StatusRequestEntityTooLarge,
				fmt.Sprintf("The form has more than MAX_FORM_PARTS (%d) parts.", maxParts))
		}
		if err := c.readPart(part, maxMemory, &memory); err != nil {
			return err
		}
	}
}

func (c *Ctx) readPart(part *multipart.Part, maxMemory int64, memory *int64) error {
	defer part.Close()
	name := replaceInvalidUTF8(part.FormName())
	if isFilePart(part) {
		fs, err := c.spool(part)
		if err != nil {
			return err
		}
		c.input.files[name] = append(c.input.files[name], fs)
		return nil
	}
	var src io.Reader = part
	if maxMemory > 0 {
		src = io.LimitReader(part, maxMemory-*memory+1)
	}
	b, err := io.ReadAll(src)
	if err != nil {
		return multipartError(err)
	}
	*memory += int64(len(b))
	if maxMemory > 0 && *memory > maxMemory {
		return Abort(http.StatusRequestEntityTooLarge,
			fmt.Sprintf("The form fields are larger than MAX_FORM_MEMORY_SIZE (%d bytes).", maxMemory))
	}
	c.input.form[name] = append(c.input.form[name], replaceInvalidUTF8(string(b)))
	return nil
}

// isFilePart reports whether the part's Content-Disposition has a
// filename parameter, even an empty one: as Werkzeug, a file input left
// empty (filename="") is a file with an empty Filename, not a form field,
// so Flask's `if file.filename == ""` check ports as is.
func isFilePart(part *multipart.Part) bool {
	if part.FileName() != "" {
		return true
	}
	cd := part.Header.Get("Content-Disposition")
	if !strings.Contains(cd, "filename") {
		return false // a plain form field: skip parsing the header again
	}
	_, params, err := mime.ParseMediaType(cd)
	if err != nil {
		return false
	}
	_, ok := params["filename"]
	return ok
}

// spool reads a file part into memory, or into a temporary file once it
// passes fileMemoryLimit.
func (c *Ctx) spool(part *multipart.Part) (*FileStorage, error) {
	fs := &FileStorage{Filename: part.FileName(), Header: part.Header,
		ContentType: part.Header.Get("Content-Type")}
	head, err := io.ReadAll(io.LimitReader(part, fileMemoryLimit+1))
	if err != nil {
		return nil, multipartError(err)
	}
	if len(head) <= fileMemoryLimit {
		fs.data, fs.Size = head, int64(len(head))
		return fs, nil
	}
	tmp, err := os.CreateTemp("", "flagon-upload-*")
	if err != nil {
		return nil, err
	}
	c.input.tempFiles = append(c.input.tempFiles, tmp.Name())
	fs.path = tmp.Name()
	n, err := io.Copy(tmp, io.MultiReader(bytes.NewReader(head), part))
	fs.Size = n
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, multipartError(err)
	}
	return fs, nil
}

func multipartError(err error) error {
	if he := bodyError(err); HTTPStatus(he) == http.StatusRequestEntityTooLarge {
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
