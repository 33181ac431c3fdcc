package migrate

// Integer returns the INTEGER type.
func Integer() Type { return Type{Kind: KindInteger} }

// BigInteger returns the BIGINT type.
func BigInteger() Type { return Type{Kind: KindBigInteger} }

// SmallInteger returns the SMALLINT type.
func SmallInteger() Type { return Type{Kind: KindSmallInteger} }

// String returns VARCHAR(size); size 0 means unbounded where allowed.
func String(size int) Type { return Type{Kind: KindString, Size: size} }

// Text returns the unbounded text type.
func Text() Type { return Type{Kind: KindText} }

// Boolean returns the boolean type.
func Boolean() Type { return Type{Kind: KindBoolean} }

// Float returns the double-precision floating point type.
func Float() Type { return Type{Kind: KindFloat} }

// Numeric returns NUMERIC(precision, scale).
func Numeric(precision, scale int) Type {
	return Type{Kind: KindNumeric, Precision: precision, Scale: scale}
}

// Date returns the DATE type.
func Date() Type { return Type{Kind: KindDate} }

// DateTime returns the timestamp type; tz selects WITH TIME ZONE.
func DateTime(tz bool) Type { return Type{Kind: KindDateTime, TZ: tz} }

// Time returns the TIME type.
func Time() Type { return Type{Kind: KindTime} }

// Bytes returns the binary type.
func Bytes() Type { return Type{Kind: KindBytes} }

// JSON returns the JSON type.
func JSON() Type { return Type{Kind: KindJSON} }

// UUID returns the UUID type.
func UUID() Type { return Type{Kind: KindUUID} }

// Enum returns an enum type named name with the given values.
func Enum(name string, values ...string) Type {
	return Type{Kind: KindEnum, EnumName: name, EnumValues: values}
}
