package migrate_test

import (
	"testing"

	"github.com/flagon-go/flagon/migrate"
)

func TestRegistryAllOrdersByLinks(t *testing.T) {
	tests := []struct {
		name  string
		added []*migrate.Revision
		want  []string
	}{
		{"reverse file order", []*migrate.Revision{
			{ID: "0c", Down: []string{"fb"}}, {ID: "fb", Down: []string{"a1"}}, {ID: "a1"},
		}, []string{"a1", "fb", "0c"}},
		{"merge point", []*migrate.Revision{
			{ID: "m", Down: []string{"y", "x"}}, {ID: "y", Down: []string{"r"}}, {ID: "x", Down: []string{"r"}}, {ID: "r"},
		}, []string{"r", "y", "x", "m"}}, // a merge's parents in its Down order
		{"broken graph by ID", []*migrate.Revision{
			{ID: "b", Down: []string{"gone"}}, {ID: "a"},
		}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reg migrate.Registry
			for _, r := range tt.added {
				if got := reg.Add(r); got != r {
					t.Fatalf("Add returned %v", got)
				}
			}
			var got []string
			for _, r := range reg.All() {
				got = append(got, r.ID)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("All() = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("All() = %v, want %v", got, tt.want)
				}
			}
		})
	}
}
