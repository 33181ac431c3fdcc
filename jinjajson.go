package flagon

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"github.com/flagon-go/flagon/jinja"
)

// jinjaDumps is the serialisation of |tojson in Jinja templates, Flask's
// app.json.dumps (the "json.dumps_function" policy Flask sets): with the
// default StdJSON provider the layout is Python's json.dumps with
// sort_keys (Flask's DefaultJSONProvider), ASCII escapes unless UTF8 is
// set, dates as HTTP dates (Flask's default hook), and other Go values
// (structs) encoded by the provider and laid out the same way. Another
// provider's Marshal output is used as it is.
func (a *App) jinjaDumps(v any, indent int) (string, error) {
	var std StdJSON
	switch p := a.JSON.(type) {
	case StdJSON:
		std = p
	case *StdJSON:
		if p != nil {
			std = *p
		}
	case nil:
	default:
		return providerDumps(p, v, indent)
	}
	return jinja.Dumps(v, jinja.DumpsOptions{Indent: indent, UTF8: std.UTF8, Default: func(v any) (any, error) {
		return flaskJSONDefault(std, v)
	}})
}

// flaskJSONDefault is Flask's DefaultJSONProvider.default for Go values:
// a time.Time is an HTTP date (http_date), anything else is encoded by
// the provider and decoded as template values.
func flaskJSONDefault(p StdJSON, v any) (any, error) {
	switch t := v.(type) {
	case time.Time:
		return t.UTC().Format(http.TimeFormat), nil
	case *time.Time:
		return t.UTC().Format(http.TimeFormat), nil
	}
	raw, err := p.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jinja.DecodeJSON(raw)
}

// providerDumps encodes v with a custom JSONProvider, indented when the
// template asks for it.
func providerDumps(p JSONProvider, v any, indent int) (string, error) {
	raw, err := p.Marshal(v)
	if err != nil || indent <= 0 {
		return string(raw), err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", string(bytes.Repeat([]byte(" "), indent))); err != nil {
		return "", err
	}
	return buf.String(), nil
}
