package main

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/bench/internal/benchtest"
	"github.com/flagon-go/flagon/bench/internal/rawdb"
	"github.com/gin-gonic/gin"
)

func TestGinPassesVerification(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	url := benchtest.SQLite(t)
	s, err := rawdb.Open(context.Background(), url, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	benchtest.Verify(t, url, newEngine(s))
}
