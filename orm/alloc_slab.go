package orm

import "reflect"

// Loaded rows are allocated in chunks: a query that returns n rows costs
// about log2(maxChunk) + n/maxChunk allocations for its objects, not n. A
// chunk stays in memory while any object in it is referenced, so chunks
// start small and grow to maxChunk.
const (
	firstChunk = 1
	maxChunk   = 64
)

// nextChunkSize doubles the chunk size up to maxChunk.
func nextChunkSize(prev int) int {
	if prev == 0 {
		return firstChunk
	}
	return min(prev*2, maxChunk)
}

// objChunk hands out new zero *T values from chunks.
type objChunk[T any] struct {
	free []T
	size int
}

// next returns a pointer to a new zero T.
func (c *objChunk[T]) next() *T {
	if len(c.free) == 0 {
		c.size = nextChunkSize(c.size)
		c.free = make([]T, c.size)
	}
	p := &c.free[0]
	c.free = c.free[1:]
	return p
}

// valueChunk is objChunk for a model known by its reflect.Type.
type valueChunk struct {
	typ  reflect.Type
	arr  reflect.Value // addressable [size]Model
	used int
	size int
}

// next returns a new zero *Model as a reflect.Value.
func (c *valueChunk) next() reflect.Value {
	if c.used == c.size {
		c.size = nextChunkSize(c.size)
		c.arr = reflect.New(reflect.ArrayOf(c.size, c.typ)).Elem()
		c.used = 0
	}
	p := c.arr.Index(c.used).Addr()
	c.used++
	return p
}
