package dialect

// A Kind is a portable column type family.
type Kind uint8

// The portable column kinds.
const (
	Invalid      Kind = iota // no type
	Integer                  // INTEGER (Go int, int32)
	BigInteger               // BIGINT (Go int64)
	SmallInteger             // SMALLINT (Go int16, int8)
	String                   // VARCHAR(n)
	Text                     // unbounded text
	Boolean                  // BOOLEAN
	Float                    // double precision
	Numeric                  // exact NUMERIC(p,s)
	Date                     // DATE
	DateTime                 // TIMESTAMP [WITH TIME ZONE]
	Time                     // TIME of day
	Interval                 // INTERVAL (BIGINT nanoseconds off PostgreSQL)
	Bytes                    // binary
	JSON                     // JSON document
	UUID                     // UUID
	Enum                     // enumerated strings
	Custom                   // user type with its own DDL
)

var kindNames = [...]string{"invalid", "integer", "biginteger", "smallinteger", "string", "text", "boolean",
	"float", "numeric", "date", "datetime", "time", "interval", "bytes", "json", "uuid", "enum", "custom"}

// String returns the kind's lower-case name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// A ColumnType is a portable column type.
type ColumnType struct {
	Kind Kind
	// Size is the length of a String (VARCHAR(n)); 0 means unbounded.
	Size int
	// Precision and Scale describe a Numeric.
	Precision, Scale int
	// TZ marks a DateTime WITH TIME ZONE.
	TZ bool
	// EnumName names the enum type (PostgreSQL CREATE TYPE).
	EnumName string
	// EnumValues lists an Enum's allowed values.
	EnumValues []string
	// DDL returns a Custom type's DDL for a dialect name.
	DDL func(dialect string) string
}

// Integral reports whether the kind is an integer kind.
func (k Kind) Integral() bool { return k == Integer || k == BigInteger || k == SmallInteger }
