package database

import (
	"time"

	"github.com/flagon-go/flagon/orm"
)

// poolLimits maps QueuePool's pool_size and max_overflow to the engine's
// limits: at most pool_size + max_overflow connections open, pool_size of
// them idle; pool_size 0 or max_overflow -1 means no limit, as in
// SQLAlchemy.
func poolLimits(size, overflow int) []orm.Option {
	if size <= 0 || overflow < 0 {
		return []orm.Option{orm.MaxIdleConns(max(size, orm.DefaultPoolSize)), orm.MaxOpenConns(0)}
	}
	return []orm.Option{orm.MaxIdleConns(size), orm.MaxOpenConns(size + overflow)}
}

// seconds reads a number of seconds, which may have a fraction
// (pool_timeout=0.5).
func seconds(v any) (time.Duration, bool) {
	switch n := v.(type) {
	case int:
		return time.Duration(n) * time.Second, true
	case int64:
		return time.Duration(n) * time.Second, true
	case float64:
		return time.Duration(n * float64(time.Second)), true
	}
	return 0, false
}
