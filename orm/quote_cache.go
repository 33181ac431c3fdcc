package orm

import (
	"sync"
	"sync/atomic"

	"github.com/flagon-go/flagon/orm/dialect"
)

// quoted caches quoted identifiers per dialect: every statement quotes
// the same table and column names, and Dialect.Quote allocates.
var (
	quoted      sync.Map // quoteKey -> string
	quotedCount atomic.Int64
)

// maxQuoted bounds the cache against identifiers built from data.
const maxQuoted = 1 << 14

type quoteKey struct{ dialect, ident string }

// quoteIdent returns d.Quote(ident), cached.
func quoteIdent(d dialect.Dialect, ident string) string {
	k := quoteKey{d.Name(), ident}
	if q, ok := quoted.Load(k); ok {
		return q.(string)
	}
	q := d.Quote(ident)
	if quotedCount.Load() < maxQuoted {
		if _, loaded := quoted.LoadOrStore(k, q); !loaded {
			quotedCount.Add(1)
		}
	}
	return q
}
