package verify

import "fmt"

// Severity is how bad a Problem is: a Fail disqualifies the test type, a
// Warn is reported only.
type Severity string

// The severities, as TechEmpower names them.
const (
	Fail Severity = "fail"
	Warn Severity = "warn"
)

// A Problem is one rule a response broke.
type Problem struct {
	Test     string
	URL      string
	Severity Severity
	Message  string
}

// String formats the problem as "fail json http://...: message".
func (p Problem) String() string {
	return fmt.Sprintf("%s %s %s: %s", p.Severity, p.Test, p.URL, p.Message)
}

// Failed reports whether any problem of the test type (every test type if
// test is "") is a Fail.
func Failed(ps []Problem, test string) bool {
	for _, p := range ps {
		if p.Severity == Fail && (test == "" || p.Test == test) {
			return true
		}
	}
	return false
}

// problems collects the problems of one test type and URL.
type problems struct {
	test, url string
	list      []Problem
}

func (ps *problems) add(sev Severity, format string, args ...any) {
	ps.list = append(ps.list, Problem{ps.test, ps.url, sev, fmt.Sprintf(format, args...)})
}

func (ps *problems) fail(format string, args ...any) { ps.add(Fail, format, args...) }
func (ps *problems) warn(format string, args ...any) { ps.add(Warn, format, args...) }
