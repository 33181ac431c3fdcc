package cli_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestPanicStackPrintedAsLines: the terminal log of `run` prints a
// panic's stack as lines below the error record, as Flask's log prints
// a traceback, not as one quoted value full of \n and \t.
func TestPanicStackPrintedAsLines(t *testing.T) {
	p, url := start(t, "run", "-p", "0", "--no-reload", "--no-debugger")
	if code, _ := get(t, http.DefaultClient, url+"/boom"); code != 500 {
		t.Fatalf("GET /boom = %d, want 500", code)
	}
	p.WaitOutput("status=500", 5*time.Second)
	_, errOut, _ := p.Stop()
	if strings.Contains(errOut, `stack="`) || strings.Contains(errOut, `\n\t`) {
		t.Errorf("the stack is one escaped value:\n%s", errOut)
	}
	want := regexp.MustCompile(`(?m)ERROR request failed method=GET path=/boom error=panic: kaboom\n` +
		`goroutine \d+ \[running\]:\n(.+\n\t.+\.go:\d+.*\n)+`)
	if !want.MatchString(errOut) {
		t.Errorf("no stack as lines after the error record:\n%s", errOut)
	}
}
