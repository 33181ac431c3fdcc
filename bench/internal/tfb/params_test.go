package tfb

import "testing"

func TestQueryCount(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"missing", "", 1},
		{"not a number", "foo", 1},
		{"zero", "0", 1},
		{"negative", "-3", 1},
		{"in range", "20", 20},
		{"upper bound", "500", 500},
		{"over", "501", 500},
		{"huge", "99999999999999999999", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QueryCount(tt.in); got != tt.want {
				t.Errorf("QueryCount(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestRandomIDInRange(t *testing.T) {
	for range 10000 {
		if id := RandomID(); id < 1 || id > WorldRows {
			t.Fatalf("RandomID() = %d, want 1..%d", id, WorldRows)
		}
	}
}
