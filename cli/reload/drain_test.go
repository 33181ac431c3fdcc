package reload

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"
)

// serveDrained serves body on ln through a DrainListener until the
// returned stop function is called; stop returns once the server is done.
func serveDrained(ln net.Listener, body string) (stop func()) {
	dl := NewDrainListener(ln)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, body)
	})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		sctx, release := dl.ServeContext(ctx)
		defer release()
		errc := make(chan error, 1)
		go func() { errc <- srv.Serve(dl) }()
		<-sctx.Done()
		_ = srv.Shutdown(context.Background())
		<-errc
		dl.Wait(5 * time.Second)
	}()
	return func() { cancel(); <-done }
}

// TestDrainHandoff shares one socket between an old and a new server, as
// the reloader's children do, and stops the old one under load: no
// request may fail.
func TestDrainHandoff(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ln.(*net.TCPListener).File()
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String() + "/"
	lnOld, _ := net.FileListener(f)
	lnNew, _ := net.FileListener(f)
	f.Close()
	ln.Close()
	stopOld := serveDrained(lnOld, "old")
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var mu sync.Mutex
	seen := map[string]int{}
	var failures []error
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Get(url)
				mu.Lock()
				if err != nil {
					failures = append(failures, err)
				} else {
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					seen[string(b)]++
				}
				mu.Unlock()
			}
		}()
	}
	answered := func(body string, n int) bool {
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			mu.Lock()
			got := seen[body]
			mu.Unlock()
			if got >= n {
				return true
			}
			time.Sleep(5 * time.Millisecond)
		}
		return false
	}
	answered("old", 20)
	stopNew := serveDrained(lnNew, "new")
	time.Sleep(50 * time.Millisecond)
	stopOld()
	mu.Lock()
	afterOld := seen["new"]
	mu.Unlock()
	answered("new", afterOld+20)
	close(stop)
	wg.Wait()
	stopNew()
	if len(failures) > 0 {
		t.Errorf("%d requests failed, first: %v", len(failures), failures[0])
	}
	if seen["old"] == 0 || seen["new"] == 0 {
		t.Errorf("answers %v: both servers should have served", seen)
	}
}

func TestDrainListenerClosesCleanly(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dl := NewDrainListener(ln)
	if !dl.Wait(time.Second) {
		t.Error("Wait blocks with no connection")
	}
	if err := dl.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := dl.Accept(); err == nil {
		t.Error("Accept after Close succeeded")
	}
}
