package jinja

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzTemplate parses and renders arbitrary template source: it must
// never panic, and every failure must be an *Error. The seeds are the
// conformance corpus.
func FuzzTemplate(f *testing.F) {
	for _, name := range corpusCases(f) {
		src, err := os.ReadFile(filepath.Join(corpusDir, "templates", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	raw, err := os.ReadFile(filepath.Join(corpusDir, "data.json"))
	if err != nil {
		f.Fatal(err)
	}
	loader := os.DirFS(filepath.Join(corpusDir, "templates"))
	f.Fuzz(func(t *testing.T, src string) {
		data, err := DecodeJSON(raw)
		if err != nil {
			t.Fatal(err)
		}
		env := &Environment{Loader: loader, MaxLoopIterations: 10000}
		tmpl, err := env.FromString(src)
		if err == nil {
			_, err = tmpl.Render(data)
		}
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error is %T, not *Error: %v", err, err)
		}
	})
}
