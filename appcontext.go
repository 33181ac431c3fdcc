package flagon

import (
	"bytes"
	"net/http"
)

// RenderTemplate renders the template name with data outside a request,
// Flask's render_template in an app context: for e-mails, CLI commands and
// background jobs. Request-bound template functions see a GET request for
// "/" on SERVER_NAME (or localhost): url_for gives external URLs when
// SERVER_NAME is set, as Flask's in an app context (relative ones
// otherwise), and session and flashed messages are empty.
func (a *App) RenderTemplate(name string, data any) (string, error) {
	c := a.appContext()
	var buf bytes.Buffer
	if err := c.renderTo(&buf, name, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// RenderTemplateString renders a template source outside a request, as
// RenderTemplate does, Flask's render_template_string in an app context.
func (a *App) RenderTemplateString(src string, data any) (string, error) {
	return a.appContext().RenderString(src, data)
}

// appContext returns a Ctx for work outside a request.
func (a *App) appContext() *Ctx {
	a.Freeze()
	host := a.Config.StringOr("SERVER_NAME", "")
	if host == "" {
		host = "localhost"
	}
	scheme := a.Config.StringOr("PREFERRED_URL_SCHEME", "http")
	req, err := http.NewRequest(http.MethodGet, scheme+"://"+host+"/", http.NoBody)
	if err != nil {
		req, _ = http.NewRequest(http.MethodGet, "http://localhost/", http.NoBody)
	}
	c := newCtx(a)
	c.reset(nopResponseWriter{}, req)
	c.appOnly = true
	return c
}

// nopResponseWriter is the writer of an app context: nothing is sent.
type nopResponseWriter struct{}

func (nopResponseWriter) Header() http.Header         { return http.Header{} }
func (nopResponseWriter) Write(p []byte) (int, error) { return len(p), nil }
func (nopResponseWriter) WriteHeader(int)             {}
