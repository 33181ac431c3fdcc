package main

import (
	"strings"
	"testing"
)

func TestFlagonJinjaChecks(t *testing.T) {
	rps := func(v float64) measurement { return measurement{result: Result{RPS: v}} }
	d := dbRun{
		name:       "PostgreSQL",
		frameworks: []string{"flagon", jinjaServer, "flask"},
		tests:      []string{"json", "fortunes"},
		results: map[key]measurement{
			{"flagon", "json"}: rps(1000), {"flask", "json"}: rps(50),
			{"flagon", "fortunes"}: rps(900), {jinjaServer, "fortunes"}: rps(700), {"flask", "fortunes"}: rps(100),
		},
	}
	var got []string
	for _, c := range evaluate([]dbRun{d}) {
		if c.fw == jinjaServer {
			got = append(got, c.label()+" "+map[bool]string{true: "met", false: "missed"}[c.ok()])
		}
	}
	want := "flagon-jinja / flagon ≥ 0.67 met|flagon-jinja / flask ≥ 10.00 missed"
	if strings.Join(got, "|") != want {
		t.Errorf("checks %q, want %q", strings.Join(got, "|"), want)
	}
	var b strings.Builder
	writeDB(&b, d)
	if strings.Contains(b.String(), "| json | flagon-jinja |") {
		t.Errorf("flagon-jinja has a json row:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "| fortunes | flagon-jinja | 700 |") {
		t.Errorf("no flagon-jinja fortunes row:\n%s", b.String())
	}
}
