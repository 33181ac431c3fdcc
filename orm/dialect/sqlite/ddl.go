package sqlite

// ListTablesSQL lists the tables of the main database.
func (Dialect) ListTablesSQL() string {
	return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
}
