// Command gonja measures github.com/nikolalohinski/gonja/v2 against the
// conformance corpus: go run ./gonja ../conformance
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/nikolalohinski/gonja/v2"
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/loaders"
)

func conv(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = conv(e)
		}
	case []any:
		for i, e := range x {
			x[i] = conv(e)
		}
	}
	return v
}

func main() {
	dir := os.Args[1]
	raw, _ := os.ReadFile(filepath.Join(dir, "data.json"))
	ents, _ := os.ReadDir(filepath.Join(dir, "templates"))
	var names []string
	for _, e := range ents {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	pass := 0
	for _, n := range names {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var data map[string]any
		dec.Decode(&data)
		conv(data)
		want, _ := os.ReadFile(filepath.Join(dir, "expected", n+".out"))
		got := run(dir, n, data)
		if got == string(want) || (strings.HasPrefix(string(want), "!error") && strings.HasPrefix(got, "!error")) {
			pass++
			fmt.Printf("PASS %s\n", n)
		} else {
			fmt.Printf("FAIL %s\n  want %q\n  got  %q\n", n, trunc(string(want)), trunc(got))
		}
	}
	fmt.Printf("TOTAL %d/%d\n", pass, len(names))
}

func trunc(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

func run(dir, n string, data map[string]any) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprintf("!panic %v", r)
		}
	}()
	done := make(chan string, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Sprintf("!panic %v", r)
			}
		}()
		loader := loaders.MustNewFileSystemLoader(filepath.Join(dir, "templates"))
		cfg := gonja.DefaultConfig.Inherit()
		ext := filepath.Ext(n)
		cfg.AutoEscape = strings.Contains(".html .htm .xml .xhtml .svg", ext)
		t, err := exec.NewTemplate(n, cfg, loader, gonja.DefaultEnvironment)
		if err != nil {
			done <- "!error parse " + err.Error()
			return
		}
		s, err := t.ExecuteToString(exec.NewContext(data))
		if err != nil {
			done <- "!error " + err.Error()
			return
		}
		done <- s
	}()
	select {
	case s := <-done:
		if strings.HasPrefix(s, "!error") || strings.HasPrefix(s, "!panic") {
			return s
		}
		return s
	case <-time.After(5 * time.Second):
		return "!timeout"
	}
}
