package ormbench

import "testing"

func TestStatements(t *testing.T) {
	pg, lite := Postgres(DefaultPostgres), SQLite("/tmp/x.db")
	tests := []struct {
		name, got, want string
	}{
		{"postgres insert", newStatements(pg).insert,
			`INSERT INTO models (name, title, fax, web, age, "right", counter) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`},
		{"sqlite update", newStatements(lite).update,
			`UPDATE models SET name = ?, title = ?, fax = ?, web = ?, age = ?, "right" = ?, counter = ? WHERE id = ?`},
		{"postgres read100", newStatements(pg).readSlice,
			`SELECT id, name, title, fax, web, age, "right", counter FROM models WHERE id > $1 LIMIT $2`},
		{"postgres two rows", newStatements(pg).insertMulti(pg.Placeholder, 2),
			`INSERT INTO models (name, title, fax, web, age, "right", counter) VALUES ($1, $2, $3, $4, $5, $6, $7), ` +
				`($8, $9, $10, $11, $12, $13, $14) RETURNING id`},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, tt.got, tt.want)
		}
	}
}

func TestArgsMatchColumns(t *testing.T) {
	ms := NewModels(3)
	if got := len(multiArgs(ms)); got != 21 {
		t.Errorf("multiArgs of 3 rows has %d values; want 21", got)
	}
	if got := len(scanTargets(ms[0])); got != len(args(ms[0]))+1 {
		t.Errorf("scanTargets has %d pointers; want the %d columns plus id", got, len(args(ms[0])))
	}
}
