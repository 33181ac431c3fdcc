package migration_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A tutorialStep is one thing docs/tutorial.md asks the reader to do: run
// a command (and see its output) or write main.go.
type tutorialStep struct {
	command, output string // a "$ " line of a code block and the lines after it
	file            string // main.go's content after this step, when it writes it
	revision        string // a generated revision file the tutorial shows
}

// tutorialSteps reads the tutorial's code blocks in order: "$ " lines of
// plain blocks are commands, followed by their output; a Go block starting
// with "package main" is main.go, one starting with "type X struct"
// replaces that declaration in main.go, one of "package versions" shows a
// generated revision file.
func tutorialSteps(t *testing.T, markdown string) []tutorialStep {
	var steps []tutorialStep
	var mainGo string
	var block []string
	lang, inBlock := "", false
	sc := bufio.NewScanner(strings.NewReader(markdown))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !inBlock && strings.HasPrefix(line, "```"):
			lang, inBlock, block = strings.TrimPrefix(line, "```"), true, nil
		case inBlock && line == "```":
			inBlock = false
			if lang == "go" {
				src := strings.Join(block, "\n") + "\n"
				if strings.Contains(src, "\npackage versions\n") {
					steps = append(steps, tutorialStep{revision: src})
				} else if src, ok := applyGoBlock(t, mainGo, src); ok {
					mainGo = src
					steps = append(steps, tutorialStep{file: mainGo})
				}
				continue
			}
			steps = append(steps, commandSteps(block)...)
		case inBlock:
			block = append(block, line)
		}
	}
	return steps
}

// applyGoBlock returns main.go after a Go block, and whether it changes it.
func applyGoBlock(t *testing.T, mainGo, block string) (string, bool) {
	if strings.HasPrefix(block, "package main\n") {
		return block, true
	}
	decl := regexp.MustCompile(`^type (\w+) struct \{\n`).FindStringSubmatch(block)
	if decl == nil {
		return "", false
	}
	old := regexp.MustCompile(`(?s)type ` + decl[1] + ` struct \{\n.*?\n\}\n`)
	if !old.MatchString(mainGo) {
		t.Fatalf("the tutorial changes type %s, which main.go does not declare", decl[1])
	}
	return old.ReplaceAllLiteralString(mainGo, block), true
}

// commandSteps splits a plain code block into commands and their output.
func commandSteps(block []string) []tutorialStep {
	var steps []tutorialStep
	for _, line := range block {
		if cmd, ok := strings.CutPrefix(line, "$ "); ok {
			steps = append(steps, tutorialStep{command: cmd})
		} else if len(steps) > 0 {
			steps[len(steps)-1].output += line + "\n"
		}
	}
	return steps
}

// script turns the steps into one bash script (so that "cd" carries on),
// marking each command's output. "go mod tidy" first points the module at
// this checkout, since the tutorial's flagon is the published one.
func script(steps []tutorialStep, root string) string {
	var b strings.Builder
	for i, s := range steps {
		switch {
		case s.file != "":
			fmt.Fprintf(&b, "cat > main.go <<'TUTORIAL_EOF'\n%sTUTORIAL_EOF\n", s.file)
			continue
		case s.revision != "":
			continue
		}
		cmd := s.command
		if cmd == "go mod tidy" {
			cmd = fmt.Sprintf("go mod edit -require=github.com/flagon-go/flagon@v0.0.0 -replace=github.com/flagon-go/flagon=%q && %s", root, cmd)
		}
		fmt.Fprintf(&b, "echo '@@step %d'\n%s 2>&1 || { echo '@@failed %d'; exit 1; }\n", i, cmd, i)
	}
	return b.String()
}

// volatile matches what differs between runs: revision ids and timings
// (an id ends a word or precedes "_": upgrade<id>, <id>_message.go).
var volatile = regexp.MustCompile(`[0-9a-f]{12}(\b|_)|\(\d+(\.\d+)?(ns|µs|ms|s)\)`)

func normalize(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if l = strings.TrimRight(volatile.ReplaceAllString(l, "<v>"), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// hasLines reports whether want's lines appear in got's, in order.
func hasLines(got, want []string) bool {
	i := 0
	for _, l := range got {
		if i < len(want) && l == want[i] {
			i++
		}
	}
	return i == len(want)
}

// TestTutorial follows docs/tutorial.md word for word in a new module
// (with flagon replaced by this checkout): it writes main.go as the
// tutorial says, runs every command, and checks that main.go is
// gofmt-clean and that each command succeeds and prints the output shown.
// It builds the program a dozen times: set FLAGON_TUTORIAL_TEST=1 to run it.
func TestTutorial(t *testing.T) {
	if os.Getenv("FLAGON_TUTORIAL_TEST") == "" {
		t.Skip("set FLAGON_TUTORIAL_TEST=1 to follow docs/tutorial.md (builds the program a dozen times)")
	}
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Fatal("the tutorial's db shell needs the sqlite3 client")
	}
	md, err := os.ReadFile("../../docs/tutorial.md")
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs("../..")
	steps := tutorialSteps(t, string(md))
	for _, s := range steps {
		if s.file != "" {
			checkGofmt(t, s.file)
		}
	}
	bash := exec.Command("bash", "-c", script(steps, root))
	bash.Dir = t.TempDir()
	bash.Env = tutorialEnv()
	out, err := bash.CombinedOutput()
	parts := regexp.MustCompile(`(?m)^@@(step|failed) (\d+)\n`).Split(string(out), -1)
	ids := regexp.MustCompile(`(?m)^@@step (\d+)\n`).FindAllStringSubmatch(string(out), -1)
	if err != nil {
		t.Fatalf("the tutorial failed (%v) at the last command shown:\n%s", err, lastOutputs(steps, ids, parts))
	}
	checkRevisions(t, steps, filepath.Join(bash.Dir, "shop", "migrations", "versions"))
	for k, m := range ids {
		var i int
		fmt.Sscan(m[1], &i)
		t.Logf("$ %s\n%s", steps[i].command, parts[k+1])
		if want, got := normalize(steps[i].output), normalize(parts[k+1]); !hasLines(got, want) {
			t.Errorf("$ %s\nprinted:\n%s\nthe tutorial shows:\n%s", steps[i].command, parts[k+1], steps[i].output)
		}
	}
}

// lastOutputs shows the last command run and what it printed.
func lastOutputs(steps []tutorialStep, ids [][]string, parts []string) string {
	if len(ids) == 0 {
		return strings.Join(parts, "")
	}
	var i int
	fmt.Sscan(ids[len(ids)-1][1], &i)
	return "$ " + steps[i].command + "\n" + parts[len(ids)]
}

// tutorialEnv is the environment of a reader who has set nothing.
func tutorialEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "FLAGON_") || strings.Contains(name, "DATABASE_") || name == "GOFLAGS" || name == "GOWORK" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOWORK=off")
}

// checkGofmt fails when src is not as gofmt writes it.
func checkGofmt(t *testing.T, src string) {
	t.Helper()
	c := exec.Command("gofmt", "-l")
	c.Stdin = strings.NewReader(src)
	out, err := c.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("the tutorial's main.go is not gofmt-clean (%v %s):\n%s", err, out, src)
	}
}

// dates matches the creation date of a revision, in its header and literal.
var dates = regexp.MustCompile(`Create Date: .*|time\.Date\(.*\)`)

// checkRevisions compares each revision file the tutorial shows with the
// one generated with the same message, apart from ids and dates.
func checkRevisions(t *testing.T, steps []tutorialStep, dir string) {
	for _, s := range steps {
		if s.revision == "" {
			continue
		}
		message := strings.TrimPrefix(strings.SplitN(s.revision, "\n", 2)[0], "// ")
		files, _ := filepath.Glob(filepath.Join(dir, "*_"+strings.ReplaceAll(message, " ", "_")+".go"))
		if len(files) != 1 {
			t.Errorf("no generated revision %q in %s (%v)", message, dir, files)
			continue
		}
		got, _ := os.ReadFile(files[0])
		norm := func(src string) string {
			return volatile.ReplaceAllString(dates.ReplaceAllString(src, "<date>"), "<v>")
		}
		if norm(string(got)) != norm(s.revision) {
			t.Errorf("generated %s:\n%s\nthe tutorial shows:\n%s", filepath.Base(files[0]), got, s.revision)
		}
	}
}
