package flagon

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"strings"
)

// registerStatic adds the static route for fsys at urlPath.
func (a *App) registerStatic(fsys fs.FS, urlPath, endpoint, site string) {
	if fsys == nil {
		return
	}
	serve := func(c *Ctx) error {
		return c.SendFS(fsys, c.Param("filename"))
	}
	rule := joinRule(urlPath, "<path:filename>")
	opts := routeOptions{endpoint: endpoint}
	if endpoint == "static" {
		opts.host = a.staticHost()
	}
	a.addRule(routeRecord{rule: rule, handler: serve, site: site, opts: opts}, nil)
	a.staticFS.Store(endpoint, fsys)
}

// addStaticVersion adds "v=<content hash>" to static URLs when
// STATIC_VERSIONED is on, so browsers can cache them for a year.
func (a *App) addStaticVersion(endpoint string, values map[string]any, query url.Values) {
	if endpoint != "static" && !strings.HasSuffix(endpoint, ".static") {
		return
	}
	if !a.Config.BoolOr("STATIC_VERSIONED", false) {
		return
	}
	fsysAny, ok := a.staticFS.Load(endpoint)
	if !ok {
		return
	}
	name := fmt.Sprint(values["filename"])
	if v := a.fileVersion(fsysAny.(fs.FS), name); v != "" {
		query.Set("v", v)
	}
}

// fileVersion is a short content hash of a static file, cached.
func (a *App) fileVersion(fsys fs.FS, name string) string {
	key := staticKey{fsys: fsIdentity(fsys), name: "v:" + name}
	if v, ok := a.staticTags.Load(key); ok {
		return v.(string)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	v := hex.EncodeToString(h.Sum(nil)[:4])
	a.staticTags.Store(key, v)
	return v
}
