package flagon

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"time"

	"github.com/flagon-go/flagon/internal/errchain"
)

// ErrUnsafePath is returned by SafeJoin for a name that could leave its
// directory.
var ErrUnsafePath = errors.New("unsafe path")

// SafeJoin joins a directory and an untrusted slash-separated name,
// Werkzeug's safe_join: the name is cleaned first ("b/../c" is "c"), then
// rejected if it is empty, absolute, leaves the directory, contains a
// backslash or a NUL byte, starts with a drive letter, hides a ".."
// segment behind percent-encoding anywhere ("a/%2e%2e/b", although it
// stays inside dir: Werkzeug joins it as a literal name), or (on Windows)
// names a device such as CON. An empty dir is ".", so the name stays relative to it.
func SafeJoin(dir, name string) (string, error) {
	clean, err := cleanName(name)
	if err != nil {
		return "", err
	}
	if dir == "" {
		return "." + string(filepath.Separator) + filepath.FromSlash(clean), nil
	}
	return filepath.Join(dir, filepath.FromSlash(clean)), nil
}

// hidesParent reports whether a segment of name is a ".." behind
// percent-encoding ("%2e%2e", ".%2E", "..%2f"), which SafeJoin refuses
// even where it stays inside the directory: Werkzeug takes it for a
// literal file name, but a server or proxy that decodes it once more
// would read a parent directory.
func hidesParent(name string) bool {
	for _, seg := range strings.Split(name, "/") {
		if !strings.Contains(seg, "%") {
			continue
		}
		decoded, err := url.PathUnescape(seg)
		if err != nil {
			continue
		}
		for _, part := range strings.FieldsFunc(decoded, func(r rune) bool { return r == '/' || r == '\\' }) {
			if part == ".." {
				return true
			}
		}
	}
	return false
}

func checkName(name string) error {
	_, err := cleanName(name)
	return err
}

// cleanName returns name cleaned as posixpath.normpath does, or
// ErrUnsafePath.
func cleanName(name string) (string, error) {
	unsafe := fmt.Errorf("%w: %q", ErrUnsafePath, name)
	if name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") {
		return "", unsafe
	}
	if hidesParent(name) {
		return "", unsafe
	}
	if decoded, err := url.PathUnescape(name); err == nil && decoded != name {
		if checkName(decoded) != nil {
			return "", unsafe
		}
	}
	if len(name) > 1 && name[1] == ':' {
		return "", unsafe
	}
	clean := path.Clean(name)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", unsafe
	}
	// On Windows IsLocal also rejects device names (CON, NUL.txt...).
	if runtime.GOOS == "windows" && !filepath.IsLocal(filepath.FromSlash(clean)) {
		return "", unsafe
	}
	return clean, nil
}

// SendFromDirectory sends the file name from dir, Flask's
// send_from_directory: an unsafe name or a missing file is a 404, and
// symbolic links cannot escape dir.
func (c *Ctx) SendFromDirectory(dir, name string) error {
	if checkName(name) != nil {
		return Abort(http.StatusNotFound)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Abort(http.StatusNotFound)
	}
	defer root.Close()
	return c.SendFS(root.FS(), path.Clean(name))
}

// SendFile sends the file at path (a trusted path: use SendFromDirectory
// for names from the request), with conditional requests and ranges.
func (c *Ctx) SendFile(filePath string) error {
	f, st, err := openSendable(filePath)
	if err != nil {
		return err
	}
	defer f.Close()
	return c.serveContent(filepath.Base(filePath), st, f)
}

// SendFS sends the file name from fsys (e.g. an embed.FS).
func (c *Ctx) SendFS(fsys fs.FS, name string) error {
	if !fs.ValidPath(name) {
		return Abort(http.StatusNotFound)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return fileError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return Abort(http.StatusNotFound)
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		return fmt.Errorf("flagon: %s from %T cannot seek", name, fsys)
	}
	if st.ModTime().IsZero() {
		c.Header().Set("ETag", c.app.contentTag(fsys, name, rs))
	}
	return c.serveContent(path.Base(name), st, rs)
}

// Attachment makes the next file response a download named name.
func (c *Ctx) Attachment(name string) *Ctx {
	c.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c
}

// serveContent writes a file with ETag, Cache-Control, conditional
// requests and ranges (http.ServeContent).
func (c *Ctx) serveContent(name string, st fs.FileInfo, rs io.ReadSeeker) error {
	h := c.Header()
	if h.Get("ETag") == "" && !st.ModTime().IsZero() {
		h.Set("ETag", fmt.Sprintf(`"%x-%x"`, st.ModTime().UnixNano(), st.Size()))
	}
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", c.cacheControl())
	}
	http.ServeContent(&c.w, c.Request, name, st.ModTime(), rs)
	return nil
}

// cacheControl follows SEND_FILE_MAX_AGE_DEFAULT ("no-cache" when unset,
// "no-cache, max-age=0" for 0, as Flask); a versioned static URL is cached
// for a year.
func (c *Ctx) cacheControl() string {
	if c.Args().Get("v") != "" && c.app.Config.BoolOr("STATIC_VERSIONED", false) {
		return "public, max-age=31536000, immutable"
	}
	age := c.app.Config.DurationOr("SEND_FILE_MAX_AGE_DEFAULT", -1)
	switch {
	case age < 0:
		return "no-cache"
	case age < time.Second:
		// Werkzeug's send_file keeps no-cache unless max_age > 0.
		return "no-cache, max-age=0"
	}
	return fmt.Sprintf("public, max-age=%d", int(age/time.Second))
}

func fileError(err error) error {
	if errchain.Is(err, fs.ErrNotExist) || errchain.Is(err, fs.ErrPermission) {
		return Abort(http.StatusNotFound)
	}
	return err
}

// contentTag is the ETag of a file without a modification time, from a
// hash of its content, computed once.
func (a *App) contentTag(fsys fs.FS, name string, rs io.ReadSeeker) string {
	key := staticKey{fsys: fsIdentity(fsys), name: name}
	if tag, ok := a.staticTags.Load(key); ok {
		return tag.(string)
	}
	h := sha256.New()
	_, _ = io.Copy(h, rs)
	_, _ = rs.Seek(0, io.SeekStart)
	tag := `"` + hex.EncodeToString(h.Sum(nil)[:12]) + `"`
	a.staticTags.Store(key, tag)
	return tag
}

// staticKey identifies a file of a file system in the tag cache.
type staticKey struct {
	fsys any
	name string
}

// fsIdentity is a comparable identity for fsys: the value itself, or the
// address behind a map- or slice-based file system (fstest.MapFS).
func fsIdentity(fsys fs.FS) any {
	v := reflect.ValueOf(fsys)
	if v.Type().Comparable() {
		return fsys
	}
	return v.Pointer()
}

// openSendable opens the file at filePath for sending: a missing or
// unreadable file is the error fileError makes of it, and a directory is a
// 404.
func openSendable(filePath string) (*os.File, fs.FileInfo, error) {
	f, err := os.Open(filePath)
	if err != nil {
		return nil, nil, fileError(err)
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		return nil, nil, Abort(http.StatusNotFound)
	}
	return f, st, nil
}
