package flagontest

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
)

// request is a request being built from options.
type request struct {
	method string
	path   string
	header http.Header
	query  url.Values
	body   []byte
	follow bool
	// scriptRoot is the prefix the request goes under (Client.ScriptRoot;
	// cleared for a redirect out of it).
	scriptRoot string
	// json is the JSON option's value, encoded when the request is sent
	// with the app's JSON provider; hasJSON says it is set.
	json    any
	hasJSON bool
	// remoteAddr is the RemoteAddr option.
	remoteAddr string
	// scheme and subdomain are the URLScheme and Subdomain options.
	scheme, subdomain string
}

// Option sets part of a request: its body, headers or query.
type Option func(*request) error

// Form sends values as an application/x-www-form-urlencoded body.
func Form(values url.Values) Option {
	return func(r *request) error {
		r.header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.body, r.hasJSON = []byte(values.Encode()), false
		return nil
	}
}

// JSON sends v encoded as an application/json body, with the app's
// JSON provider (App.JSON, Flask's app.json.dumps) when the handler is a
// *flagon.App, encoding/json otherwise.
func JSON(v any) Option {
	return func(r *request) error {
		r.header.Set("Content-Type", "application/json")
		r.json, r.hasJSON = v, true
		return nil
	}
}

// Raw sends body with the given content type as is (e.g. malformed JSON).
func Raw(contentType string, body []byte) Option {
	return func(r *request) error {
		if contentType != "" {
			r.header.Set("Content-Type", contentType)
		}
		r.body, r.hasJSON = body, false
		return nil
	}
}

// File is one file of a multipart upload.
type File struct {
	// Field is the form field name.
	Field string
	// Name is the file name sent.
	Name string
	// Content is the file's content.
	Content []byte
}

// Files sends a multipart/form-data body with fields and files.
func Files(fields url.Values, files ...File) Option {
	return func(r *request) error {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for k, vs := range fields {
			for _, v := range vs {
				if err := mw.WriteField(k, v); err != nil {
					return err
				}
			}
		}
		for _, f := range files {
			w, err := mw.CreateFormFile(f.Field, f.Name)
			if err != nil {
				return err
			}
			if _, err := w.Write(f.Content); err != nil {
				return err
			}
		}
		if err := mw.Close(); err != nil {
			return err
		}
		r.header.Set("Content-Type", mw.FormDataContentType())
		r.body, r.hasJSON = buf.Bytes(), false
		return nil
	}
}

// Header sets a request header.
func Header(key, value string) Option {
	return func(r *request) error {
		r.header.Set(key, value)
		return nil
	}
}

// Query adds query-string values.
func Query(values url.Values) Option {
	return func(r *request) error {
		if r.query == nil {
			r.query = url.Values{}
		}
		for k, vs := range values {
			r.query[k] = append(r.query[k], vs...)
		}
		return nil
	}
}

// FollowRedirects makes this request follow redirects.
func FollowRedirects() Option {
	return func(r *request) error {
		r.follow = true
		return nil
	}
}

// URLScheme sends the request with scheme ("https") instead of BaseURL's,
// Flask's client.get(url_scheme=...). A path that is a full URL keeps its
// own scheme.
func URLScheme(scheme string) Option {
	return func(r *request) error {
		r.scheme = scheme
		return nil
	}
}

// Subdomain sends the request to subdomain of BaseURL's host
// (subdomain.example.com), Flask's client.get(subdomain=...). A path that
// is a full URL keeps its own host.
func Subdomain(subdomain string) Option {
	return func(r *request) error {
		r.subdomain = subdomain
		return nil
	}
}

// RemoteAddr sends this request from addr ("10.0.0.1:5000"), over the
// client's RemoteAddr, as Werkzeug's environ_overrides={"REMOTE_ADDR": ...}.
// A redirect followed keeps it.
func RemoteAddr(addr string) Option {
	return func(r *request) error {
		r.remoteAddr = addr
		return nil
	}
}
