package orm

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon/orm/dialect"
)

var typeTagRe = regexp.MustCompile(`^([a-z_ ]+?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$`)

// typeNames maps the names accepted by the `type:` tag option.
var typeNames = map[string]dialect.Kind{
	"integer": dialect.Integer, "int": dialect.Integer, "bigint": dialect.BigInteger,
	"biginteger": dialect.BigInteger, "smallint": dialect.SmallInteger, "smallinteger": dialect.SmallInteger,
	"string": dialect.String, "varchar": dialect.String, "text": dialect.Text, "boolean": dialect.Boolean,
	"bool": dialect.Boolean, "float": dialect.Float, "double": dialect.Float, "numeric": dialect.Numeric,
	"decimal": dialect.Numeric, "date": dialect.Date, "datetime": dialect.DateTime, "timestamp": dialect.DateTime,
	"time": dialect.Time, "interval": dialect.Interval, "bytes": dialect.Bytes, "blob": dialect.Bytes,
	"json": dialect.JSON, "uuid": dialect.UUID,
}

// applyTypeTag overrides a column type with a `type:` option such as
// "text", "varchar(20)" or "numeric(10,2)".
func applyTypeTag(ct ColumnType, s string) (ColumnType, error) {
	m := typeTagRe.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return ct, fmt.Errorf("malformed type %q", s)
	}
	k, ok := typeNames[strings.TrimSpace(m[1])]
	if !ok {
		return ct, fmt.Errorf("unknown type %q", s)
	}
	out := ColumnType{Kind: k, TZ: ct.TZ}
	a, _ := strconv.Atoi(m[2])
	b, _ := strconv.Atoi(m[3])
	switch k {
	case dialect.String:
		out.Size = a
	case dialect.Numeric:
		out.Precision, out.Scale = a, b
	}
	if !compatible(ct.Kind, k) {
		return ct, fmt.Errorf("type %q does not fit a %s field", s, ct.Kind)
	}
	return out, nil
}

// compatible reports whether a field of kind from may be declared as to.
func compatible(from, to dialect.Kind) bool {
	if from == to {
		return true
	}
	group := func(k dialect.Kind) int {
		switch k {
		case dialect.Integer, dialect.BigInteger, dialect.SmallInteger:
			return 1
		case dialect.String, dialect.Text:
			return 2
		}
		return int(k) + 10
	}
	return group(from) == group(to)
}
