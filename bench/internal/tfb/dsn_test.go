package tfb

import "testing"

func TestDriverDSN(t *testing.T) {
	tests := []struct {
		name, url, driver, dsn string
		wantErr                bool
	}{
		{name: "postgresql", url: "postgresql://postgres@127.0.0.1:5432/b", driver: "pgx", dsn: "postgres://postgres@127.0.0.1:5432/b"},
		{name: "postgresql with driver", url: "postgresql+psycopg2://u@h/b", driver: "pgx", dsn: "postgres://u@h/b"},
		{name: "sqlite relative", url: "sqlite:///bench.db", driver: "sqlite", dsn: "file:bench.db?" + sqlitePragmas},
		{name: "sqlite absolute", url: "sqlite:////tmp/b.db", driver: "sqlite", dsn: "file:/tmp/b.db?" + sqlitePragmas},
		{name: "sqlite without path", url: "sqlite://", wantErr: true},
		{name: "no scheme", url: "bench.db", wantErr: true},
		{name: "mysql", url: "mysql://root@h/b", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			driver, dsn, err := DriverDSN(tt.url)
			if (err != nil) != tt.wantErr {
				t.Fatalf("DriverDSN(%q) error = %v, wantErr %v", tt.url, err, tt.wantErr)
			}
			if driver != tt.driver || dsn != tt.dsn {
				t.Errorf("DriverDSN(%q) = %q, %q; want %q, %q", tt.url, driver, dsn, tt.driver, tt.dsn)
			}
		})
	}
}
