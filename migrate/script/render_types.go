package script

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon/migrate"
)

// typeExpr renders a column type as a call to a migrate constructor.
func typeExpr(t migrate.Type) (string, error) {
	switch t.Kind {
	case migrate.KindInteger:
		return "migrate.Integer()", nil
	case migrate.KindBigInteger:
		return "migrate.BigInteger()", nil
	case migrate.KindSmallInteger:
		return "migrate.SmallInteger()", nil
	case migrate.KindString:
		return fmt.Sprintf("migrate.String(%d)", t.Size), nil
	case migrate.KindText:
		return "migrate.Text()", nil
	case migrate.KindBoolean:
		return "migrate.Boolean()", nil
	case migrate.KindFloat:
		return "migrate.Float()", nil
	case migrate.KindNumeric:
		return fmt.Sprintf("migrate.Numeric(%d, %d)", t.Precision, t.Scale), nil
	}
	return otherTypeExpr(t)
}

// otherTypeExpr renders the time, binary and structured types.
func otherTypeExpr(t migrate.Type) (string, error) {
	switch t.Kind {
	case migrate.KindDate:
		return "migrate.Date()", nil
	case migrate.KindDateTime:
		return fmt.Sprintf("migrate.DateTime(%t)", t.TZ), nil
	case migrate.KindTime:
		return "migrate.Time()", nil
	case migrate.KindBytes:
		return "migrate.Bytes()", nil
	case migrate.KindJSON:
		return "migrate.JSON()", nil
	case migrate.KindUUID:
		return "migrate.UUID()", nil
	case migrate.KindEnum:
		return "migrate.Enum(" + quoteList(append([]string{t.EnumName}, t.EnumValues...)) + ")", nil
	case migrate.KindCustom:
		if t.DDL != nil {
			return "migrate.Raw(" + strconv.Quote(t.DDL("")) + ")", nil
		}
	}
	return "", fmt.Errorf("script: cannot render column type %s", t.Kind)
}

// quoteList renders strings as comma-separated Go literals.
func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// stringSlice renders a []string literal, or nil.
func stringSlice(ss []string) string {
	if len(ss) == 0 {
		return "nil"
	}
	return "[]string{" + quoteList(ss) + "}"
}

// columnLit renders the fields of a migrate.Column literal.
func columnLit(c migrate.Column) (string, error) {
	t, err := typeExpr(c.Type)
	if err != nil {
		return "", fmt.Errorf("column %q: %w", c.Name, err)
	}
	f := []string{"Name: " + strconv.Quote(c.Name), "Type: " + t}
	if c.Nullable {
		f = append(f, "Nullable: true")
	}
	if c.Autoincrement {
		f = append(f, "Autoincrement: true")
	}
	if c.ServerDefault != "" {
		f = append(f, "ServerDefault: "+strconv.Quote(c.ServerDefault))
	}
	if c.Comment != "" {
		f = append(f, "Comment: "+strconv.Quote(c.Comment))
	}
	return "{" + strings.Join(f, ", ") + "}", nil
}

// fields renders non-empty key: value pairs.
func fields(kv ...string) string {
	var f []string
	for i := 0; i+1 < len(kv); i += 2 {
		if v := kv[i+1]; v != "" && v != `""` && v != "nil" && v != "false" {
			f = append(f, kv[i]+": "+v)
		}
	}
	return strings.Join(f, ", ")
}
