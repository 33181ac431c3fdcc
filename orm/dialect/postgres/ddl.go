package postgres

// ListTablesSQL lists the base tables of the current schema.
func (Dialect) ListTablesSQL() string {
	return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
}

// ListEnumsSQL lists the enum types of the current schema.
func (Dialect) ListEnumsSQL() string {
	return "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = current_schema()"
}
