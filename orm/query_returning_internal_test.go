package orm

import "testing"

func TestMariaDBAtLeast(t *testing.T) {
	tests := []struct {
		name    string
		version string
		want    bool
	}{
		{"mariadb 10.11", "10.11.19-MariaDB-0+deb12u1", true},
		{"mariadb 10.5", "10.5.0-MariaDB", true},
		{"mariadb 10.4", "10.4.34-MariaDB-log", false},
		{"mariadb 11", "11.4.2-MariaDB", true},
		{"mysql 8", "8.0.36", false},
		{"mysql 10 lookalike without mariadb", "10.6.1-log", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mariaDBAtLeast(tt.version, 10, 5); got != tt.want {
				t.Errorf("mariaDBAtLeast(%q, 10, 5) = %v, want %v", tt.version, got, tt.want)
			}
		})
	}
}
