package cli_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/flagon-go/flagon/flagontest"
)

const startTimeout = 10 * time.Second

// get fetches url with client and returns the status and body.
func get(t *testing.T, client *http.Client, url string, header ...string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// start runs the command line and returns its URL.
func start(t *testing.T, args ...string) (*flagontest.CLIProcess, string) {
	t.Helper()
	p := flagontest.StartCLI(t, newApp, args...)
	url := p.URL(startTimeout)
	if url == "" {
		_, errOut, code := p.Stop()
		t.Fatalf("no 'Running on' line (exit %d):\n%s", code, errOut)
	}
	return p, url
}

func TestRunValidation(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "k.pem") // Flask's tests pass __file__: any existing file
	_ = os.WriteFile(file, []byte("not a key"), 0o600)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"key without cert", []string{"run", "--key", file}, 2, `"--cert" must also be specified`},
		{"adhoc with key", []string{"run", "--cert", "adhoc", "--key", file}, 2, `when "--cert" is "adhoc", "--key" is not used`},
		{"ADHOC with key", []string{"run", "--cert", "ADHOC", "--key", file}, 2, `when "--cert" is "adhoc", "--key" is not used`},
		{"cert without key", []string{"run", "--cert", file}, 2, `required when using "--cert"`},
		{"reload twice", []string{"run", "--reload", "--no-reload"}, 2, "mutually exclusive"},
		{"debugger twice", []string{"run", "--debugger", "--no-debugger"}, 2, "mutually exclusive"},
		{"bad port", []string{"run", "-p", "70000"}, 2, "is not a port number"},
		{"port not a number", []string{"run", "--port", "http"}, 2, `invalid argument "http"`},
		{"arguments", []string{"run", "now"}, 2, `unknown command "now"`},
		{"remote debugger", []string{"--debug", "run", "-h", "0.0.0.0", "--no-reload"}, 1, "--allow-remote-debug"},
		{"missing cert file", []string{"run", "-p", "0", "--cert", "nope.pem", "--key", file}, 2, `'--cert': file "nope.pem" does not exist`},
		{"missing key file", []string{"run", "-p", "0", "--cert", file, "--key", "nope.key"}, 2, `'--key': file "nope.key" does not exist`},
		{"cert is a directory", []string{"run", "-p", "0", "--cert", dir, "--key", file}, 2, "is a directory"},
		{"invalid cert file", []string{"run", "-p", "0", "--cert", file, "--key", file}, 1, "loading the TLS certificate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := flagontest.RunCLI(t, newApp, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

func TestRunHelpFreesH(t *testing.T) {
	out, _, code := flagontest.RunCLI(t, newApp, "run", "--help")
	if code != 0 || !strings.Contains(out, "-h, --host string") || strings.Contains(out, "-h, --help") {
		t.Errorf("run --help (exit %d):\n%s", code, out)
	}
}

func TestRunProduction(t *testing.T) {
	p, url := start(t, "run", "-h", "127.0.0.1", "-p", "0")
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+$`).MatchString(url) {
		t.Fatalf("URL %q", url)
	}
	if code, body := get(t, http.DefaultClient, url+"/"); code != 200 || body != "home" {
		t.Errorf("GET /: %d %q", code, body)
	}
	code, body := get(t, http.DefaultClient, url+"/boom", "Accept", "text/html")
	if code != 500 || strings.Contains(body, "kaboom") || strings.Contains(body, "flagon debugger") {
		t.Errorf("production /boom shows details: %d %q", code, body)
	}
	_, errOut, exit := p.Stop()
	for _, want := range []string{" * Debug mode: off", " * Running on " + url, "request method=GET path=/ status=200 duration=",
		"path=/boom status=500"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "Debugger PIN") || exit != 0 {
		t.Errorf("exit %d, stderr:\n%s", exit, errOut)
	}
}

func TestRunDebug(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		env       map[string]string
		debugPage bool
		pinLine   string
	}{
		{"debug", []string{"--debug", "run", "-p", "0", "--no-reload"}, nil, true, `Debugger PIN: \d{3}-\d{3}-\d{3}\n`},
		{"FLAGON_DEBUG_PIN", []string{"run", "-p", "0", "--no-reload"},
			map[string]string{"FLAGON_DEBUG": "1", "FLAGON_DEBUG_PIN": "123-456-789"}, true, `Debugger PIN: 123-456-789\n`},
		{"PIN off", []string{"--debug", "run", "-p", "0", "--no-reload"},
			map[string]string{"FLAGON_DEBUG_PIN": "off"}, true, `Debugger is active!\n \* Debugger PIN disabled\. DEBUGGER UNSECURED!\n`},
		{"FLAGON_DEBUG_PIN digits grouped", []string{"--debug", "run", "-p", "0", "--no-reload"},
			map[string]string{"FLAGON_DEBUG_PIN": "1234567890"}, true, `Debugger PIN: 12345-67890\n`},
		{"FLAGON_DEBUG_PIN not a PIN", []string{"--debug", "run", "-p", "0", "--no-reload"},
			map[string]string{"FLAGON_DEBUG_PIN": "hunter2"}, true, `Debugger PIN: \d{3}-\d{3}-\d{3}\n`},
		{"--no-debugger", []string{"--debug", "run", "-p", "0", "--no-reload", "--no-debugger"}, nil, false, ""},
		{"--debugger without debug mode", []string{"run", "-p", "0", "--debugger"}, nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			p, url := start(t, tt.args...)
			code, body := get(t, http.DefaultClient, url+"/boom", "Accept", "text/html")
			if shown := strings.Contains(body, "flagon debugger") && strings.Contains(body, "kaboom"); shown != tt.debugPage || code != 500 {
				t.Errorf("debug page shown=%v (want %v), status %d", shown, tt.debugPage, code)
			}
			_, errOut, _ := p.Stop()
			if tt.pinLine != "" && !regexp.MustCompile(tt.pinLine).MatchString(errOut) {
				t.Errorf("stderr lacks %s:\n%s", tt.pinLine, errOut)
			}
			if tt.pinLine == "" && strings.Contains(errOut, "Debugger") {
				t.Errorf("debugger announced:\n%s", errOut)
			}
		})
	}
}

func TestRunFrozenApp(t *testing.T) {
	frozen := func() (*flagon.App, error) {
		app, err := newApp()
		app.Freeze()
		return app, err
	}
	_, errOut, code := flagontest.RunCLI(t, frozen, "--debug", "run", "-p", "0", "--no-reload")
	if code != 1 || !strings.HasPrefix(errOut, "Error: cannot set up the server: ") {
		t.Errorf("exit %d: %q", code, errOut)
	}
}

func TestRunRemoteDebugWarning(t *testing.T) {
	p, url := start(t, "--debug", "run", "-h", "0.0.0.0", "-p", "0", "--no-reload", "--allow-remote-debug")
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(url, "http://"))
	code, body := get(t, http.DefaultClient, "http://127.0.0.1:"+port+"/")
	_, errOut, _ := p.Stop()
	if code != 200 || body != "home" || !strings.Contains(errOut, "WARNING: the debugger is reachable from other machines") {
		t.Errorf("%d %q\n%s", code, body, errOut)
	}
}

func TestRunPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	_, errOut, code := flagontest.RunCLI(t, newApp, "run", "-p", port)
	if code != 1 || !strings.Contains(errOut, "address already in use") {
		t.Errorf("exit %d: %q", code, errOut)
	}
}

// tlsClient trusts nothing but skips verification; the test checks the
// certificate itself.
func tlsClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

func TestRunAdhocTLS(t *testing.T) {
	p, url := start(t, "run", "-p", "0", "--cert", "adhoc")
	if !strings.HasPrefix(url, "https://") {
		t.Fatalf("URL %q", url)
	}
	resp, err := tlsClient().Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	leaf := resp.TLS.PeerCertificates[0]
	if err := leaf.VerifyHostname("127.0.0.1"); err != nil {
		t.Errorf("adhoc certificate: %v", err)
	}
	p.Stop()
}

func TestRunCertFiles(t *testing.T) {
	cert, err := cli.AdhocCertificate("localhost")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyDER, _ := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	certFile, keyFile := filepath.Join(dir, "c.pem"), filepath.Join(dir, "k.pem")
	_ = os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]}), 0o600)
	_ = os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600)
	p, url := start(t, "run", "-p", "0", "--cert", certFile, "--key", keyFile)
	resp, err := tlsClient().Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.TLS.PeerCertificates[0].SerialNumber; got.Cmp(cert.Leaf.SerialNumber) != 0 {
		t.Errorf("served certificate %v, want the file's %v", got, cert.Leaf.SerialNumber)
	}
	p.Stop()
}
