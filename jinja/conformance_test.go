package jinja

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const corpusDir = "testdata/conformance"

// knownFailures reads the reviewed list of corpus cases that do not yet
// render like Jinja2 3.1 (one name per line, # comments).
func knownFailures(t *testing.T) map[string]bool {
	f, err := os.Open(filepath.Join(corpusDir, "known_failures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, _, _ := strings.Cut(line, " ")
		out[name] = true
	}
	return out
}

func corpusCases(t testing.TB) []string {
	ents, err := os.ReadDir(filepath.Join(corpusDir, "templates"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// corpusEnvs returns the environment a corpus case renders in, as gen.py
// chooses it: cases named ext_* with the do and loopcontrols extensions.
func corpusEnvs() func(name string) *Environment {
	loader := os.DirFS(filepath.Join(corpusDir, "templates"))
	plain := &Environment{Loader: loader}
	ext := &Environment{Loader: loader, Extensions: []string{ExtDo, ExtLoopControls}}
	return func(name string) *Environment {
		if strings.HasPrefix(name, "ext_") {
			return ext
		}
		return plain
	}
}

// renderCase renders one corpus case as gen.py does: the output, or
// "!error <Kind>\n".
func renderCase(env *Environment, name string, data any) string {
	t, err := env.GetTemplate(name)
	if err == nil {
		var out string
		if out, err = t.Render(data); err == nil {
			return out
		}
	}
	if e, ok := err.(*Error); ok {
		return "!error " + e.Kind + "\n"
	}
	return "!error " + err.Error() + "\n"
}

// TestConformance renders every corpus template and compares it byte for
// byte with Jinja2 3.1's output. Cases in known_failures.txt may fail; the
// test fails when one of them passes (remove it from the list) or when an
// unlisted case fails.
func TestConformance(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpusDir, "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	known := knownFailures(t)
	names := corpusCases(t)
	envFor := corpusEnvs()
	pass := 0
	for _, name := range names {
		data, err := DecodeJSON(raw)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(corpusDir, "expected", name+".out"))
		if err != nil {
			t.Fatalf("%s: %v (run gen.py)", name, err)
		}
		got := renderCase(envFor(name), name, data)
		ok := got == string(want)
		if ok {
			pass++
		}
		switch {
		case ok && known[name]:
			t.Errorf("%s now passes: remove it from known_failures.txt", name)
		case !ok && !known[name]:
			t.Errorf("%s:\nwant %q\ngot  %q", name, want, got)
		}
		delete(known, name)
	}
	for name := range known {
		t.Errorf("known_failures.txt lists %s, which is not in the corpus", name)
	}
	t.Logf("conformance: %d/%d byte-identical to Jinja2 3.1 (%.1f%%)", pass, len(names), 100*float64(pass)/float64(len(names)))
}

// TestConcurrentRenders renders the corpus from several goroutines through
// one Environment (run it with -race).
func TestConcurrentRenders(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpusDir, "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	envFor := corpusEnvs()
	known := knownFailures(t)
	var names []string
	for _, n := range corpusCases(t) {
		if !known[n] {
			names = append(names, n)
		}
	}
	done := make(chan string, 4)
	for w := 0; w < 4; w++ {
		go func(w int) {
			for i := w; i < len(names); i += 4 {
				data, _ := DecodeJSON(raw)
				want, _ := os.ReadFile(filepath.Join(corpusDir, "expected", names[i]+".out"))
				if got := renderCase(envFor(names[i]), names[i], data); got != string(want) {
					done <- names[i]
					return
				}
			}
			done <- ""
		}(w)
	}
	for w := 0; w < 4; w++ {
		if name := <-done; name != "" {
			t.Errorf("%s rendered differently under concurrency", name)
		}
	}
}
