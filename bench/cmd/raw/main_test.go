package main

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/bench/internal/benchtest"
	"github.com/flagon-go/flagon/bench/internal/rawdb"
)

func TestRawPassesVerification(t *testing.T) {
	url := benchtest.SQLite(t)
	s, err := rawdb.Open(context.Background(), url, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	benchtest.Verify(t, url, (&handlers{store: s}).mux())
}
