package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// EnvLoadTest turns on TestLoadAndFault ("1"); EnvLoadSeconds changes its
// duration per database (default 20).
const (
	EnvLoadTest    = "FLAGON_LOAD_TEST"
	EnvLoadSeconds = "FLAGON_LOAD_SECONDS"
)

// loadClients is the number of concurrent connections, the wrk -c256 of
// issue 15.
const loadClients = 256

// TestLoadAndFault runs the example on 127.0.0.1 under loadClients
// connections of mixed reads and creates for 20 s per database (SQLite and
// PostgreSQL when FLAGON_TEST_POSTGRES is set), with a tenth of the reads
// abandoned by their client mid-request. It asserts no 5xx, that every
// acknowledged create is a row and every row an acknowledged create (none
// lost, none duplicated) and, on PostgreSQL, that the server never sees
// more connections than the pool allows. It runs when FLAGON_LOAD_TEST=1
// (.ci/run sets it).
func TestLoadAndFault(t *testing.T) {
	if os.Getenv(EnvLoadTest) != "1" {
		t.Skipf("set %s=1 to run the load test (about 25 s per database)", EnvLoadTest)
	}
	duration := 20 * time.Second
	if s, err := strconv.Atoi(os.Getenv(EnvLoadSeconds)); err == nil && s > 0 {
		duration = time.Duration(s) * time.Second
	}
	for _, d := range dbtest.Databases(t) {
		if d.Name == "mysql" {
			continue // the load test covers SQLite and PostgreSQL
		}
		t.Run(d.Name, func(t *testing.T) { runLoad(t, d, duration) })
	}
}

// loadResult is what the clients saw.
type loadResult struct {
	mu       sync.Mutex
	created  map[int]bool // ids of acknowledged creates
	dupes    int
	requests atomic.Int64
	aborted  atomic.Int64
	fivexx   atomic.Int64
	failures []string
}

func (r *loadResult) fail(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.failures) < 10 {
		r.failures = append(r.failures, fmt.Sprintf(format, args...))
	}
}

func (r *loadResult) ack(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.created[id] {
		r.dupes++
	}
	r.created[id] = true
}

func runLoad(t *testing.T, d dbtest.DB, duration time.Duration) {
	appURL := d.URL
	if d.Name == "postgresql" {
		appURL = withQuery(d.URL, "application_name", loadAppName)
	}
	app := testApp(t, appURL)
	errs := &errorLog{}
	app.Logger = slog.New(errs)    // abandoned requests log each at INFO: only errors are kept
	srv := httptest.NewServer(app) // listens on 127.0.0.1 only
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients, MaxConnsPerHost: loadClients}}
	defer client.CloseIdleConnections()
	res := &loadResult{created: map[int]bool{}}
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	stopWatch := watchConnections(t, d)
	var wg sync.WaitGroup
	for i := range loadClients {
		wg.Go(func() { loadClient(ctx, client, srv.URL, uint64(i), res) })
	}
	wg.Wait()
	maxConns := stopWatch()
	rows := countRows(t, d)
	t.Logf("%s: %d requests in %s (%d abandoned by the client), %d creates acknowledged, %d rows, at most %d server connections",
		d.Name, res.requests.Load(), duration, res.aborted.Load(), len(res.created), rows, maxConns)
	for _, f := range res.failures {
		t.Error(f)
	}
	if n := res.fivexx.Load(); n > 0 {
		t.Errorf("%d responses were 5xx; the app logged: %s", n, errs.String())
	}
	if res.dupes > 0 || rows != len(res.created) {
		t.Errorf("%d rows for %d acknowledged creates (%d ids acknowledged twice)", rows, len(res.created), res.dupes)
	}
	if len(res.created) == 0 {
		t.Error("no create was acknowledged")
	}
	if limit := orm.DefaultPoolSize + orm.DefaultMaxOverflow; maxConns > limit {
		t.Errorf("the server saw %d connections of the app, more than the pool's %d", maxConns, limit)
	}
}

// loadClient sends requests until ctx ends: a third creates, the rest
// read the list, a product, a page of the API; a tenth of the reads are
// abandoned after a few milliseconds.
func loadClient(ctx context.Context, client *http.Client, base string, seed uint64, res *loadResult) {
	rng := rand.New(rand.NewPCG(seed, 15))
	for n := 0; ctx.Err() == nil; n++ {
		if rng.IntN(3) == 0 {
			create(ctx, client, base, fmt.Sprintf("load %d-%d", seed, n), res)
			continue
		}
		paths := []string{"/", "/api/products?page=" + strconv.Itoa(1+rng.IntN(5)), "/products/" + strconv.Itoa(1+rng.IntN(200))}
		rctx, cancel := context.WithCancel(ctx)
		if rng.IntN(10) == 0 {
			time.AfterFunc(time.Duration(rng.IntN(5000))*time.Microsecond, cancel)
			res.aborted.Add(1)
		}
		read(rctx, ctx, client, base+paths[rng.IntN(len(paths))], res)
		cancel()
	}
}

// create posts one product; a 201 acknowledges it with its id. A create
// cut short by the end of the test is neither counted nor a failure.
func create(ctx context.Context, client *http.Client, base, name string, res *loadResult) {
	body, _ := json.Marshal(map[string]any{"name": name, "price": 1})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/products", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	// The request is not tied to ctx: a create the client gave up on might
	// still commit, and then the rows could not be compared.
	resp, err := client.Do(req)
	res.requests.Add(1)
	if err != nil {
		res.fail("create: %v", err)
		return
	}
	defer resp.Body.Close()
	var p Product
	err = json.NewDecoder(resp.Body).Decode(&p)
	switch {
	case resp.StatusCode >= 500:
		res.fivexx.Add(1)
		res.fail("create: %d", resp.StatusCode)
	case resp.StatusCode != http.StatusCreated || err != nil || p.ID == 0:
		res.fail("create: %d, %v", resp.StatusCode, err)
	default:
		res.ack(p.ID)
	}
}

// read gets url; errors of a request abandoned on purpose (rctx is not
// the test's ctx) or cut short by the end of the test are expected.
func read(rctx, ctx context.Context, client *http.Client, url string, res *loadResult) {
	req, _ := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
	resp, err := client.Do(req)
	res.requests.Add(1)
	if err != nil {
		if rctx.Err() == nil && ctx.Err() == nil {
			res.fail("GET %s: %v", url, err)
		}
		return
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	switch {
	case resp.StatusCode >= 500:
		res.fivexx.Add(1)
		res.fail("GET %s: %d", url, resp.StatusCode)
	case resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotFound:
		res.fail("GET %s: %d", url, resp.StatusCode)
	case err != nil && rctx.Err() == nil && ctx.Err() == nil:
		res.fail("GET %s: reading the body: %v", url, err)
	}
}

// countRows counts the products.
func countRows(t *testing.T, d dbtest.DB) int {
	t.Helper()
	eng, err := orm.Open(d.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	n, err := orm.Select[Product](eng).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// loadAppName is the PostgreSQL application_name of the app's
// connections, so that the count leaves out the connections of the
// test's own set-up (the migration run's, which the server may still list
// for a moment after they close).
const loadAppName = "flagon_load_app"

// withQuery returns rawURL with the query parameter key=value added.
func withQuery(rawURL, key, value string) string {
	sep := "?"
	if strings.Contains(rawURL, "?") {
		sep = "&"
	}
	return rawURL + sep + key + "=" + value
}

// watchConnections samples, on PostgreSQL, how many connections the app
// holds to the test database (those named loadAppName) until the
// returned function is called, which returns the largest number seen.
func watchConnections(t *testing.T, d dbtest.DB) func() int {
	if d.Name != "postgresql" {
		return func() int { return 0 }
	}
	eng, err := orm.Open(d.URL, orm.MaxOpenConns(1))
	if err != nil {
		t.Fatal(err)
	}
	done, stopped := make(chan struct{}), make(chan int)
	go func() {
		defer eng.Close()
		most := 0
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				stopped <- most
				return
			case <-tick.C:
			}
			most = max(most, appConnections(eng))
		}
	}()
	return func() int { close(done); return <-stopped }
}

// errorLog keeps the first few records logged at ERROR, so that a 5xx
// under load names its cause.
type errorLog struct {
	mu      sync.Mutex
	records []string
}

func (l *errorLog) Enabled(_ context.Context, level slog.Level) bool { return level >= slog.LevelError }

func (l *errorLog) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.records) < 10 {
		l.records = append(l.records, b.String())
	}
	return nil
}

func (l *errorLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *errorLog) WithGroup(string) slog.Handler      { return l }

func (l *errorLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.records, "\n")
}

// appConnections counts the app's connections to the test database. A
// count over the pool's limit is taken again a moment later: a
// connection the driver has just closed (after a cancelled query) is
// listed until its server process exits, while the pool has already
// opened the one that replaces it. A connection the pool really holds
// beyond its limit is still there the second time.
func appConnections(eng *orm.DB) int {
	count := func() int {
		var n int
		row := eng.SQL().QueryRow("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", loadAppName)
		if row.Scan(&n) != nil {
			return 0
		}
		return n
	}
	n := count()
	if n > orm.DefaultPoolSize+orm.DefaultMaxOverflow {
		time.Sleep(20 * time.Millisecond)
		n = min(n, count())
	}
	return n
}
