package flagontest_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/spf13/cobra"
)

// cliApp is a factory with one command that prints and one that fails.
func cliApp() (*flagon.App, error) {
	app := flagon.New()
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("up") })
	app.Command(&cobra.Command{
		Use: "hello",
		RunE: func(cmd *cobra.Command, _ []string) error {
			_ = os.Setenv("FLAGONTEST_LEAK", "yes")
			fmt.Fprintln(cmd.OutOrStdout(), "hello from the app")
			return nil
		},
	})
	app.Command(&cobra.Command{
		Use:  "broken",
		RunE: func(*cobra.Command, []string) error { return errors.New("it broke") },
	})
	return app, nil
}

func TestRunCLI(t *testing.T) {
	tests := []struct {
		args   []string
		stdout string
		stderr string
		code   int
	}{
		{[]string{"hello"}, "hello from the app\n", "", 0},
		{[]string{"broken"}, "", "Error: it broke\n", 1},
		{[]string{"missing"}, "", `Error: unknown command "missing"`, 2},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := flagontest.RunCLI(t, cliApp, tt.args...)
			if out != tt.stdout || !strings.HasPrefix(errOut, tt.stderr) || code != tt.code {
				t.Errorf("got %q %q %d, want %q %q %d", out, errOut, code, tt.stdout, tt.stderr, tt.code)
			}
		})
	}
}

func TestRunCLIRestoresTheEnvironment(t *testing.T) {
	flagontest.RunCLI(t, cliApp, "--debug", "hello")
	for _, k := range []string{"FLAGONTEST_LEAK", "FLAGON_DEBUG"} {
		if v, ok := os.LookupEnv(k); ok {
			t.Errorf("%s=%q left in the environment", k, v)
		}
	}
}

func TestStartCLI(t *testing.T) {
	p := flagontest.StartCLI(t, cliApp, "run", "-p", "0")
	url := p.URL(10 * time.Second)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		_, errOut, _ := p.Stop()
		t.Fatalf("URL %q\n%s", url, errOut)
	}
	resp, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "up" {
		t.Errorf("body %q", body)
	}
	if !p.WaitOutput("path=/ status=200", 5*time.Second) {
		t.Error("no request log line")
	}
	_, errOut, code := p.Stop()
	if code != 0 || !strings.Contains(errOut, "Running on "+url) {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	if _, err := http.Get(url + "/"); err == nil {
		t.Error("the server still answers after Stop")
	}
}

func TestStartCLIEndsOnItsOwn(t *testing.T) {
	p := flagontest.StartCLI(t, cliApp, "broken")
	if p.URL(5*time.Second) != "" {
		t.Error("a URL from a command that does not serve")
	}
	if _, errOut, code := p.Stop(); code != 1 || errOut != "Error: it broke\n" {
		t.Errorf("exit %d, %q", code, errOut)
	}
}
