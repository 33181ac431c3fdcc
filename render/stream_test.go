package render

import (
	"strings"
	"testing"
)

// flushRecorder records writes and flushes, like an http.ResponseWriter.
type flushRecorder struct {
	strings.Builder
	flushes int
}

func (f *flushRecorder) Flush() { f.flushes++ }

func TestStream(t *testing.T) {
	s := newSet(t, map[string]string{
		"base.html": `<ul>{{block "c" .}}{{end}}</ul>`,
		"list.html": `{{ extends "base.html" }}{{define "c"}}{{range .}}<li>{{.}}</li>{{end}}{{end}}`,
		"bad.html":  `start {{index . 99}}`,
	}, Options{})
	many := make([]string, 2000)
	for i := range many {
		many[i] = "item"
	}
	tests := []struct {
		name, page  string
		data        []string
		wantOut     string
		wantFlushes int
		wantErr     bool
	}{
		{"small page, one flush", "list.html", []string{"<a>"}, "<ul><li>&lt;a&gt;</li></ul>", 1, false},
		{"large page, several flushes", "list.html", many, "<ul>" + strings.Repeat("<li>item</li>", 2000) + "</ul>", 7, false},
		{"error keeps partial output", "bad.html", nil, "start ", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w flushRecorder
			err := s.Stream(&w, tt.page, tt.data, nil)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if w.String() != tt.wantOut {
				t.Errorf("output %d bytes %.60q..., want %d bytes", w.Len(), w.String(), len(tt.wantOut))
			}
			if w.flushes != tt.wantFlushes {
				t.Errorf("flushes = %d, want %d", w.flushes, tt.wantFlushes)
			}
		})
	}
}

func TestStreamNotFound(t *testing.T) {
	s := newSet(t, map[string]string{}, Options{})
	if err := s.Stream(&strings.Builder{}, "x.html", nil, nil); err == nil {
		t.Error("Stream of a missing template: no error")
	}
}
