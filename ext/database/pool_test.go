package database_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestEngineOptionsPool checks SQLALCHEMY_ENGINE_OPTIONS' pool settings
// against QueuePool: pool_size 5 + max_overflow 10 by default, 0 or -1
// for no limit.
func TestEngineOptionsPool(t *testing.T) {
	tests := []struct {
		name    string
		options map[string]any
		maxOpen int
	}{
		{"defaults (pool_size 5, max_overflow 10)", nil, 15},
		{"pool_size alone keeps max_overflow 10", map[string]any{"pool_size": 10}, 20},
		{"max_overflow alone keeps pool_size 5", map[string]any{"max_overflow": 0}, 5},
		{"both", map[string]any{"pool_size": 10, "max_overflow": 5}, 15},
		{"max_overflow -1: no limit", map[string]any{"max_overflow": -1}, 0},
		{"pool_size 0: no limit", map[string]any{"pool_size": 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := map[string]any{"DATABASE_URL": dbtest.SQLite(t).URL}
			if tt.options != nil {
				cfg["SQLALCHEMY_ENGINE_OPTIONS"] = tt.options
			}
			db, err := database.New(newApp(t, cfg))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if got := db.Engine().SQL().Stats().MaxOpenConnections; got != tt.maxOpen {
				t.Errorf("MaxOpenConnections = %d, want %d", got, tt.maxOpen)
			}
		})
	}
}

// TestEngineOptionsPoolTimeout: with every connection taken, a request
// waits pool_timeout seconds (a fraction here) and gets ErrPoolTimeout.
func TestEngineOptionsPoolTimeout(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		db, err := database.New(newApp(t, map[string]any{
			"DATABASE_URL":              d.URL,
			"SQLALCHEMY_ENGINE_OPTIONS": map[string]any{"pool_size": 1, "max_overflow": 0, "pool_timeout": 0.05},
		}))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ctx := context.Background()
		tx, err := db.Engine().Begin(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if _, err := orm.Exec(ctx, db.Engine(), "SELECT 1"); !errors.Is(err, orm.ErrPoolTimeout) {
			t.Fatalf("err = %v, want ErrPoolTimeout", err)
		}
	})
}
