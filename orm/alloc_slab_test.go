package orm

import (
	"reflect"
	"testing"
)

func TestObjChunkGivesDistinctZeroObjects(t *testing.T) {
	var c objChunk[struct{ N int }]
	seen := map[*struct{ N int }]bool{}
	for i := range 200 {
		p := c.next()
		if seen[p] || p.N != 0 {
			t.Fatalf("object %d: reused or not zero (%+v)", i, *p)
		}
		seen[p] = true
		p.N = i + 1
	}
	if c.size != maxChunk {
		t.Errorf("chunk size after 200 objects = %d, want %d", c.size, maxChunk)
	}
}

func TestValueChunkGivesDistinctZeroObjects(t *testing.T) {
	c := valueChunk{typ: typeOfPoint}
	seen := map[*point]bool{}
	for i := range 200 {
		p := c.next().Interface().(*point)
		if seen[p] || p.X != 0 {
			t.Fatalf("object %d: reused or not zero (%+v)", i, *p)
		}
		seen[p] = true
		p.X = i + 1
	}
}

func TestChunkSizesGrowFromOne(t *testing.T) {
	var got []int
	for n := 0; len(got) < 9; {
		n = nextChunkSize(n)
		got = append(got, n)
	}
	want := []int{1, 2, 4, 8, 16, 32, 64, 64, 64}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("chunk sizes = %v, want %v", got, want)
		}
	}
}

type point struct{ X, Y int }

var typeOfPoint = reflect.TypeFor[point]()
