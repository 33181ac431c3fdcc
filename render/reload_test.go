package render

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tempTemplates writes files into a new directory and returns it.
func tempTemplates(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		writeFile(t, dir, name, src)
	}
	return dir
}

var fileClock = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// writeFile replaces the file atomically (as editors do) with a
// modification time later than any before.
func writeFile(t *testing.T, dir, name, src string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := path + ".tmp~"
	if err := os.WriteFile(tmp, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fileClock = fileClock.Add(time.Second)
	if err := os.Chtimes(tmp, fileClock, fileClock); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// try renders name, returning the output or the error text.
func try(s *Set, name string) string {
	var sb strings.Builder
	if err := s.Render(&sb, name, "v", nil); err != nil {
		return "error: " + err.Error()
	}
	return sb.String()
}

func TestAutoReload(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, dir string)
		page   string
		want   string
	}{
		{"page changed", func(t *testing.T, dir string) {
			writeFile(t, dir, "page.html", `{{ extends "base.html" }}{{define "c"}}new {{.}}{{end}}`)
		},
			"page.html", "<b>new v</b>"},
		{"base changed", func(t *testing.T, dir string) { writeFile(t, dir, "base.html", `<i>{{block "c" .}}{{end}}</i>`) },
			"page.html", "<i>old v</i>"},
		{"parse error", func(t *testing.T, dir string) {
			writeFile(t, dir, "page.html", "{{ extends \"base.html\" }}\n{{define \"c\"}}{{ if }}{{end}}")
		},
			"page.html", "error: templates/page.html:2: missing value for if"},
		{"error in base", func(t *testing.T, dir string) { writeFile(t, dir, "base.html", "\n\n{{ nope }}") },
			"page.html", `error: templates/base.html:3: function "nope" not defined`},
		{"new template", func(t *testing.T, dir string) { writeFile(t, dir, "fresh.html", "fresh {{.}}") },
			"fresh.html", "fresh v"},
		{"deleted template", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "page.html")) },
			"page.html", `error: template "page.html" not found (searched: templates)`},
		{"deleted base", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "base.html")) },
			"page.html", `error: templates/page.html:1: template "base.html" not found (searched: templates)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tempTemplates(t, map[string]string{
				"base.html": `<b>{{block "c" .}}{{end}}</b>`,
				"page.html": `{{ extends "base.html" }}{{define "c"}}old {{.}}{{end}}`,
			})
			s, err := New(Options{Roots: []Root{{Name: "templates", FS: os.DirFS(dir)}}, AutoReload: true})
			if err != nil {
				t.Fatal(err)
			}
			s.every = 0
			if got := try(s, "page.html"); got != "<b>old v</b>" {
				t.Fatalf("before: %q", got)
			}
			tt.change(t, dir)
			if got := try(s, tt.page); got != tt.want {
				t.Errorf("after: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAutoReloadRecovers(t *testing.T) {
	dir := tempTemplates(t, map[string]string{"page.html": `{{template "part.html" .}}`})
	s, err := New(Options{Roots: []Root{DirRoot(dir)}, AutoReload: true})
	if err == nil {
		t.Fatal("New: no error for a missing include")
	}
	s.every = 0
	steps := []struct {
		name, file, src, want string
	}{
		{"include created", "part.html", "part {{.}}", "part v"},
		{"include broken", "part.html", "\n{{ if }}", "error: " + dir + "/part.html:2: missing value for if"},
		{"include fixed", "part.html", "fixed {{.}}", "fixed v"},
	}
	for _, st := range steps {
		writeFile(t, dir, st.file, st.src)
		if got := try(s, "page.html"); got != st.want {
			t.Fatalf("%s: got %q, want %q", st.name, got, st.want)
		}
	}
}

func TestReloadPolicy(t *testing.T) {
	tests := []struct {
		name       string
		autoReload bool
		every      time.Duration
		want       string
	}{
		{"auto reload off", false, 0, "one"},
		{"checked within the interval", true, time.Hour, "one"},
		{"interval passed", true, 0, "two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tempTemplates(t, map[string]string{"a.html": "one"})
			s, err := New(Options{Roots: []Root{DirRoot(dir)}, AutoReload: tt.autoReload})
			if err != nil {
				t.Fatal(err)
			}
			s.every = tt.every
			try(s, "a.html")
			writeFile(t, dir, "a.html", "two")
			if got := try(s, "a.html"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if err := s.Reload(); err != nil {
				t.Fatal(err)
			}
			if got := try(s, "a.html"); got != "two" {
				t.Errorf("after Reload: got %q, want two", got)
			}
		})
	}
}

func TestDefaultIntervalThrottles(t *testing.T) {
	dir := tempTemplates(t, map[string]string{"a.html": "one"})
	s, err := New(Options{Roots: []Root{DirRoot(dir)}, AutoReload: true})
	if err != nil {
		t.Fatal(err)
	}
	try(s, "a.html")
	writeFile(t, dir, "a.html", "two")
	deadline := time.Now().Add(5 * time.Second)
	for try(s, "a.html") != "two" {
		if time.Now().After(deadline) {
			t.Fatal("change not seen within 5s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestMissingRootIsEmpty(t *testing.T) {
	s, err := New(Options{Roots: []Root{DirRoot(filepath.Join(t.TempDir(), "none"))}})
	if err != nil {
		t.Fatal(err)
	}
	var nf *NotFoundError
	if err := s.Render(&strings.Builder{}, "a.html", nil, nil); !errors.As(err, &nf) {
		t.Errorf("err = %v, want *NotFoundError", err)
	}
}

func TestAutoReloadConcurrent(t *testing.T) {
	dir := tempTemplates(t, map[string]string{
		"base.html": `<b>{{block "c" .}}{{end}}</b>`,
		"page.html": `{{ extends "base.html" }}{{define "c"}}v0{{end}}`,
	})
	s, err := New(Options{Roots: []Root{DirRoot(dir)}, AutoReload: true})
	if err != nil {
		t.Fatal(err)
	}
	s.every = 0
	done := make(chan struct{})
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for {
				select {
				case <-done:
					errs <- ""
					return
				default:
				}
				if got := try(s, "page.html"); !strings.HasPrefix(got, "<b>v") {
					errs <- got
					return
				}
			}
		}()
	}
	for i := 1; i <= 20; i++ {
		writeFile(t, dir, "page.html", `{{ extends "base.html" }}{{define "c"}}v`+strings.Repeat("x", i)+`{{end}}`)
		time.Sleep(time.Millisecond)
	}
	close(done)
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Errorf("render during reload: %q", e)
		}
	}
	if got, want := try(s, "page.html"), "<b>v"+strings.Repeat("x", 20)+"</b>"; got != want {
		t.Errorf("final render %q, want %q", got, want)
	}
}

func TestRenderStringAutoReload(t *testing.T) {
	dir := tempTemplates(t, map[string]string{"base.html": `<b>{{block "c" .}}{{end}}</b>`})
	s, err := New(Options{Roots: []Root{{Name: "templates", FS: os.DirFS(dir)}}, AutoReload: true})
	if err != nil {
		t.Fatal(err)
	}
	s.every = 0
	const src = `{{ extends "base.html" }}{{define "c"}}{{.}}{{end}}`
	steps := []struct{ name, base, want string }{
		{"first", "", "<b>v</b>"},
		{"base changed", `<i>{{block "c" .}}{{end}}</i>`, "<i>v</i>"},
		{"base broken", "\n{{ if }}", "error: templates/base.html:2: missing value for if"},
		{"base fixed", `<u>{{block "c" .}}{{end}}</u>`, "<u>v</u>"},
	}
	for _, st := range steps {
		if st.base != "" {
			writeFile(t, dir, "base.html", st.base)
		}
		got, err := s.RenderString(src, "v", nil)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != st.want {
			t.Fatalf("%s: got %q, want %q", st.name, got, st.want)
		}
	}
}
