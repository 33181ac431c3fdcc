package mysql

// ListTablesSQL lists the base tables of the current database.
func (Dialect) ListTablesSQL() string {
	return "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
}
