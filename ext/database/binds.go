package database

import (
	"fmt"
	"maps"
	"time"

	"github.com/flagon-go/flagon/orm"
)

// bindConfig is one database: its URL and engine options.
type bindConfig struct {
	url     string
	options map[string]any
}

// parseBind reads one SQLALCHEMY_BINDS entry: a URL, or a map with "url"
// and engine options that override the shared ones.
func parseBind(name string, v any, base map[string]any) (bindConfig, error) {
	switch b := v.(type) {
	case string:
		return bindConfig{url: b, options: base}, nil
	case map[string]any:
		url, ok := b["url"].(string)
		if !ok {
			return bindConfig{}, fmt.Errorf("database: SQLALCHEMY_BINDS[%q] has no \"url\" string", name)
		}
		opts := maps.Clone(base)
		if opts == nil {
			opts = map[string]any{}
		}
		for k, v := range b {
			if k != "url" {
				opts[k] = v
			}
		}
		return bindConfig{url: url, options: opts}, nil
	}
	return bindConfig{}, fmt.Errorf("database: SQLALCHEMY_BINDS[%q] must be a URL or a map, not %T", name, v)
}

// engineOptions maps SQLAlchemy's create_engine options to the engine's.
func engineOptions(m map[string]any) ([]orm.Option, error) {
	var opts []orm.Option
	size, overflow := orm.DefaultPoolSize, orm.DefaultMaxOverflow
	for k, v := range m {
		n, isNum := number(v)
		switch k {
		case "pool_size":
			size = n
		case "max_overflow":
			overflow = n
		case "pool_timeout":
			d, ok := seconds(v)
			opts, isNum = append(opts, orm.PoolTimeout(d)), ok
		case "pool_recycle":
			opts = append(opts, orm.ConnMaxLifetime(time.Duration(n)*time.Second))
		case "pool_pre_ping":
			if b, _ := v.(bool); b {
				opts = append(opts, orm.PrePing())
			}
			isNum = true
		default:
			return nil, fmt.Errorf("unknown engine option %q", k)
		}
		if !isNum {
			return nil, fmt.Errorf("engine option %q must be a number, not %T", k, v)
		}
	}
	return append(opts, poolLimits(size, overflow)...), nil
}

func number(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	}
	return 0, false
}
